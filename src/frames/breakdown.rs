//! Totals and their parts. A breakdown says "these figures are pieces of that
//! one"; whether the pieces must add up to all of it is the form's to say
//! ([`Breakdown::exhaustive_by_form`]) and the sum rule's to judge.

use super::Frames;
use crate::document::Document;
use crate::quantity::{key_pairs, same_kind, PairOverlap, Quantity};
use crate::text::{starts, tail};
use std::ops::Range;

/// How the text ties the parts to the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// 总数…，其中A…，B… (in the same sentence, or 其中 opening the next one).
    Qizhong,
    /// 22家（公办7家，社会办6家，公建民营9家）.
    Bracketed,
    /// 共有…N户，已…M户，未…K户.
    DoneSplit,
    /// 共有…N人，男…M人，女…K人 (and 城镇/农村 …).
    Complement,
    /// A、B、C三个村分别完成12户、9户、15户 after the total.
    Respectively,
    /// A part that is split again right after it: 脱贫户215户，已稳定脱贫180户，监测户35户.
    Nested,
    /// 学校8所，完成规范治理7所，余下1所: the list ends with the rest of the total.
    Remainder,
}

#[derive(Debug, Clone)]
pub struct Breakdown {
    /// Index of the total in `Document::quantities`.
    pub total: usize,
    /// Its parts: a range of [`Frames::parts`].
    pub parts: Range<usize>,
    pub form: Form,
    /// The list may go on past the parts read (a ；item of the same shape named
    /// otherwise follows): parts short of the total say nothing.
    pub open: bool,
}

impl Breakdown {
    /// Forms whose parts cover the whole by what they say (已 + 未 is all).
    pub fn exhaustive_by_form(&self) -> bool {
        matches!(
            self.form,
            Form::Bracketed | Form::DoneSplit | Form::Complement | Form::Nested | Form::Remainder
        )
    }
}

/// How many figures after a total may be its 已/未 parts.
const PARTS_WINDOW: usize = 12;
/// How many totals before 其中 may share its parts by indicator.
const MAX_TOTALS: usize = 8;
/// How many parts after a part may make its nested split.
const MAX_SPLIT: usize = 16;
/// How much of a subject's end (bytes) names its figure.
const NAME_TAIL: usize = 36;
/// How many ；-joined sentences after 其中 may be items of its list.
const MAX_ITEMS: usize = 40;

/// How many items a list names before one named by their heads is its rest.
const MIN_HEADS_OF_A_REST: usize = 3;

/// How many sentences of no figure a list of ；-joined items steps over.
const MAX_REMARKS: usize = 2;
/// How far (bytes) after a total its bracketed breakdown may close.
const BRACKET_REACH: usize = 300;

/// Splits that cover the whole: a total of people is all 男 plus all 女.
const COMPLEMENTS: &[(&str, &str)] = &[
    ("男", "女"),
    ("城镇", "农村"),
    ("城镇", "乡村"),
    ("城市", "农村"),
    ("线上", "线下"),
    ("户籍", "非户籍"),
    ("常住", "暂住"),
    // The two harvests of a grain year.
    ("夏粮", "秋粮"),
    ("税收", "非税"),
    // 限额以上 / 限额以下, 规模以上 / 规模以下.
    ("以上", "以下"),
    ("出口", "进口"),
];

/// Are two parts the two halves of a complementary split (男…/女…)?
pub fn complementary(doc: &Document, a: &Quantity, b: &Quantity) -> bool {
    // The words right before each figure, not the whole clause.
    let (ta, tb) = (
        tail(doc.slice(&a.subject), 12),
        tail(doc.slice(&b.subject), 12),
    );
    halves(ta, tb)
}

/// Words after a part's figure that give the state of what it counts.
const STATES_DONE: &[&str] = &["已", "全部"];
const STATES_PENDING: &[&str] = &["尚", "正在", "仍", "未", "在建"];
/// How far (characters) after a figure its state word may stand (项目已完成).
const STATE_REACH: usize = 4;

/// 其中8个项目已完成施工，9个项目尚在施工: each part is told by its state
/// after the figure, some done and some not: together they are the whole.
pub fn split_by_state(doc: &Document, parts: &[&Quantity]) -> bool {
    let state = |q: &Quantity| {
        let clause_end = doc.clauses[q.clause].end.max(q.span.end);
        let after = &doc.text[q.span.end..clause_end];
        after
            .char_indices()
            .take(STATE_REACH + 1)
            .find_map(|(i, _)| {
                let rest = &after[i..];
                if STATES_DONE.iter().any(|w| rest.starts_with(w)) {
                    Some(true)
                } else if STATES_PENDING.iter().any(|w| rest.starts_with(w)) {
                    Some(false)
                } else {
                    None
                }
            })
    };
    let states: Option<Vec<bool>> = parts.iter().map(|q| state(q)).collect();
    states.is_some_and(|s| s.len() >= 2 && s.contains(&true) && s.contains(&false))
}

/// 其中一等奖8人，二等奖33人，三等奖4人 (一年级…，二年级…，三年级…): parts
/// named by the grades of one scale, counted from the first without a gap,
/// list the scale through — all of the total but a rare extra grade.
pub fn graded_series(doc: &Document, parts: &[&Quantity]) -> bool {
    let Some(first) = parts.first().map(|q| name_key(doc, q)) else {
        return false;
    };
    parts.len() >= MIN_GRADES
        && parts.iter().enumerate().all(|(n, q)| {
            let key = name_key(doc, q);
            key.first()
                .and_then(|&c| crate::quantity::han_digit_value(c))
                == Some(n as u32 + 1)
                && key.len() >= 2
                && key[1..] == first[1..]
        })
}

/// How many grades make a scale listed through (一、二、三等奖).
const MIN_GRADES: usize = 3;

/// Do two names differ in a half of a split (城镇… / 限额以上…, 城镇… / 乡村…)?
/// Then they name different parts of a whole, however alike the rest.
pub fn split_words_differ(a: &str, b: &str) -> bool {
    COMPLEMENTS
        .iter()
        .any(|(x, y)| a.contains(x) != b.contains(x) || a.contains(y) != b.contains(y))
}

/// Does one name hold one half of a complementary split and the other name
/// the other half (城镇… / 乡村…)?
fn halves(ta: &str, tb: &str) -> bool {
    COMPLEMENTS.iter().any(|(x, y)| {
        // 非税收入 holds 税收 too: the other half is looked for in what is
        // left when this half is taken out.
        let one =
            |t: &str, w: &str, other: &str| t.contains(w) && !t.replacen(w, "", 1).contains(other);
        (one(ta, x, y) && one(tb, y, x)) || (one(ta, y, x) && one(tb, x, y))
    })
}

/// [`complementary`] on the figures' names, notes in brackets left out
/// (城镇人口… / 乡村(连队)人口…).
pub(super) fn complementary_names(doc: &Document, a: usize, b: usize) -> bool {
    let name = |k: usize| -> String { name_key(doc, &doc.quantities[k]).into_iter().collect() };
    halves(&name(a), &name(b))
}

/// Is a part named as its total with one half of a split before it
/// (限额以上社会消费品零售额 of 社会消费品零售总额)?
fn half_of_total(doc: &Document, total: usize, part: usize) -> bool {
    let whole: Vec<char> = name_key(doc, &doc.quantities[total])
        .into_iter()
        .filter(|&c| c != '总')
        .collect();
    let name = name_key(doc, &doc.quantities[part]);
    let shared = common_tail(&whole, &name);
    let qualifier: String = name[..name.len() - shared].iter().collect();
    shared >= HALF_OF_TOTAL_NAME
        && COMPLEMENTS
            .iter()
            .any(|(x, y)| qualifier.contains(x) || qualifier.contains(y))
}

/// Fewest characters of the total's name a half of it repeats (社会消费品零售额).
const HALF_OF_TOTAL_NAME: usize = 4;

