//! `period.compare-base`: a comparison whose base is the reporting period
//! itself — a 2021 figure “较2021年全年增长” in a 2021 summary. The base of
//! 较 / 比 / 同比 must be an earlier period.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub struct CompareBase;

impl Rule for CompareBase {
    fn id(&self) -> &'static str {
        "period.compare-base"
    }
    fn category(&self) -> Category {
        Category::Period
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(period) = &doc.outline.period else {
            return;
        };
        for d in &doc.outline.dates {
            let (Some(year), None) = (d.year, d.end_year) else {
                continue;
            };
            let before = &doc.text[..d.span.start];
            let Some(word) = ["较", "比", "相比", "同比"]
                .iter()
                .find(|w| before.ends_with(**w))
            else {
                continue;
            };
            // The sentence must itself be about the reporting year (a plan for next year may compare with this one).
            let sentence = doc.around(&d.span, 120);
            if year >= period.year
                && sentence.contains(&format!("{}年", period.year))
                && sentence.matches(&format!("{}年", period.year)).count() >= 2
            {
                let span = d.span.start - word.len()..d.span.end;
                out.push(self.diagnostic(
                    span,
                    format!(
                        "比较基期“{}”与报告期（{}）相同或更晚，应与上一年度（{}年）比较。",
                        doc.slice(&(d.span.start - word.len()..d.span.end)),
                        period.label,
                        period.year - 1
                    ),
                ));
            }
        }
    }
}
