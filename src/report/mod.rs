//! What a check produces. Inside the core a [`Diagnostic`] holds byte spans;
//! [`Report::new`] (in `json`) converts every span once, at the boundary, into
//! the JSON shape of DESIGN.md (UTF-16 `start`/`end` plus 1-based line and
//! column). The boundary shapes — the JSON report and the outline view — live
//! here, in the report layer: the model (`outline`, `document`) never sees them.

use crate::text::Span;
use serde::{Deserialize, Serialize};

mod json;
mod outline_view;

pub use json::{JsonDiagnostic, JsonRelated, JsonSpan, JsonSuggestion, Report, Summary};
pub use outline_view::{OutlineItem, OutlineSection, OutlineView, PeriodView};

// Deserialize: the configuration changes severities (`"severity": {"…": "info"}`).
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

/// How sure a suggested replacement is, as ruff models it. Only a safe fix
/// may be applied in one click; the others are shown for the writer to judge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Certainly right and changes nothing else: a doubled 、 removed, a width fixed.
    Safe,
    /// Probably right, but a guess the writer must confirm: a character restored
    /// from the sibling headings, 元 appended, a paragraph deleted.
    Unsafe,
    /// Shows what is meant; not text to insert as it stands.
    DisplayOnly,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

/// A replacement for `span`, with how sure it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub span: Span,
    pub replacement: String,
    pub applicability: Applicability,
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

    /// Suggests `replacement` for `span`; every fix says how sure it is.
    pub fn with_suggestion(
        mut self,
        span: Span,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Self {
        self.suggestions.push(Suggestion {
            span,
            replacement: replacement.into(),
            applicability,
        });
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}
