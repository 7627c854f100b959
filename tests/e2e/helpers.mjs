// Shared set-up for the end-to-end tests: the page served from www/ on a free
// port, and Debian's Chromium driven by playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';
import { createServer } from '../../scripts/serve.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHOTS = path.join(ROOT, 'target', 'e2e');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export function built() {
  return fs.existsSync(path.join(ROOT, 'www', 'pkg', 'report_checker_bg.wasm'));
}

/** Serves `root` (the page, www/, unless told) and opens Chromium on it. */
export async function start(root = path.join(ROOT, 'www')) {
  const server = createServer(root);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    base, browser, page, requests, errors,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Reads a draft: the shared corpus seed when present, else our own fixture. */
export function draft(seedName, fixture) {
  const seed = path.join(ROOT, '..', 'shared', 'corpus', 'seeds', seedName);
  return fs.readFileSync(fs.existsSync(seed) ? seed : path.join(ROOT, fixture), 'utf8');
}

/** Pastes `text` into the page's editor the way a user does, and waits for the result of that text. */
export async function paste(page, text) {
  const before = Number(await page.evaluate(() => document.body.dataset.checked ?? 0));
  await page.locator('#editor').focus();
  await page.evaluate(async (t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    const ed = document.getElementById('editor');
    const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    // Chromium does not insert synthetic paste events itself: do what the default action does.
    if (ed.dispatchEvent(ev)) {
      ed.setRangeText(t, ed.selectionStart, ed.selectionEnd, 'end');
      ed.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: t }));
    }
  }, text);
  await page.waitForFunction((n) => Number(document.body.dataset.checked ?? 0) > n, before);
}
