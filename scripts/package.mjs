// Assembles the npm package an integrator installs, from the built page files:
//
//   node scripts/package.mjs [OUT]     (default target/npm/report-checker)
//
// The folder can be published as it is (`npm publish target/npm/report-checker`):
// package.json (ESM, `exports`, `types`), the module and its embed/ parts,
// the wasm and its glue, TypeScript declarations and the integrator README.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'target', 'npm', 'report-checker'));

const cargo = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))[1];

const FILES = {
  'report-checker.js': 'www/report-checker.js',
  'report-checker.d.ts': 'package/report-checker.d.ts',
  'README.md': 'package/README.md',
  'pkg/report_checker.js': 'www/pkg/report_checker.js',
  'pkg/report_checker_bg.wasm': 'www/pkg/report_checker_bg.wasm',
};
for (const f of fs.readdirSync(path.join(ROOT, 'www', 'embed'))) {
  if (f.endsWith('.js')) FILES[`embed/${f}`] = `www/embed/${f}`;
}

fs.rmSync(out, { recursive: true, force: true });
for (const [to, from] of Object.entries(FILES)) {
  fs.mkdirSync(path.dirname(path.join(out, to)), { recursive: true });
  fs.copyFileSync(path.join(ROOT, from), path.join(out, to));
}

const manifest = {
  name: 'report-checker',
  version: field('version'),
  description: `${field('description')} — checks in the browser (WebAssembly) and highlights inline in textarea and rich-text editors`,
  license: field('license'),
  type: 'module',
  main: './report-checker.js',
  module: './report-checker.js',
  types: './report-checker.d.ts',
  exports: {
    '.': { types: './report-checker.d.ts', default: './report-checker.js' },
    './report_checker_bg.wasm': './pkg/report_checker_bg.wasm',
    './package.json': './package.json',
  },
  // Importing the module defines the <report-checker> element.
  sideEffects: ['./report-checker.js'],
  files: Object.keys(FILES).concat('package.json'),
  keywords: ['工作总结', 'proofreading', 'chinese', 'wasm', 'wangeditor', 'tinymce', 'ckeditor', 'quill'],
};
fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`package: ${out} (${Object.keys(FILES).length + 1} files)`);
