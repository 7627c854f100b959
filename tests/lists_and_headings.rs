//! Counts against the items listed, headings glued to their body, a broken
//! parallel heading, and paragraphs that stop without their full stop.

mod common;
use common::{diagnostics, findings, flagged};

#[test]
fn a_count_that_does_not_match_its_list() {
    let text = "某镇2022年工作总结
一、工作成效
今年建成3个示范点：甲村、乙村、丙村、丁村。
新增渭阳社区、土桥社区、大众社区、虹桥社区5个社区，原有7个。
设立两个服务站，即东站、西站和南站。
新建公厕2处（一组、三组、五组）。
建成甲村、乙村、丙村等2个示范村。
";
    assert_eq!(
        flagged(text, "numbers.count"),
        vec!["3个", "5个", "两个", "2处", "2个"]
    );
    let d = diagnostics(text, "numbers.count");
    assert!(
        d[0].message.contains("3个") && d[0].message.contains("4个"),
        "{}",
        d[0].message
    );
    // The list itself is linked.
    assert_eq!(
        &text[d[0].related[0].span.clone()],
        "甲村、乙村、丙村、丁村"
    );
    assert!(d[4].message.contains("等"), "{}", d[4].message);
}

#[test]
fn counts_that_match_or_count_something_else_stay_silent() {
    let text = "某镇2022年工作总结
一、工作成效
新增渭阳社区、土桥社区、大众社区、虹桥社区、金坪社区5个社区，总计12个社区。
完成金坪村、大坳村等11个村的摸底，开展党史、法治、安全等8类培训。
修建道路2条、桥梁3座，组织党员、干部30人参加培训。
开展走访、宣讲、义诊活动20场，覆盖群众3000余人。
建成甲村、乙村和丙村3个示范村；落实“两学一做”、“三会一课”等2项制度。
";
    assert_eq!(
        flagged(text, "numbers.count"),
        Vec::<String>::new(),
        "{:?}",
        findings(text)
    );
}

#[test]
fn headings_glued_to_their_body() {
    let text = "某镇2020年上半年工作总结
一、工作开展情况
（一）党建引领有力有序。镇党委认真落实主体责任。
（二）城市建设有力有绩。完成5个村改社区工作。
（三）深入开展项目建设工作坚持抓项目促城市建设，把项目作为关键举措来抓。
二、存在问题
目标任务差距较大。一是核心指标攻克难度大在重点项目建设中，征地拆迁补偿政策相对滞后。二是基础设施滞后。三是人才短缺。
三、下步工作打算
（一）抓项目。全力推进项目建设。
（二）抓治理。深化综合治理。
";
    assert_eq!(
        flagged(text, "text.glued-heading"),
        vec![
            "深入开展项目建设工作坚持抓项目促城市建设",
            "核心指标攻克难度大在重点项目建设中"
        ]
    );
    let d = diagnostics(text, "text.glued-heading");
    assert!(d[0].message.contains("（三）"), "{}", d[0].message);
}

#[test]
fn run_on_items_that_are_not_glued_headings() {
    // Narrative run-ins (了), short lead phrases, and lists where no sibling closes a heading.
    let text = "某镇2018年一季度工作总结
一、工作成效
1、集中力量整治“空心房”。一是召开了镇村组三级干部大会和党政领导会议，对整治工作进行了部署；二是成立了领导小组。三是制定了实施方案。四是抓宣传营造氛围，设置户外广告。
2、统筹推进规范村民建房。一是严格审批程序，全面落实一户一宅；二是加强巡查执法，及时制止违建行为。
二、存在的问题
资金不足，人才缺乏。
三、下一步工作打算
（一）以主要指标为导向，推动建筑业良性发展。
（二）以重点项目为抓手，城市品质持续提升。
";
    assert_eq!(
        flagged(text, "text.glued-heading"),
        Vec::<String>::new(),
        "{:?}",
        findings(text)
    );
}

#[test]
fn the_odd_one_of_parallel_headings() {
    let text = "某镇2020年上半年工作总结
二、主要做法
（一）用心用力强化党建固本作用。各支部认真开展活动。
（二）用心用力做实疫情常态防控。严格落实防控措施。
（三）心用力打赢脱贫攻坚战。认真落实各项政策。
（四）用心用力提升基层治理能力。推进四城同创。
";
    let d = diagnostics(text, "text.parallel");
    assert_eq!(d.len(), 1);
    assert_eq!(&text[d[0].span.clone()], "心用力");
    assert!(d[0].message.contains("用心用力"), "{}", d[0].message);
    assert_eq!(d[0].suggestions[0].replacement, "用心用力");
}

