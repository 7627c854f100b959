//! Headings: line-initial markers at the four GB/T 9704 levels (一、, （一）,
//! 1., （1）), a 一、 after a full stop inside a paragraph, and run-in markers
//! (一是 / 第一， / 首先，) inside paragraphs.

use super::numerals::parse_arabic;
use super::words::SEQUENCE_WORDS;
use super::{Heading, NumberStyle};
use crate::quantity::{is_han_digit, parse_han_ordinal};
use crate::text::{fold_char, is_digit, Mark, Span};

/// A numbering marker read at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marker {
    pub style: NumberStyle,
    pub number: u32,
    /// The marker's length in bytes, its punctuation included.
    pub len: usize,
}

/// A line-initial numbering marker at the start of `s`: 一、 （一） 1. 1、 （1）.
pub(super) fn parse_marker(s: &str) -> Option<Marker> {
    let first = fold_char(s.chars().next()?);
    if first == '(' {
        return parse_paren_marker(s);
    }
    // 一、 / 1. / 1、
    let end = s.find(|c: char| !(is_han_digit(c) || is_digit(c)))?;
    if end == 0 {
        return None;
    }
    let num = &s[..end];
    let sep_char = s[end..].chars().next()?;
    let (sep, sep_len) = (fold_char(sep_char), sep_char.len_utf8());
    let marker = |style, number| {
        Some(Marker {
            style,
            number,
            len: end + sep_len,
        })
    };
    if let Some(n) = parse_han_ordinal(num) {
        return if sep == '、' {
            marker(NumberStyle::HanComma, n)
        } else {
            None
        };
    }
    if num.chars().count() > 2 {
        return None;
    }
    let n = parse_arabic(num)?;
    // "1.5万" is a number, not a heading: the dot must not be followed by a digit.
    let after = s[end + sep_len..].chars().next();
    match sep {
        '.' | '．' if !after.is_some_and(is_digit) => marker(NumberStyle::ArabicDot, n),
        '、' => marker(NumberStyle::ArabicComma, n),
        _ => None,
    }
}

/// (一) or (1), full- or half-width brackets.
fn parse_paren_marker(s: &str) -> Option<Marker> {
    let inner_start = s.char_indices().nth(1)?.0;
    let close = s[inner_start..]
        .char_indices()
        .find(|&(_, c)| fold_char(c) == ')')?
        .0
        + inner_start;
    let inner = &s[inner_start..close];
    let len = close + s[close..].chars().next()?.len_utf8();
    if let Some(number) = parse_han_ordinal(inner) {
        return Some(Marker {
            style: NumberStyle::HanParen,
            number,
            len,
        });
    }
    let number = parse_arabic(inner)?;
    (inner.chars().count() <= 3).then_some(Marker {
        style: NumberStyle::ArabicParen,
        number,
        len,
    })
}

/// 一、本级收入 / 167500 / 一、本级支出 / 701553: a table flattened a cell to
/// a line (two side by side number their rows each): a numbered line followed
/// by a line of a figure alone labels a row, and is no heading of the text.
pub(super) fn labels_a_table_row(line: &str, next: &str) -> bool {
    let next = next.trim();
    !line.contains('。')
        && next.chars().any(|c| c.is_ascii_digit())
        && next
            .chars()
            .all(|c| c.is_ascii_digit() || ".,-%|｜　 ".contains(c))
}

/// The heading that starts paragraph `pi` at `p`, if its first characters are a marker.
pub(super) fn line_heading(text: &str, p: &Span, pi: usize) -> Option<Heading> {
    let m = parse_marker(&text[p.clone()])?;
    let rest = p.start + m.len..p.end;
    let title_end = text[rest.clone()]
        .char_indices()
        .find(|&(_, c)| crate::text::is_sentence_end(c))
        .map_or(rest.end, |(i, _)| rest.start + i);
    Some(Heading {
        style: m.style,
        number: m.number,
        marker: p.start..p.start + m.len,
        title: rest.start..title_end,
        paragraph: pi,
    })
}

/// First-level headings written inside a paragraph after a full stop:
/// `…成效明显。二、名校品牌建设…` (pages that lost their line breaks), and the
/// 一、 after a colon that opens such a list (`情况如下：一、…。二、…`).
/// `marks`: the paragraph's marks (see [`Mark`]).
pub(super) fn inline_headings(text: &str, p: &Span, pi: usize, marks: &[Mark]) -> Vec<Heading> {
    let s = &text[p.clone()];
    let mut out = Vec::new();
    // 情况如下：一、…。二、…: a 一、 after a colon opens the list when a 二、
    // after a full stop follows it in the paragraph (checked below).
    let opens = |c: char| c == '。' || fold_char(c) == ':';
    for &(stop, c) in marks.iter().filter(|&&(_, c)| opens(c)) {
        let at = stop - p.start + c.len_utf8();
        // Only a Chinese numeral starts a 一、 marker: most sentences are passed at once.
        if !s[at..].starts_with(is_han_digit) {
            continue;
        }
        let Some(m) = parse_marker(&s[at..]).filter(|m| m.style == NumberStyle::HanComma) else {
            continue;
        };
        if !s[at + m.len..]
            .chars()
            .next()
            .is_some_and(crate::text::is_han)
        {
            continue;
        }
        if c != '。' && m.number != 1 {
            continue;
        }
        let start = p.start + at;
        let title_end = text[start + m.len..p.end]
            .char_indices()
            .find(|&(_, c)| crate::text::is_sentence_end(c))
            .map_or(p.end, |(j, _)| start + m.len + j);
        out.push(Heading {
            style: NumberStyle::HanComma,
            number: m.number,
            marker: start..start + m.len,
            title: start + m.len..title_end,
            paragraph: pi,
        });
    }
    // A 一、 after a colon stands only if a 二、 after a full stop follows it.
    let after_colon = |h: &Heading| text[..h.marker.start].ends_with([':', '：']);
    let last_second = out
        .iter()
        .filter(|n| n.number == 2 && !after_colon(n))
        .map(|n| n.marker.start)
        .max();
    out.retain(|h| !after_colon(h) || last_second.is_some_and(|at| at > h.marker.start));
    out
}

