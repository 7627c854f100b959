//! Quantities: every figure in the draft with its exact value, unit or measure
//! word, approximation, the subject phrase before it and the role words around
//! it. Built once per check ([`extract`]); numeric rules read it.
//!
//! What is NOT a quantity: years, dates and times (2020年, 3月26日, 17:29),
//! document numbers (〔2022〕20号), ordinals (第3, 十九大, 二是), numbers inside
//! Latin words or model names (5G, A4), and digits with no unit (phone numbers,
//! list numbers). A number followed by no unit is kept as a *bare* quantity only
//! when it is sandwiched in Han text, so `data.missing-unit` can see it.

use crate::text::{ends, fold_char, is_digit, is_han, starts, Span};

/// 〇一二…九, 两, 十百千: the characters of Chinese numerals.
const HAN_DIGITS: [char; 15] = [
    '〇', '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千',
];

/// 〇一二…九, 两, 十百千: a Chinese numeral character? One table load: the
/// fifteen differ in their low seven bits, and a chain of comparisons here
/// mispredicts on every other character of a draft.
#[inline]
pub fn is_han_digit(c: char) -> bool {
    HAN_DIGIT_BY_LOW_BITS[(c as u32 & 0x7F) as usize] == c as u32
}

/// [`HAN_DIGITS`] placed by their low seven bits; `u32::MAX` (no char) elsewhere.
static HAN_DIGIT_BY_LOW_BITS: [u32; 128] = {
    let mut t = [u32::MAX; 128];
    let mut k = 0;
    while k < HAN_DIGITS.len() {
        let c = HAN_DIGITS[k] as u32;
        assert!(
            t[(c & 0x7F) as usize] == u32::MAX,
            "two numerals share their low bits"
        );
        t[(c & 0x7F) as usize] = c;
        k += 1;
    }
    t
};

/// The value of a Chinese digit (〇 to 九, 两).
pub fn han_digit_value(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Parses a Chinese numeral below 万: 一, 十二, 三十三, 一千二百, 两千零五.
/// Also used for heading numbers (一、, （十二）).
pub fn parse_han_ordinal(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 8 {
        return None;
    }
    let (mut total, mut current) = (0u32, 0u32);
    for c in s.chars() {
        let mult = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                current = han_digit_value(c)?;
                continue;
            }
        };
        total += if current == 0 && mult == 10 {
            10
        } else {
            current * mult
        };
        current = 0;
    }
    let n = total + current;
    (n > 0).then_some(n)
}

/// 1 → 一, 12 → 十二, 21 → 二十一 (for messages about heading numbers).
pub fn han_numeral(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n % 10 == 0 {
                ""
            } else {
                D[(n % 10) as usize]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if n % 10 == 0 {
                ""
            } else {
                D[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

/// Digits a figure may have: 18 fit an `i64` (a summary's largest figures,
/// 亿元 amounts written in 元, have 12; longer digit runs are IDs and codes).
const MAX_DIGITS: usize = 18;

/// An exact decimal: `mantissa × 10^-scale`. Floats would turn 0.1 + 0.2 into a
/// false alarm; sums and comparisons here are exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    pub mantissa: i64,
    pub scale: u32,
}

impl Decimal {
    pub fn new(mantissa: i64, scale: u32) -> Self {
        Decimal { mantissa, scale }
    }

    /// Both values at the larger scale, or `None` on overflow.
    fn aligned(self, other: Decimal) -> Option<(i64, i64, u32)> {
        if self.scale == other.scale {
            // The common case (whole numbers): nothing to scale.
            return Some((self.mantissa, other.mantissa, self.scale));
        }
        let s = self.scale.max(other.scale);
        let a = self
            .mantissa
            .checked_mul(10i64.checked_pow(s - self.scale)?)?;
        let b = other
            .mantissa
            .checked_mul(10i64.checked_pow(s - other.scale)?)?;
        Some((a, b, s))
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let (a, b, s) = self.aligned(other)?;
        Some(Decimal::new(a.checked_add(b)?, s))
    }

    pub fn cmp_value(self, other: Decimal) -> Option<std::cmp::Ordering> {
        let (a, b, _) = self.aligned(other)?;
        Some(a.cmp(&b))
    }

    /// `self / divisor` exactly (a power of ten: 万, 亿), as a decimal.
    pub fn divided_by(self, divisor: u32) -> Decimal {
        let mut d = self;
        let mut div = divisor;
        while div >= 10 && div % 10 == 0 {
            d.scale += 1;
            div /= 10;
        }
        d
    }

    /// Rounded half away from zero to `scale` decimals (never adds digits it
    /// cannot hold: a larger scale is kept as it is).
    pub fn rounded_to(self, scale: u32) -> Decimal {
        if self.scale <= scale {
            return self;
        }
        let Some(p) = 10i64.checked_pow(self.scale - scale) else {
            return Decimal::new(0, scale);
        };
        let half = p / 2;
        let m = if self.mantissa >= 0 {
            (self.mantissa + half) / p
        } else {
            (self.mantissa - half) / p
        };
        Decimal::new(m, scale)
    }

    pub fn to_f64(self) -> f64 {
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }

    /// The value of one unit in the last written digit (precision): 0.01 for 30.96.
    pub fn ulp(self) -> f64 {
        10f64.powi(-(self.scale as i32))
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let Some(p) = 10i64.checked_pow(self.scale) else {
            return write!(f, "{}", self.to_f64());
        };
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let m = self.mantissa.abs();
        write!(f, "{sign}{}.{:0w$}", m / p, m % p, w = self.scale as usize)
    }
}

/// How exactly a figure is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approx {
    Exact,
    /// 余 / 多 / 约 / 近 / 左右 / 以上 / 超 / 逾 / 不到 …
    About,
}

/// Measure words and units, longest first within each leading character so the
/// scanner takes 万元 before 万 and 平方米 before 平.
const UNITS: &[&str] = &[
    "万元",
    "亿元",
    "万人次",
    "万人",
    "万户",
    "万亩",
    "万吨",
    "万个",
    "万份",
    "万剂次",
    "万平方米",
    "万千瓦时",
    "万千瓦",
    "万公顷",
    "万立方米",
    "万标箱",
    "万辆",
    "万套",
    "万册",
    "万头",
    "万只",
    "万羽",
    "万株",
    "万张",
    "亿千瓦时",
    "千公顷",
    "千瓦时",
    "个百分点",
    "百分点",
    "平方公里",
    "平方米",
    "立方米",
    "公里",
    "千米",
    "千瓦",
    "千克",
    "公斤",
    "公顷",
    "人次",
    "户次",
    "剂次",
    "批次",
    "场次",
    "台次",
    "车次",
    "美元",
    "欧元",
    "港元",
    "微克",
    "毫克",
    "毫米",
    "厘米",
    "斤",
    "担",
    "匹",
    "片",
    "车",
    "纵",
    "横",
    "元",
    "人",
    "名",
    "位",
    "户",
    "个",
    "项",
    "次",
    "起",
    "处",
    "家",
    "所",
    "条",
    "件",
    "场",
    "期",
    "批",
    "支",
    "座",
    "栋",
    "间",
    "台",
    "辆",
    "份",
    "本",
    "篇",
    "张",
    "宗",
    "亩",
    "米",
    "吨",
    "类",
    "种",
    "轮",
    "天",
    "套",
    "块",
    "株",
    "头",
    "只",
    "羽",
    "口",
    "盏",
    "根",
    "册",
    "页",
    "例",
    "趟",
    "对",
    "组",
    "队",
    "届",
    "门",
    "艘",
    "架",
    "部",
    "首",
    "幅",
    "冢",
    "方",
    "立方",
    "棵",
    "箱",
    "袋",
    "瓶",
    "剂",
    "万",
    "亿",
    "%",
    "‰",
    "㎡",
    "km",
    "kg",
];

/// Time units of two characters (one-character ones: [`is_time_unit`]): a
/// number before them, or before 个 and them, is a duration.
const DURATIONS: &[&str] = &[
    "小时",
    "分钟",
    "钟头",
    "星期",
    "工作日",
    "学时",
    "课时",
    "季度",
    "半月",
];

/// Time units: a number before them is a date or a duration, not a count to compare.
fn is_time_unit(c: char) -> bool {
    matches!(
        c,
        '年' | '月' | '日' | '号' | '时' | '分' | '秒' | '周' | '季'
    )
}

/// Does a unit start at `s`? Returns the longest unit as written.
pub fn unit_at(s: &str) -> Option<&'static str> {
    static LEXICON: std::sync::OnceLock<crate::text::Lexicon<'static>> = std::sync::OnceLock::new();
    LEXICON
        .get_or_init(|| crate::text::Lexicon::new(UNITS))
        .longest_prefix(s)
}

/// Two units count the same thing (人 and 名 both count people).
pub fn same_kind(a: &str, b: &str) -> bool {
    fn norm(u: &str) -> &str {
        match u {
            "名" | "位" => "人",
            "项" => "个",
            other => other,
        }
    }
    norm(a) == norm(b)
}

/// Words just before a number that say what role it plays.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Roles {
    /// 共 / 合计 / 总计 / 累计 / 共有 / 全(村|镇…)
    pub total: bool,
    /// 其中 opens the clause or sentence part
    pub part: bool,
    /// 已 … / 未 … (an exhaustive split)
    pub done: bool,
    pub not_done: bool,
    /// 每 … : a rate, not a total
    pub per: bool,
    /// 同比 / 增长 / 下降 / 提高 / 减少: a change, not a level
    pub change: bool,
    /// 占 / 比例 / 比重 / 率: a share
    pub share: bool,
}

