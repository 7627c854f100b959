//! `text.full-name`: a short form (县民政局) used before the organisation's
//! full name (某某县民政局) has been written out once (`fullNames` in the
//! configuration). Only the first such short form is flagged: after it the
//! reader knows the name. Short forms inside the full name itself do not count.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub struct FullName;

impl Rule for FullName {
    fn id(&self) -> &'static str {
        "text.full-name"
    }
    fn category(&self) -> Category {
        Category::Text
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        let text = doc.text;
        for entry in &ctx.wording.full_names {
            if entry.full.is_empty() {
                continue;
            }
            // Occurrences of the full name, in order (same length, never overlapping):
            // only the last one starting at or before a short form can cover it.
            let fulls: Vec<(usize, usize)> = text
                .match_indices(entry.full.as_str())
                .map(|(i, m)| (i, i + m.len()))
                .collect();
            let inside_full = |start: usize, end: usize| {
                let i = fulls.partition_point(|&(a, _)| a <= start);
                i > 0 && fulls[i - 1].1 >= end
            };
            let first_short = entry
                .short
                .iter()
                .filter_map(|p| {
                    p.find_iter(text)
                        .find(|&(s, e)| s < e && !inside_full(s, e))
                })
                .min();
            let Some((start, end)) = first_short else {
                continue;
            };
            if fulls.first().is_some_and(|&(f, _)| f < start) {
                continue;
            }
            let short = &text[start..end];
            let full = &entry.full;
            let d = self
                .diagnostic(
                    start..end,
                    format!("首次提及应使用全称“{full}”，“{short}”只能在全称出现之后使用"),
                )
                .with_suggestion(start..end, full.clone());
            out.push(d);
        }
    }
}
