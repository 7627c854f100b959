//! Each rule on drafts written in the style of township and county summaries:
//! the problem it must catch, and the near-misses it must leave alone.

mod common;
use common::{diagnostics, findings, fixture, flagged};

#[test]
fn a_clean_county_summary_only_gets_what_is_wrong() {
    // Its sums (5862.4 = 4373.1 + 1489.3, 15 = 9 + 4 + 2, 3260 = 2410 + 850),
    // shares (800/2400 = 33.3%, 360/900 = 40%) and non-exhaustive 其中 lists are right.
    let text = fixture("county_civil_affairs_2022.txt");
    let got = findings(&text);
    let rules: Vec<&str> = got.iter().map(|(r, _)| *r).collect();
    assert_eq!(
        rules,
        vec![
            "numbers.conflict",
            "numbering.gap",
            "structure.missing-section"
        ],
        "{got:?}"
    );
    assert_eq!(got[0].1, "6853人");
    assert_eq!(got[1].1, "（五）");
}

#[test]
fn every_planted_problem_is_found() {
    let text = fixture("township_q1_with_problems.txt");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["268人"]);
    assert_eq!(flagged(&text, "numbers.sum"), vec!["2460户"]);
    assert_eq!(flagged(&text, "numbers.percent"), vec!["45%"]);
    assert_eq!(
        flagged(&text, "numbers.duplicate-item"),
        vec!["清理乱建乱搭120处"]
    );
    assert_eq!(flagged(&text, "data.missing-unit"), vec!["15"]);
    assert_eq!(
        flagged(&text, "data.dropped-number"),
        vec!["下辖个", "启动个"]
    );
    assert_eq!(flagged(&text, "data.placeholder"), vec!["XX", "××", "某某"]);
    assert_eq!(
        flagged(&text, "data.empty-field"),
        vec!["来源:", "字体大小:"]
    );
    assert_eq!(flagged(&text, "numbering.gap"), vec!["（五）", "四是"]);
    assert_eq!(flagged(&text, "period.outside"), vec!["4月"]);
    assert_eq!(flagged(&text, "text.punctuation"), vec!["、、"]);
    assert_eq!(flagged(&text, "structure.signature").len(), 1);
    // Near-misses in the same draft: X光 is a word; 45/45/42 disputes are different stages.
    assert!(!findings(&text)
        .iter()
        .any(|(_, t)| t.contains("X光") || t.contains("42起")));
}

#[test]
fn conflict_names_both_figures_and_links_them() {
    let text = "一、工作成效\n目前机关党员到社区报到2544人，参与垃圾分类。推进党建进小区，目前机关党员到社区的报到人数2546人。\n";
    let d = diagnostics(text, "numbers.conflict");
    assert_eq!(d.len(), 1);
    assert_eq!(&text[d[0].span.clone()], "2546人");
    assert_eq!(&text[d[0].related[0].span.clone()], "2544人");
    assert!(
        d[0].message.contains("前文为2544人（第2行）"),
        "{}",
        d[0].message
    );
}

#[test]
fn parallel_sites_and_periods_are_not_conflicts() {
    let sites = "建成两个集中建房点：广坪集中建房点一期用地70亩，集中建房66栋，入住农户88户；天鹅集中建房点一期用地50亩，集中建房59栋，入住农户85户。\n";
    assert!(flagged(sites, "numbers.conflict").is_empty());
    let periods = "上半年全镇新发展党员到村报到人数120人。全年全镇新发展党员到村报到人数260人。\n";
    assert!(flagged(periods, "numbers.conflict").is_empty());
    let rounding = "全镇特困供养人员900人，已集中供养300人，集中供养率33.3%。\n";
    assert!(flagged(rounding, "numbers.percent").is_empty());
}

