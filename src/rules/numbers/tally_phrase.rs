//! Tally phrases: a quoted phrase of numeral–word pairs that counts each
//! side of a contrast — “四增一减”, “三升两降”, “一主两翼”. Each pair states
//! how many items its word has, and the text often takes a side up again to
//! name its items: 四增为水稻…；一减为大豆…. A side taken up with a larger
//! numeral than the tally gives it (“四增一减” … 二减为大豆) states the count
//! twice with two values.
//!
//! Only a larger numeral is read: a smaller one may be an ordinal naming one
//! member (“三纵三横” … 一纵为…，二纵为…; “一主两翼” … 一翼为…). And only
//! where every side is taken up: the tally is then expanded side by side.

use super::conflict::Conflict;
use crate::document::Document;
use crate::quantity::han_digit_value;
use crate::report::Diagnostic;
use crate::rules::Rule;
use crate::text::{is_han, Span};

/// Most characters inside the quotes of a tally phrase (five pairs).
const TALLY_CHARS: usize = 10;
/// How far (bytes) after the phrase, within its paragraph, a side is taken up.
const TAKEN_UP_REACH: usize = 900;
/// Words after a side taken up that open its items: 四增为… / 一减是… / 两翼：….
const OPENERS: &[char] = &['为', '是', '：', ':'];

/// One side of a tally: its numeral's value and span, and its word.
struct Side {
    n: u32,
    span: Span,
    word: char,
}

/// The value of a numeral that counts a side (一 to 十).
fn side_numeral(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        _ => han_digit_value(c).filter(|&n| n >= 1),
    }
}

/// The sides of the quoted phrase opening at `open` (the byte of “): two
/// pairs at least, each a numeral and one Han word, the words all different.
fn tally_at(text: &str, open: usize) -> Option<Vec<Side>> {
    let start = open + '“'.len_utf8();
    let inner_len = text[start..]
        .char_indices()
        .take(TALLY_CHARS + 1)
        .find(|&(_, c)| c == '”')
        .map(|(k, _)| k)?;
    let chars: Vec<(usize, char)> = text[start..start + inner_len].char_indices().collect();
    if chars.len() < 4 || chars.len() % 2 != 0 {
        return None;
    }
    let mut sides: Vec<Side> = Vec::new();
    for pair in chars.chunks(2) {
        let ((at, numeral), (_, word)) = (pair[0], pair[1]);
        let n = side_numeral(numeral)?;
        if !is_han(word) || side_numeral(word).is_some() || sides.iter().any(|s| s.word == word) {
            return None;
        }
        let from = start + at;
        sides.push(Side {
            n,
            span: from..from + numeral.len_utf8() + word.len_utf8(),
            word,
        });
    }
    Some(sides)
}

/// The sides taken up in `from..to`: a numeral and a side's word at the
/// start of a clause (after a mark, not a Han character), then an opener.
fn sides_taken_up(text: &str, from: usize, to: usize, sides: &[Side]) -> Vec<Side> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (k, c) in text[from..to].char_indices() {
        let clause_start = prev.is_none_or(|p| !is_han(p) && !p.is_ascii_alphanumeric());
        prev = Some(c);
        let (Some(n), true) = (side_numeral(c), clause_start) else {
            continue;
        };
        let rest = &text[from + k + c.len_utf8()..to];
        let mut next = rest.chars();
        let (Some(word), Some(opener)) = (next.next(), next.next()) else {
            continue;
        };
        if OPENERS.contains(&opener) && sides.iter().any(|s| s.word == word) {
            let at = from + k;
            out.push(Side {
                n,
                span: at..at + c.len_utf8() + word.len_utf8(),
                word,
            });
        }
    }
    out
}

/// Every side taken up in the tally's paragraph with a larger numeral than
/// the tally gives it.
pub(super) fn sides_restated(
    rule: &Conflict,
    doc: &Document,
    quotes: &[usize],
    out: &mut Vec<Diagnostic>,
) {
    let text = doc.text;
    for &open in quotes {
        let Some(sides) = tally_at(text, open) else {
            continue;
        };
        let Some(pi) = doc.paragraph_at(open) else {
            continue;
        };
        let from = sides[sides.len() - 1].span.end;
        let mut to = doc.paragraphs[pi].span.end.min(from + TAKEN_UP_REACH);
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let taken_up = sides_taken_up(text, from, to, &sides);
        // A tally expanded side by side (四增为…。一减为…) takes up each side;
        // one word alone may belong to another phrase (“一村一品” … 两村为试点).
        if !sides
            .iter()
            .all(|s| taken_up.iter().any(|t| t.word == s.word))
        {
            continue;
        }
        for taken in taken_up {
            let Some(side) = sides.iter().find(|s| s.word == taken.word) else {
                continue;
            };
            if taken.n <= side.n {
                continue;
            }
            let (said, stated) = (&text[taken.span.clone()], &text[side.span.clone()]);
            out.push(
                rule.diagnostic(
                    taken.span.clone(),
                    format!(
                        "所说数目前后不一致：此处为“{said}”，前文概括为“{stated}”。请核对数目或所列各项。"
                    ),
                )
                .with_related(side.span.clone(), format!("前文为{stated}")),
            );
        }
    }
}
