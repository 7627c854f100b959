//! The outline of a draft: title, headings at the four GB/T 9704 levels plus
//! run-in markers (一是/二是), sign-off block and reporting period. Built once
//! per check; rules read it and the report carries a view of it.
//!
//! (Walking-skeleton version: headings and run-in markers only. Issue #4 deepens it.)

use crate::text::{fold_char, Span};
use crate::report::JsonSpan;
use crate::text::OffsetIndex;
use serde::Serialize;

/// How a heading is numbered. The style decides the level by GB/T 9704
/// convention (一、 > （一） > 1. > （1））; run-in markers sit inside paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumberStyle {
    /// 一、
    HanComma,
    /// （一）
    HanParen,
    /// 1. or 1．
    ArabicDot,
    /// 1、
    ArabicComma,
    /// （1）
    ArabicParen,
    /// 一是 / 二是 inside a paragraph
    RunIn,
}

impl NumberStyle {
    /// Nesting level, 1-based. 1. and 1、 share level 3 (drafts use either).
    pub fn level(self) -> u8 {
        match self {
            NumberStyle::HanComma => 1,
            NumberStyle::HanParen => 2,
            NumberStyle::ArabicDot | NumberStyle::ArabicComma => 3,
            NumberStyle::ArabicParen => 4,
            NumberStyle::RunIn => 5,
        }
    }

    /// The marker for number `n` in this style, for messages (“应为（二）”).
    pub fn marker(self, n: u32) -> String {
        let h = crate::quantity::han_numeral(n);
        match self {
            NumberStyle::HanComma => format!("{h}、"),
            NumberStyle::HanParen => format!("（{h}）"),
            NumberStyle::ArabicDot => format!("{n}."),
            NumberStyle::ArabicComma => format!("{n}、"),
            NumberStyle::ArabicParen => format!("（{n}）"),
            NumberStyle::RunIn => format!("{h}是"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub style: NumberStyle,
    pub number: u32,
    /// The numbering marker itself: `（二）`, `3.`, `二是`.
    pub marker: Span,
    /// The heading text after the marker, up to the first sentence end or the line end.
    pub title: Span,
    /// Index into `Document::paragraphs`.
    pub paragraph: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub title: Option<Span>,
    /// Line-initial headings in document order.
    pub headings: Vec<Heading>,
    /// Run-in markers (一是…) in document order.
    pub run_ins: Vec<Heading>,
}

/// Parses a line-initial numbering marker at the start of `s`.
/// Returns (style, number, marker length in bytes).
pub fn parse_marker(s: &str) -> Option<(NumberStyle, u32, usize)> {
    let mut chars = s.char_indices().map(|(i, c)| (i, fold_char(c)));
    let (_, first) = chars.next()?;
    if first == '(' {
        // (一) or (1)
        let inner_start = s.char_indices().nth(1)?.0;
        let close = s[inner_start..].char_indices().find(|&(_, c)| fold_char(c) == ')')?.0 + inner_start;
        let inner = &s[inner_start..close];
        let len = close + s[close..].chars().next()?.len_utf8();
        if let Some(n) = crate::quantity::parse_han_ordinal(inner) {
            return Some((NumberStyle::HanParen, n, len));
        }
        let n: u32 = inner.chars().map(fold_char).collect::<String>().parse().ok()?;
        if inner.chars().count() <= 3 {
            return Some((NumberStyle::ArabicParen, n, len));
        }
        return None;
    }
    // 一、 / 1. / 1、
    let end = s.char_indices().find(|&(_, c)| !(crate::quantity::is_han_digit(c) || crate::text::is_digit(c)))?.0;
    if end == 0 {
        return None;
    }
    let num = &s[..end];
    let sep = fold_char(s[end..].chars().next()?);
    let sep_len = s[end..].chars().next()?.len_utf8();
    if let Some(n) = crate::quantity::parse_han_ordinal(num) {
        if sep == '、' {
            return Some((NumberStyle::HanComma, n, end + sep_len));
        }
        return None;
    }
    if num.chars().count() > 2 {
        return None;
    }
    let n: u32 = num.chars().map(fold_char).collect::<String>().parse().ok()?;
    // "1.5万" is a number, not a heading: the dot must not be followed by a digit.
    let after = s[end + sep_len..].chars().next();
    match sep {
        '.' | '．' if !after.is_some_and(crate::text::is_digit) => Some((NumberStyle::ArabicDot, n, end + sep_len)),
        '、' => Some((NumberStyle::ArabicComma, n, end + sep_len)),
        _ => None,
    }
}

/// First-level headings written inside a paragraph after a full stop:
/// `…成效明显。二、名校品牌建设…` (pages that lost their line breaks).
fn inline_headings(text: &str, p: &Span, pi: usize) -> Vec<Heading> {
    let s = &text[p.clone()];
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        if c != '。' {
            continue;
        }
        let at = i + c.len_utf8();
        if let Some((NumberStyle::HanComma, number, len)) = parse_marker(&s[at..]) {
            if !s[at + len..].chars().next().is_some_and(crate::text::is_han) {
                continue;
            }
            let start = p.start + at;
            let title_end = text[start + len..p.end]
                .char_indices()
                .find(|&(_, c)| crate::text::is_sentence_end(c))
                .map_or(p.end, |(j, _)| start + len + j);
            out.push(Heading { style: NumberStyle::HanComma, number, marker: start..start + len, title: start + len..title_end, paragraph: pi });
        }
    }
    out
}

/// Run-in markers 一是 / 二是 … inside paragraphs. A marker starts a clause:
/// it stands at the paragraph start or after a mark (。；：，、) — so 统一是 or
/// 唯一是 inside a word is not one.
fn find_run_ins(text: &str, paragraphs: &[Span]) -> Vec<Heading> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let s = &text[p.clone()];
        let mut prev: Option<char> = None;
        for (i, c) in s.char_indices() {
            let at_clause_start = prev.is_none_or(|p| matches!(fold_char(p), '。' | ';' | ':' | ',' | '、' | ')' | '!' | '?' | '”'));
            prev = Some(c);
            if !at_clause_start || !crate::quantity::is_han_digit(c) {
                continue;
            }
            let digits_end = s[i..].char_indices().find(|&(_, c)| !crate::quantity::is_han_digit(c)).map_or(s.len() - i, |(j, _)| j);
            let Some(n) = crate::quantity::parse_han_ordinal(&s[i..i + digits_end]) else { continue };
            if !s[i + digits_end..].starts_with('是') {
                continue;
            }
            let marker = p.start + i..p.start + i + digits_end + '是'.len_utf8();
            let title_end = text[marker.end..p.end]
                .char_indices()
                .find(|&(_, c)| crate::text::is_clause_sep(c))
                .map_or(p.end, |(j, _)| marker.end + j);
            out.push(Heading { style: NumberStyle::RunIn, number: n, marker: marker.clone(), title: marker.end..title_end, paragraph: pi });
        }
    }
    out
}

