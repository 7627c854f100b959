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
        static LEXICON: std::sync::OnceLock<Lexicon<'static>> = std::sync::OnceLock::new();
        let lexicon = LEXICON.get_or_init(|| Lexicon::new(WORDS));
        // One pass over the text: the words at each position, and the dates.
        let mut words = 0u64;
        let mut dates = 0u64;
        let mut n = 0u64;
        for (i, c) in s.char_indices() {
            if lexicon.may_start(c) {
                for w in lexicon.prefixes(&s[i..]) {
                    if let Some(k) = WORDS.iter().position(|x| *x == w) {
                        words |= 1 << k;
                    }
                }
            }
            if is_digit(c) {
                let d = fold_char(c).to_digit(10).unwrap_or(0);
                n = n.saturating_mul(10).saturating_add(u64::from(d));
            } else {
                if (c == '年' || c == '月') && n > 0 {
                    dates = dates.wrapping_mul(31).wrapping_add(n);
                }
                // Ages (0~15岁, 65周岁及以上) set population groups apart as
                // dates set periods apart.
                if (c == '岁' || c == '周') && n > 0 {
                    dates = dates.wrapping_mul(37).wrapping_add(n + 1_000);
                }
                n = 0;
            }
        }
        Qualifiers { words, dates }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
