// The paste page in real Chromium: paste a draft, the problems are highlighted
// exactly where the report says, a click on a finding selects it in the editor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { built, start, draft, paste, SHOTS } from './helpers.mjs';

const skip = built() ? false : 'www/pkg is not built: run ./build.sh build';
let ctx;

before(async () => {
  if (skip) return;
  ctx = await start();
  await ctx.page.goto(ctx.base);
  await ctx.page.waitForFunction(() => document.getElementById('status').textContent.includes('本机'));
});
after(async () => ctx && ctx.close());

test('pasting seed000 highlights every finding exactly and shows the three must-shows', { skip }, async () => {
  const { page } = ctx;
  const text = draft('seed000.txt', 'www/sample.txt');
  await paste(page, text);
  const report = await page.evaluate(() => window.__lastReport ?? null);
  const result = await page.evaluate(() => {
    const ed = document.getElementById('editor');
    const marks = [...ed.previousElementSibling.querySelectorAll('mark')].map((m) => ({
      start: +m.dataset.start, end: +m.dataset.end, text: m.textContent, cls: m.className,
    }));
    const items = [...document.querySelectorAll('.item')].map((i) => ({ start: +i.dataset.start, end: +i.dataset.end, rule: i.dataset.rule, msg: i.querySelector('.msg').textContent }));
    return { value: ed.value, marks, items };
  });
  assert.equal(result.value, text, 'the editor holds exactly the pasted text');
  assert.ok(result.items.length >= 3, `findings listed: ${result.items.length}`);
  // Every highlight covers exactly the text its offsets name.
  for (const m of result.marks) assert.equal(m.text, text.slice(m.start, m.end));
  // Every finding's primary span is highlighted (or lies inside a highlight it overlaps).
  for (const it of result.items) {
    if (it.end === it.start) continue;
    assert.ok(result.marks.some((m) => m.start <= it.start && it.start < m.end || it.start <= m.start && m.start < it.end), `highlight for ${it.rule} ${it.start}-${it.end}`);
  }
  if (text.includes('报到人数2546人')) {
    const conflict = result.items.find((i) => i.rule === 'numbers.conflict');
    assert.ok(conflict, 'the 2544/2546 conflict is listed');
    assert.equal(text.slice(conflict.start, conflict.end), '2546人');
    assert.ok(conflict.msg.includes('2544人'), 'the message names the other figure');
    const other = text.indexOf('2544人');
    assert.ok(result.marks.some((m) => m.start === other && m.cls.includes('related')), 'the earlier figure is highlighted as related');
    const gap = result.items.find((i) => i.rule === 'numbering.gap' && text.slice(i.start, i.end).startsWith('深入开展专项整治行动'));
    assert.ok(gap && gap.msg.includes('（二）'), 'the missing (二) in 四、 is pointed out');
    const dropped = result.items.find((i) => i.rule === 'data.dropped-number');
    assert.equal(text.slice(dropped.start, dropped.end), '等个');
  }
  // Clicking a finding selects exactly its text in the editor.
  const item = page.locator('.item[data-rule="numbers.sum"], .item').first();
  const [start, end] = [Number(await item.getAttribute('data-start')), Number(await item.getAttribute('data-end'))];
  await item.click();
  const sel = await page.evaluate(() => {
    const ed = document.getElementById('editor');
    return [ed.selectionStart, ed.selectionEnd, document.activeElement === ed];
  });
  assert.deepEqual(sel, [start, end, true]);
  fs.mkdirSync(SHOTS, { recursive: true });
  const shot = path.join(SHOTS, 'page-seed000.png');
  await page.screenshot({ path: shot });
  console.log(`screenshot: ${shot}`);
  assert.deepEqual(ctx.errors, []);
});

test('editing re-checks: fixing a figure removes its finding', { skip }, async () => {
  const { page } = ctx;
  await paste(page, '青山镇2023年一季度工作总结\n一、工作成效\n本季度共召开会议XX次。\n');
  assert.ok(await page.locator('.item[data-rule="data.placeholder"]').count() === 1);
  const before = Number(await page.evaluate(() => document.body.dataset.checked));
  await page.locator('#editor').focus();
  await page.evaluate(() => {
    const ed = document.getElementById('editor');
    const at = ed.value.indexOf('XX');
    ed.setSelectionRange(at, at + 2);
  });
  await page.keyboard.type('12');
  await page.waitForFunction((n) => Number(document.body.dataset.checked) > n, before);
  assert.equal(await page.locator('.item[data-rule="data.placeholder"]').count(), 0);
});

test('HTML and script in a draft are shown as text and never run', { skip }, async () => {
  const { page } = ctx;
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>“XX个';
  await paste(page, `镇2023年工作总结\n一、工作成效\n${payload}\n`);
  const state = await page.evaluate(() => ({
    pwned: window.__pwned ?? 0,
    imgs: document.querySelectorAll('.panel img, main img').length,
    backdrop: document.getElementById('editor').previousElementSibling.textContent,
    quotes: [...document.querySelectorAll('.item .quote')].map((q) => q.textContent),
  }));
  assert.equal(state.pwned, 0);
  assert.equal(state.imgs, 0);
  assert.ok(state.backdrop.includes('<img src=x onerror='), 'the payload is shown as text in the highlight layer');
  assert.ok(ctx.requests.every((u) => u.startsWith(ctx.base)), `no request leaves the page's own origin: ${ctx.requests.filter((u) => !u.startsWith(ctx.base))}`);
});
