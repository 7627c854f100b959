//! `text.glued-heading`: a heading or run-in marker followed by body text with
//! no full stop or colon between — （一）深入开展项目建设工作坚持抓项目促城市建设，把…,
//! 一是核心指标攻克难度大在重点项目建设中，….
//!
//! Where the heading ends cannot be read from one line alone, so the siblings
//! decide: when the other items of the list close a short heading with 。 or
//! a line break, an item whose first phrase runs far longer into a comma has
//! lost its stop. A narrative item (一是召开了…会议，…: 了 marks a report of
//! what was done, not a heading) is left alone.

use super::leads::{sibling_leads, Lead, LeadEnd};
use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct GluedHeading;

pub static INFO: RuleInfo = RuleInfo {
    code: "text.glued-heading",
    family: Category::Text,
    severity: Severity::Warning,
    summary: "标题与正文连在一起，中间缺少句号或换行",
    explanation: "同级其他标题都以句号或换行结束，这一项的标题却直接接着正文，读者分不清标题到哪里为止。请在标题后加句号或换行。",
    example: "（一）深入开展项目建设工作坚持抓项目促城市建设，把……",
    near_miss: "（一）深入开展项目建设工作。坚持抓项目促城市建设，把……",
};

/// A heading phrase longer than this is not a heading.
const MAX_HEADING: usize = 25;
/// A run-on first phrase shorter than this is an ordinary clause.
const MIN_GLUED: usize = 12;

fn is_heading_form(l: &Lead) -> bool {
    matches!(l.end, LeadEnd::Stop | LeadEnd::LineEnd) && l.chars > 0 && l.chars <= MAX_HEADING
}

impl Rule for GluedHeading {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        for (list, leads) in sibling_leads(doc, ctx, 2) {
            // At least half of the others must close a short heading.
            let formed = leads.iter().filter(|l| is_heading_form(l)).count();
            if formed == 0 || formed * 2 < leads.len() - 1 {
                continue;
            }
            // The longest well-formed sibling (the last of equals), and the
            // runner-up for when that one is the heading judged: found once, so
            // a list of 100,000 headings stays linear.
            let longest_formed = |skip: Option<usize>| {
                leads
                    .iter()
                    .enumerate()
                    .filter(|&(j, o)| Some(j) != skip && is_heading_form(o))
                    .map(|(j, o)| (j, o.chars))
                    .max_by_key(|&(_, n)| n)
            };
            let best = longest_formed(None);
            let runner_up = best.and_then(|(j, _)| longest_formed(Some(j)));
            for (i, l) in leads.iter().enumerate() {
                if l.end != LeadEnd::Comma
                    || l.chars < MIN_GLUED
                    || doc.slice(&l.span).contains('了')
                {
                    continue;
                }
                let other = if best.is_some_and(|(j, _)| j == i) {
                    runner_up
                } else {
                    best
                };
                let Some((example, longest)) = other else {
                    continue;
                };
                if l.chars < longest + 4 || l.chars * 2 < longest * 3 {
                    continue;
                }
                let marker = doc.slice(&list[i].marker);
                let sibling = &list[example];
                out.push(
                    self.diagnostic(
                        l.span.clone(),
                        format!(
                            "“{marker}”后的小标题可能与正文连在了一起：同级的“{}{}”在标题后断开，这里直到逗号才停。请在小标题末尾加句号，或把正文另起一段。",
                            doc.slice(&sibling.marker),
                            doc.slice(&leads[example].span)
                        ),
                    )
                    .with_related(leads[example].span.clone(), "同级小标题的写法"),
                );
            }
        }
    }
}
