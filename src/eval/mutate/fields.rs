//! `empty-field`: a line `label：content` with a short label (填报单位：…,
//! 联系人：…) loses its content.

use super::plant::{Kind, Plant};
use super::Planting;

const MAX_LABEL_CHARS: usize = 8;

const BLANKS: [char; 3] = [' ', '\u{3000}', '\t'];

/// Labels that introduce a breakdown, not a field to fill in.
const NOT_FIELDS: [&str; 1] = ["其中"];

/// Last characters of a lead-in clause (主要做法是：, 具体如下：), no field name.
const LEAD_IN_ENDS: [char; 7] = ['是', '为', '下', '有', '括', '说', '示'];

pub fn plant(text: &str, out: &mut Planting) {
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if let Some(content) = field_content(line) {
            let range = line_start + content.start..line_start + content.end;
            out.plants.push(Plant::new(Kind::EmptyField, range, ""));
        }
        line_start += line.len();
    }
}

/// The content's bytes in `line` when the line is `label：content`.
fn field_content(line: &str) -> Option<std::ops::Range<usize>> {
    let lead = line.len() - line.trim_start_matches(BLANKS).len();
    let (colon, c) = line.char_indices().find(|&(_, c)| c == '：' || c == ':')?;
    let label = &line[lead..colon];
    let chars = label.chars().count();
    let han = label
        .chars()
        .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let lead_in = label.ends_with(LEAD_IN_ENDS);
    if chars == 0 || chars > MAX_LABEL_CHARS || !han || lead_in || NOT_FIELDS.contains(&label) {
        return None;
    }
    let start = colon + c.len_utf8();
    let line_end = line.trim_end_matches(['\n', '\r']).len();
    let end = next_field(line, start).unwrap_or(line_end);
    let content = &line[start..end];
    (!content.trim_matches(BLANKS).is_empty()).then_some(start..end)
}

/// Where the next field of the same line starts (日期：… 来源：…): at the
/// blank before a short Han label and its colon.
fn next_field(line: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(i) = line[at..].find(BLANKS) {
        let blank = at + i;
        let rest = line[blank..].trim_start_matches(BLANKS);
        let label: String = rest.chars().take_while(|&c| is_han(c)).collect();
        let labelled = rest[label.len()..].starts_with(['：', ':']);
        if labelled && (1..=MAX_LABEL_CHARS).contains(&label.chars().count()) {
            return Some(blank);
        }
        at = blank + line[blank..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empties_short_labelled_fields_only() {
        let text = "填报单位：青山镇\n其中：小学3所\n我镇的主要做法是：抓落实\n联系人:张三\r\n备注：\n日期:2020-08-31 17:29 来源: 字体:大\n";
        let mutated = super::super::mutants(plant, text);
        assert_eq!(
            mutated,
            [
                "填报单位：\n其中：小学3所\n我镇的主要做法是：抓落实\n联系人:张三\r\n备注：\n日期:2020-08-31 17:29 来源: 字体:大\n",
                "填报单位：青山镇\n其中：小学3所\n我镇的主要做法是：抓落实\n联系人:\r\n备注：\n日期:2020-08-31 17:29 来源: 字体:大\n",
                "填报单位：青山镇\n其中：小学3所\n我镇的主要做法是：抓落实\n联系人:张三\r\n备注：\n日期: 来源: 字体:大\n",
            ]
        );
    }
}
