//! The figure grammar: how statistical Chinese ties figures to each other.
//! Built once per check from the quantity model (`rules::Context::frames`),
//! read by the numeric rules, which then only judge the arithmetic.
//!
//! - [`breakdown`]: a total and its parts — 其中 in the same or the next
//!   sentence, a bracket after the total, 已/未 and 男/女 splits, 分别为 lists;
//!   a part that is itself split (脱贫户215户，已稳定脱贫180户，监测户35户) is a
//!   breakdown of its own, not more parts of the top total.
//! - [`named_whole`]: a whole taken up by name (在全省常住人口中，城镇…，乡村…)
//!   and split in two halves, its figure stated before.
//! - [`change`]: a change against a base — 比上年增加Δ，增长p%; 由A提高到B，增长p%;
//!   较上年的A增长p%.
//! - [`share`]: a part as a percentage of its whole — the whole written in the
//!   占 phrase, named after 占, or the total of the part's breakdown.
//! - [`pull`]: the three industries' points of growth (拉动…1.7、0.2和4.0个百分点),
//!   parts of the growth of the whole.
//! - [`table`]: tables pasted into the draft, each cell a figure with its
//!   column's unit; rows rebuilt when the table comes a cell to a line.
//! - [`table_sum`]: the rows of a table that sum up others — a 合计 row, rows
//!   marked 其中 / #, a numbered series (第一产业 … 第三产业).
//! - [`qualifier`]: what makes two figures different quantities even when
//!   their subjects read alike (1—10月 / 全年, 计划 / 完成, 2019年 / 2020年).

pub mod breakdown;
pub mod change;
pub mod named_whole;
pub mod pull;
pub mod qualifier;
pub mod share;
pub mod share_set;
pub mod table;
pub mod table_sum;

use crate::quantity::{Decimal, Quantity};

/// Every frame of one document, by kind. Quantities are named by their index
/// in `Document::quantities`.
#[derive(Debug, Default, Clone)]
pub struct Frames {
    pub breakdowns: Vec<breakdown::Breakdown>,
    /// The parts of every breakdown, end to end (one vector for the check).
    pub parts: Vec<usize>,
    pub changes: Vec<change::Change>,
    /// Changes stated with both levels and no rate.
    pub level_changes: Vec<change::LevelChange>,
    pub shares: Vec<share::Share>,
    /// Shares whose whole the text does not name, in text order.
    pub orphan_shares: Vec<share::Orphan>,
    /// Sets of shares of one whole: structure ratios and 分别 lists.
    pub share_sets: Vec<share_set::ShareSet>,
    /// An industry's share moved between two structures by stated points.
    pub share_shifts: Vec<share_set::ShareShift>,
    /// The industries' points of growth against the growth of the whole.
    pub pulls: Vec<pull::Pull>,
    /// Tables of cells pasted into the draft, with their headers' units.
    pub tables: Vec<table::Table>,
    /// Rows of those tables that sum up other rows.
    pub row_sums: Vec<table_sum::RowSum>,
    /// (figure, breakdown index), sorted by figure.
    members: Vec<(usize, usize)>,
}

impl Frames {
    pub fn build(doc: &crate::document::Document) -> Frames {
        let mut frames = Frames::default();
        breakdown::build(doc, &mut frames);
        named_whole::build(doc, &mut frames);
        frames.index_members();
        change::build(doc, &mut frames);
        share::build(doc, &mut frames);
        share_set::build(doc, &mut frames);
        frames.tables = table::tables(doc);
        frames.row_sums = table_sum::row_sums(doc, &frames.tables);
        frames.pulls = pull::pulls(doc);
        frames
    }

    pub fn parts_of(&self, b: &breakdown::Breakdown) -> &[usize] {
        &self.parts[b.parts.clone()]
    }

    /// Are figures `a` and `b` a total and its part, or two parts of one
    /// breakdown? Then they are different quantities, however alike their names.
    pub fn related(&self, a: usize, b: usize) -> bool {
        let of = |x: usize| {
            let from = self.members.partition_point(|m| m.0 < x);
            let to = self.members.partition_point(|m| m.0 <= x);
            &self.members[from..to]
        };
        let (ma, mb) = (of(a), of(b));
        ma.iter().any(|x| mb.iter().any(|y| x.1 == y.1))
    }

    /// The total of the first breakdown that has figure `x` as a part.
    pub fn total_of_part(&self, x: usize) -> Option<usize> {
        let from = self.members.partition_point(|m| m.0 < x);
        self.members[from..]
            .iter()
            .take_while(|m| m.0 == x)
            .map(|m| self.breakdowns[m.1].total)
            .find(|&total| total != x)
    }

