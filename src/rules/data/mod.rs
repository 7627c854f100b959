//! Missing data: unfilled placeholders, numbers dropped before a measure word,
//! labels with nothing after them. (`data.missing-unit` reads quantities and
//! lives with the numeric rules.)

use super::Rule;

mod dropped_number;
mod empty_field;
mod placeholder;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(placeholder::Placeholder),
        Box::new(dropped_number::DroppedNumber),
        Box::new(empty_field::EmptyField),
    ]
}
