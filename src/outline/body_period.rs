//! The reporting period read from the body when the title names none: a
//! bulletin cut from its page, a draft whose title lost its line break, a
//! headline without a year (上半年国民经济运行总体平稳). Only forms that state
//! the period are read, never a guess from one date:
//!
//! - a title run into the body: `市教育局2022年工作总结和2023年工作计划2022年，我局…`
//!   (the words up to the first 文种 name the period);
//! - an opening that names the year: a paragraph near the start written
//!   `2022年，…` / `2022年是…` / `2022年在…` (a year standing as the topic of
//!   the text, not a date `2019年3月22日`);
//! - a year that the body's dates name at least three times and more than
//!   twice as often as any other year (read first: one opening year, perhaps
//!   the slip itself, does not outvote the dates).
//!
//! The months come from the title when it names a part of the year without
//! its year (上半年…); otherwise the whole year is the period.

use super::dates::DateMention;
use super::title::{period_months, period_of};
use super::words::{is_chrome, DOC_KINDS};
use super::{Outline, Period};
use crate::text::Span;

/// How many paragraphs from the start an opening `2022年，` is looked for in.
const OPENING_PARAGRAPHS: usize = 6;

impl Outline {
    /// [`Outline::body_period`], read after the title, headings and dates.
    pub(super) fn find_body_period(&mut self, text: &str, paragraphs: &[Span]) {
        if self.period.is_some() {
            return;
        }
        if let Some(p) = glued_title_period(text, paragraphs) {
            self.body_period = Some(p);
            return;
        }
        // The dates' majority first: one year in the opening (perhaps the
        // slip itself) does not outvote it. Then a sentence that hands the
        // text over for a period (现将2022年工作总结如下), then an opening year.
        let opening = announced_period(text, paragraphs, self.title_paragraph)
            .or_else(|| opening_period(text, paragraphs, self.title_paragraph));
        let year = dominant_year(&self.dates, text, paragraphs).or(opening.and_then(|o| o.0));
        // 上半年国民经济运行总体平稳: a headline that names the months, not the
        // year; else an opening that does (一季度，全县…).
        let title = self.title.as_ref().map(|t| &text[t.clone()]);
        let months = title
            .map(period_months)
            .filter(|m| m.0 != "年度")
            .or(opening
                .and_then(|o| o.1)
                .map(|(l, a, b)| (l.to_string(), a, b)));
        self.body_period = match (year, months) {
            (Some(year), None) => Some(Period {
                label: format!("{year}年度"),
                year,
                start_month: 1,
                end_month: 12,
            }),
            (year, Some((label, start_month, end_month))) => Some(Period {
                label: year.map_or(label.clone(), |y| format!("{y}年{label}")),
                // Year 0: not stated; only dates without a year are compared.
                year: year.unwrap_or(0),
                start_month,
                end_month,
            }),
            (None, None) => None,
        };
    }

    /// The period the draft reports on: the title's, else the one its body states.
    pub fn reporting_period(&self) -> Option<&Period> {
        self.period.as_ref().or(self.body_period.as_ref())
    }
}

/// A title run straight into the body in the first paragraph: the words up
/// to the first 文种, with no stop or comma among them, name the period.
fn glued_title_period(text: &str, paragraphs: &[Span]) -> Option<Period> {
    let first = paragraphs
        .iter()
        .map(|p| &text[p.clone()])
        .find(|s| !s.trim().is_empty() && !is_chrome(s))?;
    let head: String = first.trim_start().chars().take(40).collect();
    let end = DOC_KINDS
        .iter()
        .filter_map(|k| head.find(k).map(|i| i + k.len()))
        .min()?;
    let head = &head[..end];
    if head.contains(['。', ',', '，', ';', '；', ':', '：']) {
        return None;
    }
    period_of(head)
}

/// What an opening names: its year, and the part of the year.
type Opening = (Option<u32>, Option<(&'static str, u32, u32)>);

/// Words that hand over what follows: 现将…如下.
pub const DISPOSAL: &[&str] = &["现将", "特将", "兹将", "今将", "下面将", "下面就", "现就"];

/// How far after the hand-over word its date is looked for, in bytes.
const ANNOUNCED_REACH: usize = 60;

/// A sentence near the start that hands over the text for a period:
/// `现将我镇2022年上半年工作总结如下` — the first date after the hand-over
/// word, in a sentence that ends in 如下.
fn announced_period(text: &str, paragraphs: &[Span], title: Option<usize>) -> Option<Opening> {
    opening_paragraphs(text, paragraphs, title).find_map(|para| {
        DISPOSAL.iter().find_map(|w| {
            let at = para.find(w)? + w.len();
            let sentence = para[at..].split(['。', '；', ';']).next()?;
            let said = sentence.find("如下")?;
            let head =
                &sentence[..said.min(crate::text::floor_boundary(sentence, ANNOUNCED_REACH))];
            let y = head.find(|c: char| c.is_ascii_digit())?;
            year_and_part(&head[y..])
        })
    })
}

/// The first few paragraphs of the body that are not blank, the title left out.
fn opening_paragraphs<'a>(
    text: &'a str,
    paragraphs: &'a [Span],
    title: Option<usize>,
) -> impl Iterator<Item = &'a str> {
    paragraphs
        .iter()
        .enumerate()
        .filter(move |&(pi, p)| Some(pi) != title && !text[p.clone()].trim().is_empty())
        .take(OPENING_PARAGRAPHS)
        .map(move |(_, p)| &text[p.clone()])
}