/// One figure in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The digits with 万/亿 if written: `2544`, `1.6万`.
    pub number: Span,
    /// Number and unit: `2544人`, `1.6万个`, `150余处`.
    pub span: Span,
    /// The value as written (before 万/亿): `1.6` for 1.6万.
    pub value: Decimal,
    /// 万 = 10^4, 亿 = 10^8 when written inside the number (1.6万个), else 1.
    pub multiplier: u32,
    /// Unit or measure word as written (万/亿 prefix removed when a unit follows): `人`, `万元`, `%`.
    pub unit: &'static str,
    pub approx: Approx,
    /// The clause text before the number: the subject phrase it is about.
    pub subject: Span,
    /// Index into `Document::sentences`.
    pub sentence: usize,
    /// Index into `Document::clauses`.
    pub clause: usize,
    pub roles: Roles,
}

impl Quantity {
    /// Value with 万/亿 applied, for comparing across ways of writing.
    pub fn scaled(&self) -> Option<Decimal> {
        Some(Decimal::new(
            self.value
                .mantissa
                .checked_mul(i64::from(self.multiplier))?,
            self.value.scale,
        ))
    }

    pub fn is_percent(&self) -> bool {
        self.unit == "%" || self.unit == "‰"
    }

    /// 1.5个百分点: a difference of two rates, never a level or a share.
    pub fn is_points(&self) -> bool {
        self.unit.ends_with("百分点")
    }

    /// A level of something (2544人, 3.2亿元) that can be a total, a part or
    /// the same quantity stated twice: not a rate, a share, a change, a
    /// per-head figure or a bare number.
    pub fn is_level(&self) -> bool {
        !self.unit.is_empty()
            && !self.is_percent()
            && !self.is_points()
            && !self.roles.per
            && !self.roles.change
            && !self.roles.share
    }

    /// `value` (in base units) written as this figure is, with its 万/亿 and
    /// unit, to `scale` decimals: `104.9万人`, not `1049000人`.
    pub fn format_like(&self, value: Decimal, scale: u32) -> String {
        let m = match self.multiplier {
            10_000 => "万",
            100_000_000 => "亿",
            _ => "",
        };
        let shown = value.divided_by(self.multiplier).rounded_to(scale);
        format!("{shown}{m}{}", self.unit)
    }

    /// Decimals needed to show, in this figure's 万/亿, a value built from
    /// `others` (5000万元 in 亿元 needs four).
    pub fn scale_for(&self, others: &[&Quantity]) -> u32 {
        let digits = |m: u32| m.checked_ilog10().unwrap_or(0) as i32;
        others
            .iter()
            .map(|o| o.value.scale as i32 + digits(self.multiplier) - digits(o.multiplier))
            .fold(self.value.scale as i32, i32::max)
            .clamp(0, 8) as u32
    }
}

/// A table cell that is a number and nothing else (54300, -3.6, 1,200.5):
/// its value, sign applied.
pub fn cell_number(cell: &str) -> Option<Decimal> {
    let (negative, digits) = match cell.strip_prefix(['-', '－', '−']) {
        Some(rest) => (true, rest),
        None => (false, cell),
    };
    let sc = scan_arabic(digits).filter(|sc| sc.end == digits.len())?;
    Some(if negative {
        Decimal::new(-sc.value.mantissa, sc.value.scale)
    } else {
        sc.value
    })
}

/// A scanned number: its value and where it ends.
struct Scanned {
    value: Decimal,
    end: usize,
}

/// Scans an Arabic number at `s` (ASCII or full-width digits, thousands
/// separators `1,200` / `1，200`, one decimal point). Reads at most
/// `MAX_NUMBER_CHARS` characters and at most 18 digits (a figure, not an ID), so a million-digit
/// string is not a number but also not a crash. Runs for every digit run of
/// the text, so it reads the characters in place without allocating.
fn scan_arabic(s: &str) -> Option<Scanned> {
    scan_plain_ascii(s.as_bytes()).or_else(|| scan_arabic_general(s))
}

/// [`scan_arabic`] for every form of number, a character at a time.
fn scan_arabic_general(s: &str) -> Option<Scanned> {
    const MAX_NUMBER_CHARS: usize = 64;
    let mut digits = 0usize;
    let mut mantissa: i64 = 0;
    let mut scale = 0u32;
    let mut seen_point = false;
    let mut end = 0;
    let mut chars = s.char_indices().take(MAX_NUMBER_CHARS);
    while let Some((pos, c)) = chars.next() {
        let f = fold_char(c);
        // The characters after this one (within the same read limit).
        let mut ahead = chars.clone().map(|(_, c)| c);
        if let Some(d) = f.to_digit(10) {
            digits += 1;
            if digits <= MAX_DIGITS {
                mantissa = mantissa * 10 + i64::from(d);
            }
            if seen_point {
                scale += 1;
            }
            end = pos + c.len_utf8();
        } else if f == '.' && !seen_point && digits > 0 && ahead.next().is_some_and(is_digit) {
            seen_point = true;
        } else if (f == ',' || c == '，')
            && !seen_point
            && (1..=3).contains(&digits)
            // A thousands separator is followed by exactly three digits.
            && (0..3).all(|_| ahead.next().is_some_and(is_digit))
            && !ahead.next().is_some_and(is_digit)
        {
            // separator: skip (with at most three digits before it, `2,3` in
            // 第2,3项 is a list, not a group)
        } else {
            break;
        }
    }
    if digits == 0 || digits > MAX_DIGITS {
        return None;
    }
    Some(Scanned {
        value: Decimal::new(mantissa, scale),
        end,
    })
}

