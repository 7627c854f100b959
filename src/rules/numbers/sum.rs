//! `numbers.sum`: a total and its parts —
//! 在册吸毒人员403人，其中…104名，…289人 (104 + 289 = 393 ≠ 403);
//! 全村共有农户320户…已通自来水296户…未通30户 (296 + 30 = 326 ≠ 320).
//!
//! Parts above the total are always wrong. Parts below it are wrong only when
//! the split is exhaustive: 已/未, 男/女, 城镇/农村; a breakdown in brackets right after the total;
//! three or more categories; another dimension of the same breakdown that adds
//! up exactly (2550户 = 2511 + 26 + 13, so the persons must add up too); or parts
//! within 5% of the total, which reads as the whole list with a slip. A single
//! 其中 item below its total (受表彰党员50名，其中优秀党务工作者12名) is fine.

use crate::document::Document;
use crate::quantity::{same_kind, Approx, Decimal, Quantity};
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::tail;
use std::ops::Range;

pub struct Sum;

pub static INFO: RuleInfo = RuleInfo {
    code: "numbers.sum",
    family: Category::Numbers,
    severity: Severity::Error,
    summary: "分项之和与总数不符",
    explanation: "“其中”“已/未”等分项加起来应等于总数；对不上说明有数字录错或漏项。请逐项核对。",
    example: "在册吸毒人员403人，其中社区戒毒104名，社会面管控289人",
    near_miss: "在册吸毒人员403人，其中社区戒毒104名，社会面管控299人",
};

/// A total with the parts that break it down.
struct Breakdown<'a> {
    total: &'a Quantity,
    /// Its parts: a range of the parts list that all breakdowns share (one
    /// vector for the check, not one per breakdown).
    parts: Range<usize>,
    /// The parts stand in brackets right after the total.
    bracketed: bool,
    /// The parts are 已… and 未….
    done_split: bool,
}

/// How many figures after a total may be its 已/未 parts.
const PARTS_WINDOW: usize = 12;
/// How far (bytes) after a total its bracketed breakdown may close.
const BRACKET_REACH: usize = 300;
/// How many neighbouring breakdowns may be another dimension of the same one.
const DIMENSION_REACH: usize = 4;

/// Splits that cover the whole: a total of people is all 男 plus all 女.
const COMPLEMENTS: &[(&str, &str)] = &[
    ("男", "女"),
    ("城镇", "农村"),
    ("城市", "农村"),
    ("线上", "线下"),
    ("户籍", "非户籍"),
];

/// Are two parts the two halves of a complementary split (男…/女…)?
fn complementary(doc: &Document, a: &Quantity, b: &Quantity) -> bool {
    // The words right before each figure, not the whole clause.
    let (ta, tb) = (
        tail(doc.slice(&a.subject), 12),
        tail(doc.slice(&b.subject), 12),
    );
    COMPLEMENTS.iter().any(|(x, y)| {
        let one = |t: &str, w: &str, other: &str| t.contains(w) && !t.contains(other);
        (one(ta, x, y) && one(tb, y, x)) || (one(ta, y, x) && one(tb, x, y))
    })
}

fn usable(q: &Quantity) -> bool {
    !q.unit.is_empty() && !q.is_percent() && !q.roles.per && !q.roles.change && !q.roles.share
}

fn total_of(parts: &[&Quantity]) -> Option<Decimal> {
    parts
        .iter()
        .try_fold(Decimal::new(0, 0), |acc, q| acc.checked_add(q.scaled()?))
}

/// Do the parts add up to the total exactly?
fn adds_up(total: &Quantity, parts: &[&Quantity]) -> bool {
    matches!(
        (total.scaled(), total_of(parts)),
        (Some(t), Some(s)) if t.cmp_value(s) == Some(std::cmp::Ordering::Equal)
    )
}

