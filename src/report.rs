//! What a check produces. Inside the core a [`Diagnostic`] holds byte spans;
//! [`Report::new`] converts every span once, at the boundary, into the JSON
//! shape of DESIGN.md (UTF-16 `start`/`end` plus 1-based line and column).

use crate::outline::OutlineView;
use crate::text::{OffsetIndex, Span};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Structure,
    Numbering,
    Numbers,
    Data,
    Period,
    Text,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Structure => "structure",
            Category::Numbering => "numbering",
            Category::Numbers => "numbers",
            Category::Data => "data",
            Category::Period => "period",
            Category::Text => "text",
        }
    }

    /// The heading the page groups findings under.
    pub fn label_zh(self) -> &'static str {
        match self {
            Category::Structure => "结构",
            Category::Numbering => "序号",
            Category::Numbers => "数字",
            Category::Data => "缺失数据",
            Category::Period => "时间",
            Category::Text => "文字规范",
        }
    }
}

/// Another place a finding involves (the other figure of a conflict, a part of a sum).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// A replacement that is certain to be right (a stray 、 removed, a width fixed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub span: Span,
    pub replacement: String,
}

/// One finding, with byte spans into the checked text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub related: Vec<Related>,
    pub suggestions: Vec<Suggestion>,
}

impl Diagnostic {
    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_suggestion(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.suggestions.push(Suggestion {
            span,
            replacement: replacement.into(),
        });
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}

// ---- the boundary shape -------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct JsonSpan {
    /// UTF-16 code units: `text.slice(start, end)` in JS is the flagged text.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column of `start` (column in Unicode characters).
    pub line: usize,
    pub column: usize,
}

impl JsonSpan {
    pub fn new(index: &OffsetIndex, span: &Span) -> Self {
        let s = index.position(span.start);
        JsonSpan {
            start: s.utf16,
            end: index.utf16(span.end),
            line: s.line,
            column: s.column,
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
