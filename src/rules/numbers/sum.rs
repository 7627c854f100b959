//! `numbers.sum`: a total and its parts —
//! 在册吸毒人员403人，其中…104名，…289人 (104 + 289 = 393 ≠ 403);
//! 全村共有农户320户…已通自来水296户…未通30户 (296 + 30 = 326 ≠ 320).
//!
//! The breakdowns come from the figure grammar (`frames::breakdown`); this rule
//! judges their arithmetic. Each rounded figure may be off by half a unit of
//! its last written digit, so 41.3 + 5.2 + 36.8 + 3.2 = 86.5 is right for 86.4.
//! Parts above the total are always wrong — the exact ones alone, when others
//! are approximate. Parts below it are wrong only when the split is
//! exhaustive: by its form (已/未, 男/女, a bracket after the total, a part split
//! again), another dimension of the same breakdown that adds up exactly
//! (2550户 = 2511 + 26 + 13, so the persons must add up too), or parts that come
//! so near the total that they read as the whole list with a slip. A single
//! 其中 item below its total (受表彰党员50名，其中优秀党务工作者12名) is fine.

use crate::document::Document;
use crate::frames::breakdown::{
    complementary, graded_series, names_end_alike, parts_named_like_total, split_by_state,
    Breakdown, Form,
};
use crate::frames::change::LevelChange;
use crate::frames::pull::Pull;
use crate::frames::Interval;
use crate::quantity::{Approx, Decimal, Quantity};
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::Words;

pub struct Sum;

pub static INFO: RuleInfo = RuleInfo {
    code: "numbers.sum",
    family: Category::Numbers,
    severity: Severity::Error,
    summary: "分项之和与总数不符",
    explanation: "“其中”“已/未”等分项加起来应等于总数；对不上说明有数字录错或漏项。请逐项核对。",
    example: "在册吸毒人员403人，其中社区戒毒104名，社会面管控289人",
    near_miss: "在册吸毒人员403人，其中社区戒毒104名，社会面管控299人",
};

/// Characters two parts' names end alike in to be the members of one split.
const NAMED_ALIKE: usize = 3;

/// A total this large is not made exactly by its first parts by chance
/// (4 = 1 + 3 may be; 111 = 43 + 68 is the list's end).
const CHANCE_TOTAL: f64 = 20.0;

/// How near the total two lists that agree must come to be its whole.
const AGREEING_SHARE: f64 = 0.75;

/// How many neighbouring breakdowns may be another dimension of the same one.
const DIMENSION_REACH: usize = 4;

fn total_of(parts: &[&Quantity]) -> Option<Decimal> {
    parts
        .iter()
        .try_fold(Decimal::new(0, 0), |acc, q| acc.checked_add(q.scaled()?))
}

pub(super) fn interval_of(parts: &[&Quantity]) -> Option<Interval> {
    parts
        .iter()
        .map(|q| Interval::of(q))
        .try_fold(Interval { lo: 0.0, hi: 0.0 }, |acc, i| Some(acc.add(i?)))
}

/// Do the parts add up to the total exactly?
fn adds_up(total: &Quantity, parts: &[&Quantity]) -> bool {
    matches!(
        (total.scaled(), total_of(parts)),
        (Some(t), Some(s)) if t.cmp_value(s) == Some(std::cmp::Ordering::Equal)
    )
}

/// How many of the first parts (two or more, not all) already make the
/// total, if any.
fn prefix_making_total(parts: &[&Quantity], total: &Quantity) -> Option<usize> {
    let t = Interval::of(total)?;
    let mut sum = Interval { lo: 0.0, hi: 0.0 };
    for (n, p) in parts.iter().enumerate().take(parts.len().saturating_sub(1)) {
        sum = sum.add(Interval::of(p)?);
        if n >= 1 && sum.overlaps(t) {
            return Some(n + 1);
        }
        if sum.lo > t.hi {
            return None;
        }
    }
    None
}

/// The parts come so near the total that they read as the whole list:
/// within 5% (a bulletin's 农林牧渔 parts leave ~5% to 服务业); two rounded
/// parts after 其中 named otherwise (`loose_pair`) within 2% (其中住宅投资…，
/// 商业营业用房投资… often leave 3% to offices and the rest; 夏粮总产量 and
/// 秋粮总产量 are the two halves of the year, 403人，其中104名…289人 is a slip);
/// a 分别 list within 10% either way.
fn near_whole(form: Form, parts: usize, loose_pair: bool, sum: f64, total: f64) -> bool {
    match form {
        _ if parts < 2 => false,
        Form::Qizhong if parts < 3 && loose_pair => sum >= total * 0.98,
        Form::Respectively => (sum - total).abs() <= total * 0.10,
        _ => sum >= total * 0.95,
    }
}