/// Do the parts all end their names as the total does (生产安全事故17起 /
/// 工矿商贸事故13起、道路运输事故2起; 死亡20人 / 死亡14人)? Such parts are
/// things of the total's kind, whatever opened the list.
pub fn parts_named_like_total(doc: &Document, total: &Quantity, parts: &[&Quantity]) -> bool {
    let head = |q: &Quantity| {
        let key = name_key(doc, q);
        key.len().checked_sub(2).map(|n| [key[n], key[n + 1]])
    };
    let Some(h) = head(total) else {
        return false;
    };
    !parts.is_empty() && parts.iter().all(|p| head(p) == Some(h))
}

/// Where the word `w` (found by its first character) starts in `text`.
fn find_word(text: &str, w: &str) -> Option<usize> {
    let first = w.chars().next()?;
    text.match_indices(first)
        .map(|(k, _)| k)
        .find(|&k| starts(&text[k..], w))
}

/// Collects the breakdowns of the whole document into `frames`.
pub fn build(doc: &Document, frames: &mut Frames) {
    let qs = &doc.quantities;
    let ranges = &doc.sentence_quantities;
    for si in 0..doc.sentences.len() {
        let range = ranges[si].clone();
        if range.is_empty() {
            continue;
        }
        let same_paragraph =
            si > 0 && doc.sentences[si - 1].paragraph == doc.sentences[si].paragraph;
        let prev = if same_paragraph {
            ranges[si - 1].clone()
        } else {
            0..0
        };
        let next = ranges.get(si + 1).cloned().unwrap_or(0..0);
        qizhong(doc, si, range.clone(), prev.clone(), frames);
        bracketed(doc, si, range.clone(), frames);
        splits(doc, qs, range.clone(), next, frames);
        respectively(doc, si, range.clone(), prev, frames);
        numbered_series(doc, range.clone(), frames);
        total_after_its_parts(doc, range, frames);
    }
}

/// 生产总值951435万元，比上年下降4.1%；…人均地区生产总值为74331元。其中…:
/// the sentence before a 其中 is the whole of it back to its full stop, its
/// parts joined by ；included (a few of them at most, none with a 其中 of its own).
fn clauses_joined_before(doc: &Document, si: usize) -> Range<usize> {
    let mut first = si;
    while first > 0
        && si - first < MAX_JOINED_BEFORE
        && doc.follows_semicolon(first)
        // A sentence with a 其中 of its own has had its parts.
        && find_word(doc.slice(&doc.sentences[first - 1].span), "其中").is_none()
    {
        first -= 1;
    }
    doc.sentence_quantities[first].start..doc.sentence_quantities[si].end
}

/// How many ；-joined sentences before a 其中 are read for its totals.
const MAX_JOINED_BEFORE: usize = 2;

/// Pushes a breakdown of `total` into `parts` (quantity indices); a part
/// followed by parts that add up to it exactly becomes a nested breakdown.
pub(super) fn push(doc: &Document, total: usize, parts: &[usize], form: Form, frames: &mut Frames) {
    let qs = &doc.quantities;
    let mut top = Vec::with_capacity(parts.len());
    let mut k = 0;
    while k < parts.len() {
        let head = parts[k];
        // The shortest run after `head` (two parts or more) that adds up to
        // it, opened as a split is (已稳定脱贫180户，监测户35户 after 脱贫户215户):
        // small figures add up by chance (3家 = 2家 + 1家 in a plain list).
        let opens_split = |p: usize| {
            let r = &qs[p].roles;
            r.done || r.not_done || r.part
        };
        let nested = if form == Form::Qizhong && parts.get(k + 1).is_some_and(|&p| opens_split(p)) {
            split_of(qs, head, &parts[k + 1..])
        } else {
            None
        };
        top.push(head);
        match nested {
            Some(n) => {
                let from = frames.parts.len();
                frames.parts.extend_from_slice(&parts[k + 1..k + 1 + n]);
                frames.breakdowns.push(Breakdown {
                    total: head,
                    parts: from..frames.parts.len(),
                    form: Form::Nested,
                    open: false,
                });
                k += 1 + n;
            }
            None => k += 1,
        }
    }
    let from = frames.parts.len();
    frames.parts.extend_from_slice(&top);
    frames.breakdowns.push(Breakdown {
        total,
        parts: from..frames.parts.len(),
        form,
        open: false,
    });
}

/// How many of `after` (two at least) add up exactly to `head`, if any.
fn split_of(qs: &[Quantity], head: usize, after: &[usize]) -> Option<usize> {
    let target = qs[head].scaled()?;
    let mut sum = crate::quantity::Decimal::new(0, 0);
    for (n, &p) in after.iter().enumerate().take(MAX_SPLIT) {
        sum = sum.checked_add(qs[p].scaled()?)?;
        match sum.cmp_value(target)? {
            std::cmp::Ordering::Equal if n >= 1 => return Some(n + 1),
            std::cmp::Ordering::Greater => return None,
            _ => {}
        }
    }
    None
}

/// Longest lead (characters) before a 其中 that takes the sentence before's totals.
const SHORT_LEAD: usize = 16;

/// 其中 inside the sentence (totals before it, parts after it), or 其中 opening
/// the sentence with the totals in the sentence before.
fn qizhong(
    doc: &Document,
    si: usize,
    range: Range<usize>,
    prev: Range<usize>,
    frames: &mut Frames,
) {
    let qs = &doc.quantities;
    let s = &doc.sentences[si];
    let text = doc.slice(&s.span);
    let (k, form) = match find_word(text, "其中") {
        Some(k) => (k, Form::Qizhong),
        // 分产业看，… says less than 其中 which figure it breaks down: its parts
        // are tied to the figure before only by coming near it.
        None if opens_a_breakdown(text) => (0, Form::Respectively),
        None => return,
    };
    let at = s.span.start + k;
    let split = range.start + qs[range.clone()].partition_point(|q| q.span.start < at);
    let mut before = range.start..split;
    // 粮食作物播种面积52.53万亩。粮食总产量11.44万吨，其中夏粮播种面积…: a
    // kind of part with no total before 其中 may name one in the sentence before.
    let mut earlier = prev.clone();
    // 其中 opening the sentence, or after a short lead with no figure
    // (三次产业实现全面增长，其中第一产业…): the totals are the sentence before's.
    if before.is_empty() && text[..k].trim().chars().count() <= SHORT_LEAD {
        // An opener's total is the last thing said (…铁路事故2起。分区域来看，…);
        // 其中's may stand before the ；-joined remarks of its sentence.
        let prev = match form {
            Form::Qizhong if !prev.is_empty() => clauses_joined_before(doc, si - 1),
            _ => prev,
        };
        before = totals_of_sentence_before(doc, prev);
        earlier = 0..0;
        // 分季度看，一季度增长6.7%…。分产业看，…: a sibling opener with rates
        // only stands between the total and these parts.
        if form == Form::Respectively {
            before = total_before_openers(doc, si, before);
        }
    }
    // 全乡有党支部7个，其中…，全乡现有小学校4所，其中中心小学一所…: each
    // later 其中 of the sentence breaks down the figures between it and the
    // one before; the parts of one end where the next begins.
    let mut splits = vec![(at, split)];
    let mut from = k + "其中".len();
    while splits.len() < MAX_QIZHONG_IN_SENTENCE {
        let Some(j) = find_word(&text[from..], "其中") else {
            break;
        };
        let next_at = s.span.start + from + j;
        let next_split =
            range.start + qs[range.clone()].partition_point(|q| q.span.start < next_at);
        splits.push((next_at, next_split));
        from += j + "其中".len();
    }
    // Where the totals of each later 其中 begin: the clause of the last level
    // figure before it (c类人员家庭111户，占低保户的51%，其中…); the list before
    // ends there.
    let bounds: Vec<usize> = splits
        .iter()
        .map(|&(_, split)| {
            let last = (range.start..split).rev().find(|&q| qs[q].is_level());
            last.map_or(split, |l| {
                let clause_start = doc.clauses[qs[l].clause].start;
                range.start + qs[range.start..l].partition_point(|q| q.span.start < clause_start)
            })
        })
        .collect();
    for (n, &(at, split)) in splits.iter().enumerate() {
        let (totals, earlier) = if n == 0 {
            (before.clone(), earlier.clone())
        } else {
            (bounds[n].max(splits[n - 1].1)..split, 0..0)
        };
        let items = match splits.get(n + 1) {
            Some(&(_, next_split)) => Items {
                figures: split..bounds[n + 1].clamp(split, next_split),
                nested: Vec::new(),
                open: false,
            },
            None => items_after(doc, si, split..range.end, totals.clone()),
        };
        // 年终结余4558万元(其中:本级791万元),支出总计929393万元: a 其中 in
        // brackets lists no further than its closing bracket.
        // 其中，谷物播种面积44.47万亩，在谷物播种面积中，玉米…: a scope
        // opened inside the list narrows to a part of a part, and ends it.
        let cut = [
            bracket_closing_after(doc, si, at),
            sub_scope_after(doc, si, at),
            statement_after(doc, si, at),
        ]
        .into_iter()
        .flatten()
        .min();
        let parts = match cut {
            Some(close) => {
                let qs = &doc.quantities;
                let end = items.figures.start
                    + qs[items.figures.clone()].partition_point(|q| q.span.start < close);
                items.figures.start..end
            }
            None => items.figures,
        };
        let split_at = Split {
            at,
            form,
            earlier,
            totals,
            parts,
            nested: items.nested,
            open: items.open,
        };
        split_at.assign_by_kind(doc, frames);
    }
}

