// What the page concludes from a report, with no DOM: the verdict, the section
// checklist, which findings are ignored, and each finding's context. Kept pure so
// the printable report, the JSON export and the panel all say the same thing.

export const CATEGORY_LABELS = { structure: '结构', numbering: '序号', numbers: '数字', data: '缺失数据', period: '时间', text: '文字规范' };
export const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' };
export const CATEGORY_ORDER = ['numbers', 'data', 'numbering', 'structure', 'period', 'text'];

export const PRESET_LABELS = {
  quarterly: '季度工作总结',
  'half-year': '半年工作总结',
  'three-quarter': '前三季度工作总结',
  annual: '年度工作总结',
  'summary-and-plan': '工作总结及计划',
};

/**
 * The preset the core picks from the title when the template is automatic.
 * Mirrors `preset_for_title` in src/template.rs: the report does not name the
 * template it used (yet), and the clerk should see which one judged the draft.
 */
export function presetForTitle(title) {
  if (/计划|要点|打算/.test(title)) return 'summary-and-plan';
  if (/前三季度|1[-—]9月/.test(title)) return 'three-quarter';
  if (title.includes('季度')) return 'quarterly';
  if (title.includes('半年')) return 'half-year';
  return 'annual';
}

/** A finding's identity within one draft: rule, flagged text and which occurrence of that pair it is. */
export function findingKeys(report, text) {
  const seen = new Map();
  return report.diagnostics.map((d) => {
    const base = `${d.rule}|${text.slice(d.span.start, d.span.end)}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}|${n}`;
  });
}

/** The findings the clerk still has to look at: everything not ignored, in text order. */
export function visibleFindings(report, text, ignored) {
  const keys = findingKeys(report, text);
  return report.diagnostics
    .map((d, index) => ({ d, index, key: keys[index] }))
    .filter((f) => !ignored.has(f.key))
    .sort((a, b) => a.d.span.start - b.d.span.start || a.index - b.index);
}

export function verdictOf(findings, text) {
  const count = (s) => findings.filter((f) => f.d.severity === s).length;
  const errors = count('error');
  const warnings = count('warning') + count('info');
  if (!text.trim()) return { state: 'empty', errors, warnings, headline: '等待文稿', detail: '粘贴或打开一篇工作总结即可检查。' };
  if (errors) {
    return {
      state: 'errors', errors, warnings,
      headline: `有 ${errors} 处错误需要修改`,
      detail: warnings ? `另有 ${warnings} 处提醒，请酌情修改。` : '改正后即可提交。',
    };
  }
  return {
    state: 'ok', errors, warnings,
    headline: '可以提交',
    detail: warnings ? `没有错误；另有 ${warnings} 处提醒，可酌情修改。` : '没有发现问题。',
  };
}

const CHINESE_DIGITS = '〇零○一二三四五六七八九十';
const DATE_LINE = new RegExp(`^(\\d{4}|[${CHINESE_DIGITS}]{4})\\s*年\\s*[\\d${CHINESE_DIGITS}]{1,3}\\s*月\\s*[\\d${CHINESE_DIGITS}]{1,3}\\s*日$`);

/**
 * Where the sign-off (落款单位, 成文日期) stands: the last date line among the
 * final lines, and the short line above it. The core decides whether they are
 * missing (structure.signature); this only finds them to link to.
 */
export function findSignoff(text) {
  const lines = [];
  let at = 0;
  for (const line of text.split('\n')) {
    lines.push({ start: at, end: at + line.length, text: line.trim() });
    at += line.length + 1;
  }
  const tail = lines.filter((l) => l.text).slice(-6);
  for (let i = tail.length - 1; i >= 0; i--) {
    if (!DATE_LINE.test(tail[i].text)) continue;
    const above = tail[i - 1];
    const unit = above && above.text.length <= 30 && !/[。；;：:，,]$/.test(above.text) ? above : null;
    return { date: tail[i], unit };
  }
  return { date: null, unit: null };
}