/// The common case of [`scan_arabic`], on bytes: ASCII digits with at most one
/// `.`, 18 digits at most, followed by a byte that cannot continue the number.
/// `None` when the general scan must decide (a `,` that may group thousands, a
/// full-width form that may be a digit, a long number); when it answers, the
/// answer is the general scan's (a test compares the two).
fn scan_plain_ascii(b: &[u8]) -> Option<Scanned> {
    let digits_at = |from: usize| {
        b.get(from..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let int = digits_at(0);
    if int == 0 || int > MAX_DIGITS {
        return None;
    }
    let mut end = int;
    let mut frac = 0;
    match b.get(end) {
        Some(b',' | 0xEF) => return None,
        Some(b'.') => match digits_at(end + 1) {
            // A point not followed by a digit ends the number before it.
            0 if b.get(end + 1) == Some(&0xEF) => return None,
            0 => {}
            n if int + n > MAX_DIGITS => return None,
            n => {
                frac = n;
                end += 1 + n;
                if b.get(end) == Some(&0xEF) {
                    return None;
                }
            }
        },
        _ => {}
    }
    let mantissa = b[..end]
        .iter()
        .filter(|c| c.is_ascii_digit())
        .fold(0u64, |m, c| m * 10 + u64::from(c - b'0'));
    Some(Scanned {
        value: Decimal::new(mantissa as i64, frac as u32),
        end,
    })
}

/// A number in digits or in Chinese numerals at the start of `s`.
fn scan_any(s: &str) -> Option<Scanned> {
    match s.chars().next() {
        Some(d) if is_digit(d) => scan_arabic(s),
        Some(d) if is_han_digit(d) => scan_han(s),
        _ => None,
    }
}

/// Scans a Chinese cardinal: 三十三, 一千二百, 两万, 十余 (the 余 is handled by the caller).
fn scan_han(s: &str) -> Option<Scanned> {
    let mut end = 0;
    for (count, c) in s.chars().enumerate() {
        if !is_han_digit(c) {
            break;
        }
        if count == 8 {
            return None;
        }
        end += c.len_utf8();
    }
    let n = parse_han_ordinal(&s[..end])?;
    Some(Scanned {
        value: Decimal::new(i64::from(n), 0),
        end,
    })
}

/// A digit, a Chinese numeral character or the 百 of 百分之.
fn starts_figure(c: char) -> bool {
    is_digit(c) || is_han_digit(c) || c == '百'
}

/// Could a character with these first two UTF-8 bytes satisfy [`starts_figure`]?
/// (A superset, checked for every character in a test; the characters of
/// Chinese numerals share a few lead-byte pairs.) Two table loads, no jump
/// table: this runs on every character, and a branch on the byte's value
/// mispredicts wherever Han text and digits alternate.
#[inline]
fn may_start_figure(b0: u8, b1: Option<u8>) -> bool {
    b0.is_ascii_digit()
        || (b0 & 0xF0 == 0xE0
            && b1.is_some_and(|b1| {
                FIGURE_SECOND_BYTES[usize::from(b0 & 0x0F)] >> (b1 & 0x3F) & 1 != 0
            }))
}

/// For each three-byte lead byte E0–EF, bit `b1 & 0x3F` is set when a
/// character starting with that lead and second byte `b1` may start a figure.
static FIGURE_SECOND_BYTES: [u64; 16] = {
    let mut t = [0u64; 16];
    let mut lead = 0;
    while lead < 16 {
        let mut k = 0;
        while k < 64 {
            if matches!(
                (0xE0 | lead as u8, 0x80 | k as u8),
                (0xE3, 0x80)
                    | (0xE4, 0xB8..=0xBA)
                    | (0xE5, 0x85 | 0x8D | 0x9B)
                    | (0xE7, 0x99)
                    | (0xE9, 0x9B)
                    | (0xEF, 0xBC)
            ) {
                t[lead] |= 1 << k;
            }
            k += 1;
        }
        lead += 1;
    }
    t
};

/// Words before a figure that make it approximate (达 “reaches” does not).
const APPROX_BEFORE: &[&str] = &[
    "约", "近", "超过", "超", "逾", "将近", "大约", "不到", "不足", "突破",
];

/// Set phrases and ordinal names in which a Chinese numeral is not a count.
fn is_set_phrase_numeral(before: Option<char>, after: &str) -> bool {
    // 十九大, 二十大: party congresses; 一肩挑, 一村一大, 两不愁三保障: slogans.
    let word = |w| starts(after, w);
    word("大") && !word("大类")
        || word("是")
        || word("肩")
        || word("线")
        || word("把手")
        || word("方面")
        || word("次产业") // 三次产业: the three industries, not three times
        || before == Some('第')
        || before == Some('十') // 十四五
}

/// Extracts the quantities of every clause. `clauses[i]` lie inside `sentences[clause_sentence[i]]`.
pub fn extract(text: &str, clauses: &[Span], clause_sentence: &[usize]) -> Vec<Quantity> {
    let mut out = Vec::new();
    extract_into(text, clauses, clause_sentence, &mut out);
    out
}

/// [`extract`], appending to `out` (the document model reuses its buffer).
pub fn extract_into(
    text: &str,
    clauses: &[Span],
    clause_sentence: &[usize],
    out: &mut Vec<Quantity>,
) {
    // Room for a figure every 32 bytes (a figure-dense report has one every
    // ~35), so a long document's figures are not copied as the vector grows.
    // Pages of it that are never written are never touched.
    out.reserve(clauses.last().map_or(0, |c| c.end) / 32);
    for (index, span) in clauses.iter().enumerate() {
        let clause = ClauseAt {
            text,
            span,
            index,
            sentence: clause_sentence[index],
        };
        let first = out.len();
        scan_clause(&clause, out);
        if out.len() > first {
            read_roles(text, span, &mut out[first..]);
        }
    }
}

/// The clause being scanned: where it is and what it belongs to.
struct ClauseAt<'a> {
    text: &'a str,
    span: &'a Span,
    /// Index into `Document::clauses`.
    index: usize,
    /// Index into `Document::sentences`.
    sentence: usize,
}

impl ClauseAt<'_> {
    fn slice(&self) -> &str {
        &self.text[self.span.clone()]
    }

    /// A quantity of this clause from `start` to `end` (text offsets); the
    /// subject is the clause text before it, the roles are read later.
    fn quantity(&self, start: usize, end: usize, value: Decimal) -> Quantity {
        Quantity {
            number: start..end,
            span: start..end,
            value,
            multiplier: 1,
            unit: "",
            approx: Approx::Exact,
            subject: self.span.start..start,
            sentence: self.sentence,
            clause: self.index,
            // Filled in by `extract`, which reads each clause's role words once.
            roles: Roles::default(),
        }
    }
}

/// The scanning machinery: walks a clause to each character that may start a
/// figure and lets [`read_figure`] decide what is there.
fn scan_clause(clause: &ClauseAt, out: &mut Vec<Quantity>) {
    let s = clause.slice();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        // Most characters start no number: pass them by their first two
        // bytes, undecoded.
        if !may_start_figure(bytes[i], bytes.get(i + 1).copied()) {
            i += crate::text::utf8_char_len(bytes[i]);
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if !starts_figure(c) {
            i += c.len_utf8();
            continue;
        }
        i = read_figure(clause, i, c, out);
    }
}

