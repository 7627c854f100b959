//! Empty labels and the numbering of lists in texts cut from web pages: a
//! label whose next line is already the next item, lists that start late
//! because the page starts late, markers the page glued to the line before.

mod common;
use common::flagged;

const EMPTY: &str = "data.empty-field";

#[test]
fn a_label_followed_by_its_sibling_is_empty() {
    let text = "某区农业农村局2021年工作总结\n一、主要指标\n种植类：\n畜牧类：前三季度，生猪出栏42.19万头，同比增长40%。\n";
    assert_eq!(flagged(text, EMPTY), vec!["种植类："]);
    let filled = "某区农业农村局2021年工作总结\n一、主要指标\n种植类：蔬菜产量11.37万吨。\n畜牧类：前三季度，生猪出栏42.19万头，同比增长40%。\n";
    assert!(flagged(filled, EMPTY).is_empty());
}

#[test]
fn a_label_followed_by_the_next_heading_is_empty() {
    let text = "某市应急管理局2022年工作总结\n一、灾害形势\n安全生产形势：截至12月13日，全市发生事故17起。\n自然灾害形势：\n二、主要工作\n完成隐患排查1200处。\n";
    assert_eq!(flagged(text, EMPTY), vec!["自然灾害形势："]);
}

#[test]
fn a_lead_in_label_stays_silent() {
    // Its body on the next line, a deeper list it introduces, a lead-in (如下：),
    // a label heading the labels after it (农业： then 种植业：… 畜牧业：…), a label at the very end.
    let texts = [
        "某县2022年统计公报\n一、农业\n农业：\n全年实现农业增加值13.51亿元，增长6.26%。\n",
        "某镇2022年工作总结\n一、主要做法\n三项措施：\n（一）强化调度\n压实责任。\n",
        "某镇2022年工作总结\n一、主要做法\n主要做法如下：\n二、存在问题\n资金不足。\n",
        "某县2022年统计公报\n二、农业\n农业：\n种植业：粮食产量12万吨。\n畜牧业：生猪出栏8万头。\n",
        "某县2022年统计公报\n二、农业\n种植业：粮食产量12万吨。\n工业：\n",
    ];
    for t in texts {
        assert!(flagged(t, EMPTY).is_empty(), "{t}: {:?}", flagged(t, EMPTY));
    }
}

const GAP: &str = "numbering.gap";

#[test]
fn a_page_that_begins_at_four_is_not_missing_one() {
    let page = "四、对外经济\n全年进出口总值848.96亿元。\n五、科技\n新增省级重点实验室4家。\n";
    assert!(flagged(page, GAP).is_empty());
    // A draft whose first heading after its title is 二、 still lacks 一、.
    let draft = "某镇2022年工作总结\n二、对外经济\n全年进出口总值848.96亿元。\n三、科技\n新增省级重点实验室4家。\n";
    assert_eq!(flagged(draft, GAP), vec!["二、"]);
    // So does a text that opens with a paragraph before its 二、.
    let opened =
        "全年经济平稳。\n二、对外经济\n全年进出口总值848.96亿元。\n三、科技\n新增实验室4家。\n";
    assert_eq!(flagged(opened, GAP), vec!["二、"]);
}

#[test]
fn a_first_marker_run_into_the_line_before_is_there() {
    // The page lost its line breaks: 一、 follows the title or a colon.
    let glued = "大众学校工作简要汇报一、学校基本情况学校位于三阳乡。二、学生情况现有教学班6个。三、亟待解决的问题教师年龄偏大。\n";
    assert!(flagged(glued, GAP).is_empty(), "{:?}", flagged(glued, GAP));
    let colon = "某小学总体情况报告\n我校总体情况如下:一、我校建于1975年,现有学生649名。二、我校总占地面积为18950平方米。三、我校现有两个大会议室。\n";
    assert!(flagged(colon, GAP).is_empty(), "{:?}", flagged(colon, GAP));
    // 一、 inside a word or a list of ordinals is no marker: the gap stands.
    let word = "某小学总体情况报告\n坚持统一、规范管理。二、我校总占地面积为18950平方米。三、我校现有两个大会议室。\n";
    assert_eq!(flagged(word, GAP), vec!["二、"]);
    let grades = "某小学总体情况报告\n学校开设了一、二年级。二、我校总占地面积为18950平方米。三、我校现有两个大会议室。\n";
    assert_eq!(flagged(grades, GAP), vec!["二、"]);
    // A heading run into its first item on the line before.
    let item = "某市2022年民政工作总结\n一、社会救助工作扎实有力1.城乡低保政策落实到位。全市14035户享受城乡低保。\n2.农村五保供养工作扎实。\n3.临时救助及时。\n";
    assert!(flagged(item, GAP).is_empty(), "{:?}", flagged(item, GAP));
    // A decimal on the line before is no marker.
    let decimal = "某市2022年民政工作总结\n一、社会救助工作扎实有力，发放资金1.5万元。\n2.农村五保供养工作扎实。\n3.临时救助及时。\n";
    assert_eq!(flagged(decimal, GAP), vec!["2."]);
}

