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
use crate::text::Words;
use crate::text::{floor_boundary, is_han};
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
    // 占全省常住人口总量的: the head says only that the name is a whole.
    "总量",
    "总数",
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

/// How many sentences back the part a rate names may be stated.
const NAMED_PART_SENTENCES: usize = 2;

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
    // The sentence and wholes of the last share.
    let mut previous_wholes: Option<(usize, Vec<usize>)> = None;
    for (i, p) in qs.iter().enumerate() {
        if p.unit != "%" || p.value.mantissa <= 0 {
            continue;
        }
        if let Some((part, whole)) = completion(doc, qs, i)
            .or_else(|| completion_of_plan(doc, i, &mut names))
            .or_else(|| named_completion(doc, i))
            .or_else(|| rate_of_what_is_done(doc, i))
        {
            shares.push(Share {
                rate: i,
                readings: vec![Reading { part, whole }],
            });
            continue;
        }
        if !test.is_share(doc, p) || shares_in_turn(doc, p) {
            continue;
        }
        let mut readings = Vec::new();
        let rate = Rate::new(doc, i, &index);
        if let Some(orphan) = rate.readings(&mut names, &mut readings) {
            // 城镇人口13.0万人，占比25.7%；男性26.2万人，占比51.8%: after a
            // semicolon a share with no whole of its own has the whole of the
            // share before (named there or not).
            // …60周岁及以上人口1075.7万人，占24.7%。其中，65周岁及以上人口706.1万人，
            // 占16.2%: after a 其中 it may have that whole, or be a share of
            // the 其中's total.
            let ps = qs[orphan.part].sentence;
            let opens_with_qizhong = {
                let s = doc.slice(&doc.sentences[ps].span);
                s.trim_start().starts_with("其中")
                    && ps > 0
                    && doc.sentences[ps - 1].paragraph == doc.sentences[ps].paragraph
            };
            match &previous_wholes {
                Some((sentence, wholes))
                    if sentence + 1 == ps && (doc.follows_semicolon(ps) || opens_with_qizhong) =>
                {
                    readings.extend(wholes.iter().map(|&whole| Reading {
                        part: orphan.part,
                        whole,
                    }));
                    if let Some(whole) = index.total_of(orphan.part).filter(|_| opens_with_qizhong)
                    {
                        readings.push(Reading {
                            part: orphan.part,
                            whole,
                        });
                    }
                }
                _ => orphans.push(orphan),
            }
        }
        previous_wholes = (!readings.is_empty())
            .then(|| (qs[i].sentence, readings.iter().map(|r| r.whole).collect()));
        // A whole is never smaller than its part: such a reading is another figure.
        let value = |k: usize| qs[k].scaled().map(|v| v.to_f64());
        // Nor a bound (突破2000亿元大关, 超过5万人): the share is of the
        // figure reached.
        readings.retain(|r| {
            r.part != r.whole
                && same_kind(qs[r.part].unit, qs[r.whole].unit)
                && value(r.whole) >= value(r.part)
                && qs[r.whole].approx != Approx::About
        });
        readings.dedup();
        if !readings.is_empty() {
            shares.push(Share { rate: i, readings });
        }
    }
    frames.shares = shares;
    frames.orphan_shares = orphans;
}

