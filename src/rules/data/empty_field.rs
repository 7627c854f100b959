//! `data.empty-field`: a label with a colon and nothing after it — 来源: ,
//! 联系人：, 日期: — in page chrome pasted with the draft and in the body.
//!
//! A label is a short noun phrase ending in a field word (部门, 单位, 来源,
//! 日期, 人, 电话 …); an addressee line (各单位：) or an intro ending in a colon
//! (总结如下：) is not a field and is left alone.

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
