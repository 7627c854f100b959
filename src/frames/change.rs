//! Changes against a base period. A change frame holds the figures a rate of
//! change can be recomputed from:
//!
//! - 粮食总产量32.6万吨，比上年减少0.5万吨，下降1.5%: current and delta, so the
//!   base is 33.1万吨 and the rate 0.5 / 33.1;
//! - 由2019年的14200元提高到16300元，增长14.8%: base and current;
//! - 收入1200万元，较上年的1000万元增长20%: current and base.
//!
//! A rate with only the current figure says nothing checkable (the base is
//! not in the text), so it makes no frame.

use super::Frames;
use crate::document::Document;
use crate::quantity::{same_kind, Approx, Quantity};
use crate::text::Words;

#[derive(Debug, Clone)]
pub struct Change {
    /// The rate: 增长p% / 下降p%.
    pub rate: usize,
    /// The rate says a fall (下降, 减少, 降低).
    pub down: bool,
    pub current: Option<usize>,
    pub base: Option<usize>,
    /// 增加Δ / 减少Δ, with its own sign.
    pub delta: Option<(usize, bool)>,
}

/// A change stated with both levels and no rate: 常住人口4182万人，较2022年的
/// 4197万人减少15万人 (current − base must be the change).
#[derive(Debug, Clone)]
pub struct LevelChange {
    pub current: usize,
    pub base: usize,
    pub delta: usize,
    /// 减少 / 下降: the change is a fall.
    pub down: bool,
}

/// Words that mark a figure as the base period's.
static BASE: Words = Words::new(&["上年", "去年", "上一年", "同期", "由", "从"]);
/// Words before a figure that make it the new level: 提高到16300元.
static TO: Words = Words::new(&["到", "至"]);
/// Words that make a change a fall (减少, 下降, 减利 …).
pub(crate) static DOWN: Words = Words::new(&[
    "下降",
    "减少",
    "降低",
    "回落",
    "负增长",
    "减收",
    "减产",
    "减",
]);
// 超出: 比县目标71人超出32人, the excess over a base.
static UP: Words = Words::new(&[
    "增长", "增加", "提高", "上升", "增多", "增收", "增产", "增", "超出",
]);

/// How many figures before the rate may belong to its frame.
const REACH_BACK: usize = 6;

/// The words right before figure `k`, since the previous figure of its sentence.
fn lead_in<'a>(doc: &Document<'a>, qs: &[Quantity], k: usize) -> &'a str {
    let from = if k > 0 && qs[k - 1].sentence == qs[k].sentence {
        qs[k - 1].span.end
    } else {
        doc.sentences[qs[k].sentence].span.start
    };
    &doc.text[from.min(qs[k].span.start)..qs[k].span.start]
}

/// What a figure before a rate is in its change frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Base,
    Current,
    Delta { down: bool },
}

fn slot_of(doc: &Document, qs: &[Quantity], k: usize) -> Slot {
    let lead = lead_in(doc, qs, k);
    let tail = crate::text::tail(lead, 9);
    let down = DOWN.occurs_in(tail);
    if down || UP.occurs_in(tail) {
        // 提高到16300元 is the new level, 提高了1200元 the change.
        if TO.occurs_in(crate::text::tail(lead, 3)) {
            return Slot::Current;
        }
        return Slot::Delta { down };
    }
    // The figure's own clause: 从市财政局获悉，财政总收入完成… is no base.
    let clause = lead
        .rfind(['，', ',', '；', ';', '：', ':'])
        .map_or(lead, |at| &lead[at..]);
    if BASE.occurs_in(clause) || names_a_base_year(lead) || compares_with(clause) {
        return Slot::Base;
    }
    Slot::Current
}

/// 比县目标71人: a clause opened by 比 / 较 and a noun states what a figure is
/// compared with (not 比重, 比例, 较大; 比年初下达的指标超收2660万元 is the
/// excess, not the base: a verb of more or less stands before it).
fn compares_with(clause: &str) -> bool {
    let body = clause.trim_start_matches(['，', ',', '；', ';', '：', ':']);
    let mut chars = body.chars();
    matches!(chars.next(), Some('比' | '较'))
        && !chars.next().is_some_and(|c| {
            matches!(
                c,
                '重' | '例' | '率' | '较' | '值' | '大' | '高' | '好' | '快' | '多'
            )
        })
        && !body.contains(['超', '多', '少', '增', '减', '降', '升', '提'])
        && body.chars().all(crate::text::is_han)
}