/// 粮食作物播种面积2541.5公顷，经济作物播种面积349公顷，分占总播种面积的
/// 87.9%和12.1%: rates taken in turn by the items before them (分占 /
/// 分别占), each the share of its own item, not of the nearest figure.
fn shares_in_turn(doc: &Document, p: &Quantity) -> bool {
    // Within reach of the rate: a long clause of rates costs no more than its length.
    let from = doc.clauses[p.clause].start.max(floor_boundary(
        doc.text,
        p.span.start.saturating_sub(ZHAN_REACH),
    ));
    let lead = &doc.text[from..p.span.start];
    lead.contains("分占") || lead.contains("分别占")
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

/// 全省城镇新增就业64.75万人，完成全年计划的107.9%, after 计划目标为：全省城镇
/// 新增就业60万人: the rate of completion of a plan stated before, under the
/// part's own name, in a paragraph or sentence that calls it a plan.
fn completion_of_plan(doc: &Document, i: usize, names: &mut NameSearch) -> Option<(usize, usize)> {
    let qs = &doc.quantities;
    let part = i.checked_sub(1)?;
    let (q, p) = (&qs[part], &qs[i]);
    if q.sentence != p.sentence || !q.is_level() {
        return None;
    }
    // Only the completion phrase between them: ，完成全年计划的 / 完成年度目标任务的.
    let between = doc.text.get(q.span.end..p.span.start)?;
    let phrase = between
        .trim_start_matches(|c: char| !is_han(c))
        .strip_prefix("完成")?
        .strip_suffix('的')?;
    if phrase.chars().count() > 8 || !is_target(phrase) || !phrase.chars().all(is_han) {
        return None;
    }
    let name = without_heading_number(crate::text::tail(doc.slice(&q.subject), NAME_TAIL));
    names.find_far_where(doc, part, Some(q.unit), name, PLANNED, |k| {
        in_plan(doc, &qs[k]) && !in_plan(doc, q)
    });
    names.found.first().map(|&whole| (part, whole))
}

/// What a rate of completion is named after: 投资完成率, 开工率, 资金到位率.
const DONE_VERBS: &[&str] = &[
    "完成", "开工", "竣工", "到位", "执行", "拨付", "兑现", "开通",
];

/// 当年计划投资19亿元。1-12月份完成投资28.78亿元，投资完成率151.47% /
/// 92个计划新开工项目已开工51个，开工率55.4%: a rate named after what was
/// done is the figure done just before it over the planned one before that.
fn named_completion(doc: &Document, i: usize) -> Option<(usize, usize)> {
    let qs = &doc.quantities;
    let p = &qs[i];
    let name = crate::text::tail(doc.slice(&p.subject), NAME_TAIL)
        .trim_end_matches(|c: char| !is_han(c))
        .trim_end_matches(['达', '到', '为', '是', '仅', '了']);
    let verb = DONE_VERBS
        .iter()
        .find(|v| name.strip_suffix('率').is_some_and(|n| n.ends_with(*v)))?;
    let near = |from: usize, sentence: usize| {
        (0..from)
            .rev()
            .take(FIGURE_REACH)
            .take_while(move |&k| qs[k].sentence + NAMED_PART_SENTENCES >= sentence)
            .filter(|&k| qs[k].is_level())
    };
    let tail = |k: usize| crate::text::tail(doc.slice(&qs[k].subject), NAME_TAIL);
    // 92个计划新开工项目: a count's noun follows it.
    let head = |k: usize| {
        let end = doc.clauses[qs[k].clause].end.max(qs[k].span.end);
        let after = &doc.text[qs[k].span.end..end];
        &after[..crate::text::floor_boundary(after, NAME_TAIL)]
    };
    let part = near(i, p.sentence).find(|&k| tail(k).contains(verb))?;
    let whole = near(part, qs[part].sentence).find(|&k| {
        same_kind(qs[k].unit, qs[part].unit)
            && TARGET_WORDS
                .iter()
                .any(|w| tail(k).contains(w) || head(k).contains(w))
    })?;
    Some((part, whole))
}

/// 全村有道路34.7km（其中…），已硬化3.1km，硬化率仅为8.9%: a rate named
/// after a verb (硬化率, 覆盖率) right after the figure already done (已硬化) is
/// that figure over the nearest one of its kind before it, outside brackets,
/// that can hold it (the whole it was done of).
fn rate_of_what_is_done(doc: &Document, i: usize) -> Option<(usize, usize)> {
    let qs = &doc.quantities;
    let p = &qs[i];
    let name = crate::text::tail(doc.slice(&p.subject), NAME_TAIL)
        .trim_end_matches(|c: char| !is_han(c))
        .trim_end_matches(['达', '到', '为', '是', '仅', '了'])
        .strip_suffix('率')?;
    // The verb: the rate's last two characters (硬化 of 硬化率).
    let verb_at = name.char_indices().rev().nth(1)?.0;
    let verb = &name[verb_at..];
    let part = (0..i).next_back().filter(|&k| {
        qs[k].is_level()
            && qs[k].sentence == p.sentence
            && crate::text::tail(doc.slice(&qs[k].subject), NAME_TAIL)
                .strip_suffix(verb)
                .is_some_and(|before| before.ends_with('已'))
    })?;
    let value = |k: usize| qs[k].scaled().map(|v| v.to_f64());
    let whole = (0..part)
        .rev()
        .take(FIGURE_REACH)
        .take_while(|&k| qs[k].sentence + NAMED_PART_SENTENCES >= p.sentence)
        .filter(|&k| qs[k].is_level() && same_kind(qs[k].unit, qs[part].unit))
        .find(|&k| !crate::frames::breakdown::in_brackets(doc, &qs[k]))
        .filter(|&k| value(k) >= value(part))?;
    Some((part, whole))
}

/// A name without the heading number it opens with: （二）全省失业人员 → 全省失业人员.
fn without_heading_number(name: &str) -> &str {
    let trimmed = name.trim_start_matches(|c: char| !is_han(c));
    let numbered = trimmed
        .char_indices()
        .find(|&(_, c)| !crate::quantity::is_han_digit(c))
        .filter(|&(i, c)| i > 0 && matches!(c, ')' | '）' | '、'));
    match numbered {
        Some((i, c)) => &trimmed[i + c.len_utf8()..],
        None => name,
    }
}

/// Is a figure stated as a plan: a target word shortly before it in its paragraph?
fn in_plan(doc: &Document, q: &Quantity) -> bool {
    let paragraph = &doc.paragraphs[doc.sentences[q.sentence].paragraph];
    let lead = &doc.text[paragraph.span.start..q.span.start];
    let lead = crate::text::tail(lead, PLAN_REACH);
    TARGET_WORDS.iter().any(|w| lead.contains(w))
}

/// How far (bytes) before a planned figure its target word may stand.
const PLAN_REACH: usize = 240;

/// Words that name a target as a whole: 占全年目标的67.2%.
const TARGET_WORDS: &[&str] = &["目标", "任务", "计划"];

/// Does the name of a whole call it a target (全年目标, 年度计划)?
fn is_target(noun: &str) -> bool {
    TARGET_WORDS.iter().any(|w| noun.contains(w))
}

/// 收入任务1383万元，1-8月累计完成929万元，占全年目标的67.2%: a whole named
/// as the target is the figure of the sentence the text calls a target
/// (任务 / 目标 / 计划), before the part.
fn stated_target(doc: &Document, qs: &[Quantity], part: usize, noun: &str) -> Option<usize> {
    if !is_target(noun) {
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
struct BreakdownIndex<'f> {
    frames: &'f Frames,
    parts_by_total: HashMap<usize, Vec<usize>>,
}

impl<'f> BreakdownIndex<'f> {
    fn new(frames: &'f Frames) -> Self {
        let mut parts_by_total: HashMap<usize, Vec<usize>> = HashMap::new();
        for b in &frames.breakdowns {
            parts_by_total
                .entry(b.total)
                .or_default()
                .extend_from_slice(frames.parts_of(b));
        }
        BreakdownIndex {
            frames,
            parts_by_total,
        }
    }

    /// The total of the first breakdown that has `part` as a part.
    fn total_of(&self, part: usize) -> Option<usize> {
        self.frames.total_of_part(part)
    }

    /// `part` of its breakdown's total, then the total's other parts.
    fn readings_of(&self, part: usize, readings: &mut Vec<Reading>) {
        if let Some(whole) = self.total_of(part) {
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
    index_of_parts: &'a BreakdownIndex<'a>,
    /// The first sentence whose figures may be the rate's part or whole: its
    /// own, or the one before a semicolon when its own states none before it.
    first_sentence: usize,
}

impl<'a, 'd> Rate<'a, 'd> {
    fn new(doc: &'a Document<'d>, index: usize, index_of_parts: &'a BreakdownIndex<'a>) -> Self {
        let qs = &doc.quantities;
        let sentence = qs[index].sentence;
        let own = doc.sentence_quantities[sentence].start;
        let level_before = (own..index)
            .rev()
            .take(FIGURE_REACH)
            .any(|k| qs[k].is_level());
        // Only a rate that opens its sentence with 占 (；占总人口比重为57.6%)
        // leans on the sentence before; one that names itself stands alone.
        let lead = &doc.text[doc.sentences[sentence].span.start..qs[index].span.start];
        // Only the sentence's first few marks are stepped over (a sentence of
        // figures alone must not be scanned once per rate).
        let opens_with_zhan = lead
            .chars()
            .take(4)
            .find(|&c| is_han(c))
            .is_some_and(|c| c == '占');
        let first_sentence = if !level_before && opens_with_zhan && doc.follows_semicolon(sentence)
        {
            sentence - 1
        } else {
            sentence
        };
        Rate {
            doc,
            index,
            index_of_parts,
            first_sentence,
        }
    }
}

impl Rate<'_, '_> {
    /// The readings of part and whole the text allows for this rate, into
    /// `readings`; an [`Orphan`] when none does but a part right before it.
    fn readings(&self, names: &mut NameSearch, readings: &mut Vec<Reading>) -> Option<Orphan> {
        let (doc, p) = (self.doc, &self.doc.quantities[self.index]);
        let from = self.reach_start();
        let before = &doc.text[from..p.span.start];
        let Some(zhan) = before.rfind('占').map(|z| from + z) else {
            match self.earlier().next() {
                Some(part) => {
                    self.of_breakdown(part, readings);
                    if readings.is_empty() {
                        readings.extend(self.whole_before_zhong(part));
                    }
                }
                None => {
                    if let Some(part) = self.named_part_before() {
                        self.of_breakdown(part, readings);
                    }
                }
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
                    if names.found.is_empty() && !is_target(noun) {
                        names.find_far(doc, part, unit, noun);
                    }
                    readings.extend(names.found.iter().map(|&whole| Reading { part, whole }));
                }
                None => {
                    self.of_breakdown(part, readings);
                    if readings.is_empty() {
                        readings.extend(self.whole_before_zhong(part));
                    }
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
                        if names.found.is_empty() && !is_target(wn) {
                            names.find_far(doc, part, unit, wn);
                        }
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
        let total = self.index_of_parts.total_of(part);
        if total.is_some_and(|w| has_own_share(self.doc, qs, w)) {
            return;
        }
        self.index_of_parts.readings_of(part, readings);
    }

    /// 建档立卡1091户中因病致贫的有503户，占比46%: a figure followed by 中
    /// earlier in the clause is the whole its part is picked from.
    fn whole_before_zhong(&self, part: usize) -> Option<Reading> {
        let qs = &self.doc.quantities;
        let q = &qs[part];
        let whole = part.checked_sub(1)?;
        let w = &qs[whole];
        let zhong = self.doc.text[w.span.end..].starts_with('中');
        (zhong && w.clause == q.clause && w.is_level() && same_kind(w.unit, q.unit))
            .then_some(Reading { part, whole })
    }

    /// 其中城镇人口41.4万人，乡村人口53.5万人。常住人口城镇化率43.6%: a named
    /// rate with no figure before it in its sentence is the share of the part
    /// of a breakdown just before whose name it shares (城镇).
    fn named_part_before(&self) -> Option<usize> {
        const RATE_WORDS: &[&str] = &["达到", "达", "为", "是", "率", "化", "比重", "比例", "占比"];
        let (doc, qs) = (self.doc, &self.doc.quantities);
        let p = &qs[self.index];
        let name = strip_suffixes(
            crate::text::tail(doc.slice(&p.subject), NAME_TAIL),
            RATE_WORDS,
        );
        let (mut key, mut pairs) = (Vec::new(), Vec::new());
        subject_key(name, &mut key);
        key_pairs(&key, &mut pairs);
        if pairs.is_empty() {
            return None;
        }
        let (mut other, mut named) = (Vec::new(), Vec::new());
        let paragraph = doc.sentences[p.sentence].paragraph;
        (0..self.index)
            .rev()
            .take(FIGURE_REACH)
            .take_while(|&k| {
                qs[k].sentence + NAMED_PART_SENTENCES >= p.sentence
                    && doc.sentences[qs[k].sentence].paragraph == paragraph
            })
            .filter(|&k| qs[k].is_level())
            .find(|&k| {
                let Some(total) = self.index_of_parts.total_of(k) else {
                    return false;
                };
                // The rate's name is said by the part's and its total's
                // (常住人口 + 城镇人口 for 常住人口城镇化率; not 户籍人口城镇化率).
                named.clear();
                for f in [k, total] {
                    subject_key(doc.slice(&qs[f].subject), &mut other);
                    named.extend(other.windows(2).map(|w| (w[0], w[1])));
                }
                PairOverlap::of(&pairs, &named).covers_first(2, 3)
            })
    }

    /// Where the text a rate's 占 may stand in starts: [`ZHAN_REACH`] back,
    /// not before its sentence.
    fn reach_start(&self) -> usize {
        let p = &self.doc.quantities[self.index];
        let sentence = &self.doc.sentences[self.first_sentence];
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
            .take_while(move |&k| qs[k].sentence >= self.first_sentence)
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
    // 占总人口比重(户籍人口城镇化率)为 / 占地区生产总值(GDP)的: the name
    // stands before the bracket; the bracket glosses it or the rate.
    let mut s = after_zhan
        .find(['(', '（'])
        .map_or(after_zhan, |open| &after_zhan[..open]);
    // Strip filler from the end (的比重为, 的) until the noun is bare.
    s = strip_suffixes(s, FILLER_AT_END);
    let han = s.chars().filter(|c| crate::text::is_han(*c)).count();
    let latin = s.chars().filter(char::is_ascii_alphabetic).count();
    (han >= 2 || latin >= 2).then_some(s)
}

/// `s` without any run of `words` at its end (的比重为 → the noun before it).
fn strip_suffixes<'s>(mut s: &'s str, words: &[&str]) -> &'s str {
    loop {
        let before = s;
        for w in words {
            s = s.strip_suffix(w).unwrap_or(s);
        }
        if s == before {
            return s;
        }
    }
}

/// Looking up figures by name: the buffers reused from one search to the
/// next, the figures the last search found, and every level figure indexed
/// by the character pairs of its name, for wholes stated far before
/// (占GDP的比重 after the bulletin's first paragraph).
#[derive(Default)]
struct NameSearch {
    key: Vec<char>,
    pairs: Vec<(char, char)>,
    other: Vec<char>,
    other_pairs: Vec<(char, char)>,
    found: Vec<usize>,
    /// Level figures by the pairs of the end of their subjects, in text
    /// order: built at the first search far back (most drafts need none).
    by_pair: Option<HashMap<(char, char), Vec<usize>>>,
}

/// The share of a name's pairs another subject must have to name it.
type Bar = (usize, usize);
/// A whole named after 占: two thirds (a short name in a longer subject).
const NAMED: Bar = (2, 3);
/// An indicator's plan among the planned figures: half (再就业 as
/// 城镇失业人员再就业 in the plan, 全省失业人员实现再就业 when done).
const PLANNED: Bar = (1, 2);

/// How much of a subject's end (bytes) names the figure, for the index: a
/// long clause of figures must not make every subject long.
const NAME_TAIL: usize = 36;
/// How many indexed figures a search far back tries.
const FAR_CANDIDATES: usize = 16;

impl NameSearch {
    /// The index of level figures by name pairs (see `by_pair`).
    fn index(doc: &Document) -> HashMap<(char, char), Vec<usize>> {
        let mut by_pair: HashMap<(char, char), Vec<usize>> = HashMap::new();
        let mut key = Vec::new();
        for (k, q) in doc.quantities.iter().enumerate() {
            if !q.is_level() {
                continue;
            }
            subject_key(
                crate::text::tail(doc.slice(&q.subject), NAME_TAIL),
                &mut key,
            );
            for w in key.windows(2) {
                let list = by_pair.entry((w[0], w[1])).or_default();
                if list.last() != Some(&k) {
                    list.push(k);
                }
            }
        }
        by_pair
    }

    /// Reads `noun` into the search key; false when it has no pairs.
    fn set_noun(&mut self, noun: &str) -> bool {
        let noun = if noun.contains("GDP") || noun.contains("gdp") {
            "生产总值"
        } else {
            noun
        };
        subject_key(noun, &mut self.key);
        key_pairs(&self.key, &mut self.pairs);
        !self.pairs.is_empty()
    }

    /// Does figure `k` name the search key (the share `bar` of its pairs,
    /// the same numerals), in the unit kind `unit` when given?
    fn names(&mut self, doc: &Document, k: usize, unit: Option<&str>, bar: Bar) -> bool {
        let q = &doc.quantities[k];
        if !q.is_level() || unit.is_some_and(|u| !same_kind(q.unit, u)) {
            return false;
        }
        subject_key(doc.slice(&q.subject), &mut self.other);
        // 第一产业 is not 第三产业: names that differ in a numeral differ.
        if name_numerals(&self.key).ne(name_numerals(&self.other)) {
            return false;
        }
        key_pairs(&self.other, &mut self.other_pairs);
        PairOverlap::of(&self.pairs, &self.other_pairs).covers_first(bar.0, bar.1)
    }

    /// The figures before `anchor` whose subjects name `noun` (two thirds of
    /// the noun's character pairs: [`PairOverlap`]), of the unit kind `unit`
    /// when given, nearest first, within a few sentences, into `self.found`
    /// (cleared first). GDP is named 地区生产总值 in the figures.
    fn find(&mut self, doc: &Document, anchor: usize, unit: Option<&str>, noun: &str) {
        let qs = &doc.quantities;
        self.found.clear();
        if !self.set_noun(noun) {
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
            if self.names(doc, k, unit, NAMED) {
                self.found.push(k);
            }
        }
    }

    /// [`NameSearch::find`] anywhere before `anchor`: the nearest figure that
    /// names `noun`, looked up through the index by the noun's rarest pair.
    fn find_far(&mut self, doc: &Document, anchor: usize, unit: Option<&str>, noun: &str) {
        self.find_far_where(doc, anchor, unit, noun, NAMED, |_| true)
    }

    /// [`NameSearch::find_far`] among the figures that pass `keep`.
    fn find_far_where(
        &mut self,
        doc: &Document,
        anchor: usize,
        unit: Option<&str>,
        noun: &str,
        bar: Bar,
        keep: impl Fn(usize) -> bool,
    ) {
        self.found.clear();
        if !self.set_noun(noun) {
            return;
        }
        let by_pair = self.by_pair.get_or_insert_with(|| Self::index(doc));
        // The pair with the fewest figures before the anchor, of those with any.
        let rarest = self
            .pairs
            .iter()
            .filter_map(|p| by_pair.get(p))
            .map(|list| &list[..list.partition_point(|&k| k < anchor)])
            .filter(|before| !before.is_empty())
            .min_by_key(|before| before.len());
        let Some(before) = rarest else {
            return;
        };
        let candidates: Vec<usize> = before.iter().rev().take(FAR_CANDIDATES).copied().collect();
        if let Some(k) = candidates
            .into_iter()
            .find(|&k| keep(k) && self.names(doc, k, unit, bar))
        {
            self.found.push(k);
        }
    }
}

/// The numerals that tell names apart (第一产业, 三类对象, 二级), not those
/// inside words (一般公共预算收入).
fn name_numerals(key: &[char]) -> impl Iterator<Item = char> + '_ {
    const COUNTED: &[char] = &['产', '类', '级', '次', '季', '期'];
    key.iter().enumerate().filter_map(move |(i, &c)| {
        let ordinal = i > 0 && key[i - 1] == '第';
        let counted = key.get(i + 1).is_some_and(|n| COUNTED.contains(n));
        (crate::quantity::is_han_digit(c) && (ordinal || counted)).then_some(c)
    })
}
