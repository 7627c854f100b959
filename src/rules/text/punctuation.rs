//! `text.punctuation`: doubled or misplaced marks with a certain fix —
//! 、等 (no 、 before 等), 、、, ，，, 。。 — and half-width marks in a text
//! that otherwise uses full-width ones (GB/T 15834), as a note.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule};
use crate::text::is_han;

pub struct Punctuation;

impl Rule for Punctuation {
    fn id(&self) -> &'static str {
        "text.punctuation"
    }
    fn category(&self) -> Category {
        Category::Text
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        // Does the draft use full-width commas at all? Only then is a half-width one a slip.
        let full_width_text = doc.text.contains('，');
        for p in &doc.paragraphs {
            let s = doc.slice(&p.span);
            let mut prev: Option<(usize, char)> = None;
            for (i, c) in s.char_indices() {
                let pos = p.span.start + i;
                if let Some((j, pc)) = prev {
                    let ppos = p.span.start + j;
                    if pc == '、' && c == '等' {
                        out.push(
                            self.diagnostic(
                                ppos..pos + c.len_utf8(),
                                "“等”前不用顿号，请删去“、”。".to_string(),
                            )
                            .with_suggestion(ppos..pos, ""),
                        );
                    } else if pc == c && matches!(c, '、' | '，' | '。' | '；' | '：' | ',') {
                        out.push(
                            self.diagnostic(
                                ppos..pos + c.len_utf8(),
                                format!("标点“{c}”重复，请删去一个。"),
                            )
                            .with_suggestion(ppos..pos + c.len_utf8(), c.to_string()),
                        );
                    } else if full_width_text
                        && matches!(c, ',' | ';' | ':')
                        && is_han(pc)
                        && s[i + 1..].chars().next().is_some_and(is_han)
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
                            .with_suggestion(pos..pos + 1, fw),
                        );
                    }
                }
                prev = Some((i, c));
            }
        }
    }
}
