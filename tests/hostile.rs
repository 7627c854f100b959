//! Whatever is pasted, the checker answers and never falls over. Each hostile
//! input is its own test; spans must still be exact.
#![cfg(not(target_arch = "wasm32"))]

use report_checker::{check, Options};

/// Checks `text` and verifies every span slices the text exactly (UTF-16).
fn survives(text: &str) -> usize {
    findings(text).len()
}

/// The rule ids found in `text`, after the span checks of `survives`.
fn findings(text: &str) -> Vec<String> {
    let report = check(text, &Options::default()).expect("default options are valid");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for d in &report.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= utf16.len(),
            "{} {:?}",
            d.rule,
            d.span
        );
        for r in &d.related {
            assert!(r.span.end <= utf16.len());
        }
    }
    report
        .diagnostics
        .iter()
        .map(|d| d.rule.to_string())
        .collect()
}

#[test]
fn empty_and_blank() {
    assert_eq!(survives(""), 0);
    assert_eq!(survives("\n\n\r\n  \u{3000}\n"), 0);
}

#[test]
fn ten_megabytes_on_one_line() {
    let phrase = "全镇共有农户320户，已通自来水296户，未通30户，开展活动XX次，";
    let line = phrase.repeat(10 * 1024 * 1024 / phrase.len());
    assert!(line.len() > 10_000_000);
    assert!(survives(&line) > 0);
}

#[test]
fn a_hundred_thousand_headings() {
    let mut text = String::new();
    for i in 0..100_000u32 {
        text += &format!(
            "（{}）第{i}项工作\n",
            report_checker::quantity::han_numeral(i % 99 + 1)
        );
    }
    survives(&text);
}

/// 100,000 numbered headings (sibling runs of up to 9,999: longer numbers are
/// not read as heading markers), half of them run into their body: the
/// sibling comparisons (text.glued-heading, text.parallel) must stay linear.
#[test]
fn a_hundred_thousand_sibling_headings_half_glued() {
    let mut text = String::new();
    for i in 1..=100_000u32 {
        if i % 2 == 1 {
            text += &format!("{i}、加强组织领导。\n");
        } else {
            text += &format!("{i}、加强组织领导工作部署安排，确保各项任务落实到位\n");
        }
    }
    let rules = findings(&text);
    assert!(
        rules.iter().any(|r| r == "text.glued-heading"),
        "{:?}",
        &rules[..rules.len().min(5)]
    );
}

/// One clause of 150,000 figures (no comma or stop anywhere): each figure's
/// subject is the whole clause before it, and reading it anew for every
/// figure (role words, share words) took minutes.
#[test]
fn a_clause_of_a_hundred_and_fifty_thousand_figures() {
    let text = "全镇共计1人其中2户占3%".repeat(50_000);
    survives(&text);
}

#[test]
fn a_million_digit_number() {
    let text = format!(
        "全年完成投资{}万元，占全年任务的45%。",
        "9".repeat(1_000_000)
    );
    survives(&text);
    let sum = format!(
        "共有农户{0}户，其中已通{0}户，未通1户。",
        "7".repeat(100_000)
    );
    survives(&sum);
}

#[test]
fn deeply_nested_brackets() {
    let text = format!(
        "{}内容{}",
        "（《【〔".repeat(25_000),
        "〕】》）".repeat(25_000)
    );
    let found = findings(&text);
    assert!(
        !found.iter().any(|r| r == "text.pairs"),
        "balanced nesting is not a finding: {found:?}"
    );
    survives(&format!(
        "{}内容{}",
        "“‘".repeat(25_000),
        "’”".repeat(25_000)
    ));
    survives(&"（".repeat(100_000));
    survives(&"”".repeat(100_000));
}

#[test]
fn zero_width_combining_and_right_to_left() {
    survives(
        "青\u{200B}山\u{200D}镇\u{FEFF}2020年工作总结\n一、工作成效\n共有党员1\u{301}2\u{301}0名。",
    );
    survives("\u{202E}总结工作年0202镇山青\u{202C}\n一、\u{05D0}\u{05D1}\u{0627}\u{0644}XX个\n");
}

