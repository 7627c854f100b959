// attach() against the real npm packages of the editors OA systems use
// (wangEditor 5, TinyMCE, CKEditor 5, Quill 2) plus a <textarea> and a plain
// contenteditable: load a draft through the editor's own API, then type,
// Backspace, Enter, paste and undo with real key presses. After each, the
// handle's report is check() of the editor's current text (no stale report,
// whatever events the editor fires) and every span is highlighted on its text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { built, SHOTS } from './helpers.mjs';
import { editorsInstalled, openEditorsPage, startWithEditors } from './embed-helpers.mjs';

const skip = !built() ? 'www/pkg is not built: run ./build.sh build' : !editorsInstalled() ? 'editors not installed: npm ci' : false;
const KINDS = ['textarea', 'contenteditable', 'wangeditor', 'tinymce', 'ckeditor', 'quill'];

const LINES = [
  '青山镇2023年上半年工作总结',
  '一、工作成效',
  '机关党员到社区报到2544人，开展服务活动。',
  '全镇共有农户320户，其中已通自来水296户，未通30户。',
  '召开会议XX次。',
  '三、存在问题',
  '推进党建进小区，机关党员到社区的报到人数2546人。',
];
const TEXT = LINES.join('\n');
// The same draft as an editor holds it: a heading, paragraphs, bold text.
const HTML = [`<h2>${LINES[0]}</h2>`, ...LINES.slice(1).map((l) => `<p>${l.replace('XX', '<strong>XX</strong>')}</p>`)].join('');

let ctx;
const latencies = {};

before(async () => {
  if (skip) return;
  ctx = await startWithEditors();
  await openEditorsPage(ctx);
});
after(async () => {
  if (ctx) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await ctx.page.screenshot({ path: path.join(SHOTS, 'embed-editors.png'), fullPage: true });
    await ctx.close();
  }
  const rows = Object.entries(latencies).map(([k, v]) => `${k}: ${v.map((x) => x.toFixed(0)).join(' / ')} ms`);
  if (rows.length) console.log(`keystroke → updated report (debounce 200 ms included):\n  ${rows.join('\n  ')}`);
});

/**
 * Waits until the editor shows the step's effect (`done(text)`: some editors
 * apply a paste a moment later) and the handle is in step with the editor,
 * then checks its highlights.
 */
async function settled(kind, step, done) {
  const probe = () => ctx.page.evaluate((k) => ({
    synced: window.T.synced(window.H[k]), text: window.H[k].text, now: window.T.currentText(window.H[k]),
  }), kind);
  let state = await probe();
  for (const deadline = Date.now() + 5000; !(state.synced && done(state.now)) && Date.now() < deadline;) {
    await ctx.page.waitForTimeout(50);
    state = await probe();
  }
  assert.ok(done(state.now), `${kind} after ${step}: the editor does not show it: ${state.now}`);
  assert.ok(state.synced, `${kind} after ${step}: report is stale: ${JSON.stringify(state)}`);
  const r = await ctx.page.evaluate((k) => ({ missing: window.T.uncovered(window.H[k]), n: window.H[k].report.diagnostics.length }), kind);
  assert.deepEqual(r.missing, [], `${kind} after ${step}: spans without their highlight`);
  assert.ok(r.n > 0, `${kind} after ${step}: no findings`);
}

const press = async (kind, needle, keys, { before: atStart = false } = {}) => {
  await ctx.page.evaluate(([k, n, b]) => window.T.caret(window.H[k], n, b), [kind, needle, atStart]);
  await ctx.page.waitForTimeout(60); // editors sync their model from selectionchange
  for (const key of keys) await ctx.page.keyboard.press(key);
};

for (const kind of KINDS) {
  test(`${kind}: load, type, Backspace, Enter, paste, undo — the report follows every change`, { skip }, async () => {
    await ctx.page.evaluate(async ([k, html, text]) => {
      const ed = await window.setup(k);
      window.ED = { ...window.ED, [k]: ed };
      const h = window.RC.attach(ed.element);
      window.H = { ...window.H, [k]: h };
      window.T.timeKeystrokes(h);
      await h.ready();
      ed.load(html, text); // through the editor's own API: no input event
    }, [kind, HTML, TEXT]);
    await settled(kind, 'load', (t) => t.startsWith(LINES[0]) && t.includes('召开会议XX次。') && t.includes('三、存在问题'));
    const flagged = await ctx.page.evaluate((k) => {
      const h = window.H[k];
      return h.report.diagnostics.map((d) => `${d.rule}:${h.text.slice(d.span.start, d.span.end)}:${d.span.paragraph}`);
    }, kind);
    assert.ok(flagged.includes('data.placeholder:XX:5'), flagged.join());
    assert.ok(flagged.includes('numbers.sum:320户:4'), flagged.join());

    await press(kind, '未通3', []);
    await ctx.page.keyboard.type('5');
    await settled(kind, 'typing', (t) => t.includes('未通350户'));

    await press(kind, '2546', ['Backspace']);
    await settled(kind, 'Backspace', (t) => t.includes('报到人数254人'));

    await press(kind, '其中', ['Enter']);
    await settled(kind, 'Enter', (t) => /其中\n已通自来水/.test(t));

    await ctx.page.evaluate(() => navigator.clipboard.writeText('另有流动党员12人。'));
    await press(kind, '召开会议XX次。', ['Control+V']);
    await settled(kind, 'paste', (t) => t.includes('召开会议XX次。另有流动党员12人。'));

    await ctx.page.keyboard.press('Control+Z');
    await settled(kind, 'undo', (t) => !t.includes('另有流动党员') && t.includes('召开会议XX次。'));

    latencies[kind] = await ctx.page.evaluate((k) => window.H[k].latencies, kind);
    assert.ok(latencies[kind].length >= 4, `${kind}: results after key presses: ${latencies[kind]}`);
  });
}

test('two editors on one page keep their own highlights; detaching one leaves the other', { skip }, async () => {
  const r = await ctx.page.evaluate(() => {
    const a = window.H.contenteditable;
    const b = window.H.ckeditor;
    const names = (h) => Object.values(h.highlightNames).filter((n) => CSS.highlights.has(n));
    const before = { a: names(a), b: names(b) };
    a.detach();
    return { before, afterA: names(a), afterB: names(b), bSynced: window.T.synced(b), missingB: window.T.uncovered(b) };
  });
  assert.ok(r.before.a.length > 0 && r.before.b.length > 0);
  assert.equal(r.before.a.filter((n) => r.before.b.includes(n)).length, 0, 'names are per handle');
  assert.deepEqual(r.afterA, []);
  assert.deepEqual(r.afterB, r.before.b);
  assert.ok(r.bSynced);
  assert.deepEqual(r.missingB, []);
});