#[test]
fn ordinals_listed_with_a_comma_are_not_run_ins() {
    let text = "某县2015年统计公报\n一、综合\n第一产业比重上升3.82个百分点，第二、第三产业比重分别回落2.16和1.66个百分点。\n";
    assert!(flagged(text, GAP).is_empty());
    // 第二， opening a clause is still a run-in that lacks 第一.
    let run_in = "某镇2022年工作总结\n一、存在问题\n资金不足。第二，人才缺乏。第三，设施落后。\n";
    assert_eq!(flagged(run_in, GAP), vec!["资金不足。"]);
}

#[test]
fn no_level_finding_under_a_repeated_heading() {
    // 一、 repeated under （二） breaks the hierarchy there: numbering.repeat
    // reports it, and the 1、 under it is not judged against it.
    let text = "某镇上半年工作汇报\n一、上半年工作完成情况\n（一）主要经济指标\n1、完成生产总值31100万元。\n2、完成工业总产值13675万元。\n（二）主要作法和经验\n一、以提升精品小区建设为重点\n1、投资160万元，完善养殖带。\n2、投资500万元，启动安全饮水工程。\n";
    assert!(flagged(text, "numbering.level").is_empty());
    assert_eq!(flagged(text, "numbering.repeat"), vec!["一、"]);
    // Without the repeat, 1、 straight under 二、 is a skipped level.
    let skipped = "某镇上半年工作汇报\n一、上半年工作完成情况\n（一）主要经济指标\n1、完成生产总值31100万元。\n2、完成工业总产值13675万元。\n二、主要作法和经验\n1、投资160万元，完善养殖带。\n2、投资500万元，启动安全饮水工程。\n";
    assert_eq!(flagged(skipped, "numbering.level"), vec!["1、"]);
}

#[test]
fn a_quote_open_where_the_page_was_cut_is_not_unclosed() {
    // The text stops mid-sentence: the close may lie past the cut.
    let cut = "某村2021年工作总结\n一、主要工作\n学习了《习近平论中国共产党历史》、《中共中央国务院关于实现巩固拓展脱贫攻坚成果同乡村";
    assert!(flagged(cut, "text.pairs").is_empty());
    let cut_quote = "某村2021年工作总结\n一、主要工作\n提出了三年内“修通一条路、开发一块田、";
    assert!(flagged(cut_quote, "text.pairs").is_empty());
    // An aside in brackets holds semicolons; cut inside it, it may close past the cut.
    let cut_aside = "某县2008年工作总结\n一、项目建设\n年内计划开工项目42个，总投资14.03亿元（包括：已立项的项目12个，总投资2.984亿元；正在准备立项手续的项目19个，总";
    assert!(flagged(cut_aside, "text.pairs").is_empty());
    // Closed by a full stop, or cut in a later sentence: still unclosed.
    let whole = "某村2021年工作总结\n一、主要工作\n学习了《中共中央国务院关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的意见。\n";
    assert_eq!(flagged(whole, "text.pairs"), vec!["《"]);
    let earlier = "某村2021年工作总结\n一、主要工作\n开展“我为群众办实事活动。提出了三年内修通一条路、开发一块田、";
    assert_eq!(flagged(earlier, "text.pairs"), vec!["“"]);
    let before_a_full_stop = "某县2008年工作总结\n一、项目建设\n新开工项目14个（包括续建项目。正在准备立项手续的项目19个，总";
    assert_eq!(flagged(before_a_full_stop, "text.pairs"), vec!["（"]);
}

const UNIT: &str = "data.missing-unit";

#[test]
fn a_container_is_a_measure_word() {
    let text = "某镇2022年工作总结\n一、工作成效\n及时出动5000人次、打捞蓝藻1600粪车，计8000吨。运走垃圾30车。\n";
    assert!(flagged(text, UNIT).is_empty(), "{:?}", flagged(text, UNIT));
    let bare = "某镇2022年工作总结\n一、工作成效\n新发展党员33通过审核。\n";
    assert_eq!(flagged(bare, UNIT), vec!["33"]);
}

