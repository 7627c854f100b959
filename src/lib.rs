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
    /// Rule codes to skip: `["text.punctuation"]`. An unknown code is an error.
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

    /// The rules' context for a check with these options.
    fn context<'a>(&'a self, template: &'a template::Template) -> rules::Context<'a> {
        rules::Context::new(template, &self.wording)
    }

    /// Every rule code the options name must be a rule's: a misspelt code
    /// would otherwise silently leave its rule on, or its severity unchanged.
    pub fn validate(&self) -> Result<(), OptionsError> {
        let known: Vec<&'static str> = rules::registry().iter().map(|r| r.code).collect();
        let named = self
            .disabled_rules
            .iter()
            .map(|c| (c, "disabledRules"))
            .chain(self.severity.keys().map(|c| (c, "severity")));
        for (code, key) in named {
            if !known.contains(&code.as_str()) {
                return Err(OptionsError(format!(
                    "未知的规则“{code}”（{key}）。规则代码形如“numbers.conflict”，全部代码见 report-check rules。"
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
    // Traditional characters are read as simplified: same offsets.
    let folded = text::fold_traditional(text);
    let text: &str = &folded;
    let doc = Document::parse(text);
    let template = template_for(&doc, options)?;
    let ctx = options.context(&template);
    let diagnostics = run_rules(&doc, &ctx, options);
    let index = text::OffsetIndex::new(text, &doc.lines);
    let mut outline = report::OutlineView::new(&doc.outline, text, &index);
    label_sections(&ctx, &doc, &mut outline);
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
/// satisfies (results / methods / problems / plans …), by the same template,
/// the same top-level headings and the same matcher the section checks use.
fn label_sections(ctx: &rules::Context, doc: &Document, view: &mut report::OutlineView) {
    let kinds = ctx.section_kinds(doc);
    for (i, kind) in doc.outline.top_level().into_iter().zip(kinds) {
        view.sections[i].kind = kind.map(|k| ctx.template.sections[k].id.clone());
    }
}

/// Runs every enabled rule on a parsed document; findings sorted by position.
pub fn check_document(doc: &Document, options: &Options) -> Result<Vec<Diagnostic>, OptionsError> {
    options.validate()?;
    let template = template_for(doc, options)?;
    Ok(run_rules(doc, &options.context(&template), options))
}

fn run_rules(doc: &Document, ctx: &rules::Context, options: &Options) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in rules::all() {
        if options.disabled_rules.iter().any(|id| id == rule.id()) {
            continue;
        }
        let from = out.len();
        rule.check(doc, ctx, &mut out);
        if let Some(&severity) = options.severity.get(rule.id()) {
            out[from..].iter_mut().for_each(|d| d.severity = severity);
        }
    }
    text::sort_stable_by(&mut out, |a, b| {
        (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
    });
    out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
    out
}
