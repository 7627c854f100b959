//! `period.signed-early`: a 成文日期 well before the reporting period ends — a
//! 上半年 summary dated 4月, an annual one dated 9月 — while the text reports the
//! whole period as done. Summaries are often written in the period's last
//! weeks, so a date within a month of its end is fine.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub struct SignedEarly;

impl Rule for SignedEarly {
    fn id(&self) -> &'static str {
        "period.signed-early"
    }
    fn category(&self) -> Category {
        Category::Period
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
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
