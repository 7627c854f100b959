//! `structure.missing-section` and `structure.order`: the parts a summary
//! needs (results, problems, plans; methods optional) by template, matched by
//! meaning on the top-level headings, and in the expected order.
//!
//! Topical top-level headings (一、加强领导，明确责任) report results, so they
//! satisfy “results”. A draft with fewer than two top-level headings is not judged.

use crate::document::Document;
use crate::outline::NumberStyle;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub struct Sections;

impl Rule for Sections {
    fn id(&self) -> &'static str {
        "structure.missing-section"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        let template = ctx.template;
        // Top-level headings: 一、 if the draft has them, else （一）.
        let top: Vec<_> = {
            let han: Vec<_> = doc
                .outline
                .headings
                .iter()
                .filter(|h| h.style == NumberStyle::HanComma)
                .collect();
            if han.len() >= 2 {
                han
            } else {
                doc.outline
                    .headings
                    .iter()
                    .filter(|h| h.style == NumberStyle::HanParen)
                    .collect()
            }
        };
        if top.len() < 2 {
            return;
        }
        // Which template section each top heading satisfies (first match in template order).
        let matcher = template.section_matcher();
        let kinds: Vec<Option<usize>> = top
            .iter()
            .map(|h| matcher.first_section(doc.slice(&h.title)))
            .collect();
        let topical = kinds.iter().any(Option::is_none);
        let results = template.sections.iter().position(|s| s.id == "results");
        // Missing sections, grouped by where they belong: two missing before the
        // same heading make one finding that names both.
        let mut missing: Vec<(crate::text::Span, bool, Vec<&str>, &str)> = Vec::new();
        for (si, section) in template.sections.iter().enumerate() {
            let present = kinds.contains(&Some(si)) || (Some(si) == results && topical);
            if present {
                continue;
            }
            // Where it belongs: before the first heading of a later section, else at the end.
            let later = kinds.iter().position(|k| k.is_some_and(|k| k > si));
            let span = match later {
                Some(i) => top[i].marker.start..top[i].title.end,
                None => {
                    let last = doc.paragraphs.last().map_or(0..0, |p| p.span.clone());
                    let start = doc.text[..last.end]
                        .char_indices()
                        .rev()
                        .nth(5)
                        .map_or(last.start, |(i, _)| i.max(last.start));
                    start..last.end
                }
            };
            let place = if later.is_some() {
                "应在此部分之前"
            } else {
                "应在正文末尾"
            };
            match missing.iter_mut().find(|m| m.0 == span) {
                Some(m) => {
                    m.1 |= section.required;
                    m.2.push(&section.label);
                }
                None => missing.push((span, section.required, vec![&section.label], place)),
            }
        }
        for (span, required, labels, place) in missing {
            let names: Vec<String> = labels.iter().map(|l| format!("“{l}”")).collect();
            let d = self.diagnostic(
                span,
                format!(
                    "缺少{}部分（{place}）。“{}”模板要求写明{}。",
                    names.join("、"),
                    template.display_name(),
                    if labels.len() > 1 {
                        "这些部分"
                    } else {
                        "这一部分"
                    }
                ),
            );
            out.push(if required {
                d
            } else {
                d.with_severity(Severity::Info)
            });
        }
        // Order: each matched section must not come after a later one.
        let mut highest: Option<(usize, usize)> = None;
        for (i, k) in kinds.iter().enumerate() {
            let Some(k) = *k else { continue };
            if let Some((hk, hi)) = highest {
                if k < hk {
                    let mut d = self
                        .diagnostic(
                            top[i].marker.start..top[i].title.end,
                            format!(
                                "“{}”部分应放在“{}”之前。",
                                template.sections[k].label, template.sections[hk].label
                            ),
                        )
                        .with_severity(Severity::Warning)
                        .with_related(top[hi].marker.start..top[hi].title.end, "位置靠前的部分");
                    d.rule = "structure.order";
                    out.push(d);
                    continue;
                }
            }
            if highest.is_none_or(|(hk, _)| k > hk) {
                highest = Some((k, i));
            }
        }
    }
}
