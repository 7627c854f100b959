//! `text.stray-char`: characters that slipped in from another document or a
//! broken paste — a letter of another script inside Chinese text (做好ก春耕),
//! U+FFFD (a character lost in an encoding conversion), private-use
//! characters (symbol-font bullets that show as boxes), and a half-width `?`
//! standing in for an unknown character where no question is asked
//! (区委?、区政府).
//!
//! All of these are marks (neither Han nor ASCII letters or digits), so only
//! the paragraph's marks are read. A foreign word stays silent: a letter is
//! stray only in a run of at most three touching Han text, so “Москва” in
//! quotes, URLs, e-mail addresses and real questions (准备好了吗?) pass.

use crate::document::Document;
use crate::report::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::{is_han, Mark};

pub struct StrayChar;

pub static INFO: RuleInfo = RuleInfo {
    code: "text.stray-char",
    family: Category::Text,
    severity: Severity::Warning,
    summary: "混入的异常字符（外文字母、乱码、私用区字符、多余的问号）",
    explanation: "从其他文档或网页粘贴时，常混入泰文、俄文等其他文字的单个字母、乱码“�”、显示为方框的私用区符号，或把无法显示的字替换成“?”。这些字符会原样出现在打印稿上。外文字母可直接删去；乱码和问号处原来的字已丢失，请对照原文补上。",
    example: "做好ก春耕生产，区委?、区政府高度重视",
    near_miss: "邮箱 office@example.gov.cn，你们准备好了吗？",
};

/// What kind of stray a mark is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stray {
    /// A letter of a script Chinese text does not use (Thai, Cyrillic, kana …).
    Letter,
    /// U+FFFD, the replacement character.
    Replacement,
    /// U+E000–U+F8FF.
    PrivateUse,
    /// A half-width `?`.
    Question,
}

fn stray_kind(c: char) -> Option<Stray> {
    let u = c as u32;
    // Most marks are ASCII, general or CJK punctuation, or full-width forms:
    // passed with two comparisons.
    if (u < 0x0400 && c != '?') || (0x2000..0x3040).contains(&u) || (0xFF00..0xFFFD).contains(&u) {
        return None;
    }
    let letter = matches!(u,
        0x0400..=0x052F   // Cyrillic
        | 0x0530..=0x058F // Armenian
        | 0x0590..=0x06FF // Hebrew, Arabic
        | 0x0900..=0x097F // Devanagari
        | 0x0E00..=0x0E7F // Thai
        | 0x10A0..=0x10FF // Georgian
        | 0x1100..=0x11FF // Hangul Jamo
        | 0x3040..=0x30FA // Hiragana, Katakana (not ・ and ー, used in Chinese text)
        | 0x3130..=0x318F // Hangul compatibility Jamo
        | 0xAC00..=0xD7AF // Hangul syllables
    );
    match c {
        '\u{FFFD}' => Some(Stray::Replacement),
        '\u{E000}'..='\u{F8FF}' => Some(Stray::PrivateUse),
        '?' => Some(Stray::Question),
        _ if letter => Some(Stray::Letter),
        _ => None,
    }
}

/// A run of touching marks of one stray kind.
struct Run {
    kind: Stray,
    start: usize,
    end: usize,
    chars: usize,
}

/// The runs of stray characters among `marks` (in text order), into `runs`.
fn runs(marks: &[Mark], runs: &mut Vec<Run>) {
    runs.clear();
    for &(at, c) in marks {
        let Some(kind) = stray_kind(c) else { continue };
        match runs.last_mut() {
            Some(r) if r.kind == kind && r.end == at => {
                r.end = at + c.len_utf8();
                r.chars += 1;
            }
            _ => runs.push(Run {
                kind,
                start: at,
                end: at + c.len_utf8(),
                chars: 1,
            }),
        }
    }
}

impl Rule for StrayChar {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        // One buffer for every paragraph's runs (most have none).
        let mut found = Vec::new();
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            runs(doc.paragraph_marks(pi), &mut found);
            for run in &found {
                let before = doc.text[p.span.start..run.start].chars().next_back();
                let after = doc.text[run.end..p.span.end].chars().next();
                if let Some(d) = self.finding(doc, run, before, after) {
                    out.push(d);
                }
            }
        }
    }
}

impl StrayChar {
    fn finding(
        &self,
        doc: &Document,
        run: &Run,
        before: Option<char>,
        after: Option<char>,
    ) -> Option<Diagnostic> {
        let span = run.start..run.end;
        let text = doc.slice(&span);
        let han_before = before.is_some_and(is_han);
        let han_after = after.is_some_and(is_han);
        match run.kind {
            Stray::Letter if run.chars <= 3 && (han_before || han_after) => Some(
                self.diagnostic(
                    span.clone(),
                    format!("中文里混入了其他文字的字符“{text}”，多是粘贴或输入法误触，请删去。"),
                )
                .with_suggestion(span, "", Applicability::Safe),
            ),
            Stray::Replacement => Some(self.diagnostic(
                span,
                "这里是乱码字符“\u{FFFD}”：原来的字在转换编码时丢失了，请对照原文补上。".to_string(),
            )),
            Stray::PrivateUse => Some(self.diagnostic(
                span,
                "这里有一个无法显示的私用区字符（多来自符号字体），打印时会显示为方框，请删去或换成正常字符。"
                    .to_string(),
            )),
            // 区委?、区政府 / 张??同志: a ? inside a phrase, where no question ends.
            Stray::Question
                if han_before
                    && (after.is_some_and(|c| "、，,；;：".contains(c))
                        || (run.chars >= 2 && han_after)) =>
            {
                Some(self.diagnostic(
                    span,
                    format!("“{text}”不是问句的问号，可能是无法显示而被替换的字，请对照原文补上。"),
                ))
            }
            _ => None,
        }
    }
}