/// A run-in marker read at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RunInMarker {
    style: NumberStyle,
    number: u32,
    /// The marker's length in bytes: 一是, 第一, 首先.
    marker_len: usize,
    /// The separator after it: the comma after 第一 / 首先 (none after 一是).
    sep_len: usize,
}

/// The separator after a run-in word, if it is one of `seps`.
fn sep_len(after: &str, seps: &[char]) -> Option<usize> {
    after
        .chars()
        .next()
        .filter(|c| seps.contains(&fold_char(*c)))
        .map(char::len_utf8)
}

/// A run-in marker at the start of `s`: 一是, 第一，, 首先，.
fn run_in_at(s: &str) -> Option<RunInMarker> {
    // 首先，… 其次，…: numbered by their order.
    if let Some((k, w)) = SEQUENCE_WORDS
        .iter()
        .enumerate()
        .find(|(_, w)| s.starts_with(**w))
    {
        return Some(RunInMarker {
            style: NumberStyle::RunInSequence,
            number: k as u32 + 1,
            marker_len: w.len(),
            sep_len: sep_len(&s[w.len()..], &[',', ':'])?,
        });
    }
    let from = if s.starts_with('第') {
        '第'.len_utf8()
    } else {
        0
    };
    let digits = s[from..]
        .find(|c: char| !is_han_digit(c))
        .unwrap_or(s.len() - from);
    let number = parse_han_ordinal(&s[from..from + digits])?;
    let after = &s[from + digits..];
    if from == 0 {
        return after.starts_with('是').then_some(RunInMarker {
            style: NumberStyle::RunIn,
            number,
            marker_len: digits + '是'.len_utf8(),
            sep_len: 0,
        });
    }
    // 第一，资金缺口较大: an ordinal followed by a comma (not 第一时间, 全省第一,
    // 第一产业, 第二季度). 第一、二、三产业 and 第二、第三产业 list ordinals: a
    // numeral or another ordinal after the comma makes it one word of a list,
    // not a marker.
    let sep = sep_len(after, &[',', '、', ':'])?;
    let next = &after[sep..];
    let next = next.strip_prefix('第').unwrap_or(next);
    if next.starts_with(is_han_digit) {
        return None;
    }
    Some(RunInMarker {
        style: NumberStyle::RunInOrdinal,
        number,
        marker_len: from + digits,
        sep_len: sep,
    })
}

/// Run-in markers 一是 / 二是 … inside paragraphs. A marker starts a clause:
/// it stands at the paragraph start or after a mark (。；：，、) — so 统一是 or
/// 唯一是 inside a word is not one. `paragraph_marks[pi]`: the marks of
/// paragraph `pi` (see [`Mark`]).
pub(super) fn find_run_ins(
    text: &str,
    paragraphs: &[Span],
    paragraph_marks: &[&[Mark]],
) -> Vec<Heading> {
    let mut out = Vec::new();
    for (pi, (p, marks)) in paragraphs.iter().zip(paragraph_marks).enumerate() {
        let s = &text[p.clone()];
        // A marker starts the paragraph or follows a mark: only the marks are read.
        let after_marks = marks.iter().filter_map(|&(at, c)| {
            matches!(
                fold_char(c),
                '。' | ';' | ':' | ',' | '、' | ')' | '!' | '?' | '”'
            )
            .then_some(at - p.start + c.len_utf8())
        });
        for i in std::iter::once(0).chain(after_marks) {
            let Some(c) = s[i..].chars().next() else {
                continue;
            };
            if !(is_han_digit(c) || matches!(c, '第' | '首' | '其' | '再')) {
                continue;
            }
            let Some(m) = run_in_at(&s[i..]) else {
                continue;
            };
            let marker = p.start + i..p.start + i + m.marker_len;
            // The phrase after the marker (and its comma) up to the next clause break.
            let title_start = marker.end + m.sep_len;
            let title_end = text[title_start..p.end]
                .char_indices()
                .find(|&(_, c)| crate::text::is_clause_sep(c))
                .map_or(p.end, |(j, _)| title_start + j);
            out.push(Heading {
                style: m.style,
                number: m.number,
                marker,
                title: title_start..title_end,
                paragraph: pi,
            });
        }
    }
    out
}
