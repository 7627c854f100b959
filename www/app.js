// The paste page: an editor with inline highlights (through attach()), a side
// panel of findings grouped by kind, the document map, and suggested fixes.
// Every piece of user text is inserted with textContent / text nodes only.

import init, { attach } from './report-checker.js';
import { readDocx } from './docx.js';

const CATEGORY_LABELS = { structure: '结构', numbering: '序号', numbers: '数字', data: '缺失数据', period: '时间', text: '文字规范' };
const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' };
const ORDER = ['numbers', 'data', 'numbering', 'structure', 'period', 'text'];

const $ = (id) => document.getElementById(id);
const editor = $('editor');
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

let handle;
const options = () => ($('template').value ? { template: $('template').value } : {});

function setText(text) {
  editor.value = text;
  editor.dispatchEvent(new Event('input', { bubbles: true }));
  handle.recheck();
}

function select(span) {
  handle.select(span.start, span.end);
}

function renderSummary(report, ms) {
  const box = $('summary');
  box.replaceChildren();
  const { error, warning, info } = report.summary;
  if (!error && !warning && !info) {
    box.append(el('span', 'pill ok', editor.value.trim() ? '未发现问题' : '等待文稿'));
  } else {
    if (error) box.append(el('span', 'pill error', `${error} 个错误`));
    if (warning) box.append(el('span', 'pill warning', `${warning} 个警告`));
    if (info) box.append(el('span', 'pill info', `${info} 条提示`));
  }
  $('status').textContent = editor.value
    ? `共 ${editor.value.length.toLocaleString()} 字 · 检查用时 ${ms.toFixed(1)} 毫秒 · 文稿只在本机处理`
    : '文稿只在本机处理，不会上传。';
}

const SECTION_KINDS = { results: '成效', methods: '做法', problems: '问题', plans: '打算' };

function renderOutline(outline) {
  const body = $('outline-body');
  body.replaceChildren();
  if (outline.title) {
    const t = el('a', 'title', outline.title.text);
    t.onclick = () => select(outline.title.span);
    body.append(t);
  } else {
    body.append(el('div', 'period', '未识别到标题'));
  }
  if (outline.period) body.append(el('div', 'period', `报告期：${outline.period.label}（${outline.period.start} 至 ${outline.period.end}）`));
  for (const s of outline.sections) {
    const a = el('a', `l${Math.min(s.level, 4)}`, s.text.length > 40 ? `${s.text.slice(0, 40)}…` : s.text);
    a.onclick = () => select(s.span);
    // Which expected part of a summary this heading is (成效 / 做法 / 问题 / 打算).
    const kind = SECTION_KINDS[s.kind];
    if (kind) a.append(el('span', 'kind', kind));
    body.append(a);
  }
}

function renderFindings(report, text) {
  const box = $('findings');
  box.replaceChildren();
  if (!text.trim()) {
    box.append(el('div', 'empty', '把工作总结粘贴到左侧，或点“打开文稿”“载入示例”。\n检查数字前后矛盾、分项与总数不符、序号跳号、缺少部分、未填的占位符等问题。'));
    return;
  }
  if (!report.diagnostics.length) {
    box.append(el('div', 'empty', '没有发现问题。'));
    return;
  }
  const groups = new Map();
  for (const d of report.diagnostics) {
    if (!groups.has(d.category)) groups.set(d.category, []);
    groups.get(d.category).push(d);
  }
  const cats = [...groups.keys()].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  for (const cat of cats) {
    const group = el('section', 'group');
    group.append(el('h2', '', `${CATEGORY_LABELS[cat] ?? cat}（${groups.get(cat).length}）`));
    for (const d of groups.get(cat)) group.append(renderItem(d, text));
    box.append(group);
  }
}

function renderItem(d, text) {
  const item = el('div', `item ${d.severity}`);
  item.dataset.start = d.span.start;
  item.dataset.end = d.span.end;
  item.dataset.rule = d.rule;
  const meta = el('div', 'meta');
  meta.append(el('span', 'sev', SEVERITY_LABELS[d.severity]), el('span', '', `第${d.span.line}行 第${d.span.column}列`), el('span', '', d.rule));
  const quote = text.slice(d.span.start, d.span.end);
  const msg = el('div', 'msg', d.message);
  item.append(meta, msg);
  if (quote) {
    const q = el('div');
    q.append('原文：', el('span', 'quote', quote.length > 60 ? `${quote.slice(0, 60)}…` : quote));
    item.append(q);
  }
  if (d.related.length) {
    const rel = el('div', 'related');
    for (const r of d.related) {
      const a = el('a', '', `${r.message}（第${r.span.line}行）`);
      a.onclick = (e) => {
        e.stopPropagation();
        select(r.span);
      };
      rel.append(a);
    }
    item.append(rel);
  }
  for (const s of d.suggestions) {
    const fix = el('div', 'fix');
    const b = el('button', '', s.replacement ? `采纳：改为“${s.replacement}”` : '采纳：删除');
    b.onclick = (e) => {
      e.stopPropagation();
      editor.setRangeText(s.replacement, s.span.start, s.span.end, 'end');
      editor.dispatchEvent(new Event('input', { bubbles: true }));
      handle.recheck();
    };
    fix.append(b);
    item.append(fix);
  }
  item.onclick = () => {
    for (const x of document.querySelectorAll('.item.active')) x.classList.remove('active');
    item.classList.add('active');
    select(d.span);
  };
  return item;
}

async function openFile(file) {
  let text;
  if (/\.docx$/i.test(file.name)) {
    text = await readDocx(await file.arrayBuffer());
  } else {
    const bytes = new Uint8Array(await file.arrayBuffer());
    text = new TextDecoder('utf-8').decode(bytes);
    // Office machines still save .txt in GB18030/GBK.
    if (text.includes('\uFFFD')) text = new TextDecoder('gb18030').decode(bytes);
  }
  setText(text);
}

async function main() {
  await init();
  handle = attach(editor, options());
  handle.on('result', ({ report, ms, text }) => {
    renderSummary(report, ms);
    renderOutline(report.outline);
    renderFindings(report, text);
    document.body.dataset.checked = String(Number(document.body.dataset.checked ?? 0) + 1);
  });
  handle.on('error', (error) => {
    $('status').textContent = `选项有误：${error}`;
  });
  $('template').onchange = () => {
    try {
      handle.setOptions(options());
    } catch (e) {
      $('status').textContent = String(e.message ?? e);
    }
  };
  $('file').onchange = async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    try {
      await openFile(f);
    } catch (err) {
      $('status').textContent = `无法读取文件：${err.message ?? err}`;
    }
    e.target.value = '';
  };
  $('sample').onclick = async () => setText(await (await fetch('sample.txt')).text());
  $('clear').onclick = () => setText('');
  $('status').textContent = '文稿只在本机处理，不会上传。';
}

main().catch((e) => {
  $('status').textContent = `检查程序加载失败：${e.message ?? e}`;
});
