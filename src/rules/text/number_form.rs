//! `text.number-form`: a number whose writing is broken — a doubled decimal
//! point (下降14..3%), two decimal points (32.6:23.344.1, a colon lost), a
//! blank where the decimal point was (财政收入5 9亿元, 增长108 3%).
//!
//! Section numbers (3.5.1), dates written with points (2021.3.5) and figures
//! set apart by a blank in a table row stay silent: the forms read are those
//! no correct text writes.

use crate::document::Document;
use crate::report::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::{is_han, Span};

pub struct NumberForm;

pub static INFO: RuleInfo = RuleInfo {
    code: "text.number-form",
    family: Category::Text,
    severity: Severity::Warning,
    summary: "数字写法有误（小数点重复、两个小数点、小数点处是空格）",
    explanation: "数字里多打或漏打小数点（“14..3%”“23.344.1”“5 9亿元”），审核人无法确定原数。请按原始数据改正。",
    example: "工业增加值同比下降14..3%，财政收入5 9亿元",
    near_miss: "依照第3.5.1条，2021.3.5起施行，财政收入5.9亿元",
};

/// Units after a number whose blank stands where its decimal point was.
const AMOUNT_UNITS: &[char] = &['亿', '万', '%', '％'];

/// What is wrong with a number, for the message.
enum Broken {
    DoubledPoint,
    TwoPoints,
    BlankForPoint,
}

/// The digits from byte `i` of `s`: where they end.
fn digits_end(s: &str, i: usize) -> usize {
    i + s[i..].bytes().take_while(u8::is_ascii_digit).count()
}

/// The broken number starting at byte `start` of `s` (its first digit, no
/// digit or point before it), if it is broken.
fn broken_at(s: &str, start: usize) -> Option<(usize, Broken)> {
    let a = digits_end(s, start);
    let b = s.as_bytes();
    match b.get(a) {
        Some(b'.') if b.get(a + 1) == Some(&b'.') => {
            let end = digits_end(s, a + 2);
            (end > a + 2).then_some((end, Broken::DoubledPoint))
        }
        Some(b'.') => {
            let m = digits_end(s, a + 1);
            if m == a + 1 || b.get(m) != Some(&b'.') {
                return None;
            }
            let end = digits_end(s, m + 1);
            if end == m + 1 || b.get(end).is_some_and(|c| c.is_ascii_digit() || *c == b'.') {
                return None;
            }
            // 2021.3.5 is a date, 3.5.1 a section: a middle run of three
            // digits or more is neither, and neither is followed by an
            // amount's unit (恩格尔系数41.4.0%).
            let year = a - start == 4;
            let unit = s[end..]
                .chars()
                .next()
                .is_some_and(|c| AMOUNT_UNITS.contains(&c) || c == '元');
            ((m - (a + 1) >= 3 && !year) || unit).then_some((end, Broken::TwoPoints))
        }
        Some(b' ') => {
            let m = digits_end(s, a + 1);
            let before_han = s[..start].chars().next_back().is_some_and(is_han);
            let unit = s[m..]
                .chars()
                .next()
                .is_some_and(|c| AMOUNT_UNITS.contains(&c));
            (before_han && m > a + 1 && m - (a + 1) <= 2 && a - start <= 3 && unit)
                .then_some((m, Broken::BlankForPoint))
        }
        _ => None,
    }
}

impl Rule for NumberForm {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        for p in &doc.paragraphs {
            let s = doc.slice(&p.span);
            let mut i = 0;
            while i < s.len() {
                let starts = s.as_bytes()[i].is_ascii_digit()
                    && !s[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.');
                if !starts {
                    i += 1;
                    continue;
                }
                let Some((end, broken)) = broken_at(s, i) else {
                    i = digits_end(s, i).max(i + 1);
                    continue;
                };
                let span: Span = p.span.start + i..p.span.start + end;
                let written = doc.slice(&span);
                let (what, fix) = match broken {
                    Broken::DoubledPoint => ("小数点重复", Some(written.replacen("..", ".", 1))),
                    Broken::TwoPoints => ("有两个小数点", None),
                    Broken::BlankForPoint => ("中间夹着空格，疑似漏了小数点", None),
                };
                let mut d = self.diagnostic(
                    span.clone(),
                    format!("数字“{written}”{what}，请按原始数据改正。"),
                );
                if let Some(fix) = fix {
                    d = d.with_suggestion(span, fix, Applicability::Unsafe);
                }
                out.push(d);
                i = end;
            }
        }
    }
}
