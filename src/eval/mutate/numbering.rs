//! The harness's own reading of heading numbers, independent of the
//! checker's outline: markers at a line's start (一、 （一） (一) 1. 1、 （1）)
//! and run-ins after a stop (一是 二是), grouped into sequences 1, 2, 3 …
//! Plants go only into sequences the writer numbered right.

use super::figure::{arabic_at, chinese_at, Figure};
use super::plant::{Kind, Plant};
use super::Planting;

/// How a marker is written; the closing character tells 1. from 1、 apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// 一、
    HanComma,
    /// （一） or (一)
    HanParen(char),
    /// 1. 1、 1．
    Arabic(char),
    /// （1） or (1)
    ArabicParen(char),
    /// 一是
    RunIn,
}

impl Style {
    /// GB/T 9704 levels: a heading closes the sequences of the levels below it.
    fn level(self) -> u8 {
        match self {
            Style::HanComma => 1,
            Style::HanParen(_) => 2,
            Style::Arabic(_) => 3,
            Style::ArabicParen(_) => 4,
            Style::RunIn => 5,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Marker {
    pub style: Style,
    /// The numeral: what a plant rewrites.
    pub numeral: Figure,
    /// Where the marker's line starts (for a run-in, where the marker starts).
    pub line_start: usize,
}

impl Marker {
    fn number(&self) -> i64 {
        self.numeral.mantissa
    }
}

const STOPS: &[char] = &['，', '。', '；', '：', ',', ';', ':', '！', '？'];
const BLANKS: &[char] = &[' ', '\t', '\u{3000}', '\r'];

/// Every marker of the text, in order.
pub fn markers(text: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_start_matches(BLANKS);
        let at = line_start + (line.len() - body.len());
        if let Some(m) = heading_at(text, at, line_start) {
            out.push(m);
        }
        run_ins(text, at, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

/// A heading marker at `at`, the first non-blank of its line.
fn heading_at(text: &str, at: usize, line_start: usize) -> Option<Marker> {
    let rest = &text[at..];
    let open = rest.chars().next()?;
    let marker = |style, numeral| {
        Some(Marker {
            style,
            numeral,
            line_start,
        })
    };
    if open == '（' || open == '(' {
        let inner = at + open.len_utf8();
        let (numeral, arabic) = match arabic_at(text, inner) {
            Some(f) => (f, true),
            None => (chinese_at(text, inner)?, false),
        };
        let close = text[numeral.range.end..].chars().next()?;
        if !matches!(close, '）' | ')') || numeral.decimals > 0 {
            return None;
        }
        let style = if arabic {
            Style::ArabicParen(open)
        } else {
            Style::HanParen(open)
        };
        return marker(style, numeral);
    }
    if let Some(numeral) = arabic_at(text, at) {
        let mut after = text[numeral.range.end..].chars();
        let close = after.next()?;
        // 1.5万 is a figure: arabic_at read it whole, so a decimal never marks.
        if numeral.decimals > 0 || !matches!(close, '.' | '．' | '、') {
            return None;
        }
        if after.next().is_some_and(super::figure::is_digit) {
            return None;
        }
        return marker(Style::Arabic(close), numeral);
    }
    let numeral = chinese_at(text, at)?;
    let after = &text[numeral.range.end..];
    if !after.starts_with('、') {
        return None;
    }
    // 一、二、三产业 lists ordinals, it is no heading.
    let next = numeral.range.end + '、'.len_utf8();
    if chinese_at(text, next).is_some_and(|n| text[n.range.end..].starts_with('、')) {
        return None;
    }
    marker(Style::HanComma, numeral)
}

/// Run-ins (一是 二是) between `from` and `to`: a numeral with 是 at the
/// line's start or right after a stop.
fn run_ins(text: &str, from: usize, to: usize, out: &mut Vec<Marker>) {
    let mut prev: Option<char> = None;
    for (i, c) in text[from..to].char_indices() {
        let after_stop = prev.is_none_or(|p| STOPS.contains(&p));
        prev = Some(c);
        if !after_stop {
            continue;
        }
        let Some(numeral) = chinese_at(text, from + i) else {
            continue;
        };
        if text[numeral.range.end..].starts_with('是') && numeral.mantissa <= 20 {
            out.push(Marker {
                style: Style::RunIn,
                line_start: numeral.range.start,
                numeral,
            });
        }
    }
}

/// Sequences numbered right (1, 2, 3 … of one style, no higher heading in
/// between), at least two long. A sequence the writer broke is left alone.
pub fn sequences(markers: &[Marker]) -> Vec<Vec<&Marker>> {
    let mut done: Vec<Vec<&Marker>> = Vec::new();
    let mut open: Vec<Vec<&Marker>> = Vec::new();
    for m in markers {
        if m.style != Style::RunIn {
            // A heading ends the lists of the levels below it.
            let (closed, kept): (Vec<_>, Vec<_>) = open
                .into_iter()
                .partition(|s| s[0].style.level() > m.style.level());
            done.extend(closed);
            open = kept;
        }
        match open.iter().position(|s| s[0].style == m.style) {
            Some(i) if open[i].last().is_some_and(|l| l.number() + 1 == m.number()) => {
                open[i].push(m);
            }
            Some(i) => {
                let seq = open.remove(i);
                if m.number() == 1 {
                    done.push(seq);
                    open.push(vec![m]);
                }
                // Otherwise the writer's numbering is broken here: drop it.
            }
            None if m.number() == 1 => open.push(vec![m]),
            None => {}
        }
    }
    done.extend(open);
    done.retain(|s| s.len() >= 2);
    done.sort_by_key(|s| s[0].numeral.range.start);
    done
}

/// A skip on each sequence's last item (一、二、三 → 一、二、四: no later item
/// to renumber), a repeat on its middle item (一、二、三 → 一、一、三), or in
/// another set on a later one.
pub fn plant(text: &str, out: &mut Planting) {
    let found = markers(text);
    for seq in sequences(&found) {
        let last = seq[seq.len() - 1];
        out.plants.push(Plant::new(
            Kind::NumberingSkip,
            last.numeral.range.clone(),
            last.numeral.written(last.number() + 1),
        ));
        let k = 1 + (seq.len() / 2 - 1 + out.set) % (seq.len() - 1);
        out.plants.push(Plant::new(
            Kind::NumberingRepeat,
            seq[k].numeral.range.clone(),
            seq[k].numeral.written(seq[k - 1].number()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<Vec<i64>> {
        let m = markers(text);
        sequences(&m)
            .iter()
            .map(|s| s.iter().map(|m| m.number()).collect())
            .collect()
    }

    #[test]
    fn finds_headings_and_run_ins_in_sequences() {
        let text = "标题\n一、成效\n（一）甲\n（二）乙\n1.丙\n2.丁\n二、问题\n一是资金少。二是人手缺；三是经验不足。\n三、打算\n（一）继续\n";
        // 一二三; （一）（二） (its 1. 2. closed by 二、); 1. 2.; 一是…三是.
        assert_eq!(
            numbers(text),
            vec![vec![1, 2, 3], vec![1, 2], vec![1, 2], vec![1, 2, 3]]
        );
    }

    #[test]
    fn leaves_broken_numbering_and_figures_alone() {
        assert!(numbers("一、甲\n二、乙\n四、丙\n").is_empty());
        assert!(numbers("1.5万人参加\n2.3万人\n").is_empty());
        assert!(numbers("一、二、三产业\n统一是关键，唯一是。\n").is_empty());
    }

    #[test]
    fn plants_skip_and_repeat() {
        let text = "一、甲\n二、乙\n三、丙\n";
        let mutated = super::super::mutants(plant, text);
        assert_eq!(
            mutated,
            ["一、甲\n二、乙\n四、丙\n", "一、甲\n一、乙\n三、丙\n"]
        );
    }
}
