//! `data.empty-field`: a label with a colon and nothing after it — 来源: ,
//! 联系人：, 日期: — in page chrome pasted with the draft and in the body.
//!
//! A label is a short noun phrase ending in a field word (部门, 单位, 来源,
//! 日期, 人, 电话 …); an addressee line (各单位：) or an intro ending in a colon
//! (总结如下：) is not a field and is left alone.
//!
//! Any short label alone on its line (种植类：, 安全生产形势：) is empty too when
//! what follows cannot be its content: the next line is a sibling label of
//! the same form (种植类：… then 畜牧类：…; but 农业： over two or more labels
//! 种植业：… 畜牧业：… heads them), or a heading at the level of the one the
//! label stands under or higher. A label followed by its body on the
//! next line, or by a deeper list it introduces, is a lead-in and is fine.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::{fold_char, is_blank, is_han};

pub struct EmptyField;

pub static INFO: RuleInfo = RuleInfo {
    code: "data.empty-field",
    family: Category::Data,
    severity: Severity::Warning,
    summary: "栏目后面是空的（来源：、联系人：）",
    explanation: "带冒号的栏目（来源、日期、联系人、电话）后面没有内容，多是模板未填或粘贴时丢失。请补全或删去该栏目。",
    example: "来源：",
    near_miss: "来源：县统计局",
};

const FIELD_WORDS: &[&str] = &[
    "部门",
    "单位",
    "来源",
    "日期",
    "时间",
    "作者",
    "联系人",
    "电话",
    "地址",
    "邮编",
    "邮箱",
    "责任人",
    "负责人",
    "填报人",
    "审核人",
    "签发人",
    "编号",
    "文号",
    "字号",
    "大小",
    "次数",
    "备注",
    "附件",
    "机关",
    "分类",
    "类别",
    "关键词",
    "主题词",
    "索引号",
    "姓名",
    "职务",
    "网址",
    "发布",
    "浏览",
    "点击",
];

impl Rule for EmptyField {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        self.bare_labels(doc, out);
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            let s = doc.slice(&p.span);
            for &(at, c) in doc.paragraph_marks(pi) {
                if fold_char(c) != ':' {
                    continue;
                }
                let i = at - p.span.start;
                // The label: the Han run right before the colon.
                let label_start = s[..i]
                    .char_indices()
                    .rev()
                    .take_while(|&(_, c)| is_han(c))
                    .last()
                    .map_or(i, |(j, _)| j);
                let label = &s[label_start..i];
                let n = label.chars().count();
                if !(2..=8).contains(&n)
                    || label.starts_with('各')
                    || !FIELD_WORDS.iter().any(|w| label.ends_with(w))
                {
                    continue;
                }
                // The label must start a field: at the paragraph start or after a blank.
                if label_start > 0 && !s[..label_start].chars().next_back().is_some_and(is_blank) {
                    continue;
                }
                // Nothing follows but blanks, up to the line end or the next label.
                let after = &s[i + c.len_utf8()..];
                let value = after.trim_start_matches(is_blank);
                let next_is_label = {
                    let head: String = value.chars().take_while(|&c| is_han(c)).collect();
                    let k = head.len();
                    k > 0
                        && value[k..]
                            .chars()
                            .next()
                            .is_some_and(|c| fold_char(c) == ':')
                };
                if !value.is_empty() && (!next_is_label || after.len() <= value.len()) {
                    continue;
                }
                let span = p.span.start + label_start..p.span.start + i + c.len_utf8();
                out.push(self.diagnostic(
                    span,
                    format!("“{label}”后没有填写内容，请补充或删去这一项。"),
                ));
            }
        }
    }
}

/// Last characters of a lead-in (主要做法是：, 具体如下：, 包括：), not a label.
const LEAD_IN_ENDS: &[char] = &['是', '为', '下', '有', '括', '说', '示', '在', '点', '如'];

/// Longest label read alone on a line, in characters.
const MAX_BARE_LABEL: usize = 8;

impl EmptyField {
    /// Labels alone on their line whose next line is not their content (see
    /// the module notes). Labels ending in a field word are left to the
    /// field check.
    fn bare_labels(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let heading_at = doc.outline.heading_paragraphs(doc.paragraphs.len());
        // The level of the heading each paragraph stands under.
        let mut under: Option<u8> = None;
        let mut levels = vec![None; doc.paragraphs.len()];
        let mut hs = doc.outline.headings.iter().peekable();
        for (pi, level) in levels.iter_mut().enumerate() {
            while let Some(h) = hs.next_if(|h| h.paragraph <= pi) {
                under = Some(h.style.level());
            }
            *level = under;
        }
        for pi in 0..doc.paragraphs.len().saturating_sub(1) {
            if heading_at[pi] {
                continue;
            }
            let Some(label) = bare_label(doc.slice(&doc.paragraphs[pi].span)) else {
                continue;
            };
            if FIELD_WORDS.iter().any(|w| label.ends_with(w)) {
                continue;
            }
            // A sibling label at paragraph `k`, if there is one.
            let sibling_at = |k: usize| {
                k < doc.paragraphs.len()
                    && !heading_at[k]
                    && labelled(doc.slice(&doc.paragraphs[k].span))
                        .is_some_and(|n| n != label && same_form(label, n))
            };
            // 农业： over 种植业：… 畜牧业：… heads the labels after it; a label
            // among its siblings (one before it, or a single one after) does not.
            let sibling =
                sibling_at(pi + 1) && ((pi > 0 && sibling_at(pi - 1)) || !sibling_at(pi + 2));
            let hs = &doc.outline.headings;
            let closes = heading_at[pi + 1]
                && hs
                    .get(hs.partition_point(|h| h.paragraph <= pi))
                    .zip(levels[pi])
                    .is_some_and(|(h, level)| h.style.level() <= level);
            if !(sibling || closes) {
                continue;
            }
            let span = doc.paragraphs[pi].span.clone();
            out.push(self.diagnostic(
                span,
                format!("“{label}”后没有内容：下一行已是另一项，请补充或删去这一项。"),
            ));
        }
    }
}

/// `种植类：` alone on a line: its short Han label.
fn bare_label(line: &str) -> Option<&str> {
    let line = line.trim_end_matches(is_blank);
    let colon = line.chars().next_back().filter(|&c| fold_char(c) == ':')?;
    let label = &line[..line.len() - colon.len_utf8()];
    let n = label.chars().count();
    let ok = (2..=MAX_BARE_LABEL).contains(&n)
        && label.chars().all(is_han)
        && !label.starts_with('各')
        && !label.ends_with(LEAD_IN_ENDS);
    ok.then_some(label)
}

/// The short Han label of a line written `畜牧类：…`.
fn labelled(line: &str) -> Option<&str> {
    let (at, _) = line.char_indices().find(|&(_, c)| fold_char(c) == ':')?;
    let label = &line[..at];
    let n = label.chars().count();
    ((2..=MAX_BARE_LABEL).contains(&n) && label.chars().all(is_han)).then_some(label)
}

/// Sibling labels share their last character: 种植类 / 畜牧类, 农业 / 畜牧业,
/// 安全生产形势 / 自然灾害形势.
fn same_form(a: &str, b: &str) -> bool {
    a.chars().next_back() == b.chars().next_back()
}
