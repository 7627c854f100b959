//! The parts of a summary: which template section (results, methods,
//! problems, plans …) each top-level heading satisfies — read the same way by
//! `structure.missing-section` and `structure.order`.

use crate::document::Document;
use crate::outline::Heading;
use crate::rules::Context;
use crate::text::Span;

/// The top-level headings and the template section each satisfies.
pub(super) struct Parts<'d> {
    pub top: Vec<&'d Heading>,
    /// `kinds[i]`: the index into `template.sections` that `top[i]` satisfies
    /// (the first match in template order), if any.
    pub kinds: &'d [Option<usize>],
}

impl Parts<'_> {
    /// The span of top-level heading `i`: marker and title.
    pub fn heading_span(&self, i: usize) -> Span {
        self.top[i].marker.start..self.top[i].title.end
    }
}

/// The parts of the draft, or `None` when it has fewer than two top-level
/// headings (a draft without parts is not judged).
pub(super) fn parts<'d>(doc: &'d Document, ctx: &'d Context) -> Option<Parts<'d>> {
    let top: Vec<&Heading> = doc
        .outline
        .top_level()
        .into_iter()
        .map(|i| &doc.outline.headings[i])
        .collect();
    if top.len() < 2 {
        return None;
    }
    Some(Parts {
        top,
        kinds: ctx.section_kinds(doc),
    })
}
