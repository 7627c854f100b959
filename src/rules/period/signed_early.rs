//! `period.signed-early`: a 成文日期 well before the reporting period ends — a
//! 上半年 summary dated 4月, an annual one dated 9月 — while the text reports the
//! whole period as done. Summaries are often written in the period's last
//! weeks, so a date within a month of its end is fine.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct SignedEarly;

pub static INFO: RuleInfo = RuleInfo {
    code: "period.signed-early",
    family: Category::Period,
    severity: Severity::Warning,
    summary: "成文日期远早于报告期结束",
    explanation:
        "全年总结的成文日期若在9月，报告期尚未结束，却写成全年已完成，日期或标题多半有误。",
    example: "（2022年工作总结）落款日期 2022年9月1日",
    near_miss: "（2022年工作总结）落款日期 2022年12月20日",
};

impl Rule for SignedEarly {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let (Some(period), Some(pi)) = (&doc.outline.period, doc.outline.signoff_date) else {
            return;
        };
        let span = &doc.paragraphs[pi].span;
        let Some(d) = doc.outline.dates.iter().find(|d| d.span == *span) else {
            return;
        };
        let (Some(year), Some(month)) = (d.year, d.month) else {
            return;
        };
        // Months before the period's end, counted across years.
        let months_early =
            (period.year as i64 * 12 + period.end_month as i64) - (year as i64 * 12 + month as i64);
        if months_early < 2 {
            return;
        }
        out.push(self.diagnostic(
            span.clone(),
            format!(
                "成文日期{}早于报告期（{}，至{}年{}月底）结束一个多月，而正文按整个报告期总结。请核对成文日期或标题中的时限。",
                doc.slice(span),
                period.label,
                period.year,
                period.end_month
            ),
        ));
    }
}
