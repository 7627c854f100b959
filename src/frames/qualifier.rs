//! Qualifiers: words that make two figures different quantities even where
//! their subjects read alike — the period (1—10月 / 上年 / 上半年; 全年 and
//! 今年 are the report's own period, as a figure without a period is), the
//! status (计划 / 目标 / 任务 / 预计 against what was done), an explicit year
//! and an age group (0~15岁, 65周岁及以上).

use crate::text::{fold_char, is_digit, Lexicon};

/// Period and status words; a figure's set of them is a bit set. The first
/// [`PERIOD_WORDS`] name periods.
const WORDS: &[&str] = &[
    "上半年",
    "下半年",
    "一季度",
    "二季度",
    "三季度",
    "四季度",
    // 前三季度 is three quarters, 三季度 one.
    "前三季度",
    "去年",
    "上年",
    "同期",
    "本月",
    "上月",
    "年初",
    "年底",
    "年末",
    "月份",
    "—",
    "至今",
    // Status words.
    "累计",
    "新增",
    "预计",
    "计划",
    "目标",
    "任务",
    "力争",
    "争取",
    "确保",
    "将",
    "拟",
    "新登记",
    "新注册",
    "新设",
    "新开工",
    "在建",
    "竣工",
];

/// How many of [`WORDS`] name periods (上半年 … 至今).
const PERIOD_WORDS: usize = 18;

const _: () = assert!(WORDS.len() <= 64, "a u64 bit set");

/// The qualifiers of `s` (the words before a figure) as a bit set, with the
/// years and months written in it: two figures are one quantity only when
/// these agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Qualifiers {
    words: u64,
    /// The sum of the numbers written before 年 / 月 (2019年, 1—10月): a
    /// cheap fingerprint of the dates, zero when there are none.
    dates: u64,
}

impl Qualifiers {
    /// The qualifiers folded into `h` (an FNV-1a state): map keys that hold
    /// them hash one word, not three.
    pub fn fold_into(self, h: u64) -> u64 {
        [self.words, self.dates]
            .iter()
            .fold(h, |h, w| (h ^ w).wrapping_mul(0x0100_0000_01b3))
    }

    /// Both state dates, and not the same ones (2019年… / 2020年…): two
    /// periods written out, so two quantities whatever else they share.
    pub fn dated_apart(self, other: Qualifiers) -> bool {
        self.dates != 0 && other.dates != 0 && self.dates != other.dates
    }

    /// The same words, and no two dates written out that differ: a date on
    /// one side only (2023年新增就业 in a title, 全年新增就业 in the body) is
    /// the report's own.
    pub fn agree_but_dates(self, other: Qualifiers) -> bool {
        self.words == other.words && !self.dated_apart(other)
    }

    /// Two periods that differ (上半年 / 全年 is a difference: 全年 is the
    /// report's own, as no period is), status and other words aside: targets
    /// of one indicator stated in a plan and again in a result (计划目标为… /
    /// 低于…的控制目标) are compared by their periods only.
    pub fn periods_apart(self, other: Qualifiers) -> bool {
        let periods = (1u64 << PERIOD_WORDS) - 1;
        (self.words & periods) != (other.words & periods) || self.dated_apart(other)
    }

    /// The words and dates of both (the dates of `other` where `self` writes none).
    pub fn union(self, other: Qualifiers) -> Qualifiers {
        Qualifiers {
            words: self.words | other.words,
            dates: if self.dates == 0 {
                other.dates
            } else {
                self.dates
            },
        }
    }

    pub fn of(s: &str) -> Qualifiers {
        Qualifiers::within(s, None)
    }

    /// The qualifiers of `s` in a report on `own` period (year, first and
    /// last month): its own period written out (2021年 in a 2021 report,
    /// 1-5月 in a 1-5月 one) is no qualifier, as 全年 is none; and a month
    /// range from January is the part of the year it names (1—6月 is 上半年).
    pub fn within(s: &str, own: Option<(u32, u32, u32)>) -> Qualifiers {
        static LEXICON: std::sync::OnceLock<Lexicon<'static>> = std::sync::OnceLock::new();
        let lexicon = LEXICON.get_or_init(|| Lexicon::new(WORDS));
        // One pass over the text: the words at each position, and the dates.
        let mut words = 0u64;
        let mut dates = 0u64;
        let mut n = 0u64;
        // The first month of a range being read (1 of 1—6月).
        let mut range_from: Option<u64> = None;
        // Where a month range read as a part of the year ended: its 月份 is no word.
        let mut range_end = usize::MAX;
        // Dashes written, and those inside a month range read as a part of
        // the year: 1—6月 is 上半年, not a span of its own.
        let (mut dashes, mut dashes_read) = (0, 0);
        let mut range_dash = false;
        for (i, c) in s.char_indices() {
            // 月份 at this 月, unless it closes a range read as a part of the year.
            let mut month_word = false;
            if lexicon.may_start(c) {
                for w in lexicon.prefixes(&s[i..]) {
                    if let Some(k) = WORDS.iter().position(|x| *x == w) {
                        match w {
                            "—" => dashes += 1,
                            "月份" => month_word = true,
                            _ => words |= 1 << k,
                        }
                    }
                }
            }
            if is_digit(c) {
                let d = fold_char(c).to_digit(10).unwrap_or(0);
                n = n.saturating_mul(10).saturating_add(u64::from(d));
            } else {
                let from = range_from.take();
                if n > 0 && matches!(c, '-' | '—' | '－' | '~' | '～' | '至' | '到') {
                    range_from = Some(n);
                    range_dash = c == '—';
                    n = 0;
                    continue;
                }
                let year_own = c == '年' && own.is_some_and(|(y, _, _)| u64::from(y) == n);
                let part = match (c, from) {
                    ('月', Some(1)) => part_of_year(n, own),
                    _ => None,
                };
                if let Some(part) = part {
                    words |= part;
                    range_end = i;
                    dashes_read += usize::from(range_dash);
                } else if year_own {
                    // The report's own year: no qualifier.
                } else if (c == '年' || c == '月') && n > 0 {
                    dates = dates.wrapping_mul(31).wrapping_add(n);
                }
                // Ages (0~15岁, 65周岁及以上) set population groups apart as
                // dates set periods apart.
                if (c == '岁' || c == '周') && n > 0 {
                    dates = dates.wrapping_mul(37).wrapping_add(n + 1_000);
                }
                n = 0;
            }
            if month_word && range_end != i {
                words |= MONTHS_BIT;
            }
        }
        if dashes > dashes_read {
            words |= DASH_BIT;
        }
        if let Some(own) = own {
            words &= !own_part_of_year(own);
        }
        Qualifiers { words, dates }
    }
}

