//! `structure.title`: the draft has no title, its title names no period
//! (year) though it is a summary (总结 / 汇报 / 述职; a 政府工作报告 or a 通知 need not), the title runs straight into the body, or the title line is
//! repeated after the body has begun.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub struct Title;

impl Rule for Title {
    fn id(&self) -> &'static str {
        "structure.title"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(first) = doc.paragraphs.first() else {
            return;
        };
        let outline = &doc.outline;
        let Some(title) = &outline.title else {
            let end = doc
                .sentences
                .get(first.sentences.start)
                .map_or(first.span.end, |s| s.span.end.min(first.span.start + 60));
            let end = crate::text::floor_boundary(doc.text, end);
            out.push(self.diagnostic(
                first.span.start..end,
                "文稿缺少标题。标题应写明单位、时限、内容和文种，如“××镇2020年上半年工作总结”。".to_string(),
            ));
            return;
        };
        let text = doc.slice(title);
        if let Some(at) = outline.title_glued_at {
            let from = text
                .char_indices()
                .rev()
                .nth(3)
                .map_or(title.start, |(i, _)| title.start + i);
            // Up to four characters of the body glued on, within the title's paragraph.
            let paragraph_end = outline
                .title_paragraph
                .map_or(first.span.end, |pi| doc.paragraphs[pi].span.end);
            let to = doc.text[at..paragraph_end]
                .char_indices()
                .nth(4)
                .map_or(paragraph_end, |(i, _)| at + i);
            out.push(
                self.diagnostic(from..to, "标题与正文连在一起，请在标题后换行。".to_string())
                    .with_severity(Severity::Error),
            );
        }
        let periodic = crate::outline::PERIODIC_KINDS
            .iter()
            .any(|k| text.contains(k));
        if outline.period.is_none() && periodic {
            out.push(self.diagnostic(
                title.clone(),
                format!("标题“{text}”没有写明时限（如“2020年上半年”），请补上。"),
            ));
        }
        // The title line again after the body began (page chrome repeats it before the body: that is left alone).
        let Some(tp) = outline.title_paragraph else {
            return;
        };
        let body_started = |pi: usize| {
            (tp + 1..pi).any(|k| doc.slice(&doc.paragraphs[k].span).chars().count() > 60)
        };
        for (pi, p) in doc.paragraphs.iter().enumerate().skip(tp + 1) {
            if doc.slice(&p.span) == text && body_started(pi) {
                out.push(
                    self.diagnostic(
                        p.span.clone(),
                        format!("标题“{text}”在正文中重复出现，请删去这一行。"),
                    )
                    .with_related(title.clone(), "标题")
                    .with_suggestion(p.span.clone(), ""),
                );
            }
        }
    }
}
