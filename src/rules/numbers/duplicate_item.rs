//! `numbers.duplicate-item`: the same item listed twice in one list with
//! different figures — 整治乱放乱堆150余处 … 清理乱堆乱放200余处.
//!
//! Two clauses of one sentence count the same unit, and the objects just before
//! the figures are made of the same characters (乱放乱堆 / 乱堆乱放): the same
//! item, written twice.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::is_han;

pub struct DuplicateItem;

pub static INFO: RuleInfo = RuleInfo {
    code: "numbers.duplicate-item",
    family: Category::Numbers,
    severity: Severity::Warning,
    summary: "同一列举中同一事项写了两次、数字不同",
    explanation: "同一句的列举中，同一事项（字序颠倒也算，如“乱放乱堆”与“乱堆乱放”）出现两次且数字不同，多是合并材料时重复。请删去一项或核对数字。",
    example: "整治乱放乱堆150余处，拆除违建30处，清理乱堆乱放200余处",
    near_miss: "整治乱放乱堆150余处，拆除违建30处",
};

/// The object just before a figure (its last four Han characters), as a sorted
/// multiset and as written. Only for a list item — a short verb + object (整治乱放乱堆): a long
/// qualified subject (符合条件的…养老机构补贴资金) names a different quantity
/// even when its last characters repeat. Runs for every figure, so it reads the
/// subject from the end and keeps at most nine characters, on the stack.
fn object_key(subject: &str) -> Option<([char; 4], [char; 4])> {
    let mut last = ['\0'; 9]; // the subject's content characters, last first
    let mut n = 0;
    for c in subject.chars().rev() {
        if c == '的' {
            return None;
        }
        if !(is_han(c) || c.is_alphanumeric()) {
            continue;
        }
        if n == last.len() {
            return None; // more than eight: a long qualified subject
        }
        last[n] = c;
        n += 1;
    }
    if n < 4 {
        return None;
    }
    // Before the object only a verb (整治 / 清理): a place or a unit before it
    // (青山村报到党员 / 石桥村报到党员) makes parallel items, not a repeat.
    let prefix = &last[4..n];
    if prefix.len() > 2
        || prefix.iter().any(|c| {
            matches!(
                c,
                '村' | '镇'
                    | '乡'
                    | '区'
                    | '县'
                    | '市'
                    | '街'
                    | '点'
                    | '户'
                    | '组'
                    | '队'
                    | '站'
                    | '所'
            ) || c.is_ascii_alphanumeric()
        })
    {
        return None;
    }
    let written = [last[0], last[1], last[2], last[3]];
    let mut key = written;
    crate::text::sort_stable_by(&mut key, Ord::cmp);
    Some((key, written))
}

impl Rule for DuplicateItem {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        // The items of the current sentence (figures come in document order, so
        // a sentence's figures are consecutive): (unit, object, figure index).
        let mut seen: Vec<(&str, [char; 4], [char; 4], usize)> = Vec::new();
        let mut sentence = usize::MAX;
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
            let Some((key, written)) = object_key(doc.slice(&q.subject)) else {
                continue;
            };
            if q.sentence != sentence {
                sentence = q.sentence;
                seen.clear();
            }
            match seen
                .iter()
                .find(|(u, k, _, _)| crate::text::same(u, q.unit) && *k == key)
            {
                // The same characters in the same order name parallel items
                // (小春粮食产量 / 全年粮食产量, 集中供养对象 / 分散供养对象); a
                // repeat written again reorders them (乱放乱堆 / 乱堆乱放).
                Some(&(_, _, w, j)) if w != written => {
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
                Some(_) => {}
                None => seen.push((q.unit, key, written, i)),
            }
        }
    }
}