/// A number read at a figure's start: its value, where it ends (clause
/// offset) and whether it is written in Chinese numerals.
struct NumberRead {
    value: Decimal,
    end: usize,
    han: bool,
}

/// 7亿6289.7万人: a number of 亿 and one of 万 written as one figure, read as
/// one (76289.7 in 万, the 万 and the unit read after it as for any figure).
fn yi_then_wan(s: &str, first: &NumberRead) -> Option<NumberRead> {
    let at = first.end + s[first.end..].strip_prefix('亿').map(|_| '亿'.len_utf8())?;
    let second = scan_arabic(&s[at..]).filter(|sc| s[at + sc.end..].starts_with('万'))?;
    // Below 亿: at most four digits of 万 (6289.7万, not 62890万).
    if second.value.to_f64() >= 10_000.0 || first.value.scale > 0 {
        return None;
    }
    let yi_in_wan = Decimal::new(first.value.mantissa.checked_mul(10_000)?, 0);
    Some(NumberRead {
        value: yi_in_wan.checked_add(second.value)?,
        end: at + second.end,
        han: false,
    })
}

/// Reads what starts with `c` at clause offset `i`: a figure pushed to `out`,
/// or nothing. Returns the clause offset where scanning goes on.
fn read_figure(clause: &ClauseAt, i: usize, c: char, out: &mut Vec<Quantity>) -> usize {
    let s = clause.slice();
    let prev = s[..i].chars().next_back();
    let start = clause.span.start + i;
    let number = if is_digit(c) {
        if digits_belong_to_a_word(s, i, prev) {
            None
        } else {
            scan_arabic(&s[i..]).map(|sc| {
                let first = NumberRead {
                    value: sc.value,
                    end: i + sc.end,
                    han: false,
                };
                yi_then_wan(s, &first).unwrap_or(first)
            })
        }
    } else if c == '百' && starts(&s[i..], "百分之") {
        // 百分之八十 / 百分之95: a percentage written out.
        let at = i + "百分之".len();
        if let Some(sc) = scan_any(&s[at..]) {
            let end = at + sc.end;
            out.push(percent_written_out(
                clause,
                start,
                clause.span.start + end,
                sc.value,
            ));
            return end;
        }
        None
    } else if is_han_digit(c) && !prev.is_some_and(is_han_digit) {
        scan_han(&s[i..]).map(|sc| NumberRead {
            value: sc.value,
            end: i + sc.end,
            han: true,
        })
    } else {
        None
    };
    let Some(number) = number else {
        return skip_refused(s, i, c);
    };
    let rest = &s[number.end..];
    // 三分之一: a fraction, kept as a percentage to two places (approximate).
    if starts(rest, "分之") {
        if let Some(end) = read_fraction(clause, start, &number, out) {
            return end;
        }
    }
    // 中心小学一所，: one counted at the end of its clause is a figure (各一个，
    // one each, is not).
    let one_counted = !matches!(prev, Some('各' | '每')) && {
        let mut after = rest.chars();
        after.next().is_some_and(is_han)
            && after
                .next()
                .is_some_and(|c| matches!(c, '，' | '；' | '。' | '、' | ',' | ';'))
    };
    if number.han
        && (is_set_phrase_numeral(prev, rest)
            || (number.value.mantissa < 2 && !rest.starts_with(['万', '亿']) && !one_counted))
    {
        // 一 in 进一步 / 统一 / 一个: not a figure worth checking.
        return number.end;
    }
    match finish(clause, start, &number) {
        Some(q) => {
            let next = q.span.end - clause.span.start;
            let q = mark_range(clause.text, clause.span, q, out);
            out.push(q);
            next
        }
        None => number.end,
    }
}

/// Digits at clause offset `i` inside a Latin word or model number (5G, A4,
/// COVID-19), or after a point: not ours. 200-5000元: after a dash only as the
/// upper bound of a range.
fn digits_belong_to_a_word(s: &str, i: usize, prev: Option<char>) -> bool {
    let range_dash = prev.is_some_and(|p| fold_char(p) == '-')
        && s[..i].chars().rev().nth(1).is_some_and(is_digit)
        && !s[..i]
            .trim_end_matches(|c: char| c == '-' || fold_char(c) == '-')
            .trim_end_matches(is_digit)
            .ends_with(|c: char| fold_char(c).is_ascii_alphabetic());
    // 第 3 个: an ordinal set off by a blank.
    let spaced_ordinal = s[..i].trim_end_matches([' ', '\u{3000}']).ends_with('第');
    spaced_ordinal
        || !range_dash
            && !after_an_indicator_acronym(s, i)
            && prev.is_some_and(|p| {
                fold_char(p).is_ascii_alphanumeric()
                    || matches!(
                        fold_char(p),
                        '.' | '-' | '/' | '〔' | '[' | ':' | '·' | '第'
                    )
            })
}

/// GDP188.72亿元, CPI102.1%: an indicator's acronym (capitals only, two or
/// more) glued to an amount of money or a percentage names that figure; a
/// model number (CR400型, G318国道) has no such unit after it.
fn after_an_indicator_acronym(s: &str, i: usize) -> bool {
    let before = &s[..i];
    let letters = before.len()
        - before
            .trim_end_matches(|c: char| fold_char(c).is_ascii_uppercase())
            .len();
    let word_starts = before[..before.len() - letters]
        .chars()
        .next_back()
        .is_none_or(|c| !fold_char(c).is_ascii_alphanumeric());
    let rest = s[i..].trim_start_matches(|c: char| is_digit(c) || fold_char(c) == '.');
    letters >= 2
        && word_starts
        && ["亿元", "万元", "元", "%", "％"]
            .iter()
            .any(|u| rest.starts_with(u))
}

/// Past a character that starts no figure: the rest of a digit run refused
/// is skipped too, so its tail is not read as a number.
fn skip_refused(s: &str, mut i: usize, c: char) -> usize {
    i += c.len_utf8();
    if is_digit(c) {
        while let Some(n) = s[i..].chars().next() {
            if is_digit(n) || matches!(fold_char(n), '.' | ',') {
                i += n.len_utf8();
            } else {
                break;
            }
        }
    }
    i
}

/// 三分之一 after the denominator `number`: the fraction as an approximate
/// percentage pushed to `out`, and the clause offset after it; `None` when
/// no numerator follows (or the denominator is zero).
fn read_fraction(
    clause: &ClauseAt,
    start: usize,
    number: &NumberRead,
    out: &mut Vec<Quantity>,
) -> Option<usize> {
    let s = clause.slice();
    let at = number.end + "分之".len();
    let numerator = scan_any(&s[at..]);
    let (Some(num), Some(den)) = (
        numerator,
        (number.value.mantissa > 0).then_some(number.value),
    ) else {
        return None;
    };
    let end = at + num.end;
    let pct = num.value.to_f64() / den.to_f64() * 100.0;
    if pct.is_finite() && pct.abs() < 1e15 {
        let value = Decimal::new((pct * 100.0).round() as i64, 2);
        let mut q = percent_written_out(clause, start, clause.span.start + end, value);
        q.approx = Approx::About;
        out.push(q);
    }
    Some(end)
}

