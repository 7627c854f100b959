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

#[cfg(not(target_arch = "wasm32"))]
pub mod eval;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

use document::Document;
use report::{Diagnostic, Report};
use serde::Deserialize;
use template::TemplateChoice;

/// Caller's options (JS object / CLI flags). Every field is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Options {
    /// A preset name (`quarterly`, `half-year`, `annual` …) or a template object.
    pub template: Option<TemplateChoice>,
    /// Rule codes to skip: `["text.punctuation"]`. An unknown code is an error.
    pub disabled_rules: Vec<String>,
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
    check_rule_codes(options)?;
    let doc = Document::parse(text);
    let template = template_for(&doc, options)?;
    let ctx = rules::Context::new(&template);
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
    check_rule_codes(options)?;
    let template = template_for(doc, options)?;
    Ok(run_rules(doc, &rules::Context::new(&template), options))
}

/// Every code in `disabledRules` must be a rule's: a misspelt code would
/// otherwise silently leave its rule on.
fn check_rule_codes(options: &Options) -> Result<(), OptionsError> {
    let registry = rules::registry();
    match options
        .disabled_rules
        .iter()
        .find(|code| !registry.iter().any(|r| r.code == code.as_str()))
    {
        Some(code) => Err(OptionsError(format!(
            "未知的规则“{code}”（disabledRules）。规则代码形如“numbers.conflict”，全部代码见 report-check rules。"
        ))),
        None => Ok(()),
    }
}

fn run_rules(doc: &Document, ctx: &rules::Context, options: &Options) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in rules::all() {
        if options.disabled_rules.iter().any(|id| id == rule.id()) {
            continue;
        }
        rule.check(doc, ctx, &mut out);
    }
    out.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
    out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
    out
}
