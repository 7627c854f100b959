//! `structure.missing-section`: the parts a summary needs (results,
//! problems, plans; methods optional) by template, matched by meaning on the
//! top-level headings.
//!
//! Topical top-level headings (一、加强领导，明确责任) report results, so they
//! satisfy “results”. A draft with fewer than two top-level headings is not judged.

use super::parts::{parts, Parts};
use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::template::{SectionSpec, Template};
use crate::text::Span;

pub struct MissingSection;

pub static INFO: RuleInfo = RuleInfo {
    code: "structure.missing-section",
    family: Category::Structure,
    severity: Severity::Error,
    summary: "缺少模板要求的部分（成效、问题、打算等）",
    explanation: "工作总结一般应写明工作成效、存在问题和下一步打算；缺少“存在问题”或“下一步打算”，审核时通常会被退回。按模板（季度、半年、年度）核对一级标题，缺哪一部分就在相应位置补写。",
    example: "一、主要成效……二、主要做法……（全文没有问题和打算）",
    near_miss: "一、主要成效……二、存在问题……三、下一步打算……",
};

/// Sections missing at one place: two missing before the same heading make
/// one finding that names both.
struct MissingAt<'t> {
    span: Span,
    /// Where they belong, for the message.
    place: &'static str,
    /// One of them is required (else the finding is a note).
    required: bool,
    labels: Vec<&'t str>,
}

impl Rule for MissingSection {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        let template = ctx.template;
        let Some(parts) = parts(doc, ctx) else {
            return;
        };
        for m in missing(doc, template, &parts) {
            let names: Vec<String> = m.labels.iter().map(|l| format!("“{l}”")).collect();
            let these = if m.labels.len() > 1 {
                "这些部分"
            } else {
                "这一部分"
            };
            let d = self.diagnostic(
                m.span,
                format!(
                    "缺少{}部分（{}）。“{}”模板要求写明{these}。",
                    names.join("、"),
                    m.place,
                    template.display_name(),
                ),
            );
            out.push(if m.required {
                d
            } else {
                d.with_severity(Severity::Info)
            });
        }
    }
}

/// The template's sections that no top-level heading satisfies, grouped by
/// where they belong.
fn missing<'t>(doc: &Document, template: &'t Template, parts: &Parts) -> Vec<MissingAt<'t>> {
    let topical = parts.kinds.iter().any(Option::is_none);
    let results = template.sections.iter().position(|s| s.id == "results");
    let mut missing: Vec<MissingAt> = Vec::new();
    for (si, section) in template.sections.iter().enumerate() {
        let present = parts.kinds.contains(&Some(si)) || (Some(si) == results && topical);
        if present {
            continue;
        }
        let (span, place) = place_of(doc, parts, si);
        match missing.iter_mut().find(|m| m.span == span) {
            Some(m) => add(m, section),
            None => missing.push(MissingAt {
                span,
                place,
                required: section.required,
                labels: vec![&section.label],
            }),
        }
    }
    missing
}

fn add<'t>(m: &mut MissingAt<'t>, section: &'t SectionSpec) {
    m.required |= section.required;
    m.labels.push(&section.label);
}

/// Where section `si` belongs: before the first heading of a later section,
/// else at the end of the text (its last few characters).
fn place_of(doc: &Document, parts: &Parts, si: usize) -> (Span, &'static str) {
    if let Some(i) = parts.kinds.iter().position(|k| k.is_some_and(|k| k > si)) {
        return (parts.heading_span(i), "应在此部分之前");
    }
    let last = doc.paragraphs.last().map_or(0..0, |p| p.span.clone());
    let start = doc.text[..last.end]
        .char_indices()
        .rev()
        .nth(5)
        .map_or(last.start, |(i, _)| i.max(last.start));
    (start..last.end, "应在正文末尾")
}
