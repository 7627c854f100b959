//! Helpers shared by the integration tests.
#![allow(dead_code)]

use report_checker::document::Document;

/// A short quarterly summary, complete but for one error: 2544人 then 2546人
/// for the same count in one paragraph.
pub const CONFLICT_DRAFT: &str = "青山镇2023年一季度工作总结
一、工作成效
机关党员到社区报到2544人，开展服务活动。推进党建进小区，机关党员到社区的报到人数2546人。
二、主要做法
强化统筹调度。
三、存在问题
资金不足。
四、下步工作打算
继续推进。
青山镇人民政府
2023年4月2日
";

use report_checker::{check_document, Options};

/// (rule id, flagged text) of every finding, in order.
pub fn findings(text: &str) -> Vec<(&'static str, String)> {
    let doc = Document::parse(text);
    check_document(&doc, &Options::default())
        .unwrap()
        .into_iter()
        .map(|d| (d.rule, text[d.span].to_string()))
        .collect()
}

/// Findings of one rule: the flagged texts.
pub fn flagged(text: &str, rule: &str) -> Vec<String> {
    findings(text)
        .into_iter()
        .filter(|(r, _)| *r == rule)
        .map(|(_, t)| t)
        .collect()
}

/// Full diagnostics of one rule.
pub fn diagnostics(text: &str, rule: &str) -> Vec<report_checker::report::Diagnostic> {
    let doc = Document::parse(text);
    check_document(&doc, &Options::default())
        .unwrap()
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect()
}

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}
