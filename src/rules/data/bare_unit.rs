//! The third form of `data.dropped-number`: a unit that cannot stand without
//! its number — 同比增长%，粮食产量万吨，投资亿元，提高个百分点.
//!
//! Grammar, not phrases: `%`, `个百分点`, a magnitude with its unit (万吨,
//! 亿元, 千公顷) and a unit of measurement (公顷, 平方米, 吨) are only ever
//! written after a number. When one follows a Han word that is no numeral
//! (增长%, 产量万吨) and the clause goes on as it would after a figure (a
//! separator, 比/同比/增长/占 …), the number was lost. Table headers
//! (单位：万元, 比重(%)) put no Han word before the unit; categories
//! (亿元以上项目, 万吨级码头, 万元户) go on with a word a figure never takes;
//! 每万人, 近亿元, 上万人 have the word that stands for the number. A note
//! mark or an abbreviation between noun and figure (生产总值[2]亿元,
//! (GDP)亿元) is stepped over; a unit alone in brackets after a figure is
//! that figure converted (13659.6万吨(亿斤)) and needs its own number.

use crate::quantity::is_han_digit;
use crate::text::{is_digit, is_han, Lexicon, Span};

/// Units that never begin a word of their own after a Han word. Longest first
/// within a leading character, for the lexicon.
const UNITS: &[&str] = &[
    "%",
    "％",
    "‰",
    "个百分点",
    "万元",
    "万人次",
    "万人",
    "万吨",
    "万斤",
    "万亩",
    "万头",
    "万只",
    "万羽",
    "万株",
    "万册",
    "万套",
    "万辆",
    "万件",
    "万台",
    "万箱",
    "万份",
    "万剂次",
    "万平方米",
    "万千瓦时",
    "万千瓦",
    "万公顷",
    "万立方米",
    "万标箱",
    "万美元",
    "亿元",
    "亿斤",
    "亿美元",
    "亿千瓦时",
    "亿立方米",
    "千公顷",
    "千瓦时",
    "千瓦",
    "千克",
    "千元",
    "公顷",
    "公斤",
    "平方公里",
    "平方米",
    "立方米",
    "吨",
    "元",
    "㎡",
    "m²",
    "万㎡",
    "万m²",
    // A bare magnitude (产值亿，工资万，) only before the clause's end: see
    // [`follows_as_figure`].
    "万个",
    "万名",
    "万袋",
    "万张",
    "万条",
    "万次",
    "万棵",
    "万千伏安",
    "千伏安",
    "千米",
    // Freight and passenger turnover: 公里 is the tail of these.
    "吨公里",
    "人公里",
    "公里",
    "万",
    "亿",
];

/// 元 ends many words and names (单元, 澳元, 广元, 神经元, a person's given
/// name): it lost its number only after a word that takes a sum — a copula
/// or verb of reaching (为元, 达到元), a noun of money's last character
/// (总值元, 收入元, 工资元), 的 or a conjunction (的元提高到, 和元).
const YUAN_SLOTS: &str = "为是达到计共值入资出额费款税助贴的和及与至由有";

/// Before 万/亿 a classifier or 整 stands for the number: 一个亿, 整亿.
const MAGNITUDE_COUNTERS: &str = "个整";

/// Bare magnitudes: units only where the clause ends right after them, as
/// 万 and 亿 begin words of their own (万众, 千家万户, 万达).
const MAGNITUDES: [&str; 2] = ["万", "亿"];

/// Words that stand for the number: 每万人, 近亿元, 上万人, 数万吨, 半亩 ….
const NUMBER_WORDS: &str = "每近上逾超过破数几成余多来半约";

/// What may follow a figure's unit in a statement: 增长%，/ 万吨，比上年 /
/// 万元，占 … A category (亿元以上项目, 万吨级) or a word (万元户) does not.
/// 的 too (达到亿斤的基础上), and / before a unit of rate (为元/人).
const FIGURE_FOLLOWERS: &str = "比同较增下减占与和及左为至到达（([.的/";

/// What may follow `%` besides: 增长%以上 still lost its number. A share
/// is followed by what follows any figure — a noun (增长%目标), the next
/// figure of a run-on list (增长%2项指标), 的 (低于%的控制目标) — so any Han
/// character or digit does; a blank or the paragraph's end is a table cell.
fn follows_percent(next: char) -> bool {
    is_han(next) || is_digit(next)
}

/// The first characters of [`UNITS`], each once, UTF-8 encoded.
fn first_chars() -> &'static [String] {
    static F: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        let mut firsts: Vec<String> = Vec::new();
        for u in UNITS {
            let c = u.chars().next().expect("no empty unit").to_string();
            if !firsts.contains(&c) {
                firsts.push(c);
            }
        }
        firsts
    })
}

fn units() -> &'static Lexicon<'static> {
    static L: std::sync::OnceLock<Lexicon<'static>> = std::sync::OnceLock::new();
    L.get_or_init(|| Lexicon::new(UNITS))
}

