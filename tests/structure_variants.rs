//! The outline checks on variants of one sound county summary: a section
//! removed, two sections swapped, a heading renumbered, the sign-off dropped,
//! a date moved out of the period — and drafts with unusual but valid
//! headings that must stay silent.

mod common;
use common::{findings, fixture, flagged};

fn base() -> String {
    fixture("county_civil_affairs_2022.txt")
}

/// The rules that fire on `text` and not on the unchanged summary.
fn new_rules(text: &str) -> Vec<&'static str> {
    let before: Vec<&str> = findings(&base()).into_iter().map(|(r, _)| r).collect();
    findings(text)
        .into_iter()
        .map(|(r, _)| r)
        .filter(|r| !before.contains(r))
        .collect()
}

/// The summary without the paragraphs from the line starting `from` up to the line starting `to`.
fn without(text: &str, from: &str, to: &str) -> String {
    let a = text.find(from).expect("section present");
    let b = text[a..]
        .find(to)
        .map(|i| a + i)
        .expect("next section present");
    format!("{}{}", &text[..a], &text[b..])
}

#[test]
fn the_base_summary_has_only_its_planted_slips() {
    assert_eq!(new_rules(&base()), Vec::<&str>::new());
    assert!(flagged(&base(), "structure.signature").is_empty());
    assert!(flagged(&base(), "structure.order").is_empty());
}

#[test]
fn a_removed_problems_section_is_an_error_where_it_belongs() {
    let text = without(&base(), "二、存在问题", "三、下一步工作打算")
        .replace("三、下一步工作打算", "二、下一步工作打算");
    let d = common::diagnostics(&text, "structure.missing-section");
    assert_eq!(d.len(), 1, "{:?}", findings(&text));
    // One finding names both parts missing before the plans: the required one makes it an error.
    assert!(
        d[0].message.contains("存在问题") && d[0].message.contains("主要做法"),
        "{}",
        d[0].message
    );
    assert_eq!(d[0].severity.as_str(), "error");
    // It points at the plans heading, before which the section belongs.
    assert!(
        text[d[0].span.clone()].starts_with("二、下一步工作打算"),
        "{}",
        &text[d[0].span.clone()]
    );
}

#[test]
fn swapped_sections_are_out_of_order() {
    let t = base();
    let problems_at = t.find("二、存在问题").unwrap();
    let plans_at = t.find("三、下一步工作打算").unwrap();
    let signoff_at = t.find("某县民政局\n2023").unwrap();
    let problems = &t[problems_at..plans_at];
    let plans = &t[plans_at..signoff_at];
    let swapped = format!(
        "{}{}\n{}{}",
        &t[..problems_at],
        plans.replace("三、", "二、").trim_end(),
        problems.replace("二、", "三、"),
        &t[signoff_at..]
    );
    assert_eq!(
        flagged(&swapped, "structure.order").len(),
        1,
        "{:?}",
        findings(&swapped)
    );
}

#[test]
fn a_renumbered_heading_is_a_gap_with_the_expected_number() {
    let text = base().replace("（三）加强基层政权建设", "（四）加强基层政权建设");
    let d = common::diagnostics(&text, "numbering.gap");
    assert!(d.iter().any(|d| d.message.contains("（三）")), "{d:?}");
}

#[test]
fn a_dropped_sign_off_is_reported() {
    let text = base().replace("某县民政局\n2023年1月10日", "");
    assert_eq!(new_rules(&text), vec!["structure.signature"]);
}

#[test]
fn a_date_after_the_period_in_the_results_is_out_of_it() {
    let half = base()
        .replace("某县民政局2022年工作总结", "某县民政局2022年上半年工作总结")
        .replace("2023年1月10日", "2022年7月5日")
        .replace("截至12月底", "截至9月底");
    assert_eq!(
        flagged(&half, "period.outside"),
        vec!["9月"],
        "{:?}",
        findings(&half)
    );
}

