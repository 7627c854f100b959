// report-checker: the ES module an OA system embeds.
//
//   import init, { check, attach } from './report-checker.js';
//   await init();
//   const handle = attach(document.querySelector('textarea'), { template: 'annual' });
//   handle.on('result', ({ report, ms }) => …);   // also a DOM event 'reportchecker:result'
//
// attach() never rewrites the host editor's DOM:
// - contenteditable (also inside a same-origin iframe): CSS Custom Highlight API
//   ranges over the editor's own text nodes;
// - <textarea>/<input> (highlights cannot reach inside them): a backdrop mirror
//   placed under the transparent-background field, kept in sync on scroll/resize.
// User text is only ever inserted as text nodes, never as HTML.

import wasmInit, { check as wasmCheck, LiveChecker, version as wasmVersion } from './pkg/report_checker.js';

let ready = null;

/** Loads the wasm module once. `wasmUrl` is optional (defaults to ./pkg/report_checker_bg.wasm). */
export default function init(wasmUrl) {
  if (!ready) ready = wasmInit(wasmUrl ? { module_or_path: wasmUrl } : undefined);
  return ready;
}

/** Checks `text`; returns {diagnostics, summary, outline} with UTF-16 spans. Throws on bad options. */
export function check(text, options) {
  return wasmCheck(String(text ?? ''), options ?? null);
}

export { rules } from './pkg/report_checker.js';

export function version() {
  return wasmVersion();
}

const SEVERITIES = ['error', 'warning', 'info'];

function injectStyles(doc) {
  if (doc.getElementById('rc-styles')) return;
  const style = doc.createElement('style');
  style.id = 'rc-styles';
  style.textContent = `
::highlight(rc-error) { background-color: rgba(220, 38, 38, .16); text-decoration: underline wavy #dc2626; }
::highlight(rc-warning) { background-color: rgba(234, 138, 0, .16); text-decoration: underline wavy #ea8a00; }
::highlight(rc-info) { background-color: rgba(37, 99, 235, .12); text-decoration: underline dotted #2563eb; }
::highlight(rc-related) { background-color: rgba(124, 58, 237, .14); }
.rc-backdrop { position: absolute; pointer-events: none; overflow: hidden; color: transparent; white-space: pre-wrap; overflow-wrap: break-word; box-sizing: border-box; z-index: 0; }
.rc-backdrop mark { color: transparent; border-radius: 2px; }
.rc-backdrop mark.rc-error { background: rgba(220, 38, 38, .18); box-shadow: inset 0 -2px #dc2626; }
.rc-backdrop mark.rc-warning { background: rgba(234, 138, 0, .18); box-shadow: inset 0 -2px #ea8a00; }
.rc-backdrop mark.rc-info { background: rgba(37, 99, 235, .14); box-shadow: inset 0 -2px #2563eb; }
.rc-backdrop mark.rc-related { background: rgba(124, 58, 237, .16); }
.rc-field { background: transparent !important; position: relative; z-index: 1; }
`;
  doc.head.appendChild(style);
}

/** Marks for a report: one per primary span, plus the related spans. Sorted, non-overlapping. */
function marksOf(report) {
  const marks = [];
  for (const [i, d] of report.diagnostics.entries()) {
    if (d.span.end > d.span.start) marks.push({ start: d.span.start, end: d.span.end, cls: `rc-${d.severity}`, index: i });
    for (const r of d.related) {
      if (r.span.end > r.span.start) marks.push({ start: r.span.start, end: r.span.end, cls: 'rc-related', index: i, related: true });
    }
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  // An overlay cannot nest marks: keep the first of overlapping ones (primary spans win ties).
  const out = [];
  let reach = 0;
  for (const m of marks) {
    if (m.start >= reach) {
      out.push(m);
      reach = m.end;
    }
  }
  return out;
}

// ---- textarea: backdrop mirror -------------------------------------------

const MIRRORED = [
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textIndent',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth',
  'borderBottomWidth', 'borderLeftWidth', 'textAlign', 'tabSize',
];

function textareaView(field) {
  const doc = field.ownerDocument;
  injectStyles(doc);
  const backdrop = doc.createElement('div');
  backdrop.className = 'rc-backdrop';
  backdrop.setAttribute('aria-hidden', 'true');
  field.insertAdjacentElement('beforebegin', backdrop);
  field.classList.add('rc-field');
  const place = () => {
    const cs = getComputedStyle(field);
    for (const p of MIRRORED) backdrop.style[p] = cs[p];
    backdrop.style.borderStyle = 'solid';
    backdrop.style.borderColor = 'transparent';
    backdrop.style.left = `${field.offsetLeft}px`;
    backdrop.style.top = `${field.offsetTop}px`;
    backdrop.style.width = `${field.offsetWidth}px`;
    backdrop.style.height = `${field.offsetHeight}px`;
    backdrop.scrollTop = field.scrollTop;
    backdrop.scrollLeft = field.scrollLeft;
  };
  const onScroll = () => {
    backdrop.scrollTop = field.scrollTop;
    backdrop.scrollLeft = field.scrollLeft;
  };
  field.addEventListener('scroll', onScroll);
  const ro = new ResizeObserver(place);
  ro.observe(field);
  place();
  return {
    getText: () => field.value,
    render(report, text) {
      backdrop.replaceChildren();
      let at = 0;
      for (const m of marksOf(report)) {
        if (m.start > at) backdrop.append(text.slice(at, m.start));
        const mark = doc.createElement('mark');
        mark.className = m.cls;
        mark.dataset.start = m.start;
        mark.dataset.end = m.end;
        mark.dataset.index = m.index;
        mark.textContent = text.slice(m.start, m.end);
        backdrop.append(mark);
        at = m.end;
      }
      // A trailing newline needs a character after it to keep its line.
      backdrop.append(text.slice(at) + '\u200b');
      place();
    },
    select(start, end) {
      field.focus();
      field.setSelectionRange(start, end);
      const mark = [...backdrop.querySelectorAll('mark')].find((m) => +m.dataset.start <= start && +m.dataset.end >= end);
      if (mark) field.scrollTop = Math.max(0, mark.offsetTop - field.clientHeight / 3);
      onScroll();
    },
    destroy() {
      ro.disconnect();
      field.removeEventListener('scroll', onScroll);
      field.classList.remove('rc-field');
      backdrop.remove();
    },
  };
}

// ---- contenteditable: CSS Custom Highlight API ------------------------------

const BLOCKS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TR', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE']);

