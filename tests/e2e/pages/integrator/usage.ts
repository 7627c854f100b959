// Compiled (not run) against the package's declarations: an integrator's
// TypeScript uses the whole API and the compiler must accept it.
import init, { attach, check, describe, quote, resolveRoot, rules, version } from 'report-checker';
import type { AttachOptions, Diagnostic, Handle, Report, RuleInfo, Span } from 'report-checker';

export async function setUp(root: HTMLElement, form: HTMLFormElement): Promise<Handle> {
  await init();
  const options: AttachOptions = { template: 'annual', disabledRules: ['text.punctuation'], delay: 300 };
  const handle = attach(resolveRoot(root), options);
  handle.on('result', ({ report, ms, text }) => console.log(report.summary.error, ms.toFixed(1), text.length));
  handle.on('error', (message) => console.warn(message.length));
  root.addEventListener('reportchecker:result', (e) => console.log(e.detail.report.summary.warning));
  form.addEventListener('submit', async (e) => {
    const report: Report = await handle.ready();
    if (report.summary.error > 0) e.preventDefault();
    for (const d of report.diagnostics) {
      const span: Span = d.span;
      const where = handle.locate(span);
      console.log(d.rule, d.severity, d.category, where.paragraph, where.description, where.quote.flagged);
      for (const s of d.suggestions) console.log(s.applicability === 'safe' ? s.replacement : '');
      for (const r of d.related) console.log(r.span.paragraph, r.message);
    }
  });
  const el = document.querySelector('report-checker');
  if (el) await el.ready();
  return handle;
}

export function oneShot(text: string): Diagnostic[] {
  const report = check(text, { template: 'quarterly' });
  const all: RuleInfo[] = rules();
  console.log(all.map((r) => r.code + r.nearMiss), version(), report.outline.period?.label, report.outline.sections[0]?.kind);
  const first = report.diagnostics[0];
  if (first) console.log(describe(text, first.span), quote(text, first.span, 8).before);
  const headless = attach(null, { getText: () => text });
  headless.notify();
  const now: Report = headless.check();
  headless.detach();
  return now.diagnostics;
}
