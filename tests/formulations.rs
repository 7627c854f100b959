//! Standard official formulations shortened or garbled (issue 19,
//! `text.formulation`): the guiding thought's name, the two 布局, the fixed
//! order of the 四个意识 and 四个自信, 次 and 届 of a congress, 十九大 written
//! bare beside 党的十九大 — in passages written like real drafts, with the
//! near-misses that must stay silent, and the organisation's own list.

mod common;
use common::{diagnostics, flagged};
use report_checker::document::Document;
use report_checker::report::Applicability;
use report_checker::{check_document, Options};

const RULE: &str = "text.formulation";

fn silent(text: &str) {
    let got = flagged(text, RULE);
    assert!(got.is_empty(), "{got:?} in {text}");
}

#[test]
fn the_guiding_thought_with_a_word_added_or_dropped() {
    let text = "全镇坚持以习近平总书记新时代中国特色社会主义思想为指导，深入学习习近平新时代特色社会主义思想，认真贯彻习近平同志新时代中国特色社会主义思想。\n";
    assert_eq!(
        flagged(text, RULE),
        vec![
            "习近平总书记新时代中国特色社会主义思想",
            "习近平新时代特色社会主义思想",
            "习近平同志新时代中国特色社会主义思想",
        ]
    );
    let d = diagnostics(text, RULE);
    assert_eq!(
        d[0].suggestions[0].replacement,
        "习近平新时代中国特色社会主义思想"
    );
    assert_eq!(d[0].suggestions[0].applicability, Applicability::Safe);
    assert!(d[0].message.contains("不是规范提法"), "{}", d[0].message);
}

#[test]
fn the_guiding_thought_without_its_leading_name() {
    let text = "2022年，我局坚持以新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神。\n";
    assert_eq!(flagged(text, RULE), vec!["新时代中国特色社会主义思想"]);
    let d = diagnostics(text, RULE);
    // Xi's own reports write it so: a guess the writer confirms.
    assert_eq!(
        d[0].suggestions[0].replacement,
        "习近平新时代中国特色社会主义思想"
    );
    assert_eq!(d[0].suggestions[0].applicability, Applicability::Unsafe);
}

#[test]
fn the_full_name_quotations_and_the_congress_theme_stay_silent() {
    // The corpus's own wording.
    silent("全区坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的十九大和十九届历次全会精神。\n");
    // The theme of the 20th congress, quoted without quotation marks.
    silent("我们要高举中国特色社会主义伟大旗帜，全面贯彻新时代中国特色社会主义思想，弘扬伟大建党精神，踔厉奋发、勇毅前行。\n");
    silent("党的十九大报告第三部分阐述了新时代中国特色社会主义思想和基本方略。\n");
    // Quotations and titles say what their author wrote.
    silent("报告指出：“新时代中国特色社会主义思想，是全党全国人民为实现中华民族伟大复兴而奋斗的行动指南。”\n");
    silent("组织干部学习《新时代中国特色社会主义思想三十讲》等读本。\n");
    // Other thoughts named in full, and legitimate neighbours.
    silent("深入学习贯彻习近平生态文明思想、习近平法治思想、习近平强军思想，坚持中国特色社会主义道路，推进新时代中国特色社会主义事业，全面贯彻新时代中国特色社会主义法治思想。\n");
}

#[test]
fn the_other_thoughts_with_zongshuji_inserted() {
    let text = "深入践行习近平总书记生态文明思想，认真学习习近平总书记法治思想，落实习近平总书记重要指示精神。\n";
    assert_eq!(
        flagged(text, RULE),
        vec!["习近平总书记生态文明思想", "习近平总书记法治思想"]
    );
    let d = diagnostics(text, RULE);
    assert_eq!(d[0].suggestions[0].replacement, "习近平生态文明思想");
    assert_eq!(d[1].suggestions[0].replacement, "习近平法治思想");
}

