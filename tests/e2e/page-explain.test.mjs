// Explanations in place and keyboard navigation on seed000: hovering a
// highlight opens its explanation beside it; the other figure of a conflict
// and the parts of a sum are links that jump there; F8 / Shift+F8 walk the
// problems in text order; Esc closes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { editorState, report, skip, usePage } from './page-helpers.mjs';

const shared = usePage();

/** Moves the mouse onto the highlight of diagnostic `index` (scrolling the editor to it first). */
async function hover(page, index) {
  const box = await page.evaluate((i) => {
    const mark = [...document.getElementById('editor').previousElementSibling.querySelectorAll('mark')]
      .find((m) => m.dataset.index.split(' ').includes(String(i)) && !m.classList.contains('rc-related'));
    const ed = document.getElementById('editor');
    ed.scrollTop = Math.max(0, mark.offsetTop - 100);
    ed.dispatchEvent(new Event('scroll'));
    const r = mark.getClientRects()[0];
    return { x: r.left + Math.min(r.width / 2, 10), y: r.top + r.height / 2 };
  }, index);
  await page.mouse.move(box.x, box.y);
  await page.waitForFunction((i) => {
    const tip = document.getElementById('explain');
    return !tip.hidden && tip.dataset.key && document.querySelector(`.item[data-index="${i}"]`)?.dataset.key === tip.dataset.key;
  }, index);
}

test('hovering the conflicting figure explains it; the other figure is a link that jumps there', { skip }, async () => {
  const { page, text } = shared;
  const r = await report(page);
  const index = r.diagnostics.findIndex((d) => d.rule === 'numbers.conflict');
  assert.ok(index >= 0);
  const d = r.diagnostics[index];
  await hover(page, index);
  const tip = page.locator('#explain');
  assert.equal(await tip.getAttribute('role'), 'tooltip');
  const shown = await tip.textContent();
  assert.ok(shown.includes(d.message.split('请')[0].slice(0, 20)), shown);
  assert.match(shown, /怎么改：/);
  // The tooltip is beside the highlight, inside the window.
  const [tipBox, vp] = [await tip.boundingBox(), page.viewportSize()];
  assert.ok(tipBox.x >= 0 && tipBox.y >= 0 && tipBox.x + tipBox.width <= vp.width && tipBox.y + tipBox.height <= vp.height, JSON.stringify(tipBox));
  const rel = d.related[0];
  const link = tip.locator('.related button').first();
  assert.match(await link.textContent(), new RegExp(`第${rel.span.line}行`));
  await link.click();
  const ed = await editorState(page);
  assert.deepEqual([ed.start, ed.end], [rel.span.start, rel.span.end]);
  assert.equal(text.slice(ed.start, ed.end), text.slice(rel.span.start, rel.span.end));
});

test('a sum: the explanation shows the arithmetic and each part is a link', { skip }, async () => {
  const { page } = shared;
  const r = await report(page);
  const index = r.diagnostics.findIndex((d) => d.rule === 'numbers.sum');
  assert.ok(index >= 0);
  const d = r.diagnostics[index];
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');
  await hover(page, index);
  const shown = await page.locator('#explain').textContent();
  assert.match(shown, /\d+\S* \+ \d+\S* = \d+/, 'the arithmetic is shown');
  const links = page.locator('#explain .related button');
  assert.equal(await links.count(), d.related.length);
  await links.nth(1).click();
  const ed = await editorState(page);
  assert.deepEqual([ed.start, ed.end], [d.related[1].span.start, d.related[1].span.end]);
});

test('F8 and Shift+F8 walk the problems in text order; the keys are shown in the page; Esc closes', { skip }, async () => {
  const { page, text, ctx } = shared;
  assert.match(await page.locator('#keys').textContent(), /F8.*下一处.*Shift.*F8.*上一处/s);
  const order = await page.$$eval('.item', (items) => items.map((i) => ({ key: i.dataset.key, start: +i.dataset.start, end: +i.dataset.end, index: +i.dataset.index }))
    .sort((a, b) => a.start - b.start || a.index - b.index));
  await page.evaluate(() => {
    const ed = document.getElementById('editor');
    ed.focus();
    ed.setSelectionRange(0, 0);
  });
  await page.keyboard.press('Escape');
  const shownKey = () => page.evaluate(() => (document.getElementById('explain').hidden ? null : document.getElementById('explain').dataset.key));
  for (const expected of order.slice(0, 4)) {
    await page.keyboard.press('F8');
    const ed = await editorState(page);
    assert.deepEqual([ed.start, ed.end, ed.focused], [expected.start, expected.end, true]);
    assert.equal(await shownKey(), expected.key);
    assert.equal(await page.locator('.item.active').getAttribute('data-key'), expected.key);
  }
  await page.keyboard.press('Shift+F8');
  assert.equal(await shownKey(), order[2].key);
  // Enter on a finding without a one-click fix keeps the text (the selection is not replaced).
  const before = (await editorState(page)).value;
  const hasSafe = (await report(page)).diagnostics.some((d, i) => i === order[2].index && d.suggestions.some((s) => s.applicability === 'safe'));
  if (!hasSafe) {
    await page.keyboard.press('Enter');
    assert.equal((await editorState(page)).value, before);
  }
  await page.keyboard.press('Escape');
  assert.equal(await shownKey(), null);
  // From the first problem, Shift+F8 wraps round to the last.
  await page.evaluate(() => document.getElementById('editor').setSelectionRange(0, 0));
  await page.keyboard.press('F8');
  await page.keyboard.press('Shift+F8');
  assert.equal(await shownKey(), order[order.length - 1].key);
  assert.deepEqual(ctx.errors, []);
});
