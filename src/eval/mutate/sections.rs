//! `section-removed`: one whole top-level section about problems (存在问题,
//! 不足) or plans (下一步, 打算) cut out, from its heading to the next
//! top-level heading, on complete texts only.

use super::numbering::{markers, Marker, Style};
use super::plant::{Kind, Plant};
use super::Planting;

/// Heading words of a problems section. 问题 alone is not one: 一、着力解决
/// 群众急难问题 reports work done.
const PROBLEMS: [&str; 4] = ["存在", "不足", "困难", "短板"];
/// Heading words of a plans section. 计划 alone is not one: 一、年度计划完成
/// 情况 reports results.
const PLANS: [&str; 7] = ["下一步", "下步", "打算", "今后", "明年", "展望", "下半年"];

/// A trailing line this short without a sentence stop is the sign-off block
/// (unit, date), which stays when the last section goes.
const SIGN_OFF_LINE: usize = 30;

pub fn plant(text: &str, out: &mut Planting) {
    let all = markers(text);
    let top = top_level(&all);
    for (i, heading) in top.iter().enumerate() {
        let line_end = text[heading.line_start..]
            .find('\n')
            .map_or(text.len(), |e| heading.line_start + e);
        let title = &text[heading.line_start..line_end];
        let title = title.split('。').next().unwrap_or(title);
        let about = |words: &[&str]| words.iter().any(|w| title.contains(w));
        if !about(&PROBLEMS) && !about(&PLANS) {
            continue;
        }
        let end = match top.get(i + 1) {
            Some(next) => next.line_start,
            None => body_end(text),
        };
        if end > heading.line_start {
            out.plants.push(Plant::new(
                Kind::SectionRemoved,
                heading.line_start..end,
                "",
            ));
        }
    }
}

/// The top-level headings: 一、 where there are two or more, else （一）.
fn top_level(all: &[Marker]) -> Vec<&Marker> {
    let of = |want: fn(Style) -> bool| -> Vec<&Marker> {
        all.iter().filter(|m| want(m.style)).collect()
    };
    let han = of(|s| s == Style::HanComma);
    if han.len() >= 2 {
        han
    } else {
        of(|s| matches!(s, Style::HanParen(_)))
    }
}

/// Where the body ends: before the trailing sign-off lines and blank lines.
fn body_end(text: &str) -> usize {
    let mut end = text.len();
    loop {
        let body = text[..end].trim_end_matches(['\n', '\r', ' ', '\u{3000}']);
        let line_start = body.rfind('\n').map_or(0, |i| i + 1);
        let line = &body[line_start..];
        let sign_off = !line.is_empty()
            && line.chars().count() <= SIGN_OFF_LINE
            && !line.contains(['。', '；', ';', '，', ',']);
        if !sign_off || line_start == 0 {
            return end;
        }
        end = line_start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_a_middle_and_a_last_section_keeping_the_sign_off() {
        let text = "标题\n一、成效\n做了事。\n二、存在问题\n资金少。\n三、下一步打算\n继续干。\n某镇人民政府\n2023年4月2日\n";
        let mutated = super::super::mutants(plant, text);
        assert_eq!(
            mutated,
            [
                "标题\n一、成效\n做了事。\n三、下一步打算\n继续干。\n某镇人民政府\n2023年4月2日\n",
                "标题\n一、成效\n做了事。\n二、存在问题\n资金少。\n某镇人民政府\n2023年4月2日\n",
            ]
        );
    }
}
