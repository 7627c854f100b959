//! `data.placeholder`: stand-ins for figures and names never filled in —
//! X / XX / x / ××, **县, 某某, ○○, □□, ＿＿, 【】, 【请填写…】, (待补充), TODO.
//! One finding per placeholder run, the whole run highlighted.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::{flagged_pairs, fold_char, is_digit, is_han};

pub struct Placeholder;

pub static INFO: RuleInfo = RuleInfo {
    code: "data.placeholder",
    family: Category::Data,
    severity: Severity::Error,
    summary: "未填写的占位符（XX、××、某某、【】）",
    explanation:
        "模板中的占位符（XX、××、某某、【请填写】、待补充）没有替换成实际内容，报送前必须补全。",
    example: "全年共开展活动XX次",
    near_miss: "全年共开展活动12次",
};

/// Is `c` a character a Chinese sentence is made of (so a lone X beside it is a slot, not English)?
fn is_chinese_context(c: char) -> bool {
    is_han(c)
        || is_digit(c)
        || matches!(
            fold_char(c),
            '%' | ',' | '.' | ';' | ':' | '(' | ')' | '-' | '~'
        )
        || matches!(
            c,
            '。' | '、'
                | '“'
                | '”'
                | '《'
                | '》'
                | '—'
                | '～'
                | '【'
                | '】'
                | '〔'
                | '〕'
                | '％'
        )
}

/// Words in which X is not a slot: X光, X射线, X线, X型.
fn x_word_follows(rest: &str) -> bool {
    ["光", "射线", "线", "型", "轴", "染色体"]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// The bracketed text asks to be filled in: 【请填写】, （待补充）, (待定).
fn is_fill_request(inner: &str) -> bool {
    let t = inner.trim_matches(|c: char| crate::text::is_blank(c));
    t.is_empty()
        || [
            "请填写",
            "待补充",
            "待定",
            "待填",
            "填写",
            "待核实",
            "待确认",
            "此处",
        ]
        .iter()
        .any(|w| t.starts_with(w))
}

impl Rule for Placeholder {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        for p in &doc.paragraphs {
            let para = Para(doc.slice(&p.span));
            // Where the last placeholder (or refused run) ends: triggers
            // inside it were read with it.
            let mut resume = 0;
            for k in triggers(para.0) {
                if k < resume {
                    continue;
                }
                let Some(c) = para.at(k) else { break };
                match para.read(k, c) {
                    Reading::Slot { end, what } => {
                        let span = p.span.start + k..p.span.start + end;
                        let text = doc.slice(&span);
                        out.push(self.diagnostic(
                            span.clone(),
                            format!("“{text}”是未填写的占位符，请填入实际{what}。"),
                        ));
                        resume = end;
                    }
                    Reading::Refused { end } => resume = end,
                    Reading::Nothing => {}
                }
            }
        }
    }
}

/// What a trigger character starts.
enum Reading {
    /// A placeholder up to `end`, standing for `what` (数字或名称 / 内容).
    Slot {
        end: usize,
        what: &'static str,
    },
    /// A run that looked like one and is not (iPhone X, 2×3): skipped whole.
    Refused {
        end: usize,
    },
    Nothing,
}

fn is_x(c: char) -> bool {
    matches!(fold_char(c), 'X' | 'x')
}

/// One paragraph's text, read in place; positions are byte offsets into it.
struct Para<'a>(&'a str);

impl Para<'_> {
    fn at(&self, k: usize) -> Option<char> {
        self.0.get(k..).and_then(|r| r.chars().next())
    }

    fn before(&self, k: usize) -> Option<char> {
        self.0[..k].chars().next_back()
    }

    fn read(&self, k: usize, c: char) -> Reading {
        if is_x(c) {
            self.x_run(k, c)
        } else if matches!(c, '×' | '＊' | '*' | '○' | '□' | '_' | '＿' | '某') {
            self.mark_run(k, c)
        } else if matches!(c, '【' | '(' | '（' | '[') {
            self.fill_request(k, c)
        } else if c == 'T'
            && self.0[k..].starts_with("TODO")
            && !self.before(k).is_some_and(|p| p.is_ascii_alphabetic())
        {
            Reading::Slot {
                end: k + "TODO".len(),
                what: "内容",
            }
        } else {
            Reading::Nothing
        }
    }

    /// The end of a run of X at `e`.
    fn skip_x(&self, mut e: usize) -> usize {
        while let Some(d) = self.at(e).filter(|&d| is_x(d)) {
            e += d.len_utf8();
        }
        e
    }

    /// A run of X, possibly a range X-X: a slot in Chinese text, not a Latin
    /// word (iPhone X), a product (X光) or a multiplication (2x3).
    fn x_run(&self, k: usize, c: char) -> Reading {
        let mut e = self.skip_x(k);
        while let Some(d) = self
            .at(e)
            .filter(|&d| matches!(fold_char(d), '-' | '~') || d == '—' || d == '至')
        {
            if !self.at(e + d.len_utf8()).is_some_and(is_x) {
                break;
            }
            e = self.skip_x(e + d.len_utf8());
        }
        let prev = self.before(k);
        let next = self.at(e);
        let latin = |c: Option<char>| c.is_some_and(|c| fold_char(c).is_ascii_alphanumeric());
        // "iPhone X", "Windows XP": a Latin word one space before.
        let after_word = prev == Some(' ')
            && self.0[..k - 1]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphabetic());
        let times = prev.is_some_and(is_digit) && next.is_some_and(is_digit);
        let context = prev.is_some_and(is_chinese_context) || next.is_some_and(is_chinese_context);
        let one_x = e == k + c.len_utf8();
        if after_word
            || latin(prev)
            || (next.is_some_and(|c| fold_char(c).is_ascii_alphabetic()))
            || times
            || !context
            || x_word_follows(&self.0[e..])
            || (next.is_some_and(is_digit) && one_x && !prev.is_some_and(is_han))
        {
            return Reading::Refused { end: e };
        }
        Reading::Slot {
            end: e,
            what: "数字或名称",
        }
    }

    /// A run of ×, ＊, ○, □, ＿ or 某: ××镇, **县, 某某 — not 2×3, 某种.
    fn mark_run(&self, k: usize, c: char) -> Reading {
        let same = |d: char| d == c || matches!((c, d), ('_', '＿') | ('＿', '_'));
        let mut e = k;
        let mut run = 0;
        while let Some(d) = self.at(e).filter(|&d| same(d)) {
            e += d.len_utf8();
            run += 1;
        }
        let prev = self.before(k);
        let next = self.at(e);
        let ok = match c {
            // × between numbers multiplies; ×县 / ××镇 is a slot.
            '×' => {
                !(prev.is_some_and(is_digit) && next.is_some_and(is_digit))
                    && (run >= 2 || prev.is_some_and(is_han) || next.is_some_and(is_han))
            }
            // 某某 only: 某种 / 某些 / 某县 are ordinary words.
            _ => run >= 2,
        };
        if ok {
            Reading::Slot {
                end: e,
                what: "内容",
            }
        } else {
            Reading::Refused { end: e }
        }
    }

    /// Brackets that ask to be filled in: 【请填写】, （待补充）, 【】.
    fn fill_request(&self, k: usize, c: char) -> Reading {
        let close = match c {
            '【' => '】',
            '[' => ']',
            _ => ')',
        };
        let inner = k + c.len_utf8();
        let end = self.0[inner..]
            .char_indices()
            .take(20)
            .find(|&(_, d)| fold_char(d) == close || d == close);
        match end {
            Some((n, d)) if is_fill_request(&self.0[inner..inner + n]) => Reading::Slot {
                end: inner + n + d.len_utf8(),
                what: "内容",
            },
            _ => Reading::Nothing,
        }
    }
}

