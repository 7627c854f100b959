//! The reporting period and the dates outside it: the period the body states
//! when the title names none (a bulletin cut from its page, a title run into
//! the body, a headline without its year), and which dates are plans.

mod common;
use common::flagged;

const OUTSIDE: &str = "period.outside";

#[test]
fn a_bulletin_without_title_reads_its_year_from_the_dates() {
    let body = "2022年，全区经济稳中有进。\n一、农业\n2022年全区粮食播种面积12.3千公顷。2022年末，农用机械总动力45万千瓦。\n二、工业\n2022年规模以上工业增加值增长5.1%。\n";
    assert!(flagged(body, OUTSIDE).is_empty(), "{body}");
    let moved = body.replace("2022年末", "2023年末");
    assert_eq!(flagged(&moved, OUTSIDE), vec!["2023年"]);
}

#[test]
fn the_opening_year_is_outvoted_by_the_dates() {
    // The slip is the opening itself: the dates' majority says 2022.
    let text = "2023年，全区经济稳中有进。\n一、农业\n2022年全区粮食播种面积12.3千公顷。2022年末，农用机械总动力45万千瓦。\n二、工业\n2022年规模以上工业增加值增长5.1%。\n";
    assert_eq!(flagged(text, OUTSIDE), vec!["2023年"]);
}

#[test]
fn an_opening_year_alone_sets_the_period() {
    let text = "2018年，面对复杂严峻的形势，全县经济保持平稳。\n一、综合\n全年地区生产总值增长6.1%。2019年3月，全县完成了人口普查登记。\n";
    assert_eq!(flagged(text, OUTSIDE), vec!["2019年3月"]);
    // A year that is not the opening's topic, and a plan: silent.
    let fine = "2018年，面对复杂严峻的形势，全县经济保持平稳。\n一、综合\n全年地区生产总值增长6.1%。2019年，预计全县地区生产总值增长6%。\n";
    assert!(flagged(fine, OUTSIDE).is_empty());
}

#[test]
fn a_sentence_that_hands_the_text_over_names_its_period() {
    // 现将…如下 names the period before an opening year does.
    let text = "根据年快报统计，现将2017年全市国民经济和社会发展情况公报如下：\n2018年，在市委、市政府的正确领导下，全市经济平稳运行。\n一、综合\n全年地区生产总值增长6.1%。\n";
    assert_eq!(flagged(text, OUTSIDE), vec!["2018年"]);
    let fine = text.replace("2018年，", "2017年，");
    assert!(flagged(&fine, OUTSIDE).is_empty(), "{fine}");
    // 下面将 hands over too: its 将 is no plan.
    let mut quarter = String::from(
        "黄盖镇2018年一季度工作总结\n下面将我镇2019年一季度工作情况总结如下：\n一、工作成效\n",
    );
    assert_eq!(flagged(&quarter, OUTSIDE), vec!["2019年"]);
    // Near-miss: a sentence of 将 that is a plan, and a hand-over naming no year.
    quarter = String::from("黄盖镇2018年一季度工作总结\n下一步，我镇将于2019年一季度完成验收。\n现将有关情况报告如下：\n一、工作成效\n");
    assert!(flagged(&quarter, OUTSIDE).is_empty());
}

#[test]
fn a_plan_named_in_another_conjunct_does_not_govern_the_date() {
    // 计划 and 草案 belong to the second conjunct; the first is the report.
    let text = "下沙街道2022年半年度工作总结\n现将2023年上半年工作进度及下半年工作计划公布如下：\n一、上半年主要工作回顾\n";
    assert_eq!(flagged(text, OUTSIDE), vec!["2023年"]);
    let budget = "黄平县2022年预算执行情况和2023年预算草案的报告\n现将黄平县2023年预算执行情况和2023年预算草案提请审议。\n一、2022年财政预算执行情况\n";
    assert_eq!(flagged(budget, OUTSIDE), vec!["2023年"]);
    // Near-misses: the date shares the plan (no head of its own), or is the plan's.
    let shared = "某镇2022年工作总结\n现将2022年工作总结和2023年工作计划报告如下：\n完成了2023年和2024年工作计划的编制。\n";
    assert!(
        flagged(shared, OUTSIDE).is_empty(),
        "{:?}",
        flagged(shared, OUTSIDE)
    );
    let own = "下沙街道2022年半年度工作总结\n现将2022年上半年工作进度及下半年工作计划公布如下：\n一、上半年主要工作回顾\n";
    assert!(flagged(own, OUTSIDE).is_empty());
}

