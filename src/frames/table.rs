//! Tables pasted into the draft: rows of cells split by `|` or a tab, a
//! header row naming each column and its unit (绝对数(吨), 比上年增长(%)),
//! a label opening each data row (粮食, 其中:油菜籽), group rows between
//! (按城乡分 | |). The prose around a
//! table restates its cells (粮食产量54300吨，增长0.37%), so a cell is one
//! more statement of a figure.
//!
//! A table copied from a web page often comes one cell to a line (`粮食 |`,
//! `61.84 |`, or bare lines between blank ones): its rows are rebuilt from
//! the cells, each row a label and the figures after it.

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
    /// The first cell, without 其中: or # (粮食, 油菜籽).
    pub label: Span,
    /// The label opened with 其中 or #: the row is a part of a row above.
    pub sub: Option<Sub>,
    /// The row's cell in a column headed 单位 (亿元), if the table has one.
    pub unit: Option<Span>,
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
    // 比上年增减(±%): the sign says the cells may fall; the unit is %.
    let inner_start = inner_start
        + s[inner_start..]
            .strip_prefix('±')
            .map_or(0, |_| '±'.len_utf8());
    let inner = &s[inner_start..close];
    let (skip, multiplier) = match inner.chars().next() {
        Some('万') if inner.len() > '万'.len_utf8() => ('万'.len_utf8(), 10_000),
        Some('亿') if inner.len() > '亿'.len_utf8() => ('亿'.len_utf8(), 100_000_000),
        _ => (0, 1),
    };
    let start = header.start + inner_start + skip;
    (start..header.start + close, multiplier)
}

fn columns_of(doc: &Document, header: &[Span]) -> Vec<Column> {
    let line = header
        .first()
        .and_then(|h| doc.paragraph_at(h.start))
        .and_then(|first| unit_line_above(doc, first));
    header
        .iter()
        .map(|h| {
            let (mut unit, mut multiplier) = header_unit(doc.text, h);
            // 单位:亿元 above the table: the unit of its columns of levels.
            if let Some((line_unit, line_multiplier)) = &line {
                let header = squeezed(doc.slice(h));
                if unit.is_empty() && !RATE_HEADERS.iter().any(|w| header.contains(w)) {
                    unit = line_unit.clone();
                    multiplier = *line_multiplier;
                }
            }
            Column {
                header: h.clone(),
                unit,
                multiplier,
            }
        })
        .collect()
}

/// Words of a header naming a column of rates or indices, not levels.
const RATE_HEADERS: &[&str] = &[
    "增长",
    "增减",
    "增速",
    "比上年",
    "同比",
    "±",
    "%",
    "％",
    "指数",
    "比重",
    "构成",
    "占",
    "率",
];

/// How many lines above a table's header its unit line is looked for in
/// (a caption may stand between).
const UNIT_LINE_REACH: usize = 3;

/// The unit a line above the header gives the table (单位:亿元, 计量单位：吨),
/// as a header's brackets would: its span without 万/亿, and the multiplier.
fn unit_line_above(doc: &Document, header_paragraph: usize) -> Option<(Span, u32)> {
    (header_paragraph.saturating_sub(UNIT_LINE_REACH)..header_paragraph)
        .rev()
        .find_map(|k| {
            let span = &doc.paragraphs[k].span;
            let line = doc.slice(span);
            let at = line.find("单位")?;
            let rest = line[at + "单位".len()..].strip_prefix([':', '：'])?;
            let rest_start = span.start + line.len() - rest.len();
            let unit = rest.trim_start();
            let start = rest_start + rest.len() - unit.len();
            let unit = unit.trim_end_matches(|c: char| c.is_whitespace() || c == '|');
            if unit.is_empty() || unit.chars().count() > 4 {
                return None;
            }
            let (skip, multiplier) = match unit.chars().next() {
                Some('万') if unit.len() > '万'.len_utf8() => ('万'.len_utf8(), 10_000),
                Some('亿') if unit.len() > '亿'.len_utf8() => ('亿'.len_utf8(), 100_000_000),
                _ => (0, 1),
            };
            Some((start + skip..start + unit.len(), multiplier))
        })
}

/// How a row is marked as a part of a row above.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sub {
    /// 其中:夏粮 — the rows after it, unmarked, may be parts too (秋粮).
    Qizhong,
    /// #工业 — each part is marked.
    Each,
}