    /// Are `a` and `b` parts of two different totals (the 食品消费支出 of
    /// 城镇居民 and of 农村居民)? Then they are two populations' figures.
    pub fn parts_of_two_totals(&self, a: usize, b: usize) -> bool {
        matches!((self.total_of_part(a), self.total_of_part(b)), (Some(x), Some(y)) if x != y)
    }

    /// (figure, breakdown) for every total and part, sorted: who belongs where.
    fn index_members(&mut self) {
        self.members.clear();
        for (bi, b) in self.breakdowns.iter().enumerate() {
            self.members.push((b.total, bi));
            self.members
                .extend(self.parts[b.parts.clone()].iter().map(|&p| (p, bi)));
        }
        crate::text::sort_stable_by(&mut self.members, Ord::cmp);
    }
}

/// The interval a rounded figure stands for: 86.4 is anything in [86.35, 86.45].
/// Each figure may be off by half a unit of its last written digit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    /// A whole count (312所, 2544人) is exact; a decimal or a figure in 万/亿
    /// (86.4亿元, 48万人) is rounded.
    pub fn of(q: &Quantity) -> Option<Interval> {
        let v = q.scaled()?.to_f64();
        let rounded = q.value.scale > 0 || q.multiplier > 1;
        let half = if rounded {
            q.value.ulp() * f64::from(q.multiplier) / 2.0
        } else {
            0.0
        };
        Some(Interval {
            lo: v - half,
            hi: v + half,
        })
    }

    pub fn of_decimal(d: Decimal) -> Interval {
        let v = d.to_f64();
        let half = d.ulp() / 2.0;
        Interval {
            lo: v - half,
            hi: v + half,
        }
    }

    // Interval arithmetic by name: `div` may fail, so none is an operator.
    #[allow(clippy::should_implement_trait)]
    pub fn add(self, o: Interval) -> Interval {
        Interval {
            lo: self.lo + o.lo,
            hi: self.hi + o.hi,
        }
    }

    // Interval arithmetic by name: `div` may fail, so none is an operator.
    #[allow(clippy::should_implement_trait)]
    pub fn sub(self, o: Interval) -> Interval {
        Interval {
            lo: self.lo - o.hi,
            hi: self.hi - o.lo,
        }
    }

    /// `self / o` for a positive divisor; `None` when `o` may be zero or less.
    #[allow(clippy::should_implement_trait)]
    pub fn div(self, o: Interval) -> Option<Interval> {
        if o.lo <= 0.0 {
            return None;
        }
        let c = [
            self.lo / o.lo,
            self.lo / o.hi,
            self.hi / o.lo,
            self.hi / o.hi,
        ];
        Some(Interval {
            lo: c.iter().copied().fold(f64::INFINITY, f64::min),
            hi: c.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        })
    }

    pub fn scale(self, k: f64) -> Interval {
        let (a, b) = (self.lo * k, self.hi * k);
        Interval {
            lo: a.min(b),
            hi: a.max(b),
        }
    }

    /// Could both stand for one true value? (A hair of slack for float error.)
    pub fn overlaps(self, o: Interval) -> bool {
        let eps = 1e-9 * (1.0 + self.hi.abs().max(o.hi.abs()));
        self.lo <= o.hi + eps && o.lo <= self.hi + eps
    }

    pub fn mid(self) -> f64 {
        (self.lo + self.hi) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounded_parts_may_sum_past_their_total() {
        // 41.3 + 5.2 + 36.8 + 3.2 = 86.5 against 86.4: each part may be off by 0.05.
        let parts = [413, 52, 368, 32]
            .map(|m| Interval::of_decimal(Decimal::new(m, 1)))
            .into_iter()
            .reduce(Interval::add)
            .expect("four parts");
        assert!(parts.overlaps(Interval::of_decimal(Decimal::new(864, 1))));
        // 311 against 312: whole counts are exact and leave no room.
        let exact = |v: f64| Interval { lo: v, hi: v };
        let whole = [18.0, 4.0, 2.0, 196.0, 91.0]
            .map(exact)
            .into_iter()
            .reduce(Interval::add)
            .expect("five parts");
        assert!(!whole.overlaps(exact(312.0)));
    }

    #[test]
    fn a_change_rate_interval_covers_the_rounding_of_its_figures() {
        // 0.5万吨 of 33.1万吨 is 1.36–1.66%: 1.5% is right, 4.5% is not.
        let delta = Interval::of_decimal(Decimal::new(5, 1));
        let base = Interval::of_decimal(Decimal::new(326, 1)).add(delta);
        let rate = delta.div(base).expect("positive").scale(100.0);
        assert!(rate.overlaps(Interval::of_decimal(Decimal::new(15, 1))));
        assert!(!rate.overlaps(Interval::of_decimal(Decimal::new(45, 1))));
    }
}