/// The role words before each figure of one clause (`figures`, in order), the
/// clause read once.
fn read_roles(text: &str, clause: &Span, figures: &mut [Quantity]) {
    let mut roles = RoleScan::new(clause);
    // The end of the last rate (a % figure) read in the clause.
    let mut rate_end = None;
    for q in figures.iter_mut() {
        q.roles = roles.until(text, q.subject.end);
        // 第一产业增长9.1%达21.2亿元, 增长67.1%上级补助405490万元: the change
        // word is the rate's; a figure after the rate with no change word of
        // its own is a level.
        if q.roles.change && rate_end.is_some_and(|end| !names_a_change(&text[end..q.span.start])) {
            q.roles.change = false;
        }
        rate_end = (q.unit == "%")
            .then_some(q.span.end)
            .or(rate_end.filter(|_| !q.roles.change));
        // 5628.0公斤/公顷, 3.5万元/人: a figure per unit of something.
        if text[q.span.end..].starts_with(['/', '／']) {
            q.roles.per = true;
        }
    }
    // 占 after a figure in its clause (…3677人占总人口的5%) makes it a
    // share too, as 占 before it does: so any 占 in the clause. The
    // scan saw those before the last subject; the rest, mostly a unit,
    // is read here (a substring search costs more than these few chars).
    if roles.saw_zhan || text[roles.read_to..clause.end].chars().any(|c| c == '占') {
        for q in figures.iter_mut() {
            q.roles.share = true;
        }
    }
}

/// Does a change word stand in `between` (…，增收5939万元 after 增长10.7%)?
fn names_a_change(between: &str) -> bool {
    let (lexicon, role_of) = role_lexicon();
    between.char_indices().any(|(i, c)| {
        lexicon.may_start(c)
            && lexicon
                .prefixes(&between[i..])
                .any(|w| role_of[w] == Role::Change)
    })
}

/// 200-5000元, 3至5个, 3~5名: the upper bound read as a quantity becomes the
/// whole range — not an exact figure to compare — and the lower bound, read
/// before it as a bare number, is dropped.
fn mark_range(text: &str, clause: &Span, mut q: Quantity, out: &mut Vec<Quantity>) -> Quantity {
    let before = &text[clause.start..q.span.start];
    let Some(sep) = before
        .chars()
        .next_back()
        .filter(|c| matches!(c, '-' | '－' | '~' | '～' | '—' | '至' | '到'))
    else {
        return q;
    };
    let lower_end = q.span.start - sep.len_utf8();
    if let Some(last) = out.last() {
        if last.span.end == lower_end && last.clause == q.clause {
            q.span.start = last.span.start;
            q.number.start = last.span.start;
            q.approx = Approx::About;
            out.pop();
            return q;
        }
    }
    // The lower bound was not kept as a number of its own (200-5000元): take in its digits.
    let lower = text[clause.start..lower_end].trim_end_matches(|c: char| is_digit(c) || c == '.');
    let lower_start = clause.start + lower.len();
    if lower_start < lower_end {
        q.span.start = lower_start;
        q.number.start = lower_start;
        q.approx = Approx::About;
    }
    q
}

/// A quantity for 百分之N (`start..end`, text offsets): unit %, no subject
/// beyond the clause text before it.
fn percent_written_out(clause: &ClauseAt, start: usize, end: usize, value: Decimal) -> Quantity {
    Quantity {
        unit: "%",
        ..clause.quantity(start, end, value)
    }
}

/// What follows a number: its 万/亿, its unit and 余/多, and where the figure
/// ends (text offset).
struct Tail {
    multiplier: u32,
    unit: Option<&'static str>,
    approx: Approx,
    end: usize,
}

/// The figure whose number starts at `start` (text offset): its unit, 万/亿
/// and approximation read after the number, or `None` when it is no figure
/// worth keeping (a date, a time, a bare number outside Han text, 一个).
fn finish(clause: &ClauseAt, start: usize, number: &NumberRead) -> Option<Quantity> {
    let text = clause.text;
    let num_end = clause.span.start + number.end;
    let Tail {
        mut multiplier,
        mut unit,
        mut approx,
        end,
    } = read_tail(text, clause.span.end, num_end)?;
    let after = &text[end..clause.span.end];
    if approximated(&text[clause.span.start..start], after) {
        approx = Approx::About;
    }
    if unit.is_none() && !number.han {
        // 62.15、81.40、197.36亿元: the last number's unit serves the whole list.
        // Clauses end at 、, so the list is read from the text itself.
        let reach = crate::text::floor_boundary(text, (end + 256).min(text.len()));
        if let Some((m, u)) = shared_list_unit(&text[end..reach]) {
            multiplier = m;
            unit = Some(u);
        }
    }
    let unit = match unit {
        Some(u) => u,
        None if keeps_bare_number(clause, start, end, number) => "",
        None => return None,
    };
    if number.han && number.value.mantissa < 2 && unit != "万" && !counts_at_clause_end(text, end)
    {
        // 一个 / 一名 / 一次: mostly "a, one of", not a figure to check.
        return None;
    }
    Some(Quantity {
        number: start..num_end,
        span: start..end,
        multiplier,
        unit,
        approx,
        ..clause.quantity(start, end, number.value)
    })
}

/// Does a count end its clause (中心小学一所，): a figure, where 一所学校 is an article.
fn counts_at_clause_end(text: &str, end: usize) -> bool {
    text[end..]
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '，' | '；' | '。' | '、' | ',' | ';'))
}

/// The 万/亿, unit and 余/多 after a number ending at `num_end`, within the
/// clause ending at `clause_end`; `None` when a time unit or 百分 follows
/// (a date, a duration, 百分点 written out: not a figure).
fn read_tail(text: &str, clause_end: usize, num_end: usize) -> Option<Tail> {
    let mut pos = num_end;
    let mut approx = Approx::Exact;
    let after = |p: usize| &text[p..clause_end];
    // 1.6万个 / 3.96亿元: the multiplier belongs to the number when a unit follows it.
    for (m, mult) in [("万", 10_000u32), ("亿", 100_000_000)] {
        if starts(after(pos), m) {
            let tail = &after(pos)[m.len()..];
            let tail = tail
                .strip_prefix('余')
                .or_else(|| tail.strip_prefix('多'))
                .unwrap_or(tail);
            // 7.9亿 元: a blank left where a pasted line broke inside the unit.
            let blank = [' ', '\u{3000}']
                .into_iter()
                .find(|&b| tail.starts_with(b) && tail[b.len_utf8()..].starts_with('元'))
                .map_or(0, char::len_utf8);
            if let Some(u) = unit_at(&tail[blank..]).filter(|u| !matches!(*u, "万" | "亿")) {
                pos += m.len();
                if let Some(a @ ('余' | '多')) = after(pos).chars().next() {
                    approx = Approx::About;
                    pos += a.len_utf8();
                }
                return Some(Tail {
                    multiplier: mult,
                    unit: Some(u),
                    approx,
                    end: pos + blank + u.len(),
                });
            }
        }
    }
    // 十余个, 150余处, 1700余名; 左右 after the unit is handled by the caller.
    if let Some(a @ ('余' | '多' | '来')) = after(pos).chars().next() {
        approx = Approx::About;
        pos += a.len_utf8();
    }
    // 在籍学生 354 人: a draft typed or pasted from a table may set the unit
    // off by one space.
    if let Some(space @ (' ' | '\u{3000}' | '\u{a0}')) = after(pos).chars().next() {
        let past = &after(pos)[space.len_utf8()..];
        let dated = past.chars().next().is_some_and(is_time_unit) || starts(past, "百分");
        if dated || unit_at(past).is_some() {
            pos += space.len_utf8();
        }
    }
    let rest = after(pos);
    // 24小时值守, 6个月, 3个小时: a duration, not a count.
    let duration = |s: &str| DURATIONS.iter().any(|w| starts(s, w));
    if rest.chars().next().is_some_and(is_time_unit) || starts(rest, "百分") || duration(rest) {
        return None;
    }
    let unit = unit_at(rest);
    if unit == Some("个") && (duration(&rest["个".len()..]) || starts(&rest["个".len()..], "月"))
    {
        return None;
    }
    Some(Tail {
        multiplier: 1,
        unit,
        approx,
        end: pos + unit.map_or(0, str::len),
    })
}