#[test]
fn headings_that_differ_freely_are_not_parallel_slips() {
    let text = "某镇2020年上半年工作总结
一、工作成效
（一）加强党的建设。内容。
（二）加强作风建设。内容。
（三）推进乡村振兴。内容。
（四）加快项目建设。内容。
二、下步工作打算
（一）党建引领有力有序。内容。
（二）城市建设有力有绩。内容。
（三）疫情防控有力有效。内容。
";
    assert_eq!(flagged(text, "text.parallel"), Vec::<String>::new());
}

#[test]
fn a_prose_paragraph_without_its_full_stop() {
    let text = "某镇2020年上半年工作总结
一、工作成效
全镇完成产业扶贫项目12个。支持家家户户发展产业
二、存在问题
面对疫情防控形势变化，街道积极应对，
第一时间成立指挥部。
三、下步工作打算
继续推进项目建设。最后一段没有句号";
    let d = diagnostics(text, "text.punctuation");
    let spans: Vec<&str> = d.iter().map(|d| &text[d.span.clone()]).collect();
    assert_eq!(spans, vec!["业", "，"]);
    assert_eq!(d[0].suggestions[0].replacement, "。");
    // Headings, the title and the last (possibly cut-off) paragraph are not prose to close.
}

#[test]
fn a_repeated_run_in_marker_is_reported_on_the_second_not_on_the_next() {
    let text = "一、工作成效\n完成任务。\n二、存在问题\n一是资金缺口较大，一是专业人才不足，三是群众参与不够。\n";
    let d = diagnostics(text, "numbering.repeat");
    assert_eq!(d.len(), 1, "{:?}", findings(text));
    // The second 一是, not the first.
    assert_eq!(d[0].span.start, text.rfind("一是").unwrap());
    assert_eq!(d[0].suggestions[0].replacement, "二是");
    assert!(flagged(text, "numbering.gap").is_empty());
    // Two lists that each start with 一是 are a restart, not a repeat.
    let restart = "一、工作成效\n完成任务。\n二、存在问题\n一是资金缺口较大，二是人才不足。\n三、下一步打算\n一是抓项目，二是抓治理。\n";
    let all = findings(restart);
    assert!(
        !all.iter().any(|(r, _)| r.starts_with("numbering.")),
        "{all:?}"
    );
}

#[test]
fn a_repeated_heading_is_reported_on_the_second_with_a_safe_fix() {
    let text = "一、主要做法\n（一）加强组织领导。\n（二）完善工作制度。\n（二）强化督查考核。\n（四）抓好安全生产。\n";
    let d = diagnostics(text, "numbering.repeat");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].span.start, text.rfind("（二）").unwrap());
    assert_eq!(d[0].suggestions[0].replacement, "（三）");
    assert_eq!(
        d[0].suggestions[0].applicability,
        report_checker::report::Applicability::Safe
    );
    assert!(
        flagged(text, "numbering.gap").is_empty(),
        "{:?}",
        findings(text)
    );
    // Not confirmed by a next sibling that continues the count: still a repeat, the fix a guess.
    let unconfirmed = "一、主要做法\n（一）加强组织领导。\n（二）完善工作制度。\n（二）强化督查考核。\n（三）抓好安全生产。\n";
    let d = diagnostics(unconfirmed, "numbering.repeat");
    assert_eq!(d.len(), 1);
    assert_eq!(
        d[0].suggestions[0].applicability,
        report_checker::report::Applicability::Unsafe
    );
}

#[test]
fn ordinal_words_are_not_run_in_markers() {
    for text in [
        "一、工作成效\n第一产业增加值12.5亿元，第二产业增加值30.1亿元，第三产业增加值41.2亿元。\n",
        "一、工作成效\n第一、二、三产业增加值分别为62.15亿元、81.40亿元、197.36亿元。\n",
        "一、工作成效\n第二、三产业占比提高，第一书记驻村帮扶，第二季度完成验收。\n",
        "一、工作成效\n选派第一书记12名。第三季度召开推进会，第一时间响应群众诉求。\n",
    ] {
        let all = findings(text);
        assert!(
            !all.iter().any(|(r, _)| r.starts_with("numbering.")),
            "{text}: {all:?}"
        );
    }
    // A real ordinal run-in list still counts.
    let text = "一、工作成效\n完成任务。\n二、存在问题\n第一，资金缺口较大。第三，专业人才不足。\n";
    assert_eq!(flagged(text, "numbering.gap"), vec!["第三"]);
}

