//! The outline as it leaves the core, for a host page's document map: the
//! title, the reporting period as ISO dates, and every heading with its span.

use super::JsonSpan;
use crate::outline::{days_in_month, Outline};
use crate::text::OffsetIndex;
use serde::Serialize;

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

impl OutlineView {
    pub fn new(outline: &Outline, text: &str, index: &OffsetIndex) -> OutlineView {
        OutlineView {
            title: outline.title.as_ref().map(|s| OutlineItem {
                text: text[s.clone()].to_string(),
                span: JsonSpan::new(index, s),
            }),
            period: outline.period.as_ref().map(|p| PeriodView {
                label: p.label.clone(),
                start: format!("{:04}-{:02}-01", p.year, p.start_month),
                end: format!(
                    "{:04}-{:02}-{:02}",
                    p.year,
                    p.end_month,
                    days_in_month(p.year, p.end_month)
                ),
            }),
            sections: outline
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