/// Approximation words around a figure: `before` it in its clause (约, 近,
/// 超过 …; 达 “reaches” is not one) or right `after` it (左右, 以上 …).
fn approximated(before: &str, after: &str) -> bool {
    // (Each figure runs this: the last / first character is tested before the words.)
    let before_it = before
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '约' | '近' | '过' | '超' | '逾' | '到' | '足' | '破'))
        && APPROX_BEFORE.iter().any(|a| ends(before, a));
    // 2000亿元大关: a threshold passed, not the figure reached.
    let after_it = after.starts_with(['左', '以', '上', '大'])
        && ["左右", "以上", "以下", "上下", "大关"]
            .iter()
            .any(|a| starts(after, a));
    before_it || after_it
}

/// A number with no unit is kept only inside Han text (新发展党员33通过), for
/// data.missing-unit; 5G, 17:29, list numbers and phone numbers are not figures.
fn keeps_bare_number(clause: &ClauseAt, start: usize, end: usize, number: &NumberRead) -> bool {
    let next = clause.text[end..clause.span.end].chars().next();
    let prev = clause.text[clause.span.start..start].chars().next_back();
    !number.han && next.is_some_and(is_han) && prev.is_some_and(is_han) && number.value.scale == 0
}

/// The 万/亿 and unit that close a list of bare numbers joined by 、 (and
/// 和 / 及 before the last) — `、81.40、197.36亿元` after 62.15, `和4.0个百分点`
/// after 0.2 — or `None` when the list ends otherwise.
fn shared_list_unit(mut rest: &str) -> Option<(u32, &'static str)> {
    // A list a writer types out is short; the bound keeps a hostile one linear.
    for _ in 0..32 {
        let last = ['和', '及'].iter().find_map(|c| rest.strip_prefix(*c));
        rest = match last {
            Some(r) => r,
            None => rest.strip_prefix('、')?,
        };
        let n = scan_arabic(rest)?;
        rest = &rest[n.end..];
        if last.is_none() && rest.starts_with(['、', '和', '及']) {
            continue;
        }
        for (m, mult) in [("万", 10_000u32), ("亿", 100_000_000)] {
            if let Some(tail) = rest.strip_prefix(m) {
                if let Some(u) = unit_at(tail).filter(|u| !matches!(*u, "万" | "亿")) {
                    return Some((mult, u));
                }
            }
        }
        return unit_at(rest).map(|u| (1, u));
    }
    None
}

/// Role words and the role each gives the figure after it.
const ROLE_WORDS: &[(&str, Role)] = &[
    ("共", Role::Total),
    ("合计", Role::Total),
    ("总计", Role::Total),
    ("累计", Role::Total),
    ("总数", Role::Total),
    ("全村", Role::Total),
    ("全镇", Role::Total),
    ("全乡", Role::Total),
    ("全区", Role::Total),
    ("全县", Role::Total),
    ("全市", Role::Total),
    ("在册", Role::Total),
    ("其中", Role::Part),
    ("已经", Role::Done),
    ("已完成", Role::Done),
    ("已通", Role::Done),
    ("已建", Role::Done),
    ("每", Role::Per),
    ("人均", Role::Per),
    ("户均", Role::Per),
    // Per student, per day, per month, per school, per village.
    ("生均", Role::Per),
    ("日均", Role::Per),
    ("月均", Role::Per),
    ("校均", Role::Per),
    ("村均", Role::Per),
    ("平均", Role::Per),
    // 年均增长38%: a rate per year over several, not the change from start to end.
    ("年均", Role::Per),
    // Yields per unit of area: a part's may exceed the whole's.
    ("单产", Role::Per),
    ("亩产", Role::Per),
    ("单位面积", Role::Per),
    ("同比", Role::Change),
    ("环比", Role::Change),
    ("增长", Role::Change),
    ("下降", Role::Change),
    ("提高", Role::Change),
    ("减少", Role::Change),
    ("增加", Role::Change),
    ("降低", Role::Change),
    ("上升", Role::Change),
    ("增幅", Role::Change),
    ("增收", Role::Change),
    ("减收", Role::Change),
    ("增产", Role::Change),
    ("减产", Role::Change),
    ("增支", Role::Change),
    ("增利", Role::Change),
    ("减利", Role::Change),
    ("增亏", Role::Change),
    ("减亏", Role::Change),
    ("减支", Role::Change),
    ("回落", Role::Change),
    ("降幅", Role::Change),
    // Prices rise and fall (居民消费价格上涨1.9%, 衣着类下跌2.8%).
    ("上涨", Role::Change),
    ("下跌", Role::Change),
    ("涨幅", Role::Change),
    ("跌幅", Role::Change),
    ("占", Role::Share),
    ("比例", Role::Share),
    ("比重", Role::Share),
    ("覆盖率", Role::Share),
    ("率", Role::Share),
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Total,
    Part,
    Done,
    Per,
    Change,
    Share,
}

fn role_lexicon() -> &'static (
    crate::text::Lexicon<'static>,
    std::collections::HashMap<&'static str, Role>,
) {
    static LEXICON: std::sync::OnceLock<(
        crate::text::Lexicon<'static>,
        std::collections::HashMap<&'static str, Role>,
    )> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| {
        let words: Vec<&'static str> = ROLE_WORDS.iter().map(|(w, _)| *w).collect();
        (
            crate::text::Lexicon::new(&words),
            ROLE_WORDS.iter().copied().collect(),
        )
    })
}

/// The role words of the subjects in one clause. A figure's subject is the
/// clause up to the figure, and the figures of a clause come in order, so each
/// subject extends the one before: the clause is read once, not once per
/// figure (which was quadratic in a long clause full of figures).
struct RoleScan {
    clause: Span,
    /// Positions before this have been read.
    read_to: usize,
    /// Roles of the words read that end inside the subject so far.
    words: Roles,
    /// Words that start before `read_to` but end past the last subject:
    /// (end, role). At most one per position of a role word's length.
    straddling: Vec<(usize, Role)>,
    /// 占 has been read.
    saw_zhan: bool,
}

impl RoleScan {
    fn new(clause: &Span) -> Self {
        RoleScan {
            clause: clause.clone(),
            read_to: clause.start,
            words: Roles::default(),
            straddling: Vec::new(),
            saw_zhan: false,
        }
    }