/// Most characters of the scope a 在…中 names (2023年全省常住人口).
const SCOPE_CHARS: usize = 24;

/// The scope `s` opens with 在…中， (在谷物播种面积中，, 在2023年全省常住人口中，):
/// the words between 在 and 中, two characters at least.
pub(super) fn scope_opened(s: &str) -> Option<&str> {
    let body = s.strip_prefix('在')?;
    let (comma, _) = body
        .char_indices()
        .take(SCOPE_CHARS)
        .find(|&(_, c)| matches!(c, '，' | ','))?;
    let name = body[..comma].strip_suffix('中')?;
    (name.chars().count() >= 2).then_some(name)
}

/// Where a 在…中， opening a narrower scope stands after a part listed
/// after `at` in sentence `si` (在谷物播种面积中，), if one does. A scope
/// opening the list is the list's own.
fn sub_scope_after(doc: &Document, si: usize, at: usize) -> Option<usize> {
    let after = &doc.text[at..doc.sentences[si].span.end];
    let first_part = after.find(|c: char| c.is_ascii_digit())?;
    after[first_part..]
        .match_indices('在')
        .map(|(i, _)| first_part + i)
        .find(|&i| scope_opened(&after[i..]).is_some())
        .map(|i| at + i)
}

/// Verbs of having that open a statement of their own: 现有劳动力6811人.
const HAVING: &[&str] = &["现有", "共有", "拥有"];

/// Where a clause after a part listed after `at` in sentence `si` opens with
/// a verb of having (总人口15244人，其中农业人口14321人，现有劳动力6811人): a
/// new statement about the whole, which ends the list.
fn statement_after(doc: &Document, si: usize, at: usize) -> Option<usize> {
    let after = &doc.text[at..doc.sentences[si].span.end];
    let first_part = after.find(|c: char| c.is_ascii_digit())?;
    after[first_part..]
        .match_indices(['，', ','])
        .map(|(i, c)| first_part + i + c.len())
        .find(|&i| HAVING.iter().any(|w| after[i..].starts_with(w)))
        .map(|i| at + i)
}

/// Where the bracket around `at` (opened before it in sentence `si`, not
/// closed between) closes, if `at` stands in one.
fn bracket_closing_after(doc: &Document, si: usize, at: usize) -> Option<usize> {
    let span = &doc.sentences[si].span;
    let before = &doc.text[span.start..at];
    let open = before.rfind(['(', '（'])?;
    if before[open..].contains([')', '）']) {
        return None;
    }
    let after = &doc.text[at..span.end];
    after.find([')', '）']).map(|c| at + c)
}

/// How many 其中 of one sentence are read (a list typed out has a few).
const MAX_QIZHONG_IN_SENTENCE: usize = 16;

/// 其中 opens the sentence: the totals are the sentence before's (`prev`, its
/// figures) — its figures before its own 其中, when it has one
/// (教职工85名，其中…。其中男…).
fn totals_of_sentence_before(doc: &Document, prev: Range<usize>) -> Range<usize> {
    let qs = &doc.quantities;
    let Some(pk) = prev
        .clone()
        .next()
        .and_then(|q| find_word(doc.slice(&doc.sentences[qs[q].sentence].span), "其中"))
    else {
        return prev;
    };
    let at = doc.sentences[qs[prev.start].sentence].span.start + pk;
    prev.start..prev.start + qs[prev.clone()].partition_point(|q| q.span.start < at)
}

/// The figures after 其中, through the items that follow in sentences of the
/// same shape.
struct Items {
    figures: Range<usize>,
    /// Items among them that go on a part's own list, not this one.
    nested: Vec<Range<usize>>,
    /// The run stopped at an item of the same shape named otherwise: the list
    /// may go on, so its sum may fall short.
    open: bool,
}