#[test]
fn a_duration_or_a_name_holds_its_number() {
    let text = "某街道2020年疫情防控工作总结\n一、工作成效\n组织党员志愿者386名实行24小时值守，每班工作8小时。签约城市之光2035文旅项目。\n";
    assert!(flagged(text, UNIT).is_empty(), "{:?}", flagged(text, UNIT));
    // A count with no measure, and a year opening a phrase that lost its 年.
    let lost = "某街道2022年工作总结\n一、工作成效\n组织志愿者386实行轮班值守。对2022政府工作报告确定的任务逐项督办。\n";
    assert_eq!(flagged(lost, UNIT), vec!["386", "2022"]);
}

#[test]
fn a_figure_where_the_page_was_cut_may_lose_its_unit_to_the_cut() {
    let cut = "某县政府工作报告\n一、工作回顾\n全县工业产值46.6亿元，共发放奖补资金1489万";
    assert!(flagged(cut, UNIT).is_empty());
    let whole = "某县政府工作报告\n一、工作回顾\n全县工业产值46.6亿元，共发放奖补资金1489万。\n";
    assert_eq!(flagged(whole, UNIT), vec!["1489万"]);
}

#[test]
fn a_first_heading_after_a_colon_is_confirmed_by_the_second() {
    // 情况如下：一、…。二、…: the page lost its line breaks; 一、 opens the list.
    let text = "某小学总体情况报告\n我校总体情况如下：一、我校建于1975年，现有学生649名。二、我校总占地面积为18950平方米，建筑面积为13392平方米。三、我校现有两个大会议室，一间计算机教室。四、近两年开展的工作：新建了教学楼。\n";
    let doc = report_checker::document::Document::parse(text);
    let markers: Vec<&str> = doc
        .outline
        .headings
        .iter()
        .map(|h| &text[h.marker.clone()])
        .collect();
    assert_eq!(markers, ["一、", "二、", "三、", "四、"]);
    assert!(flagged(text, "text.glued-heading").is_empty());
    // 主要有：一、…；二、… is a list inside a sentence: no heading.
    let inline = "某镇2022年工作总结\n主要做法有：一、强化领导；二、完善制度。\n一、工作成效\n完成改造12所。\n二、存在问题\n资金不足。\n";
    let doc = report_checker::document::Document::parse(inline);
    let markers: Vec<&str> = doc
        .outline
        .headings
        .iter()
        .map(|h| &inline[h.marker.clone()])
        .collect();
    assert_eq!(markers, ["一、", "二、"]);
    assert!(flagged(inline, "numbering.repeat").is_empty());
}

#[test]
fn a_second_yishi_after_a_lone_yishi_is_a_repeat() {
    // 一是…二是 with 二是 slipped to 一是: a list of one 一是 is no list.
    let text = "某镇2022年工作总结\n一、工作成效\n（一）党建工作\n一是加强组织建设，完善制度。\n一是组织教育活动，开展学习12次。\n（二）经济发展\n完成投资3亿元。\n";
    assert_eq!(flagged(text, "numbering.repeat"), vec!["一是"]);
    // Two lists of their own, each counted: silent.
    let two = "某镇2022年工作总结\n一、工作成效\n一是加强组织建设。二是开展学习12次。\n一是完成投资3亿元。二是新建道路5公里。\n";
    assert!(flagged(two, "numbering.repeat").is_empty());
    // A heading between two lone 一是 parts them.
    let parted =
        "某镇2022年工作总结\n一、工作成效\n一是加强组织建设。\n二、存在问题\n一是资金不足。\n";
    assert!(flagged(parted, "numbering.repeat").is_empty());
}

const DROPPED: &str = "data.dropped-number";

#[test]
fn a_unit_in_brackets_labels_the_figure_after_it() {
    // A table's label: the indicator, its unit in brackets, the figure in the next cell.
    let table = "某县人民医院2022年运行情况\n一、医疗资源\n指标 | 2022年 |\n开放床位数（张） | 1260 |\n卫生技术人员（人） | 1385 |\n年门急诊量(人次) | 864312 |\n";
    assert!(
        flagged(table, DROPPED).is_empty(),
        "{:?}",
        flagged(table, DROPPED)
    );
    // A bracket after a figure holds a second figure, which lost its number.
    let lost =
        "某镇2022年工作总结\n一、工作成效\n其中已完成土地整理2处（亩），新建机耕路3.2公里。\n";
    assert_eq!(flagged(lost, DROPPED), vec!["亩"]);
}

#[test]
fn a_name_glossed_in_brackets_has_its_figure_after_them() {
    // 门诊部（所）, 卫生监督所（中心）: 所 is part of the institution's name.
    let text = "某县2022年卫生健康工作总结\n一、工作成效\n全县共有医疗卫生机构386个，其中乡镇卫生院21个，门诊部（所）46个，卫生监督所（中心）1个，村卫生室305个。\n";
    assert!(
        flagged(text, DROPPED).is_empty(),
        "{:?}",
        flagged(text, DROPPED)
    );
    let lost = text.replace("卫生监督所（中心）1个", "卫生监督所（中心）");
    assert_eq!(flagged(&lost, DROPPED), vec!["所"]);
}