    /// The roles of the subject `clause.start..end`; `end` never decreases
    /// from one call to the next. The same as reading the longest role word at
    /// every position of the subject, because no role word is the prefix of
    /// one with another role (a test holds the list to that).
    fn until(&mut self, text: &str, end: usize) -> Roles {
        let (lexicon, role_of) = role_lexicon();
        let words = &mut self.words;
        self.straddling.retain(|&(word_end, role)| {
            let inside = word_end <= end;
            if inside {
                words.add(role);
            }
            !inside
        });
        let unread = text.get(self.read_to..end).unwrap_or("");
        for (i, c) in unread.char_indices() {
            if !lexicon.may_start(c) {
                continue;
            }
            self.saw_zhan |= c == '占';
            let at = self.read_to + i;
            // The shortest word here decides whether one fits in the subject.
            if let Some(word) = lexicon.prefixes(&text[at..self.clause.end]).last() {
                // 增加值 (value added) is a level, not a change.
                if word == "增加" && starts(&text[at + word.len()..], "值") {
                    continue;
                }
                let role = role_of[word];
                if at + word.len() <= end {
                    words.add(role);
                } else {
                    self.straddling.push((at + word.len(), role));
                }
            }
        }
        self.read_to = self.read_to.max(end);
        let subj = &text[self.clause.start..end];
        Roles {
            done: self.words.done || starts(subj, "已"),
            not_done: starts(subj, "未") || starts(subj, "尚未") || starts(subj, "没有"),
            ..self.words
        }
    }
}

impl Roles {
    fn add(&mut self, role: Role) {
        match role {
            Role::Total => self.total = true,
            Role::Part => self.part = true,
            Role::Done => self.done = true,
            Role::Per => self.per = true,
            Role::Change => self.change = true,
            Role::Share => self.share = true,
        }
    }
}

/// Content characters of a subject phrase: Han characters only, with role and
/// filler words that say nothing about *what* is counted removed. Written into
/// `key` (cleared first) so a caller can reuse one buffer for every figure.
pub fn subject_key(text: &str, key: &mut Vec<char>) {
    const FILLER: &[&str] = &[
        "目前", "截至", "其中", "共有", "共计", "合计", "总计", "累计", "共", "已", "达到", "达",
        "约", "近", "全年", "今年", "以来", "我镇", "我局", "我区", "我县", "我村", "全镇", "全乡",
        "全村", "全县", "全区", "全市", "全省", "的", "了", "和", "及", "与", "并", "等",
    ];
    static FILLERS: std::sync::OnceLock<crate::text::Lexicon<'static>> = std::sync::OnceLock::new();
    let fillers = FILLERS.get_or_init(|| crate::text::Lexicon::new(FILLER));
    // One pass: at each character, skip a filler word starting there.
    key.clear();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        // Most characters start no filler: the lexicon's bitset says so
        // before a word is looked up.
        if fillers.may_start(c) {
            if let Some(f) = fillers.longest_prefix(rest) {
                rest = &rest[f.len()..];
                continue;
            }
        }
        if is_han(c) {
            key.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
}

/// A number and where it stands: a term of a ratio, a component of a set of
/// shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub value: Decimal,
    pub span: Span,
}

/// Numbers joined by colons (14.4:41.4:44.2), which [`extract`] leaves alone
/// (17:29 is a time): where the run starts and its terms, spans relative to
/// the text scanned.
#[derive(Debug, Clone)]
pub struct ColonRun {
    pub start: usize,
    pub terms: Vec<Term>,
}

/// What joins a ratio's numbers: 14.4:41.4:44.2, 6.7∶24.9∶68.4 (U+2236).
const RATIO_COLONS: [char; 3] = [':', '：', '∶'];

/// The runs of numbers joined by colons in `text` (at most 12 terms each).
pub fn colon_runs(text: &str) -> Vec<ColonRun> {
    let mut runs = Vec::new();
    for (at, _) in text.match_indices(RATIO_COLONS) {
        // Start at the first number of a run: the text before the colon ends in digits.
        let head_start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_digit(*c) || fold_char(*c) == '.')
            .last()
            .map(|(i, _)| i);
        let Some(start) = head_start else { continue };
        // Only the first colon of a run starts one (结构比为:20.9:16.2:62.9
        // puts a colon before the run, not inside it).
        let mut back = text[..start].chars().rev();
        let before_start = back.next();
        let inside_run = before_start.is_some_and(|c| {
            is_digit(c) || RATIO_COLONS.contains(&c) && back.next().is_some_and(is_digit)
        });
        if inside_run {
            continue;
        }
        let mut terms = Vec::new();
        let mut pos = start;
        while let Some((value, len)) = ratio_number_at(&text[pos..]) {
            terms.push(Term {
                value,
                span: pos..pos + len,
            });
            pos += len;
            match text[pos..].chars().next() {
                Some(c) if RATIO_COLONS.contains(&c) && terms.len() < 12 => pos += c.len_utf8(),
                _ => break,
            }
        }
        runs.push(ColonRun { start, terms });
    }
    runs
}

/// A term of a ratio at the start of `s`: a decimal number (ASCII or
/// full-width digits, one point, at most 12 digits) and its length.
fn ratio_number_at(s: &str) -> Option<(Decimal, usize)> {
    let mut mantissa: i64 = 0;
    let (mut scale, mut digits, mut end, mut point) = (0u32, 0, 0, false);
    for (i, c) in s.char_indices() {
        let f = fold_char(c);
        if let Some(d) = f.to_digit(10).filter(|_| is_digit(c)) {
            digits += 1;
            if digits > 12 {
                return None;
            }
            mantissa = mantissa * 10 + i64::from(d);
            scale += u32::from(point);
            end = i + c.len_utf8();
        } else if f == '.' && !point && digits > 0 {
            point = true;
        } else {
            break;
        }
    }
    (digits > 0).then(|| (Decimal::new(mantissa, scale), end))
}

/// The character pairs (bigrams) of a subject key, in order, repeats kept,
/// written into `out` (cleared first).
pub fn key_pairs(key: &[char], out: &mut Vec<(char, char)>) {
    out.clear();
    out.extend(key.windows(2).map(|w| (w[0], w[1])));
}

/// How alike two subject names are: the character pairs (bigrams) of their
/// keys that they share. This one measure serves every name comparison of the
/// numeric rules and frames; the bar each sets on it differs on purpose:
///
/// - `numbers.conflict` asks whether two subjects name the *same* quantity (a
///   wrong yes is a false alarm): at least 4 pairs shared and 70% of the union;
/// - a breakdown's part goes to the total whose indicator it names *most*
///   alike among a few: the graded [`PairOverlap::jaccard`], at least one half;
/// - a share's whole is a short name (年初预算) looked up in the longer
///   subjects of earlier figures: the part of the *name's* pairs found
///   (containment, not Jaccard: the subject may say much more), two thirds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairOverlap {
    /// Pairs of the first found in the second.
    pub shared: usize,
    /// Pairs of the first name.
    pub first: usize,
    /// Pairs of the second name.
    pub second: usize,
}

impl PairOverlap {
    /// The pairs of `a` found in `b` (a pair repeated in `a` counts each time).
    pub fn of(a: &[(char, char)], b: &[(char, char)]) -> Self {
        PairOverlap {
            shared: a.iter().filter(|x| b.contains(x)).count(),
            first: a.len(),
            second: b.len(),
        }
    }

    /// [`PairOverlap::of`] for sorted, deduplicated pairs, in one merge pass
    /// (`numbers.conflict` compares many subjects).
    pub fn of_sorted(a: &[(char, char)], b: &[(char, char)]) -> Self {
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        PairOverlap {
            shared,
            first: a.len(),
            second: b.len(),
        }
    }

    /// Pairs in either name (shared ones once).
    pub fn union(&self) -> usize {
        self.first + self.second - self.shared
    }

    /// Shared pairs over all pairs (Jaccard): 1 for the same name.
    pub fn jaccard(&self) -> f64 {
        self.shared as f64 / self.union() as f64
    }

