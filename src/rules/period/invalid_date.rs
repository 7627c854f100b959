//! `period.invalid-date`: a date that cannot exist — 2月30日, 13月, 4月31日.

use crate::document::Document;
use crate::outline::days_in_month;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub struct InvalidDate;

impl Rule for InvalidDate {
    fn id(&self) -> &'static str {
        "period.invalid-date"
    }
    fn category(&self) -> Category {
        Category::Period
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
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
                let max = days_in_month(d.year.unwrap_or(year), m);
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
