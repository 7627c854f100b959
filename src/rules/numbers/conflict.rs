//! `numbers.conflict`: the same quantity stated with two values —
//! 到社区报到2544人 … 报到人数2546人; 城市低保2511户3677人 … 2511户3688人.
//!
//! Ways to know it is the same quantity, all linear in the number of figures:
//! - within a paragraph, same unit and nearly the same subject phrase (shared
//!   character bigrams), compared only against the last few figures with that unit;
//! - anywhere, a pair “N户M人” whose household count repeats with another person count
//!   (or a large person count with another household count);
//! - a restatement after 这 / 上述; a group named again by its predicate (推进滞后的
//!   7项任务) or taken up again to be broken down (建档立卡1091户中); a list of
//!   counts stated again (8个村出列、1300人减贫); a quoted numbered phrase written
//!   with another numeral (“三类对象” / “一类对象”); a side of a tally phrase
//!   taken up with a larger numeral (“四增一减” … 二减为, `tally_phrase`); table
//!   cells against prose.
//!
//! Two statements agree when equal or when the finer rounds to the coarser
//! (2347.3万吨 / 2347.31万吨).
//!
//! Parallel items about different things stay silent: their subjects differ (广坪
//! / 天鹅) or are too short to identify a quantity (集中建房); figures for
//! different periods (上半年 / 全年) are different quantities.

use crate::document::Document;
use crate::frames::qualifier::Qualifiers;
use crate::frames::Frames;
use crate::quantity::{same_kind, subject_key, Approx, Decimal, PairOverlap, Quantity};
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use std::collections::HashMap;
use std::ops::Range;

pub struct Conflict;

pub static INFO: RuleInfo = RuleInfo {
    code: "numbers.conflict",
    family: Category::Numbers,
    severity: Severity::Error,
    summary: "同一数据前后不一致",
    explanation: "同一事项在文中出现两个不同数值（如“报到2544人”与“报到人数2546人”），审核人无法判断哪个正确。请核对原始数据，统一为正确的数值。",
    example: "到社区报到2544人……报到人数2546人",
    near_miss: "到社区报到2544人……其中党员报到1200人",
};

/// One unit's figures in a paragraph: (figure index, its bigrams' range once built).
type Bucket = Vec<(usize, Option<Range<usize>>)>;

/// How many earlier figures with the same unit a figure is compared with.
const WINDOW: usize = 24;

/// The distinct character bigrams of `key`, sorted, appended to `out`.
fn push_bigrams(key: &[char], out: &mut Vec<(char, char)>) {
    let start = out.len();
    out.extend(key.windows(2).map(|w| (w[0], w[1])));
    crate::text::sort_stable_by(&mut out[start..], |a, b| a.cmp(b));
    // Dedup the new run in place (Vec::dedup would touch the earlier runs).
    let mut kept = start;
    for k in start..out.len() {
        if kept == start || out[k] != out[kept - 1] {
            out[kept] = out[k];
            kept += 1;
        }
    }
    out.truncate(kept);
}

/// Appends the bigrams of `subject`'s key to `bigrams` and returns their range
/// (`key` is a reused buffer).
fn subject_bigrams(
    subject: &str,
    key: &mut Vec<char>,
    bigrams: &mut Vec<(char, char)>,
) -> Range<usize> {
    subject_key(subject, key);
    let start = bigrams.len();
    push_bigrams(key, bigrams);
    start..bigrams.len()
}

/// Do two subjects name the same quantity? Shared bigrams must be many and
/// most (the bar is set out at [`PairOverlap`]).
fn same_subject(a: &[(char, char)], b: &[(char, char)]) -> bool {
    let (short, long) = (a.len().min(b.len()), a.len().max(b.len()));
    // At most `short` are shared and the union has at least `long`: sets this
    // different in size cannot pass, and most pairs are rejected here.
    if short < 4 || short * 10 < long * 7 {
        return false;
    }
    let overlap = PairOverlap::of_sorted(a, b);
    overlap.shared >= 4 && overlap.shared * 10 >= overlap.union() * 7
}

impl Conflict {
    pub(super) fn push(
        &self,
        doc: &Document,
        earlier: &Quantity,
        later: &Quantity,
        what: &str,
        out: &mut Vec<Diagnostic>,
    ) {
        let line = doc.line_number(earlier.span.start);
        out.push(
            self.diagnostic(
                later.span.clone(),
                format!(
                    "{what}前后不一致：此处为{}，前文为{}（第{line}行）。请核对后统一。",
                    doc.slice(&later.span),
                    doc.slice(&earlier.span)
                ),
            )
            .with_related(
                earlier.span.clone(),
                format!("前文为{}", doc.slice(&earlier.span)),
            ),
        );
    }
}

/// Words before a figure that point back to one stated earlier: 确保这47人.
const BACK_REFERENCES: &[&str] = &["这", "上述", "以上", "这些", "前述", "该"];

/// Does a subject end with a word pointing back (为该130户, 确保这47人)? Not
/// the 该 of 应该 / 本该.
fn points_back(subject: &str) -> bool {
    // Most subjects end otherwise: one comparison passes them over.
    let last = subject.chars().next_back();
    if !last.is_some_and(|c| matches!(c, '这' | '述' | '上' | '些' | '该')) {
        return false;
    }
    // 注册资金千万元以上46家, 60周岁及以上, 规模以上, 县级以上: 以上 after
    // an amount or a rank is a threshold.
    let threshold = |rest: &str| {
        rest.chars().next_back().is_some_and(|c| {
            c.is_ascii_digit() || "元岁人亩吨个家年米千万亿百十及级模次户名".contains(c)
        })
    };
    BACK_REFERENCES.iter().any(|w| {
        subject.strip_suffix(w).is_some_and(|rest| match *w {
            "该" => !rest.ends_with(['应', '本']),
            "以上" => !threshold(rest),
            _ => true,
        })
    })
}
/// How many earlier figures a back reference may point to.
const REFERENCE_REACH: usize = 12;
/// Shortest subject (content characters) that names an indicator precisely
/// enough to compare across the whole document.
const INDICATOR_CHARS: usize = 6;
/// The same for the first figure of a paragraph.
const OPENING_INDICATOR_CHARS: usize = 5;

/// A per-head figure (人均纯收入) stated exactly: compared with the same
/// per-head indicator only (its key holds the 人均).
fn comparable_per_head(q: &Quantity) -> bool {
    q.roles.per
        && q.approx == Approx::Exact
        && !q.unit.is_empty()
        && !q.is_percent()
        && !q.is_points()
        && !q.roles.change
        && !q.roles.share
}

/// A rate stated exactly (城镇登记失业率为4.1%, 增长6.3%, 占…的84.35%):
/// compared with the rate of the same indicator named the same way.
fn comparable_rate(q: &Quantity) -> bool {
    q.is_percent() && q.approx == Approx::Exact
}

/// The figure a rate is stated of: the last figure before it in its
/// sentence that is no rate (工资性收入14928.07元，增长10.92%; PM2.5浓度为
/// 31微克/立方米，同比下降24.4%).
fn level_of_rate(doc: &Document, rate: usize) -> Option<usize> {
    let qs = &doc.quantities;
    let first = doc.sentence_quantities[qs[rate].sentence].start;
    (first..rate)
        .rev()
        .find(|&k| !qs[k].is_percent() && !qs[k].is_points())
}

/// Two rates of levels that are not one figure restated (城镇居民的工资性
/// 收入14928.07元，增长10.92% and 农村居民的626.64元，增长40.43%) are rates
/// of two populations or periods, however alike their names.
fn rates_of_two_levels(doc: &Document, a: usize, b: usize) -> bool {
    let qs = &doc.quantities;
    if !qs[a].is_percent() || !qs[b].is_percent() {
        return false;
    }
    match (level_of_rate(doc, a), level_of_rate(doc, b)) {
        (Some(x), Some(y)) => !agree(&qs[x], &qs[y]),
        _ => false,
    }
}

/// Does a rate's name say what changed, beyond the words of its change
/// (两年平均增长 names nothing: the industry of its sentence before does)?
fn rate_names_something(name: &str) -> bool {
    let rest = strip_ends(name, CHANGE_WORDS);
    let rest = strip_ends(rest, &["两年平均", "年均", "平均", "为", "达", "达到"]);
    rest.chars().filter(|&c| crate::text::is_han(c)).count() >= 2
}

/// A level estimated the same way twice (约2.26亿人次 … 约2.26亿人次, 超过
/// 21.6亿剂次): two values of one estimate disagree as two exact ones do.
fn comparable_estimate(q: &Quantity) -> bool {
    q.approx == Approx::About
        && !q.unit.is_empty()
        && !q.roles.change
        && !q.roles.share
        && !q.roles.per
}

/// The words of estimate after a figure: 余 / 多 inside it, 左右 / 以上 /
/// 以下 / 以内 after its unit.
fn estimate_words_after<'a>(doc: &Document<'a>, q: &Quantity) -> String {
    let inside: String = doc
        .slice(&q.span)
        .chars()
        .filter(|&c| matches!(c, '余' | '多'))
        .collect();
    let after = &doc.text[q.span.end..];
    let outside = ["左右", "以上", "以下", "以内", "上下"]
        .into_iter()
        .find(|w| after.starts_with(w))
        .unwrap_or("");
    inside + outside
}

/// A level stated exactly: the figures two statements can disagree on.
fn comparable(q: &Quantity) -> bool {
    q.is_level() && q.approx == Approx::Exact
}

/// Do two statements of one quantity agree? Equal, or the finer rounds to
/// the coarser (总产2347.3万吨 … 总产2347.31万吨): a conflict is a value the
/// other cannot be a rounding of.
pub(super) fn agree(p: &Quantity, q: &Quantity) -> bool {
    let (Some(a), Some(b)) = (p.scaled(), q.scaled()) else {
        return p.scaled() == q.scaled();
    };
    if a == b || a.cmp_value(b) == Some(std::cmp::Ordering::Equal) {
        return true;
    }
    let ulp = |x: &Quantity| x.value.ulp() * f64::from(x.multiplier);
    let coarser = ulp(p).max(ulp(q));
    (a.to_f64() - b.to_f64()).abs() <= coarser / 2.0 * (1.0 + 1e-9)
}

fn unit_class(u: &str) -> &str {
    if same_kind(u, "人") {
        "人"
    } else {
        u
    }
}

impl Conflict {
    /// 预脱贫人口45人 … 确保这47人如期脱贫: a figure after 这 / 上述 restates one
    /// before it. Right when any of the last few figures of its unit has its
    /// value (or the difference of two of them: 45户，已脱贫30户，这15户);
    /// wrong against the nearest one otherwise.
    fn restatements(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        for (i, q) in qs.iter().enumerate() {
            let subject = doc.slice(&q.subject);
            if !comparable(q) || !points_back(subject) {
                continue;
            }
            let para = doc.sentences[q.sentence].paragraph;
            let earlier: Vec<&Quantity> = qs[i.saturating_sub(64)..i]
                .iter()
                .rev()
                .filter(|p| doc.sentences[p.sentence].paragraph + 3 >= para)
                .filter(|p| comparable(p) && unit_class(p.unit) == unit_class(q.unit))
                .take(REFERENCE_REACH)
                .collect();
            let Some(nearest) = earlier.first() else {
                continue;
            };
            let value = q.scaled();
            let equal = |d: Option<Decimal>| d.is_some() && d == value;
            let stated = earlier.iter().any(|p| equal(p.scaled()));
            let difference = earlier.iter().enumerate().any(|(k, a)| {
                earlier[k + 1..].iter().any(|b| {
                    let (Some(x), Some(y)) = (a.scaled(), b.scaled()) else {
                        return false;
                    };
                    let neg = |d: Decimal| Decimal::new(-d.mantissa, d.scale);
                    equal(x.checked_add(neg(y))) || equal(y.checked_add(neg(x)))
                })
            });
            if !stated && !difference {
                self.push(doc, nearest, q, "所指数据", out);
            }
        }
    }

