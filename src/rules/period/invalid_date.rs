//! `period.invalid-date`: a date that cannot exist — 2月30日, 13月, 4月31日.

use crate::document::Document;
use crate::outline::days_in_month;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct InvalidDate;

pub static INFO: RuleInfo = RuleInfo {
    code: "period.invalid-date",
    family: Category::Period,
    severity: Severity::Error,
    summary: "不存在的日期（2月30日、13月）",
    explanation: "日期超出了月份的天数或一年的月数，多是笔误。请核对原始记录。",
    example: "2022年2月30日召开会议",
    near_miss: "2022年2月28日召开会议",
};

impl Rule for InvalidDate {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let year = doc.outline.period.as_ref().map_or(2001, |p| p.year);
        for d in &doc.outline.dates {
            let Some(m) = d.month else { continue };
            let written = doc.slice(&d.span);
            if !(1..=12).contains(&m) {
                out.push(self.diagnostic(
                    d.span.clone(),
                    format!("“{written}”中的月份不存在，请核对。"),
                ));
            } else if let Some(day) = d.day {
                // 2月29日 without its year: a text on 2023 is often issued in
                // 2024, a leap year; only the year written or both are sure.
                let max = match d.year {
                    Some(y) => days_in_month(y, m),
                    None => days_in_month(year, m).max(days_in_month(year + 1, m)),
                };
                if day == 0 || day > max {
                    out.push(self.diagnostic(
                        d.span.clone(),
                        format!("“{written}”不存在：{m}月只有{max}天，请核对。"),
                    ));
                }
            }
        }
    }
}