#[test]
fn the_two_layouts_swapped() {
    let text = "统筹推进“五位一体”战略布局、协调推进“四个全面”总体布局，推动经济社会高质量发展。落实五位一体战略布局。\n";
    assert_eq!(
        flagged(text, RULE),
        vec![
            "“五位一体”战略布局",
            "“四个全面”总体布局",
            "五位一体战略布局"
        ]
    );
    let d = diagnostics(text, RULE);
    assert_eq!(d[0].suggestions[0].replacement, "“五位一体”总体布局");
    assert_eq!(d[1].suggestions[0].replacement, "“四个全面”战略布局");
    assert_eq!(d[2].suggestions[0].replacement, "五位一体总体布局");
    assert_eq!(d[0].suggestions[0].applicability, Applicability::Safe);
    // The corpus's own wording.
    silent("以习近平新时代中国特色社会主义思想为指导,统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局,坚定不移贯彻新发展理念。\n");
}

#[test]
fn liang_ge_queli_with_the_wording_of_liang_ge_weihu() {
    let text =
        "深刻领悟“两个确立”的决定性意义，坚决拥护确立习近平总书记党中央的核心、全党的核心地位。\n";
    assert_eq!(flagged(text, RULE), vec!["确立习近平总书记党中央的核心"]);
    assert_eq!(
        diagnostics(text, RULE)[0].suggestions[0].replacement,
        "确立习近平同志党中央的核心"
    );
    silent("深刻领悟“两个确立”的决定性意义，坚决拥护确立习近平同志党中央的核心、全党的核心地位，坚决维护习近平总书记党中央的核心、全党的核心地位。\n");
}

#[test]
fn the_four_awarenesses_and_confidences_out_of_order() {
    let text = "全体党员增强政治意识、核心意识、大局意识、看齐意识，坚定理论自信、道路自信、制度自信和文化自信。\n";
    assert_eq!(
        flagged(text, RULE),
        vec![
            "政治意识、核心意识、大局意识、看齐意识",
            "理论自信、道路自信、制度自信和文化自信"
        ]
    );
    let d = diagnostics(text, RULE);
    assert_eq!(
        d[0].suggestions[0].replacement,
        "政治意识、大局意识、核心意识、看齐意识"
    );
    // The separators as written.
    assert_eq!(
        d[1].suggestions[0].replacement,
        "道路自信、理论自信、制度自信和文化自信"
    );
    assert_eq!(d[1].suggestions[0].applicability, Applicability::Safe);
    silent("全体党员增强政治意识、大局意识、核心意识、看齐意识，坚定中国特色社会主义道路自信、理论自信、制度自信、文化自信。\n");
    // Fewer items, other items, the short forms in quotes: not the enumeration.
    silent("增强“四个意识”、坚定“四个自信”、做到“两个维护”，强化核心意识、看齐意识，树立大局意识、政治意识和责任意识，增强文化自信、理论自信。\n");
}

#[test]
fn a_congress_counted_in_jie() {
    let text =
        "学习贯彻中国共产党第十九届全国代表大会精神，组织收看党的第二十届全国代表大会开幕会。\n";
    assert_eq!(
        flagged(text, RULE),
        vec!["第十九届全国代表大会", "第二十届全国代表大会"]
    );
    assert_eq!(
        diagnostics(text, RULE)[0].suggestions[0].replacement,
        "第十九次全国代表大会"
    );
    silent("学习贯彻中国共产党第十九次全国代表大会精神和党的十九届六中全会精神，第十四届全国人民代表大会第一次会议，中国共产主义青年团第十九次全国代表大会。\n");
}

#[test]
fn a_bare_congress_where_the_draft_writes_it_in_full() {
    let text = "某街道2022年工作总结\n一、工作成效\n深入学习宣传贯彻党的二十大精神，组织宣讲36场。\n二、主要做法\n把思想和行动统一到二十大精神上来，十九大以来累计建成服务站12个。\n";
    assert_eq!(flagged(text, RULE), vec!["二十大", "十九大"]);
    let d = diagnostics(text, RULE);
    assert_eq!(d[0].suggestions[0].replacement, "党的二十大");
    assert_eq!(d[0].suggestions[0].applicability, Applicability::Safe);
    assert_eq!(&text[d[0].related[0].span.clone()], "党的二十大");
    // 中共 is the draft's own full form.
    let zhonggong = "深入学习中共十九大报告，十九大代表到村宣讲。\n";
    assert_eq!(flagged(zhonggong, RULE), vec!["十九大"]);
    assert_eq!(
        diagnostics(zhonggong, RULE)[0].suggestions[0].replacement,
        "中共十九大"
    );
}