/// How near the grades of one scale listed through (一、二、三等奖) come to
/// their total when an extra grade (优秀奖) is left out.
const GRADED_SHARE: f64 = 0.85;

/// Indicators that may be negative (a loss, a deficit): their parts may
/// exceed them.
static SIGNED: Words = Words::new(&["利润", "盈利", "盈余", "结余", "利税", "收支差"]);

/// What is wrong with one breakdown, if anything.
enum Verdict {
    /// The parts add up to more or less than the total (sum of all parts).
    Mismatch(Decimal),
    /// Some parts are approximate, and the exact ones alone exceed the total.
    ExactPartsExceed(Decimal),
}

impl Sum {
    fn judge(
        doc: &Document,
        b: &Breakdown,
        parts: &[&Quantity],
        other_dimension_exact: bool,
        agreeing_list: bool,
        ran_on: bool,
    ) -> Option<Verdict> {
        if ran_on {
            return None;
        }
        let total = &doc.quantities[b.total];
        if parts.is_empty() || total.approx == Approx::About {
            return None;
        }
        let t = Interval::of(total)?;
        if parts.iter().any(|p| p.approx == Approx::About) {
            let exact: Vec<&Quantity> = parts
                .iter()
                .copied()
                .filter(|p| p.approx == Approx::Exact)
                .collect();
            let sum = interval_of(&exact)?;
            return (sum.lo > t.hi)
                .then(|| total_of(&exact).map(Verdict::ExactPartsExceed))
                .flatten();
        }
        let sum = interval_of(parts)?;
        if sum.overlaps(t) {
            return None;
        }
        let exceeds = sum.lo > t.hi;
        let rounded = total.multiplier > 1 || total.value.scale > 0;
        let loose_pair =
            rounded && parts.len() == 2 && names_end_alike(doc, parts[0], parts[1]) < NAMED_ALIKE;
        let near = near_whole(b.form, parts.len(), loose_pair, sum.mid(), t.mid())
            || graded_series(doc, parts) && sum.mid() >= t.mid() * GRADED_SHARE;
        let split = parts.len() == 2 && complementary(doc, parts[0], parts[1])
            || split_by_state(doc, parts);
        // Two lists may agree by chance when they are short of the total.
        let agreeing_list = agreeing_list && sum.mid() >= t.mid() * AGREEING_SHARE;
        let exhaustive = agreeing_list
            || !b.open && (b.exhaustive_by_form() || split || other_dimension_exact || near);
        // A 分别 list is tied to the figure before it only by coming near it,
        // or, when its parts are things of the total's kind, by exceeding it.
        let tied = b.form != Form::Respectively
            || near
            || agreeing_list
            || (exceeds && parts_named_like_total(doc, total, parts));
        // A profit may be a loss: the parts left unnamed may take away
        // what the named ones exceed.
        let signed = SIGNED.occurs_in(doc.slice(&total.subject));
        (tied && (exceeds && !signed || exhaustive))
            .then(|| total_of(parts).map(Verdict::Mismatch))
            .flatten()
    }

