//! `structure.order`: the parts of a summary out of their expected order —
//! 下一步打算 before 存在问题. Each part matched to a template section must
//! not come after a part of a later section.

use super::parts::parts;
use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::template::SectionMatcher;

pub struct Order;

pub static INFO: RuleInfo = RuleInfo {
    code: "structure.order",
    family: Category::Structure,
    severity: Severity::Warning,
    summary: "各部分顺序颠倒（如“下一步打算”写在“存在问题”之前）",
    explanation: "总结的常规顺序是成效、做法、问题、打算；顺序颠倒会让读者误以为打算针对的不是前文的问题。请调整一级标题的顺序。",
    example: "一、工作成效……二、下一步打算……三、存在问题……",
    near_miss: "一、工作成效……二、存在问题……三、下一步打算……",
};

/// Words that join two topics in one heading: 学生情况及扩班计划.
const CONJUNCTIONS: &[&str] = &["以及", "及", "和", "与", "暨"];

/// A heading joining topics whose first names no part of a summary
/// (学生情况及扩班计划: a section on the students, with a plan for more
/// classes) is no part in the summary's order. 存在问题及下步打算 and
/// 下一步打算和建议 lead with a part.
fn partly_a_part(title: &str, matcher: &SectionMatcher) -> bool {
    let first = CONJUNCTIONS
        .iter()
        .filter_map(|c| title.find(c))
        .min()
        .map(|at| &title[..at]);
    first.is_some_and(|t| !t.trim().is_empty() && matcher.first_section(t).is_none())
}

/// The part seen so far with the latest template section.
struct Latest {
    /// Its index into `template.sections`.
    section: usize,
    /// Its index into the top-level headings.
    heading: usize,
}

impl Rule for Order {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        // Parts out of order need two parts at least: `parts` is `None` below that.
        let (Some(parts), sections) = (parts(doc, ctx), &ctx.template.sections) else {
            return;
        };
        let matcher = ctx.template.section_matcher();
        let mut latest: Option<Latest> = None;
        for (i, k) in parts.kinds.iter().enumerate() {
            let Some(k) = *k else { continue };
            if partly_a_part(doc.slice(&parts.top[i].title), &matcher) {
                continue;
            }
            match &latest {
                Some(l) if k < l.section => {
                    out.push(
                        self.diagnostic(
                            parts.heading_span(i),
                            format!(
                                "“{}”部分应放在“{}”之前。",
                                sections[k].label, sections[l.section].label
                            ),
                        )
                        .with_related(parts.heading_span(l.heading), "位置靠前的部分"),
                    );
                }
                Some(l) if k <= l.section => {}
                _ => {
                    latest = Some(Latest {
                        section: k,
                        heading: i,
                    })
                }
            }
        }
    }
}
