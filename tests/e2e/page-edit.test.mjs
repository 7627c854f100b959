// What the clerk does to the findings and the draft: apply a safe fix and undo
// it with Ctrl+Z, see unsafe suggestions only as 可能应为…, ignore a finding for
// this draft, turn a rule off for the session, get the draft back after a
// reload, and 清空 only after saying yes (and undo that too).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { draft } from './helpers.mjs';
import { afterCheck, editorState, load, ready, report, skip, usePage } from './page-helpers.mjs';

const shared = usePage();

const errorsShown = async (page) => Number((await page.locator('#verdict .headline').textContent()).match(/有 (\d+) 处错误/)?.[1] ?? 0);

test('only safe suggestions get a one-click button; the others read 可能应为…', { skip }, async () => {
  const { page } = shared;
  const r = await report(page);
  const items = await page.$$eval('.item', (els) => els.map((e) => ({ index: +e.dataset.index, apply: e.querySelectorAll('.fix .apply').length, maybe: [...e.querySelectorAll('.fix .maybe')].map((m) => m.textContent) })));
  let unsafe = 0;
  for (const it of items) {
    const sugg = r.diagnostics[it.index].suggestions;
    const safe = sugg.filter((s) => s.applicability === 'safe');
    assert.equal(it.apply, safe.length, `${r.diagnostics[it.index].rule}`);
    assert.equal(it.maybe.length, sugg.length - safe.length);
    for (const m of it.maybe) assert.match(m, /^可能应(为“.*”|删去)$/);
    unsafe += sugg.length - safe.length;
  }
  assert.ok(items.length > 0);
  assert.ok(unsafe + items.reduce((n, it) => n + it.apply, 0) > 0, 'seed000 has suggestions');
});

test('a safe fix in one click, undone with Ctrl+Z; Enter applies the safe fix F8 chose; a stale text is refused', { skip }, async (t) => {
  const { page, text } = shared;
  const r = await report(page);
  const fixable = r.diagnostics.map((d, i) => ({ d, i, s: d.suggestions.filter((s) => s.applicability === 'safe') })).filter((x) => x.s.length === 1);
  if (!r.diagnostics.some((d) => d.suggestions.some((s) => 'applicability' in s))) {
    t.skip('the core does not mark suggestions safe yet (applicability comes with the rule registry)');
    return;
  }
  assert.ok(fixable.length >= 2, 'seed000 has at least two safe fixes');
  const [{ d, i, s: [s] }] = fixable;
  const expected = text.slice(0, s.span.start) + s.replacement + text.slice(s.span.end);
  await afterCheck(page, () => page.locator(`.item[data-index="${i}"] .fix .apply`).click());
  assert.equal((await editorState(page)).value, expected);
  const after = await report(page);
  assert.ok(!after.diagnostics.some((x) => x.rule === d.rule && x.span.start === d.span.start && x.message === d.message), 'the fixed finding is gone');
  // Ctrl+Z as in any editor: the draft is back, and re-checked.
  await afterCheck(page, async () => {
    await page.locator('#editor').focus();
    await page.keyboard.press('Control+z');
  });
  assert.equal((await editorState(page)).value, text);

  // Keyboard: F8 to the second fixable finding, Enter applies its fix.
  const second = fixable[1];
  // The caret just before it (its select event handled), then F8.
  await page.evaluate((at) => {
    document.getElementById('editor').setSelectionRange(at, at);
    return new Promise(requestAnimationFrame);
  }, second.d.span.start - 1);
  await page.keyboard.press('F8');
  const sel = await editorState(page);
  assert.deepEqual([sel.start, sel.end], [second.d.span.start, second.d.span.end]);
  await afterCheck(page, () => page.keyboard.press('Enter'));
  const s2 = second.s[0];
  assert.equal((await editorState(page)).value, text.slice(0, s2.span.start) + s2.replacement + text.slice(s2.span.end));
  await afterCheck(page, () => page.keyboard.press('Control+z'));
  assert.equal((await editorState(page)).value, text);

  // The editor no longer holds the checked text (changed, not yet re-checked): the fix is refused.
  await page.evaluate(() => {
    document.getElementById('editor').value += '补';
  });
  await page.locator(`.item[data-index="${i}"] .fix .apply`).click();
  assert.equal((await editorState(page)).value, `${text}补`);
  assert.match(await page.locator('#status').textContent(), /改动过/);
  await load(page, text);
});

