// The OA embedding in real Chromium: attach() on a host <textarea> and on a
// contenteditable editor, without rewriting the host's DOM; highlights land
// on exactly the flagged text, also after characters outside the BMP (𠀀, 😀);
// the pre-submission gate counts the errors.
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
  await ctx.page.waitForFunction(() => window.rc?.ta?.report && window.rc?.rte?.report);
});
after(async () => ctx && ctx.close());

test('textarea: the field keeps its value, the backdrop marks slice the flagged text', { skip }, async () => {
  const r = await ctx.page.evaluate(() => {
    const ta = document.getElementById('ta');
    const marks = [...document.querySelectorAll('.rc-backdrop mark')].map((m) => ({ start: +m.dataset.start, end: +m.dataset.end, text: m.textContent }));
    return { value: ta.value, children: ta.children.length, marks, diags: window.rc.ta.report.diagnostics.map((d) => ({ rule: d.rule, ...d.span })) };
  });
  assert.equal(r.children, 0);
  const rules = r.diags.map((d) => d.rule);
  assert.ok(rules.includes('numbers.sum'), rules.join());
  assert.ok(rules.includes('data.placeholder'), rules.join());
  assert.ok(rules.includes('numbering.gap'), rules.join());
  for (const m of r.marks) assert.equal(m.text, r.value.slice(m.start, m.end));
  const sum = r.diags.find((d) => d.rule === 'numbers.sum');
  assert.equal(r.value.slice(sum.start, sum.end), '320户');
});

test('contenteditable: host DOM untouched, highlight ranges cover the flagged text after 𠀀 and 😀', { skip }, async () => {
  const r = await ctx.page.evaluate(async () => {
    const rte = document.getElementById('rte');
    const htmlBefore = rte.innerHTML;
    // Edit like a user: re-checks through the debounced live checker.
    const b = rte.querySelector('b');
    b.firstChild.data = '共召开了';
    rte.dispatchEvent(new InputEvent('input', { bubbles: true }));
    const seen = window.rc.rte.report;
    await new Promise((resolve) => {
      const wait = () => (window.rc.rte.report !== seen ? resolve() : setTimeout(wait, 20));
      wait();
    });
    const ranges = [];
    for (const name of ['rc-error', 'rc-warning', 'rc-info']) {
      for (const range of CSS.highlights.get(name) ?? []) ranges.push(range.toString());
    }
    const text = window.rc.rte.text;
    const flagged = window.rc.rte.report.diagnostics.map((d) => ({ rule: d.rule, text: text.slice(d.span.start, d.span.end) }));
    return { htmlBefore, htmlAfter: rte.innerHTML, ranges, flagged, text };
  });
  // Only our own edit changed the host's markup: no wrapper, no mark element.
  assert.equal(r.htmlAfter, r.htmlBefore.replace('共召开', '共召开了'));
  assert.ok(!r.htmlAfter.includes('<mark'));
  assert.ok(r.text.startsWith('𠀀村😀'));
  const placeholder = r.flagged.find((f) => f.rule === 'data.placeholder');
  assert.equal(placeholder?.text, 'XX');
  const dropped = r.flagged.find((f) => f.rule === 'data.dropped-number');
  assert.equal(dropped?.text, '等个');
  // Each highlighted range is exactly a flagged text.
  for (const t of ['XX', '等个']) assert.ok(r.ranges.includes(t), `${t} in ${JSON.stringify(r.ranges)}`);
});

test('the pre-submission gate blocks while errors remain', { skip }, async () => {
  await ctx.page.click('#submit');
  const gate = await ctx.page.textContent('#gate');
  assert.match(gate, /还有 \d+ 个错误，暂不能提交/);
  fs.mkdirSync(SHOTS, { recursive: true });
  const shot = path.join(SHOTS, 'embed.png');
  await ctx.page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);
  assert.deepEqual(ctx.errors, []);
  assert.ok(ctx.requests.every((u) => u.startsWith(ctx.base)));
});