#[test]
fn the_issuers_and_their_day_under_the_title_are_no_event() {
    let text = "2023年开州区国民经济和社会发展统计公报\n重庆市开州区统计局 国家统计局开州调查队2024年4月29日\n2023年，全区经济稳中有进。\n一、综合\n全年地区生产总值增长6.1%。\n";
    assert!(
        flagged(text, OUTSIDE).is_empty(),
        "{:?}",
        flagged(text, OUTSIDE)
    );
    // Near-miss: an event of the next year in the body.
    let late = text.replace(
        "全年地区生产总值增长6.1%",
        "2024年3月，全区地区生产总值增长6.1%",
    );
    assert_eq!(flagged(&late, OUTSIDE), vec!["2024年3月"]);
}

#[test]
fn a_page_s_stamp_of_publication_is_no_event() {
    let text = "国家统计局：70年来全国粮食总产量增长4.8倍\n2019年08月05日20:21  来源：人民网\n2018年，全国粮食总产量为13158亿斤。2018年粮食播种面积17.56亿亩。2018年粮食单产375公斤。\n";
    assert!(
        flagged(text, OUTSIDE).is_empty(),
        "{:?}",
        flagged(text, OUTSIDE)
    );
    // Near-miss: the same date opening a sentence is an event.
    let event = text.replace(
        "2019年08月05日20:21  来源：人民网",
        "2019年08月05日，全国夏粮收购结束。",
    );
    assert_eq!(flagged(&event, OUTSIDE), vec!["2019年08月05日"]);
}

#[test]
fn a_deadline_required_is_no_event() {
    let text = "某区2024年工作总结\n一、数字政府\n上级文件要求各地方2025年完成数字底座建设，我区已启动建设。\n";
    assert!(flagged(text, OUTSIDE).is_empty());
    let done = "某区2024年工作总结\n一、数字政府\n我区于2025年完成数字底座建设。\n";
    assert_eq!(flagged(done, OUTSIDE), vec!["2025年"]);
}

#[test]
fn a_date_line_is_neither_title_nor_event() {
    // 2019年3月22日 is when the bulletin was issued: not its title, not its period.
    let text = "某市统计局\n2019年3月22日\n2018年，面对复杂严峻的国内外经济环境，全市经济平稳运行。\n一、综合\n2018年全市地区生产总值增长6.1%。2018年末常住人口56万人。2019年全市地区生产总值增长6.5%。\n";
    assert_eq!(flagged(text, OUTSIDE), vec!["2019年"]);
    // Published after the period, in brackets on its own line: silent.
    let published =
        "贵州省2022年国民经济和社会发展统计公报\n（2023年5月17日）\n2022年，全省经济顶压前行。\n";
    assert!(flagged(published, OUTSIDE).is_empty());
}

#[test]
fn a_title_run_into_the_body_names_the_period() {
    let text = "市教育局2022年工作总结和2023年工作计划2022年，我局有序推进各项重点工作。2023年3月，完成了校舍改造12所。\n";
    assert_eq!(flagged(text, OUTSIDE), vec!["2023年3月"]);
}

#[test]
fn a_headline_names_the_months_and_the_body_the_year() {
    let text = "上半年国民经济运行总体平稳\n2016年，全市经济运行总体平稳。2016年全市生产总值增长7%。2016年规模以上工业增加值增长6%。7月份，规模以上工业增加值增长6.1%。\n";
    assert_eq!(flagged(text, OUTSIDE), vec!["7月"]);
}

#[test]
fn a_month_in_the_title_ends_the_period() {
    let text = "每月经济运行简况（2020年3月）\n一、财政\n4月份全市财政支出46.06亿元。\n";
    assert_eq!(flagged(text, OUTSIDE), vec!["4月"]);
    let fine = "每月经济运行简况（2020年3月）\n一、财政\n3月份全市财政支出46.06亿元。\n";
    assert!(flagged(fine, OUTSIDE).is_empty());
}

#[test]
fn a_month_range_in_the_title_ends_the_period() {
    let text = "某县2016年1—4月项目建设进展情况汇报\n一、项目进展\n5月完成投资3.44亿元。\n";
    assert_eq!(flagged(text, OUTSIDE), vec!["5月"]);
}

#[test]
fn a_second_half_title_is_not_the_first_half() {
    let text = "某镇2022年下半年工作总结\n一、工作成效\n9月完成了全部危房改造验收。\n";
    assert!(flagged(text, OUTSIDE).is_empty());
}