/** The editor's text with a line break between blocks, and where each text node sits in it. */
function walkText(root) {
  const segments = [];
  let text = '';
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      segments.push({ node, start: text.length });
      text += node.data;
    } else if (node.nodeName === 'BR') {
      text += '\n';
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const block = BLOCKS.has(node.nodeName);
      if (block && text && !text.endsWith('\n')) text += '\n';
      for (const child of node.childNodes) visit(child);
      if (block && text && !text.endsWith('\n')) text += '\n';
    }
  };
  for (const child of root.childNodes) visit(child);
  return { text, segments };
}

function rangeFor(doc, segments, start, end) {
  // Segments are in text order: binary search, so many marks on a long document stay cheap.
  const locate = (offset, preferEnd) => {
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = segments[mid];
      if (preferEnd ? s.start + s.node.data.length < offset : s.start + s.node.data.length <= offset) lo = mid + 1;
      else hi = mid;
    }
    const s = segments[lo];
    return s && offset >= s.start ? [s.node, offset - s.start] : null;
  };
  const a = locate(start, false);
  const b = locate(end, true);
  if (!a || !b) return null;
  const range = doc.createRange();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  return range;
}

function editableView(root) {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  injectStyles(doc);
  let segments = [];
  const names = [...SEVERITIES, 'related'].map((s) => `rc-${s}`);
  const supported = !!(win.CSS && win.CSS.highlights && win.Highlight);
  return {
    supported,
    getText() {
      const walked = walkText(root);
      segments = walked.segments;
      return walked.text;
    },
    ranges: new Map(),
    render(report) {
      if (!supported) return;
      const groups = Object.fromEntries(names.map((n) => [n, []]));
      this.ranges = new Map();
      for (const m of marksOf(report)) {
        const r = rangeFor(doc, segments, m.start, m.end);
        if (!r) continue;
        groups[m.cls].push(r);
        this.ranges.set(m, r);
      }
      for (const n of names) win.CSS.highlights.set(n, new win.Highlight(...groups[n]));
    },
    select(start, end) {
      const r = rangeFor(doc, segments, start, end);
      if (!r) return;
      root.focus();
      const sel = win.getSelection();
      sel.removeAllRanges();
      sel.addRange(r);
      r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    },
    destroy() {
      if (supported) for (const n of names) win.CSS.highlights.delete(n);
    },
  };
}

/**
 * Attaches live checking to a host editor. Options: any check options
 * ({template, disabledRules}) plus {delay} in ms (default 200).
 * Returns {report, ms, recheck(), setOptions(o), select(start, end), on(event, fn), detach()}.
 */
export function attach(element, options = {}) {
  if (!ready) throw new Error('report-checker: call init() first');
  const isField = element instanceof element.ownerDocument.defaultView.HTMLTextAreaElement
    || element instanceof element.ownerDocument.defaultView.HTMLInputElement;
  const view = isField ? textareaView(element) : editableView(element);
  const listeners = { result: [], error: [] };
  const { delay, ...checkOptions } = options;
  const handle = {
    report: null,
    ms: 0,
    text: '',
    recheck: () => live.recheck(),
    setOptions: (o) => live.setOptions(o),
    select: (start, end) => view.select(start, end),
    on(event, fn) {
      (listeners[event] ??= []).push(fn);
      return handle;
    },
    detach() {
      live.detach();
      live.free();
      view.destroy();
    },
  };
  const onResult = ({ report, ms, text, error }) => {
    if (error) {
      for (const fn of listeners.error) fn(error);
      element.dispatchEvent(new CustomEvent('reportchecker:error', { detail: { error } }));
      return;
    }
    Object.assign(handle, { report, ms, text });
    view.render(report, text);
    for (const fn of listeners.result) fn({ report, ms, text });
    element.dispatchEvent(new CustomEvent('reportchecker:result', { detail: { report, ms, text } }));
  };
  const live = new LiveChecker(element, () => view.getText(), onResult, checkOptions, delay ?? 200);
  // First check once the caller had a chance to subscribe.
  queueMicrotask(() => live.recheck());
  return handle;
}
