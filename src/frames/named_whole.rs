//! A whole taken up by its name: 截至2023年末，全省常住人口4182万人。…
//! 在2023年全省常住人口中，城镇常住人口3074万人，乡村常住人口为1108万人. The
//! opening 在…中 names a figure stated before without restating it, and the
//! two halves of a split that follow (城镇 / 乡村, 男 / 女) are all of it.

use super::breakdown::{complementary_names, push, scope_opened, Form};
use super::Frames;
use crate::document::Document;
use crate::quantity::{same_kind, subject_key};

/// How many figures back the named whole is looked for.
const WHOLE_REACH: usize = 48;
/// Fewest characters of the name taken up (常住人口).
const NAME_CHARS: usize = 3;

/// The name an opening clause 在…中， takes up (its words without figures,
/// years or fillers), when the sentence opens with one and it holds no figure.
fn taken_up_name(doc: &Document, si: usize) -> Option<Vec<char>> {
    let clause = scope_opened(doc.slice(&doc.sentences[si].span))?;
    let mut key = Vec::new();
    subject_key(clause, &mut key);
    // 2023年全省常住人口: the name is what follows the last numeral's word.
    let after_year = key.iter().rposition(|&c| c == '年').map_or(0, |i| i + 1);
    let name: Vec<char> = key[after_year..].to_vec();
    (name.len() >= NAME_CHARS).then_some(name)
}

pub fn build(doc: &Document, frames: &mut Frames) {
    let qs = &doc.quantities;
    for si in 0..doc.sentences.len() {
        let figures = doc.sentence_quantities[si].clone();
        let levels: Vec<usize> = figures.clone().filter(|&k| qs[k].is_level()).collect();
        let (Some(&a), Some(&b)) = (levels.first(), levels.get(1)) else {
            continue;
        };
        let only_two = levels
            .get(2)
            .is_none_or(|&c| !same_kind(qs[c].unit, qs[a].unit));
        if !only_two || !same_kind(qs[a].unit, qs[b].unit) || !complementary_names(doc, a, b) {
            continue;
        }
        let Some(name) = taken_up_name(doc, si) else {
            continue;
        };
        let whole = (figures.start.saturating_sub(WHOLE_REACH)..figures.start)
            .rev()
            .find(|&t| {
                let q = &qs[t];
                let mut key = Vec::new();
                subject_key(doc.slice(&q.subject), &mut key);
                q.is_level() && same_kind(q.unit, qs[a].unit) && key.ends_with(&name)
            });
        if let Some(t) = whole {
            push(doc, t, &[a, b], Form::Complement, frames);
        }
    }
}
