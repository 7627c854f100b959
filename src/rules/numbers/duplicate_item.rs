//! `numbers.duplicate-item`: the same item listed twice in one list with
//! different figures — 整治乱放乱堆150余处 … 清理乱堆乱放200余处.
//!
//! Two clauses of one sentence count the same unit, and the objects just before
//! the figures are made of the same characters (乱放乱堆 / 乱堆乱放): the same
//! item, written twice.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule};
use crate::text::is_han;
use std::collections::HashMap;

pub struct DuplicateItem;

/// The object just before a figure (its last four Han characters), as a sorted
/// multiset. Only for a list item — a short verb + object (整治乱放乱堆): a long
/// qualified subject (符合条件的…养老机构补贴资金) names a different quantity
/// even when its last characters repeat.
fn object_key(subject: &str) -> Option<Vec<char>> {
    let han: Vec<char> = subject
        .chars()
        .filter(|&c| is_han(c) || c.is_alphanumeric())
        .collect();
    if han.len() < 4 || han.len() > 8 || subject.contains('的') {
        return None;
    }
    // Before the object only a verb (整治 / 清理): a place or a unit before it
    // (青山村报到党员 / 石桥村报到党员) makes parallel items, not a repeat.
    let prefix = &han[..han.len() - 4];
    if prefix.len() > 2
        || prefix
            .iter()
            .any(|c| "村镇乡区县市街点户组队站所".contains(*c) || c.is_ascii_alphanumeric())
    {
        return None;
    }
    let mut key = han[han.len() - 4..].to_vec();
    key.sort_unstable();
    Some(key)
}

impl Rule for DuplicateItem {
    fn id(&self) -> &'static str {
        "numbers.duplicate-item"
    }
    fn category(&self) -> Category {
        Category::Numbers
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let mut seen: HashMap<(usize, &str, Vec<char>), usize> = HashMap::new();
        for (i, q) in doc.quantities.iter().enumerate() {
            if q.unit.is_empty()
                || q.is_percent()
                || q.roles.total
                || q.roles.done
                || q.roles.not_done
                || q.roles.part
            {
                continue;
            }
            let Some(key) = object_key(doc.slice(&q.subject)) else {
                continue;
            };
            match seen.get(&(q.sentence, q.unit, key.clone())) {
                Some(&j) => {
                    let p = &doc.quantities[j];
                    if p.clause != q.clause && p.scaled() != q.scaled() {
                        let earlier = p.subject.start..p.span.end;
                        let later = q.subject.start..q.span.end;
                        out.push(
                            self.diagnostic(
                                later.clone(),
                                format!("同一事项重复列出且数字不同：此处为“{}”，前面已有“{}”。请合并为一项并核对数字。", doc.slice(&later), doc.slice(&earlier)),
                            )
                            .with_related(earlier, "前面的同一事项"),
                        );
                    }
                }
                None => {
                    seen.insert((q.sentence, q.unit, key), i);
                }
            }
        }
    }
}