#[test]
fn nul_and_control_characters() {
    survives(
        "镇\u{0}2020年\u{0}工作总结\n\u{1}\u{7}一、\u{0}工作成效\n共有\u{0}党员12名。\u{1B}[31m",
    );
}

#[test]
fn replacement_characters_where_lone_surrogates_arrive_from_js() {
    // wasm-bindgen turns a lone surrogate into U+FFFD, one unit for one.
    let n = survives("\u{FFFD}村2021年工作总结\n一、工作成效\n共召开会议XX次\u{FFFD}。");
    assert!(n >= 1);
}

#[test]
fn characters_outside_the_bmp_before_a_finding() {
    let text = "𠀀𠀁😀村共召开会议XX次。";
    let report = check(text, &Options::default()).unwrap();
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "data.placeholder")
        .expect("placeholder");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&utf16[d.span.start..d.span.end]).unwrap(),
        "XX"
    );
    assert_eq!(d.span.column, 10);
}

#[test]
fn html_and_script_payloads_are_just_text() {
    let text = "<script>alert(1)</script><img src=x onerror=alert(1)>共召开会议XX次。";
    let report = check(text, &Options::default()).unwrap();
    // Messages quote the draft as plain text; nothing is interpreted.
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.rule == "data.placeholder"));
}

#[test]
fn binary_junk() {
    let bytes: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    survives(&String::from_utf8_lossy(&bytes));
}

#[test]
fn a_draft_doubled_everywhere() {
    // Every offset is a candidate repeat for text.doubled-word: it must stay
    // linear and store nothing per candidate.
    let text = "区委".repeat(500_000);
    let n = findings(&text)
        .iter()
        .filter(|r| *r == "text.doubled-word")
        .count();
    assert_eq!(n, 250_000);
}

#[test]
fn a_standard_formulation_garbled_in_every_clause() {
    // text.formulation on one long line: quoted and bare forms, congress
    // lists, enumerations and a quotation opened a hundred thousand times must
    // all stay linear.
    let phrase = "学习“新时代中国特色社会主义思想”和新时代中国特色社会主义思想，党的十八大、十九大精神，二十大精神，理论自信、道路自信、制度自信、文化自信，";
    let text = phrase.repeat(20_000);
    let n = findings(&text)
        .iter()
        .filter(|r| *r == "text.formulation")
        .count();
    // Per phrase: the bare name, 二十大, the four 自信 out of order.
    assert_eq!(n, 3 * 20_000);
    let open = format!(
        "{}{}",
        "“《".repeat(50_000),
        "新时代中国特色社会主义思想，》".repeat(50_000)
    );
    survives(&open);
}

