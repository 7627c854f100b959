//! LanguageTool's annotated text (the `data` field): text parts and markup
//! parts, each markup optionally read as `interpretAs`. We check the text as
//! read, and map every offset back to the document as the client sent it
//! (markup included), which is what LanguageTool answers.

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    annotation: Vec<Part>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Part {
    text: Option<String>,
    markup: Option<String>,
    interpret_as: Option<String>,
}

/// A run of the checked text and where it came from, in UTF-16 units.
struct Piece {
    checked: usize,
    original: usize,
    /// Length in the checked text.
    len: usize,
    /// Length in the original (differs for markup read as something else).
    original_len: usize,
    is_text: bool,
}

pub struct Annotated {
    /// The text the checker reads.
    pub checked: String,
    pieces: Vec<Piece>,
}

impl Annotated {
    pub fn plain(text: String) -> Annotated {
        Annotated {
            checked: text,
            pieces: Vec::new(),
        }
    }

    pub fn parse(data: &str) -> Result<Annotated, String> {
        let data: Data = serde_json::from_str(data)
            .map_err(|e| format!("data 参数不是 LanguageTool 的标注文本 JSON：{e}"))?;
        let mut checked = String::new();
        let mut pieces = Vec::new();
        let (mut at, mut original) = (0, 0);
        for part in data.annotation {
            let (read, original_len, is_text) = match (part.text, part.markup) {
                (Some(text), None) => {
                    let n = utf16_len(&text);
                    (text, n, true)
                }
                (None, Some(markup)) => (
                    part.interpret_as.unwrap_or_default(),
                    utf16_len(&markup),
                    false,
                ),
                _ => return Err("data 中每一项须恰有 text 或 markup 之一".to_string()),
            };
            let len = utf16_len(&read);
            checked.push_str(&read);
            pieces.push(Piece {
                checked: at,
                original,
                len,
                original_len,
                is_text,
            });
            at += len;
            original += original_len;
        }
        Ok(Annotated { checked, pieces })
    }

    /// The original offset of checked offset `at`. Inside markup a start
    /// maps to the markup's start and an end to its end, so a match always
    /// covers the markup that stood for the flagged text.
    pub fn original(&self, at: usize, is_end: bool) -> usize {
        if self.pieces.is_empty() {
            return at;
        }
        // A start belongs to the piece whose first unit it is (markup read as
        // nothing is skipped); an end to the piece whose last unit precedes it.
        let i = if is_end {
            self.pieces.partition_point(|p| p.checked + p.len < at)
        } else {
            self.pieces.partition_point(|p| p.checked + p.len <= at)
        };
        let Some(p) = self.pieces.get(i) else {
            return self
                .pieces
                .last()
                .map_or(0, |p| p.original + p.original_len);
        };
        match (p.is_text, is_end) {
            (true, _) => p.original + (at - p.checked.min(at)).min(p.len),
            (false, true) => p.original + p.original_len,
            (false, false) => p.original,
        }
    }
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_back_past_markup() {
        let data = r#"{"annotation":[
            {"markup":"<p>"},{"text":"报到人数"},{"markup":"<b>"},{"text":"2546人"},
            {"markup":"</b>"},{"markup":"<br/>","interpretAs":"\n"},{"text":"完"}]}"#;
        let a = Annotated::parse(data).unwrap();
        assert_eq!(a.checked, "报到人数2546人\n完");
        // “2546人” is checked at 4..9; in the original it follows <p>报到人数<b>.
        assert_eq!(a.original(4, false), 3 + 4 + 3);
        assert_eq!(a.original(9, true), 3 + 4 + 3 + 5);
        // The line break read for <br/> covers the whole tag.
        assert_eq!(a.original(9, false), 3 + 4 + 3 + 5 + 4);
        assert_eq!(a.original(10, true), 3 + 4 + 3 + 5 + 4 + 5);
        assert_eq!(a.original(10, false), 3 + 4 + 3 + 5 + 4 + 5);
        assert!(Annotated::parse(r#"{"annotation":[{"text":"a","markup":"b"}]}"#).is_err());
        assert!(Annotated::parse("{").is_err());
    }
}
