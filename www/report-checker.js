// report-checker: the ES module an OA system embeds.
//
//   import init, { attach } from './report-checker.js';
//   await init();
//   const handle = attach(editorRoot, { template: 'annual' });
//   handle.on('result', ({ report, ms }) => …);     // also a DOM event 'reportchecker:result'
//   form.onsubmit = async (e) => { if ((await handle.ready()).summary.error) e.preventDefault(); };
//
// attach() never rewrites the host editor's DOM (see embed/views.js), hears
// every change of it (embed/watch.js), reads its text block by block
// (embed/extract.js) and keeps one set of highlights per handle, so any
// number of editors attach and detach independently. Types: report-checker.d.ts.

import wasmInit, { check as wasmCheck, LiveChecker, version as wasmVersion } from './pkg/report_checker.js';
import { editableView, headlessView, textareaView } from './embed/views.js';
import { watch } from './embed/watch.js';
import { describe, quote } from './embed/marks.js';
import { highlightNames } from './embed/styles.js';
import { defineElement } from './embed/element.js';

export { describe, quote };

let loading = null;
let loaded = false;

/** Loads the wasm module once. `wasmUrl` is optional (defaults to ./pkg/report_checker_bg.wasm beside this module). */
export default function init(wasmUrl) {
  if (!loading) {
    loading = wasmInit(wasmUrl ? { module_or_path: wasmUrl } : undefined).then((m) => {
      loaded = true;
      return m;
    });
  }
  return loading;
}

function requireLoaded(what) {
  if (!loaded) throw new Error(`report-checker: ${what} 之前须先 await init()`);
}

/** Checks `text`; returns {diagnostics, summary, outline} with UTF-16 spans. Throws on bad options. */
export function check(text, options) {
  requireLoaded('check()');
  return wasmCheck(String(text ?? ''), options ?? null);
}

export { rules } from './pkg/report_checker.js';

export function version() {
  requireLoaded('version()');
  return wasmVersion();
}

// ---- which element holds the text ------------------------------------------

const FIELD_TYPES = new Set(['text', 'search', '']);

function isField(el) {
  return el.nodeName === 'TEXTAREA' || (el.nodeName === 'INPUT' && FIELD_TYPES.has(el.getAttribute('type') ?? ''));
}

function isEditable(el) {
  return el.isContentEditable || (el === el.ownerDocument.body && el.ownerDocument.designMode === 'on');
}

/**
 * The element whose text is checked: the element itself when it is a field or
 * an editable root, else the one editable root inside it (the container an
 * editor builds around it). Anything else is an error that says what to pass.
 */
export function resolveRoot(element) {
  if (!element || element.nodeType !== 1) {
    throw new TypeError('report-checker: attach() 需要一个元素（textarea 或可编辑区域）');
  }
  if (element.nodeName === 'IFRAME' || element.nodeName === 'FRAME') {
    throw new Error('report-checker: 传入的是 <iframe> 元素，读不到其中的文字。请传入 iframe 内的可编辑区域'
      + '（同源时为 iframe.contentDocument.body，TinyMCE 为 editor.getBody()）；跨域时用 getText 选项并调用 notify()。');
  }
  if (isField(element) || isEditable(element)) return element;
  const inside = [...element.querySelectorAll('[contenteditable], textarea')].filter((e) => isField(e) || e.isContentEditable);
  const outermost = inside.filter((e) => !inside.some((o) => o !== e && o.contains(e)));
  if (outermost.length === 1) return outermost[0];
  if (outermost.length > 1) {
    throw new Error(`report-checker: 该容器内有 ${outermost.length} 个可编辑区域，请直接传入要检查的那一个。`);
  }
  const frame = element.querySelector('iframe') ? '它含有 <iframe>：请传入 iframe 内的可编辑区域（TinyMCE 为 editor.getBody()）。' : '';
  throw new Error(`report-checker: 传入的元素不可编辑，其中也没有可编辑区域（contenteditable 或 textarea）。${frame}`);
}

// ---- attach ------------------------------------------------------------------

let nextId = 1;
const attached = new WeakMap();

/**
 * Attaches live checking to a host editor. Options: check options
 * ({template, disabledRules, …}) plus `delay` (ms after the last change,
 * default 200) and `getText` (a function returning the text, for editors
 * whose DOM cannot be read; the host then calls `handle.notify()` on change).
 */
