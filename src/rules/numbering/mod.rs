//! Heading numbering: gaps, repeats, order, and a sibling in another style.

use super::Rule;

mod gap;
mod style;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![Box::new(gap::Gap), Box::new(style::Style)]
}