/// `2022年`, `2022年上半年` at the start of `s`, whatever follows.
fn year_and_part(s: &str) -> Option<Opening> {
    let year: u32 = s.get(..4)?.parse().ok()?;
    if s[4..].starts_with(|c: char| c.is_ascii_digit()) || !(1900..2200).contains(&year) {
        return None;
    }
    let rest = s[4..].strip_prefix('年')?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None; // 2022年3月: a date, not a period
    }
    let part = PARTS.iter().find(|(w, _, _)| rest.starts_with(w)).copied();
    Some((Some(year), part))
}

/// A paragraph near the start that opens on its period standing alone as
/// its topic: `2022年，…`, `2022年是…`, `2022年在…`, `2022年以来…`,
/// `一季度，…`, `2022年上半年，…`.
fn opening_period(text: &str, paragraphs: &[Span], title: Option<usize>) -> Option<Opening> {
    opening_paragraphs(text, paragraphs, title).find_map(|p| period_as_topic(p.trim_start()))
}

/// Parts of the year an opening may name, with their months.
const PARTS: &[(&str, u32, u32)] = &[
    ("前三季度", 1, 9),
    ("第一季度", 1, 3),
    ("一季度", 1, 3),
    ("第二季度", 4, 6),
    ("二季度", 4, 6),
    ("第三季度", 7, 9),
    ("三季度", 7, 9),
    ("第四季度", 10, 12),
    ("四季度", 10, 12),
    ("上半年", 1, 6),
    ("下半年", 7, 12),
];

/// The period at the start of `s` when it stands as the topic of what follows.
fn period_as_topic(s: &str) -> Option<Opening> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let (year, rest) = match digits {
        0 => (None, s),
        4 => {
            let year: u32 = s[..4].parse().ok()?;
            let rest = s[4..].strip_prefix('年')?;
            (Some((1900..2200).contains(&year).then_some(year)?), rest)
        }
        _ => return None,
    };
    let (part, rest) = match PARTS.iter().find(|(w, _, _)| rest.starts_with(w)) {
        Some(&(w, a, b)) => (Some((w, a, b)), &rest[w.len()..]),
        None => (None, rest),
    };
    if year.is_none() && part.is_none() {
        return None;
    }
    // The year alone may lead a clause (2022年是…, 2022年在…); a part of
    // the year is a topic only before a comma (上半年工作总结 is a title).
    let topic = rest.starts_with([',', '，'])
        || rest.starts_with("以来")
        || (part.is_none() && (rest.starts_with(['是', '在']) || rest.starts_with("全年")));
    topic.then_some((year, part))
}

/// A year the body's dates name at least three times and more than twice as
/// often as any other. Dates alone on a line (issued, published) are not counted.
fn dominant_year(dates: &[DateMention], text: &str, paragraphs: &[Span]) -> Option<u32> {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for d in dates.iter().filter(|d| d.end_year.is_none()) {
        let Some(y) = d.year else { continue };
        let at = paragraphs.partition_point(|p| p.start <= d.span.start);
        let alone = at
            .checked_sub(1)
            .map(|i| &paragraphs[i])
            .is_some_and(|p| is_date_line(&text[p.clone()], &text[d.span.clone()]));
        // 比2023年增加: a base of comparison, not the period.
        let compared = text[..d.span.start].ends_with(['比', '较', '与']);
        if alone || compared {
            continue;
        }
        match counts.iter_mut().find(|(cy, _)| *cy == y) {
            Some((_, n)) => *n += 1,
            None => counts.push((y, 1)),
        }
    }
    crate::text::sort_stable_by(&mut counts, |a, b| b.1.cmp(&a.1));
    let (year, n) = *counts.first()?;
    let second = counts.get(1).map_or(0, |c| c.1);
    (n >= 3 && n > 2 * second).then_some(year)
}

/// Is the paragraph `para` only the date `date`, maybe in brackets or with a
/// full stop (`（2023年5月17日）`)?
pub fn is_date_line(para: &str, date: &str) -> bool {
    para.trim()
        .trim_matches(|c: char| "()（）[]【】。. 　".contains(c))
        == date
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_as_the_topic_of_an_opening() {
        let year = |s| period_as_topic(s).and_then(|o| o.0);
        assert_eq!(year("2022年，全县上下"), Some(2022));
        assert_eq!(year("2021年是建党100周年"), Some(2021));
        assert_eq!(year("2022年在镇党委的领导下"), Some(2022));
        assert_eq!(year("2019年3月22日"), None);
        assert_eq!(year("2015-2020年规划"), None);
        assert_eq!(year("2022年度防返贫监测"), None);
        assert_eq!(year("12345年，"), None);
        let part = |s| period_as_topic(s).and_then(|o| o.1).map(|p| (p.1, p.2));
        assert_eq!(part("一季度，全县实现地区生产总值"), Some((1, 3)));
        assert_eq!(part("2022年上半年，全镇"), Some((1, 6)));
        assert_eq!(
            period_as_topic("2022年上半年，全镇").and_then(|o| o.0),
            Some(2022)
        );
        assert_eq!(part("上半年工作总结"), None);
        assert_eq!(part("上半年在党委领导下"), None);
    }

    #[test]
    fn a_date_line_in_brackets() {
        assert!(is_date_line("（2023年5月17日）", "2023年5月17日"));
        assert!(is_date_line("2023年5月17日。", "2023年5月17日"));
        assert!(!is_date_line("2023年5月17日召开会议", "2023年5月17日"));
    }
}
