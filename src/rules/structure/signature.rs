//! `structure.signature`: the issuing unit (落款) or the 成文日期 is missing at
//! the end. Also accepted when they stand under the title, as some drafts place them.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct Signature;

pub static INFO: RuleInfo = RuleInfo {
    code: "structure.signature",
    family: Category::Structure,
    severity: Severity::Warning,
    summary: "缺少落款单位或成文日期",
    explanation: "按 GB/T 9704，正式报送的总结应有落款单位和成文日期，没有落款的文稿无法确认出处和时间。请在文末补上单位名称和日期。",
    example: "……下一步，我们将继续努力。（文末没有单位和日期）",
    near_miss: "……下一步，我们将继续努力。\n××镇人民政府\n2022年12月20日",
};

impl Rule for Signature {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        // Only a document with a body to sign: a title naming its 文种, or a
        // 情况 of a stated period (某镇2022年上半年工作开展情况) — a headline
        // such as 元-4月某县项目建设进展情况 heads a news item, which is not
        // signed — and at least one heading.
        let Some(title) = &doc.outline.title else {
            return;
        };
        let t = doc.slice(title);
        let formal = crate::outline::names_doc_kind(t)
            || (t.trim_end().ends_with("情况") && doc.outline.period.is_some());
        if !formal || doc.outline.headings.is_empty() {
            return;
        }
        let Some(last) = doc.paragraphs.last() else {
            return;
        };
        let missing: Vec<&str> = [
            (doc.outline.signoff_unit.is_none(), "落款单位"),
            (doc.outline.signoff_date.is_none(), "成文日期"),
        ]
        .iter()
        .filter(|(m, _)| *m)
        .map(|(_, n)| *n)
        .collect();
        if missing.is_empty() {
            return;
        }
        let end = last.span.end;
        let start = doc.text[..end]
            .char_indices()
            .rev()
            .nth(5)
            .map_or(last.span.start, |(i, _)| i.max(last.span.start));
        out.push(self.diagnostic(
            start..end,
            format!(
                "文末缺少{}。请在正文后另起一行写发文单位，其下写成文日期（如“2020年7月10日”）。",
                missing.join("和")
            ),
        ));
    }
}
