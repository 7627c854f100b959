// The npm package build.sh assembles (target/npm/report-checker), used the
// way an integrator does: installed under node_modules, imported by its name
// from a page that knows nothing of www/, and compiled against its types.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, start } from './helpers.mjs';

const PKG = path.join(ROOT, 'target', 'npm', 'report-checker');
const PAGE = path.join(ROOT, 'tests', 'e2e', 'pages', 'integrator');
const skip = fs.existsSync(path.join(PKG, 'package.json')) ? false : 'package not built: run ./build.sh build';

// An integrator's site: their page, and the package installed in node_modules.
let site;
let ctx;
before(async () => {
  if (skip) return;
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-integrator-'));
  fs.copyFileSync(path.join(PAGE, 'index.html'), path.join(site, 'index.html'));
  fs.copyFileSync(path.join(PAGE, 'usage.ts'), path.join(site, 'usage.ts'));
  fs.mkdirSync(path.join(site, 'node_modules'));
  fs.cpSync(PKG, path.join(site, 'node_modules', 'report-checker'), { recursive: true });
});
after(async () => {
  if (ctx) await ctx.close();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

test('package.json is publishable: ESM, exports and types point at files that are there', { skip }, () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'report-checker');
  assert.equal(manifest.type, 'module');
  assert.match(manifest.version, /^\d+\.\d+\.\d+/);
  const targets = [manifest.types, manifest.exports['.'].types, manifest.exports['.'].default, ...Object.values(manifest.exports).filter((v) => typeof v === 'string')];
  for (const f of [...targets, ...manifest.files]) assert.ok(fs.existsSync(path.join(PKG, f)), `${f} is missing`);
  assert.ok(!manifest.private);
  // Nothing in the package reaches outside it (www/, node_modules of ours).
  for (const f of manifest.files.filter((x) => x.endsWith('.js'))) {
    const src = fs.readFileSync(path.join(PKG, f), 'utf8');
    for (const m of src.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) assert.match(m[1], /^\.\.?\//, `${f} imports ${m[1]}`);
  }
});

test('the declarations cover every export of the module, and an integrator\'s TypeScript compiles', { skip }, async () => {
  const mod = await import(path.join(site, 'node_modules', 'report-checker', 'report-checker.js'));
  const dts = fs.readFileSync(path.join(PKG, 'report-checker.d.ts'), 'utf8');
  const declared = new Set([...dts.matchAll(/export (?:default )?function (\w+)/g)].map((m) => m[1]));
  declared.add('default');
  for (const name of Object.keys(mod)) assert.ok(declared.has(name), `${name} has no declaration`);
  for (const name of ['Report', 'Diagnostic', 'Span', 'AttachOptions', 'CheckOptions', 'Handle']) {
    assert.match(dts, new RegExp(`export (interface|type) ${name}\\b`));
  }
  // Resolved the way a bundler resolves it: node_modules/report-checker/package.json → exports → types.
  fs.writeFileSync(path.join(site, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'es2022', moduleResolution: 'bundler', lib: ['es2022', 'dom'], skipLibCheck: false },
    files: ['usage.ts'],
  }));
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(site, 'tsconfig.json')], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc: ${e.stdout}${e.stderr}`);
  }
});

test('a page imports the installed package by name: attach, the custom element and the gate work', { skip }, async () => {
  ctx = await start(site);
  await ctx.page.goto(`${ctx.base}index.html`);
  await ctx.page.waitForFunction(() => window.integrator && document.querySelector('report-checker').report);
  await ctx.page.click('#submit');
  await ctx.page.waitForFunction(() => document.getElementById('out').textContent);
  const r = await ctx.page.evaluate(() => {
    const h = window.integrator.handle;
    const el = document.querySelector('report-checker');
    return {
      out: document.getElementById('out').textContent,
      ta: h.report.diagnostics.map((d) => `${d.rule}:${h.text.slice(d.span.start, d.span.end)}`),
      rich: el.report.diagnostics.map((d) => d.rule),
      listed: el.shadowRoot.querySelectorAll('li').length,
    };
  });
  assert.ok(r.ta.includes('data.placeholder:XX'), r.ta.join());
  assert.ok(r.rich.includes('numbers.sum'), r.rich.join());
  assert.equal(r.listed, r.rich.length);
  assert.match(r.out, /^[1-9]\d* 个错误$/);
  assert.deepEqual(ctx.errors, []);
  const paths = ctx.requests.map((u) => new URL(u).pathname);
  assert.ok(ctx.requests.every((u) => u.startsWith(ctx.base)), ctx.requests.join());
  assert.ok(paths.every((p) => p === '/index.html' || p.startsWith('/node_modules/report-checker/')), paths.join());
  assert.ok(paths.includes('/node_modules/report-checker/pkg/report_checker_bg.wasm'));
});
