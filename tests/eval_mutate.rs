//! The planted-defect harness (`report-check eval --mutate`) on a small
//! annotated folder: the exact edit of every plant, found and missed plants
//! counted, relations that do not hold skipped, bad quotes reported.
#![cfg(not(target_arch = "wasm32"))]

use report_checker::eval::mutate::{self, Kind, MutationScore};
use report_checker::eval::{Annotated, Relation};
use report_checker::Options;
use std::path::Path;
use std::process::Command;

const FOLDER: &str = "tests/fixtures/mutate/township";

fn folder() -> &'static Path {
    Path::new(FOLDER)
}

fn load(id: &str) -> (Annotated, String) {
    let raw = std::fs::read_to_string(folder().join("annotations.json")).unwrap();
    let all: Vec<Annotated> = serde_json::from_str(&raw).unwrap();
    let ann = all.into_iter().find(|a| a.id == id).unwrap();
    let text = std::fs::read_to_string(folder().join(format!("{id}.txt"))).unwrap();
    (ann, text)
}

/// Options with every rule off but `keep`.
fn only(keep: &[&str]) -> Options {
    Options {
        disabled_rules: report_checker::rules::all()
            .iter()
            .map(|r| r.id().to_string())
            .filter(|id| !keep.contains(&id.as_str()))
            .collect(),
        ..Options::default()
    }
}

fn score(options: &Options) -> MutationScore {
    mutate::evaluate(folder(), options, 0, false).unwrap()
}

#[test]
fn every_plant_makes_the_intended_edit() {
    let (ann, text) = load("t1");
    let planting = mutate::plant(&ann, &text, 0);
    let edits: Vec<(&str, &str, &str)> = planting
        .plants
        .iter()
        .map(|p| {
            (
                p.kind.as_str(),
                &text[p.edit.range.clone()],
                p.edit.replacement.as_str(),
            )
        })
        .collect();
    let mut expected = vec![
        // Relations: a part up beyond the rounding of 24 = 18 + 6; a share
        // 8 points off; a change rate 3 points off; the count +1; the
        // restated figure beyond both figures' rounding and 2 %.
        ("sum", "18", "20"),
        ("share", "40.0", "48.0"),
        ("change", "10.0", "7.0"),
        ("count", "3", "4"),
        ("conflict", "580", "592"),
        // 一、二、三; （一）（二）（三）; two run-in lists 一是 二是.
        ("numbering-skip", "三", "四"),
        ("numbering-repeat", "二", "一"),
        ("numbering-skip", "三", "四"),
        ("numbering-repeat", "二", "一"),
        ("numbering-skip", "二", "三"),
        ("numbering-repeat", "二", "一"),
        ("numbering-skip", "二", "三"),
        ("numbering-repeat", "二", "一"),
    ];
    // Twelve of the sixteen figures with units, evenly spread; XX and ×× alternate.
    let figures = [
        "24", "18", "6", "150", "80", "60", "2.40", "0.96", "40.0", "0.3", "10.0", "580",
    ];
    for (i, f) in figures.iter().enumerate() {
        expected.push(("dropped-figure", f, ""));
        expected.push(("placeholder", f, if i % 2 == 0 { "XX" } else { "××" }));
    }
    expected.extend([
        ("empty-field", "青山镇党政办", ""),
        // The period is the first quarter: 3月 moves to 4月.
        ("date-outside", "3月15日", "4月15日"),
        ("section-removed", "二、存在问题\n一是资金缺口较大；二是专业人才不足。\n", ""),
        (
            "section-removed",
            "三、下一步打算\n一是抓好项目建设；二是加强队伍建设。确保580万元项目资金按期拨付到位。\n",
            "",
        ),
    ]);
    assert_eq!(edits, expected);

    let sum = &planting.plants[0];
    assert!(sum
        .edit
        .apply(&text)
        .contains("全镇共有党支部24个，其中农村党支部20个、社区党支部6个。"));
    let last_section = planting.plants.last().unwrap().edit.apply(&text);
    assert!(last_section.ends_with("不足。\n青山镇人民政府\n2023年4月2日\n"));
}

#[test]
fn another_set_moves_other_figures_the_other_way() {
    let (ann, text) = load("t1");
    let edits = |set| -> Vec<(Kind, String, String)> {
        mutate::plant(&ann, &text, set)
            .plants
            .into_iter()
            .map(|p| (p.kind, text[p.edit.range].to_string(), p.edit.replacement))
            .collect()
    };
    let (standard, held_out) = (edits(0), edits(1));
    let relations: Vec<(&str, &str, &str)> = held_out[..5]
        .iter()
        .map(|(k, b, a)| (k.as_str(), b.as_str(), a.as_str()))
        .collect();
    assert_eq!(
        relations,
        [
            ("sum", "24", "26"),
            ("share", "40.0", "32.0"),
            ("change", "10.0", "13.0"),
            ("count", "3", "2"),
            ("conflict", "580", "568"),
        ]
    );
    // As many plants of each kind, mostly elsewhere.
    let kinds = |e: &[(Kind, String, String)]| e.iter().map(|p| p.0).collect::<Vec<_>>();
    assert_eq!(kinds(&standard), kinds(&held_out));
    let same = standard
        .iter()
        .zip(&held_out)
        .filter(|(a, b)| a == b)
        .count();
    assert!(
        same < standard.len() / 2,
        "{same} of {} alike",
        standard.len()
    );
}

