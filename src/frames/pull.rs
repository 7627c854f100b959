//! Contributions to growth in points: 全年生产总值2515.16亿元，比上年增长6.0%
//! … 三次产业分别拉动经济增长1.7、0.2和4.0个百分点 — the three industries'
//! points are parts of the growth of the whole, and add up to it.

use crate::document::Document;

/// The points the three industries pull the whole's growth by, and that growth.
#[derive(Debug, Clone)]
pub struct Pull {
    /// The industries' points (indices into `Document::quantities`), in text order.
    pub points: Vec<usize>,
    /// The growth rate of the whole (生产总值…增长6.0%).
    pub growth: usize,
}

/// How many industries a product has: the points of all three cover its growth.
const INDUSTRIES: usize = 3;
/// How far (bytes) before a run of points its 拉动 may stand in its clause.
const PULL_REACH: usize = 60;
/// How many members of a list of points are stepped over back to its first.
const LIST_REACH: usize = 8;
/// How far (bytes) back in its sentence a growth rate's product may be named.
const PRODUCT_REACH: usize = 120;

/// The pulls of the document: per paragraph, the points after 拉动 in one
/// sentence, when they are three and the paragraph's product grew by a rate
/// stated before them.
pub fn pulls(doc: &Document) -> Vec<Pull> {
    let mut out = Vec::new();
    // The growth of the product of the paragraph being read.
    let mut growth: Option<(usize, usize)> = None;
    for (si, s) in doc.sentences.iter().enumerate() {
        if growth.is_some_and(|(paragraph, _)| paragraph != s.paragraph) {
            growth = None;
        }
        let figures = doc.sentence_quantities[si].clone();
        if growth.is_none() {
            growth = figures
                .clone()
                .find(|&k| is_product_growth(doc, k))
                .map(|k| (s.paragraph, k));
        }
        let points: Vec<usize> = figures.filter(|&k| pulls_growth(doc, k)).collect();
        let Some((_, g)) = growth else {
            continue;
        };
        if points.len() == INDUSTRIES && doc.slice(&s.span).contains("产业") {
            out.push(Pull { points, growth: g });
        }
    }
    out
}

/// 生产总值…比上年增长6.0%: a change rate whose sentence names the product
/// before it.
fn is_product_growth(doc: &Document, k: usize) -> bool {
    let q = &doc.quantities[k];
    if !q.is_percent() || !q.roles.change {
        return false;
    }
    let sentence = &doc.sentences[q.sentence];
    let from = crate::text::floor_boundary(
        doc.text,
        q.span
            .start
            .saturating_sub(PRODUCT_REACH)
            .max(sentence.span.start),
    );
    let lead = &doc.text[from..q.span.start];
    ["生产总值", "GDP", "经济总量"]
        .iter()
        .any(|w| lead.contains(w))
}

/// A figure in points after 拉动 in its clause, alone or in a list joined by
/// 、/和 (拉动经济增长1.7、0.2和4.0个百分点).
fn pulls_growth(doc: &Document, k: usize) -> bool {
    let qs = &doc.quantities;
    if !qs[k].is_points() {
        return false;
    }
    // The list's first figure: step back over its members.
    let mut first = k;
    while first > 0
        && k - first < LIST_REACH
        && qs[first - 1].is_points()
        && qs[first - 1].sentence == qs[k].sentence
    {
        let between = &doc.text[qs[first - 1].span.end..qs[first].span.start];
        if !matches!(between, "、" | "和" | "及") {
            break;
        }
        first -= 1;
    }
    let clause = &doc.clauses[qs[first].clause];
    let from = crate::text::floor_boundary(
        doc.text,
        qs[first]
            .span
            .start
            .saturating_sub(PULL_REACH)
            .max(clause.start),
    );
    doc.text[from..qs[first].span.start].contains("拉动")
}
