// The checking page: an editor with inline highlights (through attach()), a
// verdict and section checklist, explanations in place, keyboard navigation,
// safe fixes with undo, ignoring, autosave, .docx and Word/WPS paste, and the
// check report out as print and JSON. Modules under page/ do the parts; this
// file holds the state and wires them together.

import * as checker from './report-checker.js';
import { $ } from './page/dom.js';
import { visibleFindings, exportOf, isSafe, presetForTitle, CATEGORY_LABELS } from './page/model.js';
import { loadDraft, saveDraft, loadRulesOff, saveRulesOff } from './page/store.js';
import { renderVerdict, renderChecklist, renderSuppressed, renderOutline, renderFindings } from './page/panel.js';
import { createExplainer } from './page/explain.js';
import { replaceRange, applySuggestion, clearEditor } from './page/editing.js';
import { pastedText } from './page/paste.js';
import { marksOf, indexesOf } from './page/marks.js';

const DELAY_MS = 150; // debounce after the last keystroke
const editor = $('editor');
const state = {
  report: null, text: '', findings: [], ignored: new Set(), rulesOff: loadRulesOff(), saved: true, note: '', listAll: false,
};
// Figures the timing test reads: navigation start → first result, keystroke → highlights.
const timing = (window.__rcTiming = { firstResultMs: null, lastInputAt: 0, updates: [] });
let handle;
let explainer;

// Rule identities from the registry when the module has it (rules(), read once the wasm is loaded), else the family name.
const rules = new Map();
const ruleName = (code) => rules.get(code)?.summary ?? `${CATEGORY_LABELS[code.split('.')[0]] ?? ''}检查 ${code}`;

const options = () => ({ ...($('template').value ? { template: $('template').value } : {}), disabledRules: [...state.rulesOff] });

function status(note) {
  state.note = note ?? '';
  const text = state.text;
  const parts = [];
  if (state.note) parts.push(state.note);
  if (text) parts.push(`共 ${text.length.toLocaleString()} 字`, `检查用时 ${handle?.ms?.toFixed(1) ?? '–'} 毫秒`);
  parts.push(state.saved ? (text ? '已自动保存在本机浏览器' : '文稿只在本机处理，不会上传') : '浏览器拒绝保存，关闭页面前请自行保存文稿');
  $('status').textContent = parts.join(' · ');
}

const act = {
  text: () => state.text,
  ruleName,
  ruleInfo: (code) => rules.get(code) ?? null,
  select: (span) => handle.select(span.start, span.end),
  findingByIndex: (i) => state.findings.find((f) => f.index === i) ?? null,
  findingByKey: (k) => state.findings.find((f) => f.key === k) ?? null,
  findingAtCaret() {
    if (editor.value !== state.text) return null;
    const { selectionStart: a, selectionEnd: b } = editor;
    let best = null;
    for (const f of state.findings) {
      const { start, end } = f.d.span;
      if (start <= a && b <= end && (a < end || a === start) && (!best || end - start < best.d.span.end - best.d.span.start)) best = f;
    }
    return best;
  },
  choose(f) {
    markActive(f);
    handle.select(f.d.span.start, f.d.span.end);
    explainer.show(f, 'caret');
  },
  applyFix(f, s) {
    const r = applySuggestion(editor, state.text, s);
    if (!r.ok) {
      status(r.reason);
      handle.recheck();
      return;
    }
    explainer.hide();
    handle.recheck();
    status(`已改为“${s.replacement}”，按 Ctrl+Z 可撤销`);
  },
  ignore(f) {
    state.ignored.add(f.key);
    explainer.hide();
    render();
  },
  listAll() {
    state.listAll = true;
    render();
  },
  restoreIgnored() {
    state.ignored.clear();
    render();
  },
  ruleOff(rule) {
    state.rulesOff.add(rule);
    saveRulesOff(state.rulesOff);
    explainer.hide();
    handle.setOptions(options());
  },
  ruleOn(rule) {
    state.rulesOff.delete(rule);
    saveRulesOff(state.rulesOff);
    handle.setOptions(options());
  },
};

