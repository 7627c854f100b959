// The side panel: the verdict, the section checklist, what is ignored or turned
// off, the document map, and the findings grouped by kind. Each part is rebuilt
// from the state; actions go back through the callbacks in `act`.

import { $, el, jump, clip } from './dom.js';
import {
  CATEGORY_LABELS, CATEGORY_ORDER, SEVERITY_LABELS, PRESET_LABELS, presetForTitle, verdictOf, checklistOf, contextOf, isSafe,
} from './model.js';

export function renderVerdict(findings, text) {
  const v = verdictOf(findings, text);
  const box = $('verdict');
  box.className = `verdict ${v.state}`;
  box.replaceChildren(el('div', 'headline', v.headline), el('div', 'detail', v.detail));
  // At 800 px the panel is below the editor: the verdict also stands under the editor.
  const mini = $('verdict-mini');
  mini.className = `verdict-mini ${v.state}`;
  mini.textContent = v.headline;
}

export function renderChecklist(report, text, templateChoice, act) {
  const used = $('template-used');
  const title = report.outline.title?.text;
  if (!text.trim()) used.textContent = '';
  else if (templateChoice) used.textContent = `按“${PRESET_LABELS[templateChoice]}”检查（在上方“模板”中选定）`;
  else if (title) used.textContent = `按标题识别为“${PRESET_LABELS[presetForTitle(title)]}”，可在上方“模板”中改选`;
  else used.textContent = '未识别到标题，按“年度工作总结”检查';
  const list = $('checklist');
  list.replaceChildren();
  if (!text.trim()) return;
  for (const item of checklistOf(report, text)) {
    const li = el('li', item.found ? 'found' : item.required ? 'missing' : 'optional');
    li.dataset.id = item.id;
    li.append(el('span', 'tick', item.found ? '✓' : item.required ? '✗' : '–'));
    li.append(el('span', 'label', item.label));
    if (item.found && item.span) {
      li.append(jump(clip(item.heading, 16), () => act.select(item.span), 'jump where'));
    } else {
      li.append(el('span', 'where', item.found ? '已写' : item.required ? '缺少' : '未写（可选）'));
    }
    list.append(li);
  }
}

export function renderSuppressed(state, act) {
  const box = $('suppressed');
  box.replaceChildren();
  const ignored = state.report ? state.report.diagnostics.length - state.findings.length : 0;
  if (ignored) {
    const row = el('div', 'row');
    row.append(el('span', '', `本文已忽略 ${ignored} 处`), jump('全部恢复', act.restoreIgnored, 'jump restore-ignored'));
    box.append(row);
  }
  for (const rule of state.rulesOff) {
    const row = el('div', 'row');
    row.dataset.rule = rule;
    row.append(el('span', '', `已关闭“${act.ruleName(rule)}”检查（本次会话）`), jump('重新打开', () => act.ruleOn(rule), 'jump rule-on'));
    box.append(row);
  }
  box.hidden = !box.childElementCount;
}

const SECTION_KINDS = { results: '成效', methods: '做法', problems: '问题', plans: '打算' };

export function renderOutline(outline, act) {
  const body = $('outline-body');
  body.replaceChildren();
  if (outline.title) body.append(jump(outline.title.text, () => act.select(outline.title.span), 'title'));
  else body.append(el('div', 'period', '未识别到标题'));
  if (outline.period) body.append(el('div', 'period', `报告期：${outline.period.label}（${outline.period.start} 至 ${outline.period.end}）`));
  for (const s of outline.sections) {
    const a = jump(clip(s.text, 40), () => act.select(s.span), `l${Math.min(s.level, 4)}`);
    const kind = SECTION_KINDS[s.kind];
    if (kind) a.append(el('span', 'kind', kind));
    body.append(a);
  }
}

/**
 * What a finding offers besides its message, shared by the panel and the
 * explanation in the text: the related places (the other figure of a conflict,
 * the parts of a sum) as links, the suggestions, and ignore / rule off.
 */
