//! `numbering.level`: a heading level used under the wrong parent — 1. straight
//! under 二、 when the draft itself puts 1. under （一） elsewhere. The draft's
//! own hierarchy is the yardstick: a draft that never puts 1. under （一） may
//! go from 一、 to 1. (common, and GB/T 9704 allows skipping a level).

use crate::document::Document;
use crate::outline::Heading;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct Level;

pub static INFO: RuleInfo = RuleInfo {
    code: "numbering.level",
    family: Category::Numbering,
    severity: Severity::Warning,
    summary: "序号层级用错（1. 直接放在一级标题下）",
    explanation: "GB/T 9704 的层级是“一、”“（一）”“1.”“（1）”。本文在别处把“1.”放在“（一）”之下，这里却直接放在“一、”之下，层级不一致。",
    example: "二、存在问题 1.资金不足……（别处为 一、→（一）→1.）",
    near_miss: "二、存在问题 （一）资金不足……",
};

/// The usual marker of a level, for messages.
fn level_example(level: u8) -> &'static str {
    match level {
        1 => "一、",
        2 => "（一）",
        3 => "1.",
        _ => "（1）",
    }
}

/// The headings that restate a number their list already used (一、… （二）…
/// 一、), by their marker's start: the draft's hierarchy is broken there —
/// `numbering.repeat` reports it — and the level of what stands under such
/// a heading cannot be judged against it. Read once per check.
fn restating_headings(ctx: &Context, doc: &Document) -> Vec<usize> {
    let hs = &doc.outline.headings;
    let mut at: Vec<usize> = ctx
        .lists(doc)
        .headings
        .iter()
        .flat_map(|list| list.windows(2))
        .filter(|w| {
            let (before, here) = (hs[w[0]].number, hs[w[1]].number);
            // A restart at 1 after a longer list begins a new list (the plan part).
            here == before || (here < before && here != 1)
        })
        .map(|w| hs[w[1]].marker.start)
        .collect();
    crate::text::sort_stable_by(&mut at, |a, b| a.cmp(b));
    at
}

impl Rule for Level {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        // Line-initial headings only: run-ins live in `outline.run_ins`.
        let hs = &doc.outline.headings;
        let mut used = [false; 6];
        for h in hs {
            used[h.style.level() as usize] = true;
        }
        // Which levels the draft nests directly under the level above them.
        let mut nested_properly = [false; 6];
        {
            let mut open = [false; 6];
            for h in hs {
                let level = h.style.level() as usize;
                if level > 1 && open[level - 1] {
                    nested_properly[level] = true;
                }
                open[level] = true;
                for o in open.iter_mut().skip(level + 1) {
                    *o = false;
                }
            }
        }
        let restating = restating_headings(ctx, doc);
        let restates_a_number = |p: &Heading| restating.binary_search(&p.marker.start).is_ok();
        // The nearest open heading at each level (the parent chain).
        let mut open: [Option<&Heading>; 6] = [None; 6];
        // The parent under which a skip was already reported (once per parent).
        let mut reported: Option<usize> = None;
        for h in hs {
            let level = h.style.level() as usize;
            let parent = (1..level).rev().find_map(|l| open[l].map(|p| (l, p)));
            // A skipped level the draft uses, under a parent not yet reported.
            let skip = parent
                .filter(|_| nested_properly[level])
                .filter(|&(_, p)| !restates_a_number(p))
                .and_then(|(pl, p)| Some((p, (pl + 1..level).find(|&m| used[m])?)))
                .filter(|(p, _)| reported != Some(p.marker.start));
            if let Some((p, missing)) = skip {
                reported = Some(p.marker.start);
                let here = doc.slice(&h.marker);
                let example = level_example(missing as u8);
                let message = format!(
                    "层级不一致：“{here}”直接排在“{}”之下，跳过了“{example}”这一级；文中别处是“{example}”下再分“{here}”。请补上中间一级或统一层级。",
                    doc.slice(&p.marker)
                );
                out.push(
                    self.diagnostic(h.marker.clone(), message)
                        .with_related(p.marker.clone(), "上一级标题"),
                );
            }
            open[level] = Some(h);
            for o in open.iter_mut().skip(level + 1) {
                *o = None;
            }
        }
    }
}
