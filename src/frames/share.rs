//! Shares: a part as a percentage of a whole. The whole is found the way a
//! reader finds it:
//!
//! - written inside the 占 phrase: 完成投资1200万元，占全年任务3000万元的45%;
//! - named after 占: 城镇常住人口2114万人，占年末常住人口的比重为54.81% — the
//!   figure of that name stated before (and no frame when none is: 占全国总增产量的22.5%);
//! - not named (，占45.0% / 比例达到30.96% / 占比25.7%): the total of the
//!   breakdown the part belongs to (常住人口48.2万人，其中城镇人口21.7万人，占45.0%).

use super::Frames;
use crate::document::Document;
use crate::quantity::{same_kind, subject_key, Approx, Quantity};
use crate::text::is_han;
use crate::text::Words;
use std::collections::HashMap;

/// A share and the readings of its part and whole that the text allows, the
/// likeliest first. The rate is right when any reading gives it (城镇化率54.06%
/// after 城镇人口…，农村人口…: the part is the one the rate names, not the nearest).
#[derive(Debug, Clone)]
pub struct Share {
    pub rate: usize,
    /// (part, whole), never empty.
    pub readings: Vec<(usize, usize)>,
}

/// A share whose whole the text does not name (男性人口28.07万人，占50.79%):
/// alone it says nothing checkable, but shares of one whole side by side
/// must imply the same whole.
#[derive(Debug, Clone)]
pub struct Orphan {
    pub rate: usize,
    pub part: usize,
}

/// Words that make a percentage a share of a whole.
static SHARE: Words = Words::new(&[
    "比例",
    "占比",
    "比重",
    "占",
    "覆盖率",
    "供养率",
    "入住率",
    "参保率",
    "达标率",
    "合格率",
    "普及率",
    "使用率",
    "利用率",
    "到位率",
    "知晓率",
    "满意率",
    "出勤率",
    "城镇化率",
]);
/// Rates that are not shares of a whole and may exceed 100%.
static NOT_SHARE: Words = Words::new(&[
    "增长",
    "增幅",
    "下降",
    "降幅",
    "提高",
    "同比",
    "环比",
    "完成率",
    "完成",
    "超额",
    "增速",
    "提升",
    "拉动",
    "贡献率",
]);
/// Filler between the name of the whole and the rate: 占年初预算的比重为27.7%.
const FILLER_AT_END: &[&str] = &[
    "比重为",
    "比重",
    "比例为",
    "比例",
    "的",
    "为",
    "达到",
    "达",
    "约",
    "近",
    "了",
];

/// Tells whether a percentage is a share: a share word before it in its
/// clause, and no word of change or completion. A figure's subject runs from
/// its clause start, so the words are looked up once per clause, not once per
/// figure (quadratic in a long clause of figures).
#[derive(Default)]
pub struct ShareTest {
    /// (clause, where the first SHARE word ends, where the first NOT_SHARE word ends)
    clause: Option<(usize, Option<usize>, Option<usize>)>,
}

impl ShareTest {
    pub fn is_share(&mut self, doc: &Document, p: &Quantity) -> bool {
        let clause_start = doc.clauses[p.clause].start;
        if self.clause.is_none_or(|(c, _, _)| c != p.clause) {
            let clause = doc.slice(&doc.clauses[p.clause]);
            self.clause = Some((
                p.clause,
                SHARE.first_end_in(clause),
                NOT_SHARE.first_end_in(clause),
            ));
        }
        let (_, share_end, not_share_end) = self.clause.expect("set above");
        let subject_len = p.span.start - clause_start;
        let occurs = |end: Option<usize>| end.is_some_and(|e| e <= subject_len);
        occurs(share_end) && !occurs(not_share_end)
    }
}

/// How far (bytes) before a rate its 占 may stand.
const ZHAN_REACH: usize = 120;
/// How many figures before a rate may be its part or whole.
const FIGURE_REACH: usize = 8;