/// The readings of tables, numbered phrases, units without numbers, level
/// changes, completions and lists stay linear on one long clause or line of
/// each (a quadratic reading takes minutes here, a linear one well under a
/// second in a release build).
#[test]
fn long_runs_of_the_figure_grammar_s_newer_forms() {
    for unit in [
        "分三大门类看，采矿业增长1%，",
        "梳理党务、政务“四张清单”",
        "同比增长%，产量万吨",
        "比2020年1508.2亿斤增加65.34亿斤",
        "新增就业12314人，完成年目标任务12500人的98.5%",
        "有4个村，分别是甲村和乙村",
        "完成北银、裕园2个老旧小区",
        "1户123人",
        "第一产业增加值比重为11.0%",
        "，个",
        "清退户411人；",
        "马存栏2708匹；禽存栏只；",
        "13659.6万吨(亿斤)",
        "生产总值[2](GDP)亿元，",
        "]亿元，",
        "产值亿，增长1·%目标",
        "粮食总产量亿斤(亿斤)",
        "，，，，党课次",
        "报到人数 人，",
        "人数数数数",
        "登记共人。完成万亩、",
        "生产总值为元/人，",
        "的位的户的条",
        "建设项重点",
        "下沉名干部",
        "筹建家“",
        "人才名。",
        "35-50-",
        "平方公里",
        "常住人口城镇化率43.6%。",
        "；占总人口比重(常住人口城镇化率)为57.62%",
        "民营经济占GDP的比重为66.2%；",
        "非公有制经济增加值1695125万元，占全省生产总值总量的59.6%",
        "1091户中因病致贫的有503户，占比46%，",
        "完成全年计划的107.9%",
        "计划投资19亿元，完成投资28.78亿元，投资完成率151.47%，",
        "分别拉动经济增长1.7、0.2和4.0个百分点，",
        "由上年的12.9:37.2:49.9调整为12.7:38.3:49.0，第二产业比重提高1.1个百分点，",
        "增长10.7%，增收5939万元，",
        "在2007年产量达到692.6亿斤，比2007年增长60.9%，",
        "分行业来看，事故13起、死亡14人(领域事故10起)；",
        "限额以上零售额1.2亿元；限额以下零售额2.3亿元；",
        "推进滞后的7项任务，8项任务推进滞后，",
        "“三类对象”“一类对象”“两类对象”",
        "8个村出列、1300人减贫；",
        "1户1234人，2户1234人，",
        "辖甲、乙5个行政村。全乡7个行政村中，",
        "建档立卡1091户。建档立卡1093户中，",
        "全市学校8所，完成规范治理7所，余下1所，",
        "生产总值增长1%达9亿元，第一产业增长1%达2亿元，第二产业达3亿元，",
        "学生1254人，幼儿119人，总数为1373人，",
        "一是工业。有2家：一是甲厂；二是乙厂。二是农业。",
        "2022年工作回顾\n2023年，全县完成投资9亿元。\n",
        "| 一、社会消费品零售总额 | 万元 | 387581 |\n| 1、批发零售贸易业 | 万元 | 373390 |\n",
        "其中第二产业增加值9万元，其中工业增加值完成5万元；建筑业增加值完成4万元；",
        "贫困户1193户5992人，其中已脱贫170户898人，",
    ] {
        survives(&unit.repeat(40_000));
    }
    let table = format!(
        "产品 | 绝对数(吨) | 增长(%) |\n{}",
        "粮食 | 100 | 1.0 |\n".repeat(20_000)
    );
    survives(&format!(
        "{table}{}",
        "粮食产量100吨，增长1.0%。".repeat(20_000)
    ));
    // Tables a cell to a line, and long runs of short lines that are none.
    for cells in [
        "第一产业 |\n亿元 |\n1.0 |\n",
        "第一产业 |\n第二产业 |\n1.0 |\n",
        "其中:夏粮 |\n1.0 |\n",
        "合计 |\n1 |\n-1 |\n",
        "粮食\n\n61.84\n\n0.74\n\n",
        "县委办\n",
        "12\n",
    ] {
        survives(&format!(
            "指 标 |\n单位 |\n总量(万吨) |\n{}",
            cells.repeat(40_000)
        ));
    }
}

