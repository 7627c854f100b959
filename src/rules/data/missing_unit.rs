//! `data.missing-unit`: a figure without the unit Chinese needs —
//! 新发展党员33通过 (33名 was meant), 省内产值38.6亿， (38.6亿元 was meant, as
//! the same paragraph writes 46.6亿元).
//!
//! Years, dates, list numbers and numbers before a unit symbol never reach
//! here: the quantity model only keeps a bare number that sits inside Han text.

use crate::document::Document;
use crate::report::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct MissingUnit;

pub static INFO: RuleInfo = RuleInfo {
    code: "data.missing-unit",
    family: Category::Data,
    severity: Severity::Warning,
    summary: "数字缺少量词或单位（33通过、38.6亿）",
    explanation: "汉语数字后应有量词或单位（“33名”“38.6亿元”）；同段其他金额写了“亿元”，这里只写“亿”，多半漏了“元”。补“元”是推测，请撰写人确认。",
    example: "新发展党员33通过审核",
    near_miss: "新发展党员33名，通过审核",
};

/// Hotlines and service numbers are names, not counts: 拨打12345热线, 110报警.
fn is_service_number(digits: &str) -> bool {
    matches!(
        digits,
        "110"
            | "119"
            | "120"
            | "122"
            | "12345"
            | "12315"
            | "12348"
            | "12333"
            | "12319"
            | "12369"
            | "12366"
            | "12358"
    )
}

/// Characters after a bare number that make it a name or an ordinal: 90后, 3号楼, 21路.
fn names_follow(next: Option<char>) -> bool {
    next.is_some_and(|c| {
        matches!(
            c,
            '后' | '路'
                | '楼'
                | '级'
                | '届'
                | '版'
                | '型'
                | '线'
                | '点'
                | '大'
                | '岁'
                | '倍'
                | '国'
                | '强'
                | '佳'
                | '字'
                | '号'
                | '期'
                | '批'
                | '条'
        )
    })
}

/// Words a phrase opens after: a year-shaped number right after one opens
/// the phrase and has lost its 年 (对2022政府工作报告).
const PHRASE_OPENERS: &str = "对在于为从自至到由的和与及是把将";

/// 中国制造2025, 天空之城2049商业项目: a number shaped like a year with no 年
/// after it, suffixing a name, is part of the name (a plan's or a project's),
/// not a count. `before` is the text before the number.
fn year_in_a_name(digits: &str, before: &str) -> bool {
    let year_shaped = digits.len() == 4
        && digits
            .parse::<u32>()
            .is_ok_and(|n| (1900..=2100).contains(&n));
    year_shaped
        && before
            .chars()
            .next_back()
            .is_some_and(|c| !PHRASE_OPENERS.contains(c))
}

/// 从2005以来: a year-shaped number before a word of time has lost its 年.
fn year_lost_its_nian(digits: &str, after: &str) -> bool {
    digits.len() == 4
        && digits
            .parse::<u32>()
            .is_ok_and(|n| (1900..=2100).contains(&n))
        && ["以来", "至今", "以后", "以前", "年底", "底"]
            .iter()
            .any(|w| after.starts_with(w))
}

/// 985工程, 863计划: three or four digits naming a programme, not a count.
fn program_follows(digits: &str, after: &str) -> bool {
    digits.len() >= 3 && (after.starts_with("工程") || after.starts_with("计划"))
}

/// Containers that serve as measure words (临时量词): 1600粪车, 30桶, 200袋.
const CONTAINERS: &[char] = &[
    '车', '船', '桶', '箱', '袋', '筐', '罐', '瓶', '盒', '担', '篓',
];

/// The word after a bare number is a container used as its measure: a short
/// Han word ending in a container (粪车, 桶) and closing the phrase.
fn container_follows(after: &str) -> bool {
    let word: Vec<char> = after
        .chars()
        .take_while(|&c| crate::text::is_han(c))
        .collect();
    (1..=2).contains(&word.len()) && word.last().is_some_and(|c| CONTAINERS.contains(c))
}

/// The figure ends the text, which stops mid-sentence (a page kept only as
/// its first part): its unit may lie past the cut (…奖补资金1489万|).
fn cut_at(doc: &Document, end: usize) -> bool {
    let rest = doc.text[end..].trim_end();
    let before = doc.text[..end].chars().next_back();
    rest.is_empty() && !before.is_some_and(crate::text::is_sentence_end)
}

/// Nouns of money: a bare 万 or 亿 after them is money without 元.
const MONEY: &[&str] = &[
    "资金",
    "产值",
    "投资",
    "收入",
    "工资",
    "金额",
    "资产",
    "税",
    "费",
    "款",
    "销售额",
    "营收",
    "总额",
    "预算",
    "补贴",
    "奖金",
];

impl Rule for MissingUnit {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        // Does a paragraph write money in 万元/亿元? Computed once per paragraph.
        let mut money_paragraphs: std::collections::HashMap<usize, bool> =
            std::collections::HashMap::new();
        for q in &doc.quantities {
            let digits = doc.slice(&q.number);
            if q.unit.is_empty() {
                let next = doc.text[q.span.end..].chars().next();
                // One digit is too little evidence (第1, 1对1); five or more is a code or a name.
                if !(2..=4).contains(&digits.chars().count())
                    || is_service_number(digits)
                    || names_follow(next)
                    || year_in_a_name(digits, &doc.text[..q.number.start])
                    || container_follows(&doc.text[q.span.end..])
                    || program_follows(digits, &doc.text[q.span.end..])
                    || cut_at(doc, q.span.end)
                {
                    continue;
                }
                let message = if year_lost_its_nian(digits, &doc.text[q.span.end..]) {
                    format!("年份“{digits}”后缺少“年”字，应为“{digits}年”。")
                } else {
                    format!("数字“{digits}”后缺少量词（如“名”“个”“人”“项”），请补上，并与后文用标点隔开。")
                };
                out.push(self.diagnostic(q.number.clone(), message));
            } else if matches!(q.unit, "万" | "亿") {
                let pi = doc.sentences[q.sentence].paragraph;
                let money_paragraph = *money_paragraphs.entry(pi).or_insert_with(|| {
                    let paragraph = doc.slice(&doc.paragraphs[pi].span);
                    paragraph.contains("万元") || paragraph.contains("亿元")
                });
                let money_subject = MONEY.iter().any(|w| doc.slice(&q.subject).contains(w));
                if q.span.start > 0 && doc.text[..q.span.start].ends_with('/') {
                    continue;
                }
                if money_paragraph && money_subject && !cut_at(doc, q.span.end) {
                    let span = q.span.clone();
                    out.push(
                        self.diagnostic(
                            span.clone(),
                            format!(
                                "金额“{}”缺少单位“元”，应为“{}元”。",
                                doc.slice(&span),
                                doc.slice(&span)
                            ),
                        )
                        .with_suggestion(
                            span.end..span.end,
                            "元",
                            Applicability::Unsafe,
                        ),
                    );
                }
            }
        }
    }
}
