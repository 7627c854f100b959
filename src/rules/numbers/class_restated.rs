//! Classes taken up by their ordinal: a total sorted into classes (30项重点
//! 项目…其中，16个项目全面达到…；8个项目总体顺利…；6个项目进度缓慢) and one
//! class named again by its place in the list (对第二类8个项目的责任单位…). The
//! count after 第N类 restates the N-th part; another value is a conflict.
//!
//! Only a part of a breakdown the frames read is taken up, and only one
//! counting the same noun with the same measure: 第二类 names nothing else.

use super::conflict::{agree, Conflict};
use crate::document::Document;
use crate::frames::Frames;
use crate::quantity::{han_digit_value, same_kind};
use crate::report::Diagnostic;
use crate::text::floor_boundary;

/// How far (bytes) after the last part of a list its class may be taken up.
const TAKEN_UP_REACH: usize = 900;
/// Words between 第N类 and its count: none, or 的 / 共 / 计.
const BETWEEN: &[&str] = &["", "的", "共", "计", "共计"];
/// Bytes before a count read for its 第N类 (第二类共计: 7 characters).
const ORDINAL_BYTES: usize = 24;
/// Characters of the counted noun that must agree (项目, 村居…).
const NOUN_CHARS: usize = 2;

/// The ordinal of the `第N类` that `before` ends with (N a Han numeral or
/// digits), followed by one of [`BETWEEN`].
fn class_ordinal(before: &str) -> Option<usize> {
    let at = before.rfind('类')?;
    if !BETWEEN.contains(&&before[at + '类'.len_utf8()..]) {
        return None;
    }
    let numeral = before[..at].rsplit('第').next()?;
    if numeral.len() == before[..at].len() || numeral.is_empty() {
        return None;
    }
    if let Ok(n) = numeral.parse::<usize>() {
        return Some(n);
    }
    let mut chars = numeral.chars();
    let n = han_digit_value(chars.next()?)?;
    chars.next().is_none().then_some(n as usize)
}

pub(super) fn classes_restated(
    rule: &Conflict,
    doc: &Document,
    frames: &Frames,
    out: &mut Vec<Diagnostic>,
) {
    let qs = &doc.quantities;
    // Breakdowns are in text order of their totals; the nearest list before a
    // figure is found by walking a cursor with the figures.
    let mut lists: Vec<&[usize]> = frames
        .breakdowns
        .iter()
        .map(|b| frames.parts_of(b))
        .filter(|parts| parts.len() >= 2)
        .collect();
    lists.sort_by_key(|parts| parts[parts.len() - 1]);
    let mut next_list = 0;
    let mut nearest: Option<&[usize]> = None;
    for (i, q) in qs.iter().enumerate() {
        while next_list < lists.len() && lists[next_list][lists[next_list].len() - 1] < i {
            nearest = Some(lists[next_list]);
            next_list += 1;
        }
        let Some(parts) = nearest else {
            continue;
        };
        let sentence_start = doc.sentences[q.sentence].span.start;
        let from = floor_boundary(
            doc.text,
            sentence_start.max(q.span.start.saturating_sub(ORDINAL_BYTES)),
        );
        let Some(n) = class_ordinal(&doc.text[from..q.span.start]) else {
            continue;
        };
        let Some(&part) = n.checked_sub(1).and_then(|k| parts.get(k)) else {
            continue;
        };
        let p = &qs[part];
        if q.span.start > p.span.end + TAKEN_UP_REACH || !same_kind(p.unit, q.unit) {
            continue;
        }
        let (np, nq) = (doc.han_after(p, NOUN_CHARS), doc.han_after(q, NOUN_CHARS));
        if np.chars().count() < NOUN_CHARS || np != nq {
            continue;
        }
        if !agree(p, q) {
            rule.push(doc, p, q, "同一类的数目", out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::class_ordinal;

    #[test]
    fn reads_the_ordinal_of_a_class() {
        assert_eq!(class_ordinal("对第二类"), Some(2));
        assert_eq!(class_ordinal("第3类的"), Some(3));
        assert_eq!(class_ordinal("第三类共"), Some(3));
        assert_eq!(class_ordinal("一类"), None);
        assert_eq!(class_ordinal("第二类问题中"), None);
        assert_eq!(class_ordinal("第十二类"), None);
    }
}