/// Units with no number before them in `s` (a paragraph starting at byte
/// `base`): the unit's span and the unit.
pub fn find(s: &str, base: usize, out: &mut Vec<(Span, &'static str)>) {
    let lex = units();
    let first = out.len();
    // Units start with a common Han character or a percent sign: the rest of
    // the text is stepped over undecoded, and almost every unit follows a
    // digit, which one byte tells.
    let bytes = s.as_bytes();
    let after_digit = |i: usize| i > 0 && bytes[i - 1].is_ascii_digit();
    // A vectorised search for each first character: a dozen passes that skip
    // most of the text a block at a time cost less than decoding it.
    let starts = first_chars()
        .iter()
        .flat_map(|c| crate::text::find_all(s, c.as_str()));
    // The last unit read: a candidate inside it (千瓦 in 万千瓦时) is part of it.
    let mut last = 0..0;
    for i in starts {
        if after_digit(i) || last.contains(&i) {
            continue;
        }
        let Some(unit) = lex.longest_prefix(&s[i..]) else {
            continue;
        };
        last = i..i + unit.len();
        if let Some(found) = lost_number(s, i, unit) {
            out.push((base + found.start..base + found.end, unit));
        }
    }
    // In text order (each first character was searched for in turn).
    if out.len() > first + 1 {
        crate::text::sort_stable_by(&mut out[first..], |a, b| a.0.start.cmp(&b.0.start));
    }
}

/// The unit `unit` at `i` in `s`, if its number was lost: its span.
fn lost_number(s: &str, i: usize, unit: &str) -> Option<Span> {
    let end = i + unit.len();
    // Most units follow their numeral (五万元, 3亿元 read as 亿 + 元): told by one character.
    if s[..i]
        .chars()
        .next_back()
        .is_some_and(|c| is_han_digit(c) || "万亿".contains(c))
        || inside_longer_unit(&s[..end], unit)
    {
        return None;
    }
    // A space typed where the number was (产量 万吨) hides nothing.
    let head = s[..i].trim_end_matches([' ', '\u{3000}']);
    if let Some(before) = head.strip_suffix(['(', '（']) {
        return lost_in_conversion(before, &s[end..], unit).then_some(i..end);
    }
    if !follows_as_figure(&s[end..], unit) {
        return None;
    }
    let head = strip_glosses(head);
    let prev = head.chars().next_back()?;
    // 以万元为单位, 以元计: the unit is named, not counted.
    if prev == '以' {
        return None;
    }
    let lost = if is_han(prev) {
        !stands_for_number(prev, head, unit)
    } else {
        // 0.4%、%和51.2%: a list of figures in this unit with one left empty.
        matches!(prev, '、' | '，' | ',')
            && figure_in_unit_ends(&head[..head.len() - prev.len_utf8()], unit)
    };
    lost.then_some(i..end)
        .or_else(|| after_decimal_point(head).then_some(i..end))
}

/// Does the Han character `prev`, ending `head`, stand for the number
/// before `unit` or make a word with it (十万人, 每万人, 单元)?
fn stands_for_number(prev: char, head: &str, unit: &str) -> bool {
    // 万/亿 are numerals too: 十万人, 百万吨 have their number.
    let numeral = is_han_digit(prev) || "万亿".contains(prev);
    let number_word = NUMBER_WORDS.contains(prev) && !ends_a_word(head);
    // 元 outside a slot for a sum, 一个亿: a word or name, not a lost figure.
    let word_or_name = match unit {
        "元" => !YUAN_SLOTS.contains(prev),
        "万" | "亿" => MAGNITUDE_COUNTERS.contains(prev),
        _ => false,
    };
    numeral || number_word || word_or_name
}

/// Does `head` end in a word whose last character is a number word only
/// when alone (成万亩, 数万人)? 完成万亩 and 人数万人 lost their figure: 成
/// closes a verb, 数 a noun of counting.
fn ends_a_word(head: &str) -> bool {
    let mut back = head.chars().rev();
    let (Some(last), Some(before)) = (back.next(), back.next()) else {
        return false;
    };
    match last {
        '成' => "完建达形造变构组促生落".contains(before),
        '数' => "人户总次件个天家项".contains(before),
        _ => false,
    }
}

/// 上涨1·%, 增长3.%: a decimal point with no digit after it, its fraction lost.
fn after_decimal_point(head: &str) -> bool {
    head.strip_suffix(['.', '·', '．'])
        .and_then(|n| n.chars().next_back())
        .is_some_and(is_digit)
}

/// Does `head`, ending in `unit`, end in a longer unit of which `unit` is
/// the tail (公里 in 平方公里, 千瓦时 in 万千瓦时)? Each first character is
/// searched for in turn, so the longer unit may not have been read yet.
fn inside_longer_unit(head: &str, unit: &str) -> bool {
    UNITS
        .iter()
        .any(|u| u.len() > unit.len() && u.ends_with(unit) && head.ends_with(u))
}

/// `head` without the glosses a bulletin puts between a noun and its figure:
/// a note mark (生产总值[2]61.9亿元) and an abbreviation in brackets
/// (生产总值(GDP)91.3亿元). The figure's place is before them.
fn strip_glosses(mut head: &str) -> &str {
    // A note mark and an abbreviation, perhaps both: a few at most.
    for _ in 0..3 {
        let stripped = strip_bracketed(head, '[', ']', |c| c.is_ascii_digit())
            .or_else(|| strip_bracketed(head, '［', '］', |c| c.is_ascii_digit()))
            .or_else(|| strip_bracketed(head, '(', ')', |c| c.is_ascii_alphabetic()))
            .or_else(|| strip_bracketed(head, '（', '）', |c| c.is_ascii_alphabetic()));
        match stripped {
            Some(rest) => head = rest.trim_end_matches([' ', '\u{3000}']),
            None => break,
        }
    }
    head
}

/// `head` without a last bracketed group of `open`, `close` whose content
/// (one to eight characters) is all `inner`.
fn strip_bracketed(head: &str, open: char, close: char, inner: fn(char) -> bool) -> Option<&str> {
    let body = head.strip_suffix(close)?;
    // Only the last nine characters: a long text with no `open` is not read back.
    let window = body.char_indices().rev().nth(8).map_or(0, |(k, _)| k);
    let at = window + body[window..].rfind(open)?;
    let content = &body[at + open.len_utf8()..];
    let n = content.chars().count();
    ((1..=8).contains(&n) && content.chars().all(inner)).then_some(&body[..at])
}

/// 13659.6万吨(亿斤): a unit alone in brackets right after a figure is that
/// figure converted, and the conversion's number was lost. `before` is the
/// text before the bracket, `rest` what follows the unit.
fn lost_in_conversion(before: &str, rest: &str, unit: &str) -> bool {
    // 比重(%), 单位(万元): a header names no figure before the bracket.
    let closes = rest.starts_with([')', '）']);
    closes && !MAGNITUDES.contains(&unit) && ends_with_figure(before)
}

/// Does `s` end with a figure and its unit (13659.6万吨, 1.2km, 45%)?
fn ends_with_figure(s: &str) -> bool {
    // At most five characters back: the check stays local in a long Han run.
    let unit_chars = s
        .chars()
        .rev()
        .take(5)
        .take_while(|&c| {
            (is_han(c) && !is_han_digit(c)) || c.is_ascii_alphabetic() || "%²㎡".contains(c)
        })
        .count();
    unit_chars <= 4 && s.chars().rev().nth(unit_chars).is_some_and(is_digit)
}

/// Does `s` end with a figure in `unit` (0.4%, 12.5万吨)?
fn figure_in_unit_ends(s: &str, unit: &str) -> bool {
    s.strip_suffix(unit)
        .and_then(|n| n.chars().next_back())
        .is_some_and(is_digit)
}

/// Does the clause go on after `unit` the way it goes on after a figure?
fn follows_as_figure(rest: &str, unit: &str) -> bool {
    // 万人以上，: a figure; 亿元以上项目: a category.
    let rest = ["以上", "以下", "以内", "左右"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .filter(|after| after.chars().next().is_some_and(|c| !is_han(c)))
        .unwrap_or(rest);
    let Some(next) = rest.chars().next() else {
        // The paragraph ends at the unit: a table header cell, not a statement.
        return false;
    };
    if crate::text::is_clause_sep(next) || crate::text::is_sentence_end(next) {
        return true;
    }
    if MAGNITUDES.contains(&unit) {
        return false;
    }
    let percent = matches!(unit, "%" | "％" | "‰");
    let points = unit == "个百分点" && next == '以';
    FIGURE_FOLLOWERS.contains(next) || points || (percent && follows_percent(next))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units_in(s: &str) -> Vec<&'static str> {
        let mut out = Vec::new();
        find(s, 0, &mut out);
        out.into_iter().map(|(_, u)| u).collect()
    }

    #[test]
    fn a_unit_after_a_word_lost_its_number() {
        assert_eq!(
            units_in("地区生产总值同比增长%，粮食产量万吨，比上年增加0.2万吨。"),
            ["%", "万吨"]
        );
        assert_eq!(units_in("完成投资亿元，占年度计划的%。"), ["亿元", "%"]);
        assert_eq!(units_in("城镇化率提高个百分点。"), ["个百分点"]);
        assert_eq!(
            units_in("分别增长6.3%、%和5.2%，烟叶产量 万吨。"),
            ["%", "万吨"]
        );
        assert_eq!(units_in("新增就业万人以上，增长%[3]。"), ["万人", "%"]);
    }

    #[test]
    fn figures_headers_and_categories_stay_silent() {
        for s in [
            "增长6.5%，产量32.6万吨，提高0.8个百分点。",
            "单位：万元",
            "比重（%）",
            "比上年增长%",
            "新开工亿元以上项目12个，建成万吨级码头2座。",
            "每万人拥有执业医师28人，近亿元的项目，上万人次参加。",
            "走进千家万户，争当万元户。",
            "十万人、百万吨、二十万亩。",
            "种植2.3万亩，亩均增收500元。",
            "增长6.3%、7.1%和5.2%，新增就业1万人以上，实施亿元以上项目。",
        ] {
            assert!(units_in(s).is_empty(), "{s}: {:?}", units_in(s));
        }
    }
}
