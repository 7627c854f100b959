//! Sums inside a table (`frames::table_sum` says which rows make up which),
//! judged column by column for `numbers.sum`: a 合计 row against all the
//! other rows, a row against its 其中 / # rows or its numbered series. Rates,
//! shares and per-head columns do not add up and are left out. Each figure
//! may be off by half a unit of its last digit when the column is rounded
//! (it has decimals, or its unit is 万 / 亿).

use crate::document::Document;
use crate::frames::table::{squeezed, Cell, Table};
use crate::frames::table_sum::{List, RowSum};
use crate::frames::Interval;
use crate::quantity::Decimal;
use crate::report::Diagnostic;
use crate::rules::Rule;

/// Header words of columns whose figures do not add up across rows.
const NOT_ADDED: &[&str] = &[
    "%",
    "％",
    "‰",
    "增长",
    "增速",
    "增幅",
    "增减%",
    "比重",
    "构成",
    "±",
    "同比",
    "比上年",
    "率",
    "指数",
    "人均",
    "平均",
    "序号",
    "单位",
    "排名",
    "位次",
    "亩产",
    "单产",
    "价格",
    "单价",
];

/// The parts come so near the total that they read as the whole list.
const NEAR_WHOLE: f64 = 0.95;

/// What the unit line right above a table gives (`：%` of 单位：%), if
/// there is one.
fn unit_line<'a>(doc: &Document<'a>, t: &Table) -> Option<&'a str> {
    let above = t.paragraphs.start.checked_sub(1)?;
    let line = doc.slice(&doc.paragraphs[above].span).trim();
    line.strip_prefix("单位")
}

/// Columns of figures that add up across rows: none when the unit line
/// above the table gives a rate for all of them (单位：%).
fn summed_columns(doc: &Document, t: &Table) -> Vec<usize> {
    if unit_line(doc, t).is_some_and(|u| NOT_ADDED.iter().any(|w| u.contains(w))) {
        return Vec::new();
    }
    (1..t.columns.len())
        .filter(|&c| {
            let header = squeezed(doc.slice(&t.columns[c].header));
            !NOT_ADDED.iter().any(|w| header.contains(w))
                && t.rows.iter().any(|r| r.cells[c].is_some())
        })
        .collect()
}

/// Is the column rounded: decimals in some cell, or a unit in 万 / 亿?
fn rounded(doc: &Document, t: &Table, c: usize) -> bool {
    let in_wan = |u: &str| u.starts_with(['万', '亿']);
    t.columns[c].multiplier > 1
        || t.rows.iter().any(|r| {
            r.cells[c].as_ref().is_some_and(|x| x.value.scale > 0)
                || r.unit.as_ref().is_some_and(|u| in_wan(doc.slice(u)))
        })
}

fn interval(cell: &Cell, rounded: bool) -> Interval {
    if rounded {
        Interval::of_decimal(cell.value)
    } else {
        let v = cell.value.to_f64();
        Interval { lo: v, hi: v }
    }
}

/// The unit to write after a figure of row `r`, column `c`: the row's 单位
/// cell, or the column header's (万吨 of 总产量(万吨)).
fn unit_of(doc: &Document, t: &Table, r: usize, c: usize) -> String {
    if let Some(u) = &t.rows[r].unit {
        return squeezed(doc.slice(u));
    }
    let col = &t.columns[c];
    let prefix = match col.multiplier {
        10_000 => "万",
        100_000_000 => "亿",
        _ => "",
    };
    format!("{prefix}{}", doc.slice(&col.unit))
}

/// The findings of every table's row sums.
pub fn check(
    rule: &super::sum::Sum,
    doc: &Document,
    tables: &[Table],
    row_sums: &[RowSum],
    out: &mut Vec<Diagnostic>,
) {
    // Row sums come table by table: each table's columns are read once.
    for sums in row_sums.chunk_by(|a, b| a.table == b.table) {
        let t = &tables[sums[0].table];
        let columns: Vec<(usize, bool)> = summed_columns(doc, t)
            .into_iter()
            .map(|c| (c, rounded(doc, t, c)))
            .collect();
        for s in sums {
            for &(c, rounded) in &columns {
                out.extend(judge(rule, doc, t, s, c, rounded));
            }
        }
    }
}

fn judge(
    rule: &super::sum::Sum,
    doc: &Document,
    t: &Table,
    s: &RowSum,
    c: usize,
    rounded: bool,
) -> Option<Diagnostic> {
    let total = t.rows[s.total].cells[c].as_ref()?;
    let parts: Vec<&Cell> = s
        .parts
        .iter()
        .map(|&p| t.rows[p].cells[c].as_ref())
        .collect::<Option<_>>()?;
    let whole = s.list == List::Whole;
    // Changes (净增减) add up, but only a 合计 row says they must.
    let negative = |x: &Cell| x.value.mantissa < 0;
    if !whole && (negative(total) || parts.iter().any(|p| negative(p))) {
        return None;
    }
    let want = interval(total, rounded);
    let mut sum = Interval { lo: 0.0, hi: 0.0 };
    // The first parts of a marked list: the ones that may not exceed it.
    let mut first_parts = sum;
    for (n, p) in parts.iter().enumerate() {
        sum = sum.add(interval(p, rounded));
        if n < 2 {
            first_parts = sum;
        }
        // 粮食 = 夏粮 + 秋粮, then 油料: the first parts make the total, so
        // the list ran on past the parts.
        if !whole && n >= 1 && n + 1 < parts.len() && sum.overlaps(want) {
            return None;
        }
    }
    if sum.overlaps(want) {
        return None;
    }
    let exceeds = match s.list {
        List::Marked => first_parts.lo > want.hi,
        _ => sum.lo > want.hi,
    };
    let short = sum.hi < want.lo;
    let near = parts.len() >= 2 && sum.mid() >= want.mid() * NEAR_WHOLE;
    if !(exceeds || short && (whole || near)) {
        return None;
    }
    let written: Decimal = parts
        .iter()
        .try_fold(Decimal::new(0, 0), |acc, p| acc.checked_add(p.value))?;
    let unit = unit_of(doc, t, s.total, c);
    let label = |r: usize| squeezed(doc.slice(&t.rows[r].label));
    let listed = s
        .parts
        .iter()
        .zip(&parts)
        .map(|(&r, p)| format!("{}{}", label(r), doc.slice(&p.span)))
        .collect::<Vec<_>>()
        .join(" + ");
    let relation = if exceeds { "超过了" } else { "不等于" };
    let message = format!(
        "表中分项之和与总数不一致：{listed} = {written}{unit}，{relation}“{}”{}{unit}。请核对总数或各分项。",
        label(s.total),
        doc.slice(&total.span),
    );
    let mut d = rule.diagnostic(total.span.clone(), message);
    for (&r, p) in s.parts.iter().zip(&parts) {
        d = d.with_related(p.span.clone(), format!("分项 {}", label(r)));
    }
    Some(d)
}