#[test]
fn sums_show_the_arithmetic_and_respect_non_exhaustive_splits() {
    let text = "目前我镇在册吸毒人员403人，其中社区戒毒（康复）人员共有104名，社会面人员289人。\n";
    let d = diagnostics(text, "numbers.sum");
    assert_eq!(d.len(), 1);
    assert!(
        d[0].message.contains("104名 + 289人 = 393人"),
        "{}",
        d[0].message
    );
    assert_eq!(d[0].related.len(), 2);
    // One 其中 item below its total is a subset, not a breakdown.
    assert!(flagged("受表彰党员50名，其中优秀党务工作者12名。\n", "numbers.sum").is_empty());
    // …but a subset larger than the whole is wrong.
    assert_eq!(
        flagged("受表彰党员50名，其中优秀党务工作者62名。\n", "numbers.sum"),
        vec!["50名"]
    );
    // A bracketed breakdown that adds up.
    assert!(flagged(
        "全区共有养老机构22家（公办7家，社会办6家，公建民营9家）。\n",
        "numbers.sum"
    )
    .is_empty());
    // Households add up, so persons must too.
    let both = "全区共有城镇贫困群众2550户5500人，其中城市低保2511户3688人，特困供养人员26户26人，支出型贫困群众13户13人。\n";
    assert_eq!(flagged(both, "numbers.sum"), vec!["5500人"]);
}

#[test]
fn shares_over_a_hundred_percent() {
    assert_eq!(
        flagged("全县农村自来水覆盖率达到102%。\n", "numbers.percent"),
        vec!["102%"]
    );
    assert!(flagged(
        "全年任务完成率达到112%，同比增长135%。\n",
        "numbers.percent"
    )
    .is_empty());
}

#[test]
fn placeholders_and_their_near_misses() {
    assert_eq!(
        flagged(
            "2021年X-X月，全区发生事故X起，罚款X万余元。\n",
            "data.placeholder"
        ),
        vec!["X-X", "X", "X"]
    );
    assert_eq!(
        flagged("在前进路和xx大道安装广告牌xx个。\n", "data.placeholder"),
        vec!["xx", "xx"]
    );
    assert_eq!(
        flagged(
            "**县人民政府，【请填写单位】，（待补充）。\n",
            "data.placeholder"
        ),
        vec!["**", "【请填写单位】", "（待补充）"]
    );
    let fine = "为群众拍摄X光片120人次，采购MAX型设备，某些村组和某种情况，按2×3米规格制作展板，iPhone X。\n";
    assert!(
        flagged(fine, "data.placeholder").is_empty(),
        "{:?}",
        flagged(fine, "data.placeholder")
    );
}

#[test]
fn dropped_numbers_by_grammar_not_by_phrase() {
    let text = "推进交通、社会事业等个项目，明确领导小组每周开次碰头会，面积约平方米，共计万元。\n";
    assert_eq!(
        flagged(text, "data.dropped-number"),
        vec!["等个", "开次", "约平方米", "共计万元"]
    );
    let fine = "收集姓名、住址等个人信息，完成项目建设，召开支委会，获评A等次，加强开支管理。\n";
    assert!(
        flagged(fine, "data.dropped-number").is_empty(),
        "{:?}",
        flagged(fine, "data.dropped-number")
    );
}

#[test]
fn pairs_point_at_the_lone_mark_and_accept_wrapped_paragraphs() {
    let text = "牢固树立“把抓好党建是最大政绩”的理念，党建出问题是渎职”的思想。\n";
    assert_eq!(flagged(text, "text.pairs"), vec!["”"]);
    let open = "面对“4·7下沙社区遭遇战，迅速划定“三区”。\n";
    assert_eq!(flagged(open, "text.pairs"), vec!["“"]);
    let wrapped = "深入开展“不忘初心\n牢记使命”主题教育。\n";
    assert!(flagged(wrapped, "text.pairs").is_empty());
}

#[test]
fn punctuation_fixes_are_certain() {
    let d = diagnostics("保障水、电、等基本条件。\n", "text.punctuation");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].suggestions[0].replacement, "");
    // Half-width marks are left alone in a text that uses them throughout (web pastes)…
    assert!(flagged(
        "一、工作成效\n全镇共有党员120名,其中女党员30名。\n",
        "text.punctuation"
    )
    .is_empty());
    // …and noted where the draft otherwise writes full-width ones.
    assert_eq!(
        flagged(
            "全镇共有党员120名，其中女党员30名。机关党员20名,离退休党员10名。\n",
            "text.punctuation"
        ),
        vec![","]
    );
}

#[test]
fn numbering_restart_in_a_plan_part_is_not_a_gap() {
    let text = "某村2021年工作总结及2022年工作计划\n一、产业发展\n发展种植。\n二、基础设施\n修路。\n特制定2022年工作计划如下：\n一、环境整治\n二、产业提升\n";
    assert!(flagged(text, "numbering.gap").is_empty());
    assert!(flagged(text, "numbering.order").is_empty());
}

