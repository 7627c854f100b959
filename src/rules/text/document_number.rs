//! `text.document-number`: a 发文字号 written wrong. GB/T 9704-2012 writes
//! the year in 六角括号 with no space before the serial number: ×政发〔2017〕9号.
//! Caught: other brackets (〔2017] 9号, [2017]9号, （2017）9号, with the
//! agency's abbreviation before them), a missing 〕 (〔20179号), and a year
//! that cannot be right (〔2107〕: later than the year after the report's).
//!
//! Only a bracketed four-digit year followed by a number and 号 is read as a
//! document number, so 〔〕 used correctly and other bracketed years pass.

use crate::document::Document;
use crate::report::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::{fold_char, is_digit, is_han, Span};

pub struct DocumentNumber;

pub static INFO: RuleInfo = RuleInfo {
    code: "text.document-number",
    family: Category::Text,
    severity: Severity::Warning,
    summary: "发文字号格式有误（〔2017] 9号、[2017]9号、〔2107〕）",
    explanation: "GB/T 9704-2012 规定发文字号的年份用六角括号“〔〕”括入，如“×政发〔2017〕9号”，年份与序号之间不空格。方括号、半角括号、缺了右括号，或年份明显不对（〔2107〕），都是笔误。",
    example: "X政发[2017]9号",
    near_miss: "X政发〔2017〕9号",
};

/// A document number read from its opening bracket.
struct Numbered {
    /// From the opening bracket to 号.
    span: Span,
    /// The bracketed year and its brackets, spaces after them included.
    bracket: Span,
    year: u32,
    /// Written as GB/T 9704 asks: 〔YYYY〕 and no space.
    well_formed: bool,
    /// The year as written (ASCII digits).
    year_text: String,
}

/// The digits at the start of `s`, half- or full-width: (their value as
/// ASCII, their length in bytes).
fn digits_at(s: &str) -> (String, usize) {
    let mut ascii = String::new();
    let mut len = 0;
    for c in s.chars().take_while(|&c| is_digit(c)).take(9) {
        ascii.push(fold_char(c));
        len += c.len_utf8();
    }
    (ascii, len)
}

/// `〔2017〕9号` and its slips, read from the opening bracket at `at`.
fn read(text: &str, at: usize, open: char, para_end: usize) -> Option<Numbered> {
    let after_open = at + open.len_utf8();
    let (year_text, year_len) = digits_at(&text[after_open..para_end]);
    if year_text.len() != 4 || !matches!(&year_text[..2], "19" | "20" | "21") {
        return None;
    }
    let close_at = after_open + year_len;
    let close = text[close_at..para_end].chars().next()?;
    if !matches!(fold_char(close), ']' | ')') && !matches!(close, '〕' | '】') {
        return None;
    }
    let mut serial = close_at + close.len_utf8();
    let spaced = text[serial..para_end].starts_with([' ', '\u{3000}']);
    while let Some(c) = text[serial..para_end]
        .chars()
        .next()
        .filter(|&c| c == ' ' || c == '\u{3000}')
    {
        serial += c.len_utf8();
    }
    let (number, number_len) = digits_at(&text[serial..para_end]);
    if number.is_empty()
        || number.len() > 5
        || !text[serial + number_len..para_end].starts_with('号')
    {
        return None;
    }
    // Other brackets are a document number only after the agency's abbreviation (政发[2017]).
    let agency_before = text[..at].chars().next_back().is_some_and(is_han);
    if open != '〔' && !agency_before {
        return None;
    }
    Some(Numbered {
        span: at..serial + number_len + '号'.len_utf8(),
        bracket: at..serial,
        year: year_text.parse().ok()?,
        well_formed: open == '〔' && close == '〕' && !spaced,
        year_text,
    })
}

/// `〔20179号`: the 〕 left out, the serial run into the year.
fn missing_close(text: &str, at: usize, para_end: usize) -> Option<(Span, String)> {
    let after_open = at + '〔'.len_utf8();
    let (digits, len) = digits_at(&text[after_open..para_end]);
    let ends = text[after_open + len..para_end].starts_with('号');
    if digits.len() < 5 || !ends || !matches!(&digits[..2], "19" | "20") {
        return None;
    }
    let fixed = format!("〔{}〕{}号", &digits[..4], &digits[4..]);
    Some((at..after_open + len + '号'.len_utf8(), fixed))
}

impl Rule for DocumentNumber {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        // A document cited from the year after the report's is possible (a
        // 2022 summary written in January 2023); later is a slip.
        let latest = doc.outline.period.as_ref().map_or(2100, |p| p.year + 1);
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            for &(at, c) in doc.paragraph_marks(pi) {
                if !matches!(c, '〔' | '[' | '［' | '【' | '（' | '(') {
                    continue;
                }
                if c == '〔' {
                    if let Some((span, fixed)) = missing_close(doc.text, at, p.span.end) {
                        out.push(self.missing_close(doc, span, fixed));
                        continue;
                    }
                }
                if let Some(n) = read(doc.text, at, c, p.span.end) {
                    out.extend(self.judge(doc, &n, latest));
                }
            }
        }
    }
}

impl DocumentNumber {
    fn missing_close(&self, doc: &Document, span: Span, fixed: String) -> Diagnostic {
        self.diagnostic(
            span.clone(),
            format!(
                "发文字号“{}”缺少右括号“〕”，可能应为“{fixed}”。",
                doc.slice(&span)
            ),
        )
        .with_suggestion(span, fixed, Applicability::Unsafe)
    }

    fn judge(&self, doc: &Document, n: &Numbered, latest: u32) -> Option<Diagnostic> {
        if !n.well_formed {
            let fixed = format!("〔{}〕", n.year_text);
            return Some(
                self.diagnostic(
                    n.span.clone(),
                    format!(
                        "发文字号“{}”格式不规范：年份应用六角括号“〔〕”括入，其后不空格，如“{fixed}”。",
                        doc.slice(&n.span)
                    ),
                )
                .with_suggestion(n.bracket.clone(), fixed, Applicability::Safe),
            );
        }
        if n.year < 1949 || n.year > latest {
            return Some(self.diagnostic(
                n.span.clone(),
                format!(
                    "发文字号“{}”中的年份“{}”不合理，请核对。",
                    doc.slice(&n.span),
                    n.year
                ),
            ));
        }
        None
    }
}