#[test]
fn unusual_but_valid_headings_stay_silent() {
    // Half-width markers, a run-in list under each heading, a standalone
    // heading line, 第一/第二 markers and a 总结暨计划 title.
    let text = "某乡2023年上半年工作总结暨下半年工作要点
今年以来，我乡坚持稳中求进，各项工作有序推进。
一、上半年工作完成情况
(一)产业发展。一是种植水稻1200亩；二是新建大棚30个；三是培训农户300人次。
(二)基础设施。新修通村道路5公里，完成率100%。
(三)民生保障
发放救助金42万元，惠及困难群众180人。
二、存在的困难和问题
第一，资金缺口较大。第二，专业人才不足。
三、下半年工作要点
1.抓好秋收。2.推进道路建设。3.做好防汛。
某乡人民政府
2023年7月3日
";
    // Only the note that the optional 主要做法 part is absent.
    let doc = report_checker::document::Document::parse(text);
    let got: Vec<_> = report_checker::check_document(&doc, &Default::default())
        .unwrap()
        .into_iter()
        .map(|d| (d.rule, d.severity.as_str(), text[d.span].to_string()))
        .collect();
    assert_eq!(
        got,
        vec![(
            "structure.missing-section",
            "info",
            "二、存在的困难和问题".to_string()
        )]
    );
}

#[test]
fn a_body_year_after_the_title_year() {
    let wrong = base().replace("某县民政局2022年工作总结", "某县民政局2021年工作总结");
    let got = flagged(&wrong, "period.outside");
    assert!(got.iter().any(|t| t == "2022年"), "{got:?}");
    // Targets and plans name later years freely; a date line is when the text was issued.
    let fine = "某县民政局2022年工作总结
2023年1月5日
一、主要工作成效
全年新建养老服务站6个，力争到2025年实现全覆盖。
二、存在问题
资金不足。
三、2023年工作打算
2023年将继续推进养老服务体系建设。
某县民政局
2023年1月10日
";
    assert_eq!(
        flagged(fine, "period.outside"),
        Vec::<String>::new(),
        "{:?}",
        findings(fine)
    );
}

#[test]
fn a_sign_off_long_before_the_period_ends() {
    let early = base().replace("2023年1月10日", "2022年9月1日");
    assert_eq!(flagged(&early, "period.signed-early"), vec!["2022年9月1日"]);
    // Written in the period's last weeks: the usual practice.
    let late = base().replace("2023年1月10日", "2022年12月20日");
    assert!(flagged(&late, "period.signed-early").is_empty());
    assert!(flagged(&base(), "period.signed-early").is_empty());
}

#[test]
fn a_level_under_the_wrong_parent_by_the_drafts_own_hierarchy() {
    let text = "某乡2023年工作总结
一、工作成效
（一）产业发展
1.种植水稻1200亩。
2.新建大棚30个。
二、存在问题
1.资金不足。
2.人才短缺。
三、下步工作打算
（一）抓项目
1.推进道路建设。
";
    let d = common::diagnostics(text, "numbering.level");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].span.start, text.find("1.资金").unwrap());
    assert!(d[0].message.contains("（一）"), "{}", d[0].message);
    // A draft that never uses （一） may go straight from 一、 to 1.
    let flat = "某乡2023年工作总结\n一、工作成效\n1.种植水稻。\n2.新建大棚。\n二、存在问题\n1.资金不足。\n";
    assert!(flagged(flat, "numbering.level").is_empty());
}

#[test]
fn a_heading_led_by_another_topic_is_no_part_in_the_order() {
    // 学生情况及扩班计划 is a section on the students that ends with a plan.
    let text = "大众学校工作简要汇报\n一、学校基本情况\n学校位于三阳乡。\n二、学生情况及扩班计划\n现有教学班6个。\n三、亟待解决的问题\n教师年龄偏大。\n";
    assert!(flagged(text, "structure.order").is_empty());
    // A heading led by a part keeps its place: plans, then problems.
    for plans in ["下一步打算和建议", "下一步打算"] {
        let text = format!("某镇2022年工作总结\n一、工作成效\n完成改造12所。\n二、{plans}\n继续抓好项目建设。\n三、存在问题\n资金缺口较大。\n");
        assert_eq!(
            flagged(&text, "structure.order"),
            vec!["三、存在问题"],
            "{text}"
        );
    }
}
