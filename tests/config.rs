//! The configuration (the options of `check()`, the file of `--config`):
//! severities changed, rules off, the organisation's word lists, and errors
//! that name the culprit for unknown keys, unknown rule codes and bad patterns.
#![cfg(not(target_arch = "wasm32"))]

use report_checker::{check, Options};

const DRAFT: &str = "青山县民政局2023年工作总结
一、工作成效
全年县民政局持续推进精准扶贫工作，落实低保对象1200户。民政局干部下沉社区。
二、存在问题
部分村居精准扶贫台账不全。
三、下步工作打算
继续巩固拓展脱贫攻坚成果。
";

fn options(json: &str) -> Options {
    Options::from_json(json).unwrap_or_else(|e| panic!("{e}"))
}

fn error(json: &str) -> String {
    Options::from_json(json).unwrap_err().0
}

/// (rule, flagged text, severity, suggestions) of every finding of the word-list rules.
fn wording_findings(text: &str, o: &Options) -> Vec<(String, String, String, Vec<String>)> {
    let units: Vec<u16> = text.encode_utf16().collect();
    check(text, o)
        .unwrap()
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == "text.wording" || d.rule == "text.full-name")
        .map(|d| {
            let flagged = String::from_utf16(&units[d.span.start..d.span.end]).unwrap();
            let sugg = d
                .suggestions
                .iter()
                .map(|s| s.replacement.clone())
                .collect();
            (
                d.rule.to_string(),
                flagged,
                d.severity.as_str().to_string(),
                sugg,
            )
        })
        .collect()
}

#[test]
fn forbidden_phrasings_are_flagged_with_the_preferred_form() {
    let o = options(
        r#"{"wording": {"forbidden": [
            {"pattern": "精准扶贫", "preferred": "巩固拓展脱贫攻坚成果", "note": "2021年起的提法"},
            {"pattern": "低保(对象|户)", "preferred": "最低生活保障对象"}
        ]}}"#,
    );
    let found = wording_findings(DRAFT, &o);
    let wording: Vec<_> = found.iter().filter(|f| f.0 == "text.wording").collect();
    assert_eq!(
        wording.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(),
        ["精准扶贫", "低保对象", "精准扶贫"]
    );
    assert_eq!(wording[0].3, ["巩固拓展脱贫攻坚成果"]);
    assert_eq!(wording[0].2, "warning");
    let report = check(DRAFT, &o).unwrap();
    let msg = &report
        .diagnostics
        .iter()
        .find(|d| d.rule == "text.wording")
        .unwrap()
        .message;
    assert!(
        msg.contains("应改为“巩固拓展脱贫攻坚成果”") && msg.contains("2021年起的提法"),
        "{msg}"
    );
    // Without a word list the rule is silent, and the preferred form itself is never flagged.
    assert!(wording_findings(DRAFT, &Options::default()).is_empty());
    let clean = DRAFT
        .replace("精准扶贫", "巩固拓展脱贫攻坚成果")
        .replace("低保对象", "最低生活保障对象");
    assert!(
        wording_findings(&clean, &o).is_empty(),
        "{:?}",
        wording_findings(&clean, &o)
    );
}

#[test]
fn a_short_name_before_the_full_name_is_flagged_once() {
    let o = options(
        r#"{"wording": {"fullNames": [{"full": "青山县民政局", "short": ["县?民政局"]}]}}"#,
    );
    // The title gives the full name first: every later 县民政局 / 民政局 is fine.
    assert!(
        wording_findings(DRAFT, &o).is_empty(),
        "{:?}",
        wording_findings(DRAFT, &o)
    );
    // Without the full name in the title, the first short form is flagged, only it.
    let untitled = DRAFT.replacen("青山县民政局2023年工作总结", "2023年工作总结", 1);
    let found = wording_findings(&untitled, &o);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "县民政局");
    assert_eq!(found[0].3, ["青山县民政局"]);
    // The full name written out after the short form does not excuse it.
    let late = untitled.replace("继续巩固", "青山县民政局继续巩固");
    assert_eq!(wording_findings(&late, &o).len(), 1);
}

