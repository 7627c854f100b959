//! Missing data: unfilled placeholders, numbers dropped before a measure word,
//! labels with nothing after them, figures without their unit.

use super::Rule;

mod bare_measure;
mod bare_unit;
mod dropped_number;
mod empty_field;
mod missing_unit;
mod placeholder;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(placeholder::Placeholder),
        Box::new(dropped_number::DroppedNumber),
        Box::new(empty_field::EmptyField),
        Box::new(missing_unit::MissingUnit),
    ]
}