#[test]
fn hereby_is_not_a_future() {
    // 现将 marks the object (hereby), not the future.
    let text = "某镇2022年上半年工作总结\n现将2023年上半年工作情况报告如下：\n一、工作成效\n完成危房改造验收。\n";
    assert_eq!(flagged(text, OUTSIDE), vec!["2023年"]);
}

#[test]
fn a_future_word_governs_its_own_clause_only() {
    // 目标任务 in another clause says nothing about 7月.
    let text = "某镇2022年上半年工作总结\n一、工作成效\n认真落实工作目标任务，7月完成了全部危房改造验收。\n";
    assert_eq!(flagged(text, OUTSIDE), vec!["7月"]);
    // A plan in the date's clause, or a year standing as the topic of a plan.
    let plans = "某镇2022年上半年工作总结\n一、工作成效\n危房改造已完成，计划7月开展回头看。2023年，预计完成投资1亿元。对工作目标和主要任务、2023年的主要工作作了安排部署。\n";
    assert!(
        flagged(plans, OUTSIDE).is_empty(),
        "{:?}",
        flagged(plans, OUTSIDE)
    );
}

const TITLE: &str = "structure.title";

/// The title the outline reads, if any.
fn title_of(text: &str) -> Option<String> {
    let doc = report_checker::document::Document::parse(text);
    doc.outline.title.clone().map(|t| text[t].to_string())
}

#[test]
fn headlines_are_titles() {
    let body = "2022年，内蒙古自治区地区生产总值23158.6亿元，按可比价格计算，比上年增长4.2%，其中第一产业增加值2653.7亿元。\n";
    for headline in [
        "2022年内蒙古自治区经济稳定增长，工业生产保持快速增长",
        "统计局：今年夏粮增产474.8万吨",
        "河北省现有多少人口？2019年河北出生人口数量",
        "总结工作，谋划未来，团结奋进再出发——某公司召开2023年工作总结分析会",
    ] {
        let text = format!("{headline}\n{body}");
        assert_eq!(title_of(&text).as_deref(), Some(headline));
        assert!(flagged(&text, TITLE).is_empty(), "{text}");
    }
    // Page chrome between the headline and the body.
    let sourced = format!(
        "黑龙江粮食总产量1573.54亿斤连续11年全国第一\n来源:黑龙江日报 2021-12-07 16:06:51\n{body}"
    );
    assert_eq!(
        title_of(&sourced).as_deref(),
        Some("黑龙江粮食总产量1573.54亿斤连续11年全国第一")
    );
    // A headline before the first heading, and a 文种 spaced out.
    let progress =
        "元-4月某县项目建设进展情况\n一、千万元以上项目进展情况\n全县计划实施项目84个。\n";
    assert_eq!(
        title_of(progress).as_deref(),
        Some("元-4月某县项目建设进展情况")
    );
    let spaced = "政 府 工 作 报 告\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议，并请各位政协委员和其他列席人员提出意见。\n";
    assert_eq!(title_of(spaced).as_deref(), Some("政 府 工 作 报 告"));
}

#[test]
fn lead_ins_and_sentences_are_not_headlines() {
    let body = "我镇始终把打赢脱贫攻坚战作为重大政治任务，深入推进精准扶贫，全镇脱贫攻坚工作取得显著成效，群众满意度明显提升。\n";
    for first in [
        "各位代表：",
        "现将2022年工作总结如下：",
        "今年以来，全镇工作平稳推进。",
    ] {
        let text = format!("{first}\n{body}");
        assert_eq!(title_of(&text), None, "{text}");
        assert_eq!(flagged(&text, TITLE).len(), 1, "{text}");
    }
}

#[test]
fn a_headline_before_a_short_sentence_or_a_table_is_a_title() {
    let news = "某县第十五届人民代表大会第五次会议胜利召开\n2月14日，某县第十五届人民代表大会第五次会议在这里隆重开幕。\n会议听取了政府工作报告。\n";
    assert!(title_of(news).is_some(), "{news}");
    assert!(flagged(news, TITLE).is_empty());
    let table = "2008-2012年全市三级医疗机构工作量情况\n日期:2013-04-23 来源:\n单位：万人次\n项目\n2008年\n";
    assert!(title_of(table).is_some(), "{table}");
    // Near-miss: a line leading into the sentence after it is no title.
    let lead = "现将今年以来的工作情况报告如下：\n各项工作取得新进展。\n";
    assert_eq!(title_of(lead), None);
}