/// 比2020年1508.2亿斤 / 较2022年的4197万人 / （2020年22.15亿元）: a figure
/// after a year that 比, 较 or a bracket opens is the base year's.
fn names_a_base_year(lead: &str) -> bool {
    year_after(lead, &['比', '较', '(', '（']).is_some_and(|(_, after)| {
        matches!(
            after.trim_end_matches('的'),
            "年" | "年末" | "年底" | "年全年"
        )
    })
}

/// The four-digit year right after the last of `openers` in `lead` (比2007年…),
/// and the text after its digits.
fn year_after<'l>(lead: &'l str, openers: &[char]) -> Option<(&'l str, &'l str)> {
    let at = lead.rfind(openers)?;
    let rest = &lead[at..];
    let rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
    let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
    (digits == 4).then(|| rest.split_at(digits))
}

/// The figures before `at` in its sentence that may belong to its frame,
/// nearest first. A share between a level and its change (占年初预算的27.7%，
/// 较上年同期增收1735万元) and a restatement in brackets belong to other
/// frames and are stepped over; another rate or a difference of points ends
/// the frame.
fn figures_before<'q>(
    doc: &'q Document,
    qs: &'q [Quantity],
    at: usize,
) -> impl Iterator<Item = usize> + 'q {
    let sentence = qs[at].sentence;
    (at.saturating_sub(REACH_BACK)..at)
        .rev()
        .take_while(move |&k| qs[k].sentence == sentence)
        .filter(move |&k| {
            // 占…的27.7%, 完成年初预算数…的40.4%: a share or a completion.
            let share = qs[k].is_percent() && (qs[k].roles.share || lead_in(doc, qs, k) == "的");
            !share && !restates_in_brackets(doc, qs, k) && !whole_of_a_share(doc, qs, k)
        })
        .take_while(move |&k| !qs[k].is_percent() && !qs[k].is_points())
}

/// 占年初预算数109466万元的56.3%: the whole inside a share's 占…的 belongs
/// to the share, not to a change frame around it.
fn whole_of_a_share(doc: &Document, qs: &[Quantity], k: usize) -> bool {
    qs.get(k + 1).is_some_and(|n| {
        n.is_percent() && n.sentence == qs[k].sentence && lead_in(doc, qs, k + 1) == "的"
    })
}

/// 13659.6万吨（2731.9亿斤）: a figure in brackets right after another
/// restates it in another unit.
fn restates_in_brackets(doc: &Document, qs: &[Quantity], k: usize) -> bool {
    // 5628.0公斤/公顷(375.2公斤/亩): the first figure's per-unit suffix first.
    let lead = lead_in(doc, qs, k);
    let lead = lead
        .strip_prefix(['/', '／'])
        .map_or(lead, |per| per.trim_start_matches(crate::text::is_han));
    k > 0 && qs[k - 1].sentence == qs[k].sentence && matches!(lead, "(" | "（")
}

/// Collects the change frames of the whole document into `frames`.
pub fn build(doc: &Document, frames: &mut Frames) {
    rates(doc, frames);
    level_changes(doc, frames);
}

/// Every change amount (增加Δ / 减少Δ) with both the base and the current
/// level of its kind before it in its sentence.
fn level_changes(doc: &Document, frames: &mut Frames) {
    let qs = &doc.quantities;
    for (d, q) in qs.iter().enumerate() {
        // A change amount has a change word before it (the figure scanner's role).
        if !q.roles.change
            || q.is_percent()
            || q.is_points()
            || q.unit.is_empty()
            || q.approx == Approx::About
        {
            continue;
        }
        let Slot::Delta { down } = slot_of(doc, qs, d) else {
            continue;
        };
        let (mut base, mut current) = (None, None);
        for k in figures_before(doc, qs, d) {
            let o = &qs[k];
            if !same_kind(o.unit, q.unit) || o.approx == Approx::About {
                break;
            }
            match slot_of(doc, qs, k) {
                Slot::Base if base.is_none() && current.is_none() => base = Some(k),
                Slot::Current if current.is_none() => current = Some(k),
                _ => break,
            }
        }
        if let (Some(base), Some(current)) = (base, current) {
            frames.level_changes.push(LevelChange {
                current,
                base,
                delta: d,
                down,
            });
        }
    }
}

