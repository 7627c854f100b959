//! `structure.date`: the 成文日期 is not in the GB/T 9704-2012 form
//! 2018年3月26日 — 2018年03月26日 (leading zeros) or the older
//! 二〇一八年三月二十六日 get a note with the fix.

use crate::document::Document;
use crate::report::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct DateForm;

pub static INFO: RuleInfo = RuleInfo {
    code: "structure.date",
    family: Category::Structure,
    severity: Severity::Info,
    summary: "成文日期格式不规范（补零、汉字日期）",
    explanation: "GB/T 9704-2012 规定成文日期用阿拉伯数字写全年月日，月、日不编虚位（不补零），如“2018年3月26日”。",
    example: "2018年03月26日",
    near_miss: "2018年3月26日",
};

impl Rule for DateForm {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(pi) = doc.outline.signoff_date else {
            return;
        };
        let span = &doc.paragraphs[pi].span;
        let Some(d) = doc.outline.dates.iter().find(|d| d.span == *span) else {
            return;
        };
        let (Some(y), Some(m), Some(day)) = (d.year, d.month, d.day) else {
            return;
        };
        let fixed = format!("{y}年{m}月{day}日");
        let written = doc.slice(span);
        if written != fixed {
            out.push(
                self.diagnostic(span.clone(), format!("成文日期应按 GB/T 9704-2012 用阿拉伯数字写全年月日、不编虚位，写作“{fixed}”。"))
                    .with_suggestion(span.clone(), fixed, Applicability::Safe),
            );
        }
    }
}
