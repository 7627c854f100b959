//! `period.outside`: an event dated after the reporting period ends, reported
//! as done — 7月 in a 上半年 summary, 2020年以来 in a 2019 summary. Plans and
//! forecasts (将, 计划, 预计, 力争, 到2025年 …) and the plan sections are fine.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct Outside;

pub static INFO: RuleInfo = RuleInfo {
    code: "period.outside",
    family: Category::Period,
    severity: Severity::Warning,
    summary: "已完成的事项日期超出了报告期",
    explanation: "总结只应报告报告期内已完成的工作；上半年总结里写“7月完成”，日期在报告期之后。计划、预计等打算不算。",
    example: "（2022年上半年工作总结）7月完成验收",
    near_miss: "（2022年上半年工作总结）计划7月完成验收",
};

const FUTURE: &[&str] = &[
    "将",
    "计划",
    "预计",
    "拟",
    "力争",
    "争取",
    "下一步",
    "下步",
    "打算",
    "确保",
    "预期",
    "年底前",
    "目标",
];

impl Rule for Outside {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(period) = &doc.outline.period else {
            return;
        };
        // Plans start at the first heading naming them; nothing after it is a result.
        let plans_start = doc
            .outline
            .headings
            .iter()
            .find(|h| {
                ["打算", "计划", "下一步", "下步", "下半年"]
                    .iter()
                    .any(|w| doc.slice(&h.title).contains(w))
            })
            .map_or(usize::MAX, |h| h.marker.start);
        let signoff = doc
            .outline
            .signoff_date
            .map(|p| doc.paragraphs[p].span.clone());
        for d in &doc.outline.dates {
            if d.span.start >= plans_start
                || signoff.as_ref().is_some_and(|s| s.contains(&d.span.start))
                || d.end_year.is_some()
            {
                continue;
            }
            // The title (…2021年工作情况和2022年工作安排) and a date on a line of its own
            // (when the text was issued or published) are not events of the period.
            let para = doc.paragraph_at(d.span.start).map(|i| &doc.paragraphs[i]);
            let in_title = doc
                .outline
                .title
                .as_ref()
                .is_some_and(|t| t.contains(&d.span.start));
            if in_title
                || para.is_some_and(|p| {
                    doc.slice(&p.span).trim_end_matches(['。', '.']) == doc.slice(&d.span)
                })
            {
                continue;
            }
            let year = d.year.unwrap_or(period.year);
            let later_year = year > period.year && year < period.year + 10;
            let later_month =
                year == period.year && d.month.is_some_and(|m| m > period.end_month && m <= 12);
            if !(later_year || later_month) {
                continue;
            }
            // 到2025年: a target date, not an event (截至9月底 is one, though).
            let before = doc.text[..d.span.start].chars().next_back();
            if before == Some('到') {
                continue;
            }
            let context = doc.around(&d.span, 90);
            if FUTURE.iter().any(|w| context.contains(w)) {
                continue;
            }
            let message = if later_year {
                format!(
                    "正文写的是“{}”，标题的报告期是{}年（{}）：年份不符，请核对标题或正文的年份。",
                    doc.slice(&d.span),
                    period.year,
                    period.label
                )
            } else {
                format!("“{}”在报告期（{}）之后，却作为已完成的工作写入总结，请核对日期或移到下一步计划。", doc.slice(&d.span), period.label)
            };
            out.push(self.diagnostic(d.span.clone(), message));
        }
    }
}