test('ignore one finding for this draft: gone from the list, the count and the highlights; kept over a reload; reversible', { skip }, async () => {
  const { page, text } = shared;
  const r = await report(page);
  const index = r.diagnostics.findIndex((d) => d.rule === 'numbers.conflict');
  const errors = await errorsShown(page);
  await page.locator(`.item[data-index="${index}"] .ignore`).click();
  assert.equal(await page.locator(`.item[data-index="${index}"]`).count(), 0);
  assert.equal(await errorsShown(page), errors - 1);
  assert.match(await page.locator('#suppressed').textContent(), /已忽略 1 处/);
  assert.ok(await page.locator('#suppressed').isVisible());
  const marks = await page.evaluate((i) => [...document.getElementById('editor').previousElementSibling.querySelectorAll('mark')]
    .filter((m) => m.dataset.index.split(' ').includes(String(i))).map((m) => m.classList.contains('ignored')), index);
  assert.ok(marks.length > 0 && marks.every(Boolean), 'its highlights are dimmed');
  // Still ignored after a reload: it belongs to the saved draft.
  await page.reload();
  await ready(page);
  assert.equal((await editorState(page)).value, text);
  assert.equal(await page.locator(`.item[data-index="${index}"]`).count(), 0);
  assert.equal(await errorsShown(page), errors - 1);
  await page.locator('#suppressed .restore-ignored').click();
  assert.equal(await page.locator(`.item[data-index="${index}"]`).count(), 1);
  assert.equal(await errorsShown(page), errors);
  assert.ok(await page.locator('#suppressed').isHidden());
});

test('turn a rule off for the session: no finding of it, shown as off, kept over a reload, turned back on', { skip }, async () => {
  const { page } = shared;
  const rule = 'data.empty-field';
  const count = await page.locator(`.item[data-rule="${rule}"]`).count();
  assert.ok(count >= 2);
  await afterCheck(page, () => page.locator(`.item[data-rule="${rule}"] .rule-off`).first().click());
  assert.equal(await page.locator(`.item[data-rule="${rule}"]`).count(), 0);
  assert.equal(await page.locator(`#suppressed .row[data-rule="${rule}"]`).count(), 1);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator(`.item[data-rule="${rule}"]`).count(), 0);
  await afterCheck(page, () => page.locator(`#suppressed .row[data-rule="${rule}"] .rule-on`).click());
  assert.equal(await page.locator(`.item[data-rule="${rule}"]`).count(), count);
  assert.ok(await page.locator('#suppressed').isHidden());
});

test('autosave: typing survives a reload; 清空 asks first, can be cancelled, and Ctrl+Z brings the draft back', { skip }, async () => {
  const { page, text, ctx } = shared;
  await page.evaluate(() => {
    const ed = document.getElementById('editor');
    ed.focus();
    ed.setSelectionRange(ed.value.length, ed.value.length);
  });
  await afterCheck(page, () => page.keyboard.type('补记一句。'));
  await page.reload();
  await ready(page);
  assert.equal((await editorState(page)).value, `${text}补记一句。`);
  assert.match(await page.locator('#status').textContent(), /已恢复/);

  await page.click('#clear');
  assert.ok(await page.locator('#confirm-clear').isVisible(), 'asks first');
  await page.click('#confirm-clear button[value="cancel"]');
  assert.equal((await editorState(page)).value, `${text}补记一句。`);
  await page.click('#clear');
  await afterCheck(page, () => page.click('#confirm-clear button[value="clear"]'));
  assert.equal((await editorState(page)).value, '');
  assert.equal(await page.locator('#verdict .headline').textContent(), '等待文稿');
  await afterCheck(page, async () => {
    await page.locator('#editor').focus();
    await page.keyboard.press('Control+z');
  });
  assert.equal((await editorState(page)).value, `${text}补记一句。`);
  assert.deepEqual(ctx.errors, []);
});