/// How far (bytes) before a rate its word of change is read: 增长15.8%,
/// 比上年下降0.2%, 增长比例达55% (six characters).
const RATE_WORD_REACH: usize = 18;

/// The frames of every rate of change.
fn rates(doc: &Document, frames: &mut Frames) {
    let qs = &doc.quantities;
    for (i, p) in qs.iter().enumerate() {
        // 年均增长38%: a rate per year over several years is no change from
        // the base to the current level.
        if p.unit != "%" || p.value.mantissa <= 0 || p.roles.per {
            continue;
        }
        let whole_lead = lead_in(doc, qs, i);
        let lead = crate::text::tail(whole_lead, RATE_WORD_REACH);
        let down = DOWN.occurs_in(lead);
        // 占全国总增产量的22.5% is a share of a change, not a change rate.
        if !down && !UP.occurs_in(lead) || whole_lead.contains('占') {
            continue;
        }
        let mut frame = Change {
            rate: i,
            down,
            current: None,
            base: None,
            delta: None,
        };
        let mut kind: Option<&str> = None;
        // Walk back from the rate: the nearest figures of one unit kind.
        for k in figures_before(doc, qs, i) {
            let q = &qs[k];
            if q.unit.is_empty() || q.approx == Approx::About {
                continue;
            }
            if kind.is_some_and(|u| !same_kind(u, q.unit)) {
                break;
            }
            kind = Some(q.unit);
            match slot_of(doc, qs, k) {
                Slot::Base if frame.base.is_none() => frame.base = Some(k),
                // 103人，比县目标71人超出32人，…比去年57人增长80.7%: past the
                // rate's base, another comparison stands before its current.
                Slot::Base | Slot::Delta { .. }
                    if frame.base.is_some() && frame.current.is_none() => {}
                Slot::Delta { down } if frame.delta.is_none() && frame.current.is_none() => {
                    frame.delta = Some((k, down))
                }
                Slot::Current if frame.current.is_none() => frame.current = Some(k),
                _ => break,
            }
        }
        if frame.delta.is_none() && frame.current.is_some() {
            frame.delta = delta_after(doc, qs, i, kind);
        }
        if frame.base.is_none() && frame.current.is_some() {
            frame.base = base_year_before(doc, qs, i, whole_lead, kind);
        }
        let known = [
            frame.current.is_some(),
            frame.base.is_some(),
            frame.delta.is_some(),
        ]
        .iter()
        .filter(|k| **k)
        .count();
        if known >= 2 {
            frames.changes.push(frame);
        }
    }
}

/// 累计完成61646万元，同比增长10.7%，增收5939万元: the change amount may
/// follow its rate, right after it in the sentence, in the level's unit kind.
fn delta_after(
    doc: &Document,
    qs: &[Quantity],
    rate: usize,
    kind: Option<&str>,
) -> Option<(usize, bool)> {
    let k = rate + 1;
    let q = qs.get(k)?;
    if q.sentence != qs[rate].sentence
        || !kind.is_some_and(|u| same_kind(u, q.unit))
        || q.approx == Approx::About
        || lead_in(doc, qs, k)
            .trim_start_matches([',', '，'])
            .chars()
            .count()
            > 4
    {
        return None;
    }
    match slot_of(doc, qs, k) {
        Slot::Delta { down } => Some((k, down)),
        _ => None,
    }
}

/// How many figures back a base year's figure may stand before its rate.
const BASE_YEAR_REACH: usize = 12;

/// 在2007年粮食总产量达到692.6亿斤的基础上…到今年的1114.1亿斤，比2007年增长60.9%:
/// a rate against a year (比2007年增长) whose figure the sentence stated before.
fn base_year_before(
    doc: &Document,
    qs: &[Quantity],
    rate: usize,
    lead: &str,
    kind: Option<&str>,
) -> Option<usize> {
    let (digits, after) = year_after(lead, &['比', '较'])?;
    if !after.starts_with('年') {
        return None;
    }
    let year = format!("{digits}年");
    let sentence = qs[rate].sentence;
    (rate.saturating_sub(BASE_YEAR_REACH)..rate)
        .rev()
        .take_while(|&k| qs[k].sentence == sentence)
        .find(|&k| {
            let q = &qs[k];
            q.is_level()
                && q.approx == Approx::Exact
                && kind.is_some_and(|u| same_kind(u, q.unit))
                && crate::text::tail(lead_in(doc, qs, k), 60).contains(year.as_str())
        })
}
