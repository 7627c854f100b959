//! Tables pasted into the draft: rows of cells split by `|` or a tab, a
//! header row naming each column and its unit (绝对数(吨), 比上年增长(%)),
//! a label opening each data row (粮食, 其中:油菜籽), group rows between
//! (按城乡分 | |). The prose around a
//! table restates its cells (粮食产量54300吨，增长0.37%), so a cell is one
//! more statement of a figure.

use crate::document::Document;
use crate::quantity::{cell_number, Decimal};
use crate::text::Span;
use std::ops::Range;

/// Rows kept per table: a statistical annex has dozens, not thousands.
const MAX_ROWS: usize = 200;

#[derive(Debug, Clone)]
pub struct Table {
    /// Indices into `Document::paragraphs`, the header row included.
    pub paragraphs: Range<usize>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone)]
pub struct Column {
    /// The header cell: 比上年增长(%).
    pub header: Span,
    /// The unit in the header's brackets without its 万/亿 (吨, %, 元); empty if none.
    pub unit: Span,
    /// 万 = 10^4, 亿 = 10^8 when the header writes 万吨 / 亿元.
    pub multiplier: u32,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// The first cell, without 其中: (粮食, 油菜籽).
    pub label: Span,
    /// The number in each column, where the cell holds one.
    pub cells: Vec<Option<Cell>>,
}

#[derive(Debug, Clone)]
pub struct Cell {
    pub value: Decimal,
    /// Where the number is written.
    pub span: Span,
}

/// The cells of a paragraph, trimmed, when it is a table row.
fn cells(text: &str, p: &Span) -> Option<Vec<Span>> {
    let s = &text[p.clone()];
    // Bytes, not chars: most paragraphs are no table row.
    if !s.bytes().any(|b| b == b'|' || b == b'\t') {
        return None;
    }
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), '|'))) {
        if c == '|' || c == '\t' {
            let cell = crate::text::trim_span(s, from..i);
            if !cell.is_empty() {
                out.push(p.start + cell.start..p.start + cell.end);
            }
            from = i + c.len_utf8();
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The unit a header cell states in brackets: 绝对数(万吨) → (吨, 10^4).
fn header_unit(text: &str, header: &Span) -> (Span, u32) {
    let s = &text[header.clone()];
    let open = s.rfind(['(', '（']);
    let close = s.rfind([')', '）']);
    let (Some(open), Some(close)) = (open, close) else {
        return (header.end..header.end, 1);
    };
    let inner_start = open + s[open..].chars().next().map_or(1, char::len_utf8);
    if close <= inner_start {
        return (header.end..header.end, 1);
    }
    let inner = &s[inner_start..close];
    let (skip, multiplier) = match inner.chars().next() {
        Some('万') if inner.len() > '万'.len_utf8() => ('万'.len_utf8(), 10_000),
        Some('亿') if inner.len() > '亿'.len_utf8() => ('亿'.len_utf8(), 100_000_000),
        _ => (0, 1),
    };
    let start = header.start + inner_start + skip;
    (start..header.start + close, multiplier)
}

/// Every table of the document: runs of consecutive table rows whose first
/// row is a header (no number in it).
pub fn tables(doc: &Document) -> Vec<Table> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < doc.paragraphs.len() {
        let Some(header) = cells(doc.text, &doc.paragraphs[k].span).filter(|h| h.len() >= 2) else {
            k += 1;
            continue;
        };
        let first = k;
        k += 1;
        if header.iter().any(|c| cell_number(doc.slice(c)).is_some()) {
            continue;
        }
        let columns: Vec<Column> = header
            .iter()
            .map(|h| {
                let (unit, multiplier) = header_unit(doc.text, h);
                Column {
                    header: h.clone(),
                    unit,
                    multiplier,
                }
            })
            .collect();
        let mut rows = Vec::new();
        while let Some(row) = doc.paragraphs.get(k).and_then(|p| cells(doc.text, &p.span)) {
            k += 1;
            // 按城乡分 | |: a group label inside the table, no figures.
            if rows.len() >= MAX_ROWS || row.len() < 2 || row.len() > columns.len() {
                continue;
            }
            let label = row[0].clone();
            let name = doc.slice(&label);
            let skip = ["其中:", "其中：", "其中"]
                .iter()
                .find(|w| name.starts_with(*w))
                .map_or(0, |w| w.len());
            let cells = (0..columns.len())
                .map(|c| {
                    let span = row.get(c).filter(|_| c > 0)?;
                    cell_number(doc.slice(span)).map(|value| Cell {
                        value,
                        span: span.clone(),
                    })
                })
                .collect();
            rows.push(Row {
                label: label.start + skip..label.end,
                cells,
            });
        }
        if !rows.is_empty() {
            out.push(Table {
                paragraphs: first..k,
                columns,
                rows,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_header_units_and_row_labels() {
        let text = "标题\n产品名称 | 绝对数(万吨) | 比上年增长(%) |\n粮食 | 5.43 | 0.37 |\n其中:夏粮\t2.1\t-1.5\n";
        let doc = Document::parse(text);
        let t = &tables(&doc)[0];
        assert_eq!(t.columns.len(), 3);
        assert_eq!(doc.slice(&t.columns[1].unit), "吨");
        assert_eq!(t.columns[1].multiplier, 10_000);
        assert_eq!(doc.slice(&t.columns[2].unit), "%");
        let labels: Vec<&str> = t.rows.iter().map(|r| doc.slice(&r.label)).collect();
        assert_eq!(labels, ["粮食", "夏粮"]);
        assert_eq!(
            t.rows[1].cells[2].as_ref().map(|c| c.value),
            Some(Decimal::new(-15, 1))
        );
    }
}