/// The byte offsets of the characters of `s` that can start a placeholder
/// (X, ×, ＊, ○, □, _, 某, an opening bracket, TODO), in order. Candidates
/// are found by their first byte (see [`flagged_pairs`]), then read.
fn triggers(s: &str) -> impl Iterator<Item = usize> + '_ {
    let b = s.as_bytes();
    flagged_pairs(b, may_start_trigger).filter(move |&i| match b[i] {
        // An ASCII first byte is the trigger itself.
        0..=0x7F => true,
        0xE6 => b[i + 2] == 0x90,
        _ => s[i..].chars().next().is_some_and(|c| {
            matches!(fold_char(c), 'X' | 'x')
                || matches!(c, '×' | '＊' | '○' | '□' | '＿' | '【' | '（')
        }),
    })
}

/// Can the character with these first two bytes start a placeholder? A
/// superset, exact but for the full-width forms and 【 (see [`triggers`]).
#[inline(always)]
fn may_start_trigger(b0: u8, b1: u8) -> bool {
    let first = if crate::text::VECTOR_SCAN {
        is_trigger_first_byte(b0)
    } else {
        TRIGGER_FIRST_BYTE[usize::from(b0)] != 0
    };
    // 某 is E6 9F 90: the other characters of its lead byte are let through
    // only when they share its second byte.
    first & ((b0 != 0xE6) | (b1 == 0x9F))
}

/// The first bytes of the characters that may start a placeholder: the ASCII
/// ones, and the lead bytes of ×, ○, □, 【, 某 and the full-width forms.
const TRIGGER_FIRST_BYTES: [u8; 12] = [
    b'X', b'x', b'*', b'_', b'(', b'[', b'T', 0xC3, 0xE2, 0xE3, 0xE6, 0xEF,
];

/// Is `b` one of [`TRIGGER_FIRST_BYTES`]? Comparisons, without a branch:
/// vectorised in [`flagged_pairs`] (see `text::VECTOR_SCAN`).
#[inline(always)]
const fn is_trigger_first_byte(b: u8) -> bool {
    let mut found = false;
    let mut k = 0;
    while k < TRIGGER_FIRST_BYTES.len() {
        found |= b == TRIGGER_FIRST_BYTES[k];
        k += 1;
    }
    found
}

/// [`is_trigger_first_byte`] as a table, for targets without vectors.
static TRIGGER_FIRST_BYTE: [u8; 256] = crate::text::byte_table!(|b| is_trigger_first_byte(b) as u8);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compared_and_the_looked_up_first_bytes_agree() {
        for b in 0..=255u8 {
            let compared = is_trigger_first_byte(b);
            assert_eq!(compared, TRIGGER_FIRST_BYTE[usize::from(b)] != 0, "{b:#x}");
        }
    }

    #[test]
    fn the_byte_scan_stops_at_exactly_the_trigger_characters() {
        let is_trigger = |c: char| {
            matches!(fold_char(c), 'X' | 'x')
                || matches!(
                    c,
                    '×' | '＊'
                        | '○'
                        | '□'
                        | '＿'
                        | '【'
                        | '（'
                        | '*'
                        | '_'
                        | '('
                        | '['
                        | 'T'
                        | '某'
                )
        };
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let t = format!("人{c}1{c}");
            let found: Vec<usize> = triggers(&t).collect();
            let expected: Vec<usize> = t
                .char_indices()
                .filter(|&(_, d)| is_trigger(d))
                .map(|(i, _)| i)
                .collect();
            assert_eq!(found, expected, "{c:?}");
        }
    }
}
