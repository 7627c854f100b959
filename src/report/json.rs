//! The boundary shape of a report: every byte span converted once into UTF-16
//! `start`/`end` plus 1-based line and column.

use super::{Applicability, Category, Diagnostic, OutlineView, Severity};
use crate::text::{OffsetIndex, Span};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct JsonSpan {
    /// UTF-16 code units: `text.slice(start, end)` in JS is the flagged text.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column of `start` (column in Unicode characters).
    pub line: usize,
    pub column: usize,
    /// 1-based paragraph of `start`, blank lines not counted: the same for a
    /// draft whatever editor holds it (rich editors have no blank lines).
    pub paragraph: usize,
}

impl JsonSpan {
    pub fn new(index: &OffsetIndex, span: &Span) -> Self {
        let s = index.position(span.start);
        JsonSpan {
            start: s.utf16,
            end: index.utf16(span.end),
            line: s.line,
            column: s.column,
            paragraph: index.paragraph(span.start),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct JsonRelated {
    pub span: JsonSpan,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct JsonSuggestion {
    pub span: JsonSpan,
    pub replacement: String,
    /// `safe` (apply in one click), `unsafe` (a guess to confirm) or `display-only`.
    pub applicability: Applicability,
}

#[derive(Debug, Clone, Serialize)]
pub struct JsonDiagnostic {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    pub span: JsonSpan,
    pub related: Vec<JsonRelated>,
    pub suggestions: Vec<JsonSuggestion>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub diagnostics: Vec<JsonDiagnostic>,
    pub summary: Summary,
    pub outline: OutlineView,
}

impl Report {
    pub fn new(index: &OffsetIndex, diagnostics: &[Diagnostic], outline: OutlineView) -> Self {
        let mut summary = Summary::default();
        let diagnostics = diagnostics
            .iter()
            .map(|d| {
                match d.severity {
                    Severity::Error => summary.error += 1,
                    Severity::Warning => summary.warning += 1,
                    Severity::Info => summary.info += 1,
                }
                JsonDiagnostic {
                    rule: d.rule,
                    category: d.category,
                    severity: d.severity,
                    message: d.message.clone(),
                    span: JsonSpan::new(index, &d.span),
                    related: d
                        .related
                        .iter()
                        .map(|r| JsonRelated {
                            span: JsonSpan::new(index, &r.span),
                            message: r.message.clone(),
                        })
                        .collect(),
                    suggestions: d
                        .suggestions
                        .iter()
                        .map(|s| JsonSuggestion {
                            span: JsonSpan::new(index, &s.span),
                            replacement: s.replacement.clone(),
                            applicability: s.applicability,
                        })
                        .collect(),
                }
            })
            .collect();
        Report {
            diagnostics,
            summary,
            outline,
        }
    }

    pub fn has_errors(&self) -> bool {
        self.summary.error > 0
    }
}
