// The text of a rich editor as a reader sees it, and where each piece of it
// sits in the DOM.
//
// - Each block (<p>, <h2>, <li>, <div>, a table row …) is one line; empty
//   blocks (<p><br></p>) are none, so line numbers and paragraph numbers are
//   the same whichever editor holds the draft.
// - <br> inside a block is a soft break (U+2028, a blank to the checker):
//   Shift+Enter continues the paragraph. A <br> that ends its block (the
//   filler editors put in empty lines) is nothing.
// - Table cells of a row are separated by a tab, so 176 | 180 is not 176180.
// - Not content: contenteditable=false widgets, <script>/<style>, elements
//   editors mark as bogus, and zero-width characters (U+200B, U+FEFF …) that
//   editors use as caret anchors.
//
// The text maps back to the DOM through segments: runs of one text node's
// characters, one UTF-16 unit of text per unit of node data.

export const SOFT_BREAK = '\u2028';

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);
const CELLS = new Set(['TD', 'TH']);
const NOT_CONTENT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE', 'META', 'LINK', 'IFRAME', 'OBJECT', 'SVG', 'svg']);
const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\uFEFF]/g;

function skipped(el) {
  if (NOT_CONTENT.has(el.nodeName) || el.hidden) return true;
  // TinyMCE's internal nodes; Slate (wangEditor) placeholders.
  return el.getAttribute('data-mce-bogus') === 'all' || el.hasAttribute('data-slate-placeholder');
}

/** Whitespace that only formats the HTML source (between blocks), not text a reader sees. */
function sourceWhitespace(node) {
  if (!/^[ \t\r\n]*$/.test(node.data) || !node.data.includes('\n')) return false;
  const parent = node.parentElement;
  const view = node.ownerDocument.defaultView;
  const ws = parent && view ? view.getComputedStyle(parent).whiteSpace : 'normal';
  return !ws.startsWith('pre') && ws !== 'break-spaces';
}

/**
 * Walks `root` and returns {text, segments}; segments are
 * {node, nodeStart, start, length} in text order.
 */
export function extract(root) {
  const segments = [];
  let text = '';
  let softBreak = false; // a <br> (or a block inside a cell) waits for the text after it
  let cellDepth = 0;
  let rowHasCell = false;
  // Inside a contenteditable=false widget only its nested editables are text
  // (CKEditor 5 tables: the cells); its handles and labels are not.
  let inWidget = false;

  const lineBreak = () => {
    softBreak = false;
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const pushRun = (node, from, to) => {
    if (to <= from) return;
    if (softBreak) {
      if (text && !text.endsWith('\n') && !text.endsWith('\t')) text += SOFT_BREAK;
      softBreak = false;
    }
    segments.push({ node, nodeStart: from, start: text.length, length: to - from });
    // Line breaks inside a text node (pre-wrap editors, Slate's soft breaks)
    // continue the paragraph: one unit for one unit, so offsets still map.
    text += node.data.slice(from, to).replace(/[\r\n]/g, SOFT_BREAK);
  };
  const visitText = (node) => {
    if (sourceWhitespace(node)) return;
    const data = node.data;
    let from = 0;
    ZERO_WIDTH.lastIndex = 0;
    for (let m = ZERO_WIDTH.exec(data); m; m = ZERO_WIDTH.exec(data)) {
      pushRun(node, from, m.index);
      from = m.index + 1;
    }
    pushRun(node, from, data.length);
  };
  const visit = (node) => {
    if (node.nodeType === 3) {
      if (!inWidget) visitText(node);
      return;
    }
    if (node.nodeType !== 1 || skipped(node)) return;
    const editable = node.getAttribute('contenteditable');
    if (editable !== null && (editable === 'false') !== inWidget) {
      const outer = inWidget;
      inWidget = editable === 'false';
      visit(node);
      inWidget = outer;
      return;
    }
    const name = node.nodeName;
    if (name === 'BR') {
      softBreak = true;
      return;
    }
    if (CELLS.has(name)) {
      if (rowHasCell && text && !text.endsWith('\n')) text += '\t';
      rowHasCell = true;
      softBreak = false;
      cellDepth += 1;
      for (const child of node.childNodes) visit(child);
      cellDepth -= 1;
      return;
    }
    const block = BLOCKS.has(name);
    if (block && cellDepth > 0) {
      // A paragraph inside a table cell: the cell stays one piece of its row.
      softBreak = true;
      for (const child of node.childNodes) visit(child);
      softBreak = true;
      return;
    }
    if (block) {
      lineBreak();
      if (name === 'TR') rowHasCell = false;
    }
    for (const child of node.childNodes) visit(child);
    if (block) lineBreak();
  };
  for (const child of root.childNodes) visit(child);
  if (text.endsWith('\n')) text = text.slice(0, -1);
  return { text, segments };
}

/** Index of the first segment whose end is past `offset` (or reaches it, when `atEnd`). */
function segmentAt(segments, offset, atEnd) {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    const end = s.start + s.length;
    if (atEnd ? end < offset : end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A DOM Range over text[start, end), or null when no editor text lies in it.
 * Offsets on a separator we inserted move inwards to the nearest real text.
 */
export function rangeFor(segments, start, end) {
  if (!(end > start)) return null;
  const i = segmentAt(segments, start, false);
  let j = segmentAt(segments, end, true);
  if (i >= segments.length) return null;
  if (j >= segments.length || segments[j].start >= end) j -= 1;
  if (j < i) return null;
  const a = segments[i];
  const b = segments[j];
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.nodeStart + Math.max(0, start - a.start));
  range.setEnd(b.node, b.nodeStart + Math.min(b.length, end - b.start));
  return range;
}