    /// 农民人均纯收入5200元 … 农民人均纯收入达到5600元: the same indicator, named
    /// in full, with the same period and status, stated twice anywhere in the
    /// document with two values. One map of indicators, one pass.
    fn same_indicator(
        &self,
        doc: &Document,
        frames: &Frames,
        forward: &Forward,
        out: &mut Vec<Diagnostic>,
    ) {
        let qs = &doc.quantities;
        // Keyed by one word: the indicator's name, unit and qualifiers folded.
        let mut seen: HashMap<u64, usize> = HashMap::with_capacity(qs.len() / 2);
        let (mut key, mut subject) = (Vec::new(), String::new());
        let mut cursor = 0;
        for (i, q) in qs.iter().enumerate() {
            // A per-head figure (人均纯收入) is compared with itself only: its
            // key holds the 人均.
            if !comparable(q)
                && !comparable_per_head(q)
                && !comparable_rate(q)
                && !comparable_estimate(q)
            {
                continue;
            }
            // The whole sentence up to the figure names the indicator: a
            // figure in a list item (省级6项，…，当年计划投资19亿元) is not the
            // headline figure of the same words.
            match account_before(doc, q) {
                Some(account) => {
                    let words = [account, sentence_before(doc, q)].concat();
                    indicator_words(&words, &mut subject);
                }
                None => indicator_words(
                    without_opening_clauses(sentence_before(doc, q)),
                    &mut subject,
                ),
            }
            without_whole_scopes(&mut subject);
            subject_key(&subject, &mut key);
            // The first figure of a paragraph's first sentence is named by all
            // the words before it (全年举办培训班): no list label, other
            // figure or population stated before (普通高中学校5所。校舍总面积…) is
            // left out of its name, so a shorter name will do.
            let paragraph = &doc.paragraphs[doc.sentences[q.sentence].paragraph];
            let opens_paragraph = paragraph.sentences.start == q.sentence
                && doc.sentence_quantities[q.sentence].start == i;
            let least = if opens_paragraph {
                OPENING_INDICATOR_CHARS
            } else {
                INDICATOR_CHARS
            };
            if key.len() < least || comparable_rate(q) && !rate_names_something(&subject) {
                continue;
            }
            // Latin names (PM2.5, PM10, VOCs) tell indicators apart too.
            key.extend(
                subject
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '.'),
            );
            // An estimate is compared with the same estimate only: its words
            // before (约, 超过) are in its name; those after (余, 左右, 以上) here.
            if q.approx == Approx::About {
                key.push('~');
                key.extend(estimate_words_after(doc, q).chars());
            }
            let qualifiers = qualifiers_in_frame(doc, q);
            // A figure in the plans for next year is next year's.
            let next_year = in_sections(
                forward.get_or_init(|| forward_sections(doc)),
                &mut cursor,
                doc.sentences[q.sentence].paragraph,
            );
            // ——小学。校舍总面积25.48万平方米 under 全县…校舍总面积57.74万平方米:
            // a paragraph opened by a label counts that part's own figures,
            // and a note under a table's caption that table's subject.
            let caption = caption_above(doc, doc.sentences[q.sentence].paragraph);
            let scope = scope_label(doc, doc.sentences[q.sentence].paragraph);
            let scope = if names_a_topic(scope, &subject) {
                ""
            } else {
                scope
            };
            let indicator = key
                .iter()
                .copied()
                .chain(unit_class(q.unit).chars())
                .chain(next_year.then_some('>'))
                .chain(scope.chars())
                .chain(caption.chars());
            // 其中:12月份纳入低保3167户…;12月份纳入低保5790户…: two parts
            // of one total, their qualifiers left unwritten; 地区生产总值…其中，
            // 第一产业增加值… and 民营经济增加值…其中，第一产业增加值…: parts of
            // two totals are two populations' figures.
            let differ = |earlier: usize| {
                let p = &qs[earlier];
                !agree(p, q)
                    && p.sentence != q.sentence
                    && !frames.parts_of_two_totals(earlier, i)
                    && !frames.related(earlier, i)
                    && !rates_of_two_levels(doc, earlier, i)
            };
            let earlier = match seen.entry(qualifiers.fold_into(fingerprint(indicator))) {
                std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(i);
                    None
                }
            };
            if let Some(p) = earlier.filter(|&p| differ(p)) {
                self.push(doc, &qs[p], q, "同一指标", out);
            }
        }
    }
}

/// Words opening a sentence that go on with the account of the one before.
const ACCOUNT_GOES_ON: &[&str] = &["加上", "再加上", "减去", "扣除", "剔除"];

/// 一般公共预算收入完成147.1亿元…。加上转移性收入49.2亿元，收入合计196.3亿元:
/// a sentence that goes on with an account is named by the account it adds
/// to — the words before the first figure of the sentence before — so the
/// 转移性收入 of two budgets are two indicators.
fn account_before<'a>(doc: &Document<'a>, q: &Quantity) -> Option<&'a str> {
    let sentence = &doc.sentences[q.sentence];
    if !ACCOUNT_GOES_ON
        .iter()
        .any(|w| doc.slice(&sentence.span).trim_start().starts_with(w))
    {
        return None;
    }
    let prev = q.sentence.checked_sub(1)?;
    let first = doc.sentence_quantities[prev].clone().next()?;
    (doc.sentences[prev].paragraph == sentence.paragraph)
        .then(|| sentence_before(doc, &doc.quantities[first]))
}

/// Longest label (characters) opening a paragraph that names its scope.
const SCOPE_LABEL: usize = 8;

/// The label a paragraph opens with, naming whose figures follow: ——小学。,
/// 小学：, （一）小学。 — a short run of Han characters ended by 。 or ：. Empty
/// when the paragraph opens with a sentence.
fn scope_label<'a>(doc: &Document<'a>, paragraph: usize) -> &'a str {
    let text = doc.slice(&doc.paragraphs[paragraph].span);
    let body = text.trim_start_matches(['—', '-', '－', ' ', '　']);
    let dashed = body.len() < text.len();
    let Some((end, c)) = body
        .char_indices()
        .take(SCOPE_LABEL + 1)
        .find(|&(_, c)| !crate::text::is_han(c))
    else {
        return "";
    };
    let label = &body[..end];
    let closes = matches!(c, '。' | '：' | ':') || dashed && matches!(c, '，' | ',');
    if closes && !label.is_empty() {
        label
    } else {
        ""
    }
}

/// The caption a paragraph stands under (表三:庐阳区…工作进度表 above
/// `(12个镇街园,已拆除2302381㎡)`): each table's note counts its own subject.
/// Empty when the line above is no caption.
fn caption_above<'a>(doc: &Document<'a>, paragraph: usize) -> &'a str {
    let Some(above) = paragraph.checked_sub(1) else {
        return "";
    };
    let line = doc.slice(&doc.paragraphs[above].span).trim();
    let numbered = line.strip_prefix('表').is_some_and(|rest| {
        rest.trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || crate::quantity::is_han_digit(c))
    });
    if numbered && !line.contains('。') {
        line
    } else {
        ""
    }
}

/// A 64-bit FNV-1a fingerprint of a name: maps keyed by it hash eight bytes,
/// not the name (collisions of real names are negligible).
fn fingerprint(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(0xcbf2_9ce4_8422_2325, |h, c| {
        (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Measure words that count things named after them: 131项重点工作任务.
const COUNTING_UNITS: &[&str] = &[
    "个", "项", "家", "所", "条", "座", "处", "支", "种", "件", "批", "名", "人", "户", "类",
];
/// Characters that end the noun after a measure word.
const NOUN_ENDS: &str = "中的，。、；：了和及与在为是有等已将均都共（）()“”\"";
/// Shortest counted noun (characters) that names one thing.
const COUNTED_NOUN_CHARS: usize = 3;

impl Conflict {
    /// 131项重点工作任务进展情况 … 133项重点工作任务中; 19个区直单位 … 21个区直单位组成:
    /// a count of the same things named the same way after the measure word,
    /// done by the same verb, twice with two values.
    fn same_counted_thing(&self, doc: &Document, frames: &Frames, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        let mut seen: HashMap<u64, Vec<(usize, &str, &str)>> = HashMap::with_capacity(qs.len() / 4);
        for (i, q) in qs.iter().enumerate() {
            if !comparable(q) || !COUNTING_UNITS.contains(&q.unit) {
                continue;
            }
            // The noun after the measure word, at most 12 characters.
            let after = &doc.text[q.span.end..doc.sentences[q.sentence].span.end];
            let noun_len: usize = after
                .chars()
                .take(12)
                .take_while(|c| crate::text::is_han(*c) && !NOUN_ENDS.contains(*c))
                .map(char::len_utf8)
                .sum();
            let noun = &after[..noun_len];
            if noun.chars().count() < COUNTED_NOUN_CHARS {
                continue;
            }
            // The verb: the last two Han characters before the figure.
            let before = sentence_before(doc, q);
            let verb_len: usize = before
                .chars()
                .rev()
                .take_while(|c| crate::text::is_han(*c))
                .take(2)
                .map(char::len_utf8)
                .sum();
            let verb = &before[before.len() - verb_len..];
            // Keyed by the noun's head; the full nouns must then be one the
            // other's beginning (131项重点工作任务进展情况 … 133项重点工作任务中).
            let caption = caption_above(doc, doc.sentences[q.sentence].paragraph);
            let counted = noun
                .chars()
                .take(COUNTED_NOUN_CHARS)
                .chain(std::iter::once('|'))
                .chain(unit_class(q.unit).chars())
                .chain(caption.chars());
            let entry = seen
                .entry(Qualifiers::of(before).fold_into(fingerprint(counted)))
                .or_default();
            let clash = entry.iter().find(|(pi, pv, pn)| {
                let p = &qs[*pi];
                (pv.is_empty() || verb.is_empty() || *pv == verb)
                    && (pn.starts_with(noun) || noun.starts_with(pn))
                    && !agree(p, q)
                    && p.sentence != q.sentence
                    && !frames.related(*pi, i)
            });
            if let Some((p, _, _)) = clash {
                self.push(doc, &qs[*p], q, "同一事项的数目", out);
            }
            if entry.len() < 8 {
                entry.push((i, verb, noun));
            }
        }
    }
}

/// The Han characters right before a figure in its sentence, at most `max`.
fn han_before<'a>(doc: &Document<'a>, q: &Quantity, max: usize) -> &'a str {
    let before = sentence_before(doc, q);
    let len: usize = before
        .chars()
        .rev()
        .take(max)
        .take_while(|c| crate::text::is_han(*c))
        .map(char::len_utf8)
        .sum();
    &before[before.len() - len..]
}

/// Words before a count that make it the whole of its kind: 全乡, 共, 所有.
fn names_a_whole(before: &str) -> bool {
    before.starts_with('全') || before.contains('共') || before.contains("所有")
}

/// A count stated as a whole: after a verb of having (辖, 共有) or a scope
/// word (全乡), or closing a list of the names counted (甲、乙、丙3个行政村).
fn states_a_whole(doc: &Document, p: &Quantity) -> bool {
    let before = han_before(doc, p, 12);
    let sentence = sentence_before(doc, p);
    names_a_whole(before)
        || before.contains('辖')
        || before.ends_with('有')
        || before.ends_with("下设")
        || crate::text::tail(sentence, 3 * 12).contains('、')
}

/// How many earlier figures a group taken up again (N户中) may name.
const GROUP_REACH: usize = 64;
/// Shortest name before a figure that picks out its group (建档立卡).
const GROUP_NAME_CHARS: usize = 4;

impl Conflict {
    /// 全镇现有建档立卡贫困户1091户 … 建档立卡1091户中因病致贫的有503户;
    /// 瓦都西5个行政村 … 全乡5个行政村中有3个贫困村: a group taken up again to
    /// be broken down (N…中) is one stated before under the same name. Right
    /// when any earlier figure of that name has its value; wrong against the
    /// nearest otherwise.
    fn groups_taken_up(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        for (i, q) in qs.iter().enumerate() {
            if !comparable(q) || !COUNTING_UNITS.contains(&q.unit) {
                continue;
            }
            // The noun is what stands between the unit and 中 (not 中心, 中学).
            let after = doc.han_after(q, 8);
            let Some(at) = after.find('中') else {
                continue;
            };
            let word_after = after[at + '中'.len_utf8()..].chars().next();
            if word_after.is_some_and(|c| "心学小型级央国医华层".contains(c)) {
                continue;
            }
            let noun = &after[..at];
            let name = if noun.is_empty() {
                han_before(doc, q, 6)
            } else {
                ""
            };
            if noun.chars().count() < 2 && name.chars().count() < GROUP_NAME_CHARS {
                continue;
            }
            // A counted noun alone (全乡5个行政村中) names a group only as the
            // whole of it, restating the whole stated before.
            if !noun.is_empty() && !names_a_whole(han_before(doc, q, 4)) {
                continue;
            }
            let qualifiers = qualifiers_of(doc, q);
            self.against_earlier_counts(doc, i, out, |p| {
                if noun.is_empty() {
                    // 建档立卡未脱贫贫困户767户 is a part of the 建档立卡 group,
                    // set apart by its status.
                    let before = han_before(doc, p, 12);
                    before
                        .find(name)
                        .is_some_and(|at| !before[at + name.len()..].contains(['未', '已', '预']))
                        && qualifiers_of(doc, p) == qualifiers
                } else {
                    doc.han_after(p, 8) == noun && states_a_whole(doc, p)
                }
            });
        }
    }

    /// A count restating one stated before: the earlier figures of its unit
    /// class in other sentences (within [`GROUP_REACH`]) that `names_it`
    /// accepts. Right when any has its value; wrong against the nearest
    /// otherwise.
    fn against_earlier_counts(
        &self,
        doc: &Document,
        i: usize,
        out: &mut Vec<Diagnostic>,
        names_it: impl Fn(&Quantity) -> bool,
    ) {
        let qs = &doc.quantities;
        let q = &qs[i];
        let candidates: Vec<&Quantity> = qs[i.saturating_sub(GROUP_REACH)..i]
            .iter()
            .rev()
            .filter(|p| p.sentence != q.sentence && comparable(p))
            .filter(|p| unit_class(p.unit) == unit_class(q.unit))
            .filter(|p| names_it(p))
            .collect();
        let Some(nearest) = candidates.first() else {
            return;
        };
        if !candidates.iter().any(|p| agree(p, q)) {
            self.push(doc, nearest, q, "同一事项的数目", out);
        }
    }
}

/// The noun a count names after its measure word, up to a word that ends it
/// (3个党支部，共有… → 党支部), at most `max` characters.
fn counted_noun<'a>(doc: &Document<'a>, q: &Quantity, max: usize) -> &'a str {
    let after = doc.han_after(q, max);
    let len: usize = after
        .chars()
        .take_while(|c| !NOUN_ENDS.contains(*c))
        .map(char::len_utf8)
        .sum();
    &after[..len]
}

