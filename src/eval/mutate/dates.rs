//! `date-outside`: a date of the body that lies within the annotated period
//! moved out of it: a month after the period's end (2022年上半年: 5月 → 7月),
//! or, when the period ends with the year, the year after (2021年 → 2022年).

use super::figure::{arabic_at, body_numbers};
use super::figures::spread;
use super::plant::{Kind, Plant};
use super::Planting;

/// At most this many dates of a text, spread evenly.
const PER_TEXT: usize = 6;

/// A reporting period: a year and its first and last month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub year: i64,
    pub first: i64,
    pub last: i64,
}

/// Reads an annotated period: 2021年度, 2022年上半年, 2018年第一季度,
/// 2023年1-6月, 2021年前三季度. Anything else gives no date plants.
pub fn parse_period(period: &str) -> Option<Period> {
    let year_at = period.find('年')?;
    let year: i64 = period[..year_at].trim().parse().ok()?;
    let rest = &period[year_at + '年'.len_utf8()..];
    let whole = |first, last| Some(Period { year, first, last });
    if rest.is_empty() || rest.starts_with(['度', '(', '（']) {
        return whole(1, 12);
    }
    for (word, first, last) in [("上半年", 1, 6), ("下半年", 7, 12), ("前三季度", 1, 9)] {
        if rest.starts_with(word) {
            return whole(first, last);
        }
    }
    let quarter = rest.trim_start_matches('第');
    for (q, first) in [('一', 1), ('二', 4), ('三', 7), ('四', 10)] {
        if quarter.starts_with(q) && quarter[q.len_utf8()..].starts_with("季度") {
            return whole(first, first + 2);
        }
    }
    // 1-6月, 1—10月, 3月
    let first_month = arabic_at(rest, 0)?;
    let after = &rest[first_month.range.end..];
    if after.starts_with('月') {
        return whole(first_month.mantissa, first_month.mantissa);
    }
    let sep = after.chars().next()?;
    let last_month = arabic_at(after, sep.len_utf8())?;
    if !"-—–~～至到".contains(sep) || !after[last_month.range.end..].starts_with('月') {
        return None;
    }
    whole(first_month.mantissa, last_month.mantissa)
}

fn days_in(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub fn plant(text: &str, period: &Period, out: &mut Planting) {
    let moves = spread(date_moves(text, period), PER_TEXT, out.set);
    out.plants.extend(moves);
}

/// A number at `at` and the byte after it, if the text there is `N<suffix>`.
fn number_then(text: &str, at: usize, suffix: char) -> Option<(i64, usize)> {
    let n = arabic_at(text, at)?;
    (n.decimals == 0 && text[n.range.end..].starts_with(suffix))
        .then(|| (n.mantissa, n.range.end + suffix.len_utf8()))
}

/// Every body date within the period, moved out of it. Dates alone on their
/// line (the document date, the sign-off) and ranges (2015-2030年, 1—10月)
/// are left alone.
fn date_moves(text: &str, period: &Period) -> Vec<Plant> {
    let mut out = Vec::new();
    let in_range = |b: Option<char>| b.is_some_and(|b| "-—–~～至到".contains(b));
    for fig in body_numbers(text) {
        let at = fig.range.start;
        let before = text[..at].chars().next_back();
        if in_range(before) || alone_on_line(text, at) {
            continue;
        }
        let (year, month_at) = match number_then(text, at, '年') {
            Some((y, next)) if (1900..2100).contains(&y) => (Some(y), next),
            Some(_) => continue,
            None if before == Some('年') => continue, // read with its year
            None => (None, at),
        };
        let month = number_then(text, month_at, '月');
        let end_of = |e: usize| in_range(text[e..].chars().next());
        match (year, month) {
            (Some(y), None) if y == period.year && !end_of(month_at) => {
                let y_range = at..month_at - '年'.len_utf8();
                out.push(Plant::new(Kind::DateOutside, y_range, (y + 1).to_string()));
            }
            (y, Some((m, after_month))) if y.is_none_or(|y| y == period.year) => {
                let inside = (period.first..=period.last).contains(&m);
                if !inside || end_of(after_month) {
                    continue;
                }
                if period.last < 12 {
                    let day = number_then(text, after_month, '日')
                        .or_else(|| number_then(text, after_month, '号'));
                    let new_month = period.last + 1;
                    let (end, new) = match day {
                        Some((d, end)) => {
                            let mark = &text[end - '日'.len_utf8()..end];
                            let d = d.min(days_in(period.year, new_month));
                            (end, format!("{new_month}月{d}{mark}"))
                        }
                        None => (after_month, format!("{new_month}月")),
                    };
                    out.push(Plant::new(Kind::DateOutside, month_at..end, new));
                } else if let Some(y) = y {
                    let y_range = at..month_at - '年'.len_utf8();
                    out.push(Plant::new(Kind::DateOutside, y_range, (y + 1).to_string()));
                }
            }
            _ => {}
        }
    }
    out
}

/// A date alone on its line: the document date or the sign-off's.
fn alone_on_line(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = text[start..end].trim();
    line.chars().count() <= 12 && line.ends_with(['日', '号'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_periods() {
        let p = |s| parse_period(s).map(|p| (p.year, p.first, p.last));
        assert_eq!(p("2021年度"), Some((2021, 1, 12)));
        assert_eq!(p("2022年度(名义)"), Some((2022, 1, 12)));
        assert_eq!(p("2022年上半年"), Some((2022, 1, 6)));
        assert_eq!(p("2018年第一季度"), Some((2018, 1, 3)));
        assert_eq!(p("2023年1-10月"), Some((2023, 1, 10)));
        assert_eq!(p("2020年春季"), None);
    }

    #[test]
    fn moves_body_dates_out_of_the_period() {
        let text = "某镇2022年上半年工作总结\n2022年3月31日召开会议，5月完成，2015-2030年规划，1—6月投资，2021年同比。\n2022年7月2日\n";
        let period = parse_period("2022年上半年").unwrap();
        let mutated: Vec<String> = date_moves(text, &period)
            .iter()
            .map(|p| p.edit.apply(text))
            .collect();
        let body = |s: &String| s.lines().nth(1).unwrap().to_string();
        assert_eq!(
            mutated.iter().map(body).collect::<Vec<_>>(),
            [
                "2022年7月31日召开会议，5月完成，2015-2030年规划，1—6月投资，2021年同比。",
                "2022年3月31日召开会议，7月完成，2015-2030年规划，1—6月投资，2021年同比。",
            ]
        );
        let annual = parse_period("2022年度").unwrap();
        let moved: Vec<String> = date_moves("标题\n2022年，全年。\n", &annual)
            .iter()
            .map(|p| p.edit.apply("标题\n2022年，全年。\n"))
            .collect();
        assert_eq!(moved, ["标题\n2023年，全年。\n"]);
    }
}
