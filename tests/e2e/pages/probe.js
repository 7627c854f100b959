// Browser-side checks for the embedding tests, installed as window.T. They
// read the editor's DOM independently of the handle's own state.

const norm = (s) => s.replace(/[\n\t\u2028\u200B\u200C\u200D\u2060\uFEFF]/g, '');

export function currentText(h) {
  const root = h.element;
  return root.nodeName === 'TEXTAREA' || root.nodeName === 'INPUT' ? root.value : window.EX.extract(root).text;
}

/** The handle's report is the report of the editor's text as it is now. */
export function synced(h) {
  const text = currentText(h);
  return !!h.report && h.text === text && JSON.stringify(h.report) === JSON.stringify(window.RC.check(text));
}

/** Spans whose text no highlight covers exactly ([] when every span is drawn). */
export function uncovered(h) {
  const { report, text } = h;
  const missing = [];
  const spans = report.diagnostics.flatMap((d, i) => [
    { i, span: d.span },
    ...d.related.map((r) => ({ i, span: r.span })),
  ]).filter(({ span }) => span.end > span.start);
  if (h.element.nodeName === 'TEXTAREA') {
    const marks = [...h.element.ownerDocument.querySelectorAll(`.rc${h.id}-backdrop mark`)];
    // The backdrop cuts overlapping marks into pieces: the pieces carrying a
    // finding's index must cover each of its spans, and each piece shows its text.
    for (const { i, span } of spans) {
      const mine = marks.filter((m) => m.dataset.index.split(' ').includes(String(i)));
      const covered = (k) => mine.some((m) => +m.dataset.start <= k && k < +m.dataset.end);
      let ok = mine.every((m) => m.textContent === text.slice(+m.dataset.start, +m.dataset.end));
      for (let k = span.start; ok && k < span.end; k++) ok = covered(k);
      if (!ok) missing.push(text.slice(span.start, span.end));
    }
    return missing;
  }
  const win = h.element.ownerDocument.defaultView;
  const drawn = Object.values(h.highlightNames).flatMap((n) => [...(win.CSS.highlights.get(n) ?? [])].map((r) => norm(r.toString())));
  for (const { span } of spans) {
    const want = norm(text.slice(span.start, span.end));
    if (want && !drawn.includes(want)) missing.push(want);
  }
  return missing;
}

/** Puts the caret right after the first `needle` of the editor's text (or before it, `before`). */
export function caret(h, needle, before = false) {
  const root = h.element;
  const text = currentText(h);
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in ${text}`);
  const offset = before ? at : at + needle.length;
  root.ownerDocument.defaultView.focus();
  root.focus();
  if (root.nodeName === 'TEXTAREA') {
    root.setSelectionRange(offset, offset);
    return;
  }
  const { segments } = window.EX.extract(root);
  const s = segments.find((g) => offset >= g.start && offset <= g.start + g.length);
  const sel = root.ownerDocument.getSelection();
  const range = root.ownerDocument.createRange();
  range.setStart(s.node, s.nodeStart + offset - s.start);
  sel.removeAllRanges();
  sel.addRange(range);
}

/** Records keydown → result latencies of handle `h` into `h.latencies`. */
export function timeKeystrokes(h) {
  const win = h.element.ownerDocument.defaultView;
  let down = null;
  h.latencies = [];
  win.addEventListener('keydown', () => { down = win.performance.now(); }, true);
  h.on('result', () => {
    if (down !== null) h.latencies.push(win.performance.now() - down);
    down = null;
  });
}