impl Sum {
    /// Breakdowns of one sentence into `found`, their parts into `parts`
    /// (both cleared first; the check reuses them from sentence to sentence):
    /// `qs` are the document's quantities, `range` the sentence's, `next` the
    /// next sentence's.
    fn breakdowns<'a>(
        doc: &Document,
        qs: &'a [Quantity],
        range: Range<usize>,
        next: Range<usize>,
        found: &mut Vec<Breakdown<'a>>,
        parts: &mut Vec<&'a Quantity>,
    ) {
        found.clear();
        parts.clear();
        let sentence_qs = &qs[range.clone()];
        if sentence_qs.is_empty() {
            return;
        }
        let s = &doc.sentences[sentence_qs[0].sentence];
        let text = doc.slice(&s.span);
        // 其中 inside the sentence: totals before it, parts after it.
        // Found by its first character (a byte search), then the word: this
        // runs for every sentence with figures, where setting up a substring
        // searcher each time costs more than the search.
        if let Some(k) = text
            .match_indices('其')
            .map(|(k, _)| k)
            .find(|&k| crate::text::starts(&text[k..], "其中"))
        {
            let at = s.span.start + k;
            let split = sentence_qs.partition_point(|q| q.span.start < at);
            let (before, after) = sentence_qs.split_at(split);
            // Each unit kind among the parts has its total: the last figure of
            // that kind before 其中. A kind is taken at its first part (the
            // kinds are few: a sentence of many parts stays linear).
            let mut kinds: Vec<&str> = Vec::new();
            for (i, first) in after.iter().enumerate().filter(|(_, q)| usable(q)) {
                let kind = first.unit;
                if kinds.iter().any(|k| same_kind(k, kind)) {
                    continue;
                }
                kinds.push(kind);
                let Some(total) = before
                    .iter()
                    .rev()
                    .find(|q| usable(q) && same_kind(q.unit, kind))
                else {
                    continue;
                };
                let from = parts.len();
                parts.extend(
                    after[i..]
                        .iter()
                        .filter(|q| usable(q) && same_kind(q.unit, kind)),
                );
                found.push(Breakdown {
                    total,
                    parts: from..parts.len(),
                    bracketed: false,
                    done_split: false,
                });
            }
        }
        // A breakdown in brackets right after the total: 22家（公办7家，社会办6家，公建民营9家）.
        for (i, t) in sentence_qs.iter().enumerate() {
            let rest = &doc.text[t.span.end..s.span.end];
            if !usable(t) || !(rest.starts_with('(') || rest.starts_with('（')) {
                continue;
            }
            // A breakdown is short: look for its closing bracket nearby only.
            let near = &rest[..crate::text::floor_boundary(rest, BRACKET_REACH.min(rest.len()))];
            let close = near
                .find([')', '）'])
                .map_or(t.span.end + near.len(), |c| t.span.end + c);
            let from = parts.len();
            parts.extend(
                sentence_qs[i + 1..]
                    .iter()
                    .take_while(|q| q.span.end <= close)
                    .filter(|q| usable(q) && same_kind(q.unit, t.unit)),
            );
            if parts.len() - from >= 2 {
                found.push(Breakdown {
                    total: t,
                    parts: from..parts.len(),
                    bracketed: true,
                    done_split: false,
                });
            } else {
                parts.truncate(from);
            }
        }
        // 共有…N户，已…M户，未…K户 (in this sentence or the next).
        for (i, t) in sentence_qs
            .iter()
            .enumerate()
            .filter(|(_, q)| usable(q) && q.roles.total)
        {
            // The parts follow closely: look at the next few figures only.
            let later = sentence_qs[i + 1..]
                .iter()
                .chain(qs[next.clone()].iter())
                .take(PARTS_WINDOW)
                .filter(|q| usable(q) && same_kind(q.unit, t.unit));
            let done = later.clone().find(|q| q.roles.done);
            let not_done = later.clone().find(|q| q.roles.not_done);
            // 共有…N人，男…M人，女…K人: two neighbouring figures that split the whole.
            // A third figure of the kind in the same sentence means more categories than two.
            let mut near = later;
            if let (Some(a), Some(b)) = (near.next(), near.next()) {
                let only_two = near.next().is_none_or(|c| c.sentence != b.sentence);
                if only_two && done.is_none() && complementary(doc, a, b) {
                    parts.extend([a, b]);
                    found.push(Breakdown {
                        total: t,
                        parts: parts.len() - 2..parts.len(),
                        bracketed: false,
                        done_split: true,
                    });
                    continue;
                }
            }
            if let (Some(d), Some(n)) = (done, not_done) {
                parts.extend([d, n]);
                found.push(Breakdown {
                    total: t,
                    parts: parts.len() - 2..parts.len(),
                    bracketed: false,
                    done_split: true,
                });
            }
        }
    }
}