const SECTION_ITEMS = [
  { id: 'results', label: '成效', required: true },
  { id: 'methods', label: '做法', required: false },
  { id: 'problems', label: '问题', required: true },
  { id: 'plans', label: '打算', required: true },
];

/** The checklist: each expected part of a summary, where it is (a span) or that it is missing. */
export function checklistOf(report, text) {
  const items = SECTION_ITEMS.map(({ id, label, required }) => {
    const found = report.outline.sections.find((s) => s.kind === id);
    return { id, label, required, found: !!found, span: found?.span ?? null, heading: found?.text ?? null };
  });
  // The core reports a missing sign-off; it names what is missing in its message.
  const signature = report.diagnostics.find((d) => d.rule === 'structure.signature');
  const signoff = findSignoff(text);
  // The core judges only a draft with a title and headings; otherwise a found line decides.
  const judged = !!report.outline.title && report.outline.sections.length > 0;
  const signed = (name, line) => !!text.trim() && (signature ? !signature.message.includes(name) : judged || !!line);
  const span = (line) => (line ? { start: line.start, end: line.end } : null);
  items.push(
    { id: 'signature', label: '落款', required: true, found: signed('落款', signoff.unit), span: span(signoff.unit), heading: signoff.unit?.text ?? null },
    { id: 'date', label: '成文日期', required: true, found: signed('成文日期', signoff.date), span: span(signoff.date), heading: signoff.date?.text ?? null },
  );
  return items;
}

/** The line around a span, cut to a readable length, as [before, flagged, after]. */
export function contextOf(text, span, width = 24) {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', span.end);
  if (lineEnd < 0) lineEnd = text.length;
  const from = Math.max(lineStart, span.start - width);
  const to = Math.min(lineEnd, span.end + width);
  const flagged = text.slice(span.start, Math.min(span.end, lineEnd));
  return [
    (from > lineStart ? '…' : '') + text.slice(from, span.start),
    flagged.length > 80 ? `${flagged.slice(0, 80)}…` : flagged,
    text.slice(Math.max(span.end, span.start + flagged.length), to) + (to < lineEnd ? '…' : ''),
  ];
}

/** A diagnostic's message split into what is wrong and what to do (the core's messages put 请… last). */
export function splitMessage(message) {
  const at = message.search(/[。：]请/);
  if (at < 0) return { what: message, todo: '' };
  return { what: message.slice(0, at + 1), todo: message.slice(at + 1) };
}

/** A suggestion the page may apply in one click: only those the core marks safe. */
export const isSafe = (s) => s.applicability === 'safe';

/** The check report as data: what the JSON export holds and the printed report shows. */
export function exportOf({ report, text, ignored, template, rulesOff, date = new Date() }) {
  const findings = visibleFindings(report, text, ignored);
  const keys = findingKeys(report, text);
  const describe = (d) => ({
    rule: d.rule,
    category: d.category,
    severity: d.severity,
    message: d.message,
    line: d.span.line,
    column: d.span.column,
    start: d.span.start,
    end: d.span.end,
    text: text.slice(d.span.start, d.span.end),
    context: contextOf(text, d.span).join(''),
    related: d.related.map((r) => ({ message: r.message, line: r.span.line, text: text.slice(r.span.start, r.span.end) })),
    suggestions: d.suggestions.map((s) => ({ replacement: s.replacement, applicability: s.applicability ?? null })),
  });
  return {
    generatedAt: date.toISOString(),
    title: report.outline.title?.text ?? null,
    period: report.outline.period ?? null,
    template,
    characters: text.length,
    verdict: verdictOf(findings, text),
    checklist: checklistOf(report, text).map(({ id, label, required, found, heading, span }) => ({ id, label, required, found, heading, line: span ? lineOf(text, span.start) : null })),
    rulesOff: [...rulesOff],
    findings: findings.map((f) => describe(f.d)),
    ignored: report.diagnostics.filter((_, i) => ignored.has(keys[i])).map(describe),
  };
}

export function lineOf(text, offset) {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