#[test]
fn long_runs_of_the_count_forms() {
    // Each form of `numbers.count` repeated into one endless sentence.
    for unit in [
        "探索“四务融合”试点，制定党务、政务、服务、法务",
        "村级完小3所，甘洛、斗牌和观岩小学，",
        "分为三块：一块是幼儿园，",
        "有三个特点：交通便利；",
        "“三类对象”总数为100户(甲户5户、乙户6户",
        "800、900亿斤两个台阶、",
        "3项指标符合要求，预计完成，分别是：甲指标和乙指标",
        "建设研发基地、认\n证基地、服务中心五大基地、",
        "组建甲队、乙队和丙队等4支队伍、",
        "铜川、咸阳2市、",
        "(二)抓实“两区创建”\n一是",
        "以下3各方面：一是",
        "三大工程：甲工程、乙工程、",
        "“三个到位”：即思想到位、",
        // A count in every list of one sentence: each list is split at its own counts.
        "3个示范点：即甲村、",
        "增长5.2%3项指标，分别是：甲指标和乙指标、",
        "三铺村、塔桥村一个、",
        "甲村、乙村一",
        "教学班 6 个(一年级 48 人、二年级 42人, 合计 90 人、",
        " 3 个 3 个 ",
        "2项指标，分别是：甲指标增长1%乙指标增长-2%",
        "企业2家(森财木业、睿新鹏电子)，企业2家(新宗华学校)，",
        "完成2个投资额在500万元以上的项目(甲公司;乙公司;丙公司",
        "四大工程，即道路工程、水利工程、",
        "完成2个项目(甲公司;乙公司;丙公司)、",
        "甲村、乙村、丙村两村联建、",
        "文化广场（甲村、乙村）2个，",
        "落实“三会一课”、主题党日等2项、",
        "以下两方面：①甲；②乙；",
        "三点体会：一是甲。",
        "3个体会：一是甲。",
        "甲村、乙村、丙村，合计2个村、",
        "4个村（社区）：甲村、",
        "3个示范点：甲村，乙村，",
        "3个示范点：甲村，乙村。",
        "3个示范点分别是甲村、乙村、",
        "以下两方面：①甲；②乙；三点：第一，",
    ] {
        survives(&unit.repeat(40_000));
    }
}

/// The conflict readings added for restatements stay linear on long runs of
/// their forms (tables one cell a line, …).
#[test]
fn long_runs_of_the_conflict_forms() {
    for unit in [
        "粮食 |\n",
        "61.84 |\n",
        "粮食 |\n61.84 |\n",
        "指标 |\n单位 |\n粮食 |\n吨 |\n5 |\n",
        "前三季度实现增加值7亿元。其中，第一产业实现增加值2亿元。",
        "一、粮食总产61.84万吨\n粮食总产61.48万吨。\n",
        "（一）总产1万吨\n",
        "下设3个党支部。党支部的总数达到5个。",
        "城镇登记失业率预期目标为5.0%以内。(五)全省城镇登记失业率4.45%，低于6%的控制目标。",
        "4.45%，低于6%的目标",
        "失业率预期目标为5.0%以内",
        "失业率4.45%低于6%的控制目标",
        "党支部的总数达到5个",
        "“4个坚持”",
        "“坚持甲、坚持乙”“3个坚持”",
        "、坚持",
        "一、工作打算\n举办培训班15期。\n（一）下一步\n1.思路\n",
    ] {
        survives(&unit.repeat(40_000));
    }
    let table = format!(
        "产品 |\n总产量(万吨) |\n增长% |\n{}",
        "粮食 |\n100 |\n1.0 |\n".repeat(20_000)
    );
    survives(&format!(
        "{table}{}",
        "粮食产量100万吨，增长1.1%。".repeat(20_000)
    ));
    // Rows written alike, restated in one long sentence and in many.
    let rows = format!(
        "类别 | 户数(户) | 人数(人) | 金额(元) |\n{}",
        "合计 | 1 | 2 | 3 |\n".repeat(20_000)
    );
    survives(&format!("{rows}{}", "1户、2人、4元、".repeat(20_000)));
    survives(&format!("{rows}{}", "1户、2人、4元。".repeat(20_000)));
    // A title's figures sought through a long body.
    survives(&format!(
        "全县夏粮总产1万吨、秋粮总产2万吨、油料总产3万吨、蔬菜总产4万吨\n{}",
        "其中粮食产量5吨，单产6公斤。\n".repeat(40_000)
    ));
}

#[test]
fn a_numbered_phrase_in_ascii_quotes_right_after_a_list() {
    // The quote before 三大基地 is one byte, not the three of “: the list
    // before it ends there, not inside a character.
    for quote in ["\"", "「", "“"] {
        let text = format!("某镇2022年工作总结\n建设研发基地、试验基地{quote}三大基地{quote}。\n");
        survives(&text);
    }
}