impl Outline {
    pub fn build(text: &str, paragraphs: &[Span]) -> Outline {
        let mut outline = Outline::default();
        for (pi, p) in paragraphs.iter().enumerate() {
            let s = &text[p.clone()];
            if let Some((style, number, len)) = parse_marker(s) {
                let rest = p.start + len..p.end;
                let title_end = text[rest.clone()]
                    .char_indices()
                    .find(|&(_, c)| crate::text::is_sentence_end(c))
                    .map_or(rest.end, |(i, _)| rest.start + i);
                outline.headings.push(Heading { style, number, marker: p.start..p.start + len, title: rest.start..title_end, paragraph: pi });
            }
            outline.headings.extend(inline_headings(text, p, pi));
        }
        outline.run_ins = find_run_ins(text, paragraphs);
        if let Some(first) = paragraphs.first() {
            if parse_marker(&text[first.clone()]).is_none() && first.len() <= 150 {
                outline.title = Some(first.clone());
            }
        }
        outline
    }

    pub fn view(&self, text: &str, index: &OffsetIndex) -> OutlineView {
        OutlineView {
            title: self.title.as_ref().map(|s| OutlineItem { text: text[s.clone()].to_string(), span: JsonSpan::new(index, s) }),
            period: None,
            sections: self
                .headings
                .iter()
                .map(|h| OutlineSection {
                    level: h.style.level(),
                    number: h.number,
                    text: text[h.marker.start..h.title.end].to_string(),
                    span: JsonSpan::new(index, &(h.marker.start..h.title.end)),
                    kind: None,
                })
                .collect(),
        }
    }
}

/// The outline as it leaves the core, for a host page's document map.
#[derive(Debug, Clone, Serialize, Default)]
pub struct OutlineView {
    pub title: Option<OutlineItem>,
    pub period: Option<PeriodView>,
    pub sections: Vec<OutlineSection>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutlineItem {
    pub text: String,
    pub span: JsonSpan,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodView {
    pub label: String,
    /// ISO dates, inclusive.
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutlineSection {
    pub level: u8,
    pub number: u32,
    pub text: String,
    pub span: JsonSpan,
    /// The template section it satisfies (results / methods / problems / plans …), if any.
    pub kind: Option<String>,
}