#[test]
fn relations_that_do_not_hold_are_skipped() {
    let (ann, text) = load("t1");
    let planting = mutate::plant(&ann, &text, 0);
    assert_eq!(planting.skipped, 1);
    // The one sum planted is 24 = 18 + 6, never 150 ≠ 80 + 60.
    let sums: Vec<_> = planting
        .plants
        .iter()
        .filter(|p| p.kind == Kind::Sum)
        .map(|p| &text[p.edit.range.clone()])
        .collect();
    assert_eq!(sums, ["18"]);
}

#[test]
fn bad_quotes_are_annotation_errors_with_the_id() {
    let (ann, text) = load("t1");
    assert_eq!(
        mutate::plant(&ann, &text, 0).errors,
        [
            "t1: relation 7 (same): quote «预脱贫人口45人» not found in the text",
            "t1: relation 8 (same): quote «580万元» occurs 2 times",
        ]
    );
    assert_eq!(score(&Options::default()).annotation_errors.len(), 2);
}

#[test]
fn a_caught_plant_is_found_and_a_missed_one_is_not() {
    // Parts over their total in one 其中 sentence: numbers.sum catches both
    // (20 + 6 > 24 in t1, 8 + 9 > 15 in t2).
    let caught = score(&only(&["numbers.sum"]));
    assert_eq!((caught.planted(Kind::Sum), caught.found(Kind::Sum)), (2, 2));
    let listed = mutate::evaluate(folder(), &only(&["numbers.sum"]), 0, true).unwrap();
    assert!(listed.listing().contains("  found sum by numbers.sum 2\n"));
    assert!(listed.listing().contains("  miss  t2 [placeholder] "));
    // Without that rule nothing sees them.
    let blind = score(&only(&[]));
    for kind in Kind::ALL {
        assert_eq!(blind.found(kind), 0, "{}", kind.as_str());
        assert_eq!(blind.planted(kind), caught.planted(kind));
    }
    assert_eq!(blind.planted(Kind::SectionRemoved), 2); // t2 is truncated: none there
    assert_eq!(blind.false_alarms(), 0);
    assert_eq!(blind.recall(), 0.0);
}

#[test]
fn the_cli_prints_the_table_and_the_last_line() {
    let out = Command::new(env!("CARGO_BIN_EXE_report-check"))
        .args(["eval", "--mutate", FOLDER])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        rows[0],
        "mutate township: 2 texts, 395 characters, 9 relations, 48 plants"
    );
    assert!(rows
        .iter()
        .any(|r| r.split_whitespace().take(3).eq(["sum", "2", "2"])));
    assert!(stdout.contains("t1: relation 7 (same): quote «预脱贫人口45人» not found"));
    assert!(rows.last().unwrap().starts_with("mutate recall "));
    assert!(rows.last().unwrap().contains(" false-alarms "));

    let missing = Command::new(env!("CARGO_BIN_EXE_report-check"))
        .args(["eval", "--mutate", "tests/fixtures/mutate/no-such-folder"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of drafts where the planters look: numerals, headings, dates,
    /// fields, units, and characters of every UTF-8 width.
    const FRAGMENTS: &[&str] = &[
        "一、",
        "二、",
        "（一）",
        "(二)",
        "1.",
        "2、",
        "（1）",
        "一是",
        "二是",
        "，",
        "。",
        "：",
        ":",
        "\n",
        " ",
        "　",
        "2023年",
        "3月",
        "15日",
        "12个",
        "1,260户",
        "0.5万吨",
        "61.9亿元",
        "45.0%",
        "１２人",
        "十二",
        "两",
        "存在问题",
        "下一步打算",
        "来源：",
        "其中",
        "[2]",
        "-",
        "—",
        "第3",
        "𠀋",
        "é",
    ];

    fn draft() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|v| v.concat())
    }

    /// Relations of every kind whose quotes are pieces of `text` (chars
    /// `a..b`, one piece per field), as badly as an annotator might pick them.
    fn relations(text: &str, picks: &[(usize, usize)]) -> Vec<Relation> {
        let chars: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let quote = |k: usize| {
            let (a, b) = picks[k % picks.len()];
            let (a, b) = (a % chars.len(), b % chars.len());
            Some(text[chars[a.min(b)]..chars[a.max(b)]].to_string())
        };
        let mut out = Vec::new();
        for (k, kind) in ["sum", "share", "change", "change", "count", "same"]
            .iter()
            .enumerate()
        {
            let mut r = Relation {
                kind: kind.to_string(),
                holds: true,
                ..Relation::default()
            };
            (r.total, r.parts) = (quote(k), vec![quote(k + 1).unwrap(), quote(k + 2).unwrap()]);
            (r.part, r.whole, r.rate) = (quote(k + 3), quote(k + 4), quote(k + 5));
            (r.current, r.delta) = (quote(k + 6), quote(k + 7));
            if k == 3 {
                (r.previous, r.rate) = (quote(k + 8), None);
            }
            (r.count, r.first, r.second) = (quote(k + 9), quote(k + 10), quote(k + 11));
            out.push(r);
        }
        out
    }

    proptest! {
        #[test]
        fn every_plant_is_one_edit_on_char_boundaries(
            text in draft(),
            picks in prop::collection::vec((0usize..200, 0usize..200), 1..12),
        ) {
            let ann = Annotated {
                id: "p".into(),
                period: Some("2023年上半年".into()),
                relations: relations(&text, &picks),
                ..Annotated::default()
            };
            for plant in mutate::plant(&ann, &text, 0).plants {
                prop_assert!(text.get(plant.edit.range.clone()).is_some());
                let mutated = plant.edit.apply(&text);
                prop_assert!(mutated.get(plant.edit.planted_span(&mutated)).is_some());
                prop_assert!(!plant.excerpt(&text).is_empty());
                let whole = plant.edit.map(&(0..text.len()));
                prop_assert_eq!(whole, 0..mutated.len());
            }
        }
    }
}