/// The bit of the word naming January to `last` (1—6月: 上半年), or none for
/// the whole year or the report's own months (0); `None` when no word names it.
fn part_of_year(last: u64, own: Option<(u32, u32, u32)>) -> Option<u64> {
    if own.is_some_and(|(_, a, b)| a == 1 && u64::from(b) == last) || last == 12 {
        return Some(0);
    }
    match last {
        3 => Some(FIRST_QUARTER_BIT),
        6 => Some(FIRST_HALF_BIT),
        9 => Some(THREE_QUARTERS_BIT),
        _ => None,
    }
}

/// The bit of `word` among [`WORDS`], found when compiling (a word not
/// there fails the build).
const fn word_bit(word: &str) -> u64 {
    let mut k = 0;
    while k < WORDS.len() {
        if same_bytes(WORDS[k].as_bytes(), word.as_bytes()) {
            return 1 << k;
        }
        k += 1;
    }
    panic!("not a qualifier word")
}

const fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// 月份 and the range dash, set apart when a month range is read.
const MONTHS_BIT: u64 = word_bit("月份");
const DASH_BIT: u64 = word_bit("—");
/// The parts of the year a month range from January names.
const FIRST_QUARTER_BIT: u64 = word_bit("一季度");
const FIRST_HALF_BIT: u64 = word_bit("上半年");
const THREE_QUARTERS_BIT: u64 = word_bit("前三季度");

/// The bit of the word that names the report's own part of the year (上半年
/// in a half-year report): written or not, it is the same period.
fn own_part_of_year((_, a, b): (u32, u32, u32)) -> u64 {
    if a != 1 {
        return 0;
    }
    part_of_year(u64::from(b), None).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_s_own_period_written_out_is_no_qualifier() {
        let half = Some((2021, 1, 6));
        // 1—6月 is 上半年, in any report; 2021年 is the 2021 report's own year.
        assert_eq!(
            Qualifiers::within("1—6月，全国城镇新增就业", None),
            Qualifiers::within("上半年全国城镇新增就业", None)
        );
        assert_eq!(
            Qualifiers::within("1-6月份，临时救助", None),
            Qualifiers::within("上半年，临时救助", None)
        );
        assert_eq!(
            Qualifiers::within("2021年，全县地方一般公共预算收入完成", Some((2021, 1, 12))),
            Qualifiers::within("全县地方一般公共预算收入", Some((2021, 1, 12)))
        );
        assert_eq!(
            Qualifiers::within("上半年，全镇新增就业", half),
            Qualifiers::within("全镇新增就业", half)
        );
        assert_eq!(
            Qualifiers::within("1-5月全市税收收入完成", Some((2020, 1, 5))),
            Qualifiers::within("全市税收收入完成", Some((2020, 1, 5)))
        );
        // Near-misses: another year, another span, a range not from January.
        assert_ne!(
            Qualifiers::within("2020年，全县地方一般公共预算收入", Some((2021, 1, 12))),
            Qualifiers::within("全县地方一般公共预算收入", Some((2021, 1, 12)))
        );
        assert_ne!(
            Qualifiers::within("1—10月完成投资", Some((2021, 1, 12))),
            Qualifiers::within("全年完成投资", Some((2021, 1, 12)))
        );
        assert_ne!(
            Qualifiers::within("4—6月完成投资", None),
            Qualifiers::within("上半年完成投资", None)
        );
        assert_ne!(
            Qualifiers::within("1—6月完成投资", None),
            Qualifiers::within("一季度完成投资", None)
        );
    }

    #[test]
    fn periods_and_status_set_figures_apart() {
        assert_ne!(
            Qualifiers::of("1—10月完成固定资产投资"),
            Qualifiers::of("预计全年完成投资")
        );
        assert_ne!(
            Qualifiers::of("上半年新发展党员"),
            Qualifiers::of("全年新发展党员")
        );
        assert_eq!(
            Qualifiers::of("全年农民人均纯收入"),
            Qualifiers::of("农民人均纯收入")
        );
        assert_ne!(
            Qualifiers::of("全年计划新建道路"),
            Qualifiers::of("已完成新建道路")
        );
        assert_ne!(
            Qualifiers::of("2019年农民人均纯收入"),
            Qualifiers::of("2020年农民人均纯收入")
        );
        assert_eq!(
            Qualifiers::of("农民人均纯收入"),
            Qualifiers::of("农民人均纯收入达到")
        );
        assert_ne!(
            Qualifiers::of("0~15岁(含不满16周岁)人口"),
            Qualifiers::of("16~59岁(含不满60周岁)人口")
        );
        assert_ne!(
            Qualifiers::of("60周岁及以上人口"),
            Qualifiers::of("65周岁及以上人口")
        );
    }
}
