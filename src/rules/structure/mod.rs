//! Structure: title, expected sections by template and their order, sign-off,
//! and the form of the 成文日期.

use super::Rule;

mod date_form;
mod sections;
mod signature;
mod title;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(title::Title),
        Box::new(sections::Sections),
        Box::new(signature::Signature),
        Box::new(date_form::DateForm),
    ]
}