/// Words between 总数 and its figure: a verb of reaching or none.
const REACHING: &[&str] = &["", "达到", "达", "为", "是", "已达", "共"];

impl Conflict {
    /// 下设3个党支部 … 使社区党支部的总数达到3个: a count named as the total
    /// (总数) of a noun restates the whole of that noun stated before (下设 /
    /// 共有 / 全乡 …, the noun the last words of the total's name). Right when
    /// any such whole has its value; wrong against the nearest otherwise.
    fn totals_restated(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        for (i, q) in qs.iter().enumerate() {
            if !comparable(q) || !COUNTING_UNITS.contains(&q.unit) {
                continue;
            }
            // 总数 or a verb of reaching is the last character (总数已达):
            // most counts are passed over without reading further back.
            let last = doc.text[..q.span.start].chars().next_back();
            if !last.is_some_and(|c| matches!(c, '数' | '到' | '达' | '为' | '是' | '共')) {
                continue;
            }
            let before = han_before(doc, q, 16);
            let Some(at) = before.rfind("总数") else {
                continue;
            };
            if !REACHING.contains(&&before[at + "总数".len()..]) {
                continue;
            }
            let name = &before[..at];
            let name = name.strip_suffix('的').unwrap_or(name);
            if name.chars().count() < 2 {
                continue;
            }
            let qualifiers = qualifiers_of(doc, q);
            self.against_earlier_counts(doc, i, out, |p| {
                let noun = counted_noun(doc, p, 8);
                noun.chars().count() >= 2
                    && name.ends_with(noun)
                    && states_a_whole(doc, p)
                    && qualifiers_of(doc, p) == qualifiers
            });
        }
    }
}

/// Words of a heading that open a section about what comes next (二、2024年
/// 工作打算, （三）下一步工作思路): its figures are plans for another period.
const FORWARD_WORDS: &[&str] = &[
    "明年",
    "下一步",
    "下步",
    "打算",
    "来年",
    "今后",
    "展望",
    "下一年",
    "下阶段",
    "思路",
];

/// The paragraphs of sections about what comes next, as sorted disjoint
/// ranges: from such a heading to the next heading of its level or above.
fn forward_sections(doc: &Document) -> Vec<Range<usize>> {
    let headings = &doc.outline.headings;
    let mut out: Vec<Range<usize>> = Vec::new();
    static WORDS: std::sync::OnceLock<crate::text::Lexicon<'static>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| crate::text::Lexicon::new(FORWARD_WORDS));
    // One pass over a title's characters: most start no word.
    let forward_title = |title: &str| {
        title
            .char_indices()
            .any(|(i, c)| words.may_start(c) && words.longest_prefix(&title[i..]).is_some())
    };
    for (k, h) in headings.iter().enumerate() {
        if !forward_title(doc.slice(&h.title)) {
            continue;
        }
        // Inside the section already read: nothing to add.
        if out.last().is_some_and(|r| r.contains(&h.paragraph)) {
            continue;
        }
        let level = h.style.level();
        let end = headings[k + 1..]
            .iter()
            .find(|n| n.style.level() <= level && n.paragraph > h.paragraph)
            .map_or(doc.paragraphs.len(), |n| n.paragraph);
        out.push(h.paragraph..end);
    }
    out
}

/// The sections of plans for next year ([`forward_sections`]), read at the
/// first figure that asks.
type Forward = std::cell::OnceCell<Vec<Range<usize>>>;

/// Is paragraph `pi` in one of `sections`? Asked in document order: `cursor`
/// only moves forward.
fn in_sections(sections: &[Range<usize>], cursor: &mut usize, pi: usize) -> bool {
    while sections.get(*cursor).is_some_and(|r| r.end <= pi) {
        *cursor += 1;
    }
    sections.get(*cursor).is_some_and(|r| r.contains(&pi))
}

/// Words between a target and its name: the kind of target (城镇登记失业率
/// 预期目标为…, 年度目标任务).
const TARGET_KINDS: &[&str] = &["预期", "控制", "年度", "计划", "全年", "的"];
/// Words of bound before a target's figure in a result (低于5%的控制目标).
const BOUND_VERBS: &[&str] = &[
    "低于",
    "高于",
    "不超过",
    "不低于",
    "控制在",
    "超过",
    "达到",
    "完成",
];
/// Words of bound after a target's figure (5.0%以内).
const BOUNDS_AFTER: &[&str] = &["以内", "以下", "以上", "左右"];
/// Shortest indicator name (content characters) a target is keyed by.
const TARGET_NAME_CHARS: usize = 4;

/// Strips any of `words` from the end of `s`, repeatedly.
fn strip_ends<'a>(mut s: &'a str, words: &[&str]) -> &'a str {
    while let Some(w) = words.iter().find(|w| !w.is_empty() && s.ends_with(*w)) {
        s = &s[..s.len() - w.len()];
    }
    s
}

/// The text of a figure's clause before it, without a numbering marker
/// opening it ((五)全省城镇登记失业率).
fn clause_before<'a>(doc: &Document<'a>, q: &Quantity) -> &'a str {
    let s = &doc.text[clause_start(doc, q, 0)..q.span.start];
    &s[crate::outline::marker_len(s)..]
}

/// Where a figure's clause starts (not before `from`), at most
/// [`SENTENCE_REACH`] bytes back: a clause of a million figures stays linear.
fn clause_start(doc: &Document, q: &Quantity, from: usize) -> usize {
    let start = doc.clauses[q.clause].start.max(from).min(q.span.start);
    crate::text::floor_boundary(
        doc.text,
        q.span.start.saturating_sub(SENTENCE_REACH).max(start),
    )
}

/// The name of the indicator a figure is the target of, into `key`: 城镇登记
/// 失业率预期目标为5.0%以内 (the name before 目标) or 全省城镇登记失业率4.45%，低于
/// 5%的控制目标 (a figure followed by 的…目标: the name of its clause, or of the
/// figure before it that the target is set against). False when it is no target.
fn target_name(doc: &Document, i: usize, key: &mut Vec<char>) -> bool {
    let q = &doc.quantities[i];
    key.clear();
    // Most figures are no target: neither 目标 (为) just before them, nor 的
    // (after a bound word) just after.
    let last = doc.text[..q.span.start].chars().next_back();
    let next = doc.text[q.span.end..].chars().next();
    let target_before = last.is_some_and(|c| matches!(c, '标' | '为' | '是' | '：'));
    if !target_before && !next.is_some_and(|c| matches!(c, '的' | '以' | '左')) {
        return false;
    }
    let start = clause_start(doc, q, 0);
    let before = clause_before(doc, q);
    // 城镇登记失业率预期目标为: 目标 is among the last few characters.
    let near = crate::text::tail(before, 12);
    if let Some(at) = near.rfind("目标").map(|k| before.len() - near.len() + k) {
        let verb = &before[at + "目标".len()..];
        if ["", "为", "是", "为：", "是："].contains(&verb) {
            subject_key(strip_ends(&before[..at], TARGET_KINDS), key);
            return key.len() >= TARGET_NAME_CHARS;
        }
    }
    // 5%的控制目标: 的, a kind or none, then 目标, right after the figure.
    let sentence_end = doc.sentences[q.sentence].span.end;
    let mut after = &doc.text[q.span.end..sentence_end];
    if let Some(w) = BOUNDS_AFTER.iter().find(|w| after.starts_with(*w)) {
        after = &after[w.len()..];
    }
    let Some(after) = after.strip_prefix('的') else {
        return false;
    };
    let kind: usize = after
        .chars()
        .take(3)
        .take_while(|c| *c != '目')
        .map(char::len_utf8)
        .sum();
    if !after[kind..].starts_with("目标") || !TARGET_KINDS.contains(&&after[..kind]) && kind > 0 {
        return false;
    }
    subject_key(strip_ends(before, BOUND_VERBS), key);
    if key.len() >= TARGET_NAME_CHARS {
        return true;
    }
    // 城镇登记失业率4.45%，低于5%: the target of the figure before it.
    let Some(k) = doc.quantities[doc.sentence_quantities[q.sentence].start..i]
        .iter()
        .rev()
        .take(REFERENCE_REACH)
        .filter(|p| p.span.end <= start)
        .find(|p| unit_class(p.unit) == unit_class(q.unit))
    else {
        return false;
    };
    let mut words = String::new();
    indicator_words(clause_before(doc, k), &mut words);
    subject_key(&words, key);
    key.len() >= TARGET_NAME_CHARS
}

