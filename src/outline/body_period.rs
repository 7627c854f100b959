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
        // The dates' majority first: a single opening year (perhaps the slip
        // itself) does not outvote it.
        let Some(year) = dominant_year(&self.dates, text, paragraphs)
            .or_else(|| opening_year(text, paragraphs, self.title_paragraph))
        else {
            return;
        };
        // 上半年国民经济运行总体平稳: a headline that names the months, not the year.
        let title = self.title.as_ref().map(|t| &text[t.clone()]);
        let (label, start_month, end_month) =
            title.map_or(("年度".to_string(), 1, 12), period_months);
        self.body_period = Some(Period {
            label: if label == "年度" {
                format!("{year}年度")
            } else {
                format!("{year}年{label}")
            },
            year,
            start_month,
            end_month,
        });
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

/// A paragraph near the start that opens on a year standing alone as its
/// topic: `2022年，…`, `2022年是…`, `2022年在…`, `2022年以来…`.
fn opening_year(text: &str, paragraphs: &[Span], title: Option<usize>) -> Option<u32> {
    paragraphs
        .iter()
        .enumerate()
        .filter(|&(pi, p)| Some(pi) != title && !text[p.clone()].trim().is_empty())
        .take(OPENING_PARAGRAPHS)
        .find_map(|(_, p)| year_as_topic(text[p.clone()].trim_start()))
}

/// `2022年，` / `2022年是` / `2022年在` / `2022年以来` at the start of `s`.
fn year_as_topic(s: &str) -> Option<u32> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let year: u32 = s[..4].parse().ok()?;
    let rest = s[4..].strip_prefix('年')?;
    let topic = rest.starts_with([',', '，', '是', '在'])
        || rest.starts_with("以来")
        || rest.starts_with("全年");
    ((1900..2200).contains(&year) && topic).then_some(year)
}

/// A year the body's dates name at least three times and more than twice as
/// often as any other. Dates alone on a line (issued, published) are not counted.
fn dominant_year(dates: &[DateMention], text: &str, paragraphs: &[Span]) -> Option<u32> {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for d in dates.iter().filter(|d| d.end_year.is_none()) {
        let Some(y) = d.year else { continue };
        let alone = paragraphs
            .iter()
            .find(|p| p.contains(&d.span.start))
            .is_some_and(|p| is_date_line(&text[p.clone()], &text[d.span.clone()]));
        if alone {
            continue;
        }
        match counts.iter_mut().find(|(cy, _)| *cy == y) {
            Some((_, n)) => *n += 1,
            None => counts.push((y, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
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
    fn a_year_as_the_topic_of_an_opening() {
        assert_eq!(year_as_topic("2022年，全县上下"), Some(2022));
        assert_eq!(year_as_topic("2021年是建党100周年"), Some(2021));
        assert_eq!(year_as_topic("2022年在镇党委的领导下"), Some(2022));
        assert_eq!(year_as_topic("2019年3月22日"), None);
        assert_eq!(year_as_topic("2015-2020年规划"), None);
        assert_eq!(year_as_topic("2022年度防返贫监测"), None);
        assert_eq!(year_as_topic("12345年，"), None);
    }

    #[test]
    fn a_date_line_in_brackets() {
        assert!(is_date_line("（2023年5月17日）", "2023年5月17日"));
        assert!(is_date_line("2023年5月17日。", "2023年5月17日"));
        assert!(!is_date_line("2023年5月17日召开会议", "2023年5月17日"));
    }
}
