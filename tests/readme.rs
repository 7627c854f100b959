//! The README's rule table and the page's family labels are the registry's:
//! `report-check rules --format markdown` prints the table, and these tests
//! fail when either disagrees with the core.

use std::process::Command;

#[test]
fn the_readme_rule_table_is_the_registry() {
    let out = Command::new(env!("CARGO_BIN_EXE_report-check"))
        .args(["rules", "--format", "markdown"])
        .output()
        .expect("report-check runs");
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).expect("UTF-8");
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let inside = readme
        .split_once("<!-- rules:begin -->\n")
        .and_then(|(_, rest)| rest.split_once("<!-- rules:end -->"))
        .map(|(inside, _)| inside)
        .expect("README has the rules markers");
    assert_eq!(
        inside, table,
        "README's rule table differs from the registry; regenerate it with `report-check rules --format markdown`"
    );
    for code in report_checker::rules::registry().iter().map(|r| r.code) {
        assert!(inside.contains(&format!("`{code}`")), "{code}");
    }
}

#[test]
fn the_page_labels_every_family_as_the_core_does() {
    // The page's labels live with its other verdict and report wording.
    let app = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/page/model.js"))
        .expect("www/page/model.js");
    let line = app
        .lines()
        .find(|l| l.contains("CATEGORY_LABELS = {"))
        .expect("page/model.js names its category labels in CATEGORY_LABELS");
    for r in report_checker::rules::registry() {
        let family = r.family.as_str();
        let label = r.family.label_zh();
        assert!(
            line.contains(&format!("{family}: '{label}'")),
            "page/model.js labels family {family} other than the core's “{label}”: {line}"
        );
    }
}
