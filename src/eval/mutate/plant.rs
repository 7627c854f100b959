//! A planted defect: one edit of the text, and the kind of defect it makes.

use crate::text::Span;

/// The kinds of planted defect, in the order the table prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Sum,
    Share,
    Change,
    Count,
    Conflict,
    NumberingSkip,
    NumberingRepeat,
    DroppedFigure,
    Placeholder,
    EmptyField,
    DateOutside,
    SectionRemoved,
}

impl Kind {
    pub const ALL: [Kind; 12] = [
        Kind::Sum,
        Kind::Share,
        Kind::Change,
        Kind::Count,
        Kind::Conflict,
        Kind::NumberingSkip,
        Kind::NumberingRepeat,
        Kind::DroppedFigure,
        Kind::Placeholder,
        Kind::EmptyField,
        Kind::DateOutside,
        Kind::SectionRemoved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Sum => "sum",
            Kind::Share => "share",
            Kind::Change => "change",
            Kind::Count => "count",
            Kind::Conflict => "conflict",
            Kind::NumberingSkip => "numbering-skip",
            Kind::NumberingRepeat => "numbering-repeat",
            Kind::DroppedFigure => "dropped-figure",
            Kind::Placeholder => "placeholder",
            Kind::EmptyField => "empty-field",
            Kind::DateOutside => "date-outside",
            Kind::SectionRemoved => "section-removed",
        }
    }
}

/// Replace `range` of the original text by `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Span,
    pub replacement: String,
}

impl Edit {
    pub fn apply(&self, text: &str) -> String {
        let mut s = String::with_capacity(text.len() + self.replacement.len());
        s.push_str(&text[..self.range.start]);
        s.push_str(&self.replacement);
        s.push_str(&text[self.range.end..]);
        s
    }

    /// Where the plant is in the mutated text: the new characters, or for a
    /// deletion the character on either side of it.
    pub fn planted_span(&self, mutated: &str) -> Span {
        let start = self.range.start;
        let end = start + self.replacement.len();
        if start < end {
            return start..end;
        }
        let before = mutated[..start]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        let after = mutated[start..].chars().next().map_or(0, char::len_utf8);
        start - before..start + after
    }

    /// An original span in the mutated text: after the edit it shifts, inside
    /// it becomes the replacement.
    pub fn map(&self, span: &Span) -> Span {
        let new_end = self.range.start + self.replacement.len();
        let map_offset = |o: usize| {
            if o <= self.range.start {
                o
            } else if o >= self.range.end {
                o - self.range.end + new_end
            } else {
                new_end
            }
        };
        map_offset(span.start)..map_offset(span.end)
    }
}

#[derive(Debug, Clone)]
pub struct Plant {
    pub kind: Kind,
    pub edit: Edit,
}

impl Plant {
    pub fn new(kind: Kind, range: Span, replacement: impl Into<String>) -> Plant {
        Plant {
            kind,
            edit: Edit {
                range,
                replacement: replacement.into(),
            },
        }
    }

    /// `before→after` with a few characters of context, for a developer.
    pub fn excerpt(&self, text: &str) -> String {
        const CONTEXT: usize = 12;
        let r = &self.edit.range;
        let head: String = {
            let mut v: Vec<char> = text[..r.start].chars().rev().take(CONTEXT).collect();
            v.reverse();
            v.into_iter().collect()
        };
        let tail: String = text[r.end..].chars().take(CONTEXT).collect();
        let before: String = text[r.clone()].chars().take(40).collect();
        let more = if text[r.clone()].chars().count() > 40 {
            "…"
        } else {
            ""
        };
        format!(
            "…{}[{before}{more}→{}]{}…",
            head.replace('\n', "⏎"),
            self.edit.replacement,
            tail.replace('\n', "⏎")
        )
        .replace('\n', "⏎")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deletion_is_planted_around_the_gap() {
        let text = "共45人参加";
        let at = text.find("45").unwrap();
        let edit = Edit {
            range: at..at + 2,
            replacement: String::new(),
        };
        let mutated = edit.apply(text);
        assert_eq!(mutated, "共人参加");
        assert_eq!(&mutated[edit.planted_span(&mutated)], "共人");
        // The original figure maps onto the gap; the text after shifts.
        let after = text.find("参加").unwrap();
        assert_eq!(&mutated[edit.map(&(after..text.len()))], "参加");
        assert_eq!(edit.map(&(at..at + 2)), at..at);
    }
}