#[test]
fn siblings_whose_next_words_start_alike_are_not_a_pattern() {
    // 大力推进 / 大力推动 share 大力推 by chance: 大力加强 chose another word.
    for text in [
        "某局2021年工作总结\n一、主要工作\n（一）大力推进景区质量管理。内容。\n（二）大力推动文化旅游消费。内容。\n（三）大力加强旅游市场管理。内容。\n",
        "某局2021年工作总结\n一、主要工作\n（一）大力推进景区质量管理。内容。\n（二）大力推动文化旅游消费。内容。\n（三）大力推广智慧旅游。内容。\n（四）大力加强旅游市场管理。内容。\n",
    ] {
        assert_eq!(flagged(text, "text.parallel"), Vec::<String>::new(), "{text}");
    }
    // A character lost inside the shared phrase is still a slip.
    let slip = "某局2021年工作总结\n一、主要工作\n（一）大力推进景区质量管理。内容。\n（二）大力推进文化旅游消费。内容。\n（三）力推进旅游市场管理。内容。\n";
    assert_eq!(flagged(slip, "text.parallel"), vec!["力推进"]);
}

#[test]
fn a_run_in_list_after_a_colon_is_a_list_within_the_member() {
    let text = "某乡2022年工作总结\n一是工业强乡。正在洽谈的规模企业有2家：一是利捷制药厂，预计投资3亿元；二是中加轮胎处理厂，预计投资1亿元。二是农业产业化初具规模。三是集体经济稳步增长。\n";
    assert!(flagged(text, "numbering.repeat").is_empty(), "{text}");
    assert!(flagged(text, "numbering.gap").is_empty(), "{text}");
    // The outer list still counts: a real repeat after the nested list is flagged.
    let repeated = text.replace("三是集体经济", "二是集体经济");
    assert_eq!(flagged(&repeated, "numbering.repeat"), vec!["二是"]);
}

#[test]
fn numbered_row_labels_of_a_flattened_table_are_no_headings() {
    // 收入 and 支出 side by side, one cell to a line: each side numbers its rows.
    let table = "某县2022年预算执行情况的报告\n一、2022年预算执行情况\n2022年全县一般公共预算收支平衡表\n单位:万元\n收入\n执行数\n支出\n执行数\n一、本级收入\n167500\n一、本级支出\n701553\n二、转移性收入\n679031\n二、转移性支出\n144978\n二、2023年预算草案\n全县一般公共预算收入安排180000万元。\n";
    let numbering: Vec<&str> = findings(table)
        .into_iter()
        .map(|(r, _)| r)
        .filter(|r| r.starts_with("numbering."))
        .collect();
    assert!(numbering.is_empty(), "{numbering:?}");
    // Cells set apart by pipes read the same.
    let piped = table
        .replace("\n167500\n", "\n167500 |\n")
        .replace("\n701553\n", "\n701553 |\n");
    assert!(flagged(&piped, "numbering.repeat").is_empty());
    // Near-miss: the text's own headings are still read — a repeat among them is flagged.
    let repeated = table.replace("二、2023年预算草案", "一、2023年预算草案");
    assert_eq!(flagged(&repeated, "numbering.repeat"), vec!["一、"]);
}

#[test]
fn a_run_in_list_wrapped_at_the_page_width_keeps_its_first_member() {
    // Text from a PDF: every line breaks at the page's width, mid-sentence;
    // 一是 and 二是 are two paragraphs apart, however many lines between.
    let text = "某镇2020年上半年工作总结\n一、坚持抓项目促投资，发展基础进一步夯实\n一是招商引资成果丰硕。坚持把招商引资作为“一号工程”\n来抓，发挥镇村干部力量，广泛捕捉项目信息，全镇招商\n质效不断提升。上半年新签约亿元以上项目2个，分别是总投\n资10亿元的压缩机成套设备项目、8亿元的集成电路\n引线框架项目，项目已完成注册，保证金都已到账。\n二是项目建设势头强劲。主动和市发改、国土、供电、水\n务集团对接，推进项目落地。\n";
    assert!(flagged(text, "numbering.gap").is_empty(), "{text}");
    // Near-miss: a member skipped inside the wrapped list.
    let skipped = text.replace("二是项目", "三是项目");
    assert_eq!(flagged(&skipped, "numbering.gap"), vec!["三是"]);
    // Lines that each end a sentence are paragraphs of their own: 二是 five
    // paragraphs after 一是 opens a list of its own.
    let apart = text
        .replace("\n来抓，", "。\n来抓，")
        .replace("总投\n", "总投。\n")
        .replace("集成电路\n", "集成电路。\n");
    assert_eq!(flagged(&apart, "numbering.gap"), vec!["二是"]);
}