function markActive(f) {
  for (const x of document.querySelectorAll('.item.active')) x.classList.remove('active');
  const item = f && document.querySelector(`.item[data-key="${CSS.escape(f.key)}"]`);
  if (!item) return;
  item.classList.add('active');
  // Scroll the panel to it, never the window: at 800 px the panel is below the editor the clerk is reading.
  const panel = item.closest('.panel');
  if (getComputedStyle(panel).overflowY !== 'auto') return;
  const [p, r] = [panel.getBoundingClientRect(), item.getBoundingClientRect()];
  if (r.top < p.top) panel.scrollTop -= p.top - r.top + 8;
  else if (r.bottom > p.bottom) panel.scrollTop += r.bottom - p.bottom + 8;
}

/** Ignored findings keep their place in the report but lose their highlight. */
function dimIgnored() {
  const visible = new Set(state.findings.map((f) => f.index));
  for (const m of marksOf(editor)) m.classList.toggle('ignored', !indexesOf(m).some((i) => visible.has(i)));
}

/**
 * What the highlights and the verdict need, at once; the rest of the panel
 * follows after the frame has painted (a long list of findings costs more than
 * the check itself on a long draft). A user action on the panel renders all at once.
 */
function render({ panelNow = true } = {}) {
  const { report, text } = state;
  if (!report) return;
  state.findings = visibleFindings(report, text, state.ignored);
  dimIgnored();
  renderVerdict(state.findings, text);
  explainer.refresh();
  const token = ++panelToken;
  if (panelNow) renderPanel();
  else requestAnimationFrame(() => setTimeout(() => token === panelToken && renderPanel(), 0));
}
let panelToken = 0;

function renderPanel() {
  const { report, text } = state;
  renderChecklist(report, text, $('template').value, act);
  renderSuppressed(state, act);
  renderOutline(report.outline, act);
  renderFindings(state.findings, text, act, state.listAll ? Infinity : undefined);
  const active = explainer.shownKey && act.findingByKey(explainer.shownKey);
  if (active) markActive(active);
  state.saved = saveDraft(text, state.ignored);
  status(state.note);
  timing.panelAt = performance.now();
  document.body.dataset.checked = String(Number(document.body.dataset.checked ?? 0) + 1);
}

function onResult({ report, text }) {
  const t0 = performance.now();
  state.report = report;
  state.text = text;
  window.__lastReport = report;
  render({ panelNow: false });
  const t1 = performance.now();
  if (timing.firstResultMs === null) timing.firstResultMs = t1;
  if (timing.lastInputAt) {
    // The debounce fires DELAY_MS after the last keystroke; what follows is the cost the clerk waits for.
    timing.updates.push({ at: t1, chars: text.length, afterDebounceMs: t1 - timing.lastInputAt - DELAY_MS, checkMs: handle.ms, renderMs: t1 - t0 });
    timing.lastInputAt = 0;
  }
}

/** Replaces the whole draft (a file, the sample): a new draft, nothing ignored in it yet. */
function setDraft(text, note) {
  state.ignored = new Set();
  state.listAll = false;
  editor.value = text;
  editor.setSelectionRange(0, 0);
  editor.scrollTop = 0;
  state.note = note ?? '';
  handle.recheck();
}

function navigate(step) {
  const list = state.findings;
  if (!list.length) return;
  const cur = explainer.shownKey ? act.findingByKey(explainer.shownKey) : null;
  const pos = cur ? cur.d.span.start : editor.selectionStart;
  let next;
  if (step > 0) next = list.find((f) => (cur ? f.d.span.start > pos || (f.d.span.start === pos && f.index > cur.index) : f.d.span.start >= pos)) ?? list[0];
  else next = [...list].reverse().find((f) => (cur ? f.d.span.start < pos || (f.d.span.start === pos && f.index < cur.index) : f.d.span.start < pos)) ?? list[list.length - 1];
  act.choose(next);
}

function onKeydown(e) {
  if (e.key === 'F8') {
    e.preventDefault();
    navigate(e.shiftKey ? -1 : 1);
  }
}

/** Enter in the editor applies the safe fix of the finding that F8 (or a click) selected whole. */
function onEditorEnter(e) {
  if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.isComposing) return;
  const f = explainer.shownKey && act.findingByKey(explainer.shownKey);
  if (!f || editor.selectionStart !== f.d.span.start || editor.selectionEnd !== f.d.span.end) return;
  // The selection is the finding F8 chose: Enter never replaces it with a line break.
  e.preventDefault();
  const safe = f.d.suggestions.filter(isSafe);
  if (safe.length === 1) act.applyFix(f, safe[0]);
  else status('这处没有可直接采纳的修改，请按说明手动修改');
}