/// The parts run on through sentences ended by ；that are items of the same
/// shape (其中：在建项目185项，总投资…亿元…；新开工项目157项，总投资…亿元…；).
/// A ；in a bulletin more often moves on to another indicator. `first_item`:
/// the figures after 其中 in sentence `si`; `totals`: the figures before it.
fn items_after(doc: &Document, si: usize, first_item: Range<usize>, totals: Range<usize>) -> Items {
    let qs = &doc.quantities;
    let paragraph = doc.sentences[si].paragraph;
    // An item's shape is that of its own figures, before a 其中 of its own
    // (第二产业增加值…，其中工业增加值…；第三产业…).
    // Figures in brackets annotate an item (事故13起、死亡14人(工程建设领域
    // 事故10起、死亡11人)) and are not of its shape.
    let shape = |r: Range<usize>| {
        before_nested_qizhong(doc, r)
            .filter(|&k| !in_brackets(doc, &qs[k]))
            .map(|k| qs[k].unit)
    };
    let ends_an_item = |sj: usize| doc.text[..doc.sentences[sj].span.end].ends_with(['；', ';']);
    // The next sentence with figures: 税收收入…；税收收入增幅…排位第八；非税收入…
    // — a remark of no figure between two items does not end the list.
    let next_item = |sj: usize| {
        let mut n = sj + 1;
        while doc.sentences.get(n)?.paragraph == paragraph {
            let figures = doc.sentence_quantities[n].clone();
            if !figures.is_empty() {
                return Some((n, figures));
            }
            if n - sj > MAX_REMARKS || !ends_an_item(n) {
                return None;
            }
            n += 1;
        }
        None
    };
    // 第三产业增加值…亿元，增长7.7%，对GDP的贡献率为48.5%: an item of a
    // level and its rate may end with a remark of another kind than its level.
    let same_shape = |r: &Range<usize>| {
        let (mine, first) = (shape(r.clone()), shape(first_item.clone()));
        let lead = first.clone().count();
        let level = first.clone().next();
        mine.clone().eq(first.clone())
            || lead >= 2
                && mine.clone().take(lead).eq(first)
                && mine
                    .skip(lead)
                    .all(|u| level.is_some_and(|k| !same_kind(u, k)))
    };
    let total = totals.clone().rev().find(|&t| {
        qs[t].is_level()
            && first_item
                .clone()
                .next()
                .is_some_and(|f| same_kind(qs[t].unit, qs[f].unit))
    });
    let mut end = first_item.end;
    let mut sj = si;
    let mut nested = Vec::new();
    // The first part of the last item's own 其中 (工业 of 第二产业…，其中工业…).
    let nested_first = |r: Range<usize>| {
        let own = before_nested_qizhong(doc, r.clone());
        (own.end < r.end).then_some(own.end)
    };
    let mut inner = nested_first(first_item.clone());
    // 其中，水稻播种面积38.5千公顷，玉米播种面积438.5千公顷: kinds named in
    // parallel in one sentence may be the main ones only, as over ；.
    let levels: Vec<usize> = first_item.clone().filter(|&k| qs[k].is_level()).collect();
    let mut may_fall_short = levels.len() == 2
        && parallel_names(doc, levels[0], levels[1])
        && !complementary_names(doc, levels[0], levels[1])
        && !graded_series(doc, &[&qs[levels[0]], &qs[levels[1]]]);
    // The first character of each item's name (农林牧渔 of 农业…；林业…；牧业…；渔业…).
    let mut heads: Vec<char> = (first_item.clone().next())
        .and_then(|f| name_key(doc, &qs[f]).first().copied())
        .into_iter()
        .collect();
    let mut closed = false;
    while let Some((sn, next)) = next_item(sj) {
        // 第二产业…，其中工业增加值…；建筑业增加值…。第三产业…: an item named as
        // the last item's own part goes on that part's list, not this one.
        if let Some(f) = inner.filter(|&f| {
            ends_an_item(sj)
                && sj - si < MAX_ITEMS
                && named_alike(doc, f, next.start, true)
                && !named_alike(doc, first_item.start, next.start, true)
        }) {
            nested.push(next.clone());
            inner = Some(f);
            sj = sn;
            end = next.end;
            continue;
        }
        // A list typed out is short, and the next opener starts a list of its
        // own (a paragraph of ；-joined openers stays linear).
        let may_join = sj - si < MAX_ITEMS
            && !first_item.is_empty()
            && !opens_a_breakdown(doc.slice(&doc.sentences[sn].span))
            && same_shape(&next)
            && !opens_a_sub_scope(doc.slice(&doc.sentences[sn].span));
        let joins = may_join
            && if ends_an_item(sj) {
                (!sibling_of_total(doc, total, first_item.start, next.start)
                    || heads_spell_total(doc, total, &heads, next.start))
                    // Items named alike (第一产业增加值…；第二产业增加值…) are one
                    // list; a bulletin's 其中 often lists only the main ones
                    // (稻谷…；小麦…) and the next ；may start another indicator.
                    && (first_item.clone().filter(|&k| qs[k].is_level()).count() >= 2
                        || named_alike(doc, first_item.start, next.start, true)
                        || classes_of_the_total(doc, total, first_item.start, next.start)
                        // 城镇人口…；乡村(连队)人口…, 出口…；进口…
                        || complementary_names(doc, first_item.start, next.start))
            } else {
                // 第二产业增加值…。第三产业增加值…: the next of a numbered
                // series goes on past a full stop.
                next_in_series(doc, first_item.start, next.start)
            };
        // 其中，夏粮产量…；早稻产量…；秋粮产量…: parallel names make one list,
        // but a bulletin may list only the main kinds (稻谷…；小麦…；玉米…),
        // so the sum may fall short.
        let parallel = !joins
            && may_join
            && ends_an_item(sj)
            && !sibling_of_total(doc, total, first_item.start, next.start)
            && (parallel_names(doc, first_item.start, next.start)
                || kinds_of_a_population(doc, total, first_item.start, next.start));
        // 农业…；林业…；牧业…；渔业…；农林牧渔服务业…: an item named by the heads
        // of the items before it is the rest of them, and ends the list.
        let rest = !joins && !parallel && may_join && ends_an_item(sj) && {
            let key = name_key(doc, &qs[next.start]);
            heads.len() >= MIN_HEADS_OF_A_REST && key.starts_with(&heads)
        };
        if !joins && !parallel && !rest {
            break;
        }
        may_fall_short |= parallel;
        inner = nested_first(next.clone());
        sj = sn;
        end = next.end;
        if rest {
            closed = true;
            break;
        }
        heads.extend(name_key(doc, &qs[next.start]).first());
    }
    // The run stopped at an item of the same shape named otherwise (农林牧渔
    // 服务业 after 渔业产值): the list may go on, so its sum may fall short.
    let open = !closed
        && (may_fall_short
            || ends_an_item(sj) && next_item(sj).is_some_and(|(_, r)| same_shape(&r)));
    Items {
        figures: first_item.start..end,
        nested,
        open,
    }
}

/// Words naming a figure as the sum of what the sentence listed before it.
const SUMMING: &[&str] = &["合计", "总计", "共计", "总数", "总共", "一共", "总人数"];

/// 一~六年级学生总数为1254人…，幼儿园人数119人，在校学生总数为1373人: a figure
/// named as a sum after two figures of its kind or more in its sentence (not
/// in brackets, none of them a sum itself) adds them up. It is tied to them
/// only by coming near, as a 分别 list is.
fn total_after_its_parts(doc: &Document, range: Range<usize>, frames: &mut Frames) {
    let qs = &doc.quantities;
    let sums = |k: usize| {
        let subject = tail(doc.slice(&qs[k].subject), NAME_TAIL);
        SUMMING.iter().any(|w| subject.contains(w))
    };
    let Some(total) = range.clone().rev().find(|&t| qs[t].is_level() && sums(t)) else {
        return;
    };
    // (一年级48人、二年级42人…，合计299人): a sum in brackets adds up the
    // figures of its own brackets before it; one outside, those outside.
    let bracket = bracket_opened_before(doc, &qs[total]);
    let parts: Vec<usize> = (range.start..total)
        .filter(|&p| {
            qs[p].is_level()
                && same_kind(qs[p].unit, qs[total].unit)
                && match bracket {
                    Some(open) => qs[p].span.start > open,
                    None => !in_brackets(doc, &qs[p]),
                }
        })
        .collect();
    let holds_each = parts
        .iter()
        .all(|&p| match (qs[p].scaled(), qs[total].scaled()) {
            (Some(p), Some(t)) => p.to_f64() <= t.to_f64(),
            _ => false,
        });
    let after_a_sum = parts.iter().skip(1).any(|&p| sums(p));
    if parts.len() >= 2 && holds_each && !after_a_sum {
        push(doc, total, &parts, Form::Respectively, frames);
    }
}

/// Is `next` named as `first` is but for the numeral after it (第二产业 →
/// 第三产业, 二是 → 三是)?
fn next_in_series(doc: &Document, first: usize, next: usize) -> bool {
    matches!((series_numeral(doc, first), series_numeral(doc, next)), (Some(a), Some(b)) if b > a)
        && named_alike(doc, first, next, true)
}

/// The ordinal in a figure's name: 3 for 第三产业增加值.
fn series_numeral(doc: &Document, k: usize) -> Option<u32> {
    let subject = tail(doc.slice(&doc.quantities[k].subject), NAME_TAIL);
    subject
        .split('第')
        .nth(1)
        .and_then(|rest| rest.chars().next())
        .and_then(crate::quantity::han_digit_value)
}

/// 地区生产总值增长12.6%达92.9亿元，第一产业…达21.2亿元，第二产业…达41亿元，
/// 第三产业…达30.7亿元: a numbered series from 第一 right after a figure of
/// its kind that can hold each member, with no 其中 or 分别 to say more, is
/// that figure's parts.
fn numbered_series(doc: &Document, range: Range<usize>, frames: &mut Frames) {
    let qs = &doc.quantities;
    let level_of = |k: usize, unit: &str| qs[k].is_level() && same_kind(qs[k].unit, unit);
    for first in range.clone() {
        if !qs[first].is_level() || series_numeral(doc, first) != Some(1) {
            continue;
        }
        let mut members = vec![first];
        for next in (first + 1..range.end).take(PARTS_WINDOW) {
            let last = members[members.len() - 1];
            if level_of(next, qs[first].unit)
                && series_numeral(doc, next) == Some(members.len() as u32 + 1)
                && next_in_series(doc, last, next)
            {
                members.push(next);
            }
        }
        let largest = members
            .iter()
            .filter_map(|&m| qs[m].scaled())
            .map(|v| v.to_f64())
            .fold(0.0, f64::max);
        let total = (range.start..first)
            .rev()
            .find(|&t| level_of(t, qs[first].unit))
            .filter(|&t| series_numeral(doc, t).is_none())
            .filter(|&t| qs[t].scaled().is_some_and(|v| v.to_f64() >= largest));
        let last = members[members.len() - 1];
        let said_otherwise = |t: usize| {
            let between = &doc.text[qs[t].span.end..qs[last].span.start];
            find_word(between, "其中").is_some() || find_word(between, "分别").is_some()
        };
        if let (Some(t), true) = (total, members.len() >= 2) {
            if !said_otherwise(t) {
                push(doc, t, &members, Form::Qizhong, frames);
            }
        }
        return;
    }
}

