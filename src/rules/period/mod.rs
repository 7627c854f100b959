//! The `period` family of rules.

use super::Rule;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![]
}
