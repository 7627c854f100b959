// The check report out of the page: printed (to paper or PDF through the
// browser's print dialog) and as JSON. Both come from exportOf(), so they say
// the same thing: the verdict, the checklist, every problem with its context,
// what was ignored or turned off, and the date.

import { $, el } from './dom.js';
import { SEVERITY_LABELS, PRESET_LABELS } from './model.js';

const dateText = (d) => `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/** Fills the print-only section from the export data. */
export function fillPrintReport(data, ruleName) {
  const box = $('print-report');
  const when = new Date(data.generatedAt);
  const parts = [el('h1', '', '工作总结检查报告')];
  const facts = el('dl', 'facts');
  const fact = (k, v) => facts.append(el('dt', '', k), el('dd', '', v));
  fact('文稿', data.title ?? '（未识别到标题）');
  if (data.period) fact('报告期', `${data.period.label}（${data.period.start} 至 ${data.period.end}）`);
  fact('模板', PRESET_LABELS[data.template] ?? data.template);
  fact('字数', `${data.characters.toLocaleString()} 字`);
  fact('检查时间', dateText(when));
  parts.push(facts);
  const verdict = el('div', `verdict ${data.verdict.state}`);
  verdict.append(el('div', 'headline', data.verdict.headline), el('div', 'detail', data.verdict.detail));
  parts.push(verdict);

  parts.push(el('h2', '', '应有的部分'));
  const checklist = el('ul', 'checklist');
  for (const c of data.checklist) {
    const li = el('li', c.found ? 'found' : c.required ? 'missing' : 'optional');
    li.append(el('span', 'tick', c.found ? '✓' : c.required ? '✗' : '–'), el('span', 'label', c.label),
      el('span', 'where', c.found ? (c.heading ? `${c.heading}${c.line ? `（第${c.line}行）` : ''}` : '已写') : c.required ? '缺少' : '未写（可选）'));
    checklist.append(li);
  }
  parts.push(checklist);

  parts.push(el('h2', '', `问题清单（${data.findings.length} 处）`));
  if (!data.findings.length) parts.push(el('p', '', '没有需要处理的问题。'));
  const list = el('ol', 'problems');
  for (const f of data.findings) list.append(problemItem(f, ruleName));
  parts.push(list);
  if (data.ignored.length) {
    parts.push(el('h2', '', `已忽略（${data.ignored.length} 处）`));
    const ign = el('ol', 'problems ignored');
    for (const f of data.ignored) ign.append(problemItem(f, ruleName));
    parts.push(ign);
  }
  if (data.rulesOff.length) parts.push(el('p', 'off', `本次关闭的检查：${data.rulesOff.map(ruleName).join('、')}`));
  parts.push(el('p', 'footer', `report-checker 在本机生成 · ${dateText(when)}`));
  box.replaceChildren(...parts);
}

function problemItem(f, ruleName) {
  const li = el('li', f.severity);
  const meta = el('div', 'meta', `${SEVERITY_LABELS[f.severity]} · 第${f.line}行第${f.column}列 · ${ruleName(f.rule)}`);
  const ctx = el('div', 'context');
  const at = f.context.indexOf(f.text);
  if (f.text && at >= 0) ctx.append(f.context.slice(0, at), el('mark', '', f.text), f.context.slice(at + f.text.length));
  else ctx.textContent = f.context;
  li.append(meta, el('div', 'msg', f.message), ctx);
  return li;
}

/** Saves the export data as a .json file (a local blob: nothing is sent anywhere). */
export function downloadJson(data) {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = el('a');
  const d = new Date(data.generatedAt);
  a.href = url;
  a.download = `检查报告-${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