/// Is a figure inside brackets opened before it in its sentence (within
/// [`BRACKET_REACH`])?
pub fn in_brackets(doc: &Document, q: &Quantity) -> bool {
    in_bracket_opened_after(doc, q, doc.sentences[q.sentence].span.start)
}

/// Is a figure inside a bracket opened after `from` and not yet closed? A
/// note is short: only [`BRACKET_REACH`] back is read (linear on a 10 MB sentence).
fn in_bracket_opened_after(doc: &Document, q: &Quantity, from: usize) -> bool {
    bracket_open_after(doc, q, from).is_some()
}

/// Where the bracket a figure stands in opened (within [`BRACKET_REACH`]
/// in its sentence), if it stands in one.
fn bracket_opened_before(doc: &Document, q: &Quantity) -> Option<usize> {
    bracket_open_after(doc, q, doc.sentences[q.sentence].span.start)
}

fn bracket_open_after(doc: &Document, q: &Quantity, from: usize) -> Option<usize> {
    let near = q.span.start.saturating_sub(BRACKET_REACH);
    let from = crate::text::floor_boundary(doc.text, from.max(near).min(q.span.start));
    let before = &doc.text[from..q.span.start];
    let open = before.rfind(['(', '（']);
    let close = before.rfind([')', '）']);
    open.filter(|&o| close.is_none_or(|c| c < o))
        .map(|o| from + o)
}

/// The figures of `r` (one sentence's) before a 其中 that follows its first
/// figure: an item's own figures, not those of its nested breakdown.
fn before_nested_qizhong(doc: &Document, r: Range<usize>) -> Range<usize> {
    let qs = &doc.quantities;
    let Some(first) = qs.get(r.start).filter(|_| !r.is_empty()) else {
        return r;
    };
    let end = doc.sentences[first.sentence].span.end;
    let Some(k) = find_word(&doc.text[first.span.end..end], "其中") else {
        return r;
    };
    let at = first.span.end + k;
    r.start..r.start + qs[r.clone()].partition_point(|q| q.span.start < at)
}

/// A 其中 (or a sentence opening a breakdown) at `at`, with the figures
/// before it that may be totals and those after it that may be parts.
struct Split {
    at: usize,
    form: Form,
    totals: Range<usize>,
    /// Figures among `parts` that are parts of a part (see [`Items::nested`]).
    nested: Vec<Range<usize>>,
    /// The figures of the sentence before, when `totals` are the 其中's own
    /// sentence's: totals only for parts that name them.
    earlier: Range<usize>,
    parts: Range<usize>,
    open: bool,
}

impl Split {
    /// Each unit kind among the parts has its totals: the figures of that
    /// kind before 其中. A kind is taken at its first part (the kinds are few).
    fn assign_by_kind(&self, doc: &Document, frames: &mut Frames) {
        let qs = &doc.quantities;
        let mut kinds: Vec<&str> = Vec::new();
        let mut parts = Vec::new();
        for i in self.parts.clone().filter(|&i| qs[i].is_level()) {
            let kind = qs[i].unit;
            if kinds.iter().any(|k| same_kind(k, kind)) {
                continue;
            }
            kinds.push(kind);
            let of_kind = |q: &Quantity| q.is_level() && same_kind(q.unit, kind);
            // The nearest few: totals stand just before 其中.
            let mut totals: Vec<usize> = self
                .totals
                .clone()
                .rev()
                .filter(|&t| of_kind(&qs[t]))
                .take(MAX_TOTALS)
                .collect();
            totals.reverse();
            parts.clear();
            parts.extend(
                (i..self.parts.end)
                    .filter(|&p| {
                        of_kind(&qs[p])
                            && !annotates_a_part(doc, &qs[p], self.at)
                            && !changed_from(doc, &qs[p])
                    })
                    .filter(|p| !self.nested.iter().any(|r| r.contains(p))),
            );
            // 其中税收收入…，非税收入…，地方公共财政支出…: the two halves of a
            // split are the whole list.
            if parts.len() > 2 && complementary_names(doc, parts[0], parts[1]) {
                parts.truncate(2);
            }
            // 社会消费品零售总额…，其中，限额以上社会消费品零售额…，批发业
            // 销售额…: the total's own name cut by a half of a split is that
            // split's; not followed by its other half, it is the only part,
            // and what follows is another indicator.
            if parts.len() >= 2
                && totals
                    .last()
                    .is_some_and(|&t| half_of_total(doc, t, parts[0]))
                && !complementary_names(doc, parts[0], parts[1])
            {
                parts.truncate(1);
            }
            // An opener ties its parts to the figures before only by coming
            // near them: one smaller than a part is no total of theirs.
            if self.form == Form::Respectively {
                let largest = parts
                    .iter()
                    .filter_map(|&p| qs[p].scaled())
                    .map(|v| v.to_f64())
                    .fold(0.0, f64::max);
                totals.retain(|&t| qs[t].scaled().is_some_and(|v| v.to_f64() >= largest));
            }
            if totals.is_empty() && self.form == Form::Respectively {
                totals.extend(total_further_back(doc, self.totals.start, &parts));
            }
            if totals.is_empty() && self.form == Form::Qizhong {
                let named: Vec<usize> = self
                    .earlier
                    .clone()
                    .rev()
                    .filter(|&t| of_kind(&qs[t]))
                    .take(MAX_TOTALS)
                    .collect();
                if !named.is_empty() {
                    by_indicator(doc, &named, &parts, None, frames);
                }
                continue;
            }
            match totals[..] {
                [] => {}
                [total] => {
                    push(doc, total, &parts, self.form, frames);
                    if let Some(b) = frames.breakdowns.last_mut() {
                        b.open = self.open;
                    }
                }
                // 总投资…，年度计划投资…，完成投资…，其中：在建项目总投资…，年度计划投资…:
                // several indicators, each part under the total it names.
                _ => by_indicator(doc, &totals, &parts, Some(self.at), frames),
            }
        }
    }
}

/// How many sentences back an opener's total may stand.
const OPENER_REACH: usize = 8;

/// 全市共发生生产安全事故17起…；死亡20人…。发生1起较大事故…。分行业来看，
/// 工矿商贸事故13起、死亡14人；…: the total of an opener's parts of one
/// kind, stated a few sentences before it: the nearest figure of the
/// paragraph before `before` of the parts' kind that can hold each of them,
/// outside other openers' sentences (the sum rule ties an opener's parts to
/// it only when they come near it or are named as it is).
fn total_further_back(doc: &Document, before: usize, parts: &[usize]) -> Option<usize> {
    let qs = &doc.quantities;
    let first = *parts.first()?;
    let largest = parts
        .iter()
        .filter_map(|&p| qs[p].scaled())
        .map(|v| v.to_f64())
        .fold(0.0, f64::max);
    let para = doc.sentences[qs[first].sentence].paragraph;
    let reach = qs[first].sentence.saturating_sub(OPENER_REACH);
    (0..before)
        .rev()
        .take(PARTS_WINDOW * 2)
        .take_while(|&k| qs[k].sentence >= reach && doc.sentences[qs[k].sentence].paragraph == para)
        .filter(|&k| {
            let q = &qs[k];
            q.is_level()
                && same_kind(q.unit, qs[first].unit)
                && !opens_a_breakdown(doc.slice(&doc.sentences[q.sentence].span))
        })
        .find(|&k| qs[k].scaled().is_some_and(|v| v.to_f64() >= largest))
}

