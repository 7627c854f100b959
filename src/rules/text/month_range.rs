//! `text.month-range`: one draft writing the same kind of period in
//! different forms — 1—9月 here, 1-9月 and 1至9月 there. The form most of the
//! draft uses (the first one seen, on a tie) is the draft's own; the others
//! are flagged with it as the fix.
//!
//! Read from the outline's dates: a month without a year (9月) preceded by a
//! separator and a month number (1—, 1-, 1至).

use crate::document::Document;
use crate::report::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::{fold_char, Span};

pub struct MonthRange;

pub static INFO: RuleInfo = RuleInfo {
    code: "text.month-range",
    family: Category::Text,
    severity: Severity::Info,
    summary: "同一文稿中月份区间写法不一（1—9月、1-9月、1至9月）",
    explanation: "同一份总结里，月份区间应统一写法（如都写“1—9月”）；三种写法混用显得粗疏。按全文多数的写法统一即可，可一键采纳。",
    example: "1—9月……1-9月……",
    near_miss: "1—9月……1—6月……",
};

/// A month range as written: `1-9月`.
struct MonthSpan {
    /// From the first month number to 月.
    span: Span,
    /// The separator between the two numbers: —, -, 至, ~ ….
    sep: Span,
}

/// The separators a month range is written with.
fn is_separator(c: char) -> bool {
    matches!(fold_char(c), '-' | '~') || matches!(c, '—' | '–' | '至' | '到')
}

/// The range that ends with the month mention `month` (9月, month number
/// `last`): its separator and its first month just before.
fn range_before(text: &str, month: &Span, line_start: usize, last: u32) -> Option<MonthSpan> {
    let before = &text[line_start..month.start];
    let sep_len: usize = before
        .chars()
        .rev()
        .take_while(|&c| is_separator(c))
        .take(2)
        .map(char::len_utf8)
        .sum();
    if sep_len == 0 {
        return None;
    }
    let sep = month.start - sep_len..month.start;
    let head = &text[line_start..sep.start];
    // Three digits at most are read: a month has two, a longer run is no month.
    let digits: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .take(3)
        .collect();
    let first: u32 = digits.chars().rev().collect::<String>().parse().ok()?;
    if digits.len() > 2 || !(1..last).contains(&first) {
        return None;
    }
    let start = sep.start - digits.len();
    // 2022-9月 or 3.1-9月 are not month ranges.
    let prev = text[line_start..start].chars().next_back();
    if prev.is_some_and(|c| c.is_ascii_digit() || matches!(fold_char(c), '.' | '-')) {
        return None;
    }
    Some(MonthSpan {
        span: start..month.end,
        sep,
    })
}

impl Rule for MonthRange {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let ranges = month_ranges(doc);
        // The draft's own form: the most used separator, the first seen on a tie.
        let mut forms: Vec<(&str, usize)> = Vec::new();
        for r in &ranges {
            let sep = doc.slice(&r.sep);
            match forms.iter_mut().find(|(f, _)| *f == sep) {
                Some((_, n)) => *n += 1,
                None => forms.push((sep, 1)),
            }
        }
        if forms.len() < 2 {
            return;
        }
        let own = forms
            .iter()
            .rev()
            .max_by_key(|(_, n)| *n)
            .map_or("", |(f, _)| f);
        let example = ranges.iter().find(|r| doc.slice(&r.sep) == own);
        for r in ranges.iter().filter(|r| doc.slice(&r.sep) != own) {
            let mut d = self.diagnostic(
                r.span.clone(),
                format!(
                    "月份区间写法不一：这里写作“{}”，本文多处写作“{}”，请统一。",
                    doc.slice(&r.span),
                    example.map_or("", |e| doc.slice(&e.span))
                ),
            );
            if let Some(e) = example {
                d = d.with_related(e.span.clone(), "本文通行的写法");
            }
            out.push(d.with_suggestion(r.sep.clone(), own, Applicability::Safe));
        }
    }
}

/// Every month range of the draft, in order.
fn month_ranges(doc: &Document) -> Vec<MonthSpan> {
    let mut out = Vec::new();
    let mut pi = 0;
    for d in &doc.outline.dates {
        let (None, Some(month), None) = (d.year, d.month, d.day) else {
            continue;
        };
        while pi + 1 < doc.paragraphs.len() && doc.paragraphs[pi].span.end < d.span.start {
            pi += 1;
        }
        let line_start = doc.paragraphs[pi].span.start.min(d.span.start);
        if (2..=12).contains(&month) {
            out.extend(range_before(doc.text, &d.span, line_start, month));
        }
    }
    out
}
