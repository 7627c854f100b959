// Pasting from Word or WPS keeps the paragraphs. Word puts one line per
// paragraph in text/plain, but WPS (and Word in some set-ups) gives plain text
// with the paragraphs run together or broken at soft returns; the text/html
// flavour still has them as <p>. When the HTML holds more paragraphs than the
// plain text, the page inserts the HTML's text instead (as text, never as HTML).

const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'TR', 'TABLE', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'UL', 'OL', 'DL', 'DT', 'DD']);
const SKIP = new Set(['STYLE', 'SCRIPT', 'HEAD', 'TITLE', 'META', 'LINK', 'TEMPLATE', 'XML', 'O:P']);
const CJK = '\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef\\u201c\\u201d\\u2018\\u2019';
// Word's HTML wraps long lines in its source: those breaks become spaces, and a
// space between two Chinese characters is an artefact of that, not the author's.
const CJK_SPACE = new RegExp(`([${CJK}]) +(?=[${CJK}])`, 'g');

/** The text of clipboard HTML: one line per block, a tab between table cells. */
export function htmlToText(html) {
  // A parsed, never rendered document: its scripts do not run and its images do not load.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  let out = '';
  let inCell = 0; // paragraphs inside a table cell stay on the row's line
  const newline = () => {
    if (inCell) {
      if (out && !/[ \t\n]$/.test(out)) out += ' ';
    } else if (out && !out.endsWith('\n')) out += '\n';
  };
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const t = node.data.replace(/[\s\u00a0]+/g, ' ');
      // Whitespace between blocks is the source's layout, not text.
      if (t.trim() || (out && !/[ \t\n]$/.test(out))) out += t;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE || SKIP.has(node.nodeName)) return;
    if (node.nodeName === 'BR') {
      out += '\n';
      return;
    }
    const cell = node.nodeName === 'TD' || node.nodeName === 'TH';
    const block = BLOCKS.has(node.nodeName);
    if (block) newline();
    if (cell && node.previousElementSibling) out = `${out.replace(/ +$/, '')}\t`;
    inCell += cell;
    for (const c of node.childNodes) visit(c);
    inCell -= cell;
    if (block) newline();
  };
  visit(doc.body);
  return out
    .split('\n')
    .map((line) => line.replace(/^ +| +$/g, '').replace(CJK_SPACE, '$1'))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

const paragraphs = (s) => s.split('\n').filter((l) => l.trim()).length;

/** What a paste should insert: the plain text, or the HTML's text when that keeps more paragraphs. */
export function pastedText(plain, html) {
  const text = (plain ?? '').replace(/\r\n?|\v/g, '\n');
  if (!html) return text;
  const fromHtml = htmlToText(html);
  return paragraphs(fromHtml) > paragraphs(text) ? fromHtml : text;
}
