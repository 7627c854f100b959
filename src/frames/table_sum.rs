//! Totals and their parts inside a table. A table says which rows make up
//! which in three ways:
//! - a 合计 / 总计 row, first or last, is the sum of the rows that are no
//!   row's part (an exhaustive list);
//! - rows marked 其中 or # are parts of the unmarked row above them; the
//!   unmarked rows right after a 其中 row go on being parts while each can
//!   fit in that row (其中:夏粮, 秋粮, then 油料 — the list may end anywhere);
//! - a numbered series of rows (第一产业, 第二产业, 第三产业) are parts of
//!   the row above them that can hold each, and the unmarked rows between
//!   two members are parts of the first of them (工业, 建筑业 after 第二产业).
//!
//! The judging, column by column, is `numbers.sum`'s.

use super::table::{squeezed, Row, Sub, Table};
use crate::document::Document;

/// A row and the rows that make it up, in one table.
#[derive(Debug, Clone)]
pub struct RowSum {
    /// Index into `Frames::tables`.
    pub table: usize,
    pub total: usize,
    pub parts: Vec<usize>,
    pub list: List,
}

/// How the table ties the parts to their total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// A 合计 row over every other row: the parts may not fall short.
    Whole,
    /// A numbered series (第一产业 … 第三产业), or the unmarked rows between
    /// two of its members (工业, 建筑业 after 第二产业).
    Series,
    /// Rows marked 其中 / #, and the unmarked rows after a 其中 that fit:
    /// the list may be partial, and its categories may overlap (国有控股,
    /// 股份制), so only its first parts may not exceed the total.
    Marked,
}

/// Labels of a row that sums up all the others.
const TOTAL_LABELS: &[&str] = &["合计", "总计", "共计", "总数", "全部"];

/// Longest numbered series of rows read (第一 … 第十).
const MAX_SERIES: usize = 10;

/// The rows-and-parts groups of every table.
pub fn row_sums(doc: &Document, tables: &[Table]) -> Vec<RowSum> {
    let mut out = Vec::new();
    for (ti, t) in tables.iter().enumerate() {
        of_table(doc, ti, t, &mut out);
    }
    out
}

/// The first figure of a row, for deciding which rows can fit in which.
fn lead_value(row: &Row) -> Option<f64> {
    row.cells.iter().flatten().next().map(|c| c.value.to_f64())
}

/// Whose part a row is: the total row, and the row that opened the list it
/// belongs to (a second 其中 under one total opens another list: 城镇, 乡村,
/// then 其中:男性, 女性).
#[derive(Debug, Clone, Copy, PartialEq)]
struct PartOf {
    total: usize,
    list: usize,
    kind: List,
}

fn of_table(doc: &Document, ti: usize, t: &Table, out: &mut Vec<RowSum>) {
    let rows = &t.rows;
    let mut part_of: Vec<Option<PartOf>> = vec![None; rows.len()];
    let fits = |part: usize, total: usize| match (lead_value(&rows[part]), lead_value(&rows[total]))
    {
        (Some(p), Some(w)) => p <= w && same_unit(doc, &rows[part], &rows[total]),
        _ => false,
    };
    // 其中 / # rows, and the unmarked rows a 其中 list goes on through.
    let mut parent: Option<usize> = None;
    let mut list: Option<(usize, Sub)> = None;
    for r in 0..rows.len() {
        match (rows[r].sub, parent) {
            (Some(sub), Some(p)) => {
                // A # row goes on the list of #s; a 其中 row opens a list.
                let opened = match list {
                    Some((at, Sub::Each)) if sub == Sub::Each => at,
                    _ => r,
                };
                list = Some((opened, sub));
                part_of[r] = Some(PartOf {
                    total: p,
                    list: opened,
                    kind: List::Marked,
                });
            }
            (Some(_), None) => {}
            (None, Some(p)) if matches!(list, Some((_, Sub::Qizhong))) && fits(r, p) => {
                let opened = list.map_or(r, |(at, _)| at);
                part_of[r] = Some(PartOf {
                    total: p,
                    list: opened,
                    kind: List::Marked,
                });
            }
            (None, _) => {
                parent = Some(r);
                list = None;
            }
        }
    }
    outline_numbers(doc, t, &mut part_of);
    series(doc, t, &mut part_of, &fits);
    // The lists in the order they were opened.
    let mut lists: Vec<(PartOf, Vec<usize>)> = Vec::new();
    for (r, p) in part_of.iter().enumerate() {
        let Some(p) = *p else { continue };
        match lists.iter_mut().rev().find(|l| l.0 == p) {
            Some(l) => l.1.push(r),
            None => lists.push((p, vec![r])),
        }
    }
    for (p, parts) in lists {
        if parts.len() >= 2 || rows[parts[0]].sub.is_some() {
            out.push(RowSum {
                table: ti,
                total: p.total,
                parts,
                list: p.kind,
            });
        }
    }
    // A 合计 row first or last sums the rows that are no row's part.
    let is_total_row =
        |r: usize| TOTAL_LABELS.contains(&squeezed(doc.slice(&rows[r].label)).as_str());
    let last = rows.len() - 1;
    // Two total rows: two tables side by side, or subtotals; no one sum.
    let one_total = (0..rows.len()).filter(|&r| is_total_row(r)).count() == 1;
    if let Some(total) = [0, last]
        .into_iter()
        .find(|&r| one_total && is_total_row(r))
    {
        let parts: Vec<usize> = (0..rows.len())
            .filter(|&r| {
                r != total && part_of[r].is_none() && same_unit(doc, &rows[r], &rows[total])
            })
            .collect();
        if parts.len() >= 2 {
            out.push(RowSum {
                table: ti,
                total,
                parts,
                list: List::Whole,
            });
        }
    }
}