/// The figures of the sentence a breakdown opener refers to: `before` (the
/// sentence just before it), or the sentence before a run of other openers
/// with no level figures (分季度看，一季度增长6.7%，二季度增长6.7%。).
fn total_before_openers(doc: &Document, si: usize, before: Range<usize>) -> Range<usize> {
    let qs = &doc.quantities;
    let para = doc.sentences[si].paragraph;
    let mut sj = si;
    let mut figures = before;
    for _ in 0..3 {
        // 按城乡属性分，城镇…；乡村…。按年龄段分，…: a sibling opener's list
        // (its ；-joined items too) stands between the total and these parts.
        if let Some(opener) = opener_list_before(doc, sj) {
            if opener >= 1 && doc.sentences[opener - 1].paragraph == para {
                sj = opener;
                figures = doc.sentence_quantities[opener - 1].clone();
                continue;
            }
            break;
        }
        let no_levels = !figures.clone().any(|k| qs[k].is_level());
        let prev_opens = sj >= 1
            && doc.sentences[sj - 1].paragraph == para
            && opens_a_breakdown(doc.slice(&doc.sentences[sj - 1].span));
        if !(no_levels && prev_opens) || sj < 2 || doc.sentences[sj - 2].paragraph != para {
            break;
        }
        sj -= 1;
        figures = doc.sentence_quantities[sj - 1].clone();
    }
    figures
}

/// The first sentence of the opener's list that ends right before sentence
/// `sj` (分城乡看，城镇…；乡村…。), if one does.
fn opener_list_before(doc: &Document, sj: usize) -> Option<usize> {
    let para = doc.sentences[sj].paragraph;
    let mut k = sj.checked_sub(1)?;
    while k > 0 && doc.sentences[k].paragraph == para && doc.follows_semicolon(k) {
        k -= 1;
    }
    (doc.sentences[k].paragraph == para && opens_a_breakdown(doc.slice(&doc.sentences[k].span)))
        .then_some(k)
}

/// 分产业看，第一产业… / 按产业划分，… / 分行业来看，…: a sentence that opens a
/// breakdown of the figure before it, as 其中 does.
fn opens_a_breakdown(sentence: &str) -> bool {
    // 三次产业协同发展，第一产业增加值8.9亿元…；第二产业…: the three
    // industries are the parts of the product before them, however introduced.
    let lead_len = sentence
        .char_indices()
        .nth(16)
        .map_or(sentence.len(), |(i, _)| i);
    if sentence[..lead_len].contains("第一产业") && !sentence.contains("其中") {
        return true;
    }
    // The first twelve characters, in place (this runs for every sentence).
    let head_len = sentence
        .char_indices()
        .nth(12)
        .map_or(sentence.len(), |(i, _)| i);
    let head = &sentence[..head_len];
    let Some(comma) = head.find(['，', ',']) else {
        return false;
    };
    let lead = &head[..comma];
    (lead.starts_with('分') || lead.starts_with('按') || lead.starts_with("从"))
        && (lead.ends_with('看') || lead.ends_with("划分") || lead.ends_with('分'))
}

/// 第二产业增加值…，其中工业…；第三产业增加值…: the next item is named as the
/// total is (but for a numeral), so it is the total's sibling, not a part —
/// unless it is the other half of the first item's split (出口总值…；进口总值
/// after 进出口总值).
fn sibling_of_total(doc: &Document, total: Option<usize>, first: usize, item: usize) -> bool {
    let qs = &doc.quantities;
    let Some(t) = total.filter(|&t| same_kind(qs[t].unit, qs[item].unit)) else {
        return false;
    };
    named_alike(doc, t, item, false)
        && !halves_of_a_split(doc, first, item)
        && !narrows(doc, t, item)
        // 粮食总产量…，其中夏粮总产量…；秋粮总产量…: named more like the first
        // item than like the total, it goes on the list.
        && tail_in_common(doc, first, item) <= tail_in_common(doc, t, item)
}

/// How many characters the ends of two figures' names share (digits aside).
fn tail_in_common(doc: &Document, a: usize, b: usize) -> usize {
    names_end_alike(doc, &doc.quantities[a], &doc.quantities[b])
}

/// How many characters the ends of two figures' names share (夏粮总产量 /
/// 秋粮总产量: 4; 住宅投资 / 商业营业用房投资: 2).
pub fn names_end_alike(doc: &Document, a: &Quantity, b: &Quantity) -> usize {
    common_tail(&name_key(doc, a), &name_key(doc, b))
}

/// How many characters two keys end alike in.
fn common_tail(a: &[char], b: &[char]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// The key of the words right before a figure that name it (its subject's
/// last dozen characters: a long clause of figures must not make it long).
fn name_key(doc: &Document, q: &Quantity) -> Vec<char> {
    let mut key = Vec::new();
    crate::quantity::subject_key(tail(doc.slice(&q.subject), NAME_TAIL), &mut key);
    key
}

/// Is `item` named as `total` with a qualifier before it (实现利润 →
/// 地方国有煤炭企业实现利润): a part of the total's population, where a
/// sibling replaces the total's qualifier (粮食种植面积 → 玉米种植面积).
fn narrows(doc: &Document, total: usize, item: usize) -> bool {
    let qs = &doc.quantities;
    let (kt, ki) = (name_key(doc, &qs[total]), name_key(doc, &qs[item]));
    kt.len() >= 2 && ki.len() > kt.len() + 1 && ki.ends_with(&kt)
}

/// Two names the same but for the two halves of a split: 限额以上消费品零售总额
/// / 限额以下消费品零售总额, 出口总值 / 进口总值.
fn halves_of_a_split(doc: &Document, a: usize, b: usize) -> bool {
    let qs = &doc.quantities;
    let name = |k: usize| tail(doc.slice(&qs[k].subject), NAME_TAIL);
    let (na, nb) = (name(a), name(b));
    COMPLEMENTS.iter().any(|&(x, y)| {
        let halves = |p: &str, q: &str| {
            p.contains(x) && q.contains(y) && p.replacen(x, "", 1) == q.replacen(y, "", 1)
        };
        halves(na, nb) || halves(nb, na)
    })
}

/// 谷物中冬小麦产量…: a sentence that opens with “X中” narrows to a part of a part.
fn opens_a_sub_scope(sentence: &str) -> bool {
    sentence
        .char_indices()
        .take(5)
        .any(|(i, c)| c == '中' && i > 0 && sentence[..i].chars().all(crate::text::is_han))
}

/// Two items named alike: the same name but for a numeral (第一产业增加值 /
/// 第二产业增加值), or the same last three characters at least (小春粮食产量 /
/// 大春粮食产量) — parallel members of one list (税务部门完成 / 财政部门完成). A
/// name set against its total is read without its verb (增加值完成 is not
/// named as 生产总值完成).
fn named_alike(doc: &Document, a: usize, b: usize, with_verbs: bool) -> bool {
    let qs = &doc.quantities;
    let (mut ka, mut kb) = (Vec::new(), Vec::new());
    crate::quantity::subject_key(doc.slice(&qs[a].subject), &mut ka);
    crate::quantity::subject_key(doc.slice(&qs[b].subject), &mut kb);
    // A verb of reaching at the end (生产总值完成 / 增加值完成) makes two names
    // look alike that are not, when a name is compared with its total.
    if !with_verbs {
        for k in [&mut ka, &mut kb] {
            for verb in ["完成", "实现", "达到", "为"] {
                let v: Vec<char> = verb.chars().collect();
                if k.ends_with(&v) {
                    k.truncate(k.len() - v.len());
                    break;
                }
            }
        }
    }
    // 0-17周岁人口 / 60周岁及以上人口: a bound is no part of the name.
    let plain = |k: &[char]| -> Vec<char> {
        let name: String = k
            .iter()
            .copied()
            .filter(|c| !crate::quantity::is_han_digit(*c) && *c != '第')
            .collect();
        ["及以上", "以上", "以下"]
            .iter()
            .fold(name, |n, bound| n.replace(bound, ""))
            .chars()
            .collect()
    };
    (!ka.is_empty() && plain(&ka) == plain(&kb)) || common_tail(&ka, &kb) >= 3
}

/// Two names of one length that differ only in a qualifier of two characters
/// at most before a shared word of half the name or more (夏粮产量 / 早稻产量,
/// 农业 / 林业): the members of one list, as a table's rows are.
fn parallel_names(doc: &Document, a: usize, b: usize) -> bool {
    let qs = &doc.quantities;
    let (ka, kb) = (name_key(doc, &qs[a]), name_key(doc, &qs[b]));
    let (n, shared) = (ka.len(), common_tail(&ka, &kb));
    n == kb.len() && (2..=6).contains(&n) && 2 * shared >= n && n - shared <= 2
}

/// 对30项重点督查项目…分类：其中，16个项目全面达到…；8个项目总体…；6个项目…:
/// items that open with their figure and count the same noun after it, the
/// noun the total counts, sort the total's things into classes.
fn classes_of_the_total(doc: &Document, total: Option<usize>, first: usize, item: usize) -> bool {
    let qs = &doc.quantities;
    let Some(t) = total else {
        return false;
    };
    let opens_with_figure = |k: usize| name_key(doc, &qs[k]).is_empty();
    let (a, b) = (
        doc.han_after(&qs[first], NAME_TAIL),
        doc.han_after(&qs[item], NAME_TAIL),
    );
    let noun: String = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x)
        .collect();
    // The total counts the noun when it ends a short name right after the
    // measure word (30项重点督查项目进行了分类), no verb or 的 before it.
    let counted = doc.han_after(&qs[t], NAME_TAIL);
    let names_the_noun = noun.chars().count() >= 2
        && counted.find(&noun).is_some_and(|at| {
            let qualifier = &counted[..at];
            qualifier.chars().count() <= MAX_QUALIFIER_OF_COUNTED
                && !qualifier.contains(NOT_IN_A_NAME)
        });
    opens_with_figure(first) && opens_with_figure(item) && names_the_noun
}