#[test]
fn bare_congresses_that_stay_silent() {
    // A draft that never writes the full form keeps its own style.
    silent("政府认真贯彻落实十九大精神和习近平新时代中国特色社会主义思想，持续深入学习十九大报告精神。\n");
    // A list shares its first name's 党的.
    silent("深入学习贯彻党的十八大、十九大精神，全面贯彻党的十九大和十九届历次全会精神，学习党的十八大以及十九大、二十大精神。\n");
    // Nineteen of something, part of a longer number, quoted, a brigade.
    silent("学习党的二十大精神，实施二十大民生工程，组建第十九大队，开展“喜迎二十大”主题活动，完成《十九大报告辅导读本》学习，全年二十九大类项目。\n");
}

fn configured(text: &str, json: &str) -> Vec<(String, Option<(String, Applicability)>)> {
    let options = Options::from_json(json).expect("configuration");
    check_document(&Document::parse(text), &options)
        .expect("valid options")
        .into_iter()
        .filter(|d| d.rule == RULE)
        .map(|d| {
            let fix = d
                .suggestions
                .first()
                .map(|s| (s.replacement.clone(), s.applicability));
            (text[d.span].to_string(), fix)
        })
        .collect()
}

#[test]
fn the_organisation_adds_its_own_formulations() {
    let json = r#"{"wording": {"formulations": [
        {"canonical": "乡村振兴战略", "wrong": ["乡村振兴计划"], "note": "县委办规范"},
        {"canonical": "“放管服”改革", "wrong": ["放管服改革", "“放服管”改革"]},
        {"canonical": "河长制", "wrong": ["河[道流]长制"]}
    ]}}"#;
    let text = "全面实施乡村振兴计划，深化放管服改革和“放服管”改革，推行河道长制，落实“放管服”改革和河长制，“乡村振兴计划”的说法已停用。\n";
    assert_eq!(
        configured(text, json),
        vec![
            (
                "乡村振兴计划".to_string(),
                Some(("乡村振兴战略".to_string(), Applicability::Safe))
            ),
            (
                "放管服改革".to_string(),
                Some(("“放管服”改革".to_string(), Applicability::Safe))
            ),
            (
                "“放服管”改革".to_string(),
                Some(("“放管服”改革".to_string(), Applicability::Safe))
            ),
            // A pattern may match more than was meant: a guess.
            (
                "河道长制".to_string(),
                Some(("河长制".to_string(), Applicability::Unsafe))
            ),
        ]
    );
    let options = Options::from_json(json).unwrap();
    let d = check_document(&Document::parse(text), &options).unwrap();
    let first = d.iter().find(|d| d.rule == RULE).unwrap();
    assert!(
        first.message.contains("（县委办规范）"),
        "{}",
        first.message
    );
}

#[test]
fn the_default_list_can_be_switched_off() {
    let text = "统筹推进“五位一体”战略布局，全面实施乡村振兴计划。\n";
    assert_eq!(configured(text, "{}").len(), 1);
    let own_only = r#"{"wording": {"defaultFormulations": false,
        "formulations": [{"canonical": "乡村振兴战略", "wrong": ["乡村振兴计划"]}]}}"#;
    assert_eq!(
        configured(text, own_only)
            .into_iter()
            .map(|f| f.0)
            .collect::<Vec<_>>(),
        vec!["乡村振兴计划"]
    );
    assert!(configured(text, r#"{"wording": {"defaultFormulations": false}}"#).is_empty());
}

#[test]
fn bad_formulation_entries_are_errors_that_name_them() {
    let error = |json: &str| Options::from_json(json).expect_err(json).0;
    let e = error(r#"{"wording": {"formulations": [{"canonical": "", "wrong": ["x"]}]}}"#);
    assert!(e.contains("canonical"), "{e}");
    let e =
        error(r#"{"wording": {"formulations": [{"canonical": "河长制", "wrong": ["河(长"]}]}}"#);
    assert!(e.contains("河(长"), "{e}");
    let e = error(
        r#"{"wording": {"formulations": [{"canonical": "河长制", "wrong": ["河道长制"], "source": "x"}]}}"#,
    );
    assert!(e.contains("source"), "{e}");
    let e = error(r#"{"wording": {"defaultFormulation": false}}"#);
    assert!(e.contains("defaultFormulation"), "{e}");
}