export function findingActions(f, text, act) {
  const { d } = f;
  const parts = [];
  if (d.related.length) {
    const rel = el('ul', 'related');
    rel.setAttribute('aria-label', '相关位置');
    for (const r of d.related) {
      const quoted = text.slice(r.span.start, r.span.end);
      const label = r.message.includes(quoted) || !quoted ? r.message : `${r.message}：“${clip(quoted, 20)}”`;
      const li = el('li');
      li.append(jump(`${label}（第${r.span.line}行）`, () => act.select(r.span)));
      rel.append(li);
    }
    parts.push(rel);
  }
  for (const s of d.suggestions) {
    const fix = el('div', 'fix');
    const change = s.replacement ? `改为“${s.replacement}”` : '删去';
    if (isSafe(s)) {
      const b = el('button', 'apply', `${change}`);
      b.type = 'button';
      b.title = '采纳这处修改（Enter），可按 Ctrl+Z 撤销';
      b.addEventListener('click', (e) => {
        e.stopPropagation();
        act.applyFix(f, s);
      });
      fix.append(b);
    } else {
      // Not safe to apply blindly: shown as a hint the clerk weighs and types.
      fix.append(el('span', 'maybe', s.replacement ? `可能应为“${s.replacement}”` : '可能应删去'));
    }
    parts.push(fix);
  }
  const tools = el('div', 'tools-row');
  tools.append(jump('忽略此处', () => act.ignore(f), 'jump ignore'), jump('关闭此类检查', () => act.ruleOff(d.rule), 'jump rule-off'));
  parts.push(tools);
  return parts;
}

function renderItem(f, text, act) {
  const { d } = f;
  const item = el('li', `item ${d.severity}`);
  item.tabIndex = 0;
  Object.assign(item.dataset, { start: d.span.start, end: d.span.end, rule: d.rule, key: f.key, index: f.index });
  const meta = el('div', 'meta');
  meta.append(el('span', 'sev', SEVERITY_LABELS[d.severity]), el('span', '', `第${d.span.line}行 第${d.span.column}列`), el('span', 'rule', act.ruleName(d.rule)));
  item.append(meta, el('div', 'msg', d.message));
  const [before, flagged, after] = contextOf(text, d.span, 12);
  if (flagged) {
    const q = el('div', 'context');
    q.append(before, el('span', 'quote', flagged), after);
    item.append(q);
  }
  item.append(...findingActions(f, text, act));
  const choose = () => act.choose(f);
  item.addEventListener('click', choose);
  item.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && e.target === item) {
      // Focus moves to the editor: the key must not go on to type there over the selection.
      e.preventDefault();
      choose();
    }
  });
  return item;
}

// A draft with thousands of findings (a whole year's reports pasted in) would
// take seconds to list: the list stops here until the clerk asks for the rest.
export const LIST_LIMIT = 300;

export function renderFindings(findings, text, act, limit = LIST_LIMIT) {
  const box = $('findings');
  box.replaceChildren();
  if (!text.trim()) {
    box.append(el('div', 'empty', '把工作总结粘贴到左侧，或点“打开文稿”“载入示例”。\n检查数字前后矛盾、分项与总数不符、序号跳号、缺少部分、未填的占位符等问题。'));
    return;
  }
  if (!findings.length) {
    box.append(el('div', 'empty', '没有需要处理的问题。'));
    return;
  }
  const groups = new Map();
  for (const f of findings.slice(0, limit)) {
    if (!groups.has(f.d.category)) groups.set(f.d.category, []);
    groups.get(f.d.category).push(f);
  }
  const cats = [...groups.keys()].sort((a, b) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b));
  const frag = document.createDocumentFragment();
  for (const cat of cats) {
    const group = el('section', 'group');
    const id = `group-${cat}`;
    const h = el('h2', '', `${CATEGORY_LABELS[cat] ?? cat}（${groups.get(cat).length}）`);
    h.id = id;
    const list = el('ul', 'items');
    list.setAttribute('aria-labelledby', id);
    for (const f of groups.get(cat)) list.append(renderItem(f, text, act));
    group.append(h, list);
    frag.append(group);
  }
  if (findings.length > limit) {
    frag.append(jump(`还有 ${findings.length - limit} 处未列出，全部列出`, act.listAll, 'jump list-all'));
  }
  box.append(frag);
}
