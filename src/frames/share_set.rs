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

/// 三次产业结构由上年的12.9:37.2:49.9调整为12.7:38.3:49.0，第二产业…比重提高
/// 1.1个百分点: one industry's share moved between two structures, by the
/// points the text says.
#[derive(Debug, Clone)]
pub struct ShareShift {
    /// The industry's component in the old structure and in the new.
    pub old: Term,
    pub new: Term,
    /// The change in points (index into `Document::quantities`).
    pub points: usize,
    /// 下降 / 降低: the share fell.
    pub down: bool,
}

/// Words between two structures that make the second the first's successor.
const SHIFTED: &[&str] = &["调整为", "调整到", "变为", "转变为", "优化为", "演变为"];
/// The industries by their place in a structure of three.
const INDUSTRY_NAMES: [&[&str]; 3] = [&["第一产业"], &["第二产业"], &["第三产业", "服务业"]];

/// Collects the share sets of the document into `frames`.
pub fn build(doc: &Document, frames: &mut Frames) {
    for (si, s) in doc.sentences.iter().enumerate() {
        let runs = ratios(s.span.start, doc.slice(&s.span), frames);
        shifts(doc, si, &runs, frames);
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

/// The points after two structures of three in sentence `si`, naming an
/// industry's share (占…比重 / 的比重), each against the move of its component.
fn shifts(doc: &Document, si: usize, runs: &[Vec<Term>], frames: &mut Frames) {
    let [.., old, new] = runs else {
        return;
    };
    if old.len() != INDUSTRY_NAMES.len() || new.len() != old.len() {
        return;
    }
    let between = &doc.text[old[old.len() - 1].span.end..new[0].span.start];
    if !SHIFTED.iter().any(|w| between.contains(w)) {
        return;
    }
    let qs = &doc.quantities;
    let after = new[new.len() - 1].span.end;
    for k in doc.sentence_quantities[si].clone() {
        let q = &qs[k];
        if !q.is_points() || q.span.start < after {
            continue;
        }
        let clause = &doc.clauses[q.clause];
        let lead = &doc.text[clause.start.min(q.span.start)..q.span.start];
        let lead = crate::text::tail(lead, REACH * 2);
        let named = INDUSTRY_NAMES
            .iter()
            .position(|names| names.iter().any(|n| lead.contains(n)));
        let down = ["下降", "降低", "减少", "回落"]
            .iter()
            .any(|w| lead.contains(w));
        let up = ["提高", "上升", "增加", "提升"]
            .iter()
            .any(|w| lead.contains(w));
        if let (Some(i), true, true) = (named, lead.contains("比重"), down != up) {
            frames.share_shifts.push(ShareShift {
                old: old[i].clone(),
                new: new[i].clone(),
                points: k,
                down,
            });
        }
    }
}

/// 14.4:41.4:44.2 after 结构: three or more numbers joined by colons; every
/// run of the sentence is returned (a structure may move from one to the next).
fn ratios(offset: usize, text: &str, frames: &mut Frames) -> Vec<Vec<Term>> {
    let mut all = Vec::new();
    for run in colon_runs(text) {
        let components: Vec<Term> = run
            .terms
            .into_iter()
            .map(|t| Term {
                value: t.value,
                span: offset + t.span.start..offset + t.span.end,
            })
            .collect();
        let lead_from = crate::text::floor_boundary(text, run.start.saturating_sub(REACH));
        let lead = &text[lead_from..run.start];
        if components.len() >= 3 && STRUCTURE.iter().any(|w| lead.contains(w)) {
            frames.share_sets.push(ShareSet {
                components: components.clone(),
                exhaustive: true,
            });
        }
        all.push(components);
    }
    all
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