/// The level of a row's outline number: 0 for 一、, 1 for 1、 / 1. / （1）.
fn outline_level(label: &str) -> Option<u8> {
    let mut chars = label.chars();
    let first = chars.next()?;
    if crate::quantity::is_han_digit(first) {
        let rest = label.trim_start_matches(crate::quantity::is_han_digit);
        return rest.starts_with('、').then_some(0);
    }
    let rest = label.trim_start_matches(['(', '（']);
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = &rest[digits..];
    (digits > 0 && after.starts_with(['、', '.', '．', ')', '）'])).then_some(1)
}

/// 一、社会消费品零售总额 / 1、批发零售贸易业 / 2、餐饮业: rows numbered 1、2、
/// under a row numbered 一、 are its parts (the table's own outline).
fn outline_numbers(doc: &Document, t: &Table, part_of: &mut [Option<PartOf>]) {
    let mut top = None;
    for (r, slot) in part_of.iter_mut().enumerate() {
        if slot.is_some() {
            continue;
        }
        match outline_level(&squeezed(doc.slice(&t.rows[r].label))) {
            Some(0) => top = Some(r),
            Some(_) => {
                if let Some(total) = top.filter(|&tp| same_unit(doc, &t.rows[r], &t.rows[tp])) {
                    *slot = Some(PartOf {
                        total,
                        list: total + 1,
                        kind: List::Series,
                    });
                }
            }
            None => top = None,
        }
    }
}

/// Rows in one unit: the same 单位 cell, when the table has that column.
fn same_unit(doc: &Document, a: &Row, b: &Row) -> bool {
    match (&a.unit, &b.unit) {
        (Some(x), Some(y)) => squeezed(doc.slice(x)) == squeezed(doc.slice(y)),
        _ => true,
    }
}

/// The numeral of a label 第一产业 / 第二季度 (1, 2 …) and the rest of it.
fn numbered(label: &str) -> Option<(usize, &str)> {
    let rest = label.strip_prefix('第')?;
    let numeral = rest.chars().next()?;
    let n = "一二三四五六七八九十".chars().position(|c| c == numeral)? + 1;
    let name = &rest[numeral.len_utf8()..];
    (!name.is_empty()).then_some((n, name))
}

/// A numbered series of rows that are no row's part yet (第一产业 …
/// 第三产业): each member is a part of the nearest row above the series
/// that can hold it; the unmarked rows after a member, up to the next one,
/// are the member's parts (and after the last, while they fit in it).
fn series(
    doc: &Document,
    t: &Table,
    part_of: &mut [Option<PartOf>],
    fits: &dyn Fn(usize, usize) -> bool,
) {
    let rows = &t.rows;
    let labels: Vec<String> = rows.iter().map(|r| squeezed(doc.slice(&r.label))).collect();
    let mut r = 0;
    while r < rows.len() {
        let Some((1, name)) = numbered(&labels[r]).filter(|_| part_of[r].is_none()) else {
            r += 1;
            continue;
        };
        let mut members = vec![r];
        for next in r + 1..rows.len() {
            if members.len() >= MAX_SERIES {
                break;
            }
            if numbered(&labels[next]) == Some((members.len() + 1, name)) && part_of[next].is_none()
            {
                members.push(next);
            }
        }
        if members.len() < 2 {
            r += 1;
            continue;
        }
        let whole = (0..r)
            .rev()
            .find(|&w| part_of[w].is_none() && members.iter().all(|&m| fits(m, w)));
        for (k, &m) in members.iter().enumerate() {
            part_of[m] = whole.map(|total| PartOf {
                total,
                list: r,
                kind: List::Series,
            });
            let until = members.get(k + 1).copied().unwrap_or(rows.len());
            let after_last = k + 1 == members.len();
            for (inner, slot) in part_of.iter_mut().enumerate().take(until).skip(m + 1) {
                if slot.is_some() {
                    continue;
                }
                if after_last && !fits(inner, m) {
                    break;
                }
                *slot = Some(PartOf {
                    total: m,
                    list: m + 1,
                    kind: List::Series,
                });
            }
        }
        r = members[members.len() - 1] + 1;
    }
}
