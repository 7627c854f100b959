//! Expected-section templates: what a quarterly / half-year / annual summary
//! must contain. Built-in presets plus JSON templates from the caller.
//!
//! (Walking-skeleton version: the types. Issue #4 adds the presets and matching.)

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionSpec {
    /// Stable id: `results`, `methods`, `problems`, `plans` …
    pub id: String,
    /// Chinese label used in messages: 工作成效 …
    pub label: String,
    /// Heading patterns that satisfy the section (substrings of the heading text).
    pub patterns: Vec<String>,
    #[serde(default = "yes")]
    pub required: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub name: String,
    pub sections: Vec<SectionSpec>,
}

/// What the caller asks for: a preset by name, or a template of its own.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum TemplateChoice {
    Name(String),
    Custom(Template),
}

/// Names of the built-in presets.
pub const PRESET_NAMES: &[&str] = &[];

/// A built-in preset by name.
pub fn preset(name: &str) -> Option<Template> {
    let _ = name;
    None
}
