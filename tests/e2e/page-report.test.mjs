// Report out: the printable check report (print to PDF: verdict, checklist,
// every problem with its context, the date) and the same as JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SHOTS } from './helpers.mjs';
import { report, skip, usePage } from './page-helpers.mjs';

let ignoredIndex;
const shared = usePage({
  // One finding ignored: the report lists it apart.
  async setUp({ page }) {
    ignoredIndex = (await report(page)).diagnostics.findIndex((d) => d.rule === 'data.empty-field');
    await page.locator(`.item[data-index="${ignoredIndex}"] .ignore`).click();
  },
});

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
};

test('打印检查报告: the print view holds the verdict, the checklist, every problem with its context and the date', { skip }, async () => {
  const { page, text } = shared;
  const r = await report(page);
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => { window.__printed += 1; };
  });
  await page.click('#print');
  await page.waitForFunction(() => window.__printed > 0); // the report module loads on first use
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await page.emulateMedia({ media: 'print' });
  try {
    assert.ok(await page.locator('#print-report').isVisible());
    assert.ok(await page.locator('header.bar').isHidden());
    assert.ok(await page.locator('main').isHidden());
    const sheet = page.locator('#print-report');
    assert.equal(await sheet.locator('h1').textContent(), '工作总结检查报告');
    assert.equal(await sheet.locator('.verdict .headline').textContent(), await page.locator('#verdict .headline').textContent());
    assert.match(await sheet.textContent(), new RegExp(today()));
    assert.equal(await sheet.locator('.checklist li').count(), 6);
    const shown = r.diagnostics.length - 1;
    const problems = sheet.locator('ol.problems:not(.ignored) > li');
    assert.equal(await problems.count(), shown);
    const rows = await problems.evaluateAll((lis) => lis.map((li) => ({ msg: li.querySelector('.msg').textContent, mark: li.querySelector('.context mark')?.textContent ?? '' })));
    for (const d of r.diagnostics.filter((_, i) => i !== ignoredIndex)) {
      const row = rows.find((x) => x.msg === d.message);
      assert.ok(row, d.message);
      if (d.span.end > d.span.start && !text.slice(d.span.start, d.span.end).includes('\n')) assert.ok(text.slice(d.span.start, d.span.end).startsWith(row.mark.replace(/…$/, '')), `${row.mark} for ${d.rule}`);
    }
    assert.equal(await sheet.locator('ol.problems.ignored > li').count(), 1);
    // And it prints: Chromium renders the print view to a PDF.
    fs.mkdirSync(SHOTS, { recursive: true });
    const pdf = await page.pdf({ path: path.join(SHOTS, 'check-report.pdf'), format: 'A4' });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.length > 10_000, `PDF of ${pdf.length} bytes`);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
});

test('导出 JSON: the same report as a file: verdict, checklist, findings with their text and context, what was ignored', { skip }, async () => {
  const { page, text, ctx } = shared;
  const r = await report(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  assert.match(download.suggestedFilename(), /^检查报告-\d{8}\.json$/);
  const data = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(data.title, r.outline.title.text);
  assert.equal(data.template, 'half-year');
  assert.equal(data.characters, text.length);
  assert.equal(data.verdict.errors, r.diagnostics.filter((d, i) => d.severity === 'error' && i !== ignoredIndex).length);
  assert.equal(data.verdict.headline, await page.locator('#verdict .headline').textContent());
  assert.deepEqual(data.checklist.map((c) => c.id), ['results', 'methods', 'problems', 'plans', 'signature', 'date']);
  assert.equal(data.findings.length, r.diagnostics.length - 1);
  for (const f of data.findings) {
    assert.equal(f.text, text.slice(f.start, f.end));
    assert.ok(f.context.includes(f.text.split('\n')[0].slice(0, 10)), f.rule);
  }
  assert.deepEqual(data.ignored.map((f) => f.rule), [r.diagnostics[ignoredIndex].rule]);
  assert.ok(Math.abs(Date.parse(data.generatedAt) - Date.now()) < 60_000);
  assert.deepEqual(ctx.errors, []);
});