/// Most characters before the noun a total counts (重点督查 of 重点督查项目).
const MAX_QUALIFIER_OF_COUNTED: usize = 6;
/// Characters that end a name: a particle or a verb's mark (30个村完成了项目申报).
const NOT_IN_A_NAME: &[char] = &[
    '的', '了', '在', '对', '和', '与', '及', '将', '被', '把', '为', '是',
];

/// 农林牧渔业总产值…，其中农业总产值…；林业总产值…: items whose first
/// characters spell the total's name in order (农, 林 of 农林牧渔) are its
/// parts, however much their names end like it.
fn heads_spell_total(doc: &Document, total: Option<usize>, heads: &[char], item: usize) -> bool {
    let Some(t) = total else {
        return false;
    };
    let spelled = name_key(doc, &doc.quantities[t]);
    let mut from = 0;
    let next = name_key(doc, &doc.quantities[item]).first().copied();
    !heads.is_empty()
        && heads.iter().copied().chain(next).all(|c| {
            let found = spelled[from..].iter().position(|&x| x == c);
            found.inspect(|&i| from += i + 1).is_some()
        })
}

/// 市场主体…，其中企业…；个体工商户…；专业合作社…: items named by nouns of
/// their own, sharing no word with each other or with the total, are kinds of
/// the total's population. A next indicator shares its indicator word (油菜籽
/// 产量 / 蔬菜产量) or its qualifier (牛存栏 / 牛出栏).
fn kinds_of_a_population(doc: &Document, total: Option<usize>, first: usize, item: usize) -> bool {
    let qs = &doc.quantities;
    let (kf, ki) = (name_key(doc, &qs[first]), name_key(doc, &qs[item]));
    let apart = |a: &[char], b: &[char]| {
        !a.is_empty() && !b.is_empty() && a[0] != b[0] && common_tail(a, b) == 0
    };
    apart(&kf, &ki) && total.is_some_and(|t| apart(&name_key(doc, &qs[t]), &ki))
}

/// Words after a figure that make it the value something was changed from
/// (由年初预算的65000万元调整为35000万元): a former value, not a part.
const CHANGED_FROM: &[&str] = &[
    "调整为",
    "调整到",
    "调增为",
    "调减为",
    "变更为",
    "提高到",
    "提高至",
    "增加到",
    "增至",
    "减少到",
    "减至",
    "降至",
    "下降到",
    "下降至",
    "上升到",
    "上升至",
    "增长到",
];

/// Is the figure the value something was changed from?
fn changed_from(doc: &Document, q: &Quantity) -> bool {
    let after = &doc.text[q.span.end..];
    CHANGED_FROM.iter().any(|w| after.starts_with(w))
}

/// 1575户（含联合社13户）: a figure in brackets after a part says what that
/// part contains, 总投资20亿元的项目 describes the part's noun, and a figure
/// after the part's own 其中 is a part of the part; none is a part of its own. (A bracket opened before 其中,
/// at `qizhong`, holds the whole breakdown: 34.7km（其中社道1.3km…）.)
fn annotates_a_part(doc: &Document, q: &Quantity, qizhong: usize) -> bool {
    // 总投资20亿元的项目，已完成5.44亿元: a figure before 的 describes the
    // part's noun; the part is the figure after.
    if doc.text[q.span.end..].starts_with('的') {
        return true;
    }
    // 第二产业增加值…，其中工业增加值…: after a 其中 of the part's own sentence,
    // a part of that part.
    let past_split = qizhong + "其中".len();
    let from = doc.sentences[q.sentence]
        .span
        .start
        .max(past_split)
        .min(q.span.start);
    let from = crate::text::floor_boundary(doc.text, from);
    if find_word(&doc.text[from..q.span.start], "其中").is_some() {
        return true;
    }
    in_bracket_opened_after(doc, q, qizhong)
}

/// The words of a figure's own clause that name its indicator (总投资 / 年度计划投资).
fn indicator_key(doc: &Document, q: &Quantity, key: &mut Vec<char>) {
    crate::quantity::subject_key(doc.slice(&q.subject), key);
}

/// How alike two indicator names are: shared character pairs over all pairs
/// ([`PairOverlap::jaccard`]); a one-character name is alike only itself.
fn likeness(a: &[char], b: &[char]) -> f64 {
    let (mut pa, mut pb) = (Vec::new(), Vec::new());
    key_pairs(a, &mut pa);
    key_pairs(b, &mut pb);
    if pa.is_empty() || pb.is_empty() {
        return if a == b && !a.is_empty() { 1.0 } else { 0.0 };
    }
    PairOverlap::of(&pa, &pb).jaccard()
}

/// Each part goes to the total whose indicator it names most alike (half its
/// character pairs at least); a total with parts makes a breakdown. With the
/// place of `qizhong`, parts that name no total may go to the figure right
/// before it.
fn by_indicator(
    doc: &Document,
    totals: &[usize],
    parts: &[usize],
    qizhong: Option<usize>,
    frames: &mut Frames,
) {
    let qs = &doc.quantities;
    let mut keys: Vec<Vec<char>> = Vec::with_capacity(totals.len());
    for &t in totals {
        let mut k = Vec::new();
        indicator_key(doc, &qs[t], &mut k);
        keys.push(k);
    }
    let mut assigned: Vec<Vec<usize>> = vec![Vec::new(); totals.len()];
    let mut unnamed = Vec::new();
    let mut key = Vec::new();
    for &p in parts {
        indicator_key(doc, &qs[p], &mut key);
        let best = keys
            .iter()
            .enumerate()
            .map(|(ti, k)| (ti, likeness(k, &key)))
            .filter(|(_, l)| *l >= 0.5)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((ti, _)) => assigned[ti].push(p),
            None => unnamed.push(p),
        }
    }
    // The figure right before 其中, nothing standing between them but the
    // figures of the same things in another unit (1193户5992人，其中…).
    let adjacent = totals.last().copied().filter(|&last| {
        qizhong.is_some_and(|qizhong| {
            let from = qs[last].span.end;
            let figures: usize = qs[last + 1..]
                .iter()
                .take_while(|q| q.span.end <= qizhong)
                .filter(|q| q.span.start >= from)
                .map(|q| doc.slice(&q.span).chars().count())
                .sum();
            doc.text[from..qizhong].chars().count() - figures <= 2
        })
    });
    // Parts named unlike any total go each to the total whose head noun
    // they name — when every one of them does: in three characters, or in
    // two (产值, 收入) when no figure stands right before 其中.
    let mut by_head = |shared: usize| -> Option<Vec<usize>> {
        unnamed
            .iter()
            .map(|&p| {
                indicator_key(doc, &qs[p], &mut key);
                total_sharing_the_head(&keys, &key, shared)
            })
            .collect()
    };
    let heads = by_head(3).or_else(|| adjacent.is_none().then(|| by_head(2)).flatten());
    if let Some(heads) = heads {
        for (&p, ti) in unnamed.iter().zip(heads) {
            assigned[ti].push(p);
        }
    }
    if assigned.iter().all(Vec::is_empty) {
        // The parts name categories (油菜…，蔬菜…), not indicators: they
        // break down the figure right before 其中 (种植6675亩（其中：油菜…）),
        // else it is unclear which.
        if let Some(last) = adjacent {
            push(doc, last, parts, Form::Qizhong, frames);
        }
        return;
    }
    for (ti, ps) in assigned.iter().enumerate() {
        if !ps.is_empty() {
            push(doc, totals[ti], ps, Form::Qizhong, frames);
        }
    }
}

