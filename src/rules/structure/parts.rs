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
    let kinds = ctx.section_kinds(doc);
    if !is_a_summary(doc, kinds) {
        return None;
    }
    Some(Parts { top, kinds })
}

/// 文种 in a title that make a document a summary or a plan, with parts.
const SUMMARY_KINDS: &[&str] = &["总结", "汇报", "述职", "小结", "计划", "要点", "打算"];

/// Is the document a summary whose parts a template can ask for? Its title
/// says so; with no title, one of its top-level headings names a part of a
/// summary (a 统计公报's 一、综合 二、农业 … names none).
fn is_a_summary(doc: &Document, kinds: &[Option<usize>]) -> bool {
    match &doc.outline.title {
        Some(t) => SUMMARY_KINDS.iter().any(|k| doc.slice(t).contains(k)),
        None => kinds.iter().any(Option::is_some),
    }
}