/// How many sentences back a named whole may be stated.
const WHOLE_REACH: usize = 8;

/// Collects the share frames of the document into `frames` (after the breakdowns).
pub fn build(doc: &Document, frames: &mut Frames) {
    let qs = &doc.quantities;
    // Which breakdown total each part belongs to (its nearest: a nested one).
    let mut total_of_part: HashMap<usize, usize> = HashMap::new();
    for b in &frames.breakdowns {
        for &p in frames.parts_of(b) {
            total_of_part.entry(p).or_insert(b.total);
        }
    }
    // Every part of a breakdown, by its total: the other readings of a share.
    let mut parts_by_total: HashMap<usize, Vec<usize>> = HashMap::new();
    for b in &frames.breakdowns {
        parts_by_total
            .entry(b.total)
            .or_default()
            .extend_from_slice(frames.parts_of(b));
    }
    let mut shares = Vec::new();
    let mut orphans = Vec::new();
    let mut key = Vec::new();
    let mut other = Vec::new();
    let mut test = ShareTest::default();
    let mut found = Vec::new();
    for (i, p) in qs.iter().enumerate() {
        if p.unit != "%" || p.value.mantissa <= 0 {
            continue;
        }
        if let Some(reading) = completion(doc, qs, i) {
            shares.push(Share {
                rate: i,
                readings: vec![reading],
            });
            continue;
        }
        if !test.is_share(doc, p) {
            continue;
        }
        let sentence = &doc.sentences[p.sentence];
        let from = crate::text::floor_boundary(
            doc.text,
            p.span
                .start
                .saturating_sub(ZHAN_REACH)
                .max(sentence.span.start),
        );
        let before = &doc.text[from..p.span.start];
        // The figures of this sentence before the rate, nearest first.
        let earlier = (0..i)
            .rev()
            .take_while(|&k| qs[k].sentence == p.sentence)
            .take(FIGURE_REACH)
            .filter(|&k| qs[k].is_level() || is_whole_in_zhan(doc, qs, k, p));
        let zhan = before.rfind('占').map(|z| from + z);
        let mut readings: Vec<(usize, usize)> = Vec::new();
        let of_breakdown = |part: usize, readings: &mut Vec<(usize, usize)>| {
            // 60周岁及以上人口1075.7万人，占24.7%，其中65周岁及以上706.1万人，占16.2%:
            // a total that has a share of its own passes its whole down to its
            // parts' shares; that whole is not stated here.
            let total = total_of_part.get(&part).copied();
            if total.is_some_and(|w| has_own_share(doc, qs, w)) {
                return;
            }
            if let Some(w) = total {
                readings.push((part, w));
                let others = parts_by_total.get(&w).map_or(&[][..], Vec::as_slice);
                readings.extend(others.iter().take(FIGURE_REACH).map(|&o| (o, w)));
            }
        };
        match zhan {
            Some(z) => {
                let inside = earlier.clone().find(|&k| qs[k].span.start > z);
                let part = earlier.clone().find(|&k| qs[k].span.end <= z);
                match (part, inside) {
                    (Some(part), Some(whole)) => readings.push((part, whole)),
                    (Some(part), None) => {
                        let named = named_whole(&doc.text[z + '占'.len_utf8()..p.span.start]);
                        match named {
                            Some(noun) => {
                                found.clear();
                                let unit = Some(qs[part].unit);
                                find_named(
                                    doc, qs, part, unit, noun, &mut key, &mut other, &mut found,
                                );
                                if found.is_empty() {
                                    found.extend(stated_target(doc, qs, part, noun));
                                }
                                readings.extend(found.iter().map(|&w| (part, w)));
                            }
                            None => {
                                of_breakdown(part, &mut readings);
                                // Only a part right before its 占 (…28.07万人，占50.79%) speaks for itself.
                                let between = &doc.text[qs[part].span.end..z];
                                let adjacent = between.chars().all(|c| !is_han(c))
                                    && between.chars().count() <= 2;
                                if readings.is_empty()
                                    && adjacent
                                    && qs[part].approx == Approx::Exact
                                {
                                    orphans.push(Orphan { rate: i, part });
                                }
                            }
                        }
                    }
                    (None, None) => {
                        // 第一产业增加值占地区生产总值的比重为14.2%: both named, both stated before.
                        let clause_start = doc.clauses[p.clause].start.max(from);
                        let part_name = named_whole(&doc.text[clause_start.min(z)..z]);
                        let whole_name = named_whole(&doc.text[z + '占'.len_utf8()..p.span.start]);
                        if let (Some(pn), Some(wn)) = (part_name, whole_name) {
                            found.clear();
                            find_named(doc, qs, i, None, pn, &mut key, &mut other, &mut found);
                            let parts: Vec<usize> = found.iter().copied().take(2).collect();
                            for part in parts {
                                found.clear();
                                let unit = Some(qs[part].unit);
                                find_named(
                                    doc, qs, part, unit, wn, &mut key, &mut other, &mut found,
                                );
                                readings.extend(found.iter().map(|&w| (part, w)));
                            }
                        }
                    }
                    _ => {}
                }
            }
            None => {
                if let Some(part) = earlier.clone().next() {
                    of_breakdown(part, &mut readings);
                }
            }
        }
        // A whole is never smaller than its part: such a reading is another figure.
        let value = |k: usize| qs[k].scaled().map(|v| v.to_f64());
        readings
            .retain(|&(a, b)| a != b && same_kind(qs[a].unit, qs[b].unit) && value(b) >= value(a));
        readings.dedup();
        if !readings.is_empty() {
            shares.push(Share { rate: i, readings });
        }
    }
    frames.shares = shares;
    frames.orphan_shares = orphans;
}

