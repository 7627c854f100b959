//! Phases: 分两期进行建设，…，一期计划用地16.5亩，…。二期依托… — a plan split
//! into N phases (分N期, 分N个阶段, 分N步) names its phases by ordinals after
//! it, within its numbered item (一期 / 第二期 / 第三阶段). A phase numbered past N contradicts the
//! count: 分两期 … 三期.
//!
//! Fewer phases named than stated is no contradiction: a summary names the
//! phases begun so far (分三期建设，一期已投产，二期正在推进).

use super::count::Count;
use crate::document::Document;
use crate::quantity::han_digit_value;
use crate::report::Diagnostic;
use crate::rules::Rule;
use crate::text::{is_han, Span};

/// Measure words of phases: 期, 阶段, 步.
const PHASES: &[&str] = &["期", "阶段", "步"];
/// How far (bytes) after the count, within its paragraph, phases are named.
const PHASE_REACH: usize = 900;

/// A numeral of one character (一 to 十, 两, or one ASCII digit) at the start
/// of `s`: its value and length.
fn numeral_at(s: &str) -> Option<(u32, usize)> {
    let c = s.chars().next()?;
    let n = match c {
        '十' => 10,
        '0'..='9' => c.to_digit(10)?,
        _ => han_digit_value(c)?,
    };
    // 十二期, 12期: numbers of two characters are read by no one here.
    let next = s[c.len_utf8()..].chars().next();
    let longer =
        next.is_some_and(|d| d.is_ascii_digit() || han_digit_value(d).is_some() || d == '十');
    (!longer && n >= 1).then_some((n, c.len_utf8()))
}

/// The phase measure word at the start of `s` (个 before it is allowed:
/// 分三个阶段): its length with the 个.
fn phase_at(s: &str) -> Option<usize> {
    let ge = if s.starts_with('个') {
        '个'.len_utf8()
    } else {
        0
    };
    PHASES
        .iter()
        .find(|m| s[ge..].starts_with(*m))
        .map(|m| ge + m.len())
}

/// A count of phases: 分 + numeral + measure word. Its value, span and
/// measure word.
fn phase_count_at(text: &str, fen: usize) -> Option<(u32, Span, &str)> {
    let at = fen + '分'.len_utf8();
    let (n, len) = numeral_at(&text[at..])?;
    let m = phase_at(&text[at + len..])?;
    let measure = text[at + len..at + len + m].trim_start_matches('个');
    Some((n, at..at + len + m, measure))
}

/// The ordinals naming phases of `measure` in `from..to`, each at the start
/// of a clause (一期计划用地…。二期依托…) with or without 第: value and span.
fn phase_ordinals(text: &str, from: usize, to: usize, measure: &str) -> Vec<(u32, Span)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (k, c) in text[from..to].char_indices() {
        let clause_start = prev.is_none_or(|p| !is_han(p) && !p.is_ascii_alphanumeric());
        prev = Some(c);
        if !clause_start {
            continue;
        }
        let at = from + k;
        let di = if c == '第' { c.len_utf8() } else { 0 };
        let Some((n, len)) = numeral_at(&text[at + di..to]) else {
            continue;
        };
        let rest = &text[at + di + len..to];
        if rest.starts_with(measure) {
            out.push((n, at..at + di + len + measure.len()));
        }
    }
    out
}

/// Where the next numbered item (heading or run-in: 二是…) after `at`
/// begins, or the text's end: a plan's phases are named within its item
/// (a line broken inside a sentence does not end it).
fn next_item(doc: &Document, at: usize) -> usize {
    let first_after = |hs: &[crate::outline::Heading]| {
        let k = hs.partition_point(|h| h.marker.start < at);
        hs.get(k).map_or(doc.text.len(), |h| h.marker.start)
    };
    first_after(&doc.outline.headings).min(first_after(&doc.outline.run_ins))
}

/// Every plan split into phases that names a phase past its count.
pub(super) fn ordinals_past_count(rule: &Count, doc: &Document, out: &mut Vec<Diagnostic>) {
    let text = doc.text;
    for (fen, _) in text.match_indices('分') {
        let Some((n, span, measure)) = phase_count_at(text, fen) else {
            continue;
        };
        let mut to = next_item(doc, span.end).min(span.end + PHASE_REACH);
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        // The next count of phases reads its own ordinals.
        let next = text[span.end..to]
            .match_indices('分')
            .find(|(k, _)| phase_count_at(text, span.end + k).is_some())
            .map_or(to, |(k, _)| span.end + k);
        let past = phase_ordinals(text, span.end, next, measure)
            .into_iter()
            .find(|(k, _)| *k > n);
        if let Some((_, phase)) = past {
            let (stated, named) = (&text[span.clone()], &text[phase.clone()]);
            out.push(
                rule.diagnostic(
                    span.clone(),
                    format!("所说数目与列举不符：写的是“分{stated}”，后文却有“{named}”。请核对期数或所列各期。"),
                )
                .with_related(phase, format!("后文为{named}")),
            );
        }
    }
}
