//! `period.span`: a year range that cannot be right — it ends before it starts
//! (2025—2022年) or starts and ends in the same year (2022——2022年).

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct YearSpan;

pub static INFO: RuleInfo = RuleInfo {
    code: "period.span",
    family: Category::Period,
    severity: Severity::Error,
    summary: "起止年份不合理（2025—2022年）",
    explanation: "年份区间的终止年应晚于起始年；起止相同或倒置多是笔误。",
    example: "2025—2022年",
    near_miss: "2022—2025年",
};

impl Rule for YearSpan {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        for d in &doc.outline.dates {
            let (Some(start), Some(end)) = (d.year, d.end_year) else {
                continue;
            };
            let written = doc.slice(&d.span);
            if end < start {
                out.push(self.diagnostic(
                    d.span.clone(),
                    format!("起止年份“{written}”颠倒：结束年份早于开始年份，请核对。"),
                ));
            } else if end == start {
                out.push(self.diagnostic(
                    d.span.clone(),
                    format!("起止年份“{written}”相同，不成其为时间段，请核对起止年份。"),
                ));
            }
        }
    }
}