/// Words that put the target before a rate of completion: 完成年目标任务12500人的98.5%.
const COMPLETION_WORDS: &[&str] = &["完成", "达到", "达"];
/// How far (bytes) before the target its completion word may stand.
const COMPLETION_REACH: usize = 120;

/// 新增就业12314人，完成年目标任务12500人的98.5%: the figure before the
/// completion word against the target written right before 的 and the rate.
fn completion(doc: &Document, qs: &[Quantity], i: usize) -> Option<(usize, usize)> {
    let target = i.checked_sub(1)?;
    let (w, p) = (&qs[target], &qs[i]);
    if w.sentence != p.sentence || !w.is_level() || doc.text.get(w.span.end..p.span.start)? != "的"
    {
        return None;
    }
    let start = doc.sentences[p.sentence].span.start;
    let from = crate::text::floor_boundary(
        doc.text,
        w.span.start.saturating_sub(COMPLETION_REACH).max(start),
    );
    let lead = &doc.text[from..w.span.start];
    let at = COMPLETION_WORDS
        .iter()
        .filter_map(|c| lead.rfind(c))
        .max()
        .map(|k| from + k)?;
    // The lead names no other figure: the target is the completion word's object.
    if lead[at - from..].chars().any(crate::text::is_digit) {
        return None;
    }
    let part = (0..target)
        .rev()
        .take_while(|&k| qs[k].sentence == p.sentence)
        .find(|&k| qs[k].span.end <= at && qs[k].is_level() && same_kind(qs[k].unit, w.unit))?;
    // The part is the clause just before: 新增就业12314人，完成….
    let between = &doc.text[qs[part].span.end..at];
    (between.chars().count() <= 3).then_some((part, target))
}

/// Words that name a target as a whole: 占全年目标的67.2%.
const TARGET_WORDS: &[&str] = &["目标", "任务", "计划"];

