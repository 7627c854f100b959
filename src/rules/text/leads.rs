//! The leads of sibling headings — the first phrase after each marker — that
//! the heading-shaped text rules compare: a heading glued to its body
//! (`text.glued-heading`) and one sibling that breaks the pattern the others
//! share (`text.parallel`).

use crate::document::Document;
use crate::outline::Heading;
use crate::rules::Context;
use crate::text::{fold_char, Span};

/// How the first phrase after a heading marker ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LeadEnd {
    /// 。；：！？ — the heading is closed off from its body.
    Stop,
    /// ，、 — the phrase runs on into the sentence.
    Comma,
    /// The line ends: a heading on a line of its own.
    LineEnd,
}

/// The first phrase after a heading's marker: up to the first punctuation or the line end.
pub(super) struct Lead {
    pub span: Span,
    pub end: LeadEnd,
    pub chars: usize,
}

fn lead(doc: &Document, h: &Heading) -> Lead {
    let para_end = doc.paragraphs[h.paragraph].span.end;
    // From the title's start: after 第一's comma, at the marker's end otherwise.
    let start = h.title.start;
    // The punctuation that ends a lead is a mark: only the marks are read.
    let marks = crate::text::marks_within(doc.paragraph_marks(h.paragraph), &(start..para_end));
    let (len, end) = marks
        .iter()
        .find_map(|&(at, c)| match fold_char(c) {
            '。' | ';' | ':' | '!' | '?' => Some((at - start, LeadEnd::Stop)),
            ',' | '、' => Some((at - start, LeadEnd::Comma)),
            _ => None,
        })
        .unwrap_or((para_end - start, LeadEnd::LineEnd));
    let span = start..start + len;
    Lead {
        chars: doc.text[span.clone()].chars().count(),
        span,
        end,
    }
}

/// The sibling lists of the outline with at least `min` members, headings
/// and run-ins alike, each with its members' leads. Shorter lists are left
/// out before anything is built for them: most run-in lists have one member.
pub(super) fn sibling_leads<'d>(
    doc: &'d Document,
    ctx: &'d Context,
    min: usize,
) -> impl Iterator<Item = (Vec<&'d Heading>, Vec<Lead>)> + 'd {
    let o = &doc.outline;
    let lists = ctx.lists(doc);
    let headings = lists
        .headings
        .iter()
        .filter(move |l| l.len() >= min)
        .map(|l| l.iter().map(|&i| &o.headings[i]).collect::<Vec<_>>());
    let run_ins = lists
        .run_ins
        .iter()
        .filter(move |l| l.len() >= min)
        .map(|l| l.iter().map(|&i| &o.run_ins[i]).collect::<Vec<_>>());
    headings.chain(run_ins).map(move |list| {
        let leads = list.iter().map(|h| lead(doc, h)).collect();
        (list, leads)
    })
}