function onPaste(e) {
  const dt = e.clipboardData;
  if (!dt) return;
  const plain = dt.getData('text/plain');
  const text = pastedText(plain, dt.getData('text/html'));
  if (text === plain) return; // the browser's own paste is right
  e.preventDefault();
  replaceRange(editor, editor.selectionStart, editor.selectionEnd, text);
}

async function openFile(file) {
  if (/\.docx$/i.test(file.name)) {
    // Loaded when first needed: nothing on the way to the first result waits for it.
    const { readDocx } = await import('./docx.js');
    const { text, skipped } = await readDocx(await file.arrayBuffer());
    setDraft(text, skipped.length ? `已打开 ${file.name}；未读入：${skipped.join('、')}（不在正文中，请另行核对）` : `已打开 ${file.name}`);
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.subarray(0, 4096).includes(0)) throw new Error('这不是文本文件，请打开 .txt 或 .docx');
  let text = new TextDecoder('utf-8').decode(bytes);
  // Office machines still save .txt in GB18030/GBK.
  if (text.includes('\uFFFD')) text = new TextDecoder('gb18030').decode(bytes);
  setDraft(text, `已打开 ${file.name}`);
}

function exportData() {
  return exportOf({
    report: state.report, text: state.text, ignored: state.ignored, rulesOff: state.rulesOff,
    template: $('template').value || presetForTitle(state.report.outline.title?.text ?? ''),
  });
}

/** The single offline file carries the wasm and the sample inline (see scripts/build-page.mjs). */
function inlined(id) {
  const node = document.getElementById(id);
  return node ? node.textContent : null;
}

function wasmSource() {
  const b64 = inlined('rc-wasm');
  if (!b64) return undefined;
  const bin = atob(b64.trim());
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

async function main() {
  timing.moduleStartMs = performance.now();
  // Inline bytes in the offline file; else the module page/boot.js began compiling; else init() fetches it.
  await checker.default(wasmSource() ?? (await window.__rcWasm?.catch(() => undefined)));
  timing.wasmReadyMs = performance.now();
  if (typeof checker.rules === 'function') for (const r of checker.rules()) rules.set(r.code, r);
  // A rule turned off earlier in the session that this build no longer has would make the options an error.
  if (rules.size) for (const code of state.rulesOff) if (!rules.has(code)) state.rulesOff.delete(code);
  const saved = loadDraft();
  if (saved) {
    editor.value = saved.text;
    state.ignored = new Set(saved.ignored);
  }
  handle = checker.attach(editor, { ...options(), delay: DELAY_MS });
  explainer = createExplainer(editor, act);
  handle.on('result', onResult);
  handle.on('error', (error) => status(`选项有误：${error}`));
  editor.addEventListener('input', () => {
    timing.lastInputAt = performance.now();
    state.note = ''; // a note (已打开…, 已改为…) is about the text before this edit
  }, true);
  editor.addEventListener('keydown', onEditorEnter);
  editor.addEventListener('paste', onPaste);
  document.addEventListener('keydown', onKeydown);
  window.addEventListener('pagehide', () => saveDraft(editor.value, state.ignored));
  $('template').onchange = () => handle.setOptions(options());
  $('file').onchange = async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    try {
      await openFile(f);
    } catch (err) {
      status(`无法读取文件：${err.message ?? err}`);
    }
    e.target.value = '';
  };
  $('sample').onclick = async () => {
    const text = inlined('rc-sample') ?? (await (await fetch('sample.txt')).text());
    setDraft(text, '已载入示例');
  };
  const dialog = $('confirm-clear');
  $('clear').onclick = () => (editor.value ? dialog.showModal() : undefined);
  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'clear') return;
    state.ignored = new Set();
    clearEditor(editor);
    handle.recheck();
    status('已清空，按 Ctrl+Z 可恢复');
  });
  const reportOut = () => import('./page/report-out.js'); // loaded when first asked for
  $('print').onclick = async () => {
    (await reportOut()).fillPrintReport(exportData(), ruleName);
    window.print();
  };
  $('export').onclick = async () => (await reportOut()).downloadJson(exportData());
  if (saved) state.note = '已恢复上次未完成的文稿';
}

main().catch((e) => {
  $('status').textContent = `检查程序加载失败：${e.message ?? e}`;
});