#[test]
fn a_news_headline_is_not_signed() {
    // A headline naming no 文种 heads a news item: no sign-off is expected.
    let news = "元-4月某县项目建设进展情况\n一、千万元以上项目进展情况\n全县计划实施项目84个，完成投资10.14亿元。\n";
    assert!(flagged(news, "structure.signature").is_empty());
    for draft in [
        "某县2016年1—4月项目建设进展情况汇报\n一、千万元以上项目进展情况\n全县计划实施项目84个，完成投资10.14亿元。\n",
        "某镇2022年上半年工作开展情况\n一、主要工作\n完成投资10.14亿元。\n",
    ] {
        assert_eq!(flagged(draft, "structure.signature").len(), 1, "{draft}");
    }
}

#[test]
fn a_review_section_narrows_the_period_to_its_year() {
    // A 政府工作报告 of 2022 reviews 2021 in its first part.
    let report = "2022年某区政府工作报告\n一、2021年工作回顾\n2021年，全区实现地区生产总值850亿元。2022年，全区新增市场主体1.2万户。\n二、2022年工作安排\n2022年，全区将新增市场主体1.5万户。\n";
    assert_eq!(flagged(report, OUTSIDE), vec!["2022年"]);
    let fine = report.replace("2022年，全区新增", "2021年，全区新增");
    assert!(
        flagged(&fine, OUTSIDE).is_empty(),
        "{:?}",
        flagged(&fine, OUTSIDE)
    );
    // With no period in the title, the review heading alone names it.
    let untitled = "政 府 工 作 报 告\n各位代表：\n一、2022年工作回顾\n刚刚过去的2023年，是极具考验的一年。\n二、2023年工作安排\n2023年，全区将新增市场主体1.5万户。\n";
    assert_eq!(flagged(untitled, OUTSIDE), vec!["2023年"]);
    // A review heading naming a later year than the title narrows nothing: it is the slip.
    let slip = "某镇2021年工作总结暨2022年工作计划\n一、2022年工作总结\n2021年完成改造12所。\n二、2022年工作计划\n继续推进。\n";
    assert_eq!(flagged(slip, OUTSIDE), vec!["2022年"]);
}

#[test]
fn a_date_after_wei_is_a_target_or_a_schedule() {
    let fine = "某公司2023年工作总结\n一、工作成效\n全年完成产值5亿元，用良好的业绩为2024年新中国成立75周年献礼。\n";
    assert!(flagged(fine, OUTSIDE).is_empty());
    // 于2024年完成 reports an event: still outside.
    let event = "某公司2023年工作总结\n一、工作成效\n新厂房于2024年3月完成验收。\n";
    assert_eq!(flagged(event, OUTSIDE), vec!["2024年3月"]);
}

#[test]
fn an_opening_names_the_part_of_the_year() {
    // 一季度，… opens a quarterly bulletin whose year is not written: dates
    // without a year are still compared with the quarter.
    let text = "一季度，全县实现地区生产总值56.82亿元，增长4.6%。\n一、金融\n4月末，全县本外币存款余额410亿元。\n";
    assert_eq!(flagged(text, OUTSIDE), vec!["4月"]);
    let fine = "一季度，全县实现地区生产总值56.82亿元，增长4.6%。\n一、金融\n3月末，全县本外币存款余额410亿元，2024年同期为395亿元。\n";
    assert!(flagged(fine, OUTSIDE).is_empty());
    // A headline that names the half year, with the year in the body.
    let half = "上半年国民经济运行总体平稳\n上半年，全市经济运行总体平稳。7月份，规模以上工业增加值增长6.1%。\n";
    assert_eq!(flagged(half, OUTSIDE), vec!["7月"]);
}

const REPORT: &str = "政府工作报告\n——2023年1月15日在某县第十六届人民代表大会第二次会议上\n县长 张某\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n一、2022年工作回顾\n过去一年，全县地区生产总值增长5.2%。2022年11月，新建学校投入使用。\n二、2023年工作安排\n2023年是全面贯彻党的二十大精神的开局之年。全县将新建道路30公里。\n";

#[test]
fn a_year_under_review_ends_before_the_text_is_delivered() {
    assert!(flagged(REPORT, OUTSIDE).is_empty(), "{REPORT}");
    let moved = REPORT.replace("一、2022年工作回顾", "一、2023年工作回顾");
    assert_eq!(flagged(&moved, OUTSIDE), vec!["2023年"]);
    // Delivered in the year's last weeks, the year under review is that year.
    let december = REPORT
        .replace("2023年1月15日", "2022年12月25日")
        .replace("2022年11月", "2022年10月");
    assert!(flagged(&december, OUTSIDE).is_empty(), "{december}");
}

