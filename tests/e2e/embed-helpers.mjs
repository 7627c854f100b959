// Set-up for the embedding tests: the page server of helpers.mjs, plus the
// editors' real npm packages served from node_modules as /vendor/… and the
// test pages of tests/e2e/pages as /e2e/… (routed inside the browser: nothing
// is fetched from outside).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, start } from './helpers.mjs';

const VENDORS = ['@wangeditor/editor', 'tinymce', 'ckeditor5', 'quill'];
const PAGES = path.join(ROOT, 'tests', 'e2e', 'pages');

export function editorsInstalled() {
  return VENDORS.every((v) => fs.existsSync(path.join(ROOT, 'node_modules', v, 'package.json')));
}

function serveFrom(dir) {
  return async (route) => {
    const url = new URL(route.request().url());
    const rel = decodeURIComponent(url.pathname).split('/').slice(2).join('/');
    const file = path.join(dir, rel);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      await route.fulfill({ status: 404, body: 'not found' });
    } else {
      await route.fulfill({ path: file });
    }
  };
}

/** Starts the server and browser; /vendor/<package>/… and /e2e/… are served locally. */
export async function startWithEditors() {
  const ctx = await start();
  const modules = path.join(ROOT, 'node_modules');
  await ctx.page.route(`${ctx.base}vendor/**`, async (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname).slice('/vendor/'.length);
    if (!VENDORS.some((v) => rel.startsWith(`${v}/`))) return route.fulfill({ status: 404, body: 'not a test vendor' });
    return serveFrom(modules)(route);
  });
  await ctx.page.route(`${ctx.base}e2e/**`, serveFrom(PAGES));
  await ctx.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.base });
  return ctx;
}

/** Opens the editors page with report-checker as `window.RC`, its extractor as `EX`, the probes as `T`. */
export async function openEditorsPage(ctx) {
  await ctx.page.goto(`${ctx.base}e2e/editors.html`);
  await ctx.page.waitForFunction(() => window.setupReady);
  await ctx.page.evaluate(async () => {
    window.RC = await import('/report-checker.js');
    await window.RC.default();
    window.EX = await import('/embed/extract.js');
    window.T = await import('/e2e/probe.js');
  });
}