impl Rule for Sum {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        let ranges = &doc.sentence_quantities;
        let mut seen_totals: std::collections::HashSet<usize> = std::collections::HashSet::new();
        // Reused for every sentence: most sentences have figures, few have breakdowns.
        let (mut all, mut pool, mut exact) = (Vec::new(), Vec::new(), Vec::new());
        for si in 0..doc.sentences.len() {
            let next = ranges.get(si + 1).cloned().unwrap_or(0..0);
            Self::breakdowns(doc, qs, ranges[si].clone(), next, &mut all, &mut pool);
            if all.is_empty() {
                continue;
            }
            all.sort_by_key(|b| b.total.span.start);
            exact.clear();
            exact.extend(all.iter().map(|o| adds_up(o.total, &pool[o.parts.clone()])));
            for (bi, b) in all.iter().enumerate() {
                let parts = &pool[b.parts.clone()];
                if parts.is_empty() || seen_totals.contains(&b.total.span.start) {
                    continue;
                }
                if b.total.approx == Approx::About
                    || parts.iter().any(|p| p.approx == Approx::About)
                {
                    continue;
                }
                let (Some(total), Some(sum)) = (b.total.scaled(), total_of(parts)) else {
                    continue;
                };
                // Rounded figures may differ from their sum in the last written digit.
                let tolerance = parts
                    .iter()
                    .map(|p| p.value.ulp() * p.multiplier as f64)
                    .fold(b.total.value.ulp() * b.total.multiplier as f64, f64::max);
                let diff = sum.to_f64() - total.to_f64();
                if diff.abs() <= tolerance * 0.5 + 1e-9 {
                    continue;
                }
                // Another dimension of one breakdown sits beside it: look at neighbours only,
                // so a 10 MB sentence with thousands of totals stays linear.
                let neighbours =
                    bi.saturating_sub(DIMENSION_REACH)..(bi + DIMENSION_REACH + 1).min(all.len());
                let other_dimension_exact = neighbours.into_iter().any(|oi| {
                    let o = &all[oi];
                    oi != bi
                        && exact[oi]
                        && o.total.span != b.total.span
                        && o.parts.len() == parts.len()
                });
                let near_whole = sum.to_f64() >= total.to_f64() * 0.95;
                let split = parts.len() == 2 && complementary(doc, parts[0], parts[1]);
                let exhaustive = split
                    || b.bracketed
                    || b.done_split
                    || parts.len() >= 3
                    || other_dimension_exact
                    || (near_whole && parts.len() >= 2);
                if diff < 0.0 && !exhaustive {
                    continue;
                }
                seen_totals.insert(b.total.span.start);
                let figures: Vec<String> = parts.iter().map(|p| format!("{}", p.value)).collect();
                let unit = b.total.unit;
                let relation = if diff > 0.0 { "超过了" } else { "与" };
                let tail = if diff > 0.0 { "" } else { "不符" };
                let mut d = self.diagnostic(
                    b.total.span.clone(),
                    format!(
                        "分项之和与总数不一致：{} = {}{unit}，{relation}总数{}{tail}。请核对总数或各分项。",
                        figures.join(" + "),
                        sum,
                        doc.slice(&b.total.span)
                    ),
                );
                for p in parts {
                    d = d.with_related(p.span.clone(), format!("分项 {}", doc.slice(&p.span)));
                }
                out.push(d);
            }
        }
    }
}
