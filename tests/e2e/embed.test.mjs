// The OA form of www/embed.html in real Chromium: <report-checker for="zw">
// attaches to the form's editor and lists the findings; 提交 is blocked while
// errors remain, with a dialog that lists them and jumps to each; after the
// fixes the form goes through. Nothing is fetched from outside the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { built, start, SHOTS } from './helpers.mjs';

const skip = built() ? false : 'www/pkg is not built: run ./build.sh build';
let ctx;

before(async () => {
  if (skip) return;
  ctx = await start();
  await ctx.page.goto(`${ctx.base}embed.html`);
  await ctx.page.waitForFunction(() => document.getElementById('checker').report);
});
after(async () => ctx && ctx.close());

const shot = async (name) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  await ctx.page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot: ${file}`);
};

test('the custom element lists the findings with paragraph and quoted context', { skip }, async () => {
  const items = await ctx.page.locator('report-checker li').allTextContents();
  assert.ok(items.some((t) => t.includes('XX') && t.includes('第4段')), items.join('\n'));
  assert.ok(items.some((t) => t.includes('【320户】')), items.join('\n'));
  // The editor's own markup is untouched: the findings are highlights, not elements.
  const html = await ctx.page.innerHTML('#zw');
  assert.ok(!/mark|rc-/.test(html), html);
});

test('提交 is blocked while errors remain; the dialog jumps to each error', { skip }, async () => {
  await ctx.page.click('#submit');
  await ctx.page.waitForSelector('#blocked[open]');
  const title = await ctx.page.textContent('#blocked-title');
  assert.match(title, /还有 \d+ 个错误，暂不能提交/);
  const items = await ctx.page.locator('#blocked-list li').allTextContents();
  assert.ok(items.some((t) => t.includes('占位符')), items.join('\n'));
  await shot('embed-blocked.png');
  await ctx.page.locator('#blocked-list li button', { hasText: '占位符' }).click();
  const selected = await ctx.page.evaluate(() => ({ open: document.getElementById('blocked').open, sel: getSelection().toString() }));
  assert.equal(selected.open, false);
  assert.equal(selected.sel, 'XX');
  assert.equal(await ctx.page.textContent('#result'), '');
});

test('after the fixes, typed in the editor, the form goes through', { skip }, async () => {
  // The selection from the dialog is on XX: type over it, like a clerk would.
  await ctx.page.keyboard.type('12');
  await ctx.page.evaluate(() => {
    const zw = document.getElementById('zw');
    for (const p of zw.querySelectorAll('p')) {
      p.innerHTML = p.innerHTML.replace('未通30户', '未通24户').replace('，等个项目全部完工', '，3个项目全部完工')
        .replace('三、存在问题', '二、存在问题').replace('四、下一步打算', '三、下一步打算');
    }
  });
  await ctx.page.click('#submit'); // at once: the gate checks the current text, not a stale report
  await ctx.page.waitForFunction(() => document.getElementById('result').textContent || document.getElementById('blocked').open);
  const result = await ctx.page.textContent('#result');
  const open = await ctx.page.evaluate(() => document.getElementById('blocked').open);
  const left = await ctx.page.evaluate(() => document.getElementById('checker').report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message));
  assert.equal(open, false, left.join('\n'));
  assert.equal(result, '检查通过，已提交。');
  await shot('embed.png');
  assert.deepEqual(ctx.errors, []);
  assert.ok(ctx.requests.every((u) => u.startsWith(ctx.base)));
});
