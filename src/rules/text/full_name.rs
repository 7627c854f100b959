//! `text.full-name`: a short form (县民政局) used before the organisation's
//! full name (某某县民政局) has been written out once (`fullNames` in the
//! configuration). Only the first such short form is flagged: after it the
//! reader knows the name. Short forms inside the full name itself do not count.

use crate::document::Document;
use crate::report::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct FullName;

pub static INFO: RuleInfo = RuleInfo {
    code: "text.full-name",
    family: Category::Text,
    severity: Severity::Warning,
    summary: "单位名称首次出现未用全称",
    explanation: "单位可在配置文件的 wording.fullNames 中列出须写全称的名称及其简称（正则表达式）。简称出现在全称之前时，提示在首次提及处使用全称；全称写出之后再用简称不提示。没有配置时本规则不提示。",
    example: r#"（配置 {"full": "青山县民政局", "short": ["县?民政局"]}）2023年工作总结 一、工作成效 县民政局推进……"#,
    near_miss: r#"（同一配置）青山县民政局2023年工作总结 一、工作成效 县民政局推进……"#,
};

impl Rule for FullName {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        let text = doc.text;
        for entry in &ctx.wording.full_names {
            if entry.full.is_empty() {
                continue;
            }
            // Occurrences of the full name, in order (same length, never overlapping):
            // only the last one starting at or before a short form can cover it.
            let fulls: Vec<(usize, usize)> = text
                .match_indices(entry.full.as_str())
                .map(|(i, m)| (i, i + m.len()))
                .collect();
            let inside_full = |start: usize, end: usize| {
                let i = fulls.partition_point(|&(a, _)| a <= start);
                i > 0 && fulls[i - 1].1 >= end
            };
            let first_short = entry
                .short
                .iter()
                .filter_map(|p| {
                    p.find_iter(text)
                        .find(|&(s, e)| s < e && !inside_full(s, e))
                })
                .min();
            let Some((start, end)) = first_short else {
                continue;
            };
            if fulls.first().is_some_and(|&(f, _)| f < start) {
                continue;
            }
            let short = &text[start..end];
            let full = &entry.full;
            let d = self
                .diagnostic(
                    start..end,
                    format!("首次提及应使用全称“{full}”，“{short}”只能在全称出现之后使用"),
                )
                // The short form may name another body (市民政局 for 民政局): a guess.
                .with_suggestion(start..end, full.clone(), Applicability::Unsafe);
            out.push(d);
        }
    }
}
