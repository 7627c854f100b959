//! `text.punctuation`: doubled or misplaced marks with a certain fix —
//! 、等 (no 、 before 等), 、、, ，，, 。。 — and half-width marks in a text
//! that otherwise uses full-width ones (GB/T 15834), as a note; a prose
//! paragraph that stops without its full stop, or breaks off after a comma.

use crate::document::Document;
use crate::report::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::is_han;

pub struct Punctuation;

pub static INFO: RuleInfo = RuleInfo {
    code: "text.punctuation",
    family: Category::Text,
    severity: Severity::Warning,
    summary: "标点误用（、等，重复标点，全半角混用，段末缺句号）",
    explanation: "GB/T 15834：“等”前不加顿号，标点不重复，中文正文用全角标点，段落以句号收尾。删去多余标点、改为全角是确定的修改，可一键采纳。",
    example: "甲村、乙村、等",
    near_miss: "甲村、乙村等",
};

impl Rule for Punctuation {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        // Does the draft use full-width commas at all? Only then is a half-width one a slip.
        let full_width_text = doc.marks.iter().any(|&(_, c)| c == '，');
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            let s = doc.slice(&p.span);
            // Every finding ends on a mark (、等 is found from its 、): only
            // the paragraph's marks are read.
            for &(pos, c) in doc.paragraph_marks(pi) {
                if !matches!(c, '、' | '，' | '。' | '；' | '：' | ',' | ';' | ':' | '.') {
                    continue;
                }
                let i = pos - p.span.start;
                let next = s[i + c.len_utf8()..].chars().next();
                if c == '、' && next == Some('等') {
                    let end = pos + c.len_utf8() + '等'.len_utf8();
                    out.push(
                        self.diagnostic(pos..end, "“等”前不用顿号，请删去“、”。".to_string())
                            .with_suggestion(pos..pos + c.len_utf8(), "", Applicability::Safe),
                    );
                }
                let Some(pc) = s[..i].chars().next_back() else {
                    continue;
                };
                let ppos = pos - pc.len_utf8();
                if c == '.' {
                    if full_width_text && ends_chinese_sentence(&s[..i], next) {
                        out.push(
                            self.diagnostic(
                                pos..pos + 1,
                                "中文句末应使用句号“。”，不用半角“.”。".to_string(),
                            )
                            .with_suggestion(
                                pos..pos + 1,
                                "。",
                                Applicability::Safe,
                            ),
                        );
                    }
                    continue;
                }
                if pc == c && matches!(c, '、' | '，' | '。' | '；' | '：' | ',') {
                    out.push(
                        self.diagnostic(
                            ppos..pos + c.len_utf8(),
                            format!("标点“{c}”重复，请删去一个。"),
                        )
                        .with_suggestion(
                            ppos..pos + c.len_utf8(),
                            c.to_string(),
                            Applicability::Safe,
                        ),
                    );
                } else if full_width_text
                    && matches!(c, ',' | ';' | ':')
                    && is_han(pc)
                    && next.is_some_and(is_han)
                {
                    let fw = match c {
                        ',' => "，",
                        ';' => "；",
                        _ => "：",
                    };
                    out.push(
                        self.diagnostic(
                            pos..pos + 1,
                            format!("中文行文中应使用全角标点“{fw}”，不用半角“{c}”。"),
                        )
                        .with_severity(Severity::Info)
                        .with_suggestion(
                            pos..pos + 1,
                            fw,
                            Applicability::Safe,
                        ),
                    );
                }
            }
        }
        self.paragraph_ends(doc, out);
    }
}

/// A half-width `.` after `before` (the paragraph up to it) and before
/// `next` ends a Chinese sentence: Han before it, Han or the paragraph end
/// after it. Not a decimal point (1.5), a web or e-mail address (ASCII on
/// either side), an ellipsis (..) or a heading marker (一.).
fn ends_chinese_sentence(before: &str, next: Option<char>) -> bool {
    let after_han = before.chars().next_back().is_some_and(is_han);
    let heading_marker = before.chars().all(crate::quantity::is_han_digit);
    after_han && !heading_marker && next.is_none_or(is_han)
}

impl Punctuation {
    /// A prose paragraph (it has a full stop inside) must end with one too,
    /// and no paragraph ends on a comma.
    /// Headings, titles and sign-off lines have none and are left alone, and so
    /// is the last paragraph: a pasted excerpt may simply be cut off there.
    fn paragraph_ends(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some((_, body)) = doc.paragraphs.split_last() else {
            return;
        };
        for p in body {
            let s = doc.slice(&p.span);
            let Some(last) = s.chars().next_back() else {
                continue;
            };
            let inner = &s[..s.len() - last.len_utf8()];
            let at = p.span.end - last.len_utf8()..p.span.end;
            // A paragraph never ends on a comma; a missing full stop only matters in prose.
            if matches!(last, '，' | ',' | '、') && s.chars().count() >= 10 {
                out.push(self.diagnostic(at, format!("段落在“{last}”处断开：这句话没有说完就换了段。请与下一段连起来，或把句子补完整。")));
            } else if (is_han(last) || last.is_ascii_digit())
                && inner.contains('。')
                && s.chars().count() >= 20
            {
                out.push(
                    self.diagnostic(at.clone(), "段末缺少句号。".to_string())
                        .with_suggestion(p.span.end..p.span.end, "。", Applicability::Safe),
                );
            }
        }
    }
}