/// The one total whose name ends as the part's does, in `at_least`
/// characters and more than any other total's: 脱贫户 of 已脱贫户 for 低保脱贫户,
/// not 户 of 边缘户; 基础母羊 of 提供了基础母羊 for 扶持基础母羊, not 鸡苗.
fn total_sharing_the_head(
    total_keys: &[Vec<char>],
    part_key: &[char],
    at_least: usize,
) -> Option<usize> {
    let shared: Vec<usize> = total_keys
        .iter()
        .map(|k| common_tail(k, part_key))
        .collect();
    let best = *shared.iter().max()?;
    let unique = shared.iter().filter(|&&s| s == best).count() == 1;
    (best >= at_least && unique).then(|| shared.iter().position(|&s| s == best))?
}

/// A breakdown in brackets right after the total: 22家（公办7家，社会办6家，公建民营9家）.
fn bracketed(doc: &Document, si: usize, range: Range<usize>, frames: &mut Frames) {
    let qs = &doc.quantities;
    let s = &doc.sentences[si];
    let mut parts = Vec::new();
    for t in range.clone() {
        // 16369户54851人（脱贫不稳定户5018户18684人、…）: a pair of figures
        // opens the bracket, each of its kind.
        let pair_end = qs
            .get(t + 1)
            .filter(|p| t + 1 < range.end && p.span.start == qs[t].span.end && p.is_level())
            .map_or(qs[t].span.end, |p| p.span.end);
        let rest = &doc.text[pair_end..s.span.end];
        if !qs[t].is_level() || !(rest.starts_with('(') || rest.starts_with('（')) {
            continue;
        }
        // （其中…） / （含…） list some of the total, not all of it: 其中 reads them.
        let inner = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
        if ["其中", "含", "包括"].iter().any(|w| starts(inner, w)) {
            continue;
        }
        // A breakdown is short: look for its closing bracket nearby only.
        let near = &rest[..crate::text::floor_boundary(rest, BRACKET_REACH.min(rest.len()))];
        let close = near
            .find([')', '）'])
            .map_or(pair_end + near.len(), |c| pair_end + c);
        parts.clear();
        parts.extend(
            (t + 1..range.end)
                .take_while(|&p| qs[p].span.end <= close)
                .filter(|&p| qs[p].is_level() && same_kind(qs[p].unit, qs[t].unit)),
        );
        if parts.len() >= 2 {
            push(doc, t, &parts, Form::Bracketed, frames);
        }
    }
}

/// 共有…N户，已…M户，未…K户 and 共有…N人，男…M人，女…K人 (in this sentence or the next).
fn splits(
    doc: &Document,
    qs: &[Quantity],
    range: Range<usize>,
    next: Range<usize>,
    frames: &mut Frames,
) {
    for t in range
        .clone()
        .filter(|&t| qs[t].is_level() && qs[t].roles.total)
    {
        // The parts follow closely: look at the next few figures only.
        let later = (t + 1..range.end)
            .chain(next.clone())
            .take(PARTS_WINDOW)
            .filter(|&p| qs[p].is_level() && same_kind(qs[p].unit, qs[t].unit));
        let done = later.clone().find(|&p| qs[p].roles.done);
        let not_done = later.clone().find(|&p| qs[p].roles.not_done);
        // Two neighbouring figures that split the whole; a third of the kind
        // in the same sentence means more categories than two.
        let mut near = later;
        if let (Some(a), Some(b)) = (near.next(), near.next()) {
            let only_two = near.next().is_none_or(|c| qs[c].sentence != qs[b].sentence);
            if only_two && done.is_none() && complementary(doc, &qs[a], &qs[b]) {
                push(doc, t, &[a, b], Form::Complement, frames);
                continue;
            }
        }
        if let Some(parts) = closed_by_a_remainder(doc, t, near_parts(qs, t, &range)) {
            push(doc, t, &parts, Form::Remainder, frames);
            continue;
        }
        if let (Some(d), Some(n)) = (done, not_done) {
            push(doc, t, &[d, n], Form::DoneSplit, frames);
        }
    }
}

/// Words opening the figure that is the rest of a total: 余下1所, 其余38名.
const REMAINDER: &[&str] = &["余下", "其余", "剩余", "剩下", "其他的"];

/// The figures of the total's kind after it in its own sentence.
fn near_parts<'a>(
    qs: &'a [Quantity],
    t: usize,
    range: &Range<usize>,
) -> impl Iterator<Item = usize> + Clone + 'a {
    (t + 1..range.end)
        .take(PARTS_WINDOW)
        .filter(move |&p| qs[p].is_level() && same_kind(qs[p].unit, qs[t].unit))
}

/// 全市学校8所，完成规范治理7所，余下1所: the parts from the total up to a
/// figure named as the rest of it, when none of them is split again (其中).
fn closed_by_a_remainder(
    doc: &Document,
    t: usize,
    mut parts: impl Iterator<Item = usize>,
) -> Option<Vec<usize>> {
    let qs = &doc.quantities;
    let mut list = Vec::new();
    for p in parts.by_ref() {
        if qs[p].roles.part || qs[p].roles.total {
            return None;
        }
        list.push(p);
        let subject = doc.slice(&qs[p].subject);
        if REMAINDER.iter().any(|w| subject.starts_with(w)) {
            return (list.len() >= 2 && qs[t].sentence == qs[p].sentence).then_some(list);
        }
    }
    None
}

/// A、B、C三个村分别完成12户、9户、15户 after 共完成38户; 第一、二、三产业增加值分别为
/// 62.15、81.40、197.36亿元 after 地区生产总值341.91亿元. The parts are the
/// figures after 分别 in its clause; the total the nearest figure of their kind
/// before them, in the sentence or the one before. Whether it is their total
/// at all is for the sum rule to judge by how near their sum comes.
fn respectively(
    doc: &Document,
    si: usize,
    range: Range<usize>,
    prev: Range<usize>,
    frames: &mut Frames,
) {
    let qs = &doc.quantities;
    let s = &doc.sentences[si];
    let text = doc.slice(&s.span);
    let Some(k) = find_word(text, "分别") else {
        return;
    };
    let at = s.span.start + k;
    let first = range.start + qs[range.clone()].partition_point(|q| q.span.start < at);
    let Some(head) = (first..range.end).next().filter(|&p| qs[p].is_level()) else {
        return;
    };
    // The list runs on while only 、 and words join its figures (a ，or ；ends it).
    let mut parts = vec![head];
    for p in head + 1..range.end {
        let between = &doc.text[qs[p - 1].span.end..qs[p].span.start];
        if between.contains(['，', ',', '；', ';']) || !qs[p].is_level() {
            break;
        }
        if same_kind(qs[p].unit, qs[head].unit) {
            parts.push(p);
        }
    }
    if parts.len() < 2 {
        return;
    }
    let total = (range.start..first)
        .rev()
        .chain(prev.rev())
        .find(|&t| same_kind(qs[t].unit, qs[head].unit));
    if let Some(t) = total.filter(|&t| qs[t].is_level()) {
        push(doc, t, &parts, Form::Respectively, frames);
    }
}