    fn diagnostic_for(
        &self,
        doc: &Document,
        b: &Breakdown,
        parts: &[&Quantity],
        v: Verdict,
    ) -> Diagnostic {
        let total = &doc.quantities[b.total];
        let shown = |sum: Decimal| total.format_like(sum, total.scale_for(parts));
        let listed = |ps: &[&Quantity]| {
            ps.iter()
                .map(|p| doc.slice(&p.span).to_string())
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let written = doc.slice(&total.span);
        let message = match v {
            Verdict::Mismatch(sum) => {
                let over = sum.cmp_value(total.scaled().unwrap_or(sum))
                    == Some(std::cmp::Ordering::Greater);
                let relation = if over { "超过了总数" } else { "与总数" };
                let tail = if over { "" } else { "不符" };
                format!(
                    "分项之和与总数不一致：{} = {}，{relation}{written}{tail}。请核对总数或各分项。",
                    listed(parts),
                    shown(sum)
                )
            }
            Verdict::ExactPartsExceed(sum) => {
                let exact: Vec<&Quantity> = parts
                    .iter()
                    .copied()
                    .filter(|p| p.approx == Approx::Exact)
                    .collect();
                format!(
                    "分项超过了总数：仅确数分项 {} = {}，已大于总数{written}（另有约数分项）。请核对。",
                    listed(&exact),
                    shown(sum)
                )
            }
        };
        let mut d = self.diagnostic(total.span.clone(), message);
        for p in parts {
            d = d.with_related(p.span.clone(), format!("分项 {}", doc.slice(&p.span)));
        }
        d
    }
}

impl Rule for Sum {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        let frames = ctx.frames(doc);
        let all = &frames.breakdowns;
        let exact: Vec<bool> = all
            .iter()
            .map(|b| {
                let parts: Vec<&Quantity> = frames.parts_of(b).iter().map(|&p| &qs[p]).collect();
                adds_up(&qs[b.total], &parts)
            })
            .collect();
        let sums: Vec<Option<Decimal>> = all
            .iter()
            .map(|b| {
                let parts: Vec<&Quantity> = frames.parts_of(b).iter().map(|&p| &qs[p]).collect();
                total_of(&parts)
            })
            .collect();
        // A total is judged once (the first breakdown that finds it wrong).
        let mut judged: std::collections::HashSet<usize> = std::collections::HashSet::new();
        let mut parts: Vec<&Quantity> = Vec::new();
        for (bi, b) in all.iter().enumerate() {
            if judged.contains(&b.total) {
                continue;
            }
            parts.clear();
            parts.extend(frames.parts_of(b).iter().map(|&p| &qs[p]));
            // Another dimension of one breakdown sits beside it: look at
            // neighbours only, so a long text with thousands of totals stays linear.
            let neighbours =
                bi.saturating_sub(DIMENSION_REACH)..(bi + DIMENSION_REACH + 1).min(all.len());
            let other_dimension_exact = neighbours.clone().any(|oi| {
                let o = &all[oi];
                oi != bi
                    && exact[oi]
                    && o.total != b.total
                    && o.form == b.form
                    && o.parts.len() == b.parts.len()
                    && qs[o.total].sentence == qs[b.total].sentence
            });
            // 663户1932人（其中低保521户1772人，特困142户160人，双重身份122户395人）:
            // the first parts make the total in both dimensions, so the list ran
            // on into an overlapping group. One dimension alone may be chance.
            let prefix = |o: &Breakdown| {
                let ps: Vec<&Quantity> = frames.parts_of(o).iter().map(|&p| &qs[p]).collect();
                prefix_making_total(&ps, &qs[o.total])
            };
            // Or the figures past the prefix start a new sentence (羊存栏20409只，其中：
            // 山羊1403只；绵羊19006只；禽存栏188399只).
            let own_prefix = prefix(b);
            // Or the total is too large for its first parts to make it by
            // chance (c类家庭111户，其中：因病残43户，一般68户，60岁以上老人83户).
            // (An exact count only: rounded figures meet within their rounding.)
            let total = &qs[b.total];
            let exact_count = total.multiplier == 1 && total.value.scale == 0;
            let beyond_chance =
                exact_count && total.scaled().is_some_and(|v| v.to_f64() >= CHANCE_TOTAL);
            // 死亡20人 … 分行业来看 14+4+2 … 分区域来看 9+5+2+2+1+1: a total
            // broken down whole along one dimension is broken down whole along
            // the other it is opened for.
            let whole_elsewhere = b.form == Form::Respectively
                && b.parts.len() >= 2
                && neighbours.clone().any(|oi| {
                    let o = &all[oi];
                    oi != bi
                        && o.total == b.total
                        && o.form == Form::Respectively
                        && o.parts.len() >= 2
                        && exact[oi]
                        && frames
                            .parts_of(o)
                            .iter()
                            .all(|p| !frames.parts_of(b).contains(p))
                });
            let ran_on = !whole_elsewhere
                && own_prefix.is_some_and(|n| {
                    parts[n].sentence != parts[n - 1].sentence
                        || beyond_chance
                        || neighbours.clone().any(|oi| {
                            let o = &all[oi];
                            oi != bi
                                && o.total != b.total
                                && qs[o.total].sentence == qs[b.total].sentence
                                && prefix(o) == own_prefix
                        })
                });
            // Two lists of one total that add up alike are each the whole of it.
            let agreeing_list = whole_elsewhere
                || b.parts.len() >= 2
                    && neighbours.clone().any(|oi| {
                        let o = &all[oi];
                        oi != bi
                            && o.total == b.total
                            && o.parts.len() >= 2
                            && sums[oi].zip(sums[bi]).and_then(|(x, y)| x.cmp_value(y))
                                == Some(std::cmp::Ordering::Equal)
                            && frames
                                .parts_of(o)
                                .iter()
                                .all(|p| !frames.parts_of(b).contains(p))
                    });
            if let Some(v) =
                Self::judge(doc, b, &parts, other_dimension_exact, agreeing_list, ran_on)
            {
                judged.insert(b.total);
                out.push(self.diagnostic_for(doc, b, &parts, v));
            }
        }
        super::change_sum::check(self, doc, frames, out);
        self.level_changes(doc, &frames.level_changes, out);
        self.pulls(doc, &frames.pulls, out);
        super::table_sum::check(self, doc, &frames.tables, &frames.row_sums, out);
    }
}

