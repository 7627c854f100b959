//! Helpers shared by the integration tests.
#![allow(dead_code)]

use report_checker::document::Document;
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
