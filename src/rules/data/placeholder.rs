//! `data.placeholder`: stand-ins for figures and names never filled in —
//! X / XX / x / ××, **县, 某某, ○○, □□, ＿＿, 【】, 【请填写…】, (待补充), TODO.
//! One finding per placeholder run, the whole run highlighted.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule};
use crate::text::{fold_char, is_digit, is_han};

pub struct Placeholder;

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
    fn id(&self) -> &'static str {
        "data.placeholder"
    }
    fn category(&self) -> Category {
        Category::Data
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        for p in &doc.paragraphs {
            let s = doc.slice(&p.span);
            let chars: Vec<(usize, char)> = s.char_indices().collect();
            let at = |k: usize| chars.get(k).map(|&(_, c)| c);
            let byte = |k: usize| chars.get(k).map_or(s.len(), |&(b, _)| b);
            let mut k = 0;
            while k < chars.len() {
                let c = chars[k].1;
                let f = fold_char(c);
                let found: Option<(usize, &str)> = if matches!(f, 'X' | 'x') {
                    // A run of X, possibly a range X-X.
                    let mut e = k;
                    while at(e).is_some_and(|c| matches!(fold_char(c), 'X' | 'x')) {
                        e += 1;
                    }
                    while at(e)
                        .is_some_and(|c| matches!(fold_char(c), '-' | '~') || c == '—' || c == '至')
                        && at(e + 1).is_some_and(|c| matches!(fold_char(c), 'X' | 'x'))
                    {
                        e += 1;
                        while at(e).is_some_and(|c| matches!(fold_char(c), 'X' | 'x')) {
                            e += 1;
                        }
                    }
                    let prev = k.checked_sub(1).and_then(at);
                    let next = at(e);
                    let latin =
                        |c: Option<char>| c.is_some_and(|c| fold_char(c).is_ascii_alphanumeric());
                    // "iPhone X", "Windows XP": a Latin word one space before.
                    let after_word = prev == Some(' ')
                        && k.checked_sub(2)
                            .and_then(at)
                            .is_some_and(|c| c.is_ascii_alphabetic());
                    if after_word {
                        k = e.max(k + 1);
                        continue;
                    }
                    let times = prev.is_some_and(is_digit) && next.is_some_and(is_digit);
                    let context = prev.is_some_and(is_chinese_context)
                        || next.is_some_and(is_chinese_context);
                    if latin(prev)
                        || (next.is_some_and(|c| fold_char(c).is_ascii_alphabetic()))
                        || times
                        || !context
                        || x_word_follows(&s[byte(e)..])
                        || (next.is_some_and(is_digit) && e - k == 1 && !prev.is_some_and(is_han))
                    {
                        k = e.max(k + 1);
                        continue;
                    }
                    Some((e, "数字或名称"))
                } else if c == '×'
                    || c == '＊'
                    || c == '*'
                    || c == '○'
                    || c == '□'
                    || c == '_'
                    || c == '＿'
                    || c == '某'
                {
                    let mut e = k;
                    while at(e) == Some(c)
                        || (c == '_' && at(e) == Some('＿'))
                        || (c == '＿' && at(e) == Some('_'))
                    {
                        e += 1;
                    }
                    let run = e - k;
                    let prev = k.checked_sub(1).and_then(at);
                    let next = at(e);
                    let ok = match c {
                        // × between numbers multiplies; ×县 / ××镇 is a slot.
                        '×' => {
                            !(prev.is_some_and(is_digit) && next.is_some_and(is_digit))
                                && (run >= 2
                                    || prev.is_some_and(is_han)
                                    || next.is_some_and(is_han))
                        }
                        // 某某 only: 某种 / 某些 / 某县 are ordinary words.
                        '某' => run >= 2,
                        _ => run >= 2,
                    };
                    if !ok {
                        k = e;
                        continue;
                    }
                    Some((e, "内容"))
                } else if matches!(c, '【' | '(' | '（' | '[') {
                    let close = match c {
                        '【' => '】',
                        '[' => ']',
                        _ => ')',
                    };
                    let end = chars[k + 1..]
                        .iter()
                        .take(20)
                        .position(|&(_, d)| fold_char(d) == close || d == close);
                    match end {
                        Some(n) if is_fill_request(&s[byte(k + 1)..byte(k + 1 + n)]) => {
                            Some((k + n + 2, "内容"))
                        }
                        _ => None,
                    }
                } else if c == 'T'
                    && s[byte(k)..].starts_with("TODO")
                    && !k
                        .checked_sub(1)
                        .and_then(at)
                        .is_some_and(|p| p.is_ascii_alphabetic())
                {
                    Some((k + 4, "内容"))
                } else {
                    None
                };
                match found {
                    Some((e, what)) => {
                        let span = p.span.start + byte(k)..p.span.start + byte(e);
                        let text = doc.slice(&span);
                        out.push(self.diagnostic(
                            span.clone(),
                            format!("“{text}”是未填写的占位符，请填入实际{what}。"),
                        ));
                        k = e;
                    }
                    None => k += 1,
                }
            }
        }
    }
}
