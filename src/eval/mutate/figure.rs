//! Figures as the harness reads them, on purpose independent of the checker's
//! own figure grammar: where a number's numerals are, how it is written, and
//! the same figure rewritten with another value in the same style (decimals,
//! full-width digits, thousands separators, Chinese numerals).

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numerals {
    Ascii,
    FullWidth,
    /// 六, 十二, 一百零五; `liang` when the writer wrote 两 for 2.
    Chinese {
        liang: bool,
    },
}

#[derive(Debug, Clone)]
pub struct Figure {
    /// The numeral's bytes in the text: digits, separators and decimal point,
    /// or the Chinese numeral. What a plant rewrites.
    pub range: Range<usize>,
    /// The value in units of the last written decimal: 8.9 → 89.
    pub mantissa: i64,
    pub decimals: u32,
    pub numerals: Numerals,
    /// Thousands separators as written (1,260).
    pub grouped: bool,
    /// 万 / 亿 / 千 written right after the number: 61.9亿 → 1e8.
    pub magnitude: f64,
}

const MAX_DIGITS: usize = 18;

/// Integers from here on may be written rounded to their last nonzero digit.
const ROUNDED_FROM: i64 = 1000;

fn ascii_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

fn chinese_digit(c: char) -> Option<i64> {
    crate::quantity::han_digit_value(c).map(i64::from)
}

fn chinese_unit(c: char) -> Option<i64> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

pub fn is_digit(c: char) -> bool {
    ascii_digit(c).is_some()
}

fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_unit(c).is_some()
}

/// The magnitude word right after a number, and its length in bytes.
fn magnitude_at(rest: &str) -> (f64, usize) {
    if rest.starts_with("万亿") {
        (1e12, "万亿".len())
    } else if rest.starts_with('亿') {
        (1e8, '亿'.len_utf8())
    } else if rest.starts_with('万') {
        (1e4, '万'.len_utf8())
    } else if rest.starts_with('千') {
        (1e3, '千'.len_utf8())
    } else {
        (1.0, 0)
    }
}