impl Conflict {
    /// 城镇登记失业率预期目标为5.0%以内 … 全省城镇登记失业率4.45%，低于6%的控制
    /// 目标: one indicator's target stated twice with two values. Keyed by the
    /// indicator's name and unit; periods written out must agree.
    fn targets_restated(&self, doc: &Document, forward: &Forward, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        let mut seen: HashMap<u64, usize> = HashMap::new();
        let mut key = Vec::new();
        let mut cursor = 0;
        for (i, q) in qs.iter().enumerate() {
            if q.unit.is_empty() || q.roles.per || q.is_points() || !target_name(doc, i, &mut key) {
                continue;
            }
            // A target in the plans for next year is next year's.
            let next_year = in_sections(
                forward.get_or_init(|| forward_sections(doc)),
                &mut cursor,
                doc.sentences[q.sentence].paragraph,
            );
            let name = fingerprint(
                key.iter()
                    .copied()
                    .chain(unit_class(q.unit).chars())
                    .chain(next_year.then_some('>')),
            );
            match seen.entry(name) {
                std::collections::hash_map::Entry::Occupied(e) => {
                    let p = &qs[*e.get()];
                    if !agree(p, q)
                        && p.sentence != q.sentence
                        && !qualifiers_of(doc, p).periods_apart(qualifiers_of(doc, q))
                    {
                        self.push(doc, p, q, "同一目标", out);
                    }
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(i);
                }
            }
        }
    }
}

/// How many earlier figures a relative clause may name again.
const RELATIVE_REACH: usize = 16;
/// Shortest predicate (characters) that picks out one group of things.
const PREDICATE_CHARS: usize = 3;

/// Does a predicate stand at the start of `rest` (N项任务推进较为滞后 for
/// 推进较为滞后的N项任务)? It may stand after an adverb of up to two
/// characters (8个项目总体进展顺利 for 进展顺利的8个项目); its own words must all
/// be there (已经按期推进 is not 按期推进).
fn predicate_follows(rest: &str, predicate: &str) -> bool {
    const ADVERB_CHARS: usize = 2;
    rest.find(predicate)
        .is_some_and(|at| rest[..at].chars().count() <= ADVERB_CHARS)
}

impl Conflict {
    /// 7项任务推进较为滞后 … 推进较为滞后的7项任务分别是: a group named again by
    /// its predicate turned into a relative clause (P的N项X after N项X P) is the
    /// same group. Compared with the last few figures of its unit only.
    fn relative_restatements(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        for (i, q) in qs.iter().enumerate() {
            if !comparable(q) || !COUNTING_UNITS.contains(&q.unit) {
                continue;
            }
            let before = sentence_before(doc, q);
            let Some(clause) = before.strip_suffix('的') else {
                continue;
            };
            let predicate_len: usize = clause
                .chars()
                .rev()
                .take(8)
                .take_while(|c| crate::text::is_han(*c))
                .map(char::len_utf8)
                .sum();
            let predicate = &clause[clause.len() - predicate_len..];
            // 其中进展顺利的: 其中 opens the clause, it is no part of the predicate.
            let predicate = predicate.strip_prefix("其中").unwrap_or(predicate);
            let head: String = doc.han_after(q, 2).into();
            if predicate.chars().count() < PREDICATE_CHARS || head.chars().count() < 2 {
                continue;
            }
            let para = doc.sentences[q.sentence].paragraph;
            let candidates: Vec<&Quantity> = qs[i.saturating_sub(64)..i]
                .iter()
                .rev()
                .filter(|p| doc.sentences[p.sentence].paragraph + 3 >= para)
                .filter(|p| comparable(p) && unit_class(p.unit) == unit_class(q.unit))
                .take(RELATIVE_REACH)
                .filter(|p| {
                    // N项任务推进较为滞后: the noun, then the predicate.
                    let after = doc.han_after(p, 16);
                    after.starts_with(head.as_str())
                        && predicate_follows(&after[head.len()..], predicate)
                })
                .collect();
            let Some(nearest) = candidates.first() else {
                continue;
            };
            if !candidates.iter().any(|p| agree(p, q)) {
                self.push(doc, nearest, q, "同一事项的数目", out);
            }
        }
    }

    /// “8个村出列、1300人减贫”目标 … 下达8个村出列、1300人减贫计划: a list of
    /// counts stated again, its first item the same, names its next item's
    /// quantity again. Keyed by the first item (value, unit, noun), the
    /// qualifiers, and the next item's unit and noun.
    fn repeated_lists(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        let mut seen: HashMap<u64, usize> = HashMap::with_capacity(qs.len() / 8);
        for k in 1..qs.len() {
            let (r, q) = (&qs[k - 1], &qs[k]);
            if r.sentence != q.sentence || !comparable(r) || !comparable(q) {
                continue;
            }
            // The first item: N个村出列、 right before the second.
            let between = &doc.text[r.span.end..q.span.start];
            let Some(noun) = between.strip_suffix('、') else {
                continue;
            };
            let head = doc.han_after(q, 2);
            if noun.chars().count() < 2
                || !noun.chars().all(crate::text::is_han)
                || head.chars().count() < 2
            {
                continue;
            }
            let Some(value) = r.scaled() else { continue };
            let item = fingerprint(
                noun.chars()
                    .chain(unit_class(r.unit).chars())
                    .chain(['|'])
                    .chain(unit_class(q.unit).chars())
                    .chain(head.chars()),
            );
            let item = (item ^ value.mantissa as u64).wrapping_mul(0x0100_0000_01b3);
            let key = qualifiers_of(doc, r).fold_into(u64::from(value.scale) ^ item);
            match seen.entry(key) {
                std::collections::hash_map::Entry::Occupied(e) => {
                    let p = &qs[*e.get()];
                    if !agree(p, q) {
                        self.push(doc, p, q, "同一事项的数目", out);
                    }
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(k);
                }
            }
        }
    }

    /// “三类对象”监测总数 … 新增识别“一类对象”: one quoted numbered phrase
    /// written with two numerals. Grades (“一级”, “二档”) are series, not
    /// counts; a phrase seen with three numerals or more is a series too
    /// (“一类村”“二类村”“三类村”), and two numerals in one paragraph are
    /// read as one.
    fn quoted_phrases(&self, doc: &Document, quotes: &[usize], out: &mut Vec<Diagnostic>) {
        let text = doc.text;
        // Per phrase (without its numeral): its first occurrence, and whether
        // it was seen with a third numeral.
        let mut seen: HashMap<&str, QuotedPhrase> = HashMap::new();
        for &i in quotes {
            let start = i + '“'.len_utf8();
            let mut chars = text[start..].chars();
            let Some(n) = chars
                .next()
                .filter(|c| crate::quantity::han_digit_value(*c).is_some() || *c == '两')
            else {
                continue;
            };
            let rest_start = start + n.len_utf8();
            let rest = &text[rest_start..];
            let Some(close) = rest
                .char_indices()
                .take(10)
                .find(|(_, c)| *c == '”')
                .map(|(k, _)| k)
            else {
                continue;
            };
            let phrase = &rest[..close];
            let measure = phrase.chars().next();
            if phrase.chars().count() < 3
                || !phrase.chars().all(crate::text::is_han)
                || phrase.chars().any(crate::quantity::is_han_digit)
                || phrase.contains('十')
                || !matches!(
                    measure,
                    Some('个' | '类' | '项' | '大' | '条' | '张' | '种')
                )
            {
                continue;
            }
            // The numeral and its phrase, without the quotes.
            let span = start..rest_start + close;
            let entry = seen.entry(phrase).or_insert(QuotedPhrase {
                first: span.clone(),
                numeral: n,
                other: None,
                series: false,
            });
            if entry.numeral == n {
                continue;
            }
            match &entry.other {
                None => entry.other = Some(span),
                Some(other) if !text[other.clone()].starts_with(n) => entry.series = true,
                Some(_) => {}
            }
        }
        let mut found: Vec<(Range<usize>, Range<usize>)> = seen
            .into_values()
            .filter(|p| !p.series)
            .filter_map(|p| Some((p.first, p.other?)))
            .collect();
        found.sort_by_key(|(_, other)| other.start);
        for (first, other) in found {
            let (pa, pb) = (doc.sentence_at(first.start), doc.sentence_at(other.start));
            let para = |s: Option<usize>| s.map(|s| doc.sentences[s].paragraph);
            if para(pa) == para(pb) {
                continue;
            }
            let line = doc.line_number(first.start);
            out.push(
                self.diagnostic(
                    other.clone(),
                    format!(
                        "同一提法前后不一致：此处为“{}”，前文为“{}”（第{line}行）。请核对后统一。",
                        &text[other.clone()],
                        &text[first.clone()]
                    ),
                )
                .with_related(first.clone(), format!("前文为{}", &text[first.clone()])),
            );
        }
    }
}

/// Most characters of the word a quoted short name counts (“4个坚持”: 坚持).
const SHORT_NAME_WORD_CHARS: usize = 4;
/// How far back (bytes) in its paragraph a short name's items are sought.
const SHORT_NAME_REACH: usize = 600;
/// Most bytes between two items of one list (an item is a clause or two).
const ITEM_GAP: usize = 180;
/// Characters after which an item opens.
const ITEM_OPENERS: &str = "“、，；：,;:（(";

/// A quoted short name “N个W” at `i` (the open quote): its number, the span
/// of the numeral and its words, and the word W.
fn short_name(text: &str, i: usize) -> Option<(u32, Range<usize>, &str)> {
    let start = i + '“'.len_utf8();
    let rest = &text[start..];
    let digits: usize = rest
        .chars()
        .take(3)
        .take_while(|c| c.is_ascii_digit() || crate::quantity::is_han_digit(*c) || *c == '十')
        .map(char::len_utf8)
        .sum();
    let numeral = &rest[..digits];
    let n = if numeral.bytes().all(|b| b.is_ascii_digit()) {
        numeral.parse().ok()?
    } else {
        crate::quantity::parse_han_ordinal(&numeral.replace('两', "二"))?
    };
    let after = &rest[digits..];
    let measure = after.chars().next().filter(|c| "个大项条种".contains(*c))?;
    let words = &after[measure.len_utf8()..];
    let len: usize = words
        .chars()
        .take(SHORT_NAME_WORD_CHARS + 1)
        .take_while(|c| crate::text::is_han(*c) && !crate::quantity::is_han_digit(*c))
        .map(char::len_utf8)
        .sum();
    let word = &words[..len];
    let count = word.chars().count();
    if !(1..=SHORT_NAME_WORD_CHARS).contains(&count) || !words[len..].starts_with('”') {
        return None;
    }
    let end = start + digits + measure.len_utf8() + len;
    Some((n, start..end, word))
}

