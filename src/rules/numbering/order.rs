//! `numbering.order`: a number smaller than the one before it — 三、 then
//! 二、: paragraphs moved without renumbering.

use super::sequence::{misnumbered, Slip};
use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct Order;

pub static INFO: RuleInfo = RuleInfo {
    code: "numbering.order",
    family: Category::Numbering,
    severity: Severity::Error,
    summary: "序号顺序颠倒",
    explanation: "同级序号应按顺序排列；后一项的序号小于前一项，说明段落调换了位置却没有重新编号。",
    example: "一、工作成效……三、存在问题……二、主要做法……",
    near_miss: "一、工作成效……二、主要做法……三、存在问题……",
};

impl Rule for Order {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        for m in misnumbered(doc, ctx, Slip::Order) {
            let h = m.heading;
            let Some(p) = m.prev else { continue };
            out.push(
                self.diagnostic(
                    h.marker.clone(),
                    format!(
                        "序号“{}”排在“{}”之后，顺序颠倒，应为“{}”。",
                        doc.slice(&h.marker),
                        doc.slice(&p.marker),
                        h.style.marker(m.want)
                    ),
                )
                .with_related(p.marker.clone(), "上一项"),
            );
        }
    }
}
