// What to highlight for a report, independent of how it is drawn.

export const KINDS = ['error', 'warning', 'info', 'related'];
const RANK = { error: 0, warning: 1, info: 2, related: 3 };

/** One mark per primary span and per related span, in text order (longer first at a tie). */
export function marksOf(report) {
  const marks = [];
  for (const [index, d] of report.diagnostics.entries()) {
    if (d.span.end > d.span.start) marks.push({ start: d.span.start, end: d.span.end, kind: d.severity, index });
    for (const r of d.related) {
      if (r.span.end > r.span.start) marks.push({ start: r.span.start, end: r.span.end, kind: 'related', index });
    }
  }
  return marks.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Whether a mark lies inside an earlier (enclosing) one: drawn on top, so both stay visible. */
export function nestedFlags(marks) {
  let reach = -1;
  return marks.map((m) => {
    const nested = m.start < reach;
    reach = Math.max(reach, m.end);
    return nested;
  });
}

/**
 * For an overlay that cannot overlap elements: the text cut at every mark
 * boundary; each piece carries the strongest kind over it, how many marks
 * cover it (depth > 1 is drawn darker) and the indexes of their findings.
 */
export function pieces(marks) {
  const cuts = [...new Set(marks.flatMap((m) => [m.start, m.end]))].sort((a, b) => a - b);
  const out = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [start, end] = [cuts[k], cuts[k + 1]];
    const over = marks.filter((m) => m.start < end && m.end > start);
    if (!over.length) continue;
    const top = over.reduce((a, b) => (RANK[b.kind] < RANK[a.kind] ? b : a));
    out.push({ start, end, kind: top.kind, depth: over.length, indexes: [...new Set(over.map((m) => m.index))] });
  }
  return out;
}

const short = (s) => (s.length > 30 ? `${s.slice(0, 28)}…` : s);

/**
 * The quoted context of a span inside its line, for positions a reader can
 * find in a rich editor: {before, flagged, after} (at most `width` characters
 * either side; the line's soft breaks and tabs read as spaces).
 */
export function quote(text, span, width = 12) {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', span.end);
  if (lineEnd < 0) lineEnd = text.length;
  const clean = (s) => s.replace(/[\u2028\t]/g, ' ');
  const from = Math.max(lineStart, span.start - width);
  const to = Math.min(lineEnd, Math.max(span.end, span.start) + width);
  return {
    before: (from > lineStart ? '…' : '') + clean(text.slice(from, span.start)),
    flagged: clean(short(text.slice(span.start, span.end))),
    after: clean(text.slice(span.end, to)) + (to < lineEnd ? '…' : ''),
  };
}

/** “第3段：……共召开会议【XX】次……” — where a finding is, in words a clerk can use. */
export function describe(text, span) {
  const q = quote(text, span);
  return `第${span.paragraph}段：“${q.before}【${q.flagged}】${q.after}”`;
}