#[test]
fn names_before_fenbie_get_their_figures_after_it() {
    let text = "某县人民医院2022年上半年工作总结\n一、业务情况\n全院核定床位800张，开放床位912张；门急诊人次、出院人数分别为612345、23410，同比分别增长8.2%和6.5%。\n";
    assert!(
        flagged(text, DROPPED).is_empty(),
        "{:?}",
        flagged(text, DROPPED)
    );
    let lost = text.replace("开放床位912张", "开放床位张");
    assert_eq!(flagged(&lost, DROPPED), vec!["张"]);
}

#[test]
fn a_measure_character_after_a_verb_negated_by_bu_is_a_noun() {
    let text = "某县2020年疫情防控工作总结\n一、工作成效\n全县划分网格1260个，做到村不漏户、户不漏人，排查返乡人员2310人。\n";
    assert!(
        flagged(text, DROPPED).is_empty(),
        "{:?}",
        flagged(text, DROPPED)
    );
    // 未 negates a deed done: the households not moved are counted, and the count was lost.
    let lost =
        "某镇2022年工作总结\n一、工作成效\n全镇应搬迁268户，已搬迁236户，该迁未迁户、105人。\n";
    assert_eq!(flagged(lost, DROPPED), vec!["户"]);
}

#[test]
fn a_stray_blank_inside_a_word_does_not_split_off_a_measure() {
    let text = "某县2012年政府工作报告\n一、工作回顾\n服务业承载能力明显增强，东方购物广 场、\n";
    assert!(
        flagged(text, DROPPED).is_empty(),
        "{:?}",
        flagged(text, DROPPED)
    );
    // A blank where the number stood.
    let lost = "某县人民医院2022年工作总结\n一、工作成效\n全院开放床位 张；\n";
    assert_eq!(flagged(lost, DROPPED), vec!["张"]);
}

#[test]
fn names_and_other_forms_of_a_unit_are_no_lost_numbers() {
    let text = "某县2023年统计公报\n年末牲畜总头数60.58万头（只），比上年末增长1.8%。其中，猪5.55万头，牛1.2万头。\n";
    assert!(
        flagged(text, DROPPED).is_empty(),
        "{:?}",
        flagged(text, DROPPED)
    );
    // Near-miss: a measure of another dimension after a count lost its number.
    let lost = "某县2023年工作总结\n新建鱼塘5口，已精修2口（亩），完成投资30万元。\n";
    assert_eq!(flagged(lost, DROPPED), vec!["亩"]);
    // A kind of household named, its figure after 的; a name given for now.
    let kinds = "某乡2016年工作总结\n按照五个一批的要求，发展生产脱贫的308户1095人，医疗救助户的43户200人，政策兜底的214户437人。新建第二小学（暂定名）2所学校已完成立项。\n";
    assert!(
        flagged(kinds, DROPPED).is_empty(),
        "{:?}",
        flagged(kinds, DROPPED)
    );
    assert_eq!(
        flagged(
            "某乡2016年工作总结\n全年医疗救助户，临时救助52户。\n",
            DROPPED
        ),
        vec!["救助户"]
    );
}

#[test]
fn programmes_and_pages_are_counted_or_named() {
    let text = "某校2012年工作总结\n今年高考上全国重点大学本科3人（其中1人已被985工程重点大学录取），文件共15页。\n";
    assert!(flagged(text, UNIT).is_empty(), "{:?}", flagged(text, UNIT));
    // A year before 以来 lost its 年: the message says so.
    let year = "某校2012年工作总结\n从2005以来连续八年高考丰收。\n";
    let d = common::diagnostics(year, UNIT);
    assert_eq!(d.len(), 1);
    assert!(d[0].message.contains("缺少“年”字"), "{}", d[0].message);
    assert_eq!(
        flagged("某校2012年工作总结\n新发展党员33通过审核。\n", UNIT),
        vec!["33"]
    );
}

#[test]
fn a_blank_inside_a_unit_of_money_keeps_the_unit() {
    let text = "某县2021年政府工作报告\n工业增加值11.8亿元，比增7.5%；地方一般公共预算收入7.9亿 元，比增5.5%。\n";
    assert!(flagged(text, UNIT).is_empty(), "{:?}", flagged(text, UNIT));
    let lost = "某县2021年政府工作报告\n工业增加值11.8亿元，比增7.5%；地方一般公共预算收入7.9亿，比增5.5%。\n";
    assert_eq!(flagged(lost, UNIT), vec!["7.9亿"]);
}