#[test]
fn title_period_and_dates() {
    assert_eq!(
        flagged(
            "2021年，在县委的领导下，我局积极发挥职能，各项工作成效明显。\n一、工作成效\n",
            "structure.title"
        )
        .len(),
        1
    );
    assert_eq!(
        flagged("五年行动计划（2022——2022年）已实施。\n", "period.span"),
        vec!["2022——2022年"]
    );
    assert_eq!(
        flagged("2月30日召开会议。\n", "period.invalid-date"),
        vec!["2月30日"]
    );
    // 2月29日 with no year in a 2023 bulletin may be 2024's (issued then);
    // written with 2023 it cannot exist.
    let bulletin = "某县2023年国民经济和社会发展统计公报\n2月29日，县统计局发布2023年统计公报。\n";
    assert!(flagged(bulletin, "period.invalid-date").is_empty());
    let written = "某县2023年国民经济和社会发展统计公报\n2023年2月29日，县统计局召开会议。\n";
    assert_eq!(
        flagged(written, "period.invalid-date"),
        vec!["2023年2月29日"]
    );
    let base = "区应急管理局2021年工作总结\n一、工作成效\n2021年，拨付安全生产资金300万元，较2021年全年增长了12%。\n";
    assert_eq!(flagged(base, "period.compare-base"), vec!["较2021年"]);
}

#[test]
fn a_title_glued_to_a_short_first_item_below_another_line() {
    // The title is the second paragraph, under five characters follow the
    // glue and the text ends there: the highlight ends with the title's
    // paragraph (it took the first one's end, before its own start).
    let text = "一是\n区民政局2021年工作总结一、好，";
    assert_eq!(flagged(text, "structure.title"), vec!["工作总结一、好，"]);
}

#[test]
fn complementary_splits_must_add_up() {
    let text = "某镇2022年工作总结\n一、工作成效\n全镇共有党员403人，其中男党员304人，女党员89人。\n全镇共有低保对象520人，男性300人，女性200人。\n受表彰党员50名，其中男党员30名，优秀党务工作者12名。\n共有常住人口1200人，其中男600人，女600人。\n";
    // 男 + 女 is the whole; 男党员 + 优秀党务工作者 is not a split, and 600 + 600 adds up.
    assert_eq!(flagged(text, "numbers.sum"), vec!["403人", "520人"]);
}

#[test]
fn ordinal_run_ins_count_too_but_not_set_phrases() {
    let text = "某乡2023年上半年工作总结\n一、工作成效\n完成各项任务。\n二、存在问题\n第一，资金缺口较大。第三，专业人才不足。\n三、下半年工作打算\n第一时间响应群众诉求，全镇排名全县第一，继续推进。一是抓项目，二是抓治理。\n";
    let d = diagnostics(text, "numbering.gap");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(&text[d[0].span.clone()], "第三");
    assert!(d[0].message.contains("第二"), "{}", d[0].message);
}

#[test]
fn a_change_rate_against_both_years_figures() {
    let text = "某县2021年工作总结\n一、工作成效\n全年实现税收1200万元，较上年的1000万元增长25%。\n全年实现税收1200万元，比上年同期1000万元增长20%。\n粮食产量由上年的5000吨增加到5500吨，增长10%。\n接待游客80万人次，较去年同期100万人次下降20%。\n完成投资3亿元，同比增长12%。\n";
    // Only the first is wrong (1200 over 1000 is +20%); a rate without the base figure is not checked.
    let d = diagnostics(text, "numbers.percent");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(&text[d[0].span.clone()], "25%");
    assert!(d[0].message.contains("20.0%"), "{}", d[0].message);
}

#[test]
fn sequence_words_are_run_ins_too() {
    let text = "某乡2023年上半年工作总结\n一、工作成效\n完成各项任务。\n二、存在问题\n首先，资金缺口较大。再次，专业人才不足。\n三、下半年工作打算\n其次，抓治理；再次，抓作风。要再次强调安全生产。\n";
    // 首先 … 再次 skips 其次; a list opening at 其次 and 再次强调 (no comma) are fine.
    assert_eq!(flagged(text, "numbering.gap"), vec!["再次"]);
    assert_eq!(
        diagnostics(text, "numbering.gap")[0].span.start,
        text.find("再次，专业").unwrap()
    );
}
