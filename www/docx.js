// Reads the text of a .docx in the browser, with no library: a .docx is a zip;
// find word/document.xml in the central directory, inflate it with the
// browser's DecompressionStream('deflate-raw'), and take the w:t text of each
// w:p paragraph (w:tab as a tab, w:br as a line break).

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

async function inflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function findEntry(buf, name) {
  const view = new DataView(buf);
  // End of central directory: scan back for its signature.
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
  for (let k = 0; k < count; k++) {
    if (view.getUint32(p, true) !== 0x02014b50) break;
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const entryName = decoder.decode(new Uint8Array(buf, p + 46, nameLen));
    if (entryName === name) {
      const lNameLen = view.getUint16(local + 26, true);
      const lExtraLen = view.getUint16(local + 28, true);
      const data = new Uint8Array(buf, local + 30 + lNameLen + lExtraLen, size);
      return { method, data };
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error('.docx 中没有正文（word/document.xml）');
}

export async function readDocx(buf) {
  const { method, data } = findEntry(buf, 'word/document.xml');
  const xml = new TextDecoder().decode(method === 8 ? await inflateRaw(data) : data);
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const lines = [];
  for (const p of doc.getElementsByTagNameNS(W, 'p')) {
    let line = '';
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.namespaceURI === W && child.localName === 't') line += child.textContent;
        else if (child.namespaceURI === W && child.localName === 'tab') line += '\t';
        else if (child.namespaceURI === W && child.localName === 'br') line += '\n';
        else if (child.nodeType === 1 && child.localName !== 'p') walk(child);
      }
    };
    walk(p);
    lines.push(line);
  }
  return lines.join('\n');
}