impl Conflict {
    /// “坚持目标绩效考核不动摇、坚持精细化管理不放松、坚持安全生产不懈怠、坚持
    /// 开拓创新不停止”…铆定“6个坚持”: a quoted short name (“N个W”) counts the
    /// items before it in its paragraph that open with its word; another
    /// number is a conflict. Items listed in part (…等“四个坚持”) and names
    /// without such items (“四个意识”) stay silent.
    fn short_names_counted(&self, doc: &Document, quotes: &[usize], out: &mut Vec<Diagnostic>) {
        let text = doc.text;
        for &i in quotes {
            let Some((n, span, word)) = short_name(text, i) else {
                continue;
            };
            let Some(pi) = doc.paragraph_at(i) else {
                continue;
            };
            let from = crate::text::floor_boundary(
                text,
                i.saturating_sub(SHORT_NAME_REACH)
                    .max(doc.paragraphs[pi].span.start),
            );
            let window = &text[from..i];
            // The last run of items opening with the word: (first, last, count).
            let mut run: Option<(usize, usize, u32)> = None;
            let mut seen = 0;
            for (at, _) in window.match_indices(word) {
                seen += 1;
                let opens = window[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| ITEM_OPENERS.contains(c));
                if !opens {
                    continue;
                }
                run = match run {
                    Some((first, last, c))
                        if at - last <= ITEM_GAP
                            && !window[last..at].contains(['。', '！', '？']) =>
                    {
                        Some((first, at, c + 1))
                    }
                    _ => Some((at, at, 1)),
                };
            }
            let Some((first, last, count)) = run else {
                continue;
            };
            // Listed in part: 等 closes the items before the name.
            let partial = window[last..]
                .match_indices('等')
                .any(|(k, _)| !window[last + k + '等'.len_utf8()..].contains(['，', '。', '；']));
            // The word elsewhere than in the one list: which items the name
            // counts is not sure.
            if count < 2 || count == n || partial || seen != count {
                continue;
            }
            let item = from + first..from + first + word.len();
            let line = doc.line_number(item.start);
            out.push(
                self.diagnostic(
                    span.clone(),
                    format!(
                        "同一提法的数目前后不一致：此处为“{}”，前文列出以“{word}”开头的{count}项（第{line}行）。请核对后统一。",
                        &text[span.clone()]
                    ),
                )
                .with_related(item, format!("前文列出{count}项")),
            );
        }
    }
}

/// A quoted numbered phrase (“三类对象”) as first written, and the first
/// other numeral it is written with.
struct QuotedPhrase {
    first: Range<usize>,
    numeral: char,
    other: Option<Range<usize>>,
    /// Seen with a third numeral: a series of grades, not one phrase.
    series: bool,
}

/// How many paragraphs away from a table the prose may restate its cells.
const TABLE_REACH: usize = 40;
/// Most characters between a row's label and its figure in the prose
/// (粮食产量54300吨; 粮食产量54300吨，增长0.37%).
const LABEL_GAP_LEVEL: usize = 8;
const LABEL_GAP_RATE: usize = 30;

impl Conflict {
    /// 粮食产量54300吨，增长0.37% … a table row 粮食 | 55400 | 0.37: the prose
    /// names a row just before a figure in the unit of exactly one column, and
    /// the cell there holds another value.
    fn table_cells(&self, doc: &Document, frames: &Frames, out: &mut Vec<Diagnostic>) {
        if frames.tables.is_empty() {
            return;
        }
        for q in &doc.quantities {
            if q.approx != Approx::Exact || q.unit.is_empty() || q.roles.per || q.is_points() {
                continue;
            }
            let para = doc.sentences[q.sentence].paragraph;
            let before = sentence_before(doc, q);
            // The tables within reach: in paragraph order, so a slice of them.
            let tables = &frames.tables;
            let from = tables.partition_point(|t| t.paragraphs.end + TABLE_REACH < para);
            let to = tables.partition_point(|t| t.paragraphs.start <= para + TABLE_REACH);
            for t in &tables[from..to.max(from)] {
                if t.paragraphs.contains(&para) {
                    continue;
                }
                let Some((row, gap, end)) = named_row(doc, t, before) else {
                    continue;
                };
                if !names_a_column(doc, t, &before[end..]) || names_another_item(&before[end..]) {
                    continue;
                }
                let limit = if q.is_percent() {
                    LABEL_GAP_RATE
                } else {
                    LABEL_GAP_LEVEL
                };
                if gap > limit {
                    continue;
                }
                let Some(c) = column_for(doc, t, q) else {
                    continue;
                };
                let Some(cell) = &t.rows[row].cells[c] else {
                    continue;
                };
                let column = &t.columns[c];
                // One figure written twice: the finer must round to the
                // coarser (28800 and 2.88万), equal when written alike.
                let multiplier = f64::from(column.multiplier);
                let in_cell = cell.value.to_f64().abs() * multiplier;
                let Some(in_prose) = q.scaled().map(Decimal::to_f64) else {
                    continue;
                };
                let coarser =
                    (cell.value.ulp() * multiplier).max(q.value.ulp() * f64::from(q.multiplier));
                if (in_cell - in_prose).abs() <= coarser / 2.0 * (1.0 + 1e-9) {
                    continue;
                }
                let label = doc.slice(&t.rows[row].label);
                // Reported where the second statement stands, as any
                // restatement is: the table after its prose, or the prose after.
                let diagnostic = if cell.span.start > q.span.start {
                    self.diagnostic(
                        cell.span.clone(),
                        format!(
                            "表格与正文不一致：表中“{label}”一行“{}”为{}，正文为{}（第{}行）。请核对后统一。",
                            doc.slice(&column.header),
                            doc.slice(&cell.span),
                            doc.slice(&q.span),
                            doc.line_number(q.span.start)
                        ),
                    )
                    .with_related(q.span.clone(), format!("正文为{}", doc.slice(&q.span)))
                } else {
                    self.diagnostic(
                        q.span.clone(),
                        format!(
                            "正文与表格不一致：此处为{}，表中“{label}”一行“{}”为{}。请核对后统一。",
                            doc.slice(&q.span),
                            doc.slice(&column.header),
                            doc.slice(&cell.span)
                        ),
                    )
                    .with_related(cell.span.clone(), format!("表中{label}"))
                };
                out.push(diagnostic);
            }
        }
    }
}

/// Least cells of a row a sentence must restate value for value before
/// another of its figures is read as the same row's.
const ROW_ANCHORS: usize = 2;

/// Most figures of a sentence read as restating a row.
const ROW_SENTENCE_FIGURES: usize = 48;
/// Most cells a value may stand in to anchor a row.
const VALUE_CELLS: usize = 8;

/// A value as an index key: thousandths of the base unit (28800 and 2.88万
/// are one key).
fn value_key(x: f64) -> i64 {
    (x * 1000.0).round() as i64
}

impl Conflict {
    /// 合计 | 8151 | 10212 | 6552071 under 户数(户) | 人数(人) | 金额(元) … 全区
    /// 共保障8151户、10212人、6552073元: a sentence near a table that restates
    /// two cells of a row value for value, in the columns' order, restates the
    /// row; its one figure in the unit of another column of the row, in that
    /// column's place and in the run of the row's values, is that cell again
    /// and must agree.
    fn rows_restated(&self, doc: &Document, frames: &Frames, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        if frames.tables.is_empty() {
            return;
        }
        // Figures told already by the row's name before them (粮食产量…).
        let told: std::collections::HashSet<usize> = out.iter().map(|d| d.span.start).collect();
        for t in &frames.tables {
            // Level columns with a unit: (column, unit class, multiplier).
            let cols: Vec<(usize, &str, f64)> = t
                .columns
                .iter()
                .enumerate()
                .skip(1)
                .filter_map(|(c, col)| {
                    let u = doc.slice(&col.unit);
                    let level = !u.is_empty() && !matches!(u, "%" | "％");
                    level.then(|| (c, unit_class(u), f64::from(col.multiplier)))
                })
                .collect();
            if cols.len() <= ROW_ANCHORS {
                continue;
            }
            let cell_value = |r: usize, k: usize| {
                let (c, _, m) = cols[k];
                t.rows[r].cells[c]
                    .as_ref()
                    .map(|cell| cell.value.to_f64() * m)
            };
            // (unit class, value) → (row, index into `cols`).
            let mut index: HashMap<(&str, i64), Vec<(usize, usize)>> = HashMap::new();
            for r in 0..t.rows.len() {
                for (k, &(_, u, _)) in cols.iter().enumerate() {
                    if let Some(v) = cell_value(r, k) {
                        index.entry((u, value_key(v))).or_default().push((r, k));
                    }
                }
            }
            let from = t.paragraphs.start.saturating_sub(TABLE_REACH);
            let to = (t.paragraphs.end + TABLE_REACH).min(doc.paragraphs.len());
            // (row, column, figure) of one sentence's figures found in the table.
            let mut found: Vec<(usize, usize, usize)> = Vec::new();
            for pi in (from..to).filter(|p| !t.paragraphs.contains(p)) {
                for si in doc.paragraphs[pi].sentences.clone() {
                    let figures = doc.sentence_quantities[si].clone();
                    // A row is restated in a sentence of a few figures.
                    if figures.len() > ROW_SENTENCE_FIGURES {
                        continue;
                    }
                    found.clear();
                    for i in figures.clone() {
                        let q = &qs[i];
                        let Some(v) = q.scaled().filter(|_| comparable(q)) else {
                            continue;
                        };
                        // A value in many cells anchors no one row.
                        let cells = index.get(&(unit_class(q.unit), value_key(v.to_f64())));
                        if let Some(cells) = cells.filter(|c| c.len() <= VALUE_CELLS) {
                            found.extend(cells.iter().map(|&(r, k)| (r, k, i)));
                        }
                    }
                    found.sort_unstable();
                    // The row restated: one only (rows written alike leave it unsure).
                    let mut rows = found
                        .chunk_by(|a, b| a.0 == b.0)
                        .filter(|row| row.len() >= ROW_ANCHORS);
                    if let (Some(row), None) = (rows.next(), rows.next()) {
                        self.row_in_sentence(doc, (t, &cols), row, figures.clone(), &told, out);
                    }
                }
            }
        }
    }