#[test]
fn an_event_reported_as_done_is_no_later_than_the_text_s_own_date() {
    let later = REPORT.replace("2022年11月，新建学校", "2023年3月，新建学校");
    assert_eq!(flagged(&later, OUTSIDE), vec!["2023年3月"]);
    // Near-miss: a plan after the date of issue.
    let plan = REPORT.replace(
        "2022年11月，新建学校投入使用",
        "计划2023年3月新建学校投入使用",
    );
    assert!(flagged(&plan, OUTSIDE).is_empty(), "{plan}");
}

#[test]
fn a_heading_reviewing_a_plan_does_not_start_the_plans() {
    let text = "某县人社局2021年工作总结\n一、促进就业计划执行情况\n全年城镇新增就业5200人。2022年3月，完成了全部技能培训。\n二、下一步工作打算\n2022年3月开展春风行动。\n";
    assert_eq!(flagged(text, OUTSIDE), vec!["2022年3月"]);
}

#[test]
fn a_budget_report_covers_this_year_s_execution_and_next_year_s_draft() {
    let text = "某县2022年预算执行情况和2023年预算草案的报告\n(2023年2月8日在县第十七届人民代表大会第二次会议上)\n各位代表：\n受县人民政府委托，现将某县2022年预算执行情况和2023年预算草案提请大会审议。\n一、2022年预算执行情况\n全县一般公共预算收入完成16.75亿元，增长23%。\n";
    assert!(flagged(text, OUTSIDE).is_empty(), "{text}");
    // An event of the year of delivery reported as done in the review is still flagged.
    let moved = text.replace(
        "全县一般公共预算收入完成",
        "2023年3月，全县一般公共预算收入完成",
    );
    assert_eq!(flagged(&moved, OUTSIDE), vec!["2023年3月"]);
}

#[test]
fn a_title_broken_over_lines_is_read_whole() {
    let text = "财政报告\n关于某区2021年财政\n预算执行情况及2022年财政\n预算草案的报告\n2022年2月20日在某区第二届人民代表大会第一次会议上\n各位代表：\n一、2021年财政预算执行情况\n全区一般公共预算收入完成147.1亿元。\n";
    assert!(flagged(text, OUTSIDE).is_empty(), "{text}");
    // Near-miss: the title's own year moved past the date of delivery.
    let moved = text.replace("关于某区2021年财政", "关于某区2022年财政");
    assert_eq!(flagged(&moved, OUTSIDE), vec!["2022年"]);
}

#[test]
fn a_year_naming_a_meeting_dates_no_event() {
    let text = "我市经营主体总量稳居全省前列\n1月26日，记者从2024年全市市场监管工作会议上获悉，我市经营主体总量连续三年稳居全省前列。\n2023年，全市新登记经营主体5.2万户。2023年，全市查办案件1200件。\n";
    assert!(flagged(text, OUTSIDE).is_empty(), "{text}");
    // Near-miss: a meeting held in that year is an event of that year.
    let held = text.replace(
        "2023年，全市查办案件",
        "2024年召开全市工作会议，全市查办案件",
    );
    assert_eq!(flagged(&held, OUTSIDE), vec!["2024年"]);
}

#[test]
fn a_base_of_comparison_does_not_set_the_period() {
    let text = "国家统计局关于2024年夏粮产量数据的公告\n根据调查，2024年全国夏粮播种面积26613.2千公顷，比2023年减少1.2千公顷。全国夏粮总产量14989万吨，比2023年增加363万吨。夏粮单位面积产量比2023年增加106.0公斤/公顷。\n";
    assert!(flagged(text, OUTSIDE).is_empty(), "{text}");
}

#[test]
fn a_review_heading_without_a_number_narrows_the_period_too() {
    let text = "政府工作报告\n——在某县第十八届人民代表大会第二次会议上\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n2022年工作回顾\n2022年，县政府全面贯彻落实各项决策部署。全县地区生产总值增长5.1%。\n2023年工作安排\n2023年，全县将着力扩大有效投资。\n";
    assert!(flagged(text, OUTSIDE).is_empty(), "{text}");
    let moved = text.replace("2022年，县政府", "2023年，县政府");
    assert_eq!(flagged(&moved, OUTSIDE), vec!["2023年"]);
}

