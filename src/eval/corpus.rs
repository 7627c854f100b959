//! An annotated folder: `annotations.json` beside one `<id>.txt` per text
//! (format: `shared/corpus/README.md`, `relations`: `tests/corpus/README.md`).

use serde::Deserialize;
use std::path::Path;

/// One text's annotation. Fields the scorers do not read are ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Annotated {
    pub id: String,
    pub truncated: bool,
    /// The reporting period as annotated: `2021年度`, `2022年上半年` …
    pub period: Option<String>,
    pub defects: Vec<Defect>,
    pub sections_missing: Vec<String>,
    pub relations: Vec<Relation>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Defect {
    pub kind: String,
    pub quote: Vec<String>,
    pub explanation: String,
}

/// An arithmetic or consistency relation worked out by hand. Each quote is an
/// exact substring occurring once in the text; its first number is the figure.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Relation {
    /// `sum`, `share`, `change`, `count` or `same`.
    pub kind: String,
    pub total: Option<String>,
    pub parts: Vec<String>,
    pub part: Option<String>,
    pub whole: Option<String>,
    pub rate: Option<String>,
    pub current: Option<String>,
    pub previous: Option<String>,
    pub delta: Option<String>,
    pub count: Option<String>,
    pub items: Vec<String>,
    pub first: Option<String>,
    pub second: Option<String>,
    pub holds: bool,
}

/// Reads `dir/annotations.json` and every text it names.
pub fn load(dir: &Path) -> Result<Vec<(Annotated, String)>, String> {
    let ann_path = dir.join("annotations.json");
    let raw =
        std::fs::read_to_string(&ann_path).map_err(|e| format!("{}: {e}", ann_path.display()))?;
    let docs: Vec<Annotated> =
        serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", ann_path.display()))?;
    docs.into_iter()
        .map(|ann| {
            let path = dir.join(format!("{}.txt", ann.id));
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok((ann, text))
        })
        .collect()
}
