// Reads the text of a .docx in the browser, with no library: a .docx is a zip;
// find the parts in the central directory, inflate them with the browser's
// DecompressionStream('deflate-raw'), and walk the body in order:
// - paragraphs, with Word's automatic numbering written out as the visible
//   heading numbers (一、 （一） 1. from numbering.xml, also through the style);
// - tables, one row per line with the cells apart (a tab between cells);
// - text boxes and footnotes are not part of the running text: they are
//   counted and reported as skipped, never silently dropped.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

async function inflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The zip's central directory: name → {method, data}. */
function zipEntries(buf) {
  const view = new DataView(buf);
  let eocd = -1;
  for (let i = buf.byteLength - 22; i >= Math.max(0, buf.byteLength - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('不是有效的 .docx 文件');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  const entries = new Map();
  for (let k = 0; k < count && p + 46 <= buf.byteLength; k++) {
    if (view.getUint32(p, true) !== 0x02014b50) break;
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = decoder.decode(new Uint8Array(buf, p + 46, nameLen));
    entries.set(name, { method, size, local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return {
    async xml(name) {
      const e = entries.get(name);
      if (!e) return null;
      const lNameLen = view.getUint16(e.local + 26, true);
      const lExtraLen = view.getUint16(e.local + 28, true);
      const data = new Uint8Array(buf, e.local + 30 + lNameLen + lExtraLen, e.size);
      const bytes = e.method === 8 ? await inflateRaw(data) : data;
      return new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'application/xml');
    },
  };
}

const isW = (node, name) => node.namespaceURI === W && node.localName === name;
const child = (node, name) => node && [...node.children].find((c) => isW(c, name));
const wattr = (node, name) => node?.getAttributeNS(W, name) ?? node?.getAttribute(`w:${name}`) ?? null;

// ---- numbering ---------------------------------------------------------------

const CN = '零一二三四五六七八九';

function chineseCount(n) {
  if (n < 10) return CN[n];
  if (n < 100) return `${n >= 20 ? CN[Math.floor(n / 10)] : ''}十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    return `${CN[Math.floor(n / 100)]}百${rest ? (rest < 10 ? `零${CN[rest]}` : rest < 20 ? `一${chineseCount(rest)}` : chineseCount(rest)) : ''}`;
  }
  return String(n);
}

function roman(n) {
  const table = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

const letters = (n) => (n > 0 ? String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1) : '');

/** A counter in the format Word shows it (numFmt). */
export function formatNumber(n, fmt) {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'ideographDigital':
      return chineseCount(n);
    case 'ideographTraditional': return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'ideographZodiac': return '子丑寅卯辰巳午未申酉戌亥'[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero': return String(n).padStart(2, '0');
    case 'lowerLetter': return letters(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerRoman': return roman(n);
    case 'upperRoman': return roman(n).toUpperCase();
    case 'bullet':
    case 'none':
      return '';
    default: return String(n);
  }
}

function readNumbering(doc) {
  const abstracts = new Map();
  const nums = new Map();
  if (!doc) return { abstracts, nums };
  for (const a of doc.getElementsByTagNameNS(W, 'abstractNum')) {
    const levels = [];
    for (const lvl of a.getElementsByTagNameNS(W, 'lvl')) {
      levels[Number(wattr(lvl, 'ilvl') ?? 0)] = {
        fmt: wattr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
        text: wattr(child(lvl, 'lvlText'), 'val') ?? '',
        start: Number(wattr(child(lvl, 'start'), 'val') ?? 1),
      };
    }
    abstracts.set(wattr(a, 'abstractNumId'), levels);
  }
  for (const n of doc.getElementsByTagNameNS(W, 'num')) {
    const starts = new Map();
    for (const o of n.getElementsByTagNameNS(W, 'lvlOverride')) {
      const s = child(o, 'startOverride');
      if (s) starts.set(Number(wattr(o, 'ilvl') ?? 0), Number(wattr(s, 'val')));
    }
    nums.set(wattr(n, 'numId'), { abstract: wattr(child(n, 'abstractNumId'), 'val'), starts });
  }
  return { abstracts, nums };
}

/** Paragraph styles that carry numbering (headings numbered through their style), following basedOn. */
function readStyleNumbering(doc) {
  const styles = new Map();
  if (!doc) return () => null;
  for (const s of doc.getElementsByTagNameNS(W, 'style')) {
    const numPr = child(child(s, 'pPr'), 'numPr');
    styles.set(wattr(s, 'styleId'), {
      numId: numPr ? wattr(child(numPr, 'numId'), 'val') : null,
      ilvl: numPr ? wattr(child(numPr, 'ilvl'), 'val') : null,
      basedOn: wattr(child(s, 'basedOn'), 'val'),
    });
  }
  return (id) => {
    for (let k = 0, s = styles.get(id); s && k < 8; k++, s = styles.get(s.basedOn)) {
      if (s.numId) return { numId: s.numId, ilvl: s.ilvl };
    }
    return null;
  };
}

/** Counts list items as Word does and returns the visible number of each numbered paragraph. */
function numberer(numbering, styleNumbering) {
  const counters = new Map();
  return (p) => {
    const pPr = child(p, 'pPr');
    const numPr = child(pPr, 'numPr');
    const fromStyle = styleNumbering(wattr(child(pPr, 'pStyle'), 'val'));
    const numId = (numPr && wattr(child(numPr, 'numId'), 'val')) ?? fromStyle?.numId;
    if (!numId || numId === '0') return '';
    const ilvl = Number((numPr && wattr(child(numPr, 'ilvl'), 'val')) ?? fromStyle?.ilvl ?? 0);
    const num = numbering.nums.get(numId);
    const levels = num && numbering.abstracts.get(num.abstract);
    if (!levels || !levels[ilvl]) return '';
    // Lists that share an abstract definition continue one count, as in Word.
    const key = num.abstract;
    if (!counters.has(key)) counters.set(key, []);
    const count = counters.get(key);
    const startOf = (l) => num.starts.get(l) ?? levels[l]?.start ?? 1;
    count[ilvl] = count[ilvl] === undefined ? startOf(ilvl) : count[ilvl] + 1;
    count.length = ilvl + 1; // deeper levels restart
    return levels[ilvl].text.replace(/%([1-9])/g, (_, d) => {
      const l = Number(d) - 1;
      return formatNumber(count[l] ?? startOf(l), levels[l]?.fmt ?? 'decimal');
    });
  };
}

// ---- the body ------------------------------------------------------------------

export async function readDocx(buf) {
  const zip = zipEntries(buf);
  const doc = await zip.xml('word/document.xml');
  if (!doc) throw new Error('.docx 中没有正文（word/document.xml）');
  if (doc.getElementsByTagName('parsererror').length) throw new Error('.docx 的正文已损坏，无法读取');
  const numberOf = numberer(readNumbering(await zip.xml('word/numbering.xml')), readStyleNumbering(await zip.xml('word/styles.xml')));
  const skipped = { textBoxes: 0, footnotes: 0, endnotes: 0 };

  const runText = (node) => {
    let out = '';
    for (const c of node.children) {
      if (c.namespaceURI === MC && c.localName === 'Fallback') continue; // a copy of mc:Choice for old readers
      if (isW(c, 't')) out += c.textContent;
      else if (isW(c, 'tab')) out += '\t';
      else if (isW(c, 'br') || isW(c, 'cr')) out += wattr(c, 'type') === 'page' ? '' : '\n';
      else if (isW(c, 'noBreakHyphen')) out += '-';
      else if (isW(c, 'txbxContent')) skipped.textBoxes++;
      else if (isW(c, 'footnoteReference')) skipped.footnotes++;
      else if (isW(c, 'endnoteReference')) skipped.endnotes++;
      else if (!isW(c, 'p') && !isW(c, 'pPr') && !isW(c, 'rPr') && !isW(c, 'delText') && !isW(c, 'instrText')) out += runText(c);
    }
    return out;
  };
  const paragraph = (p) => numberOf(p) + runText(p);
  const cellText = (tc) => blocks(tc).join(' ').trim();
  function blocks(container) {
    const lines = [];
    for (const c of container.children) {
      if (isW(c, 'p')) lines.push(paragraph(c));
      else if (isW(c, 'tbl')) {
        for (const tr of c.children) if (isW(tr, 'tr')) lines.push([...tr.children].filter((tc) => isW(tc, 'tc')).map(cellText).join('\t'));
      } else if (isW(c, 'sdt')) lines.push(...blocks(child(c, 'sdtContent') ?? c));
      else if (isW(c, 'customXml') || isW(c, 'ins')) lines.push(...blocks(c));
    }
    return lines;
  }
  const body = doc.getElementsByTagNameNS(W, 'body')[0];
  const text = body ? blocks(body).join('\n') : '';
  const notes = [];
  if (skipped.textBoxes) notes.push(`${skipped.textBoxes} 个文本框`);
  if (skipped.footnotes) notes.push(`${skipped.footnotes} 条脚注`);
  if (skipped.endnotes) notes.push(`${skipped.endnotes} 条尾注`);
  return { text, skipped: notes };
}