#[test]
fn a_report_delivered_at_a_meeting_is_dated_by_that_line() {
    // No dash before the date, and the line breaks before 会议上.
    let text = "某县2018年政府工作报告\n政府工作报告 2018年2月5日在某县第十八届人民代表大会\n第二次会议上\n各位代表：\n一、2017年工作回顾\n过去的一年，全县地区生产总值增长7.1%。\n二、2018年工作安排\n2018年地区生产总值增长7%。\n";
    assert!(flagged(text, OUTSIDE).is_empty(), "{text}");
    let moved = text.replace("一、2017年工作回顾", "一、2018年工作回顾");
    assert_eq!(flagged(&moved, OUTSIDE), vec!["2018年"]);
    // A review line without a number is held to the date as well.
    let bare = text.replace("一、2017年工作回顾", "2018年工作回顾");
    assert_eq!(flagged(&bare, OUTSIDE), vec!["2018年"]);
    // A blank before 日 (text from a PDF) leaves the date whole.
    let budget = "某县2021年预算执行情况和2022年预算草案的报告\n——2022年1月5 日在某县第十八届人民代表大会第一次会议上\n一、2021年预算执行情况\n全县一般公共预算收入完成5亿元。\n二、2022年预算安排\n2022年一般公共预算收入安排5.2亿元。\n";
    assert!(flagged(budget, OUTSIDE).is_empty(), "{budget}");
    // Near-miss: a date in the body followed by 在 is an event, not the delivery.
    let event =
        "某县2018年工作总结\n一、工作回顾\n2018年3月5日在县城召开动员会，全年完成投资5亿元。\n";
    assert!(flagged(event, OUTSIDE).is_empty(), "{event}");
}

#[test]
fn a_date_from_a_pdf_with_blanks_before_its_marks_is_read_whole() {
    // ——2020 年8月10 日在…会议上: the day the report was delivered, blanks and all.
    let text = "上半年政府工作报告\n——2020 年8月10 日在某镇第十九届人民代表大会第八次会议上\n各位代表：\n现在，我代表镇人民政府向大会作今年以来工作报告，请予审议。\n上半年工作回顾\n上半年，全镇实现入库税收3.2亿元，同比增长6.1%。6月，完成了道路验收。\n";
    assert!(flagged(text, OUTSIDE).is_empty(), "{text}");
    // A month after the half year, reported as done.
    let moved = text.replace("6月，完成", "9月，完成");
    assert_eq!(flagged(&moved, OUTSIDE), vec!["9月"]);
    // A year set off by a blank in the body is a year too.
    let year =
        "某街道2019年工作总结\n一、工作成效\n全年完成投资5亿元。2020 年1月，完成了道路验收。\n";
    assert_eq!(flagged(year, OUTSIDE), vec!["2020 年1月"]);
}

#[test]
fn a_year_whose_work_is_planned_dates_no_event() {
    // 对2020年工作作部署, 2020年度工作思路: next year's work, planned this year.
    let text = "某街道2019年工作总结\n一、工作成效\n12月召开年度工作总结大会，对全年工作进行全面总结，并对2020年工作作总动员总部署。2020 年度工作思路已经形成。\n";
    assert!(flagged(text, OUTSIDE).is_empty(), "{text}");
    // Work of the next year reported as done.
    let done = text.replace("2020 年度工作思路已经形成", "2020年1月完成了道路验收");
    assert_eq!(flagged(&done, OUTSIDE), vec!["2020年1月"]);
}

#[test]
fn a_plan_carried_out_and_the_year_now_ending_are_results() {
    let text = "某县2021年政府工作报告\n在全县人民的共同努力下，2022年，全县经济社会发展各项目标任务全面完成。\n";
    assert_eq!(flagged(text, OUTSIDE), vec!["2022年"]);
    let review =
        "某县2018年政府工作报告\n一、2018年工作回顾\n即将过去的2019年，是我县发展的关键一年。\n";
    assert_eq!(flagged(review, OUTSIDE), vec!["2019年"]);
    // Near-misses: a plan still to be carried out, and a year about to come.
    let plan = "某县2021年政府工作报告\n2022年，全县各项目标任务力争全面完成。\n";
    assert!(flagged(plan, OUTSIDE).is_empty());
    let coming = "某县2021年政府工作报告\n即将到来的2022年，我们将奋发有为。\n";
    assert!(flagged(coming, OUTSIDE).is_empty());
}
