//! `structure.title`: the draft has no title; its title names no period
//! (year) though it is a summary (总结 / 汇报 / 述职; a 政府工作报告 or a 通知
//! need not), or writes its year without 年 (2021区卫健局工作总结); the title
//! runs straight into the body; the title line is repeated after the body has
//! begun; or a second title names another year (pasted from an old draft).

use crate::document::Document;
use crate::report::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::Span;

pub struct Title;

pub static INFO: RuleInfo = RuleInfo {
    code: "structure.title",
    family: Category::Structure,
    severity: Severity::Warning,
    summary: "标题缺失、未写年度（或年份后缺“年”）、与正文连在一起、在正文中重复，或文中另有年份不同的标题",
    explanation: "标题应写明单位、时限、内容和文种（如“××镇2020年上半年工作总结”），读者据此判断报告期；标题与正文连写、在正文中重复出现、年份后漏了“年”，或正文里夹着另一年份的标题（从旧稿粘贴），多是排版或粘贴失误。删除重复的标题段落会改动正文，需由撰写人确认。",
    example: "教育局2022年工作总结1.加快校舍建设……",
    near_miss: "教育局2022年工作总结（标题单独成行）",
};

impl Rule for Title {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(first) = doc.paragraphs.first() else {
            return;
        };
        let Some(title) = &doc.outline.title else {
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
        if let Some(at) = doc.outline.title_glued_at {
            out.push(self.glued(doc, title, at));
        }
        if doc.outline.period.is_none() {
            out.extend(self.no_period(doc, title));
        }
        self.repeated(doc, title, out);
    }
}

impl Title {
    /// …工作总结1.加快…: the title run into the body at `at`.
    fn glued(&self, doc: &Document, title: &Span, at: usize) -> Diagnostic {
        let from = doc
            .slice(title)
            .char_indices()
            .rev()
            .nth(3)
            .map_or(title.start, |(i, _)| title.start + i);
        // Up to four characters of the body glued on, within the title's paragraph.
        let paragraph_end = doc
            .outline
            .title_paragraph
            .map_or(title.end, |pi| doc.paragraphs[pi].span.end);
        let to = doc.text[at..paragraph_end]
            .char_indices()
            .nth(4)
            .map_or(paragraph_end, |(i, _)| at + i);
        self.diagnostic(from..to, "标题与正文连在一起，请在标题后换行。".to_string())
            .with_severity(Severity::Error)
    }

    /// A title that names no period: its year lacks 年 (2021区卫健局工作总结),
    /// or a summary's title names none at all.
    fn no_period(&self, doc: &Document, title: &Span) -> Option<Diagnostic> {
        let text = doc.slice(title);
        if let Some(at) = bare_year(text) {
            let year = title.start + at..title.start + at + 4;
            let y = doc.slice(&year);
            return Some(
                self.diagnostic(
                    year.clone(),
                    format!("标题中的年份“{y}”后缺少“年”字，应为“{y}年”。"),
                )
                .with_suggestion(year.end..year.end, "年", Applicability::Safe),
            );
        }
        let periodic = crate::outline::PERIODIC_KINDS
            .iter()
            .any(|k| text.contains(k));
        periodic.then(|| {
            self.diagnostic(
                title.clone(),
                format!("标题“{text}”没有写明时限（如“2020年上半年”），请补上。"),
            )
        })
    }

    /// The title line again after the body began (page chrome repeats it
    /// before the body: that is left alone).
    fn repeated(&self, doc: &Document, title: &Span, out: &mut Vec<Diagnostic>) {
        let Some(tp) = doc.outline.title_paragraph else {
            return;
        };
        let text = doc.slice(title);
        let body_started = |pi: usize| {
            (tp + 1..pi).any(|k| doc.slice(&doc.paragraphs[k].span).chars().count() > 60)
        };
        let year = doc.outline.period.as_ref().map(|p| p.year);
        for (pi, p) in doc.paragraphs.iter().enumerate().skip(tp + 1) {
            let line = doc.slice(&p.span);
            if line == text && body_started(pi) {
                out.push(
                    self.diagnostic(
                        p.span.clone(),
                        format!("标题“{text}”在正文中重复出现，请删去这一行。"),
                    )
                    .with_related(title.clone(), "标题")
                    .with_suggestion(p.span.clone(), "", Applicability::Unsafe),
                );
            } else if let Some(other) = year.and_then(|y| other_year_title(doc, pi, y)) {
                out.push(
                    self.diagnostic(
                        p.span.clone(),
                        format!(
                            "文中另有一个标题“{line}”，年份（{other}年）与文首标题（{}年）不一致，可能是从旧稿粘贴来的，请核对。",
                            year.unwrap_or_default()
                        ),
                    )
                    .with_related(title.clone(), "文首标题"),
                );
            }
        }
    }
}

/// Paragraph `pi` is a second title naming another year than `year`: a
/// short line, not a heading, without sentence punctuation, naming a
/// summary (总结, 汇报 …, not the 计划 of a 总结及计划) of another year.
fn other_year_title(doc: &Document, pi: usize, year: u32) -> Option<u32> {
    let line = doc.slice(&doc.paragraphs[pi].span);
    let short = line.chars().count() <= 40 && !line.contains(['。', '，', ',', '：', ':', '；']);
    let summary = crate::outline::PERIODIC_KINDS
        .iter()
        .any(|k| line.contains(k))
        && !["计划", "打算", "要点", "思路"]
            .iter()
            .any(|w| line.contains(w));
    if !short || !summary || doc.outline.heading_between(pi.wrapping_sub(1), pi) {
        return None;
    }
    crate::outline::period_of(line)
        .map(|p| p.year)
        .filter(|&y| y != year)
}

/// Where a title writes a year without its 年 (2021区卫健局工作总结): four
/// digits 1990–2099 standing alone, followed by a Han character that does
/// not make them something else (2021届, 2021学年, 2021级, 2021号).
fn bare_year(title: &str) -> Option<usize> {
    let b = title.as_bytes();
    (0..b.len().saturating_sub(4)).find(|&i| {
        // Bytes first: an index inside a character is never sliced.
        let alone = (i == 0 || !b[i - 1].is_ascii_digit())
            && b[i..i + 4].iter().all(u8::is_ascii_digit)
            && !b[i + 4].is_ascii_digit();
        alone
            && title[i..i + 4]
                .parse::<u32>()
                .is_ok_and(|y| (1990..2100).contains(&y))
            && title[i + 4..]
                .chars()
                .next()
                .is_some_and(|c| crate::text::is_han(c) && !"年届学级号版期次".contains(c))
    })
}
