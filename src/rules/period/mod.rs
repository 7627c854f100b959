//! Dates and the reporting period: impossible dates, impossible year spans,
//! comparisons against the period itself, events dated after the period, a
//! 成文日期 long before the period ends.

use super::Rule;

mod compare_base;
mod invalid_date;
mod outside;
mod signed_early;
mod span;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(invalid_date::InvalidDate),
        Box::new(span::YearSpan),
        Box::new(compare_base::CompareBase),
        Box::new(outside::Outside),
        Box::new(signed_early::SignedEarly),
    ]
}
