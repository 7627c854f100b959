//! Shares inside a table: a column of shares (构成(%), 占年末常住人口比重(%))
//! whose total row reads 100 is each row's level over the total row's level,
//! in the one column of levels — 地区生产总值 | 341881 | 100 …
//! 第一产业 | 56789 | 16.6. Each figure may be off by half a unit of its last
//! digit, so the check is by interval.

use crate::document::Document;
use crate::frames::table::{Cell, Table};
use crate::frames::Interval;
use crate::quantity::Decimal;
use crate::report::Diagnostic;
use crate::rules::Rule;

/// Header words of a column of shares of one whole.
const SHARE_HEADERS: &[&str] = &["比重", "构成", "占"];

/// The share and level columns of a table, when it has exactly one of each.
fn columns(doc: &Document, t: &Table) -> Option<(usize, usize)> {
    let mut share = None;
    let mut level = None;
    for (c, col) in t.columns.iter().enumerate().skip(1) {
        let unit = doc.slice(&col.unit);
        let header = doc.slice(&col.header);
        let is_share = SHARE_HEADERS.iter().any(|w| header.contains(w));
        if matches!(unit, "%" | "％") {
            if is_share && share.replace(c).is_some() {
                return None;
            }
        } else if !unit.is_empty() && level.replace(c).is_some() {
            return None;
        }
    }
    Some((share?, level?))
}

/// `x` to `decimals` places, as the table writes its shares.
fn shown(x: f64, decimals: u32) -> Decimal {
    Decimal::new((x * 10f64.powi(decimals as i32)).round() as i64, decimals)
}

fn interval(cell: &Cell) -> Interval {
    Interval::of_decimal(Decimal::new(cell.value.mantissa.abs(), cell.value.scale))
}

/// The findings of every table's share column against its levels.
pub fn check(
    rule: &super::percent::Percent,
    doc: &Document,
    tables: &[Table],
    out: &mut Vec<Diagnostic>,
) {
    for t in tables {
        let Some((share, level)) = columns(doc, t) else {
            continue;
        };
        // The total row: its share is 100.
        let hundred = Decimal::new(100, 0);
        let Some(total) = t.rows.iter().find(|r| {
            r.cells[share]
                .as_ref()
                .is_some_and(|c| c.value.cmp_value(hundred) == Some(std::cmp::Ordering::Equal))
        }) else {
            continue;
        };
        let Some(whole) = total.cells[level].as_ref() else {
            continue;
        };
        for row in &t.rows {
            let (Some(stated), Some(part)) = (row.cells[share].as_ref(), row.cells[level].as_ref())
            else {
                continue;
            };
            if std::ptr::eq(row, total) || part.value.mantissa < 0 {
                continue;
            }
            let Some(ratio) = interval(part).div(interval(whole)).map(|x| x.scale(100.0)) else {
                continue;
            };
            if ratio.overlaps(interval(stated)) {
                continue;
            }
            let label = doc.slice(&row.label);
            out.push(
                rule.diagnostic(
                    stated.span.clone(),
                    format!(
                        "表中比例与数字不符：“{label}”{} ÷ “{}”{} ≈ {}%，而表中写的是{}%。请核对。",
                        doc.slice(&part.span),
                        doc.slice(&total.label),
                        doc.slice(&whole.span),
                        shown(ratio.mid(), stated.value.scale.max(1)),
                        doc.slice(&stated.span)
                    ),
                )
                .with_related(part.span.clone(), "部分")
                .with_related(whole.span.clone(), "整体"),
            );
        }
    }
}
