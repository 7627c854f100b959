// How findings are drawn, never by rewriting the host editor's DOM:
// - contenteditable (also inside a same-origin iframe): CSS Custom Highlight
//   API ranges over the editor's own text nodes;
// - <textarea>/<input> (highlights cannot reach inside them): a backdrop
//   mirror under the transparent-background field;
// - text read through the host's getText: nothing to draw on.
// User text is only ever inserted as text nodes, never as HTML.

import { extract, rangeFor } from './extract.js';
import { KINDS, marksOf, nestedFlags, pieces } from './marks.js';
import { addStyle, highlightNames } from './styles.js';

const MIRRORED = [
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textIndent',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth',
  'borderBottomWidth', 'borderLeftWidth', 'textAlign', 'tabSize',
];

export function textareaView(field, id) {
  const doc = field.ownerDocument;
  const removeStyle = addStyle(doc, id);
  const backdrop = doc.createElement('div');
  backdrop.className = `rc-backdrop rc${id}-backdrop`; // the generic class is for hosts' own CSS and tests
  backdrop.setAttribute('aria-hidden', 'true');
  field.insertAdjacentElement('beforebegin', backdrop);
  const classBefore = field.getAttribute('class');
  field.classList.add(`rc${id}-field`);
  const place = () => {
    const cs = doc.defaultView.getComputedStyle(field);
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
  const ro = new doc.defaultView.ResizeObserver(place);
  ro.observe(field);
  place();
  return {
    highlights: true,
    getText: () => field.value,
    render(report, text) {
      backdrop.replaceChildren();
      let at = 0;
      for (const p of pieces(marksOf(report))) {
        if (p.start > at) backdrop.append(text.slice(at, p.start));
        const mark = doc.createElement('mark');
        mark.className = `rc-${p.kind}${p.depth > 1 ? ' rc-nested' : ''}`;
        mark.dataset.start = p.start;
        mark.dataset.end = p.end;
        mark.dataset.index = p.indexes.join(' ');
        mark.textContent = text.slice(p.start, p.end);
        backdrop.append(mark);
        at = p.end;
      }
      // A trailing newline needs a character after it to keep its line.
      backdrop.append(text.slice(at) + '\u200b');
      place();
    },
    select(start, end) {
      field.focus();
      field.setSelectionRange(start, end);
      const mark = [...backdrop.querySelectorAll('mark')].find((m) => +m.dataset.start <= start && +m.dataset.end > start);
      if (mark) field.scrollTop = Math.max(0, mark.offsetTop - field.clientHeight / 3);
      onScroll();
    },
    destroy() {
      ro.disconnect();
      field.removeEventListener('scroll', onScroll);
      if (classBefore === null) field.removeAttribute('class');
      else field.setAttribute('class', classBefore);
      backdrop.remove();
      removeStyle();
    },
  };
}

export function editableView(root, id) {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const names = highlightNames(id);
  const supported = !!(win.CSS && win.CSS.highlights && win.Highlight);
  const removeStyle = addStyle(doc, id);
  let segments = [];
  const clear = () => {
    if (supported) for (const n of Object.values(names)) win.CSS.highlights.delete(n);
  };
  return {
    highlights: supported,
    getText() {
      const walked = extract(root);
      segments = walked.segments;
      return walked.text;
    },
    render(report) {
      if (!supported) return;
      const groups = { ...Object.fromEntries(KINDS.map((k) => [k, []])), nested: [] };
      const marks = marksOf(report);
      const nested = nestedFlags(marks);
      marks.forEach((m, i) => {
        const r = rangeFor(segments, m.start, m.end);
        if (r) groups[nested[i] && m.kind !== 'related' ? 'nested' : m.kind].push(r);
      });
      const priority = { related: 0, info: 1, warning: 2, error: 3, nested: 4 };
      for (const [kind, ranges] of Object.entries(groups)) {
        const h = new win.Highlight(...ranges);
        h.priority = priority[kind];
        win.CSS.highlights.set(names[kind], h);
      }
    },
    /** The ranges drawn, by kind (for tests and hosts that want to inspect them). */
    ranges() {
      if (!supported) return {};
      return Object.fromEntries(Object.entries(names).map(([kind, n]) => [kind, [...(win.CSS.highlights.get(n) ?? [])]]));
    },
    select(start, end) {
      const r = rangeFor(segments, start, end);
      if (!r) return;
      root.focus();
      const sel = win.getSelection();
      sel.removeAllRanges();
      sel.addRange(r);
      r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    },
    destroy() {
      clear();
      removeStyle();
    },
  };
}

/** Text from the host's getText (cross-origin frames, canvas editors): nothing to draw on. */
export function headlessView(getText) {
  return {
    highlights: false,
    getText: () => getText(),
    render() {},
    select() {},
    destroy() {},
  };
}