export function attach(element, options = {}) {
  requireLoaded('attach()');
  const { delay, getText, ...checkOptions } = options ?? {};
  if (getText !== undefined && typeof getText !== 'function') throw new TypeError('report-checker: getText 须为函数');
  const root = getText ? element ?? null : resolveRoot(element);
  if (root && attached.has(root)) throw new Error('report-checker: 该元素已经 attach 过；先对原来的 handle 调用 detach()');
  const id = nextId++;
  const view = getText ? headlessView(getText) : isField(root) ? textareaView(root, id) : editableView(root, id);
  const listeners = { result: new Set(), error: new Set() };
  const state = { report: null, ms: 0, text: '', error: null, detached: false };
  const emit = (type, detail) => {
    for (const fn of listeners[type]) fn(type === 'error' ? detail.error : detail);
    element?.dispatchEvent?.(new CustomEvent(`reportchecker:${type}`, { detail }));
  };
  const onResult = ({ report, ms, text, error }) => {
    if (error) {
      state.error = error;
      emit('error', { error });
      return;
    }
    Object.assign(state, { report, ms, text, error: null });
    view.render(report, text);
    emit('result', { report, ms, text });
  };
  const live = new LiveChecker(() => view.getText(), onResult, checkOptions, delay ?? 200);
  const alive = (what) => {
    if (state.detached) throw new Error(`report-checker: 已调用 detach()，不能再调用 ${what}`);
  };
  const current = () => {
    if (state.error) throw new Error(`report-checker: ${state.error}`);
    return state.report;
  };
  const stopWatching = root && !getText
    ? watch(root, { field: isField(root), changed: () => live.schedule(), composing: (on) => on && live.cancel() })
    : () => {};

  const handle = {
    id,
    element: root,
    highlightNames: getText ? null : highlightNames(id),
    get report() { return state.report; },
    get ms() { return state.ms; },
    get text() { return state.text; },
    get detached() { return state.detached; },
    /** The report of the text as it is now: checks at once if it changed since the last check. */
    check() {
      alive('check()');
      let text = null;
      try {
        text = view.getText();
      } catch {
        // The live check reads it again and reports the failure as an error.
      }
      if (text !== null && state.report && !state.error && !live.pending && text === state.text) {
        view.render(state.report, text); // the editor may have rebuilt its nodes
        return state.report;
      }
      live.recheck();
      return current();
    },
    /** Resolves with the report of the current text (the submit gate). */
    async ready() {
      alive('ready()');
      // Editors that render their model a tick later (wangEditor, Slate) have
      // their DOM in step with the last API call after a macrotask.
      await new Promise((resolve) => setTimeout(resolve, 0));
      alive('ready()');
      return handle.check();
    },
    /** Tells the checker the text changed (for getText, or editors it cannot observe). */
    notify() {
      alive('notify()');
      live.schedule();
    },
    recheck() {
      alive('recheck()');
      live.recheck();
      return current();
    },
    setOptions(o) {
      alive('setOptions()');
      const { delay: _d, getText: _g, ...rest } = o ?? {};
      live.setOptions(rest);
    },
    select(start, end) {
      alive('select()');
      view.select(start, end);
    },
    /** Where a span is, in a reader's words: {paragraph, line, column, quote, description}. */
    locate(span) {
      return { paragraph: span.paragraph, line: span.line, column: span.column, quote: quote(state.text, span), description: describe(state.text, span) };
    },
    on(event, fn) {
      alive('on()');
      if (!listeners[event]) throw new Error(`report-checker: 没有 ${event} 事件（可用：result、error）`);
      listeners[event].add(fn);
      return handle;
    },
    off(event, fn) {
      listeners[event]?.delete(fn);
      return handle;
    },
    /** Stops checking and removes everything attach() added. Calling it again does nothing. */
    detach() {
      if (state.detached) return;
      state.detached = true;
      stopWatching();
      live.free();
      view.destroy();
      listeners.result.clear();
      listeners.error.clear();
      Object.assign(state, { report: null, text: '', error: null });
      if (root) attached.delete(root);
    },
  };
  if (root) attached.set(root, handle);
  // First check once the caller had a chance to subscribe.
  queueMicrotask(() => {
    if (!state.detached && !state.report) live.recheck();
  });
  return handle;
}

defineElement({ init, attach });
