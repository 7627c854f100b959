//! `period.compare-base`: a comparison whose base is the reporting period
//! itself — a 2021 figure “较2021年全年增长” in a 2021 summary. The base of
//! 较 / 比 / 同比 must be an earlier period.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct CompareBase;

pub static INFO: RuleInfo = RuleInfo {
    code: "period.compare-base",
    family: Category::Period,
    severity: Severity::Error,
    summary: "比较的基期就是报告期本身",
    explanation: "“较……增长”“同比”的比较对象应是更早的时期；在2021年的总结里写“较2021年增长”，比较基期与报告期相同，多半应为“较2020年”。",
    example: "（2021年工作总结）收入较2021年增长12%",
    near_miss: "（2021年工作总结）收入较2020年增长12%",
};

impl Rule for CompareBase {
    fn info(&self) -> &'static RuleInfo {
        &INFO
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