/// Words opening a row that is a part of a row above: 其中:夏粮, #工业.
const SUB_MARKS: &[(&str, Sub)] = &[
    ("其中:", Sub::Qizhong),
    ("其中：", Sub::Qizhong),
    ("其中", Sub::Qizhong),
    ("#", Sub::Each),
    ("＃", Sub::Each),
];

/// One row of cells under `columns`: its label, unit and figures.
fn row_of(doc: &Document, columns: &[Column], row: &[Span]) -> Row {
    let label = row[0].clone();
    let name = doc.slice(&label);
    let mark = SUB_MARKS.iter().find(|(w, _)| name.starts_with(w));
    let skip = mark.map_or(0, |(w, _)| w.len());
    let unit_column = columns.iter().position(|c| {
        matches!(
            squeezed(doc.slice(&c.header)).as_str(),
            "单位" | "计量单位" | "计算单位"
        )
    });
    let cells = (0..columns.len())
        .map(|c| {
            let span = row.get(c).filter(|_| c > 0)?;
            cell_number(doc.slice(span)).map(|value| Cell {
                value,
                span: span.clone(),
            })
        })
        .collect();
    Row {
        label: crate::text::trim_span(doc.text, label.start + skip..label.end),
        sub: mark.map(|&(_, sub)| sub),
        unit: unit_column
            .filter(|&c| c > 0)
            .and_then(|c| row.get(c).cloned()),
        cells,
    }
}

