//! report-checker: checks a Chinese work-summary draft (工作总结) for the
//! problems a reviewer circles — figures that contradict each other, parts that
//! do not add up, skipped heading numbers, missing sections, unfilled data.
//!
//! Pure Rust with no wasm or DOM types: the same core runs in the browser
//! (`wasm` module) and natively (the `report-check` CLI).
//!
//! Data flows one way: text → [`document::Document`] (outline + quantities,
//! built once) → [`rules`] → diagnostics → offsets converted once in
//! [`report::Report::new`].

pub mod document;
pub mod frames;
pub mod outline;
pub mod quantity;
pub mod report;
pub mod rules;
pub mod template;
pub mod text;
pub mod wording;

#[cfg(not(target_arch = "wasm32"))]
pub mod eval;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

use document::Document;
use report::Severity;
use report::{Diagnostic, Report};
use serde::Deserialize;
use std::collections::BTreeMap;
use template::TemplateChoice;

/// Caller's options: the JS object of `check()` / `attach()`, and the
/// configuration file the CLI and the server read (`--config`), one format.
/// Every field is optional; an unknown key is an error that names it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// A preset name (`quarterly`, `half-year`, `annual` …) or a template object.
    pub template: Option<TemplateChoice>,
    /// Rule codes to skip: `["text.punctuation"]`.
    pub disabled_rules: Vec<String>,
    /// Severities changed: `{"text.punctuation": "info"}`.
    pub severity: BTreeMap<String, Severity>,
    /// The organisation's word lists (`fullNames`, `forbidden`).
    pub wording: wording::Wording,
}

impl Options {
    /// Reads options from JSON (a configuration file); errors name the culprit.
    pub fn from_json(json: &str) -> Result<Options, OptionsError> {
        let options: Options =
            serde_json::from_str(json).map_err(|e| OptionsError(format!("配置有误：{e}")))?;
        options.validate()?;
        Ok(options)
    }

    /// Every rule code the options name must be a rule of the checker.
    pub fn validate(&self) -> Result<(), OptionsError> {
        let known: Vec<&'static str> = rules::all().iter().map(|r| r.id()).collect();
        let named = self
            .disabled_rules
            .iter()
            .map(|c| (c, "disabledRules"))
            .chain(self.severity.keys().map(|c| (c, "severity")));
        for (code, key) in named {
            if !known.contains(&code.as_str()) {
                return Err(OptionsError(format!(
                    "{key} 中的规则代码“{code}”不存在。可用：{}",
                    known.join("、")
                )));
            }
        }
        Ok(())
    }
}

/// An option the core cannot honour, reported instead of being silently ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsError(pub String);

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks `text` and returns the report with spans in UTF-16 units.
// Never inlined: profilers find the whole check under one name.
#[inline(never)]
pub fn check(text: &str, options: &Options) -> Result<Report, OptionsError> {
    options.validate()?;
    let doc = Document::parse(text);
    let template = template_for(&doc, options)?;
    let diagnostics = run_rules(&doc, &template, options);
    let index = text::OffsetIndex::new(text, &doc.lines);
    let mut outline = doc.outline.view(text, &index);
    label_sections(&template, &mut outline);
    Ok(Report::new(&index, &diagnostics, outline))
}

/// The template a check uses: the caller's own, a preset by name, or the
/// preset the title calls for (…上半年工作总结 → half-year).
pub fn template_for(doc: &Document, options: &Options) -> Result<template::Template, OptionsError> {
    match &options.template {
        Some(TemplateChoice::Custom(t)) => Ok(t.clone()),
        Some(TemplateChoice::Name(name)) => template::preset(name).ok_or_else(|| {
            OptionsError(format!(
                "未知的模板“{name}”。可用：{}",
                template::PRESET_NAMES.join("、")
            ))
        }),
        None => Ok(template::preset_for_title(
            doc.outline.title.as_ref().map_or("", |t| doc.slice(t)),
        )),
    }
}

/// Tells the document map which template section each top-level heading
/// satisfies (results / methods / problems / plans …), by the same template
/// the section check uses.
fn label_sections(template: &template::Template, outline: &mut outline::OutlineView) {
    let Some(top) = outline.sections.iter().map(|s| s.level).min() else {
        return;
    };
    for s in outline.sections.iter_mut().filter(|s| s.level == top) {
        s.kind = template
            .sections
            .iter()
            .find(|spec| spec.matches(&s.text))
            .map(|spec| spec.id.clone());
    }
}

/// Runs every enabled rule on a parsed document; findings sorted by position.
pub fn check_document(doc: &Document, options: &Options) -> Result<Vec<Diagnostic>, OptionsError> {
    options.validate()?;
    Ok(run_rules(doc, &template_for(doc, options)?, options))
}

fn run_rules(doc: &Document, template: &template::Template, options: &Options) -> Vec<Diagnostic> {
    let ctx = rules::Context {
        template,
        wording: &options.wording,
    };
    let mut out = Vec::new();
    for rule in rules::all() {
        if options.disabled_rules.iter().any(|id| id == rule.id()) {
            continue;
        }
        let from = out.len();
        rule.check(doc, &ctx, &mut out);
        if let Some(&severity) = options.severity.get(rule.id()) {
            out[from..].iter_mut().for_each(|d| d.severity = severity);
        }
    }
    out.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
    out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
    out
}
