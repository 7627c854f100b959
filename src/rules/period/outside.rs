//! `period.outside`: an event dated after the reporting period ends, reported
//! as done (7月 in a 上半年 summary). Plans and forecasts (将, 计划, 预计,
//! 力争 …) and the plan sections are fine.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub struct Outside;

const FUTURE: &[&str] = &[
    "将",
    "计划",
    "预计",
    "拟",
    "力争",
    "争取",
    "下一步",
    "下步",
    "打算",
    "确保",
    "预期",
    "年底前",
    "目标",
];

impl Rule for Outside {
    fn id(&self) -> &'static str {
        "period.outside"
    }
    fn category(&self) -> Category {
        Category::Period
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(period) = &doc.outline.period else {
            return;
        };
        if period.end_month == 12 {
            return;
        }
        // Plans start at the first heading naming them; nothing after it is a result.
        let plans_start = doc
            .outline
            .headings
            .iter()
            .find(|h| {
                ["打算", "计划", "下一步", "下步", "下半年"]
                    .iter()
                    .any(|w| doc.slice(&h.title).contains(w))
            })
            .map_or(usize::MAX, |h| h.marker.start);
        let signoff = doc
            .outline
            .signoff_date
            .map(|p| doc.paragraphs[p].span.clone());
        for d in &doc.outline.dates {
            if d.span.start >= plans_start
                || signoff.as_ref().is_some_and(|s| s.contains(&d.span.start))
                || d.end_year.is_some()
            {
                continue;
            }
            let (Some(month), year) = (d.month, d.year.unwrap_or(period.year)) else {
                continue;
            };
            if year != period.year || month <= period.end_month || month > 12 {
                continue;
            }
            let context = doc.around(&d.span, 90);
            if FUTURE.iter().any(|w| context.contains(w)) {
                continue;
            }
            out.push(self.diagnostic(
                d.span.clone(),
                format!("“{}”在报告期（{}）之后，却作为已完成的工作写入总结，请核对日期或移到下一步计划。", doc.slice(&d.span), period.label),
            ));
        }
    }
}
