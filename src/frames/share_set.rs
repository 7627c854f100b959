//! Sets of shares of one whole, which must add up to it:
//!
//! - a structure ratio: 三次产业结构比为14.4:41.4:44.2 (the parts of 100);
//! - a 分别 list of shares: 占地区生产总值的比重分别为40.4%、8.1%和51.5% —
//!   never more than 100, and exactly 100 when the items cover the whole
//!   (三次产业, 第一、二、三产业);
//! - the three industries' shares stated one by one in a paragraph.
//!
//! A ratio's numbers are joined by colons, which the figure scanner leaves
//! alone (17:29 is a time): [`crate::quantity::colon_runs`] reads them.

use super::Frames;
use crate::document::Document;
use crate::quantity::{colon_runs, Term};

#[derive(Debug, Clone)]
pub struct ShareSet {
    /// Each component's value (percentage points) and span.
    pub components: Vec<Term>,
    /// The components cover the whole: they must add up to 100.
    pub exhaustive: bool,
}

/// Words before a ratio that make it a structure of 100.
const STRUCTURE: &[&str] = &["结构", "构成", "比重"];
/// Words before a 分别 list that say its items cover the whole.
const WHOLE_SPLIT: &[&str] = &[
    "三次产业",
    "一、二、三产业",
    "第一、二、三产业",
    "一二三产业",
];
/// How far (bytes) back from a share the industry's name is read.
const SUBJECT_REACH: usize = 90;
/// How far (bytes) before a ratio its structure word may stand.
const REACH: usize = 60;

/// Collects the share sets of the document into `frames`.
pub fn build(doc: &Document, frames: &mut Frames) {
    for s in &doc.sentences {
        ratios(s.span.start, doc.slice(&s.span), frames);
    }
    respectively_lists(doc, frames);
    industry_shares(doc, frames);
}

/// 第一产业增加值占地区生产总值的比重为8.0%，第二产业增加值比重为48.3%，
/// 第三产业增加值比重为43.7%: the three industries' shares, one after another
/// in a paragraph, divide the whole product.
fn industry_shares(doc: &Document, frames: &mut Frames) {
    const INDUSTRIES: [&str; 3] = ["第一产业", "第二产业", "第三产业"];
    let qs = &doc.quantities;
    let mut test = super::share::ShareTest::default();
    let mut run: Vec<usize> = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        if !q.is_percent() || !test.is_share(doc, q) {
            continue;
        }
        // The name right before the figure (a bound keeps a 10 MB clause linear).
        let subject = crate::text::tail(doc.slice(&q.subject), SUBJECT_REACH);
        let same_paragraph = run.last().is_none_or(|&r| {
            doc.sentences[qs[r].sentence].paragraph == doc.sentences[q.sentence].paragraph
        });
        if !same_paragraph || !subject.contains(INDUSTRIES[run.len()]) {
            run.clear();
        }
        if subject.contains(INDUSTRIES[run.len()]) {
            run.push(i);
        }
        if run.len() == INDUSTRIES.len() {
            let taken = frames
                .share_sets
                .iter()
                .any(|set| set.components.iter().any(|t| t.span == qs[run[0]].span));
            if !taken {
                frames.share_sets.push(ShareSet {
                    components: run
                        .iter()
                        .map(|&k| Term {
                            value: qs[k].value,
                            span: qs[k].span.clone(),
                        })
                        .collect(),
                    exhaustive: true,
                });
            }
            run.clear();
        }
    }
}

/// 14.4:41.4:44.2 after 结构: three or more numbers joined by colons.
fn ratios(offset: usize, text: &str, frames: &mut Frames) {
    for run in colon_runs(text) {
        let lead_from = crate::text::floor_boundary(text, run.start.saturating_sub(REACH));
        let lead = &text[lead_from..run.start];
        if run.terms.len() >= 3 && STRUCTURE.iter().any(|w| lead.contains(w)) {
            let components = run
                .terms
                .into_iter()
                .map(|t| Term {
                    value: t.value,
                    span: offset + t.span.start..offset + t.span.end,
                })
                .collect();
            frames.share_sets.push(ShareSet {
                components,
                exhaustive: true,
            });
        }
    }
}

/// 比重分别为40.4%、8.1%和51.5%: the percentages of a 分别 clause, shares of one whole.
fn respectively_lists(doc: &Document, frames: &mut Frames) {
    let qs = &doc.quantities;
    let mut test = super::share::ShareTest::default();
    let mut i = 0;
    while i < qs.len() {
        let q = &qs[i];
        if !q.is_percent() {
            i += 1;
            continue;
        }
        // 分别 stands just before its list (a bound keeps a 10 MB clause linear).
        let clause = &doc.clauses[q.clause];
        let from = crate::text::floor_boundary(
            doc.text,
            q.span.start.saturating_sub(REACH).max(clause.start),
        );
        let lead = &doc.text[from..q.span.start];
        // 贡献率 (of growth) divides the whole growth as shares divide a total.
        if !lead.contains("分别") || !(lead.contains("贡献率") || test.is_share(doc, q)) {
            i += 1;
            continue;
        }
        // The run of percentages joined by 、 / 和 / 及 after it.
        let mut j = i + 1;
        while j < qs.len() && qs[j].is_percent() && qs[j].sentence == q.sentence {
            let between = &doc.text[qs[j - 1].span.end..qs[j].span.start];
            if !matches!(between, "、" | "和" | "及" | "，" | ",") {
                break;
            }
            j += 1;
        }
        if j - i >= 2 {
            let sentence_start = doc.sentences[q.sentence].span.start;
            let from = crate::text::floor_boundary(
                doc.text,
                q.span.start.saturating_sub(4 * REACH).max(sentence_start),
            );
            let context = &doc.text[from..q.span.start];
            frames.share_sets.push(ShareSet {
                components: qs[i..j]
                    .iter()
                    .map(|p| Term {
                        value: p.value,
                        span: p.span.clone(),
                    })
                    .collect(),
                exhaustive: WHOLE_SPLIT.iter().any(|w| context.contains(w)),
            });
        }
        i = j;
    }
}