    /// Does the first name's share of pairs found reach `num / den`?
    pub fn covers_first(&self, num: usize, den: usize) -> bool {
        self.shared * den >= self.first * num
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quantities(text: &str) -> Vec<(String, String, &'static str)> {
        let clauses = crate::text::split_clauses(text, 0..text.len());
        let cs = vec![0; clauses.len()];
        extract(text, &clauses, &cs)
            .into_iter()
            .map(|q| {
                (
                    text[q.span.clone()].to_string(),
                    format!("{}", q.value),
                    q.unit,
                )
            })
            .collect()
    }

    #[test]
    fn reads_the_forms_drafts_use() {
        let t = "报到2544人，发放口罩1.6万个，捐款97116元，投资3.96亿元，面积1,200平方米，新招１８名，三十三名党员，一千二百户，清理1200余处，增长12.5%，65.5亩";
        let got = quantities(t);
        let spans: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            spans,
            vec![
                "2544人",
                "1.6万个",
                "97116元",
                "3.96亿元",
                "1,200平方米",
                "１８名",
                "三十三名",
                "一千二百户",
                "1200余处",
                "12.5%",
                "65.5亩"
            ]
        );
        assert_eq!(got[4].1, "1200");
        assert_eq!(got[9].1, "12.5");
    }

    #[test]
    fn a_unit_set_off_by_one_space_is_the_figures() {
        let got = quantities("在籍学生 354 人，教学班 6 个，于 2023 年完成，增长 4.5 %");
        let spans: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(spans, vec!["354 人", "6 个", "4.5 %"], "{got:?}");
        // Two spaces set a number apart from the word after it.
        assert!(quantities("编号 354  人员").iter().all(|g| g.2.is_empty()));
    }

    #[test]
    fn skips_dates_document_numbers_ordinals_and_set_phrases() {
        let t = "2020年3月26日召开，昌民字〔2022〕20号，十九大精神，二是加强，一肩挑，第3名，5G基站，17:29";
        let got = quantities(t);
        assert!(
            got.iter().all(|g| g.2.is_empty() || g.0 == "20号"),
            "{got:?}"
        );
        assert!(
            !got.iter()
                .any(|g| g.0.contains("十九") || g.0.contains("二是") || g.0.contains("3名")),
            "{got:?}"
        );
    }

    #[test]
    fn an_indicator_acronym_glued_to_an_amount_names_it() {
        let t = "实现地区生产总值(GDP188.72亿元，CPI为102.1%，CPI102.1%，购置CR400型动车12辆，途经G318国道，新建5G基站30个，ABcd12元";
        let got: Vec<String> = quantities(t).into_iter().map(|g| g.0.to_string()).collect();
        assert_eq!(
            got,
            vec!["188.72亿元", "102.1%", "102.1%", "12辆", "30个"],
            "{got:?}"
        );
    }

    #[test]
    fn ranges_and_written_out_percentages() {
        let t = "补助200-5000元，建成3至5个，达到百分之八十，覆盖率百分之95.5，COVID-19病例2例，占三分之一";
        let clauses = crate::text::split_clauses(t, 0..t.len());
        let got = extract(t, &clauses, &vec![0; clauses.len()]);
        let read: Vec<(&str, Approx, &str)> = got
            .iter()
            .map(|q| (&t[q.span.clone()], q.approx, q.unit))
            .collect();
        assert_eq!(
            read,
            vec![
                ("200-5000元", Approx::About, "元"),
                ("3至5个", Approx::About, "个"),
                ("百分之八十", Approx::Exact, "%"),
                ("百分之95.5", Approx::Exact, "%"),
                ("2例", Approx::Exact, "例"),
                ("三分之一", Approx::About, "%"),
            ]
        );
        assert_eq!(got[5].value, Decimal::new(3333, 2));
        assert_eq!(got[2].value, Decimal::new(80, 0));
        assert!(got[3].roles.share, "覆盖率 makes it a share");
    }

    #[test]
    fn decimals_are_exact() {
        let a = Decimal::new(1, 1);
        let b = Decimal::new(2, 1);
        assert_eq!(a.checked_add(b), Some(Decimal::new(3, 1)));
        assert_eq!(
            Decimal::new(3, 1).cmp_value(Decimal::new(30, 2)),
            Some(std::cmp::Ordering::Equal)
        );
        assert_eq!(Decimal::new(3096, 2).to_string(), "30.96");
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_han_ordinal("三十三"), Some(33));
        assert_eq!(parse_han_ordinal("一千二百"), Some(1200));
        assert_eq!(parse_han_ordinal("十二"), Some(12));
        assert_eq!(parse_han_ordinal("两千零五"), Some(2005));
        assert_eq!(han_numeral(21), "二十一");
    }

    #[test]
    fn role_words_that_start_alike_have_one_role() {
        // RoleScan relies on it: the shortest word at a position decides.
        for (a, ra) in ROLE_WORDS {
            for (b, rb) in ROLE_WORDS {
                if b.starts_with(a) {
                    assert_eq!(ra, rb, "{a} / {b}");
                }
            }
        }
    }

    #[test]
    fn han_digits_are_found_by_their_table_and_nothing_else_is() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_han_digit(c), HAN_DIGITS.contains(&c), "{c:?}");
        }
    }

    #[test]
    fn the_byte_filter_lets_every_figure_character_through() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(crate::text::utf8_char_len(b[0]), b.len(), "{c:?}");
            if starts_figure(c) {
                assert!(may_start_figure(b[0], b.get(1).copied()), "{c:?}");
            }
        }
    }

    #[test]
    fn the_ascii_number_scan_agrees_with_the_general_one() {
        // Every string of up to five pieces from characters that start,
        // continue or end a number, and long digit runs around the 18-digit limit.
        let pieces = ["1", "9", "0", ".", ",", "，", "１", "．", "元", "%"];
        let mut texts = vec![String::new()];
        let mut frontier = vec![String::new()];
        for _ in 0..5 {
            frontier = frontier
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(frontier.iter().cloned());
        }
        for n in 16..=32 {
            for tail in ["", ".5人", ",000", "．５", "．", "１"] {
                texts.push(format!("{}{tail}", "7".repeat(n)));
                texts.push(format!("12.{}{tail}", "3".repeat(n - 3)));
            }
        }
        let mut answered = 0;
        for t in &texts {
            if let Some(fast) = scan_plain_ascii(t.as_bytes()) {
                answered += 1;
                let general = scan_arabic_general(t).expect(t);
                assert_eq!(
                    (fast.value, fast.end),
                    (general.value, general.end),
                    "{t:?}"
                );
            }
        }
        // The fast scan answers most of these; the rest fall to the general one.
        assert!(answered > texts.len() / 10, "{answered} of {}", texts.len());
    }

    #[test]
    fn million_digit_number_does_not_panic() {
        let t = format!("共{}人", "9".repeat(1_000_000));
        assert!(quantities(&t).is_empty());
    }

    #[test]
    fn a_figure_has_at_most_eighteen_digits() {
        let eighteen = format!("共{}元", "9".repeat(18));
        assert_eq!(quantities(&eighteen).len(), 1);
        assert_eq!(quantities(&eighteen)[0].1, "9".repeat(18));
        // Longer digit runs are codes; no tail of one is read as a figure.
        assert!(quantities(&format!("编号{}元", "9".repeat(19))).is_empty());
        assert!(quantities(&format!("编号{}.5元", "1".repeat(18))).is_empty());
    }
}
