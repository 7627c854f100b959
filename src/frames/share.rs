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
use crate::quantity::{key_pairs, same_kind, subject_key, Approx, PairOverlap, Quantity};
use crate::text::is_han;
use crate::text::Words;
use std::collections::HashMap;

/// A share and the readings of its part and whole that the text allows, the
/// likeliest first. The rate is right when any reading gives it (城镇化率54.06%
/// after 城镇人口…，农村人口…: the part is the one the rate names, not the nearest).
#[derive(Debug, Clone)]
pub struct Share {
    pub rate: usize,
    /// Never empty.
    pub readings: Vec<Reading>,
}

/// One reading of a share: which figure is its part and which its whole
/// (indices into `Document::quantities`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub part: usize,
    pub whole: usize,
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
    let index = BreakdownIndex::new(frames);
    let mut names = NameSearch::default();
    let mut test = ShareTest::default();
    let mut shares = Vec::new();
    let mut orphans = Vec::new();
    for (i, p) in qs.iter().enumerate() {
        if p.unit != "%" || p.value.mantissa <= 0 {
            continue;
        }
        if let Some((part, whole)) = completion(doc, qs, i) {
            shares.push(Share {
                rate: i,
                readings: vec![Reading { part, whole }],
            });
            continue;
        }
        if !test.is_share(doc, p) {
            continue;
        }
        let mut readings = Vec::new();
        let rate = Rate {
            doc,
            index: i,
            index_of_parts: &index,
        };
        if let Some(orphan) = rate.readings(&mut names, &mut readings) {
            orphans.push(orphan);
        }
        // A whole is never smaller than its part: such a reading is another figure.
        let value = |k: usize| qs[k].scaled().map(|v| v.to_f64());
        readings.retain(|r| {
            r.part != r.whole
                && same_kind(qs[r.part].unit, qs[r.whole].unit)
                && value(r.whole) >= value(r.part)
        });
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
        .take(FIGURE_REACH)
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
        .take(FIGURE_REACH)
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

/// The breakdowns seen from their parts: each part's total (its nearest: a
/// nested one) and each total's parts, the other readings of a share.
struct BreakdownIndex {
    total_of_part: HashMap<usize, usize>,
    parts_by_total: HashMap<usize, Vec<usize>>,
}

impl BreakdownIndex {
    fn new(frames: &Frames) -> Self {
        let mut total_of_part: HashMap<usize, usize> = HashMap::new();
        let mut parts_by_total: HashMap<usize, Vec<usize>> = HashMap::new();
        for b in &frames.breakdowns {
            for &p in frames.parts_of(b) {
                total_of_part.entry(p).or_insert(b.total);
            }
        }
        for b in &frames.breakdowns {
            parts_by_total
                .entry(b.total)
                .or_default()
                .extend_from_slice(frames.parts_of(b));
        }
        BreakdownIndex {
            total_of_part,
            parts_by_total,
        }
    }

    /// `part` of its breakdown's total, then the total's other parts.
    fn readings_of(&self, part: usize, readings: &mut Vec<Reading>) {
        if let Some(&whole) = self.total_of_part.get(&part) {
            readings.push(Reading { part, whole });
            let others = self
                .parts_by_total
                .get(&whole)
                .map_or(&[][..], Vec::as_slice);
            readings.extend(
                others
                    .iter()
                    .take(FIGURE_REACH)
                    .map(|&o| Reading { part: o, whole }),
            );
        }
    }
}

/// A percentage that is a share, being read.
struct Rate<'a, 'd> {
    doc: &'a Document<'d>,
    /// Index of the rate in `Document::quantities`.
    index: usize,
    index_of_parts: &'a BreakdownIndex,
}

impl Rate<'_, '_> {
    /// The readings of part and whole the text allows for this rate, into
    /// `readings`; an [`Orphan`] when none does but a part right before it.
    fn readings(&self, names: &mut NameSearch, readings: &mut Vec<Reading>) -> Option<Orphan> {
        let (doc, p) = (self.doc, &self.doc.quantities[self.index]);
        let from = self.reach_start();
        let before = &doc.text[from..p.span.start];
        let Some(zhan) = before.rfind('占').map(|z| from + z) else {
            if let Some(part) = self.earlier().next() {
                self.of_breakdown(part, readings);
            }
            return None;
        };
        let qs = &doc.quantities;
        let inside = self.earlier().find(|&k| qs[k].span.start > zhan);
        let part = self.earlier().find(|&k| qs[k].span.end <= zhan);
        let after_zhan = zhan + '占'.len_utf8();
        match (part, inside) {
            (Some(part), Some(whole)) => readings.push(Reading { part, whole }),
            (Some(part), None) => match named_whole(&doc.text[after_zhan..p.span.start]) {
                Some(noun) => {
                    let unit = Some(qs[part].unit);
                    names.find(doc, part, unit, noun);
                    if names.found.is_empty() {
                        names.found.extend(stated_target(doc, qs, part, noun));
                    }
                    readings.extend(names.found.iter().map(|&whole| Reading { part, whole }));
                }
                None => {
                    self.of_breakdown(part, readings);
                    if readings.is_empty() && self.part_speaks_for_itself(part, zhan) {
                        return Some(Orphan {
                            rate: self.index,
                            part,
                        });
                    }
                }
            },
            (None, None) => {
                // 第一产业增加值占地区生产总值的比重为14.2%: both named, both stated before.
                let clause_start = doc.clauses[p.clause].start.max(from);
                let part_name = named_whole(&doc.text[clause_start.min(zhan)..zhan]);
                let whole_name = named_whole(&doc.text[after_zhan..p.span.start]);
                if let (Some(pn), Some(wn)) = (part_name, whole_name) {
                    names.find(doc, self.index, None, pn);
                    let parts: Vec<usize> = names.found.iter().copied().take(2).collect();
                    for part in parts {
                        let unit = Some(qs[part].unit);
                        names.find(doc, part, unit, wn);
                        readings.extend(names.found.iter().map(|&whole| Reading { part, whole }));
                    }
                }
            }
            _ => {}
        }
        None
    }

    /// `part` against its breakdown's total and that total's other parts.
    /// 60周岁及以上人口1075.7万人，占24.7%，其中65周岁及以上706.1万人，占16.2%:
    /// a total with a share of its own passes its whole down to its parts'
    /// shares; that whole is not stated here.
    fn of_breakdown(&self, part: usize, readings: &mut Vec<Reading>) {
        let qs = &self.doc.quantities;
        let total = self.index_of_parts.total_of_part.get(&part).copied();
        if total.is_some_and(|w| has_own_share(self.doc, qs, w)) {
            return;
        }
        self.index_of_parts.readings_of(part, readings);
    }

    /// Where the text a rate's 占 may stand in starts: [`ZHAN_REACH`] back,
    /// not before its sentence.
    fn reach_start(&self) -> usize {
        let p = &self.doc.quantities[self.index];
        let sentence = &self.doc.sentences[p.sentence];
        crate::text::floor_boundary(
            self.doc.text,
            p.span
                .start
                .saturating_sub(ZHAN_REACH)
                .max(sentence.span.start),
        )
    }

    /// The figures of this sentence before the rate that may be its part or
    /// whole, nearest first.
    fn earlier(&self) -> impl Iterator<Item = usize> + '_ {
        let qs = &self.doc.quantities;
        let p = &qs[self.index];
        (0..self.index)
            .rev()
            .take_while(move |&k| qs[k].sentence == p.sentence)
            .take(FIGURE_REACH)
            .filter(move |&k| qs[k].is_level() || is_whole_in_zhan(self.doc, qs, k, p))
    }

    /// Only an exact part right before its 占 (…28.07万人，占50.79%) speaks for itself.
    fn part_speaks_for_itself(&self, part: usize, zhan: usize) -> bool {
        let q = &self.doc.quantities[part];
        let between = &self.doc.text[q.span.end..zhan];
        between.chars().all(|c| !is_han(c))
            && between.chars().count() <= 2
            && q.approx == Approx::Exact
    }
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

/// Looking up figures by name: the buffers reused from one search to the
/// next, and the figures the last search found.
#[derive(Default)]
struct NameSearch {
    key: Vec<char>,
    pairs: Vec<(char, char)>,
    other: Vec<char>,
    other_pairs: Vec<(char, char)>,
    found: Vec<usize>,
}

impl NameSearch {
    /// The figures before `anchor` whose subjects name `noun` (two thirds of
    /// the noun's character pairs: [`PairOverlap`]), of the unit kind `unit`
    /// when given, nearest first, within a few sentences, into `self.found`
    /// (cleared first). GDP is named 地区生产总值 in the figures.
    fn find(&mut self, doc: &Document, anchor: usize, unit: Option<&str>, noun: &str) {
        let qs = &doc.quantities;
        self.found.clear();
        let noun = if noun.contains("GDP") || noun.contains("gdp") {
            "生产总值"
        } else {
            noun
        };
        subject_key(noun, &mut self.key);
        key_pairs(&self.key, &mut self.pairs);
        if self.pairs.is_empty() {
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
            subject_key(doc.slice(&qs[k].subject), &mut self.other);
            // 第一产业 is not 第三产业: names that differ in a numeral differ.
            let numerals = |cs: &[char]| -> Vec<char> {
                cs.iter()
                    .copied()
                    .filter(|c| crate::quantity::is_han_digit(*c))
                    .collect()
            };
            if numerals(&self.key) != numerals(&self.other) {
                continue;
            }
            key_pairs(&self.other, &mut self.other_pairs);
            if PairOverlap::of(&self.pairs, &self.other_pairs).covers_first(2, 3) {
                self.found.push(k);
            }
        }
    }
}
