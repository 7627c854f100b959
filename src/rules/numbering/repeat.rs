//! `numbering.repeat`: a number written twice — （一）…（一）…（三）, 一是…一是…三是.
//! The finding is on the second of the pair (that is the one to renumber),
//! not on the （三） after it. When the next sibling continues the count, the
//! new number is certain and offered as a safe fix.

use super::sequence::{misnumbered, Slip};
use crate::document::Document;
use crate::report::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct Repeat;

pub static INFO: RuleInfo = RuleInfo {
    code: "numbering.repeat",
    family: Category::Numbering,
    severity: Severity::Error,
    summary: "序号重复：同一序号出现两次",
    explanation: "同级序号重复（（一）……（一）……（三））多是复制段落后忘了改号；发现处是第二个重复的序号，建议改为应有的序号。",
    example: "（一）加强领导……（一）完善制度……（三）强化督查……",
    near_miss: "（一）加强领导……（二）完善制度……（三）强化督查……",
};

impl Rule for Repeat {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        for m in misnumbered(doc, ctx, Slip::Repeat) {
            let h = m.heading;
            let here = doc.slice(&h.marker);
            let want = h.style.marker(m.want);
            let mut d = self.diagnostic(
                h.marker.clone(),
                format!("序号“{here}”与上一项重复，应为“{want}”。"),
            );
            if let Some(p) = m.prev {
                d = d.with_related(
                    p.marker.clone(),
                    format!("上一项“{}”", doc.slice(&p.marker)),
                );
            }
            let applicability = if m.confirmed {
                Applicability::Safe
            } else {
                Applicability::Unsafe
            };
            out.push(d.with_suggestion(h.marker.clone(), want, applicability));
        }
    }
}