/// 收入任务1383万元，1-8月累计完成929万元，占全年目标的67.2%: a whole named
/// as the target is the figure of the sentence the text calls a target
/// (任务 / 目标 / 计划), before the part.
fn stated_target(doc: &Document, qs: &[Quantity], part: usize, noun: &str) -> Option<usize> {
    if !TARGET_WORDS.iter().any(|w| noun.contains(w)) {
        return None;
    }
    (0..part)
        .rev()
        .take_while(|&k| qs[k].sentence == qs[part].sentence)
        .find(|&k| {
            qs[k].is_level()
                && same_kind(qs[k].unit, qs[part].unit)
                && TARGET_WORDS
                    .iter()
                    .any(|w| crate::text::tail(doc.slice(&qs[k].subject), 12).contains(w))
        })
}

/// Is figure `w` followed at once by its own share (1075.7万人，占24.7%)?
fn has_own_share(doc: &Document, qs: &[Quantity], w: usize) -> bool {
    qs.get(w + 1).is_some_and(|r| {
        r.is_percent()
            && r.sentence == qs[w].sentence
            && r.span.start >= qs[w].span.end
            && doc.text[qs[w].span.end..r.span.start].contains('占')
            && doc.text[qs[w].span.end..r.span.start].chars().count() <= 4
    })
}

/// 占全年任务3000万元的45%: a figure after 占 is the whole even when the
/// role scan took it for a share.
fn is_whole_in_zhan(doc: &Document, qs: &[Quantity], k: usize, p: &Quantity) -> bool {
    let between = &doc.text[qs[k].span.end..p.span.start];
    !qs[k].unit.is_empty() && !qs[k].is_percent() && between.chars().count() <= 3
}

/// The name of the whole after 占 (年初预算 in 占年初预算的), or `None` when
/// only filler stands there.
fn named_whole(after_zhan: &str) -> Option<&str> {
    let mut s = after_zhan;
    // Strip filler from the end (的比重为, 的) until the noun is bare.
    loop {
        let before = s;
        for w in FILLER_AT_END {
            s = s.strip_suffix(w).unwrap_or(s);
        }
        if s == before {
            break;
        }
    }
    let han = s.chars().filter(|c| crate::text::is_han(*c)).count();
    (han >= 2).then_some(s)
}

/// The figures before `anchor` whose subjects name `noun` (most of the noun's
/// character pairs), of the unit kind `unit` when given, nearest first, within
/// a few sentences, into `found`. GDP is named 地区生产总值 in the figures.
#[allow(clippy::too_many_arguments)]
fn find_named(
    doc: &Document,
    qs: &[Quantity],
    anchor: usize,
    unit: Option<&str>,
    noun: &str,
    key: &mut Vec<char>,
    other: &mut Vec<char>,
    found: &mut Vec<usize>,
) {
    let noun = if noun.contains("GDP") || noun.contains("gdp") {
        "生产总值"
    } else {
        noun
    };
    subject_key(noun, key);
    let pairs: Vec<(char, char)> = key.windows(2).map(|w| (w[0], w[1])).collect();
    if pairs.is_empty() {
        return;
    }
    let from_sentence = qs
        .get(anchor)
        .map_or(0, |q| q.sentence)
        .saturating_sub(WHOLE_REACH);
    for k in (anchor.saturating_sub(8 * FIGURE_REACH)..anchor)
        .rev()
        .take_while(|&k| qs[k].sentence >= from_sentence)
    {
        if !qs[k].is_level() || unit.is_some_and(|u| !same_kind(qs[k].unit, u)) {
            continue;
        }
        subject_key(doc.slice(&qs[k].subject), other);
        // 第一产业 is not 第三产业: names that differ in a numeral differ.
        let numerals = |cs: &[char]| -> Vec<char> {
            cs.iter()
                .copied()
                .filter(|c| crate::quantity::is_han_digit(*c))
                .collect()
        };
        if numerals(key) != numerals(other) {
            continue;
        }
        let shared = pairs
            .iter()
            .filter(|pair| other.windows(2).any(|w| (w[0], w[1]) == **pair))
            .count();
        if shared * 3 >= pairs.len() * 2 {
            found.push(k);
        }
    }
}
