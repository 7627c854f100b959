//! Heading numbering: gaps, repeats, order, a sibling in another style, and a
//! level used under the wrong parent.

use super::Rule;

mod gap;
mod level;
mod style;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(gap::Gap),
        Box::new(style::Style),
        Box::new(level::Level),
    ]
}
