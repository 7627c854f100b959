// Helpers shared by the page's end-to-end tests (on top of helpers.mjs).
import { before, after } from 'node:test';
import { start, paste, built, draft } from './helpers.mjs';

/** Starts the server and browser, opens the page and waits for its first result. */
export async function openPage(viewport = { width: 1366, height: 768 }) {
  const ctx = await start();
  await ctx.page.setViewportSize(viewport);
  await ctx.page.goto(ctx.base);
  await ready(ctx.page);
  return ctx;
}

export const ready = (page) => page.waitForFunction(() => Number(document.body.dataset.checked ?? 0) > 0);

export const checkedCount = (page) => page.evaluate(() => Number(document.body.dataset.checked ?? 0));

/** Runs `action` and waits until the page has shown the result of a check that followed it. */
export async function afterCheck(page, action) {
  const before = await checkedCount(page);
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.checked ?? 0) > n, before);
}

/** Replaces the draft with `text` (select all, paste) and waits for its result. */
export async function load(page, text) {
  await page.evaluate(() => {
    const ed = document.getElementById('editor');
    ed.focus();
    ed.select();
  });
  await paste(page, text);
}

export const editorState = (page) => page.evaluate(() => {
  const ed = document.getElementById('editor');
  return { value: ed.value, start: ed.selectionStart, end: ed.selectionEnd, focused: document.activeElement === ed };
});

export const report = (page) => page.evaluate(() => window.__lastReport);

export const skip = built() ? false : 'www/pkg is not built: run ./build.sh build';

/**
 * One page for a test file: opened before its tests (at `viewport`, seed000
 * loaded unless `seed` is false, then `setUp`), closed after. Returns the
 * shared state {ctx, page, text} the tests read once the hooks have run.
 */
export function usePage({ viewport, seed = true, setUp } = {}) {
  const s = { ctx: null, page: null, text: seed ? draft('seed000.txt', 'www/sample.txt') : '' };
  before(async () => {
    if (skip) return;
    s.ctx = await openPage(viewport);
    s.page = s.ctx.page;
    if (seed) await load(s.page, s.text);
    if (setUp) await setUp(s);
  });
  after(async () => s.ctx && s.ctx.close());
  return s;
}
