//! `text.wording`: a phrasing the organisation's word list forbids or calls
//! outdated (`forbidden` in the configuration), with the preferred form as the
//! replacement when the list gives one. Silent without a word list.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub struct Wording;

impl Rule for Wording {
    fn id(&self) -> &'static str {
        "text.wording"
    }
    fn category(&self) -> Category {
        Category::Text
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        for entry in &ctx.wording.forbidden {
            for (start, end) in entry.pattern.find_iter(doc.text) {
                if start == end {
                    continue;
                }
                let found = &doc.text[start..end];
                let mut message = match &entry.preferred {
                    Some(p) => format!("“{found}”是本单位规定不再使用的提法，应改为“{p}”"),
                    None => format!("“{found}”是本单位规定不使用的提法，请改写"),
                };
                if let Some(note) = &entry.note {
                    message.push_str(&format!("（{note}）"));
                }
                let mut d = self.diagnostic(start..end, message);
                if let Some(p) = &entry.preferred {
                    d = d.with_suggestion(start..end, p.clone());
                }
                out.push(d);
            }
        }
    }
}