/// The Arabic number starting at byte `at` (its first digit), if any.
pub fn arabic_at(text: &str, at: usize) -> Option<Figure> {
    let mut chars = text[at..].char_indices().peekable();
    let first = chars.peek().map(|&(_, c)| c)?;
    ascii_digit(first)?;
    let numerals = if first.is_ascii_digit() {
        Numerals::Ascii
    } else {
        Numerals::FullWidth
    };
    let bytes = text.as_bytes();
    let mut mantissa: i64 = 0;
    let mut digits = 0;
    let mut decimals = 0;
    let mut in_fraction = false;
    let mut grouped = false;
    let mut end = at;
    while let Some(&(i, c)) = chars.peek() {
        let pos = at + i;
        if let Some(d) = ascii_digit(c) {
            digits += 1;
            if digits > MAX_DIGITS {
                return None; // a code, not a figure
            }
            mantissa = mantissa * 10 + i64::from(d);
            decimals += u32::from(in_fraction);
            end = pos + c.len_utf8();
            chars.next();
            continue;
        }
        let next_is_digit = text[pos + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(is_digit);
        if (c == '.' || c == '．') && !in_fraction && next_is_digit {
            in_fraction = true;
        } else if c == ',' && !in_fraction && next_is_digit && group_of_three(bytes, pos + 1) {
            grouped = true;
        } else {
            break;
        }
        chars.next();
    }
    let (magnitude, _) = magnitude_at(&text[end..]);
    Some(Figure {
        range: at..end,
        mantissa,
        decimals,
        numerals,
        grouped,
        magnitude,
    })
}

/// Exactly three ASCII digits at `at`, then no fourth: 1,260 but not 1,2600.
fn group_of_three(bytes: &[u8], at: usize) -> bool {
    bytes.len() >= at + 3
        && bytes[at..at + 3].iter().all(u8::is_ascii_digit)
        && !bytes.get(at + 3).is_some_and(u8::is_ascii_digit)
}

/// The Chinese numeral starting at byte `at` (六, 十二, 一百零五), if any.
pub fn chinese_at(text: &str, at: usize) -> Option<Figure> {
    let run: String = text[at..]
        .chars()
        .take_while(|&c| is_chinese_numeral(c))
        .collect();
    let mut total = 0;
    let mut current: Option<i64> = None;
    for c in run.chars() {
        if let Some(d) = chinese_digit(c) {
            current = Some(d);
        } else if let Some(u) = chinese_unit(c) {
            total += current.take().unwrap_or(1) * u;
        }
    }
    total += current.unwrap_or(0);
    if run.is_empty() || total == 0 {
        return None;
    }
    let end = at + run.len();
    Some(Figure {
        range: at..end,
        mantissa: total,
        decimals: 0,
        numerals: Numerals::Chinese {
            liang: run.contains('两'),
        },
        grouped: false,
        magnitude: magnitude_at(&text[end..]).0,
    })
}

/// The figure a quote at `range` of `text` means: its first Arabic number,
/// passing over footnote marks ([2]) and dates (2021年), which are never a
/// relation's figure; else its first Chinese numeral not after 第 (六个工作组).
pub fn first_figure(text: &str, range: Range<usize>) -> Option<Figure> {
    let quote = &text[range.clone()];
    let mut skip_to = 0;
    for (i, c) in quote.char_indices() {
        if i < skip_to || !is_digit(c) {
            continue;
        }
        let fig = arabic_at(text, range.start + i)?;
        skip_to = fig.range.end - range.start;
        let before = text[..fig.range.start].chars().next_back();
        let after = text[fig.range.end..].chars().next();
        let footnote = matches!(before, Some('[' | '［')) && matches!(after, Some(']' | '］'));
        let date = matches!(after, Some('年' | '月' | '日'));
        if !footnote && !date {
            return Some(fig);
        }
    }
    let mut prev = None;
    for (i, c) in quote.char_indices() {
        if is_chinese_numeral(c) && prev != Some('第') && !prev.is_some_and(is_chinese_numeral) {
            if let Some(fig) = chinese_at(text, range.start + i) {
                return Some(fig);
            }
        }
        prev = Some(c);
    }
    None
}

/// Where the body starts: after the first non-blank line, the title.
pub fn body_start(text: &str) -> usize {
    let lead = text.len() - text.trim_start().len();
    text[lead..].find('\n').map_or(text.len(), |i| lead + i + 1)
}

/// Every Arabic number of the body, each read whole once (1.5 is one number).
pub fn body_numbers(text: &str) -> Vec<Figure> {
    let start = body_start(text);
    let mut out: Vec<Figure> = Vec::new();
    for (i, c) in text[start..].char_indices() {
        let at = start + i;
        if !is_digit(c) || out.last().is_some_and(|f| at < f.range.end) {
            continue;
        }
        if let Some(fig) = arabic_at(text, at) {
            out.push(fig);
        }
    }
    out
}

/// Words before a figure that make it a bound, not a value: 至少有48名.
const BOUND_BEFORE: &[&str] = &[
    "至少",
    "最少",
    "不少于",
    "不低于",
    "不下",
    "超过",
    "多于",
    "最多",
    "至多",
    "不超过",
    "不到",
    "不足",
    "将近",
    "接近",
    "近",
    "约",
    "大约",
    "逾",
];
/// Words right after a figure: 300余人, 20多个.
const ROUGH_AFTER: &[char] = &['余', '多'];
/// Words after a figure's unit that make it a bound: 48名以上, 5人左右.
const BOUND_AFTER: &[&str] = &["以上", "以下", "左右", "上下", "之多"];

/// The figure at `fig` is a bound or an estimate (至少有 48名, 300余人, 约5万):
/// it restates no exact value, so moving it is no contradiction.
pub fn is_bound(text: &str, fig: &Figure) -> bool {
    let before = text[..fig.range.start].trim_end_matches([' ', '\u{3000}']);
    let before = before.trim_end_matches(['有', '达', '为']);
    if BOUND_BEFORE.iter().any(|w| before.ends_with(w)) {
        return true;
    }
    let after = text[fig.range.end..].trim_start_matches(['万', '亿', ' ']);
    if after.starts_with(ROUGH_AFTER) {
        return true;
    }
    // Past a unit of up to three letters, never past a mark or a digit.
    let mut rest = after;
    for _ in 0..=3 {
        if BOUND_AFTER.iter().any(|w| rest.starts_with(w)) {
            return true;
        }
        match rest.chars().next() {
            Some(c) if c.is_alphabetic() && !is_digit(c) => rest = &rest[c.len_utf8()..],
            _ => return false,
        }
    }
    false
}

impl Figure {
    fn scale(&self) -> f64 {
        10f64.powi(self.decimals as i32)
    }

    /// The value in base units (61.9亿 → 6.19e9).
    pub fn base_value(&self) -> f64 {
        self.mantissa as f64 / self.scale() * self.magnitude
    }

    /// The value as written, without its magnitude word (61.9亿 → 61.9).
    pub fn value(&self) -> f64 {
        self.mantissa as f64 / self.scale()
    }

    /// The last significant written digit, in mantissa units: 54300 → 100,
    /// 8.9 → 1 (a tenth), 312 → 1. A written decimal zero counts (45.0), and
    /// so does a trailing zero below a thousand (20人, 240户 are counts;
    /// 54300吨 is rounded).
    pub fn step(&self) -> i64 {
        let mut step = 1;
        if self.decimals == 0 && self.mantissa >= ROUNDED_FROM {
            while self.mantissa % (step * 10) == 0 {
                step *= 10;
            }
        }
        step
    }

    /// One step as a value written (0.1 for 8.9, 100 for 54300).
    pub fn step_value(&self) -> f64 {
        self.step() as f64 / self.scale()
    }

    /// Half a unit of the last written digit, in base units: what rounding
    /// may hide in this figure.
    pub fn rounding(&self) -> f64 {
        self.step_value() * self.magnitude / 2.0
    }

    /// Written as a rounded magnitude: with decimals, 万/亿, or trailing zeros.
    pub fn is_rounded(&self) -> bool {
        self.decimals > 0 || self.magnitude > 1.0 || self.step() > 1
    }

    /// The fewest steps that move this figure by more than `slack` (base
    /// units) and, when it is a rounded magnitude, by at least 2 %: a defect
    /// no rounding explains, and visible.
    pub fn steps_beyond(&self, slack: f64) -> i64 {
        let step = self.step_value() * self.magnitude;
        let mut k = ((slack / step + 1e-9).floor() as i64).saturating_add(1);
        if self.is_rounded() {
            k = k.max((0.02 * self.value() / self.step_value() - 1e-9).ceil() as i64);
        }
        k.max(1)
    }

    /// The fewest steps that cover `amount` as written (3 points of 45.0% → 30).
    pub fn steps_for(&self, amount: f64) -> i64 {
        ((amount / self.step_value()) - 1e-9).ceil().max(1.0) as i64
    }

    /// The figure moved `steps` steps, up or down; down only while it stays
    /// above zero, else up.
    pub fn moved(&self, steps: i64, up: bool) -> String {
        let delta = steps.saturating_mul(self.step());
        if up || self.mantissa - delta <= 0 {
            self.written(self.mantissa.saturating_add(delta))
        } else {
            self.written(self.mantissa - delta)
        }
    }

    /// `mantissa` written in this figure's style.
    pub fn written(&self, mantissa: i64) -> String {
        match self.numerals {
            Numerals::Chinese { liang } => {
                if liang && mantissa == 2 {
                    "两".to_string()
                } else {
                    chinese(mantissa)
                }
            }
            Numerals::Ascii | Numerals::FullWidth => {
                let mut s = arabic(mantissa, self.decimals, self.grouped);
                if self.numerals == Numerals::FullWidth {
                    s = s.chars().map(full_width).collect();
                }
                s
            }
        }
    }
}

fn arabic(mantissa: i64, decimals: u32, grouped: bool) -> String {
    let digits = format!("{:0width$}", mantissa, width = decimals as usize + 1);
    let (int, frac) = digits.split_at(digits.len() - decimals as usize);
    let mut s = String::new();
    for (i, c) in int.chars().enumerate() {
        if grouped && i > 0 && (int.len() - i) % 3 == 0 {
            s.push(',');
        }
        s.push(c);
    }
    if decimals > 0 {
        s.push('.');
        s.push_str(frac);
    }
    s
}

fn full_width(c: char) -> char {
    match c {
        '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
        '.' => '．',
        _ => c,
    }
}

/// A Chinese numeral below 10,000 as written in prose: 十二, 二十, 一百零五.
pub fn chinese(n: i64) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n <= 0 || n >= 10_000 {
        return n.to_string();
    }
    let places = [
        (n / 1000, "千"),
        (n / 100 % 10, "百"),
        (n / 10 % 10, "十"),
        (n % 10, ""),
    ];
    let mut s = String::new();
    let mut zero_pending = false;
    for (d, unit) in places {
        if d == 0 {
            zero_pending = !s.is_empty();
            continue;
        }
        if zero_pending {
            s.push('零');
            zero_pending = false;
        }
        // 十二, not 一十二, at the start.
        if !(unit == "十" && d == 1 && s.is_empty()) {
            s.push(DIGITS[d as usize]);
        }
        s.push_str(unit);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(text: &str) -> Figure {
        first_figure(text, 0..text.len()).unwrap()
    }

    #[test]
    fn bounds_and_estimates_are_told_from_values() {
        let bound = |t: &str| is_bound(t, &figure(t));
        assert!(bound("一年级新生至少有 48名"));
        assert!(bound("接待群众300余人次"));
        assert!(bound("培训48名以上"));
        assert!(bound("约5万亩"));
        assert!(bound("覆盖5人左右"));
        // Near-misses: a value, even with words like 多 or 上 further on.
        assert!(!bound("毕业人数为 57人"));
        assert!(!bound("新增5个多功能室"));
        assert!(!bound("共有48名上访户"));
        assert!(!bound("达到5600元，比上年增长"));
    }

    #[test]
    fn reads_the_first_figure_of_a_quote() {
        let f = figure("生产总值[2]61.9亿元");
        assert_eq!((f.mantissa, f.decimals, f.magnitude), (619, 1, 1e8));
        assert_eq!(&"生产总值[2]61.9亿元"[f.range], "61.9");
        assert_eq!(figure("2021年全县学校312所").mantissa, 312);
        assert_eq!(figure("成立六个工作组").mantissa, 6);
        assert_eq!(figure("第一产业增加值8.9亿元").mantissa, 89);
        assert_eq!(figure("共1,260户").mantissa, 1260);
        assert_eq!(figure("粮食５４３００吨").mantissa, 54300);
        assert!(first_figure("第一产业", 0.."第一产业".len()).is_none());
    }

    #[test]
    fn steps_follow_the_last_written_digit() {
        assert_eq!(figure("54300吨").step(), 100);
        assert_eq!(figure("312所").step(), 1);
        assert_eq!(figure("240户").step(), 1);
        assert_eq!(figure("45.0%").step_value(), 0.1);
        assert!(!figure("312所").is_rounded());
        assert!(figure("54300吨").is_rounded());
    }

    #[test]
    fn moves_beyond_rounding_and_two_percent() {
        // 312 with five integer parts: rounding hides up to 3, so 4 steps.
        assert_eq!(figure("312所").steps_beyond(3.0), 4);
        // 61.9亿: 2 % is 1.238, so 13 tenths.
        assert_eq!(figure("61.9亿元").steps_beyond(0.2e8), 13);
    }

    #[test]
    fn rewrites_in_the_writers_style() {
        assert_eq!(figure("8.90亿").moved(3, true), "8.93");
        assert_eq!(figure("0.5万吨").moved(6, false), "1.1");
        assert_eq!(figure("1,261户").moved(1, true), "1,262");
        // A trailing zero is no written digit: 1,260 moves by tens.
        assert_eq!(figure("1,260户").moved(1, true), "1,270");
        assert_eq!(figure("５４人").moved(2, true), "５６");
        assert_eq!(figure("六个").moved(1, true), "七");
        assert_eq!(figure("十二个").moved(1, false), "十一");
        assert_eq!(figure("两个").moved(1, true), "三");
        assert_eq!(figure("九个").moved(1, true), "十");
        assert_eq!(figure("一百零四个").moved(1, true), "一百零五");
        assert_eq!(chinese(110), "一百一十");
        assert_eq!(chinese(20), "二十");
    }
}
