//! Dates and the reporting period: impossible dates, impossible year spans,
//! comparisons against the period itself, events dated after the period.

use super::Rule;

mod compare_base;
mod invalid_date;
mod outside;
mod span;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(invalid_date::InvalidDate),
        Box::new(span::YearSpan),
        Box::new(compare_base::CompareBase),
        Box::new(outside::Outside),
    ]
}