impl Sum {
    /// 生产总值…增长6.0% … 分别拉动经济增长1.7、0.2和4.0个百分点: the
    /// industries' points add up to the growth, each within its rounding.
    fn pulls(&self, doc: &Document, pulls: &[Pull], out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        for pull in pulls {
            let growth = &qs[pull.growth];
            // Rates and points are rounded however written (4个百分点 is 3.5–4.5).
            let sum = pull
                .points
                .iter()
                .map(|&k| Interval::of_decimal(qs[k].value))
                .fold(Interval { lo: 0.0, hi: 0.0 }, Interval::add);
            if sum.overlaps(Interval::of_decimal(growth.value)) {
                continue;
            }
            let Some(total) = pull
                .points
                .iter()
                .try_fold(Decimal::new(0, 0), |acc, &k| acc.checked_add(qs[k].value))
            else {
                continue;
            };
            let listed: Vec<&str> = pull
                .points
                .iter()
                .map(|&k| doc.slice(&qs[k].number))
                .collect();
            let mut d = self.diagnostic(
                growth.span.clone(),
                format!(
                    "各产业拉动之和与增速不符：{} = {}个百分点，而总的增速写的是{}。请核对。",
                    listed.join(" + "),
                    total,
                    doc.slice(&growth.span)
                ),
            );
            for &k in &pull.points {
                d = d.with_related(qs[k].span.clone(), "拉动");
            }
            out.push(d);
        }
    }

    /// 较2022年的4197万人减少17万人 after 常住人口4182万人: the base and the
    /// change add up to the current level, each figure within its rounding.
    fn level_changes(&self, doc: &Document, changes: &[LevelChange], out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        for c in changes {
            let (cur, base, delta) = (&qs[c.current], &qs[c.base], &qs[c.delta]);
            let (Some(i_cur), Some(i_base), Some(i_delta)) =
                (Interval::of(cur), Interval::of(base), Interval::of(delta))
            else {
                continue;
            };
            let signed = if c.down { i_delta.scale(-1.0) } else { i_delta };
            if i_cur.sub(i_base).overlaps(signed) {
                continue;
            }
            let (Some(vc), Some(vb)) = (cur.scaled(), base.scaled()) else {
                continue;
            };
            let Some(diff) = vc.checked_add(Decimal::new(-vb.mantissa, vb.scale)) else {
                continue;
            };
            let scale = delta.scale_for(&[cur, base]);
            let shown = delta.format_like(Decimal::new(diff.mantissa.abs(), diff.scale), scale);
            let said = if c.down { "减少" } else { "增加" };
            let actual = if diff.mantissa < 0 {
                "减少"
            } else {
                "增加"
            };
            out.push(
                self.diagnostic(
                    delta.span.clone(),
                    format!(
                        "增减量与前后两个数不符：从{}到{}应为{actual}{shown}，文中写的是{said}{}。请核对。",
                        doc.slice(&base.span),
                        doc.slice(&cur.span),
                        doc.slice(&delta.span)
                    ),
                )
                .with_related(base.span.clone(), "基期数")
                .with_related(cur.span.clone(), "本期数"),
            );
        }
    }
}