    /// One row's cells found in a sentence (`row`: (row, column, figure),
    /// sorted): with enough anchors in the columns' order, the figure in an
    /// unmatched column's unit and place is compared with its cell.
    fn row_in_sentence(
        &self,
        doc: &Document,
        (t, cols): (&crate::frames::table::Table, &[(usize, &str, f64)]),
        row: &[(usize, usize, usize)],
        figures: Range<usize>,
        told: &std::collections::HashSet<usize>,
        out: &mut Vec<Diagnostic>,
    ) {
        let qs = &doc.quantities;
        // One figure per column, and a column's figure before the next's.
        let mut anchors: Vec<(usize, usize)> = row.iter().map(|&(_, k, i)| (k, i)).collect();
        anchors.dedup_by_key(|a| a.0);
        if anchors.len() < ROW_ANCHORS
            || anchors.len() != row.len()
            || anchors.windows(2).any(|w| w[0].1 >= w[1].1)
        {
            return;
        }
        let r = row[0].0;
        for (k, &(c, u, m)) in cols.iter().enumerate() {
            let Some(cell) = &t.rows[r].cells[c] else {
                continue;
            };
            if anchors.iter().any(|a| a.0 == k) {
                continue;
            }
            // Its place: after the anchor of the column before, before the next's.
            let after = anchors
                .iter()
                .rev()
                .find(|a| a.0 < k)
                .map_or(figures.start, |a| a.1 + 1);
            let before = anchors
                .iter()
                .find(|a| a.0 > k)
                .map_or(figures.end, |a| a.1);
            let mut candidates =
                (after..before).filter(|&i| comparable(&qs[i]) && unit_class(qs[i].unit) == u);
            let (Some(i), None) = (candidates.next(), candidates.next()) else {
                continue;
            };
            // In the run of the row's values (8151户、10212人、6552073元): a
            // figure further off may be another quantity of the same unit.
            let joined = |a: usize, b: usize| {
                let between = doc.text.get(qs[a].span.end..qs[b].span.start);
                matches!(between, Some("" | "、" | "，" | "," | "和" | "及"))
            };
            let in_run = anchors
                .iter()
                .any(|a| a.1 + 1 == i && joined(a.1, i) || i + 1 == a.1 && joined(i, a.1));
            if !in_run {
                continue;
            }
            let q = &qs[i];
            let Some(in_prose) = q.scaled().map(Decimal::to_f64) else {
                continue;
            };
            let in_cell = cell.value.to_f64() * m;
            let coarser = (cell.value.ulp() * m).max(q.value.ulp() * f64::from(q.multiplier));
            if (in_cell - in_prose).abs() <= coarser / 2.0 * (1.0 + 1e-9)
                || told.contains(&q.span.start)
            {
                continue;
            }
            let label = doc.slice(&t.rows[r].label);
            out.push(
                self.diagnostic(
                    q.span.clone(),
                    format!(
                        "正文与表格不一致：此处为{}，表中“{label}”一行“{}”为{}（同句其他数据与该行一致）。请核对后统一。",
                        doc.slice(&q.span),
                        doc.slice(&t.columns[c].header),
                        doc.slice(&cell.span)
                    ),
                )
                .with_related(cell.span.clone(), format!("表中{label}")),
            );
        }
    }
}

/// The table row the prose names last before a figure, and how many
/// characters lie between the name and the figure, and where the name ends.
fn named_row(
    doc: &Document,
    t: &crate::frames::table::Table,
    before: &str,
) -> Option<(usize, usize, usize)> {
    t.rows
        .iter()
        .enumerate()
        .filter_map(|(k, r)| {
            let label = doc.slice(&r.label);
            if label.chars().count() < 2 {
                return None;
            }
            // 占年末常住人口的比重: the whole of a share; 人均地区生产总值,
            // 万元地区生产总值能耗: another indicator built on the row's name.
            before
                .rmatch_indices(label)
                .find(|(at, _)| {
                    !["占", "人均", "万元", "单位", "每"]
                        .iter()
                        .any(|w| before[..*at].ends_with(w))
                        && !narrowed(&before[..*at])
                })
                .map(|(at, _)| (k, at + label.len()))
        })
        .max_by_key(|&(k, end)| (end, doc.slice(&t.rows[k].label).len()))
        .filter(|&(_, end)| !before[end..].contains(['。', '；', ';']))
        .map(|(k, end)| (k, before[end..].chars().count(), end))
}

/// Words that may stand before a row's name in its clause without naming
/// another thing: the scope, the period, a verb of doing.
const BEFORE_A_ROW: &[&str] = &[
    "全年",
    "全县",
    "全市",
    "全区",
    "全省",
    "全镇",
    "全乡",
    "全国",
    "我县",
    "我市",
    "我区",
    "年末",
    "年底",
    "今年",
    "当年",
    "本年",
    "上半年",
    "一季度",
    "前三季度",
    "其中",
    "主要",
    "实现",
    "完成",
    "累计",
    "共",
];

/// Is the name that ends `before` narrowed by a word of its clause (养殖水产品
/// is a kind of the row 水产品, not the row)?
fn narrowed(before: &str) -> bool {
    let clause_start = before
        .rfind(|c: char| {
            crate::text::is_clause_sep(c) || !crate::text::is_han(c) && !c.is_ascii_digit()
        })
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let mut rest = &before[clause_start..];
    while let Some(w) = BEFORE_A_ROW.iter().find(|w| rest.starts_with(*w)) {
        rest = &rest[w.len()..];
    }
    // Figures and dates before (2021年, 5月份) name no thing either.
    rest.chars()
        .any(|c| crate::text::is_han(c) && !"年月份日".contains(c))
}

/// Names of a row's own level that a table's column leaves unwritten
/// (粮食产量 / 粮食总产 for the row 粮食 under 绝对数(吨)).
const LEVEL_NAMES: &[&str] = &["产量", "总产量", "总产", "总量", "总额", "总数"];

/// Do the words after a row's name, up to the first figure, name the
/// quantity of a column? None (粮食54300吨), a level's own name (粮食产量), or
/// words of a column's header (总产量(万吨)); not another indicator built on the
/// row's name (粮食播种面积, 粮食平均亩产), whose rate is not the row's.
fn names_a_column(doc: &Document, t: &crate::frames::table::Table, after_label: &str) -> bool {
    let upto = after_label
        .find(|c: char| crate::text::is_digit(c))
        .unwrap_or(after_label.len());
    let mut words = &after_label[..upto];
    for verb in ["达到", "达", "为", "是", "共", "实现", "完成"] {
        if let Some(w) = words.strip_suffix(verb) {
            words = w;
            break;
        }
    }
    // 衣着类上涨2.8% against the row 衣着: the category's mark and the
    // words of its change name no other quantity.
    words = strip_ends(words, CHANGE_WORDS);
    words = words.strip_prefix('类').unwrap_or(words);
    let han: Vec<char> = words.chars().filter(|c| crate::text::is_han(*c)).collect();
    if han.is_empty()
        || LEVEL_NAMES
            .iter()
            .any(|w| w.chars().eq(han.iter().copied()))
    {
        return true;
    }
    // 第二产业增加值 against the row 第二产业 of a table captioned 地区生产总值:
    // an industry's level in a table of the economy's output is its value added.
    if "增加值".chars().eq(han.iter().copied()) && caption_names(doc, t, &["生产总值", "增加值"])
    {
        return true;
    }
    t.columns.iter().skip(1).any(|c| {
        let header = doc.slice(&c.header);
        han.windows(2).any(|w| {
            let mut pair = [0u8; 8];
            let a = w[0].encode_utf8(&mut pair).len();
            let b = w[1].encode_utf8(&mut pair[a..]).len();
            std::str::from_utf8(&pair[..a + b]).is_ok_and(|p| header.contains(p))
        })
    })
}

/// Does the figure's own clause, after the row's name and a clause break,
/// name something else (交通和通信类上涨4.6%，教育文化和娱乐类上涨1.5%: the
/// 1.5% is not 交通和通信's)? Its rate after its level (粮食产量54300吨，
/// 增长0.37%) names nothing new.
fn names_another_item(after_label: &str) -> bool {
    let Some(cut) = after_label.rfind(['，', ',', '；', ';', '、']) else {
        return false;
    };
    let clause = &after_label[cut..];
    let clause = clause.trim_start_matches(['，', ',', '；', ';', '、']);
    let clause = strip_ends(clause, CHANGE_WORDS);
    let clause = clause.strip_suffix('类').unwrap_or(clause);
    clause.chars().any(crate::text::is_han)
}

/// Words of a change between a row's name and its rate (比上年上涨).
const CHANGE_WORDS: &[&str] = &["上涨", "下降", "增长", "下跌", "回落", "比上年", "同比"];

/// Lines read above a table's header for its caption.
const CAPTION_LINES: usize = 3;

/// Does the caption of table `t` (the lines just above its header) name one of `words`?
fn caption_names(doc: &Document, t: &crate::frames::table::Table, words: &[&str]) -> bool {
    let header = t
        .columns
        .first()
        .and_then(|c| doc.paragraph_at(c.header.start))
        .unwrap_or(t.paragraphs.start);
    // Up to the prose above: a caption is a line with no sentence in it.
    (header.saturating_sub(CAPTION_LINES)..header)
        .rev()
        .map(|k| doc.slice(&doc.paragraphs[k].span))
        .take_while(|line| !line.contains(['。', '；']))
        .any(|line| words.iter().any(|w| line.contains(w)))
}

/// The one column whose unit is the figure's (a rate: the one of its kind,
/// growth or share, by the header's words).
fn column_for(doc: &Document, t: &crate::frames::table::Table, q: &Quantity) -> Option<usize> {
    const GROWTH: &[&str] = &[
        "增长",
        "增速",
        "比上年",
        "同比",
        "增减",
        "下降",
        "涨跌",
        "涨幅",
    ];
    const SHARE: &[&str] = &["比重", "占", "构成"];
    let mut found = None;
    for (c, col) in t.columns.iter().enumerate().skip(1) {
        let unit = doc.slice(&col.unit);
        let fits = if q.is_percent() {
            let header = doc.slice(&col.header);
            let growth = GROWTH.iter().any(|w| header.contains(w));
            let share = SHARE.iter().any(|w| header.contains(w));
            matches!(unit, "%" | "％")
                && growth == q.roles.change
                && share == (q.roles.share && !q.roles.change)
        } else {
            !unit.is_empty() && !q.roles.change && !q.roles.share && same_kind(unit, q.unit)
        };
        if fits {
            if found.is_some() {
                return None;
            }
            found = Some(c);
        }
    }
    found
}

/// Do the subjects of two figures share a two-character word (脱贫 in
/// 2018年脱贫 and 今年实现脱贫)? Groups of the same size by chance (瓦额村81户、
/// 299人 / 建卡贫困户77户、299人) share none.
fn share_a_word(doc: &Document, a: &Quantity, b: &Quantity) -> bool {
    let pairs = |q: &Quantity| {
        let han: Vec<char> = crate::text::tail(doc.slice(&q.subject), 48)
            .chars()
            .filter(|c| crate::text::is_han(*c))
            .collect();
        let mut pairs = Vec::new();
        crate::quantity::key_pairs(&han, &mut pairs);
        pairs
    };
    crate::quantity::PairOverlap::of(&pairs(a), &pairs(b)).shared > 0
}

/// Two clauses that write out two different years (2019年脱贫… / 2020年
/// 脱贫…) are about two groups, however alike their figures.
fn years_apart(doc: &Document, a: &Quantity, b: &Quantity) -> bool {
    let of = |q: &Quantity| Qualifiers::of(doc.slice(&q.subject));
    of(a).dated_apart(of(b))
}

/// A person count of four or more digits, not a round one (67658人): two
/// groups of households are not this size by chance.
fn distinctive_persons(p: &Quantity) -> bool {
    p.value.scale == 0
        && p.multiplier == 1
        && p.value.mantissa >= 1000
        && p.value.mantissa % 10 != 0
}

/// Two figures at the same place from the end of two sentences whose
/// figures end alike (the same units in the same order) are the same field of
/// parallel items — 在建项目…年度计划投资327.53亿元…；新开工项目…年度计划投资
/// 194.54亿元… — not one quantity. (Aligned from the end: the first item often
/// shares its sentence with the totals.)
/// Are two figures named as siblings, not as one quantity: names of one
/// length that differ in one character (各项存款余额 / 各项贷款余额, a类 / b类),
/// or in a half of a split (城镇… / 乡村…, 限额以上… / …)?
fn siblings(doc: &Document, p: &Quantity, q: &Quantity) -> bool {
    let name = |x: &Quantity| -> Vec<char> {
        crate::text::tail(doc.slice(&x.subject), SIBLING_NAME)
            .chars()
            .filter(|c| crate::text::is_han(*c) || c.is_ascii_alphabetic())
            .collect()
    };
    let (a, b) = (name(p), name(q));
    let one_apart = |a: &[char], b: &[char]| {
        a.len() == b.len() && a.len() >= 2 && a.iter().zip(b).filter(|(x, y)| x != y).count() == 1
    };
    // Compare the ends of the names: the words right before each figure.
    let n = a.len().min(b.len());
    one_apart(&a[a.len() - n..], &b[b.len() - n..])
        || crate::frames::breakdown::split_words_differ(
            crate::text::tail(doc.slice(&p.subject), SIBLING_NAME),
            crate::text::tail(doc.slice(&q.subject), SIBLING_NAME),
        )
}