#[test]
fn severities_change_and_rules_go_off() {
    let o = options(
        r#"{"severity": {"numbers.conflict": "info"}, "disabledRules": ["structure.signature"]}"#,
    );
    let text = "青山镇2023年一季度工作总结\n一、工作成效\n机关党员到社区报到2544人，开展服务活动。推进党建进小区，机关党员到社区的报到人数2546人。\n二、存在问题\n资金不足。\n";
    let report = check(text, &o).unwrap();
    let conflict = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "numbers.conflict")
        .unwrap();
    assert_eq!(conflict.severity.as_str(), "info");
    assert!(report
        .diagnostics
        .iter()
        .all(|d| d.rule != "structure.signature"));
    // The same text with default options: the conflict is an error, the missing sign-off is flagged.
    let report = check(text, &Options::default()).unwrap();
    let conflict = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "numbers.conflict")
        .unwrap();
    assert_eq!(conflict.severity.as_str(), "error");
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.rule == "structure.signature"));
}

#[test]
fn mistakes_in_a_configuration_name_the_culprit() {
    let e = error(r#"{"severites": {}}"#);
    assert!(e.contains("severites"), "{e}");
    let e = error(r#"{"disabledRules": ["numbers.conflit"]}"#);
    assert!(
        e.contains("numbers.conflit") && e.contains("disabledRules"),
        "{e}"
    );
    let e = error(r#"{"severity": {"numbers.sum": "fatal"}}"#);
    assert!(e.contains("fatal"), "{e}");
    let e = error(r#"{"severity": {"nope.rule": "info"}}"#);
    assert!(e.contains("nope.rule"), "{e}");
    let e = error(r#"{"wording": {"forbidden": [{"pattern": "精准(扶贫"}]}}"#);
    assert!(e.contains("精准(扶贫"), "{e}");
    let e = error(r#"{"wording": {"forbidden": [{"pattern": "x*"}]}}"#);
    assert!(e.contains("x*") && e.contains("空"), "{e}");
    let e = error(r#"{"wording": {"forbidden": [{"pattern": "扶贫", "prefered": "x"}]}}"#);
    assert!(e.contains("prefered"), "{e}");
    let e = error(
        r#"{"wording": {"fullNames": [{"full": "青山县民政局", "short": ["民政局"], "x": 1}]}}"#,
    );
    assert!(e.contains("`x`"), "{e}");
    // A pattern only the native engine knows is refused: the page could not load it.
    let e = error(r#"{"wording": {"forbidden": [{"pattern": "\\p{Han}扶贫"}]}}"#);
    assert!(e.contains("扶贫"), "{e}");
    // A template object with a misspelt key says which key.
    let e = error(r#"{"template": {"name": "t", "sectons": []}}"#);
    assert!(e.contains("sectons"), "{e}");
    assert!(error("{").contains("配置有误"));
    // Options passed straight to check() are validated there too.
    let mut o = Options::default();
    o.disabled_rules.push("numbers.conflit".into());
    assert!(check("x", &o).unwrap_err().0.contains("numbers.conflit"));
}

#[test]
fn a_hostile_word_list_stays_linear() {
    // A pattern that would backtrack exponentially elsewhere, on 200 KB of 'a'.
    let o = options(r#"{"wording": {"forbidden": [{"pattern": "(a+)+b"}]}}"#);
    let text = "a".repeat(200_000);
    let t = std::time::Instant::now();
    let report = check(&text, &o).unwrap();
    assert!(report.diagnostics.iter().all(|d| d.rule != "text.wording"));
    assert!(t.elapsed().as_secs() < 5, "{:?}", t.elapsed());
}

#[test]
fn the_readme_example_configuration_loads_and_works() {
    // The JSON block under “配置文件 / Configuration” in the README.
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("## 配置文件").expect("configuration section")..];
    let start = section.find("```json\n").expect("json block") + "```json\n".len();
    let json = &section[start..start + section[start..].find("```").unwrap()];
    let o = options(json);
    let found = wording_findings(DRAFT, &o);
    assert!(
        found
            .iter()
            .any(|f| f.0 == "text.wording" && f.1 == "精准扶贫"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.0 == "text.wording" && f.1 == "低保对象"),
        "{found:?}"
    );
}
