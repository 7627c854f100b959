//! `text.pairs`: unbalanced “ ” ‘ ’ （ ） ( ) 《 》 【 】 〔 〕 「 」 within a
//! paragraph, pointing at the lone mark.
//!
//! A paragraph is one line, except that a line ending without a sentence end
//! continues into the next (a hard-wrapped paragraph), so a quote that opens on
//! one line and closes on the next is balanced.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::{closer, fold_char, is_closer};
use std::ops::Range;

pub struct Pairs;

pub static INFO: RuleInfo = RuleInfo {
    code: "text.pairs",
    family: Category::Text,
    severity: Severity::Warning,
    summary: "引号、括号不成对",
    explanation: "引号、括号、书名号应成对出现；缺了一半会让读者分不清引文或注释到哪里结束。",
    example: "开展“我为群众办实事活动",
    near_miss: "开展“我为群众办实事”活动",
};

fn name(c: char) -> &'static str {
    match c {
        '“' | '”' => "引号",
        '‘' | '’' => "单引号",
        '（' | '(' | '）' | ')' => "括号",
        '《' | '》' => "书名号",
        '【' | '】' => "方头括号",
        '〔' | '〕' => "六角括号",
        _ => "引号",
    }
}

impl Pairs {
    /// Checks one run of paragraphs (lines) that form a paragraph.
    fn check_block(
        &self,
        doc: &Document,
        block: Range<usize>,
        cut: Option<usize>,
        out: &mut Vec<Diagnostic>,
    ) {
        let mut stack: Vec<(char, usize)> = Vec::new();
        for pi in block {
            // Brackets and quotes are marks: only the marks are read.
            for &(pos, c) in doc.paragraph_marks(pi) {
                if let Some(close) = closer(c) {
                    // “ while a “ is open: Chinese nests ‘’ inside “”, so the first one was never closed.
                    if c == '“' {
                        if let Some(k) = stack.iter().rposition(|&(o, _)| o == '“') {
                            let (o, at) = stack.remove(k);
                            out.push(self.unclosed(o, at));
                        }
                    }
                    let _ = close;
                    stack.push((c, pos));
                } else if is_closer(c) {
                    let target = fold_char(c);
                    match stack
                        .iter()
                        .rposition(|&(o, _)| closer(o).is_some_and(|cl| fold_char(cl) == target))
                    {
                        Some(k) => {
                            // Openers above the match were never closed.
                            for (o, at) in stack.drain(k + 1..) {
                                if o != '(' && o != '（' {
                                    out.push(self.unclosed(o, at));
                                }
                            }
                            stack.pop();
                        }
                        None => {
                            let span = pos..pos + c.len_utf8();
                            out.push(self.diagnostic(
                                span,
                                format!(
                                    "这个右{}没有对应的左{}，请补上左{}或删去多余的右{}。",
                                    name(c),
                                    name(c),
                                    name(c),
                                    name(c)
                                ),
                            ));
                        }
                    }
                }
            }
        }
        for (o, at) in stack {
            if cut.is_none_or(|from| at < from) {
                out.push(self.unclosed(o, at));
            }
        }
    }

    fn unclosed(&self, open: char, at: usize) -> Diagnostic {
        self.diagnostic(
            at..at + open.len_utf8(),
            format!(
                "这个左{}没有对应的右{}，请在引用或说明结束处补上。",
                name(open),
                name(open)
            ),
        )
    }
}

impl Rule for Pairs {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let is_heading = doc.outline.heading_paragraphs(doc.paragraphs.len());
        let cut = cut_tail_start(doc);
        // The paragraphs of the current block: `block_start..=pi`.
        let mut block_start = 0;
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            let last = doc.slice(&p.span).chars().next_back();
            let continues = !last.is_some_and(|c| {
                crate::text::is_sentence_end(c) || matches!(fold_char(c), ':' | '!' | '?')
            }) && doc
                .paragraphs
                .get(pi + 1)
                .is_some_and(|n| n.line == p.line + 1 && !is_heading[pi + 1])
                && !is_heading[pi];
            if !continues || pi + 1 - block_start >= 8 {
                self.check_block(doc, block_start..pi + 1, cut, out);
                block_start = pi + 1;
            }
        }
    }
}

/// Where the last sentence of a text that stops mid-sentence (a page kept
/// only as its first part, or a draft still being typed) begins, after its
/// last full stop or line break;
/// `None` for a text that ends whole (with a full stop or its sign-off). An
/// opener there may be closed past the cut. Read once per document, not once per
/// unclosed opener (a text of 100,000 of them stays linear).
fn cut_tail_start(doc: &Document) -> Option<usize> {
    let text = doc.text.trim_end();
    let ends_open = text.chars().next_back().is_some_and(|c| {
        !(crate::text::is_sentence_end(c) || is_closer(c) || matches!(fold_char(c), '!' | '?'))
    });
    if !ends_open {
        return None;
    }
    Some(
        text.char_indices()
            .rev()
            // A full stop, not a semicolon: an aside in brackets often holds ；.
            .find(|&(_, c)| matches!(c, '。' | '!' | '！' | '?' | '？' | '\n'))
            .map_or(0, |(i, c)| i + c.len_utf8()),
    )
}