/// How much of a subject's end (bytes) names a figure for [`siblings`].
const SIBLING_NAME: usize = 24;

fn parallel(doc: &Document, pi: usize, qi: usize) -> bool {
    /// Items are a few figures long: compare that many from the end.
    const ITEM_FIGURES: usize = 12;
    let qs = &doc.quantities;
    let (rp, rq) = (
        doc.sentence_quantities[qs[pi].sentence].clone(),
        doc.sentence_quantities[qs[qi].sentence].clone(),
    );
    let n = rp.len().min(rq.len()).min(ITEM_FIGURES);
    let (from_end_p, from_end_q) = (rp.end - 1 - pi, rq.end - 1 - qi);
    n >= 2
        && from_end_p == from_end_q
        && from_end_q < n
        && rp
            .rev()
            .zip(rq.rev())
            .take(n)
            .all(|(a, b)| same_kind(qs[a].unit, qs[b].unit))
}

/// The qualifiers of the sentence up to a figure (全年新登记…1114户、个体工商户6151户:
/// 新登记 qualifies both figures of its clause list).
fn qualifiers_of(doc: &Document, q: &Quantity) -> Qualifiers {
    Qualifiers::within(
        without_attribution(sentence_before(doc, q)),
        own_period(doc),
    )
}

/// The words before a figure without the clauses saying who speaks and
/// when they spoke (中新网7月25日电 发言人25日表示，): their dates are no period.
fn without_attribution(before: &str) -> &str {
    past_opening_clauses(before, says_who)
}

/// `before` past the clauses opening it that `aside` sets aside, at most
/// [`OPENING_CLAUSES`] of them.
fn past_opening_clauses(mut before: &str, aside: impl Fn(&str) -> bool) -> &str {
    for _ in 0..OPENING_CLAUSES {
        let Some(comma) = before.find(['，', ',']) else {
            break;
        };
        if !aside(&before[..comma]) {
            break;
        }
        before = &before[comma + before[comma..].chars().next().map_or(1, char::len_utf8)..];
    }
    before
}

/// Does a clause say who speaks (发言人尹成基表示)?
fn says_who(clause: &str) -> bool {
    ATTRIBUTIONS.iter().any(|w| clause.ends_with(w))
}

/// The report's period as qualifiers read it: (year, first month, last month).
fn own_period(doc: &Document) -> Option<(u32, u32, u32)> {
    // Year 0: the body names the part of the year only (上半年，…).
    doc.outline
        .reporting_period()
        .map(|p| (p.year, p.start_month, p.end_month))
}

/// How far (bytes) back in its sentence a figure's indicator and qualifiers
/// are read: a sentence is a few dozen characters, and a bound keeps a 10 MB
/// one-sentence paste linear.
const SENTENCE_REACH: usize = 240;

/// The sentence before a figure, at most [`SENTENCE_REACH`] bytes of it.
fn sentence_before<'a>(doc: &Document<'a>, q: &Quantity) -> &'a str {
    let start = doc.sentences[q.sentence].span.start;
    let from = crate::text::floor_boundary(
        doc.text,
        q.span.start.saturating_sub(SENTENCE_REACH).max(start),
    );
    &doc.text[from..q.span.start]
}

/// The words before a figure that name its indicator: Han text without the
/// other figures and dates in it (2020年, 6项), and without a verb of
/// reaching at its end (达到, 为).
fn indicator_words(before: &str, out: &mut String) {
    static FRAME: std::sync::OnceLock<crate::text::Lexicon<'static>> = std::sync::OnceLock::new();
    let frame = FRAME.get_or_init(|| crate::text::Lexicon::new(FRAME_WORDS));
    out.clear();
    let mut after_digit = false;
    // Digits glued to a Latin name are part of it: PM2.5 and PM10 differ.
    let mut in_name = false;
    // The end of a frame word being skipped.
    let mut skip_to = 0;
    for (i, c) in before.char_indices() {
        if i < skip_to {
            continue;
        }
        if frame.may_start(c) {
            if let Some(w) = frame.longest_prefix(&before[i..]) {
                skip_to = i + w.len();
                after_digit = false;
                continue;
            }
        }
        if c.is_ascii_alphabetic() {
            in_name = true;
        } else if in_name && (c.is_ascii_digit() || c == '.') {
            out.push(c);
            continue;
        } else {
            in_name = false;
        }
        if crate::text::is_digit(c) || c == '.' && after_digit {
            after_digit = true;
            continue;
        }
        if after_digit && matches!(c, '年' | '月' | '日') {
            after_digit = false;
            continue;
        }
        after_digit = false;
        out.push(c);
    }
    for w in ["达到", "达", "为", "是", "有"] {
        if out.ends_with(w) {
            out.truncate(out.len() - w.len());
            break;
        }
    }
}

/// Words naming the whole of the reporting body (全县, 我镇): the default
/// scope, written or not.
const WHOLE_SCOPES: &[&str] = &[
    "全市",
    "全县",
    "全区",
    "全镇",
    "全乡",
    "全旗",
    "全州",
    "全街道",
    "全系统",
    "我市",
    "我县",
    "我区",
    "我镇",
    "我乡",
    "本市",
    "本县",
    "本区",
];

/// Drops the whole-body scope words from an indicator's name.
fn without_whole_scopes(name: &mut String) {
    // Every scope word opens with one of these: most names hold none.
    if !name.contains(['全', '我', '本']) {
        return;
    }
    for w in WHOLE_SCOPES {
        if name.contains(w) {
            *name = name.replace(w, "");
        }
    }
}

/// Verbs that end a clause saying who speaks (发言人表示，…).
const ATTRIBUTIONS: &[&str] = &["表示", "指出", "介绍", "获悉", "透露", "显示", "称"];

/// Characters a clause naming only a time is written with (1—6月份,
/// 今年以来, 截至目前, 上半年, 2021年末).
const TIME_CHARS: &str =
    "0123456789０１２３４５６７８９-—－~～至到年月日份底末初以来今截止目前上下半季度一二三四前全第";

/// How many opening clauses may be set aside.
const OPENING_CLAUSES: usize = 3;

/// The words before a figure without the clauses opening its sentence that
/// name no indicator: a short opening word (综上，), who speaks (发言人尹成基
/// 表示，) and when (1—6月，今年以来，) — the period is read from the whole
/// sentence all the same. 人社部发言人表示，上半年全国城镇新增就业 and
/// 1—6月，全国城镇新增就业 name one indicator.
fn without_opening_clauses(before: &str) -> &str {
    past_opening_clauses(before, |clause| {
        opening_word(clause)
            || says_who(clause)
            || (!clause.is_empty() && clause.chars().all(|c| TIME_CHARS.contains(c)))
    })
}

/// A paragraph's label that repeats the words of its figure's name (——主要
/// 支出情况。…一般公共预算支出) names a topic, not a population.
fn names_a_topic(label: &str, subject: &str) -> bool {
    let topic = label.trim_end_matches("情况").trim_end_matches("概况");
    let topic = topic.strip_prefix("主要").unwrap_or(topic);
    !topic.is_empty() && subject.contains(topic)
}

/// Most characters of a word that opens a sentence as a clause of its own
/// (综上， / 总之， / 同时，).
const OPENING_WORD_CHARS: usize = 4;

/// Is a clause an opening word set off by a comma (综上，全年城镇新增就业
/// names what 全年城镇新增就业 names)? The period such a word may state,
/// 上半年，, is read from the whole sentence.
fn opening_word(clause: &str) -> bool {
    clause.chars().count() <= OPENING_WORD_CHARS && clause.chars().all(crate::text::is_han)
}

/// Words of a sentence that do not tell indicators apart, left out of its
/// name: a verb of doing (第一产业实现增加值 / 第一产业增加值) and the period,
/// which the qualifiers hold (前三季度全区第一产业增加值 / 第一产业增加值 in a
/// 前三季度 frame).
const FRAME_WORDS: &[&str] = &[
    "实现",
    "完成",
    "前三季度",
    "前两季度",
    "一季度",
    "二季度",
    "三季度",
    "四季度",
    "上半年",
    "下半年",
];

/// The qualifiers of a figure with those of the frame it stands in: a
/// sentence opened by 其中 breaks down the sentence before it (前三季度，全区
/// 实现地区生产总值…。其中，第一产业实现增加值…) and shares its period.
fn qualifiers_in_frame(doc: &Document, q: &Quantity) -> Qualifiers {
    let own = qualifiers_of(doc, q);
    let s = &doc.sentences[q.sentence];
    let opens_with_qizhong = doc.text[s.span.clone()].trim_start().starts_with("其中");
    let previous = q.sentence.checked_sub(1).map(|k| &doc.sentences[k]);
    match previous {
        Some(p) if opens_with_qizhong && p.paragraph == s.paragraph => {
            // Its period is written at its start.
            let to = crate::text::floor_boundary(
                doc.text,
                (p.span.start + SENTENCE_REACH).min(p.span.end),
            );
            own.union(Qualifiers::within(
                &doc.text[p.span.start..to],
                own_period(doc),
            ))
        }
        _ => own,
    }
}

/// A superlative before a figure (投资额最大的项目，计划总投资23.3亿元)
/// singles out one member of a group: its figure is the member's, not the
/// group's restated.
fn singles_out_one(before: &str) -> bool {
    before.match_indices('最').any(|(i, _)| {
        before[i + '最'.len_utf8()..].starts_with(['大', '多', '高', '长', '快', '低', '小', '少'])
    })
}

/// The figure a 其中 before `q` in its sentence breaks down: the last figure
/// written before that 其中.
fn whole_before_qizhong(doc: &Document, q: &Quantity) -> Option<usize> {
    let before = sentence_before(doc, q);
    let at = q.span.start - before.len() + before.rfind("其中")?;
    let k = doc.quantities.partition_point(|x| x.span.end <= at);
    let whole = k.checked_sub(1)?;
    (doc.sentences[doc.quantities[whole].sentence].paragraph == doc.sentences[q.sentence].paragraph)
        .then_some(whole)
}

/// 城镇居民人均消费性支出11196元，其中食品消费支出4352元 … 农村居民人均生活
/// 消费性支出6300元；其中食品消费支出2463元: parts after 其中 of two wholes
/// that are not one figure restated are two populations' figures.
fn parts_of_two_wholes(doc: &Document, p: &Quantity, q: &Quantity) -> bool {
    match (whole_before_qizhong(doc, p), whole_before_qizhong(doc, q)) {
        (Some(a), Some(b)) => a != b && !agree(&doc.quantities[a], &doc.quantities[b]),
        _ => false,
    }
}

/// The index of `unit`'s bucket among the `live` ones of this paragraph,
/// made live (reusing a spent one's memory) when the unit is new.
fn bucket_of<'u>(buckets: &mut Vec<(&'u str, Bucket)>, live: &mut usize, unit: &'u str) -> usize {
    match buckets[..*live]
        .iter()
        .position(|(u, _)| crate::text::same(u, unit))
    {
        Some(b) => b,
        None => {
            if *live == buckets.len() {
                buckets.push((unit, Vec::new()));
            } else {
                buckets[*live].0 = unit;
                buckets[*live].1.clear();
            }
            *live += 1;
            *live - 1
        }
    }
}

