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
        // 比上年增长% / 比上年±%: the unit written last, without brackets.
        if let Some(c) = s.chars().next_back().filter(|c| matches!(c, '%' | '％')) {
            return (header.end - c.len_utf8()..header.end, 1);
        }
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
        let Some(header) = cells(doc.text, &doc.paragraphs[k].span) else {
            k += 1;
            continue;
        };
        if header.len() == 1 {
            // A run of one-cell lines is read once, table or not: linear.
            let (table, run) = stacked(doc, k);
            k += run.max(1);
            out.extend(table);
            continue;
        }
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
            rows.push(row_of(doc, &row, columns.len()));
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

/// A data row from its cells: the label without 其中:, and the number in
/// each column where the cell holds one.
fn row_of(doc: &Document, row: &[Span], columns: usize) -> Row {
    let label = row[0].clone();
    let name = doc.slice(&label);
    let skip = ["其中:", "其中：", "其中"]
        .iter()
        .find(|w| name.starts_with(*w))
        .map_or(0, |w| w.len());
    let cells = (0..columns)
        .map(|c| {
            let span = row.get(c).filter(|_| c > 0)?;
            cell_number(doc.slice(span)).map(|value| Cell {
                value,
                span: span.clone(),
            })
        })
        .collect();
    Row {
        label: label.start + skip..label.end,
        cells,
    }
}

/// Most columns a table written one cell a line is read with.
const MAX_STACKED_COLUMNS: usize = 8;

/// A table pasted one cell a line (农产品名称 | / 总产量(万吨) | / 比上年±% |
/// / 粮食 | / 61.84 | / 0.74 | …), from paragraph `k`. The number of columns
/// is the period that reads the most rows alike: a header of that many cells
/// without a number, then rows each opened by a label, their cells numbers
/// where the first row's are. A line or two before the header (表1 主要农产品产量 |)
/// is skipped. Returns the table and how many lines of the run it read.
fn stacked(doc: &Document, k: usize) -> (Option<Table>, usize) {
    let one_cell = |p: &crate::document::Paragraph| {
        let s = doc.slice(&p.span);
        if !s.ends_with(['|', '｜']) {
            return None;
        }
        cells(doc.text, &p.span)
            .filter(|c| c.len() == 1)
            .map(|c| c[0].clone())
    };
    let run: Vec<Span> = doc.paragraphs[k..]
        .iter()
        .take((MAX_ROWS + 1) * MAX_STACKED_COLUMNS)
        .map_while(one_cell)
        .collect();
    let number = |c: &Span| cell_number(doc.slice(c)).is_some();
    // (lines skipped, columns, rows) of the period that covers the most cells.
    let mut best: Option<(usize, usize, usize)> = None;
    for skip in 0..=2.min(run.len()) {
        let run = &run[skip..];
        for n in 2..=MAX_STACKED_COLUMNS.min(run.len() / 2) {
            if run[..n].iter().any(number) {
                break;
            }
            let first: Vec<bool> = run[n..2 * n].iter().map(number).collect();
            if first[0] || !first.iter().any(|x| *x) {
                continue;
            }
            let rows = run[n..]
                .chunks_exact(n)
                .take_while(|row| row.iter().map(number).eq(first.iter().copied()))
                .count();
            if best.is_none_or(|(_, bn, br)| rows * n > br * bn) {
                best = Some((skip, n, rows));
            }
        }
    }
    let Some((skip, n, count)) = best else {
        return (None, run.len());
    };
    let (k, run) = (k + skip, &run[skip..]);
    let columns = run[..n]
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
    let rows = run[n..n + n * count]
        .chunks_exact(n)
        .take(MAX_ROWS)
        .map(|row| row_of(doc, row, n))
        .collect();
    let table = Table {
        paragraphs: k..k + n + n * count,
        columns,
        rows,
    };
    (Some(table), skip + n + n * count)
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
