// Builds what the page loads, from the ES modules under www/:
// - www/pkg/page.js: app.js and every module it imports joined into one file.
//   index.html loads this one file instead of some twenty modules: a browser
//   opens six connections to a server, so a module graph arrives in rounds,
//   and navigation → first result was 110–150 ms with the modules against
//   80–90 ms with the bundle on the same machine.
// - target/offline/report-checker.html: one self-contained HTML file, for
//   offices where nothing can be installed and there is no server. Opened from
//   disk (file://) it loads nothing: the styles, the bundle and the sample are
//   inlined, and the wasm travels as base64 that app.js hands to init() as bytes.
//
//   node scripts/build-page.mjs [--root www] [--out target/offline/report-checker.html]
//
// Run it after editing anything under www/ (build.sh does). Browsers do not
// load ES modules from file:// (no origin), and a bundle is one request: each
// module becomes a function scope whose exports are an object, in dependency
// order. The transform covers the import/export forms this code base uses and
// stops with an error on anything else, rather than emitting a page that
// breaks at run time.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(opt('root', path.join(here, '..', 'www')));
const out = path.resolve(opt('out', path.join(here, '..', 'target', 'offline', 'report-checker.html')));

const IMPORT = /^import\s+([\s\S]*?)\s+from\s+['"](\.[^'"]+)['"];?[ \t]*$/gm;
const EXPORT_DECL = /^export\s+(default\s+)?((?:async\s+)?function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)/gm;
const EXPORT_LIST = /^export\s*\{([^}]*)\};?[ \t]*$/gm;
const EXPORT_FROM = /^export\s*\{([^}]*)\}\s*from\s*['"](\.[^'"]+)['"];?[ \t]*$/gm;

/** `a, { b, c as d }` / `* as ns` → a destructuring of the imported module's exports. */
function bindingOf(clause, id) {
  const ns = clause.match(/^\*\s+as\s+([\w$]+)$/);
  if (ns) return `const ${ns[1]} = __modules[${JSON.stringify(id)}];`;
  const m = clause.match(/^([\w$]+)?\s*,?\s*(?:\{([\s\S]*)\})?$/);
  if (!m) throw new Error(`${id}: cannot bundle import clause “${clause}”`);
  const names = [];
  if (m[1]) names.push(`default: ${m[1]}`);
  for (const part of (m[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, alias] = part.split(/\s+as\s+/);
    names.push(alias ? `${name}: ${alias}` : name);
  }
  return `const { ${names.join(', ')} } = __modules[${JSON.stringify(id)}];`;
}

let reexports = 0;

function bundle(entry) {
  const order = [];
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    let src = fs.readFileSync(file, 'utf8');
    const deps = [];
    src = src.replace(IMPORT, (_, clause, spec) => {
      const dep = path.resolve(path.dirname(file), spec);
      deps.push(dep);
      return bindingOf(clause.trim(), path.relative(root, dep));
    });
    // `import('./x.js')` (a module loaded when first used): bundled like the others, already there.
    src = src.replace(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g, (_, spec) => {
      const dep = path.resolve(path.dirname(file), spec);
      deps.push(dep);
      return `Promise.resolve(__modules[${JSON.stringify(path.relative(root, dep))}])`;
    });
    const exported = [];
    // `export { a, b as c } from './x.js'`: bound under private names, exported under the public ones.
    src = src.replace(EXPORT_FROM, (_, list, spec) => {
      const dep = path.resolve(path.dirname(file), spec);
      deps.push(dep);
      const binds = [];
      for (const part of list.split(',').map((x) => x.trim()).filter(Boolean)) {
        const [name, alias] = part.split(/\s+as\s+/);
        const local = `__reexport_${reexports++}`;
        binds.push(`${name}: ${local}`);
        exported.push(`${alias ?? name}: ${local}`);
      }
      return `const { ${binds.join(', ')} } = __modules[${JSON.stringify(path.relative(root, dep))}];`;
    });
    src = src.replace(EXPORT_DECL, (_, dflt, kind, name) => {
      exported.push(dflt ? `default: ${name}` : name);
      return `${kind} ${name}`;
    });
    src = src.replace(EXPORT_LIST, (_, list) => {
      for (const part of list.split(',').map((s) => s.trim()).filter(Boolean)) {
        const [name, alias] = part.split(/\s+as\s+/);
        exported.push(alias ? `${alias}: ${name}` : name);
      }
      return '';
    });
    const left = src.match(/^\s*(import|export)\b[^(.]/m);
    if (left) throw new Error(`${path.relative(root, file)}: an import/export form the bundler does not know: “${left[0].trim()}…”`);
    for (const dep of deps) visit(dep);
    order.push({ id: path.relative(root, file), src, exported });
  };
  visit(entry);
  const parts = ['const __modules = Object.create(null);'];
  for (const m of order) {
    parts.push(`__modules[${JSON.stringify(m.id)}] = (() => {\n${m.src}\nreturn { ${m.exported.join(', ')} };\n})();`);
  }
  // An inline script ends at the first `</script`, wherever it stands.
  return parts.join('\n').replace(/<\/script/gi, '<\\/script');
}

const sha256 = (s) => `'sha256-${crypto.createHash('sha256').update(s).digest('base64')}'`;

const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
const css = fs.readFileSync(path.join(root, 'style.css'), 'utf8');
const bundled = bundle(path.join(root, 'app.js'));
// The served page's bundle sits beside the wasm-bindgen glue, so import.meta.url finds the wasm as the glue would.
fs.writeFileSync(path.join(root, 'pkg', 'page.js'), `${bundled}\n`);
// The hash covers the script element's exact content, newlines included.
const js = `\n${bundled}\n`;
const wasm = fs.readFileSync(path.join(root, 'pkg', 'report_checker_bg.wasm')).toString('base64');
const sample = fs.readFileSync(path.join(root, 'sample.txt'), 'utf8').replace(/<\/script/gi, '<\\/script');
const icon = `data:image/svg+xml;base64,${fs.readFileSync(path.join(root, 'favicon.svg')).toString('base64')}`;
// Only the inline script this file carries may run; nothing may be fetched at all.
const csp = `default-src 'none'; script-src ${sha256(js)} 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;

let page = html
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
  .replace(/^<!--[^>]*-->\n/gm, '')
  .replace(/^<link rel="(modulepreload|preload)"[^\n]*\n/gm, '')
  .replace(/^<script defer src="page\/boot.js"><\/script>\n/m, '') // the wasm is inline
  .replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${icon}">`)
  .replace(/<link rel="stylesheet" href="style.css">/, () => `<style>\n${css}</style>`)
  .replace(/<script type="module" src="pkg\/page.js"><\/script>/, () => `<script type="module">${js}</script>`)
  .replace('</body>', () => `<script type="application/octet-stream" id="rc-wasm">${wasm}</script>\n<script type="text/plain" id="rc-sample">${sample}</script>\n</body>`);
for (const leftover of [/<link rel="(modulepreload|preload|stylesheet)"/, /<script[^>]* src=/]) {
  if (leftover.test(page)) throw new Error(`single file still refers to an outside file: ${leftover}`);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, page);
console.log(`page bundle: ${path.relative(process.cwd(), path.join(root, 'pkg', 'page.js'))} (${(bundled.length / 1024).toFixed(0)} KB); offline page: ${path.relative(process.cwd(), out)} (${(page.length / 1024).toFixed(0)} KB, ${(crypto.createHash('sha256').update(page).digest('hex')).slice(0, 12)})`);