impl Conflict {
    /// Same paragraph, same unit, same subject, two values.
    fn same_subject_in_paragraph(
        &self,
        doc: &Document,
        frames: &Frames,
        out: &mut Vec<Diagnostic>,
    ) {
        let qs = &doc.quantities;
        // 1. Same paragraph, same unit, same subject. Figures come in document
        // order, so one paragraph's figures are consecutive: the state below
        // holds the current paragraph only, and no figure allocates on its own.
        let mut para = usize::MAX;
        // Bigram sets of this paragraph's figures, end to end.
        let mut bigrams: Vec<(char, char)> = Vec::new();
        // Per unit: (figure index, its bigrams in `bigrams`). The first
        // `live` belong to this paragraph; the rest are kept for their memory.
        let mut buckets: Vec<(&str, Bucket)> = Vec::new();
        let mut live = 0;
        let mut key = Vec::new();
        for (i, q) in qs.iter().enumerate() {
            if !q.is_level() || q.approx == Approx::About {
                continue;
            }
            if doc.sentences[q.sentence].paragraph != para {
                para = doc.sentences[q.sentence].paragraph;
                bigrams.clear();
                live = 0;
            }
            let unit = if same_kind(q.unit, "人") {
                "人"
            } else {
                q.unit
            };
            let subject = doc.slice(&q.subject);
            let b = bucket_of(&mut buckets, &mut live, unit);
            let bucket = &mut buckets[b].1;
            // Subject keys are built only when a comparison needs them: most
            // figures never meet one of their unit in another sentence nearby.
            let mut own: Option<Range<usize>> = None;
            let mut own_qualifiers: Option<Qualifiers> = None;
            for idx in (bucket.len().saturating_sub(WINDOW)..bucket.len()).rev() {
                let p = &qs[bucket[idx].0];
                if p.sentence == q.sentence || parallel(doc, bucket[idx].0, i) {
                    continue;
                }
                let own = own
                    .get_or_insert_with(|| subject_bigrams(subject, &mut key, &mut bigrams))
                    .clone();
                let other = bucket[idx]
                    .1
                    .get_or_insert_with(|| {
                        subject_bigrams(doc.slice(&p.subject), &mut key, &mut bigrams)
                    })
                    .clone();
                if !same_subject(&bigrams[own], &bigrams[other]) || siblings(doc, p, q) {
                    continue;
                }
                // Equal values need no reading of why they might differ.
                if agree(p, q) {
                    continue;
                }
                let mine = *own_qualifiers.get_or_insert_with(|| qualifiers_of(doc, q));
                if qualifiers_of(doc, p) != mine
                    || frames.related(bucket[idx].0, i)
                    || frames.parts_of_two_totals(bucket[idx].0, i)
                    || parts_of_two_wholes(doc, p, q)
                    || singles_out_one(sentence_before(doc, p))
                    || singles_out_one(sentence_before(doc, q))
                {
                    continue;
                }
                if !agree(p, q) {
                    self.push(doc, p, q, "同一数据", out);
                    break;
                }
            }
            bucket.push((i, own));
        }
    }

    /// The same household count with another person count (“N户M人” pairs).
    fn household_pairs(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        let mut households: HashMap<(i64, u32), usize> = HashMap::with_capacity(qs.len() / 8);
        let mut people: HashMap<(i64, u32), usize> = HashMap::with_capacity(qs.len() / 8);
        for k in 1..qs.len() {
            let (h, p) = (&qs[k - 1], &qs[k]);
            let adjacent = p.span.start >= h.span.end
                && p.span.start - h.span.end <= 3
                && doc.sentences[h.sentence].paragraph == doc.sentences[p.sentence].paragraph;
            if h.unit != "户"
                || !same_kind(p.unit, "人")
                || !adjacent
                || h.approx == Approx::About
                || p.approx == Approx::About
            {
                continue;
            }
            if h.value.mantissa < 10 || h.roles.change || p.roles.change {
                continue;
            }
            let key = (h.value.mantissa, h.value.scale);
            match households.get(&key) {
                Some(&earlier) => {
                    let e = &qs[earlier];
                    if e.scaled() != p.scaled() && !years_apart(doc, &qs[earlier - 1], h) {
                        self.push(doc, e, p, &format!("同为{}的人数", doc.slice(&h.span)), out);
                    }
                }
                None => {
                    households.insert(key, k);
                }
            }
            // And the other way: 脱贫393户1924人 … 脱贫395户1924人. A person
            // count of three or more digits, not a round one, names its group.
            let persons = (p.value.mantissa, p.value.scale);
            if p.value.scale == 0 && p.value.mantissa >= 100 && p.value.mantissa % 10 != 0 {
                match people.get(&persons) {
                    Some(&earlier) => {
                        let e = &qs[earlier - 1];
                        if e.scaled() != h.scaled()
                            && !years_apart(doc, e, h)
                            && (share_a_word(doc, e, h) || distinctive_persons(p))
                        {
                            self.push(doc, e, h, &format!("同为{}的户数", doc.slice(&p.span)), out);
                        }
                    }
                    None => {
                        people.insert(persons, k);
                    }
                }
            }
        }
    }
}

/// Most figures of a title or heading read as its headline figures.
const HEADLINE_FIGURES: usize = 4;
/// Shortest name (content characters) a headline figure needs to be sought in
/// the body.
const HEADLINE_NAME_CHARS: usize = 3;

/// The figures of paragraphs `from..to`, as an index range of `doc.quantities`.
fn figures_of_paragraphs(doc: &Document, from: usize, to: usize) -> Range<usize> {
    let at = |pi: usize| {
        doc.quantities
            .partition_point(|q| doc.sentences[q.sentence].paragraph < pi)
    };
    at(from)..at(to).max(at(from))
}

/// The words of a figure's clause before it (from `from` on: a heading's
/// words after its marker) that name it, without fillers, frame words and the
/// verb of reaching (山东今年夏粮总产 → 山东夏粮总产).
fn clause_name(doc: &Document, q: &Quantity, from: usize, words: &mut String, key: &mut Vec<char>) {
    indicator_words(&doc.text[clause_start(doc, q, from)..q.span.start], words);
    subject_key(words, key);
}

impl Conflict {
    /// 山东今年夏粮总产2347.3万吨 (the title) … 单产每亩411.67公斤；总产
    /// 2347.31万吨: a figure of the title or a heading restated in the text it
    /// heads, by the last words of its name in a sentence that names the rest
    /// (山东, 夏粮). Only the first restatement is read; each heading's figures
    /// are sought in its own section.
    fn headlines_restated(&self, doc: &Document, forward: &Forward, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        let outline = &doc.outline;
        let end_of_section = |pi: usize| {
            let next = outline.headings.partition_point(|h| h.paragraph <= pi);
            outline
                .headings
                .get(next)
                .map_or(doc.paragraphs.len(), |h| h.paragraph)
        };
        // (paragraph, its words (not the text run on after them), the end of
        // what it heads).
        let title = outline.title_paragraph.zip(outline.title.as_ref());
        let heads = title
            .map(|(t, span)| (t, span.clone(), Some(doc.paragraphs.len())))
            .into_iter()
            .chain(
                outline
                    .headings
                    .iter()
                    .map(|h| (h.paragraph, h.title.clone(), None)),
            );
        let (mut name, mut other) = (Vec::new(), Vec::new());
        let mut words_buf = String::new();
        // The first figure at or after the heading last read: headings come
        // in document order, so one walk over the figures finds them all.
        let mut cursor = 0;
        for (pi, words, end) in heads {
            let is_title = end.is_some();
            if end.is_none() && cursor >= qs.len() {
                // No figure after the headings read so far.
                break;
            }
            let first = if end.is_some() {
                qs.partition_point(|q| q.span.start < words.start)
            } else {
                while cursor < qs.len() && qs[cursor].span.start < words.start {
                    cursor += 1;
                }
                cursor
            };
            // Most headings state no figure in their words: nothing to look up.
            if qs.get(first).is_none_or(|q| q.span.end > words.end) {
                continue;
            }
            let end = end.unwrap_or_else(|| end_of_section(pi));
            let from = words.start;
            let body = figures_of_paragraphs(doc, pi + 1, end);
            for q in qs[first..]
                .iter()
                .take_while(|q| q.span.end <= words.end)
                .take(HEADLINE_FIGURES)
            {
                if !comparable(q) {
                    continue;
                }
                clause_name(doc, q, from, &mut words_buf, &mut name);
                // A two-character name (造林, 投资) is sought under its own
                // heading only, and written in full there.
                let short = name.len() < HEADLINE_NAME_CHARS;
                if name.len() < 2 || short && is_title {
                    continue;
                }
                let clause = clause_start(doc, q, from)..q.span.start;
                let qualifiers = Qualifiers::of(doc.slice(&clause));
                // The title's figures are this period's: the plans for the
                // next (二、2024年工作打算) restate none of them.
                let mut cursor = 0;
                let restated = qs[body.clone()].iter().find(|p| {
                    if !comparable(p) || unit_class(p.unit) != unit_class(q.unit) {
                        return false;
                    }
                    let pi = doc.sentences[p.sentence].paragraph;
                    if is_title
                        && in_sections(
                            forward.get_or_init(|| forward_sections(doc)),
                            &mut cursor,
                            pi,
                        )
                    {
                        return false;
                    }
                    clause_name(doc, p, 0, &mut words_buf, &mut other);
                    if other.len() < 2 || !name.ends_with(&other) || short && other != name {
                        return false;
                    }
                    let clause = clause_start(doc, p, 0)..p.span.start;
                    // The rest of the name stands earlier in the paragraph
                    // (今年山东夏粮种植面积…；单产…；总产).
                    let para = doc.paragraphs[doc.sentences[p.sentence].paragraph]
                        .span
                        .start;
                    let from = crate::text::floor_boundary(
                        doc.text,
                        p.span.start.saturating_sub(2 * SENTENCE_REACH).max(para),
                    );
                    let before = &doc.text[from..p.span.start];
                    Qualifiers::of(doc.slice(&clause)).agree_but_dates(qualifiers)
                        && name[..name.len() - other.len()]
                            .iter()
                            .all(|c| before.contains(*c))
                });
                if let Some(p) = restated {
                    if !agree(q, p) {
                        self.push(doc, q, p, "标题与正文数据", out);
                    }
                }
            }
        }
    }
}

impl Rule for Conflict {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        let frames = ctx.frames(doc);
        self.same_subject_in_paragraph(doc, frames, out);
        self.restatements(doc, out);
        // Sections of plans for next year, read once for three readings, and
        // only when a figure asks.
        let forward = Forward::new();
        self.same_indicator(doc, frames, &forward, out);
        self.same_counted_thing(doc, frames, out);
        self.table_cells(doc, frames, out);
        self.rows_restated(doc, frames, out);
        self.household_pairs(doc, out);
        self.relative_restatements(doc, out);
        self.repeated_lists(doc, out);
        // The open quotes, found once for the two readings of quoted phrases.
        let quotes: Vec<usize> = doc.text.match_indices('“').map(|(i, _)| i).collect();
        self.quoted_phrases(doc, &quotes, out);
        super::tally_phrase::sides_restated(self, doc, &quotes, out);
        self.groups_taken_up(doc, out);
        super::class_restated::classes_restated(self, doc, frames, out);
        self.headlines_restated(doc, &forward, out);
        self.totals_restated(doc, out);
        self.targets_restated(doc, &forward, out);
        self.short_names_counted(doc, &quotes, out);
    }
}
