//! Heading numbering: gaps, repeats, order, a sibling in another style, and a
//! level used under the wrong parent. `sequence` reads how each list counts.

use super::Rule;

mod gap;
mod level;
mod order;
mod repeat;
mod sequence;
mod style;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(gap::Gap),
        Box::new(repeat::Repeat),
        Box::new(order::Order),
        Box::new(style::Style),
        Box::new(level::Level),
    ]
}