/// A cell's text without blanks: 工 业 → 工业, 单 位 → 单位.
pub fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every table of the document: runs of consecutive table rows whose first
/// row is a header (no number in it), and tables written a cell to a line.
pub fn tables(doc: &Document) -> Vec<Table> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < doc.paragraphs.len() {
        let Some(header) = cells(doc.text, &doc.paragraphs[k].span).filter(|h| h.len() >= 2) else {
            if let Some((table, end)) = spaced_table(doc, k) {
                out.push(table);
                k = end;
                continue;
            }
            // A run of lone cells that is no table is passed over whole,
            // so a long list of short lines is read once.
            let (table, end) = cell_per_line(doc, k);
            out.extend(table);
            k = end.max(k + 1);
            continue;
        };
        let first = k;
        k += 1;
        if header.iter().any(|c| cell_number(doc.slice(c)).is_some()) {
            continue;
        }
        // A header broken over lines (项目名称 | 计算单位 | / 3月 | 1-3月累计 | /
        // …): lines of cells with no figure go on it while they fit.
        let mut header = header;
        while let Some(more) = doc.paragraphs.get(k).and_then(|p| cells(doc.text, &p.span)) {
            let figures = more.iter().any(|c| cell_number(doc.slice(c)).is_some());
            if figures || header.len() + more.len() > MAX_ROW_CELLS {
                break;
            }
            header.extend(more);
            k += 1;
        }
        let columns = columns_of(doc, &header);
        let mut rows = Vec::new();
        while let Some(row) = doc.paragraphs.get(k).and_then(|p| cells(doc.text, &p.span)) {
            k += 1;
            // 按城乡分 | |: a group label inside the table, no figures.
            if rows.len() >= MAX_ROWS || row.len() < 2 || row.len() > columns.len() {
                continue;
            }
            rows.push(row_of(doc, &columns, &row));
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

/// The cells of a line set apart by blanks (粮食 21774 0.99), a row mark
/// standing apart (# 食品烟酒) joined to the label after it.
fn spaced_cells(text: &str, p: &Span) -> Vec<Span> {
    let s = &text[p.clone()];
    let mut out: Vec<Span> = Vec::new();
    let mut start = None;
    let blank = |c: char| matches!(c, ' ' | '\u{3000}' | '\u{a0}');
    for (i, c) in s.char_indices() {
        match (blank(c), start) {
            (true, Some(a)) => {
                out.push(p.start + a..p.start + i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push(p.start + a..p.end);
    }
    if out.len() >= 2 && matches!(&text[out[0].clone()], "#" | "＃") {
        let mark = out.remove(0);
        out[0].start = mark.start;
    }
    out
}

/// Longest line read as a row of a table set out with blanks.
const MAX_SPACED_ROW: usize = 60;

/// A table set out with blanks from paragraph `k`: a header line of words,
/// then rows of a label and figures, all of one width (产品名称 产量
/// 比上年增长% / 粮食 21774 0.99 / 其中:稻谷 19179 1.02). A header with more
/// words than the rows have cells had its first label split (项  目): they
/// are one. The table and the paragraph after it.
fn spaced_table(doc: &Document, k: usize) -> Option<(Table, usize)> {
    let line = |j: usize| doc.slice(&doc.paragraphs[j].span);
    let plain = |s: &str| {
        s.chars().count() <= MAX_SPACED_ROW && !s.contains(['。', '，', '；', ',', ';', '|', '\t'])
    };
    if !plain(line(k)) {
        return None;
    }
    let mut header = spaced_cells(doc.text, &doc.paragraphs[k].span);
    if header.len() < 2
        || header.len() > MAX_ROW_CELLS + 1
        || header.iter().any(|c| is_value_cell(doc.slice(c)))
    {
        return None;
    }
    let row_at = |j: usize| -> Option<Vec<Span>> {
        let p = doc.paragraphs.get(j)?;
        if !plain(doc.slice(&p.span)) {
            return None;
        }
        let cells = spaced_cells(doc.text, &p.span);
        let (label, values) = cells.split_first()?;
        (!values.is_empty()
            && !is_value_cell(doc.slice(label))
            && values.iter().all(|c| is_value_cell(doc.slice(c))))
        .then_some(cells)
    };
    let width = row_at(k + 1)?.len();
    if header.len() < width {
        return None;
    }
    let joined = header.len() - width;
    let end_of_label = header[joined].end;
    header.drain(..joined);
    header[0].start = doc.paragraphs[k].span.start + doc.slice(&doc.paragraphs[k].span).len()
        - doc.slice(&doc.paragraphs[k].span).trim_start().len();
    header[0].end = end_of_label;
    let columns = columns_of(doc, &header);
    let mut rows = Vec::new();
    let mut j = k + 1;
    while let Some(cells) = row_at(j).filter(|c| c.len() == width && rows.len() < MAX_ROWS) {
        rows.push(row_of(doc, &columns, &cells));
        j += 1;
    }
    (rows.len() >= 2).then_some((
        Table {
            paragraphs: k..j,
            columns,
            rows,
        },
        j,
    ))
}

/// Cells of a table written a cell to a line, at most.
const MAX_LINE_CELLS: usize = 4_000;
/// Most cells a row written a cell to a line is read with.
const MAX_ROW_CELLS: usize = 12;
/// Longest bare line read as a cell: a label or a figure, not a sentence.
const MAX_BARE_CELL: usize = 30;

/// The one cell of paragraph `k` when it is written as a lone cell: `粮食 |`
/// (`piped`), or a short line with no sentence punctuation.
fn lone_cell(doc: &Document, k: usize, piped: bool) -> Option<Span> {
    let p = &doc.paragraphs[k].span;
    let s = doc.slice(p);
    if piped {
        let inner = s.trim_end().strip_suffix('|')?;
        // `-10322 | |`: an empty cell closing the row.
        let inner = match inner.trim_end().strip_suffix('|') {
            Some(before) if !before.trim().is_empty() => before,
            _ => inner,
        };
        if inner.contains(['|', '\t']) {
            return None;
        }
        let cell = crate::text::trim_span(doc.text, p.start..p.start + inner.len());
        return (!cell.is_empty()).then_some(cell);
    }
    let sentence_mark = |c: char| matches!(c, '。' | '，' | '；' | '！' | '？' | '|' | '\t');
    (s.chars().count() <= MAX_BARE_CELL && !s.contains(sentence_mark)).then(|| p.clone())
}

/// Is the cell a figure's place: a number, or a dash or slash for none?
fn is_value_cell(s: &str) -> bool {
    cell_number(s).is_some() || matches!(s, "-" | "—" | "－" | "--" | "——" | "/" | "…" | "……")
}

/// A table written a cell to a line from paragraph `k`, and the paragraph
/// after it. The rows are rebuilt from the cells: a row starts at a label
/// after a figure; the rows of the usual length give the columns, and the
/// cells right before the first row are their headers.
fn cell_per_line(doc: &Document, k: usize) -> (Option<Table>, usize) {
    let (cells, end) = lone_cells(doc, k);
    (table_of_cells(doc, &cells, k..end), end)
}

/// The run of lone cells from paragraph `k`, and the paragraph after it.
fn lone_cells(doc: &Document, k: usize) -> (Vec<Span>, usize) {
    let piped = doc.slice(&doc.paragraphs[k].span).trim_end().ends_with('|');
    let mut cells = Vec::new();
    let mut end = k;
    while end < doc.paragraphs.len() && cells.len() < MAX_LINE_CELLS {
        let Some(c) = lone_cell(doc, end, piped) else {
            break;
        };
        // A table set out with blanks begins here: the run ends before it.
        if !piped
            && end > k
            && doc.slice(&c).trim().contains(' ')
            && spaced_table(doc, end).is_some()
        {
            break;
        }
        cells.push(c);
        end += 1;
    }
    (cells, end)
}

/// Headers of a column of serial numbers.
const SERIAL_HEADERS: &[&str] = &["序号", "编号"];

/// The cells without a 序号 column: its header, and each serial number (1,
/// 2, 3 … in turn) standing right before a row's label. Written a cell to a
/// line, a serial would read as the last figure of the row before.
fn without_serials(doc: &Document, cells: &[Span]) -> Vec<Span> {
    let is_serial_header = |c: &Span| SERIAL_HEADERS.contains(&squeezed(doc.slice(c)).as_str());
    if !cells.iter().any(is_serial_header) {
        return cells.to_vec();
    }
    let mut last = None;
    let mut kept = Vec::with_capacity(cells.len());
    for (i, c) in cells.iter().enumerate() {
        if is_serial_header(c) {
            continue;
        }
        let n = doc.slice(c).trim().parse::<u32>().ok();
        let before_label = cells
            .get(i + 1)
            .is_some_and(|next| !is_value_cell(doc.slice(next)));
        // The first row's serial may be lost with the page's layout (2 first).
        let next_serial = n.is_some_and(|n| match last {
            None => n <= 2,
            Some(l) => n == l + 1,
        });
        if before_label && next_serial {
            last = n;
            continue;
        }
        kept.push(c.clone());
    }
    kept
}

/// The table the lone cells of `paragraphs` make, if they make one.
fn table_of_cells(doc: &Document, cells: &[Span], paragraphs: Range<usize>) -> Option<Table> {
    let cells = &without_serials(doc, cells)[..];
    // A few short lines (headings, a signature) are no table; a table has
    // figures on lines of their own.
    let values = cells.iter().filter(|c| is_value_cell(doc.slice(c))).count();
    if cells.len() < 8 || values < 4 {
        return None;
    }
    // Rows after the first: each starts at a label that follows a figure.
    let first_value = cells.iter().position(|c| is_value_cell(doc.slice(c)))?;
    let mut starts: Vec<usize> = (first_value + 1..cells.len())
        .filter(|&i| {
            !is_value_cell(doc.slice(&cells[i])) && is_value_cell(doc.slice(&cells[i - 1]))
        })
        .collect();
    // The usual row length: the one most rows have (the last, perhaps cut,
    // counts too: a table of two rows has no other).
    let mut rows_of_length = [0usize; MAX_ROW_CELLS + 1];
    let last_row = starts.last().map(|&s| cells.len() - s);
    for n in starts.windows(2).map(|w| w[1] - w[0]).chain(last_row) {
        if let Some(count) = rows_of_length.get_mut(n) {
            *count += 1;
        }
    }
    let width = (2..rows_of_length.len()).max_by_key(|&n| (rows_of_length[n], n))?;
    // The first row ends where the second starts; the header is the cells
    // right before it (a caption above stays out).
    let first_row = starts.first()?.checked_sub(width)?;
    if rows_of_length[width] == 0 || first_row < width || first_row > first_value {
        return None;
    }
    starts.insert(0, first_row);
    let bounds = |r: usize| starts[r]..starts.get(r + 1).copied().unwrap_or(cells.len());
    let header = &cells[first_row - width..first_row];
    if header.iter().any(|c| is_value_cell(doc.slice(c))) {
        return None;
    }
    // 收入 | 执行数 | 支出 | 执行数: two tables side by side, their rows
    // read as one column each would add income to spending.
    let lead = &cells[first_row.saturating_sub(2 * width)..first_row];
    let repeated = lead.iter().enumerate().any(|(i, a)| {
        lead[i + 1..]
            .iter()
            .any(|b| squeezed(doc.slice(a)) == squeezed(doc.slice(b)))
    });
    if repeated {
        return None;
    }
    let columns = columns_of(doc, header);
    let rows: Vec<Row> = (0..starts.len())
        .map(bounds)
        .filter(|b| b.len() == width)
        .take(MAX_ROWS)
        .map(|b| row_of(doc, &columns, &cells[b]))
        .collect();
    (rows.len() >= 2).then_some(Table {
        paragraphs,
        columns,
        rows,
    })
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
