//! The organisation's own word lists, from the configuration: names that must
//! be written in full at first mention, phrasings that are forbidden or
//! outdated (with the form to use instead), and standard formulations added to
//! the built-in list of `text.formulation` (which the configuration may switch off). Patterns are regular expressions,
//! compiled once when the options are read, so a bad pattern is an error that
//! quotes it, never a silent miss.
//!
//! Natively the `regex` crate matches (literal prefilters keep a long list
//! cheap on a 10 MB draft); the page uses `regex-lite`, a fraction of the size.
//! Native builds compile every pattern with regex-lite as well, so a
//! configuration accepted by the CLI or the server is accepted by the page.

use serde::{Deserialize, Deserializer};

#[cfg(not(target_arch = "wasm32"))]
type Engine = regex::Regex;
#[cfg(target_arch = "wasm32")]
type Engine = regex_lite::Regex;

/// One compiled pattern, with its source for messages.
#[derive(Debug, Clone)]
pub struct Pattern {
    source: String,
    engine: Engine,
}

impl Pattern {
    pub fn new(source: &str) -> Result<Pattern, String> {
        if source.is_empty() {
            return Err("词表中有空的正则".to_string());
        }
        let bad = |e: &dyn std::fmt::Display| format!("正则“{source}”有误：{e}");
        // The page's engine decides what is allowed (no \p{…} classes there).
        #[cfg(not(target_arch = "wasm32"))]
        regex_lite::Regex::new(source).map_err(|e| bad(&e))?;
        let engine = Engine::new(source).map_err(|e| bad(&e))?;
        if engine.is_match("") {
            return Err(format!("正则“{source}”能匹配空文本，会处处命中"));
        }
        Ok(Pattern {
            source: source.to_string(),
            engine,
        })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// Is the pattern plain text, with no regex syntax (精准扶贫)?
    pub fn is_literal(&self) -> bool {
        !self.source.contains([
            '\\', '.', '+', '*', '?', '(', ')', '|', '[', ']', '{', '}', '^', '$',
        ])
    }

    /// Byte ranges of the non-overlapping matches in `text`.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
        self.engine.find_iter(text).map(|m| (m.start(), m.end()))
    }

    pub fn find_at(&self, text: &str, at: usize) -> Option<(usize, usize)> {
        self.engine.find_at(text, at).map(|m| (m.start(), m.end()))
    }
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let source = String::deserialize(d)?;
        Pattern::new(&source).map_err(serde::de::Error::custom)
    }
}

/// A name the organisation wants in full at its first mention: 县民政局 may
/// stand only after “某某县民政局” has been written out once.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FullName {
    /// The full name, literally.
    pub full: String,
    /// Patterns of the short forms (abbreviations) that need the full name first.
    pub short: Vec<Pattern>,
}

/// A forbidden or outdated phrasing: `精准扶贫` → `巩固拓展脱贫攻坚成果`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrasing {
    pub pattern: Pattern,
    /// The form to use instead (offered as the replacement), if there is one.
    #[serde(default)]
    pub preferred: Option<String>,
    /// Why, in the organisation's words (shown after the message).
    #[serde(default)]
    pub note: Option<String>,
}

/// A standard formulation of the organisation's own (`text.formulation`): the
/// canonical wording and the garbled or shortened forms written for it. A
/// wrong form found inside the canonical wording itself (新时代…思想 inside
/// 习近平新时代…思想) or inside a quotation is not a finding.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Formulation {
    /// The canonical wording, literally (offered as the replacement).
    #[serde(deserialize_with = "non_empty")]
    pub canonical: String,
    /// Patterns of the wrong forms.
    pub wrong: Vec<Pattern>,
    /// Why, or where the wording comes from (shown after the message).
    #[serde(default)]
    pub note: Option<String>,
}

fn non_empty<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s.is_empty() {
        return Err(serde::de::Error::custom("规范提法（canonical）不能为空"));
    }
    Ok(s)
}

/// The lists. The organisation's own are empty by default; the built-in
/// formulations of `text.formulation` are on unless `defaultFormulations` is false.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Wording {
    pub full_names: Vec<FullName>,
    pub forbidden: Vec<Phrasing>,
    /// Formulations added to the built-in list.
    pub formulations: Vec<Formulation>,
    /// Whether the built-in list of standard formulations is checked.
    pub default_formulations: bool,
}

impl Default for Wording {
    fn default() -> Self {
        Wording {
            full_names: Vec::new(),
            forbidden: Vec::new(),
            formulations: Vec::new(),
            default_formulations: true,
        }
    }
}

impl Wording {
    /// No list of the organisation's own (the built-in formulations aside).
    pub fn is_empty(&self) -> bool {
        self.full_names.is_empty() && self.forbidden.is_empty() && self.formulations.is_empty()
    }
}
