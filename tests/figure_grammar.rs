//! The figure grammar (`src/frames`), frame by frame: each case is written the
//! way statistical Chinese is written, with the problem and the near-misses
//! that must stay silent. Texts are of the kind of `tests/corpus` (bulletins,
//! township summaries), rewritten.

mod common;
use common::{diagnostics, flagged};

fn doc(body: &str) -> String {
    format!("某县2022年工作总结\n{body}\n")
}

// ---- breakdowns: a total and its parts ---------------------------------------

#[test]
fn qizhong_opening_the_next_sentence_breaks_down_the_sentence_before() {
    let text =
        doc("全县共有各类学校312所。其中初中18所，高中4所，职业学校2所，小学196所，幼儿园91所。");
    assert_eq!(flagged(&text, "numbers.sum"), vec!["312所"]);
    let d = &diagnostics(&text, "numbers.sum")[0];
    assert!(d.message.contains("= 311所"), "{}", d.message);
    // Near-miss: a partial list far below its total (the model schools only).
    let partial = doc("全县共有各类学校312所。其中省级示范校3所，市级示范校12所，县级示范校20所。");
    assert!(flagged(&partial, "numbers.sum").is_empty());
}

#[test]
fn a_qizhong_after_a_qizhong_breaks_down_the_earlier_total() {
    // 18 + 67 = 85 teachers; the second 其中 is not about the 21 特岗教师.
    let text =
        doc("学校有教职工85名，其中双语教师11名，特岗教师21名。其中男教师18名、女教师67名。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    let wrong =
        doc("学校有教职工85名，其中双语教师11名，特岗教师21名。其中男教师18名、女教师69名。");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["85名"]);
}

#[test]
fn respectively_lists_are_parts_of_the_figure_they_come_near() {
    let gdp =
        doc("全年地区生产总值341.91亿元，第一、二、三产业增加值分别为62.15、81.40、197.36亿元。");
    assert_eq!(flagged(&gdp, "numbers.sum"), vec!["341.91亿元"]);
    let villages = doc("全镇共完成危房改造38户，A、B、C三个村分别完成12户、9户、15户。");
    assert_eq!(flagged(&villages, "numbers.sum"), vec!["38户"]);
    // Near-miss: the right sum, and a 分别 list of another indicator far from the figure before it.
    let right = doc("全镇共完成危房改造36户，A、B、C三个村分别完成12户、9户、15户。");
    assert!(flagged(&right, "numbers.sum").is_empty());
    let other = doc("完成产值5亿元，甲、乙两家企业分别实现利税3亿元、4亿元。");
    assert!(flagged(&other, "numbers.sum").is_empty());
}

#[test]
fn a_nested_split_is_a_breakdown_of_its_own() {
    let nested =
        doc("全村1260户4380人，其中脱贫户215户760人，已稳定脱贫180户640人，监测户35户120人。");
    assert!(flagged(&nested, "numbers.sum").is_empty());
    // Small figures that add up by chance are not a nested split (3家 = 2家 + 1家).
    let plain = doc("全年新设外商投资企业167家，其中，中外合资企业52家、外资企业109家、股份制企业3家、合作企业2家、开发企业1家。");
    assert!(flagged(&plain, "numbers.sum").is_empty());
    let plain_wrong = plain.replace("开发企业1家", "开发企业4家");
    assert_eq!(flagged(&plain_wrong, "numbers.sum"), vec!["167家"]);
}

#[test]
fn rounded_parts_may_miss_their_total_by_half_a_unit_each() {
    let rounded = doc(
        "全县农林牧渔业总产值86.4亿元，其中农业41.3亿元、林业5.2亿元、牧业36.8亿元、渔业3.2亿元。",
    );
    assert!(flagged(&rounded, "numbers.sum").is_empty());
    // Whole counts are exact: one short is wrong.
    let counts = doc("全镇共有农户320户，已通自来水296户，未通自来水23户。");
    assert_eq!(flagged(&counts, "numbers.sum"), vec!["320户"]);
}

#[test]
fn exact_parts_above_the_total_are_wrong_whatever_the_approximate_ones() {
    let text = doc("全镇耕地面积2.3万亩，其中水田2.6万亩，旱地约0.5万亩。");
    assert_eq!(flagged(&text, "numbers.sum"), vec!["2.3万亩"]);
    let fine = doc("全镇耕地面积2.3万亩，其中水田1.6万亩，旱地约0.7万亩。");
    assert!(flagged(&fine, "numbers.sum").is_empty());
}

#[test]
fn several_indicators_before_qizhong_each_take_their_own_parts() {
    let text = doc("全县计划实施项目84个，总投资286.9亿元，年度计划投资60.35亿元，累计完成投资10.14亿元。其中续建项目27个，总投资97.9亿元，年度计划投资12.09亿元，累计完成投资3.44亿元；新开工项目57个，总投资189亿元，年度计划投资48.26亿元，累计完成投资6.7亿元。");
    assert!(
        flagged(&text, "numbers.sum").is_empty(),
        "{:?}",
        flagged(&text, "numbers.sum")
    );
    assert!(flagged(&text, "numbers.conflict").is_empty());
    let wrong = text.replace("累计完成投资6.7亿元", "累计完成投资7.7亿元");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["10.14亿元"]);
}

#[test]
fn a_list_running_on_into_an_overlapping_group() {
    // 521 + 142 = 663 and 1772 + 160 = 1932: the 双重身份 group overlaps both.
    let overlap = doc("农村低保对象、特困供养人员663户1932人（其中农村低保对象521户1772人，特困供养人员142户160人，贫困双重身份人员122户395人）。");
    assert!(flagged(&overlap, "numbers.sum").is_empty());
    // One dimension agreeing by chance is no excuse: 5 + 2 + 1 ≠ 7.
    let branches = doc("全乡有党支部7个，其中农村支部5个、机关支部2个、学校支部1个。");
    assert_eq!(flagged(&branches, "numbers.sum"), vec!["7个"]);
}

#[test]
fn items_over_semicolons_named_in_parallel_are_one_list_that_may_fall_short() {
    // 夏粮 + 早稻 + 秋粮 = 60710: named alike only in 产量, yet one list.
    let grain = doc("全年粮食产量60710万吨，增产0.9%。其中，夏粮产量13940万吨，增产3.6%；早稻产量3401万吨，减产0.4%；秋粮产量43649万吨，增产0.1%。");
    assert_eq!(flagged(&grain, "numbers.sum"), vec!["60710万吨"]);
    // Near-miss: a bulletin lists the main kinds only (稻谷、小麦、玉米 of 谷物).
    let main_kinds = doc("全年谷物产量55727万吨，增产0.8%。其中，稻谷产量20643万吨，增产1.4%；小麦产量12617万吨，增产3.5%；玉米产量21567万吨，减产1.3%。");
    assert!(flagged(&main_kinds, "numbers.sum").is_empty());
    // Near-miss: 牛存栏 and 牛出栏 are two indicators, not two kinds of one.
    let cattle = doc("年末全县大牲畜存栏4.36万头，增长1.45%。其中，牛存栏4.11万头，增长2.58%；牛出栏1.9万头，增长5.32%。");
    assert!(flagged(&cattle, "numbers.sum").is_empty());
}

#[test]
fn two_kinds_named_in_parallel_in_one_sentence_may_be_the_main_ones_only() {
    // 水稻 + 玉米 = 477.0 of 489.7: 大豆 and the rest go unnamed.
    let main = doc(
        "全年粮食作物播种面积489.7千公顷。其中，水稻播种面积38.5千公顷，玉米播种面积438.5千公顷。",
    );
    assert!(flagged(&main, "numbers.sum").is_empty());
    // Near-miss: parts above the total are wrong however partial the list.
    let over = main.replace("438.5千公顷", "458.5千公顷");
    assert_eq!(flagged(&over, "numbers.sum"), vec!["489.7千公顷"]);
    // Near-miss: the two halves of a whole (常住 / 暂住, 夏粮 / 秋粮) must make it.
    let halves = doc("社区总人口4270人，其中常住人口2181人，暂住人口2087人。");
    assert_eq!(flagged(&halves, "numbers.sum"), vec!["4270人"]);
    let harvests = doc("全区粮食总产量36.99万吨，其中夏粮总产18.55万吨，秋粮总产18.07万吨。");
    assert_eq!(flagged(&harvests, "numbers.sum"), vec!["36.99万吨"]);
}

#[test]
fn a_profit_s_named_parts_may_exceed_it() {
    // The other firms may have made a loss.
    let profit = doc("市属国有企业累计利润总额10.31亿元，同比下降20.6%。其中，市国资委系统企业累计利润24.15亿元。");
    assert!(flagged(&profit, "numbers.sum").is_empty());
    // Near-miss: a revenue's part may not.
    let revenue = doc("市属国有企业累计营业收入10.31亿元，同比下降20.6%。其中，市国资委系统企业累计营业收入24.15亿元。");
    assert_eq!(flagged(&revenue, "numbers.sum"), vec!["10.31亿元"]);
}

#[test]
fn a_scope_opened_inside_a_list_ends_it() {
    // 玉米 is a part of 谷物, not a second part of 粮食 (its full stop left out).
    let text = doc("粮食作物播种面积46.63万亩，比上年减少7.29%。其中，谷物播种面积44.47万亩，减少7%，在谷物播种面积中，玉米播种面积41.5万亩，下降8.4%。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    // Near-miss: a scope opening the list is the list's own.
    let own = doc("全年完成地区生产总值295.4亿元，比上年增长7.7%。在地区生产总值中，第一产业增加值24.4亿元，第二产业增加值210.1亿元，第三产业增加值66.9亿元。");
    assert_eq!(flagged(&own, "numbers.sum"), vec!["295.4亿元"]);
}

#[test]
fn a_half_of_the_total_without_its_other_half_is_the_only_part() {
    let text = doc("上半年，全县实现社会消费品零售总额67.6亿元，同比增长9.2%，其中，限额以上社会消费品零售额4.0亿元，同比增长9.6%，批发业销售额为103.8亿元，同比下降3.6%。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    // Near-miss: with its other half the split is the whole.
    let both = doc("上半年，全县实现社会消费品零售总额67.6亿元，其中，限额以上社会消费品零售额4.0亿元，限额以下社会消费品零售额64.6亿元。");
    assert_eq!(flagged(&both, "numbers.sum"), vec!["67.6亿元"]);
    // Near-miss: a half named otherwise than the total lists on (城市低保 of 贫困群众).
    let listed = doc("全区共有城镇贫困群众2550户5500人，其中城市低保2511户3688人，城镇特困供养人员26户26人，城镇支出型贫困群众13户13人。");
    assert_eq!(flagged(&listed, "numbers.sum"), vec!["5500人"]);
}

#[test]
fn a_per_head_figure_in_brackets_is_no_total() {
    let text = doc("学校建筑面积62331.07平方米(生均54.20平方米)。其中，教学及辅助用房30933.61平方米，行政办公用房3294.92平方米，生活用房20777.90平方米。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    // Near-miss: the total itself, exceeded by its rooms, is still judged.
    let over = text.replace("62331.07平方米", "52331.07平方米");
    assert_eq!(flagged(&over, "numbers.sum"), vec!["52331.07平方米"]);
}

#[test]
fn items_named_by_nouns_of_their_own_are_kinds_of_the_total() {
    // 企业 + 个体工商户 + 专业合作社 = 21131 > 21079.
    let over = doc("全县共有各类市场主体21079户，比上年增长23.1%，其中企业2700户，比上年增加395户；个体工商户17727户，比上年增加3564户；专业合作社704户，比上年增加12户。");
    assert_eq!(flagged(&over, "numbers.sum"), vec!["21079户"]);
    let right = over.replace("21079户", "21131户");
    assert!(flagged(&right, "numbers.sum").is_empty());
    // Near-miss: the next ；names another indicator of the first item's word.
    let next_indicator = doc("油料产量14.5万吨，增长8.8%，其中：油菜籽产量11.1万吨，增长1.2%；蔬菜产量49.9万吨，增长3.1%。");
    assert!(flagged(&next_indicator, "numbers.sum").is_empty());
}

#[test]
fn an_item_named_by_the_heads_of_the_items_before_it_closes_the_list() {
    // 农 林 牧 渔 + 农林牧渔服务业: the list is whole, so falling short is wrong too.
    let short = doc("农林牧渔业增加值80.0亿元，比上年增长3.5%。其中，农业42.5亿元，增长7.8%；林业1.5亿元，增长13.9%；牧业22.9亿元，增长1.7%；渔业9.2亿元，下降7.7%；农林牧渔服务业2.2亿元，增长2.5%。");
    assert_eq!(flagged(&short, "numbers.sum"), vec!["80.0亿元"]);
    let right = short.replace("80.0亿元", "78.4亿元");
    assert!(flagged(&right, "numbers.sum").is_empty());
    // Items named like the total (总产值) are its parts when their heads spell its name.
    let named_like = doc("全年实现农林牧渔业总产值60.35亿元，同比增长9.6%。其中：农业总产值25.36亿元，同比增长4.9%；林业总产值5.44亿元，同比增长5.6%；牧业总产值19.55亿元，同比增长18.2%；渔业总产值5.25亿元，同比增长3.0%；农林牧渔服务业总产值3.56亿元，同比增长4%。");
    assert_eq!(flagged(&named_like, "numbers.sum"), vec!["60.35亿元"]);
    // Near-miss: without the closing item the four may fall short of the total.
    let open = doc("农林牧渔业增加值80.0亿元，比上年增长3.5%。其中，农业42.5亿元，增长7.8%；林业1.5亿元，增长13.9%；牧业22.9亿元，增长1.7%；渔业9.2亿元，下降7.7%。");
    assert!(flagged(&open, "numbers.sum").is_empty());
}

#[test]
fn parts_told_by_their_state_after_the_figure_are_the_whole() {
    // 已完成 + 尚在施工 is every project: falling short is wrong too.
    let short = doc("由我镇实施的项目共19个，其中8个项目已完成施工，9个项目尚在施工。");
    assert_eq!(flagged(&short, "numbers.sum"), vec!["19个"]);
    let right = short.replace("19个", "17个");
    assert!(flagged(&right, "numbers.sum").is_empty());
    // Near-miss: two kinds of project, no state: a partial list may fall short.
    let kinds = doc("由我镇实施的项目共19个，其中8个道路项目，9个水利项目。");
    assert!(flagged(&kinds, "numbers.sum").is_empty());
    // Near-miss: all of them done is no split of the whole.
    let all_done = doc("由我镇实施的项目共19个，其中8个项目已完成施工，9个项目已通过验收。");
    assert!(flagged(&all_done, "numbers.sum").is_empty());
}

#[test]
fn the_grades_of_one_scale_listed_through_are_nearly_the_whole() {
    let short = doc("参加全省网络个人赛，48人获奖，其中一等奖8人，二等奖33人，三等奖4人。");
    assert_eq!(flagged(&short, "numbers.sum"), vec!["48人"]);
    let right = short.replace("48人", "45人");
    assert!(flagged(&right, "numbers.sum").is_empty());
    // Near-miss: the first grades only (优秀奖 not listed) fall well short.
    let partial = doc("参加全省网络个人赛，80人获奖，其中一等奖8人，二等奖33人，三等奖4人。");
    assert!(flagged(&partial, "numbers.sum").is_empty());
    // Near-miss: grades that skip one are no scale listed through.
    let skipped = doc("参加全省网络个人赛，48人获奖，其中一等奖8人，二等奖33人，四等奖4人。");
    assert!(flagged(&skipped, "numbers.sum").is_empty());
}

#[test]
fn a_sum_in_brackets_adds_up_its_own_brackets() {
    let wrong = doc("现有教学班 6 个(一年级 48 人、二年级 42人、三年级 45人、四年级 50人、五年级 57人、六年级 57人, 合计 303 人), 附属学前班 1个( 55人), 在籍学生 354 人。");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["303 人"]);
    let right = wrong.replace("303 人", "299 人");
    assert!(flagged(&right, "numbers.sum").is_empty());
    // Near-miss: figures outside the brackets are not added to a sum inside them.
    let outside = doc("外聘教师5人，教职工80人(专任教师60人、职员20人，合计80人)。");
    assert!(flagged(&outside, "numbers.sum").is_empty());
}

#[test]
fn an_item_of_a_level_and_its_rate_may_end_with_a_remark() {
    let gdp = doc("全县实现生产总值136.54亿元，同比增长8.1%。分产业看，第一产业增加值12.51亿元，增长2.2%。第二产业增加值54.9亿元，增长10.3%。第三产业增加值66.45亿元，增长7.7%，第三产业对GDP的贡献率为48.5%。");
    assert_eq!(flagged(&gdp, "numbers.sum"), vec!["136.54亿元"]);
    let right = gdp.replace("136.54亿元", "133.86亿元");
    assert!(flagged(&right, "numbers.sum").is_empty());
    // Near-miss: an item of one figure does not set a shape the next may add to.
    let crops = doc("全年农作物总播种面积119661公顷。其中，粮食作物种植面积86608公顷，与上年基本持平；油料作物种植面积13457公顷，同比增长3.98%；蔬菜种植面积15120公顷，同比增长1.56%。");
    assert!(flagged(&crops, "numbers.sum").is_empty());
}

#[test]
fn a_qizhong_s_total_may_stand_before_the_semicolon_remarks_of_its_sentence() {
    let gdp = doc("全县实现生产总值932406万元，比上年下降4.1%；按常住人口计算人均地区生产总值为74331元。其中，第一产业增加值57116万元，增长2.7%；第二产业增加值445964万元，下降11.7%；第三产业增加值448355万元，增长2.9%。");
    assert_eq!(flagged(&gdp, "numbers.sum"), vec!["932406万元"]);
    let right = gdp.replace("932406万元", "951435万元");
    assert!(flagged(&right, "numbers.sum").is_empty());
    // Near-miss: a full stop ends the sentence the total stands in.
    let apart = doc("全县实现生产总值932406万元，比上年下降4.1%。按常住人口计算人均地区生产总值为74331元。其中，城镇居民人均可支配收入41200元；农村居民人均可支配收入19800元。");
    assert!(flagged(&apart, "numbers.sum").is_empty());
}

#[test]
fn a_whole_taken_up_by_its_name_is_split_in_two_halves() {
    let text = doc("截至2023年末，全省常住人口4182万人，比上年减少15万人。\n在2023年全省常住人口中，城镇常住人口3074万人，乡村常住人口为1108万人，城镇化率为73.51%。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    assert!(flagged(&text, "numbers.percent").is_empty());
    let wrong = text.replace("3074万人", "3136万人");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["4182万人"]);
    // Near-miss: the name taken up is not the figure's before it.
    let other = wrong.replace("在2023年全省常住人口中", "在2023年全省户籍人口中");
    assert!(flagged(&other, "numbers.sum").is_empty());
    // Near-miss: three kinds are no two halves of a whole.
    let three = doc("全省常住人口4182万人。\n在全省常住人口中，城镇常住人口3074万人，乡村常住人口1000万人，流动人口108万人。");
    assert!(flagged(&three.replace("3074万人", "3136万人"), "numbers.sum").is_empty());
}

#[test]
fn items_opening_with_counts_of_the_total_s_noun_are_its_classes() {
    // 12 + 9 + 5 = 26 > 24: the 民生实事 sorted by progress.
    let sorted = doc("县督查室对24件民生实事的办理情况进行了梳理，其中，12件实事已办结销号；9件实事正在推进，个别环节滞后；5件实事推进缓慢，需要协调解决。");
    assert_eq!(flagged(&sorted, "numbers.sum"), vec!["24件"]);
    let right = sorted.replace("24件", "26件");
    assert!(flagged(&right, "numbers.sum").is_empty());
    // The measure word may differ (项 / 个) when the noun is the same.
    let measures = doc("对30项重点督查项目进行了分类：其中，17个项目全面达到序时进度；8个项目总体顺利；6个项目进度缓慢。");
    assert_eq!(flagged(&measures, "numbers.sum"), vec!["30项"]);
    // Near-miss: the items count another noun than the total.
    let other_noun = doc("县督查室对24件民生实事的办理情况进行了梳理，其中，12个部门已办结销号；9个乡镇正在推进，个别环节滞后；5个村推进缓慢。");
    assert!(flagged(&other_noun, "numbers.sum").is_empty());
    // Near-miss: items with a name before the figure are not sorted by it.
    let named = doc("县督查室对24件民生实事的办理情况进行了梳理，其中，教育类12件实事已办结；医疗类9件实事正在推进；交通类5件实事推进缓慢。");
    assert!(flagged(&named, "numbers.sum").is_empty());
}

#[test]
fn a_class_taken_up_by_its_ordinal_restates_its_count() {
    let conflict = |t: &str| flagged(&doc(t), "numbers.conflict");
    let text = "对30项重点督查项目进行了分类：其中，16个项目全面达到序时进度；8个项目总体顺利，个别指标尚有差距；6个项目进度缓慢。对第二类8个项目下发了情况反馈单，对第三类6个项目下达了限期整改通知。";
    assert!(conflict(text).is_empty());
    assert_eq!(
        conflict(&text.replace("第二类8个", "第二类7个")),
        vec!["7个"]
    );
    assert_eq!(
        conflict(&text.replace("；6个项目", "；5个项目")),
        vec!["6个"]
    );
    // Near-miss: the class counts another noun (8个问题 of the second class).
    let other = text.replace("对第二类8个项目下发", "梳理出第二类7个问题，下发");
    assert!(conflict(&other).is_empty());
    // Near-miss: no list before it to take up.
    let alone = "全县第二类8个项目已开工，第三类6个项目正在审批。";
    assert!(conflict(alone).is_empty());
}

#[test]
fn tax_and_non_tax_revenue_are_the_two_halves_of_a_budget() {
    let wrong = doc("全县一般公共预算收入完成17.09亿元，增长23%。其中：税收收入8.37亿元，下降1.9%，主要是受减税退税等因素影响；非税收入8.38亿元，增长64.8%。");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["17.09亿元"]);
    let right = wrong.replace("17.09亿元", "16.75亿元");
    assert!(flagged(&right, "numbers.sum").is_empty());
    // The two halves are the whole list: an indicator after them is no part.
    let then_spending = doc("实现地方公共财政预算收入1.8939亿元。其中税收收入1.0175亿元，非税收入0.8764亿元，地方公共财政支出98.5044亿元。");
    assert!(flagged(&then_spending, "numbers.sum").is_empty());
    // Near-miss: the tax revenue alone, with the biggest taxes under it, may fall short.
    let taxes = doc("全县税收收入完成8.37亿元。其中：增值税3.1亿元；企业所得税1.2亿元。");
    assert!(flagged(&taxes, "numbers.sum").is_empty());
}

#[test]
fn a_qizhong_in_brackets_lists_no_further_than_its_bracket() {
    let ok = doc("加上债务转贷收入7661万元(其中:新增一般债券收入4330万元,再融资一般债券收入3331万元),动用预算稳定调节基金1378万元,调入资金144万元,上年结余154万元(其中镇级结余10万元),全县一般公共预算收入总计105435万元。");
    assert!(flagged(&ok, "numbers.sum").is_empty());
    let wrong = ok.replace("再融资一般债券收入3331万元", "再融资一般债券收入3531万元");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["7661万元"]);
}

#[test]
fn sibling_openers_break_down_the_same_total() {
    // 按性别分 … 按城乡属性分 … 按年龄段分: each a breakdown of 户籍人口.
    let text = doc("年末户籍人口273393人。按性别分，男性144994人，占总人口的53%；女性128399人，占总人口的47%。按城乡属性分，城镇属性人口93284人，占总人口的34.1%；乡村属性人口180109人，占总人口的65.9%。按年龄段分，0-17周岁人口65669人，占24.0%；18-59周岁人口150000人，占54.9%；60周岁以上人口57724人，占21.1%。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    assert!(flagged(&text, "numbers.percent").is_empty());
    let wrong = text.replace("60周岁以上人口57724人", "60周岁以上人口59724人");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["273393人"]);
    // Same with no full list before: 分城乡看 … 从性别构成看 of one total.
    let people = doc("全区户籍总人口277961人，较上年减少629人。分城乡看，城镇人口为7.1万人，占比25.5%；乡村人口为20.7万人，占比74.5%。从性别构成看，男性人口为14.8万人，占比53.2%；女性人口为13万人，占46.8%。");
    assert!(flagged(&people, "numbers.sum").is_empty());
}

#[test]
fn a_remark_without_figures_does_not_end_a_list_of_items() {
    let revenue = doc("全区一般公共预算收入累计完成316580万元，增长17.2%，其中：税收收入累计完成243778万元，增长9.7%，增幅在中心城区排位第五；税收收入增幅在中心城区中排位第八；非税收入累计完成77582万元，增长48.1%；政府性基金预算收入1616万元。");
    assert_eq!(flagged(&revenue, "numbers.sum"), vec!["316580万元"]);
    let right = revenue.replace("243778", "238998");
    assert!(flagged(&right, "numbers.sum").is_empty());
    // A 其中 with nothing after it is read without a panic.
    assert!(flagged(&doc("全年粮食产量60710万吨。其中"), "numbers.sum").is_empty());
}

#[test]
fn sums_are_told_in_the_writers_units() {
    let text = doc("全县常住人口104.9万人，其中城镇41.4万人，乡村62.5万人。");
    let d = &diagnostics(&text, "numbers.sum")[0];
    assert!(d.message.contains("103.9万人"), "{}", d.message);
    assert!(!d.message.contains("1039000"), "{}", d.message);
}

// ---- changes against a base ----------------------------------------------------

#[test]
fn a_change_rate_is_recomputed_from_its_frame() {
    let delta = doc("粮食总产量32.6万吨，比上年减少0.5万吨，下降4.5%。");
    assert_eq!(flagged(&delta, "numbers.percent"), vec!["4.5%"]);
    let from_to = doc("农民人均可支配收入由2019年的14200元提高到16300元，增长20%。");
    assert_eq!(flagged(&from_to, "numbers.percent"), vec!["20%"]);
    let area = doc("农作物播种面积4.83千公顷，增加0.12千公顷，增长7.9%。");
    assert_eq!(flagged(&area, "numbers.percent"), vec!["7.9%"]);
    // Near-misses: the right rates; the change amount is not the base year's figure.
    for right in [
        "粮食总产量32.6万吨，比上年减少0.5万吨，下降1.5%。",
        "农民人均可支配收入由2019年的14200元提高到16300元，增长14.8%。",
        "农作物播种面积4.83千公顷，增加0.12千公顷，增长2.5%。",
        "上划中央收入完成37.78亿元，减少0.46亿元，负增长1.21%。",
    ] {
        assert!(
            flagged(&doc(right), "numbers.percent").is_empty(),
            "{right}"
        );
    }
}

#[test]
fn a_rate_named_as_the_growth_s_proportion_is_a_change_rate() {
    // 2.66 → 4.559 is 71.4%, not 55%.
    let text =
        doc("五年来，全镇财政总收入由2016年的2.66亿元增加到2020年的4.559亿元，增长比例达55%。");
    assert_eq!(flagged(&text, "numbers.percent"), vec!["55%"]);
    assert!(flagged(&text.replace("55%", "71.4%"), "numbers.percent").is_empty());
    // Near-miss: a share after a change is no rate of it.
    let share =
        doc("五年来，全镇财政总收入由2016年的2.66亿元增加到2020年的4.559亿元，税收收入比例达55%。");
    assert!(flagged(&share, "numbers.percent").is_empty());
}

#[test]
fn a_change_amount_after_its_rate_and_a_base_year_stated_before() {
    let after = doc("1-6月份全区一般公共预算收入累计完成61646万元，占年初预算数109466万元的56.3%，同比增长10.7%，增收5939万元。");
    assert!(flagged(&after, "numbers.percent").is_empty());
    assert_eq!(
        flagged(&after.replace("增长10.7%", "增长7.7%"), "numbers.percent"),
        vec!["7.7%"]
    );
    let year = doc("在2007年粮食总产量达到692.6亿斤的基础上，连续越过800、900、1000、1100亿斤四个台阶，到今年的1114.1亿斤，比2007年增长60.9%，年均增长12.6%。");
    assert!(flagged(&year, "numbers.percent").is_empty());
    assert_eq!(
        flagged(&year.replace("增长60.9%", "增长69.9%"), "numbers.percent"),
        vec!["69.9%"]
    );
    // Near-miss: a year named with no figure of its own in the sentence.
    let no_base = doc("全年粮食总产量1114.1亿斤，比2007年增长69.9%。");
    assert!(flagged(&no_base, "numbers.percent").is_empty());
}

#[test]
fn an_industry_s_share_moves_as_the_structure_does() {
    let ok = doc("三次产业结构由上年的12.9:37.2:49.9调整为12.7:38.3:49.0，第二产业增加值占地区生产总值的比重提高1.1个百分点。");
    assert!(flagged(&ok, "numbers.percent").is_empty());
    let wrong = ok.replace("提高1.1个百分点", "提高1.3个百分点");
    assert_eq!(flagged(&wrong, "numbers.percent"), vec!["1.3个百分点"]);
    let d = &diagnostics(&wrong, "numbers.percent")[0];
    assert!(d.message.contains("应为提高1.1个百分点"), "{}", d.message);
    // 服务业 is the third industry; a fall is stated as such.
    let services = doc("三次产业结构由上年的9.4:66.8:23.8调整为8.3:71.1:20.6，服务业在全区经济中的比重比上年下降3.2个百分点。");
    assert!(flagged(&services, "numbers.percent").is_empty());
    assert_eq!(
        flagged(&services.replace("下降3.2", "下降3.4"), "numbers.percent"),
        vec!["3.4个百分点"]
    );
    // Near-miss: points that are not a share's move (a growth rate's).
    let growth = doc(
        "三次产业结构由上年的12.9:37.2:49.9调整为12.7:38.3:49.0，第二产业增速提高2.6个百分点。",
    );
    assert!(flagged(&growth, "numbers.percent").is_empty());
}

#[test]
fn value_added_grows_at_comparable_prices() {
    // Real growth: the nominal figures do not give the rate, and the rule stays silent.
    let text = doc("全年地区生产总值350亿元，比上年增加30亿元，按可比价格计算，增长5.2%。");
    assert!(flagged(&text, "numbers.percent").is_empty());
}

#[test]
fn a_computed_rate_is_shown_finely_enough_to_tell_it_from_the_written_one() {
    let text = doc("其中：税收收入累计完成19860万元，同比增加2047万元，增长12%。");
    let d = &diagnostics(&text, "numbers.percent")[0];
    assert!(d.message.contains("约11.49%"), "{}", d.message);
    // Near-miss: a written rate the figures give, to its last digit, is silent.
    assert!(flagged(&text.replace("增长12%", "增长11%"), "numbers.percent").is_empty());
}

// ---- shares ------------------------------------------------------------------------

#[test]
fn a_share_is_of_the_whole_its_sentence_names() {
    let ok =
        doc("年末常住人口48.2万人，其中城镇人口21.7万人，占45.0%；乡村人口26.5万人，占55.0%。");
    assert!(flagged(&ok, "numbers.percent").is_empty());
    let wrong = ok.replace("占45.0%", "占50.0%");
    assert_eq!(flagged(&wrong, "numbers.percent"), vec!["50.0%"]);
    // The whole named after 占 and stated before.
    let named =
        doc("年末全省常住人口3856万人。其中城镇常住人口2114万人，占年末常住人口的比重为58.81%。");
    assert_eq!(flagged(&named, "numbers.percent"), vec!["58.81%"]);
    // Figures in 万 are rounded: 2114万 of 3856万 may be 54.81%.
    let rounded = named.replace("58.81%", "54.81%");
    assert!(flagged(&rounded, "numbers.percent").is_empty());
}

#[test]
fn a_share_over_a_hundred_percent_is_wrong_but_a_rate_of_use_may_pass_it() {
    let over = doc("全县规模以上工业企业45家，占全县企业总数的112%。");
    assert_eq!(flagged(&over, "numbers.percent"), vec!["112%"]);
    // Beds added: more patient-days than beds open.
    let beds = doc("全年门急诊人次增长21.34%；病床使用率108.68%，平均住院天数12.40天。");
    assert!(flagged(&beds, "numbers.percent").is_empty());
    // Near-miss: an attendance rate is a share and may not.
    let attendance = doc("全年职工出勤率102.5%，平均住院天数12.40天。");
    assert_eq!(flagged(&attendance, "numbers.percent"), vec!["102.5%"]);
}

#[test]
fn shares_taken_in_turn_are_not_of_the_nearest_figure() {
    let text = doc("全年农作物播种面积2890.5公顷，其中粮食作物播种面积2541.5公顷，经济作物播种面积349公顷，分占总播种面积的87.9%和12.1%。");
    assert!(flagged(&text, "numbers.percent").is_empty());
    // Near-miss: one share of the figure before it is still checked.
    let one =
        doc("全年农作物播种面积2890.5公顷，其中经济作物播种面积349公顷，占总播种面积的18.1%。");
    assert_eq!(flagged(&one, "numbers.percent"), vec!["18.1%"]);
}

#[test]
fn a_threshold_passed_is_no_whole_of_a_share() {
    let text = doc("2010年全省生产总值突破2000亿元大关，达到2052.12亿元，比上年增长15.8%。\n2010年第二产业增加值566.55亿元，占全省生产总值的比重为27.6%。");
    assert!(flagged(&text, "numbers.percent").is_empty());
    // Near-miss: the figure reached, named as the whole, is checked.
    let named = text
        .replace("达到2052.12亿元", "全省生产总值达到2052.12亿元")
        .replace("27.6%", "29.6%");
    assert_eq!(flagged(&named, "numbers.percent"), vec!["29.6%"]);
}

#[test]
fn a_share_of_a_whole_the_text_never_states_is_not_checked() {
    let text = doc("全省粮食总产量1114.1亿斤，粮食增产量111.5亿斤，占全国总增产量的22.5%。");
    assert!(flagged(&text, "numbers.percent").is_empty());
    // 城镇化率 names its part (城镇), not the nearest figure (农村).
    let rate =
        doc("年末常住人口55.27万人。其中，城镇人口29.88万人，农村人口25.39万人，城镇化率54.06%。");
    assert!(flagged(&rate, "numbers.percent").is_empty());
}

#[test]
fn completion_against_a_plan_may_pass_a_hundred() {
    let text = doc("全年完成投资5.2亿元，占年计划的104.2%。");
    assert!(flagged(&text, "numbers.percent").is_empty());
    let share = doc("全县农村自来水覆盖率达到102%。");
    assert_eq!(flagged(&share, "numbers.percent"), vec!["102%"]);
}

#[test]
fn a_named_rate_in_the_next_sentence_is_the_share_of_the_part_it_names() {
    let ok = doc(
        "年末常住人口94.9万人，比上年末增加0.1万人，其中城镇人口41.4万人，乡村人口53.5万人。常住人口城镇化率43.6%，比上年末提高0.7个百分点。",
    );
    assert!(flagged(&ok, "numbers.percent").is_empty());
    let wrong = ok.replace("43.6%", "52.4%");
    assert_eq!(flagged(&wrong, "numbers.percent"), vec!["52.4%"]);
    // Near-miss: another population's rate (户籍) is not this breakdown's share.
    let other = ok.replace("常住人口城镇化率43.6%", "户籍人口城镇化率31.2%");
    assert!(flagged(&other, "numbers.percent").is_empty());
    // Near-miss: a rate sharing no name with the parts before it.
    let unrelated = ok.replace("常住人口城镇化率43.6%", "森林覆盖率61.2%");
    assert!(flagged(&unrelated, "numbers.percent").is_empty());
}

#[test]
fn a_share_after_a_semicolon_reads_the_sentence_before() {
    let ok = doc(
        "年末常住总人口7591.97万人。其中，城镇常住人口4374.49万人，比上年末增加110.47万人；占总人口比重(常住人口城镇化率)为57.62%，比上年末提高1.19个百分点。",
    );
    assert!(flagged(&ok, "numbers.percent").is_empty());
    let wrong = ok.replace("57.62%", "66.62%");
    assert_eq!(flagged(&wrong, "numbers.percent"), vec!["66.62%"]);
    // Shares side by side after semicolons share their whole.
    let side =
        doc("年末户籍人口50.54万人，其中城镇人口13.0万人，占比25.7%；男性26.2万人，占比51.8%。");
    assert!(flagged(&side, "numbers.percent").is_empty());
    let side_wrong = side.replace("51.8%", "60.8%");
    assert_eq!(flagged(&side_wrong, "numbers.percent"), vec!["60.8%"]);
    // Near-miss: a rate that names itself after a semicolon is not the share
    // of the figures before it.
    let own = doc("参保人数分别达到1920万人、313万人、492万人；新开工项目工伤保险参保率为90%。");
    assert!(flagged(&own, "numbers.percent").is_empty());
}

#[test]
fn a_whole_named_after_zhan_may_be_stated_paragraphs_before() {
    let ok = doc(
        "全年实现地区生产总值(GDP)439.19亿元，比上年增长4.2%。\n全年粮食产量25.1万吨，增长1.4%。\n全年社会消费品零售总额120.4亿元，增长3.1%。\n全年实现民营经济增加值290.6亿元，比上年增长1.5%；民营经济占GDP的比重为66.2%。",
    );
    assert!(flagged(&ok, "numbers.percent").is_empty());
    let wrong = ok.replace("66.2%", "75.2%");
    assert_eq!(flagged(&wrong, "numbers.percent"), vec!["75.2%"]);
    // 一般公共预算收入 is a 财政收入; 人均生产总值 is not the GDP.
    let revenue = doc(
        "全市一般公共财政预算收入完成38.3亿元。\n全市税收收入28.1亿元，占财政收入比重为73.5%。",
    );
    assert!(flagged(&revenue, "numbers.percent").is_empty());
    let revenue_wrong = revenue.replace("73.5%", "64.5%");
    assert_eq!(flagged(&revenue_wrong, "numbers.percent"), vec!["64.5%"]);
    let per_head = doc("人均生产总值为82304元。\n非公有制经济增加值169512万元，占GDP的比重59.6%。");
    assert!(flagged(&per_head, "numbers.percent").is_empty());
}

#[test]
fn a_whole_picked_from_with_zhong() {
    let ok = doc("建档立卡1091户中因病致贫的有503户，占比46.1%。");
    assert!(flagged(&ok, "numbers.percent").is_empty());
    let wrong = ok.replace("46.1%", "55.1%");
    assert_eq!(flagged(&wrong, "numbers.percent"), vec!["55.1%"]);
}

#[test]
fn completion_of_a_plan_stated_in_an_earlier_paragraph() {
    let ok = doc(
        "2021年促进就业计划目标为：全省城镇新增就业60万人，城镇失业人员再就业13万人，就业困难人员就业7万人。实际完成情况如下：\n（一）全省城镇新增就业64.75万人，完成全年计划的107.9%。\n（二）全省失业人员实现再就业14.47万人，完成全年计划的111.3%。",
    );
    assert!(flagged(&ok, "numbers.percent").is_empty());
    let wrong = ok.replace("111.3%", "102.3%");
    assert_eq!(flagged(&wrong, "numbers.percent"), vec!["102.3%"]);
    // Near-miss: no plan stated for the indicator: nothing to check against.
    let unplanned = ok.replace("城镇失业人员再就业13万人，", "");
    assert!(flagged(&unplanned.replace("111.3%", "102.3%"), "numbers.percent").is_empty());
}

#[test]
fn a_rate_named_after_what_was_done_is_done_over_planned() {
    let ok = doc("省级6项，当年计划投资19亿元。1-12月份完成投资28.78亿元，投资完成率151.47%。");
    assert!(flagged(&ok, "numbers.percent").is_empty());
    let wrong = ok.replace("151.47%", "142.47%");
    assert_eq!(flagged(&wrong, "numbers.percent"), vec!["142.47%"]);
    let started = doc("92个计划新开工项目已开工51个，开工率55.4%。");
    assert!(flagged(&started, "numbers.percent").is_empty());
    assert_eq!(
        flagged(&started.replace("55.4%", "64.4%"), "numbers.percent"),
        vec!["64.4%"]
    );
    // Near-miss: no planned figure before the done one.
    let unplanned = doc("全年完成投资28.78亿元，投资完成率142.47%。");
    assert!(flagged(&unplanned, "numbers.percent").is_empty());
}

#[test]
fn the_halves_of_a_split_run_on_past_a_semicolon() {
    let retail = doc(
        "社会消费品零售总额401.46亿元，负增长14.1%。其中，限额以上消费品零售总额111.20亿元，负增长19.4%；限额以下消费品零售总额290.26亿元，负增长11.9%。",
    );
    assert!(flagged(&retail, "numbers.sum").is_empty());
    let wrong = retail.replace("401.46亿元", "393.43亿元");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["393.43亿元"]);
    let trade = doc("全年进出口总值848.96亿元，增长20.8%。其中，出口总值297.67亿元，增长0.7%；进口总值551.29亿元，增长35.4%。");
    assert!(flagged(&trade, "numbers.sum").is_empty());
    assert_eq!(
        flagged(&trade.replace("297.67亿元", "303.63亿元"), "numbers.sum"),
        vec!["848.96亿元"]
    );
    // Near-miss: an item named as the total is its sibling, not a part.
    let sibling = doc("全年粮食种植面积43907公顷。其中，小麦种植面积21500公顷；玉米种植面积11118公顷；油料种植面积6284公顷；蔬菜种植面积10168公顷。");
    assert!(flagged(&sibling, "numbers.sum").is_empty());
}

#[test]
fn a_breakdown_opened_by_a_clause_naming_its_dimension() {
    let ok = doc("前三季度全区实现社会消费品零售总额440.96亿元，同比增长4.1%。按经营单位所在地分，城镇消费品零售额351.65亿元，增长4.0%；乡村消费品零售额89.31亿元，增长4.8%。");
    assert!(flagged(&ok, "numbers.sum").is_empty());
    let wrong = ok.replace("440.96亿元", "449.78亿元");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["449.78亿元"]);
}

#[test]
fn a_numbered_series_goes_on_past_a_full_stop() {
    let ok = doc("全县地区生产总值244394万元，比上年增长13.1%。其中：第一产业增加值62857万元，同比增长6.3%；第二产业增加值65585万元，同比增长9.5%。第三产业增加值115952万元，同比增长18.0%。");
    assert!(flagged(&ok, "numbers.sum").is_empty());
    let wrong = ok.replace("62857万元", "64115万元");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["244394万元"]);
    // Near-miss: the next sentence names another indicator.
    let other = ok.replace("第三产业增加值115952万元", "人均地区生产总值19967元");
    assert!(flagged(&other.replace("62857万元", "64115万元"), "numbers.sum").is_empty());
}

#[test]
fn an_opener_s_total_may_stand_sentences_before() {
    let ok = doc("截至12月13日，全市共发生生产安全事故17起，同比下降19.01%；死亡20人，同比下降4.76%。发生1起三轮车侧翻较大事故，全市安全生产形势总体平稳。分行业来看，工矿商贸事故13起、死亡14人（工程建设领域事故10起、死亡11人）；道路运输事故2起、死亡4人；铁路事故2起、死亡2人。分区域来看，黄山区事故6起、死亡9人；歙县事故5起、死亡5人；黟县事故2起、死亡2人；祁门县事故2起、死亡2人；屯溪区事故1起、死亡1人；高新区事故1起、死亡1人。");
    assert!(flagged(&ok, "numbers.sum").is_empty());
    // Parts of the total's kind above it: wrong, however far back it stands.
    let over = ok.replace("安全事故17起", "安全事故13起");
    assert_eq!(flagged(&over, "numbers.sum"), vec!["13起"]);
    // Near-miss: an opener's parts well below the total may be a partial list.
    let partial = doc("全市共发生生产安全事故17起。分行业来看，工矿商贸事故9起；道路运输事故2起。");
    assert!(flagged(&partial, "numbers.sum").is_empty());
}

#[test]
fn a_total_broken_down_whole_along_one_dimension_is_whole_along_the_other() {
    let base = "全市共发生生产安全事故17起；死亡20人。分行业来看，工矿商贸事故13起、死亡14人；道路运输事故2起、死亡4人；铁路事故2起、死亡2人。分区域来看，甲区事故6起、死亡9人；乙县事故5起、死亡5人；丙县事故2起、死亡2人；丁县事故2起、死亡2人；戊区事故1起、死亡1人；己区事故1起、死亡1人。";
    assert!(flagged(&doc(base), "numbers.sum").is_empty());
    // 13 accidents by region against 17 by industry.
    let short = doc(&base.replace("乙县事故5起", "乙县事故1起"));
    assert_eq!(flagged(&short, "numbers.sum"), vec!["17起"]);
    // 9 + 5 + 6 = 20 by chance: the region list is still read whole.
    let over = doc(&base.replace("丙县事故2起、死亡2人", "丙县事故2起、死亡6人"));
    assert_eq!(flagged(&over, "numbers.sum"), vec!["20人"]);
    // Near-miss: with no whole list along another dimension, the regions may be the main ones.
    let alone =
        doc("全市共发生生产安全事故17起。分区域来看，甲区事故6起；乙县事故5起；丙县事故2起。");
    assert!(flagged(&alone, "numbers.sum").is_empty());
}

#[test]
fn an_item_narrowing_the_total_s_name_is_a_part_not_a_sibling() {
    let ok = doc("全县规模以上工业企业效益回升，实现利润8.6亿元，同比增利1.1亿元。其中，国有企业实现利润3.1亿元，增利0.4亿元；民营企业实现利润5.5亿元，增利0.7亿元。");
    assert!(flagged(&ok, "numbers.sum").is_empty());
    let wrong = ok.replace("民营企业实现利润5.5亿元", "民营企业实现利润5.9亿元");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["8.6亿元"]);
    // Near-miss: an item that replaces the total's qualifier is its sibling.
    let sibling =
        doc("全年粮食种植面积43907公顷。其中，小麦种植面积21500公顷；玉米种植面积31118公顷。");
    assert!(flagged(&sibling, "numbers.sum").is_empty());
}

#[test]
fn the_changes_of_a_whole_list_add_up_to_the_total_s_change() {
    let profit = doc("实现利润12.2亿元，同比增利2.5亿元。其中，国有重点煤炭企业实现利润6.4亿元，增利2.6亿元；地方国有煤炭企业实现利润5.9亿元，增利1094万元。");
    assert_eq!(flagged(&profit, "numbers.sum"), vec!["2.5亿元"]);
    let d = &diagnostics(&profit, "numbers.sum")[0];
    assert!(d.message.contains("2.7094亿元"), "{}", d.message);
    let right = profit.replace("增利2.5亿元", "增利2.7亿元");
    assert!(flagged(&right, "numbers.sum").is_empty());
    // A fall counts against the rise: 395 + 3564 - 12 = 3947.
    let firms = doc("全县共有各类市场主体21131户，比上年增加3947户，其中企业2700户，比上年增加395户；个体工商户17727户，比上年增加3564户；专业合作社704户，比上年减少12户。");
    assert!(flagged(&firms, "numbers.sum").is_empty());
    let wrong = firms.replace("减少12户", "增加12户");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["3947户"]);
    // Near-miss: a list that is not whole (its levels fall short) says nothing of the changes.
    let partial = doc("全县共有各类市场主体25000户，比上年增加5000户，其中企业2700户，比上年增加395户；个体工商户17727户，比上年增加3564户。");
    assert!(flagged(&partial, "numbers.sum").is_empty());
}

#[test]
fn a_change_in_profit_is_not_a_part() {
    let text = doc("实现利润12.2亿元，同比增利2.7亿元。其中，国有重点煤炭企业实现利润6.4亿元，增利2.6亿元；地方国有煤炭企业实现利润5.9亿元，增利1094万元。");
    assert!(flagged(&text, "numbers.sum").is_empty());
}

#[test]
fn the_industries_points_of_growth_add_up_to_the_growth() {
    let ok = doc("全年生产总值2515.16亿元，比上年增长6.0%。其中，第一产业增加值545.61亿元，增长7.9%；第二产业增加值1050.17亿元，增长0.5%；第三产业增加值919.39亿元，增长11.9%。三次产业对经济的贡献率分别为28.5%、3.8%和67.6%，分别拉动经济增长1.7、0.2和4.0个百分点。");
    assert!(flagged(&ok, "numbers.sum").is_empty());
    let wrong = ok.replace("增长6.0%", "增长6.3%");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["6.3%"]);
    let d = &diagnostics(&wrong, "numbers.sum")[0];
    assert!(
        d.message.contains("1.7 + 0.2 + 4.0 = 5.9个百分点"),
        "{}",
        d.message
    );
    // The pulls stated in two clauses.
    let two = doc("全年实现地区生产总值(GDP)420.77亿元，同比增长5.2%。第一产业拉动GDP增长0.7个百分点，第二、三产业分别拉动增长2.1和2.4个百分点。");
    assert!(flagged(&two, "numbers.sum").is_empty());
    assert_eq!(
        flagged(&two.replace("增长5.2%", "增长5.5%"), "numbers.sum"),
        vec!["5.5%"]
    );
    // Near-miss: one industry's pull alone says nothing of the whole.
    let one = doc("全年实现地区生产总值420.77亿元，同比增长5.2%。工业拉动经济增长2.1个百分点。");
    assert!(flagged(&one, "numbers.sum").is_empty());
}

#[test]
fn a_share_after_qizhong_keeps_the_whole_of_the_shares_before() {
    let wrong = doc("年末常住人口4351.7万人。0~15岁人口479.3万人，占常住人口的比重为11.0%；16~59岁人口2796.7万人，占64.3%；60周岁及以上人口1075.7万人，占24.7%。其中，65周岁及以上人口706.1万人，占12.9%。");
    assert_eq!(flagged(&wrong, "numbers.percent"), vec!["12.9%"]);
    let right = wrong.replace("占12.9%", "占16.2%");
    assert!(flagged(&right, "numbers.percent").is_empty());
    // Near-miss: a share of the 其中's own total is a reading too (706.1 / 1075.7).
    let of_total = wrong.replace("占12.9%", "占65.6%");
    assert!(flagged(&of_total, "numbers.percent").is_empty());
}

// ---- counts --------------------------------------------------------------------------

#[test]
fn counts_with_items_after_ji_and_fenbieshi() {
    let groups = doc("成立六个工作组，即A组、B组、C组、D组、E组。");
    assert_eq!(flagged(&groups, "numbers.count"), vec!["六个"]);
    let firms = doc("全镇规模以上企业共4家，分别是甲公司、乙公司和丙公司。");
    assert_eq!(flagged(&firms, "numbers.count"), vec!["4家"]);
    let right = doc("全镇规模以上企业共3家，分别是甲公司、乙公司和丙公司。");
    assert!(flagged(&right, "numbers.count").is_empty());
    // 等 says the list is not complete.
    let open = doc("建成甲村、乙村等5个示范村。");
    assert!(flagged(&open, "numbers.count").is_empty());
}

#[test]
fn a_count_introducing_numbered_members_counts_them() {
    let text = doc("今年重点工作目标有五项：一是抓项目；二是抓产业；三是抓民生；四是抓生态；五是抓党建；六是抓作风。");
    assert_eq!(flagged(&text, "numbers.count"), vec!["五项"]);
    let right = text.replace("有五项", "有六项");
    assert!(flagged(&right, "numbers.count").is_empty());
}

// ---- the same quantity stated twice ----------------------------------------------------

#[test]
fn a_figure_restated_through_a_reference() {
    let text = doc(
        "今年全村预脱贫人口45人，已落实帮扶措施。\n下半年将继续加大帮扶力度，确保这47人如期脱贫。",
    );
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["47人"]);
    // The difference of two earlier figures is what 这 points to.
    let difference = doc("全村贫困户45户，已脱贫30户。\n这15户将在年底前全部脱贫。");
    assert!(flagged(&difference, "numbers.conflict").is_empty());
}

#[test]
fn one_indicator_stated_twice_in_one_report() {
    let text = doc("一、经济发展\n全镇农民人均纯收入5200元，较好完成目标。\n二、社会事业\n全年农民人均纯收入达到5600元。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["5600元"]);
    // Different years, and parallel items of a list, are different quantities.
    let years = doc("2019年农民人均纯收入5200元，2020年农民人均纯收入达到5600元。");
    assert!(flagged(&years, "numbers.conflict").is_empty());
    let items = doc("全县重点项目共30项，当年计划投资63.27亿元。其中：\n省级6项，概算投资140.16亿元，当年计划投资19亿元。\n市级5项，概算投资221.76亿元，当年计划投资22.67亿元。");
    assert!(flagged(&items, "numbers.conflict").is_empty());
}

#[test]
fn periods_and_plans_set_figures_apart() {
    let text = doc("1—10月完成固定资产投资3.2亿元，同比增长8%。预计全年完成固定资产投资3.9亿元。\n全年计划新建道路12公里，已完成新建道路9公里。");
    assert!(flagged(&text, "numbers.conflict").is_empty());
    let new_vs_total = doc("年末全县实有市场主体45618户。其中，企业6856户，个体工商户37187户，农民专业合作社1575户（含联合社13户）。全年新登记企业1114户、个体工商户6151户。");
    assert!(flagged(&new_vs_total, "numbers.conflict").is_empty());
    assert!(flagged(&new_vs_total, "numbers.sum").is_empty());
}

#[test]
fn the_parts_of_two_totals_are_two_populations_figures() {
    let text = doc("全年实现地区生产总值188.73亿元，比上年增长0.5%。其中，第一产业增加值25.45亿元，增长4.4%；第二产业增加值81.53亿元，下降3.3%；第三产业增加值81.75亿元，增长3.2%。全年民营经济增加值112.12亿元，占GDP的比重为59.4%。其中，第一产业增加值3.35亿元，增长3.9%；第二产业增加值54.18亿元，下降1.7%；第三产业增加值54.59亿元，增长1.1%。");
    assert!(flagged(&text, "numbers.conflict").is_empty());
    // Near-miss: the totals themselves, restated with another value, still disagree.
    let restated = text.replace(
        "第三产业增加值54.59亿元，增长1.1%。",
        "第三产业增加值54.59亿元，增长1.1%。\n二、民营经济\n全年民营经济增加值112.52亿元。",
    );
    assert_eq!(flagged(&restated, "numbers.conflict"), vec!["112.52亿元"]);
}

#[test]
fn two_parts_of_one_total_named_alike_are_two_quantities() {
    // 城市 and 农村 left unwritten: the two items still make the total.
    let text = doc("12月纳入城乡低保8957户24835人，月发低保金877.75万元。其中：12月份纳入低保3167户8112人，发放低保金373.9052万元；12月份纳入低保5790户16723人，发放低保金503.8417万元。");
    assert!(flagged(&text, "numbers.conflict").is_empty());
    assert!(flagged(&text, "numbers.sum").is_empty());
    // Near-miss: the same words stated again after the list disagree.
    let again = text.replace(
        "503.8417万元。",
        "503.8417万元。\n二、临时救助\n全年12月份纳入低保3167户8112人，发放低保金375.9052万元。",
    );
    assert_eq!(flagged(&again, "numbers.conflict"), vec!["375.9052万元"]);
}

#[test]
fn a_sentence_going_on_with_an_account_is_named_by_it() {
    // 转移性收入 of the general budget and of the fund budget are two figures.
    let budgets = doc("1.一般公共预算执行情况\n全区一般公共预算收入完成147.1亿元，同比增长7.2%。加上转移性收入49.2亿元，收入合计196.3亿元。\n2.政府性基金预算执行情况\n全区政府性基金预算收入完成130.2亿元，同比增长8.3%。加上转移性收入33.8亿元，收入合计164.0亿元。");
    assert!(flagged(&budgets, "numbers.conflict").is_empty());
    // Near-miss: the same account restated with another value.
    let restated = budgets.replace(
        "收入合计164.0亿元。",
        "收入合计164.0亿元。\n3.说明\n全区一般公共预算收入完成147.1亿元。加上转移性收入49.6亿元，收入合计196.7亿元。",
    );
    assert_eq!(
        flagged(&restated, "numbers.conflict"),
        vec!["49.6亿元", "196.7亿元"]
    );
}

// ---- figures dropped -------------------------------------------------------------------

#[test]
fn an_item_of_a_list_of_figures_that_lost_its_number() {
    let text = doc("为贫困户提供了基础母羊45只、母猪头、脱温鸡苗1880只。");
    assert_eq!(flagged(&text, "data.dropped-number"), vec!["头"]);
    let households = doc("全村边缘户21户人，一般户128户330人。");
    assert_eq!(flagged(&households, "data.dropped-number"), vec!["人"]);
    let ge = doc("寒亭镇辖7个村个社区，共有农户1758户。");
    assert_eq!(flagged(&ge, "data.dropped-number"), vec!["个"]);
    // Nouns that end in a measure character, labels and 首个 stay silent.
    for silent in [
        "纳入低保户、五保户1000人，慰问困难群众200人。",
        "养殖类：生猪出栏2.1万头，家禽出栏35万羽。",
        "建设全区首个直播电商基地，引进企业8家。",
        "以“125”工程为抓手，用“闯”的精神，“创”的劲头，“干”的作风推进工作。",
        "筹资600万元，对红花套、高坝洲等福利院进行改造。",
    ] {
        assert!(
            flagged(&doc(silent), "data.dropped-number").is_empty(),
            "{silent}"
        );
    }
}

#[test]
fn a_classifier_with_no_numeral_before_it() {
    let opens = doc("全县辖7个镇、个乡，43个行政村。个农业主产村完成流转。");
    assert_eq!(flagged(&opens, "data.dropped-number"), vec!["个", "个"]);
    let closes = doc("新增就业岗位个，比上年增加120个。全年完成任务66项，项长期任务稳步推进。");
    assert_eq!(flagged(&closes, "data.dropped-number"), vec!["个", "项"]);
    for silent in [
        "个人所得税增长5%，个别村进度滞后，各个村都已完成，一个个项目落地。",
        "整个，这个，项目建设稳步推进；各项任务全面完成。",
    ] {
        assert!(
            flagged(&doc(silent), "data.dropped-number").is_empty(),
            "{silent}: {:?}",
            flagged(&doc(silent), "data.dropped-number")
        );
    }
}

#[test]
fn a_unit_only_ever_written_after_a_number() {
    let text =
        doc("地区生产总值同比增长%，粮食产量万吨，比上年增加0.3万吨；城镇化率提高个百分点。");
    assert_eq!(
        flagged(&text, "data.dropped-number"),
        vec!["%", "万吨", "个百分点"]
    );
    let list = doc("三次产业分别增长6.3%、%和5.2%。");
    assert_eq!(flagged(&list, "data.dropped-number"), vec!["%"]);
    for silent in [
        "地区生产总值增长6.5%，粮食产量32.6万吨。",
        "新开工亿元以上项目12个，建成万吨级码头2座，每万人拥有执业医师28人。",
        "近亿元的项目落地，上万人次参与，走进千家万户。",
        "指标\t单位\t比上年增长%",
        "单位：万元",
    ] {
        assert!(
            flagged(&doc(silent), "data.dropped-number").is_empty(),
            "{silent}: {:?}",
            flagged(&doc(silent), "data.dropped-number")
        );
    }
}

// ---- sets of shares of one whole -----------------------------------------------------

#[test]
fn a_structure_ratio_adds_up_to_a_hundred() {
    let text = doc("全年地区生产总值391.8亿元。三次产业结构比为17.4:41.4:44.2。");
    assert_eq!(flagged(&text, "numbers.percent"), vec!["17.4:41.4:44.2"]);
    let right = doc("全年地区生产总值391.8亿元。三次产业结构比为14.4:41.4:44.2。");
    assert!(flagged(&right, "numbers.percent").is_empty());
    // A time and a sex ratio are not structures.
    let other = doc("会议于17:29结束。出生人口性别比为105:100，与上年持平。");
    assert!(flagged(&other, "numbers.percent").is_empty());
    // Written after a colon, with the ratio sign ∶, or after 比重.
    for (wrong, right) in [
        (
            "三次产业结构比为:25.1:16.2:62.9。",
            "三次产业结构比为:20.9:16.2:62.9。",
        ),
        (
            "三次产业结构由6.9∶24.2∶68.9调整为9.7∶24.9∶68.4。",
            "三次产业结构由6.9∶24.2∶68.9调整为6.7∶24.9∶68.4。",
        ),
        (
            "三次产业的比重为14.6:54.3:34.1。",
            "三次产业的比重为11.6:54.3:34.1。",
        ),
    ] {
        assert_eq!(flagged(&doc(wrong), "numbers.percent").len(), 1, "{wrong}");
        assert!(
            flagged(&doc(right), "numbers.percent").is_empty(),
            "{right}"
        );
    }
}

#[test]
fn contributions_to_growth_divide_the_whole_growth() {
    let text =
        doc("三次产业贡献率分别为20%、35.8%、39.7%，分别拉动经济增长1.2、2.1、2.3个百分点。");
    assert_eq!(flagged(&text, "numbers.percent"), vec!["20%、35.8%、39.7%"]);
    let right = text.replace("20%", "25%");
    assert!(flagged(&right, "numbers.percent").is_empty());
    // Growth rates side by side are not shares of anything.
    let rates = doc("三次产业增加值分别增长20%、35.8%、39.7%。");
    assert!(flagged(&rates, "numbers.percent").is_empty());
}

#[test]
fn a_respectively_list_of_shares_of_one_whole() {
    let text = doc("三次产业增加值占地区生产总值的比重分别为40.4%、5.1%和51.5%。");
    assert_eq!(
        flagged(&text, "numbers.percent"),
        vec!["40.4%、5.1%和51.5%"]
    );
    let right = text.replace("5.1%", "8.1%");
    assert!(flagged(&right, "numbers.percent").is_empty());
    // Shares of a list that need not cover the whole stay silent below 100.
    let partial = doc("两个园区产值占全县工业产值的比重分别为20.5%、31.2%。");
    assert!(flagged(&partial, "numbers.percent").is_empty());
}

#[test]
fn shares_side_by_side_imply_one_whole() {
    let text = doc("全县常住人口中，男性人口28.07万人，占59.79%；女性人口27.2万人，占49.21%。");
    assert_eq!(flagged(&text, "numbers.percent"), vec!["49.21%"]);
    let right = text.replace("59.79%", "50.79%");
    assert!(flagged(&right, "numbers.percent").is_empty());
    // Thresholds in the subject are not the parts (30万元以上的村××个，占22.22%).
    let thresholds = doc("集体经济收入30万元以上的村6个，占22.22%；50万元以上的村3个，占11.11%。");
    assert!(flagged(&thresholds, "numbers.percent").is_empty());
}

#[test]
fn a_breakdown_opened_by_a_sentence_of_its_own() {
    // 分产业看 opens a breakdown as 其中 does; ；items named alike are one list.
    let text = doc("全年地区生产总值341.9亿元，增长5.2%。分产业看，第一产业增加值62.1亿元，增长3.1%；第二产业增加值81.4亿元，增长6.0%；第三产业增加值188.4亿元，增长5.2%。");
    assert_eq!(flagged(&text, "numbers.sum"), vec!["341.9亿元"]);
    let right = text.replace("188.4亿元", "198.4亿元");
    assert!(flagged(&right, "numbers.sum").is_empty());
    // A bulletin's 其中 may list the main crops only, and a list may run on to
    // an item named otherwise (农林牧渔服务业): neither falls short of its total.
    let main_crops = doc("全年谷物产量55727万吨，增产0.8%。其中，稻谷产量20643万吨，增产1.4%；小麦产量12617万吨，增产3.5%；玉米产量21567万吨，减产1.3%。");
    assert!(flagged(&main_crops, "numbers.sum").is_empty());
    let runs_on = doc("农林牧渔业总产值165.05亿元，增长3.0%。其中，农业产值42.86亿元，增长3.3%；林业产值2.54亿元，下降16.8%；牧业产值41.40亿元，增长3.2%；渔业产值69.42亿元，增长3.5%；农林牧渔服务业8.82亿元，增长4.0%。");
    assert!(flagged(&runs_on, "numbers.sum").is_empty());
}

#[test]
fn names_with_their_count_right_after_them() {
    let text = doc("完成北银、裕园3个老旧小区改造，解决了广顺里、广明里、广昌里、广盛里五个小区居民行路难的状况。");
    assert_eq!(flagged(&text, "numbers.count"), vec!["3个", "五个"]);
    let right = doc("完成北银、裕园2个老旧小区改造，解决了广顺里、广明里、广昌里、广盛里四个小区居民行路难的状况。");
    assert!(flagged(&right, "numbers.count").is_empty());
    // Numerals listed (五、六年级) are not names to count; a quoted list counts too.
    let grades = doc("五、六年级8个班约400人借用中学教室上课。");
    assert!(flagged(&grades, "numbers.count").is_empty());
    let quoted = doc("围绕“富强、民主、文明、和谐”五个建设目标，扎实推进各项工作。");
    assert_eq!(flagged(&quoted, "numbers.count"), vec!["五个"]);
}

#[test]
fn two_lists_in_one_clause_each_take_their_count() {
    // A count inside the list ends it; the names after it begin another.
    let text = doc("完成北银、裕园3个老旧小区改造并推进华顺公寓、东海未名园等3个老旧小区改造。");
    assert_eq!(flagged(&text, "numbers.count"), vec!["3个"]);
    let right = doc("完成北银、裕园2个老旧小区改造并推进华顺公寓、东海未名园等3个老旧小区改造。");
    assert!(flagged(&right, "numbers.count").is_empty());
    // The verb rides on the first name, the last may join two with 和.
    let joined =
        doc("解决了北陈社区原石化厂、水泵厂、钢厂家属区和北陈花园三个小区居民吃水难问题。");
    assert_eq!(flagged(&joined, "numbers.count"), vec!["三个"]);
    // A count inside quotes is part of a name, not the length of the list.
    let slogans = doc("围绕守住“两条底线”、抓好“三个重点”，推动政策落实。");
    assert!(flagged(&slogans, "numbers.count").is_empty());
}

#[test]
fn a_count_of_the_same_things_named_longer_the_second_time() {
    let text = doc("二、131项重点工作任务进展情况\n133项重点工作任务中，124项按进度推进。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["133项"]);
    let right = doc("二、131项重点工作任务进展情况\n131项重点工作任务中，124项按进度推进。");
    assert!(flagged(&right, "numbers.conflict").is_empty());
    // Another noun that merely begins alike stays apart: 重点工作 ≠ 重点项目.
    let other = doc("二、131项重点工作任务进展情况\n全年实施45项重点项目建设。");
    assert!(flagged(&other, "numbers.conflict").is_empty());
}

#[test]
fn a_table_cell_restates_the_prose_figure() {
    let table = "表1 主要农产品产量\n产品名称 | 绝对数(吨) | 比上年增长(%) |\n粮食 | 55400 | 0.37 |\n按品种分 | | |\n其中:油菜籽 | 1200 | 2.5 |\n蔬菜\t28800\t6.9";
    let text = doc(&format!(
        "粮食产量54300吨，增长0.37%。油菜籽产量1200吨，增长2.6%。蔬菜产量2.88万吨，增长6.9%。\n{table}"
    ));
    // Reported at the second statement, the table's cell.
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["55400", "2.5"]);
    // Rounded prose (2.88万吨 = 28800吨) and other indicators built on a row's
    // name (人均, 占…的比重) stay silent.
    let right = doc(&format!(
        "粮食产量55400吨，增长0.37%。蔬菜产量2.88万吨，增长6.9%。人均粮食产量350吨，增长1.2%。\n{table}"
    ));
    assert!(flagged(&right, "numbers.conflict").is_empty());
    // Two columns in the unit: which one the prose means is unknown.
    let two = doc("粮食产量54300吨。\n产品 | 本年(吨) | 上年(吨) |\n粮食 | 55400 | 54300 |");
    assert!(flagged(&two, "numbers.conflict").is_empty());
}

#[test]
fn a_breakdown_opener_looks_past_a_sibling_opener_of_rates() {
    let text = doc("上半年国内生产总值340637亿元，同比增长6.7%。分季度看，一季度同比增长6.7%，二季度增长6.7%。分产业看，第一产业增加值22539亿元，同比增长3.1%；第二产业增加值134250亿元，增长6.1%；第三产业增加值184290亿元，增长7.5%。");
    assert_eq!(flagged(&text, "numbers.sum"), vec!["340637亿元"]);
    let right = text.replace("22539", "22097");
    assert!(flagged(&right, "numbers.sum").is_empty());
    // The three industries are the product's parts however they are introduced.
    let industries = doc("全县生产总值61.9亿元，比上年增长9.8%。三次产业协同发展，第一产业增加值9.2亿元，增长8.1%；第二产业增加值25.7亿元，增长12.3%；第三产业增加值27.3亿元，增长8.1%。");
    assert_eq!(flagged(&industries, "numbers.sum"), vec!["61.9亿元"]);
    assert!(flagged(&industries.replace("9.2亿元", "8.9亿元"), "numbers.sum").is_empty());
}

#[test]
fn a_pair_of_figures_opens_a_bracketed_breakdown_of_each_kind() {
    let text = doc("全市监测总数为16367户54851人（脱贫不稳定户5018户18684人、边缘易致贫户4876户17551人、突发严重困难户6475户18616人）。");
    assert_eq!(flagged(&text, "numbers.sum"), vec!["16367户"]);
    let right = text.replace("16367", "16369");
    assert!(flagged(&right, "numbers.sum").is_empty());
}

#[test]
fn age_groups_are_different_quantities() {
    let text = doc("0~15岁(含不满16周岁)人口479.3万人,占常住人口的比重为11.0%;16~59岁(含不满60周岁)人口2796.7万人,占常住人口的比重为64.3%;60周岁及以上人口1075.7万人,占24.7%,其中65周岁及以上人口706.1万人,占16.2%。");
    assert!(flagged(&text, "numbers.conflict").is_empty());
    // 65+ is a share of the population, as 60+ is, not of the 60+ group.
    assert!(flagged(&text, "numbers.percent").is_empty());
    // The same age group twice with two values is still one quantity.
    let twice = doc(
        "一、人口\n60周岁及以上人口1075.7万人。\n二、老龄事业\n全省60周岁及以上人口1057.7万人。",
    );
    assert_eq!(flagged(&twice, "numbers.conflict"), vec!["1057.7万人"]);
}

#[test]
fn a_figure_describing_a_part_is_not_a_part() {
    let text = doc("全年重点项目投资已完成8.14亿元，其中，总投资20亿元的物流园项目已完成5.44亿元；总投资5.05亿元的污水处理项目已完成2.7亿元。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    let wrong = text.replace("5.44亿元", "5.64亿元");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["8.14亿元"]);
}

#[test]
fn a_rate_of_completion_against_the_target_written_before_it() {
    let text = doc("截止10月底，实现城镇新增就业12314人，完成年目标任务12500人的99.5%；失业人员再就业6650人，完成年目标任务6600人的100.76%。");
    assert_eq!(flagged(&text, "numbers.percent"), vec!["99.5%"]);
    let right = text.replace("99.5%", "98.5%");
    assert!(flagged(&right, "numbers.percent").is_empty());
    // Another figure between the completion word and the target: no frame.
    let other = doc("新增就业12314人，完成率较2019年的12500人的水平提高，达98.5%。");
    assert!(flagged(&other, "numbers.percent").is_empty());
}

#[test]
fn a_change_against_a_base_year_written_out() {
    for (wrong, right) in [
        // The base year's figure after 比 / 较 … 的 / in brackets.
        (
            "粮食总产量1573.54亿斤，比2020年1508.2亿斤增长5.3%。",
            "粮食总产量1573.54亿斤，比2020年1508.2亿斤增长4.3%。",
        ),
        // No rate: the base and the change must make the current level.
        (
            "粮食总产量1573.54亿斤，比2020年1508.2亿斤增加66.65亿斤。",
            "粮食总产量1573.54亿斤，比2020年1508.2亿斤增加65.34亿斤。",
        ),
        (
            "常住人口4182万人，较2022年的4197万人减少17万人。",
            "常住人口4182万人，较2022年的4197万人减少15万人。",
        ),
        (
            "工农业总产值23.92亿元（2020年22.15亿元），比上年增长11%。",
            "工农业总产值23.92亿元（2020年22.15亿元），比上年增长8%。",
        ),
        // A share between the level and its change; a restatement in brackets in another unit.
        (
            "完成财政收入29612万元，占年初预算的27.7%，较上年同期增收1735万元，同比增长9.2%。",
            "完成财政收入29612万元，占年初预算的27.7%，较上年同期增收1735万元，同比增长6.2%。",
        ),
        (
            "夏粮总产量13659.6万吨（2731.9亿斤），比上年增产474.8万吨（94.9亿斤），增长6.6%。",
            "夏粮总产量13659.6万吨（2731.9亿斤），比上年增产474.8万吨（94.9亿斤），增长3.6%。",
        ),
    ] {
        assert_eq!(
            flagged(&doc(wrong), "numbers.percent").len()
                + flagged(&doc(wrong), "numbers.sum").len(),
            1,
            "{wrong}"
        );
        assert!(
            flagged(&doc(right), "numbers.percent").is_empty(),
            "{right}"
        );
        assert!(flagged(&doc(right), "numbers.sum").is_empty(), "{right}");
    }
}

#[test]
fn counts_with_names_joined_by_he_or_continued_after_a_comma() {
    let pair = doc("人口超过500万的地级市有3个，分别是沈阳市和大连市。");
    assert_eq!(flagged(&pair, "numbers.count"), vec!["3个"]);
    assert!(flagged(&pair.replace("3个", "2个"), "numbers.count").is_empty());
    let on = doc("有5个建档立卡贫困村，分别是二图、荣谋(十二五建档立卡贫困村)，蒌根及薛宅，其中蒌根于2016年出列。");
    assert_eq!(flagged(&on, "numbers.count"), vec!["5个"]);
    assert!(flagged(&on.replace("5个", "4个"), "numbers.count").is_empty());
    // A predicate after the comma is no name.
    let predicate = doc("有4个村，分别是甲村、乙村，均已出列。");
    assert!(flagged(&predicate, "numbers.count").is_empty());
    // The first name begins after the bracket or figure before it.
    let tail = doc("县教育局对近三学年(2015-2017)在县内就读学前教育、义务教育、普通高中及职业教育五个学段学生受资助情况开展核实。");
    assert_eq!(flagged(&tail, "numbers.count"), vec!["五个"]);
    assert!(flagged(&tail.replace("五个", "四个"), "numbers.count").is_empty());
}

#[test]
fn numbered_phrases_count_their_items() {
    // Names right before N大: 五大基地 lists six.
    let names =
        doc("主要建设研发基地、试验中心基地、生产组装基地、认证基地、服务中心、展示中心五大基地。");
    assert_eq!(flagged(&names, "numbers.count"), vec!["五大"]);
    let right = doc("主要建设研发基地、试验中心基地、生产组装基地、认证基地、服务中心五大基地。");
    assert!(flagged(&right, "numbers.count").is_empty());
    // Short names before a quoted slogan.
    let slogan = doc("梳理党务、政务、服务、法务“五张清单”。");
    assert_eq!(flagged(&slogan, "numbers.count"), vec!["五"]);
    // The clauses after a breakdown opener, one per item.
    let opener = doc("分四大门类看，采矿业增加值增长0.1%，比上月加快1.2个百分点，制造业增长6.9%，电力、热力、燃气及水生产和供应业增长2.6%。");
    assert_eq!(flagged(&opener, "numbers.count"), vec!["四大"]);
    assert!(flagged(&opener.replace("四大", "三大"), "numbers.count").is_empty());
    // Slogans after verbs, congresses and phrases far from any items stay silent.
    for silent in [
        "统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局。",
        "在扎实做好“六稳”工作、全面落实“六保”任务的基础上，学习党的十九大精神。",
        "召开“四城同创”工作会议3次，组建“四城同创”领导小组。",
        // A list broken across lines is read whole: four names, 四大.
        "建设研发基地、试验中心基地、认\n证基地、服务中心四大基地。",
    ] {
        assert!(
            flagged(&doc(silent), "numbers.count").is_empty(),
            "{silent}"
        );
    }
}

#[test]
fn the_three_industries_shares_stated_one_by_one() {
    let text = doc("第一产业增加值占地区生产总值的比重为11.0%，第二产业增加值比重为48.3%，第三产业增加值比重为43.7%。");
    assert_eq!(flagged(&text, "numbers.percent").len(), 1);
    let right = text.replace("11.0%", "8.0%");
    assert!(flagged(&right, "numbers.percent").is_empty());
    // Two industries only say nothing about the whole.
    let two = doc("第一产业增加值比重为11.0%，第二产业增加值比重为48.3%。");
    assert!(flagged(&two, "numbers.percent").is_empty());
}

#[test]
fn a_whole_named_as_the_target() {
    let text = doc("财政预算收入任务1383万元，1-8月累计完成929万元，占全年目标的76.2%。");
    assert_eq!(flagged(&text, "numbers.percent"), vec!["76.2%"]);
    assert!(flagged(&text.replace("76.2%", "67.2%"), "numbers.percent").is_empty());
    // A long completion phrase before the target.
    let long = doc("区级一般公共预算收入预计完成39.1亿元，完成区第十八届人大常委会第十九次会议批准收入调整预算37.5亿元的95.3%。");
    assert_eq!(flagged(&long, "numbers.percent"), vec!["95.3%"]);
    assert!(flagged(&long.replace("95.3%", "104.3%"), "numbers.percent").is_empty());
}

#[test]
fn households_of_one_group_of_persons() {
    let text = doc("一、基本情况\n2018年脱贫393户1924人，未脱贫78户262人。\n二、工作成效\n今年实现脱贫395户1924人，已完成脱贫退出工作。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["395户"]);
    assert!(flagged(&text.replace("395户", "393户"), "numbers.conflict").is_empty());
    // Two groups of the same size by chance.
    let chance = doc(
        "其中瓦额村81户、299人，瓦都西村83户、302人。\n为建卡贫困户77户、299人提供基础母羊45只。",
    );
    assert!(flagged(&chance, "numbers.conflict").is_empty());
}

#[test]
fn industries_with_a_breakdown_of_their_own_and_a_verb_after_their_names() {
    // The second industry has its own 其中; the items end in 完成 as the total does.
    let text = doc("全年实现地区生产总值2842073万元，同比增长5.2%。其中，第一产业实现增加值299861万元，同比增长4.3%；第二产业实现增加值1350063万元，同比增长6.2%，其中工业实现增加值1129526万元，同比增长9.2%；第三产业实现增加值1198029万元，同比增长4.4%。");
    assert_eq!(flagged(&text, "numbers.sum"), vec!["2842073万元"]);
    assert!(flagged(&text.replace("299861", "293981"), "numbers.sum").is_empty());
    let verbs = doc("全县地区生产总值完成2252248万元，同比增长6.4%。其中：第一产业增加值完成266727万元，同比增长5.1%；第二产业增加值完成1221623万元，同比增长8.2%；第三产业增加值完成769128万元，同比增长4.7%。");
    assert_eq!(flagged(&verbs, "numbers.sum"), vec!["2252248万元"]);
    assert!(flagged(&verbs.replace("266727", "261497"), "numbers.sum").is_empty());
    // 其中 after a short lead with no figure takes the sentence before's total.
    let lead = doc("全县实现生产总值135.44亿元，同比增长12.2%。三次产业实现全面增长，其中第一产业增加值28.88亿元，同比增长13.1%；第二产业增加值21.87亿元，同比增长15.9%；第三产业增加值85.26亿元，同比增长11%。");
    assert_eq!(flagged(&lead, "numbers.sum"), vec!["135.44亿元"]);
    assert!(flagged(&lead.replace("28.88", "28.31"), "numbers.sum").is_empty());
}

#[test]
fn a_table_column_of_shares_is_each_row_over_the_total_row() {
    let table = "表1 年末常住人口及其构成\n指标名称 | 绝对数(万人) | 占年末常住人口比重(%) |\n年末常住人口 | 3856 | 100 |\n按城乡分 | | |\n城镇 | 2114 | 55.91 |\n乡村 | 1742 | 45.19 |";
    let text = doc(table);
    assert_eq!(flagged(&text, "numbers.percent"), vec!["55.91"]);
    assert!(flagged(&text.replace("55.91", "54.81"), "numbers.percent").is_empty());
    // Growth columns are rates, not shares; without a 100 row there is no whole.
    let growth = doc("指标 | 绝对数(万元) | 增长(%) |\n地区生产总值 | 341881 | 7.23 |\n第一产业 | 56789 | 5.25 |");
    assert!(flagged(&growth, "numbers.percent").is_empty());
}

#[test]
fn a_qizhong_with_nothing_after_it_is_no_breakdown() {
    // Found by the property test: 其中 closing a sentence before a ；.
    for text in [
        "1.6万个其中；占",
        "共有农户320户，其中；已通296户。",
        "其中",
    ] {
        assert!(flagged(text, "numbers.sum").is_empty(), "{text}");
    }
}

#[test]
fn the_first_end_of_a_range_and_the_whole_of_a_rate_need_their_numbers() {
    let text = doc("每名网格长管辖的居民在户至255户之间，人口在人至550人之间。农村低保标准从年标准元提高到2760元。城镇新增就业12314人，完成年目标任务人的98.5%。");
    assert_eq!(
        flagged(&text, "data.dropped-number"),
        vec!["户", "人", "元", "人"]
    );
    // Near-misses: both ends written, a noun ending in the measure, a rate of a noun.
    let fine = doc("每名网格长管辖的居民在160户至255户之间，人口在300人至550人之间。标准由1680元提高到2760元。全村农户的95%已参保，贫困户的98%实现稳定增收，这是人的全面发展。2020年至2022年，建档立卡户至2022年底全部脱贫。");
    assert!(flagged(&fine, "data.dropped-number").is_empty());
}

#[test]
fn a_classifier_right_after_the_noun_it_counts_has_lost_its_number() {
    let text =
        doc("全县现有各级各类学校所，其中高中3所。在校学生人，其中小学14275人。年末户籍人口为人。");
    assert_eq!(
        flagged(&text, "data.dropped-number"),
        vec!["所", "人", "人"]
    );
    // Near-misses: words of their own (企业家, 研究所), a classifier with its number, 作为人.
    let fine = doc("表彰优秀企业家，支持农科研究所。全县现有学校96所，在校学生34915人。坚持以人为本，把群众当作为人民服务的对象，学生人人参与。");
    assert!(flagged(&fine, "data.dropped-number").is_empty());
    // A blank where the number stood (text from a PDF), and events counted after their noun.
    let blanks =
        doc("其中高级职称 人，中级职称 42人。全院开放床位 张；开展专题宣讲场。组织学习次。");
    assert_eq!(
        flagged(&blanks, "data.dropped-number"),
        vec!["人", "张", "场", "次"]
    );
    let slots =
        doc("建成占地亩的养殖场，先后次驰援灾区，进口整车辆以上，调处矛盾纠纷起，制定条问题清单。");
    assert_eq!(
        flagged(&slots, "data.dropped-number"),
        vec!["占地亩", "先后次", "辆", "起", "制定条"]
    );
    let worded = doc("建成占地面积20亩的养殖场，先后次序不乱，进口整车500辆以上，调处矛盾纠纷25起，制定条例3部。");
    assert!(flagged(&worded, "data.dropped-number").is_empty());
    let spaced =
        doc("其中高级职称 12人，中级职称 42人。全院开放床位 120张；开展专题宣讲15场，布置会场。");
    assert!(flagged(&spaced, "data.dropped-number").is_empty());
}

// ---- figures dropped: lists over semicolons, dates, households, glosses ---------------

#[test]
fn a_list_of_figures_runs_on_over_semicolons() {
    let text = doc("马存栏2708匹；生猪存栏32029头；禽存栏只。全年牛出栏9292头。");
    assert_eq!(flagged(&text, "data.dropped-number"), vec!["只"]);
    // Near-miss: the sentence after the semicolon is no item of the list.
    let silent = doc("马存栏2708匹；今年以来，养殖大户增收明显。");
    assert!(flagged(&silent, "data.dropped-number").is_empty());
}

#[test]
fn siblings_are_found_past_empty_items_dates_and_adverbs() {
    for (text, measure) in [
        ("60岁以上党员20名），困难党员人。", "人"),
        ("新发展党员2人，按期转正党员人。", "人"),
        ("2021年全体居民人均可支配收入元，同比增加2129元。", "元"),
        ("开展主题党日活动次，党课2次，志愿服务15次。", "次"),
        ("办理食品经营许可证张，同比增长12%。", "张"),
    ] {
        assert_eq!(
            flagged(&doc(text), "data.dropped-number"),
            vec![measure],
            "{text}"
        );
    }
    for silent in [
        "自4月26日起，组织常态化核酸检测，储备采样人员1521名。",
        "其次，全年完成投资5亿元，各单位到位资金3亿元。",
        "按期完成任务，新建道路12公里。",
        "2021年5月起，全面推行网格化管理，划分网格32个。",
        "全面落实岗位责任制，新设公益性岗位46个，保障单位用工。",
    ] {
        assert!(
            flagged(&doc(silent), "data.dropped-number").is_empty(),
            "{silent}: {:?}",
            flagged(&doc(silent), "data.dropped-number")
        );
    }
}

#[test]
fn households_then_persons_with_the_households_lost() {
    let text = doc("城市低保新增户58人，清退231户411人；识别“三类对象”户19409人。");
    assert_eq!(flagged(&text, "data.dropped-number"), vec!["户", "户"]);
    // Near-miss: a noun of households, and households counted in 户.
    for silent in [
        "建档立卡贫困户848人，脱贫户2433人，易致贫户4876户18684人。",
        "风险消除户3户，重病户5户，全村1260户4380人。",
        "每户3人，全户5人。",
    ] {
        assert!(
            flagged(&doc(silent), "data.dropped-number").is_empty(),
            "{silent}: {:?}",
            flagged(&doc(silent), "data.dropped-number")
        );
    }
}

#[test]
fn a_unit_whose_figure_was_lost_behind_a_gloss_or_in_brackets() {
    for (text, unit) in [
        ("全年地区生产总值[2]亿元，比上年增长8.1%。", "亿元"),
        ("实现地区生产总值（GDP）亿元，增长7.5%。", "亿元"),
        (
            "粮食总产量13659.6万吨（亿斤），增产474.8万吨（94.9亿斤）。",
            "亿斤",
        ),
        ("聚焦地区生产总值年度增长%目标任务。", "%"),
        ("登记失业率4.45%，低于%的控制目标。", "%"),
        ("医疗保健类价格上涨1·%。", "%"),
        ("省内产值亿，同比增长21%。", "亿"),
        ("从业人员工资万，同比增长28.4%。", "万"),
        ("销售面积万m²，同比增长13.4%。", "万m²"),
        ("拆除空心房310栋，共㎡，复垦土地30亩。", "㎡"),
    ] {
        assert_eq!(
            flagged(&doc(text), "data.dropped-number"),
            vec![unit],
            "{text}"
        );
    }
    for silent in [
        "全年地区生产总值[2]61.9亿元，实现地区生产总值（GDP）91.3亿元。",
        "粮食总产量13659.6万吨（2731.9亿斤），比重（%），单位（万元）。",
        "完成投资1.2亿元（含中央资金0.3亿元），增长5.2%（上年为4.1%）。",
        "万众一心，走进千家万户，万达广场开业，成千上万，亿万人民。",
        "指标 比上年增长% 备注",
        "增长3.5%，占比45.6%以上，销售面积31.6万m²，共199800㎡。",
    ] {
        assert!(
            flagged(&doc(silent), "data.dropped-number").is_empty(),
            "{silent}: {:?}",
            flagged(&doc(silent), "data.dropped-number")
        );
    }
}

#[test]
fn a_count_that_closes_its_clause_with_no_figure() {
    for (text, measure) in [
        ("完成来沪返沪人员登记共人。", "共人"),
        ("机关党员到社区的报到人数人。", "人"),
        ("排查登记涉鄂人数 人，其中涉汉人数280人。", "人"),
        ("空气质量优良天数达天，比上年增加29天。", "天"),
        ("人均生产总值为元。", "元"),
        ("全员劳动生产率为元/人，比上年提高1.6%。", "元"),
        ("水稻完成万亩、玉米7.05万亩。", "万亩"),
        ("职工基本养老保险参保人数万人，完成全年计划的102%。", "万人"),
        ("粮食总产量达到亿斤的基础上，再创新高。", "亿斤"),
    ] {
        assert_eq!(
            flagged(&doc(text), "data.dropped-number"),
            vec![measure],
            "{text}"
        );
    }
    for silent in [
        "干部平易近人。图纸由设计人签字。评出致富达人。合同由预约人、签约人确认。",
        "抽调专家数人，成万亩连片种植，数万人参与。",
        "报到人数2546人，优良天数达272天，人均生产总值为82304元。",
        "金额以元为单位，以万元计，单元、公元、美元。",
        "今天，全县完成投资5亿元，每天接待游客1200人次。",
        "人数较多，天数不足，总数过半。",
    ] {
        assert!(
            flagged(&doc(silent), "data.dropped-number").is_empty(),
            "{silent}: {:?}",
            flagged(&doc(silent), "data.dropped-number")
        );
    }
}

#[test]
fn a_classifier_after_de_or_a_verb_counts_nothing() {
    for (text, measure) in [
        ("本村以张某为代表的位村民成立合作社。", "位"),
        ("在申报的户商户中评选出诚信门店。", "户"),
        ("梳理出的条问题已全部整改。", "条"),
        ("完成涉及的项营商环境测评任务。", "项"),
        ("加快推进大湾区建设项重点工作落实。", "项"),
    ] {
        assert_eq!(
            flagged(&doc(text), "data.dropped-number"),
            vec![measure],
            "{text}"
        );
    }
    for silent in [
        "改善群众的居住条件，明确村庄的位置，核实外出人员的户籍信息。",
        "各项工作有序推进，完成立项审批，落实专项资金，若干项任务提前完成。",
        "新建项目12个，保护好群众的户外活动空间，提高全村的户均收入。",
        "聚焦重点事项推进，数据项全部填报，有效项目38个。",
    ] {
        assert!(
            flagged(&doc(silent), "data.dropped-number").is_empty(),
            "{silent}: {:?}",
            flagged(&doc(silent), "data.dropped-number")
        );
    }
}

#[test]
fn persons_and_organisations_counted_with_no_number() {
    for (text, measure) in [
        ("公安、住建等部门下沉名干部，充实社区力量。", "名"),
        ("柔性引入名院士，认定省院士工作站3家。", "名"),
        ("督促下属家医疗机构全面整改。", "家"),
        ("推荐新认定家孵化器，建成众创空间17家。", "家"),
        ("依托服务中心筹建家“暖蜂驿站”。", "家"),
        ("引进高层次人才名。", "名"),
    ] {
        assert_eq!(
            flagged(&doc(text), "data.dropped-number"),
            vec![measure],
            "{text}"
        );
    }
    for silent in [
        "邀请知名专家授课，著名企业家来镇考察，组织报名党员参加培训。",
        "争创国家重点实验室，发展居家养老服务，引导企业家回乡创业。",
        "公布入围人员名单，核对会员名：张三。",
        "下沉干部176名，引进企业家12名，新增市场主体45家。",
    ] {
        assert!(
            flagged(&doc(silent), "data.dropped-number").is_empty(),
            "{silent}: {:?}",
            flagged(&doc(silent), "data.dropped-number")
        );
    }
}

#[test]
fn ages_are_no_counts_and_more_units_need_their_figure() {
    for (text, measure) in [
        ("35岁以下党员名，35-50岁党员16名。", "名"),
        ("4月份扩大种植三华李亩、茶叶270亩。", "亩"),
        ("该村北接丰谷镇，距主城区公里，交通便利。", "公里"),
        ("种植羊肚菌等食用菌万袋，带动农户增收。", "万袋"),
    ] {
        assert_eq!(
            flagged(&doc(text), "data.dropped-number"),
            vec![measure],
            "{text}"
        );
    }
    for silent in [
        "全镇面积120平方公里，距县城20公里。",
        "35-50岁党员16名，50岁以上党员20名。",
        "千千万万个家庭，成千上万名群众。",
    ] {
        assert!(
            flagged(&doc(silent), "data.dropped-number").is_empty(),
            "{silent}: {:?}",
            flagged(&doc(silent), "data.dropped-number")
        );
    }
}

#[test]
fn words_and_names_that_end_in_a_unit_are_no_lost_figures() {
    for silent in [
        "四川广元，澳元、加元和新元，神经元研究取得进展。",
        "村党支部书记张建元，副主任李文元。",
        "项目投资一个亿，整亿资金到位。",
        "货物周转量12.6亿吨公里，旅客周转量3.1亿人公里。",
        "完成这位、那位同志的考察，列出几条，开展那次活动。",
    ] {
        assert!(
            flagged(&doc(silent), "data.dropped-number").is_empty(),
            "{silent}: {:?}",
            flagged(&doc(silent), "data.dropped-number")
        );
    }
    // The same units after a word that takes a sum lost their figure.
    let lost = doc("人均收入为元，增长8.1%，货物周转量吨公里。");
    assert_eq!(flagged(&lost, "data.dropped-number"), vec!["元", "吨公里"]);
}

#[test]
fn a_finer_figure_that_rounds_to_the_coarser_is_the_same_figure() {
    let text = doc("一、农业\n全年全省夏粮小麦总产量2347.3万吨。\n二、粮食安全\n全年全省夏粮小麦总产量2347.31万吨，实现三增。");
    assert!(flagged(&text, "numbers.conflict").is_empty());
    // A value the coarser cannot be a rounding of is another value.
    let wrong = text.replace("2347.31", "2394.26");
    assert_eq!(flagged(&wrong, "numbers.conflict"), vec!["2394.26万吨"]);
    let off_by_rounding = text.replace("2347.31", "2347.36");
    assert_eq!(
        flagged(&off_by_rounding, "numbers.conflict"),
        vec!["2347.36万吨"]
    );
}

#[test]
fn a_large_person_count_names_its_households_across_the_document() {
    let text = doc("一、基本情况\n全镇13951户68202人（城镇人口240户544人，农村人口13711户67658人）。\n二、精准识贫\n5月起全面开展大排查，共入户13709户67658人，全覆盖了全镇农村常住人口。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["13709户"]);
    assert!(flagged(&text.replace("13709户", "13711户"), "numbers.conflict").is_empty());
    // A round person count, or one of three digits, may be two groups' size.
    let round = doc("一、基本情况\n农村人口13711户67650人。\n二、培训\n培训农户2000户67650人次。");
    assert!(flagged(&round, "numbers.conflict").is_empty());
    // Two years written out are two groups, however alike their figures.
    let years = doc("2019年全乡脱贫120户3412人，2020年全乡脱贫98户3412人。");
    assert!(flagged(&years, "numbers.conflict").is_empty());
}

#[test]
fn a_group_named_again_by_its_predicate_is_the_same_group() {
    let text = doc("131项重点工作任务中，124项任务正常推进，7项任务推进较为滞后（详见附件2）。推进较为滞后的5项任务分别是：道路硬化、饮水安全。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["5项"]);
    let right = text.replace("滞后的5项", "滞后的7项");
    assert!(flagged(&right, "numbers.conflict").is_empty());
    // Another predicate names another group: 正常推进 is not 推进较为滞后.
    let other = doc(
        "25项任务中，21项任务按期推进，4项任务推进较为缓慢。已经按期推进的20项任务均通过验收。",
    );
    assert!(flagged(&other, "numbers.conflict").is_empty());
    // The same predicate over another noun is another group.
    let noun = doc("7项任务推进较为滞后。推进较为滞后的5个项目已约谈责任单位。");
    assert!(flagged(&noun, "numbers.conflict").is_empty());
}

#[test]
fn a_list_of_counts_stated_again_states_each_count_again() {
    let text = doc("围绕“8个村出列、1300人减贫”目标推进攻坚。\n省下达8个村出列、1100人减贫计划，目前进展顺利。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["1100人"]);
    assert!(flagged(&text.replace("1100人", "1300人"), "numbers.conflict").is_empty());
    // Other periods are other lists, even with a first item alike.
    let years = doc("2020年实现5个村出列、800人减贫。\n2021年实现5个村出列、1300人减贫。");
    assert!(flagged(&years, "numbers.conflict").is_empty());
    let halves = doc("上半年实现3个村出列、420人减贫；全年实现3个村出列、900人减贫。");
    assert!(flagged(&halves, "numbers.conflict").is_empty());
}

#[test]
fn a_quoted_numbered_phrase_written_with_another_numeral() {
    let text = doc("一、基本情况\n全市“三类对象”监测总数为16369户。\n二、动态监测\n全年累计新增识别“一类对象”6189户。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["一类对象"]);
    let right = text.replace("“一类对象”", "“三类对象”");
    assert!(flagged(&right, "numbers.conflict").is_empty());
    // A series of grades, or two grades side by side, are not one phrase.
    let series = doc("一、分类\n“一类村”2个。\n二、推进\n“二类村”3个，“三类村”1个。\n三、打算\n“一类地区”“二类地区”同步推进。\n四、其他\n“三类地区”另行安排。");
    assert!(flagged(&series, "numbers.conflict").is_empty());
    let pair = doc("将“二类地区”的政策向“一类地区”看齐。");
    assert!(flagged(&pair, "numbers.conflict").is_empty());
    // Different slogans: 四个意识, 两个维护; 十三五 and 十四五 are plans.
    let slogans =
        doc("一、党建\n增强“四个意识”。\n二、发展\n做到“两个维护”，总结“十三五”，谋划“十四五”。");
    assert!(flagged(&slogans, "numbers.conflict").is_empty());
}

#[test]
fn a_group_taken_up_again_to_be_broken_down_is_the_group_stated_before() {
    let text = doc("全镇现有建档立卡贫困户1091户、计3125人。\n从整体情况看，建档立卡1093户中因病致贫的有503户。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["1093户"]);
    assert!(flagged(&text.replace("1093户", "1091户"), "numbers.conflict").is_empty());
    // A figure of another status under the name is another group.
    let added = doc("今年建档立卡贫困户新增44户。\n建档立卡1091户中因病致贫的有503户。");
    assert!(flagged(&added, "numbers.conflict").is_empty());
    let villages =
        doc("全乡辖甘洛、瓦额、瓦都西等5个行政村，共40个村民小组。\n全乡7个行政村中有3个贫困村。");
    assert_eq!(flagged(&villages, "numbers.conflict"), vec!["7个"]);
    assert!(flagged(&villages.replace("7个", "5个"), "numbers.conflict").is_empty());
    // Some villages are not all of them; 中心 is no 中.
    let some = doc("今年完成8个行政村道路硬化，新修3个行政村。\n全乡12个行政村中，9个已通客车。");
    assert!(flagged(&some, "numbers.conflict").is_empty());
    let centre = doc("全镇共有3个服务中心。\n全镇5个服务中心已投入使用。");
    assert!(flagged(&centre, "numbers.conflict").is_empty());
}

#[test]
fn correct_paragraphs_with_counts_of_similar_things_stay_silent() {
    let text = doc("一、基本情况\n全乡辖5个行政村，其中3个贫困村，共有贫困户412户1563人。上半年完成危房改造36户，全年完成危房改造82户。\n全年计划新建道路12公里，已完成新建道路9.5公里。计划培训农民800人次，完成培训农民760人次。\n二、主要工作\n（一）产业发展。围绕“5个村出列、900人减贫”目标，上半年实现3个村出列、420人减贫；全年实现5个村出列、900人减贫。\n2021年实现4个村出列、1300人减贫。\n（二）重点任务。全乡确定的25项任务中，21项任务按期推进，4项任务推进较为缓慢。推进较为缓慢的4项任务分别是：道路硬化、饮水安全、危房改造和人居环境整治。已完成的21项任务均通过验收。\n（三）党建工作。下设3个党支部，共有党员83名。坚持“四个意识”，落实“两个维护”。\n三、存在问题\n“一类村”2个，“二类村”3个，“三类村”1个，分类推进。\n四、下一步打算\n继续落实“三类对象”监测帮扶。将“二类地区”的政策向“一类地区”看齐。");
    assert!(flagged(&text, "numbers.conflict").is_empty());
}

#[test]
fn parts_named_as_kinds_of_one_totals_noun_break_down_that_total() {
    // The parts are kinds of 脱贫户, not of the 边缘户 right before 其中.
    let text = doc("全镇有已脱贫户307户741人，边缘户21户62人。其中：低保脱贫户145户372人，五保脱贫户34户39人，一般脱贫户128户330人。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    let wrong = text.replace("一般脱贫户128户330人", "一般脱贫户128户350人");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["741人"]);
    // Near-miss: parts of neither total's noun stay with the figure right before 其中.
    let crops = doc("全村种植面积3200亩，养殖户46户。其中：油菜1200亩，蔬菜800亩，水稻1200亩。");
    assert!(flagged(&crops, "numbers.sum").is_empty());
}

// ---- sums inside tables -------------------------------------------------------

/// A table as copied from a web page: one cell to a line, each ended by `|`.
fn cell_per_line(header: &[&str], rows: &[&[&str]]) -> String {
    let mut out = String::from("表1 地区生产总值\n");
    for cell in header.iter().chain(rows.iter().flat_map(|r| r.iter())) {
        out.push_str(cell);
        out.push_str(" |\n");
    }
    out.push_str("全年规模以上工业增加值增长6.2%。\n");
    out
}

fn gdp_table(second: &str, industry: &str) -> String {
    doc(&cell_per_line(
        &["指 标", "单位", "2021年", "比上年增长(%)"],
        &[
            &["地区生产总值", "亿元", "91.3", "7.5"],
            &["第一产业", "亿元", "6.2", "6.9"],
            &["第二产业", "亿元", second, "6.2"],
            &["工 业", "亿元", industry, "3.6"],
            &["建筑业", "亿元", "3.2", "23.3"],
            &["第三产业", "亿元", "62.4", "8.0"],
            &["批发和零售业", "亿元", "9.1", "6.9"],
            &["金融业", "亿元", "8.5", "4.4"],
            &["其他服务业", "亿元", "44.8", "8.2"],
        ],
    ))
}

#[test]
fn a_table_a_cell_to_a_line_sums_its_numbered_series_and_their_rows() {
    // 6.2 + 22.7 + 62.4 = 91.3; 19.5 + 3.2 = 22.7; 9.1 + 8.5 + 44.8 = 62.4.
    assert!(flagged(&gdp_table("22.7", "19.5"), "numbers.sum").is_empty());
    // 第二产业 off: both its own rows and the series above say so.
    let wrong = gdp_table("23.2", "19.5");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["91.3", "23.2"]);
    let d = &diagnostics(&wrong, "numbers.sum")[1];
    assert!(
        d.message.contains("工业19.5 + 建筑业3.2 = 22.7亿元"),
        "{}",
        d.message
    );
    // A row of 第二产业 off: the series still adds up, its rows do not.
    assert_eq!(
        flagged(&gdp_table("22.7", "18.5"), "numbers.sum"),
        vec!["22.7"]
    );
    // The growth column does not add up across rows, and is not summed.
}

#[test]
fn a_qizhong_row_in_a_table_runs_on_while_its_parts_fit() {
    let table = |grain: &str| {
        doc(&cell_per_line(
            &["农产品名称", "总产量(万吨)", "比上年±%"],
            &[
                &["粮食", grain, "0.74"],
                &["其中:夏粮", "31.82", "0.15"],
                &["秋粮", "30.02", "1.38"],
                &["油料", "0.69", "-3.3"],
                &["蔬菜、瓜类", "99.74", "4.5"],
            ],
        ))
    };
    // 夏粮 + 秋粮 make 粮食: 油料 after them is no part of it.
    assert!(flagged(&table("61.84"), "numbers.sum").is_empty());
    let wrong = table("63.08");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["63.08"]);
    let d = &diagnostics(&wrong, "numbers.sum")[0];
    assert!(d.message.contains("万吨"), "{}", d.message);
    // Near-miss: a single 其中 row well below its total says nothing.
    let single = doc(&cell_per_line(
        &["农产品名称", "总产量(万吨)", "比上年±%"],
        &[
            &["粮食", "61.84", "0.74"],
            &["其中:夏粮", "31.82", "0.15"],
            &["油料", "0.69", "-3.3"],
            &["蔬菜", "99.74", "4.5"],
        ],
    ));
    assert!(flagged(&single, "numbers.sum").is_empty());
    // A part too big among the first: 夏粮 + 秋粮 already exceed 粮食.
    let part = table("61.84").replace("30.02 |", "33.02 |");
    assert_eq!(flagged(&part, "numbers.sum"), vec!["61.84"]);
    // Near-miss: categories that overlap (国有控股 and 股份制 企业 are counted
    // in both) add up past their total only further down the list.
    let kinds = doc(&cell_per_line(
        &["指标", "增加值(亿元)", "增长(%)"],
        &[
            &["规模以上工业", "100.0", "6.5"],
            &["其中:国有控股企业", "30.2", "4.1"],
            &["股份制企业", "60.5", "7.2"],
            &["外商及港澳台商投资企业", "15.1", "3.3"],
            &["私营企业", "20.3", "8.8"],
        ],
    ));
    assert!(flagged(&kinds, "numbers.sum").is_empty());
}

#[test]
fn a_total_row_of_a_table_is_the_sum_of_the_other_rows() {
    let table = |total: &str| {
        doc(&format!(
            "表2 各街道低保情况\n街道 | 户数 | 人数 | 比上月增减(%) |\n南门 | 961 | 1192 | -1.0 |\n东门 | 1102 | 1283 | 0.4 |\n西门 | 840 | 1091 | -0.5 |\n合计 | 2903 | {total} | -0.3 |\n"
        ))
    };
    assert!(flagged(&table("3566"), "numbers.sum").is_empty());
    assert_eq!(flagged(&table("3576"), "numbers.sum"), vec!["3576"]);
}

#[test]
fn a_serial_number_column_written_a_cell_to_a_line_is_no_figure() {
    // The first row lost its serial and ends with an empty cell (`| |`).
    let table = |total: &str| {
        doc(&format!(
            "一、基本情况\n全区有{total}户、3569人获得了低保待遇，月发放低保金653200元。\n二、各街道低保数据一览表\n序号 |\n街 道 |\n本月户数 |\n本月人数 |\n南纪门 |\n961 |\n1192 | |\n2 |\n解放碑 |\n1102 |\n1283 |\n3 |\n菜园坝 |\n840 |\n1091 |\n4 |\n区福利院 |\n3 |\n3 |\n合计 |\n2906 |\n3569 |\n三、下步打算\n继续做好低保工作。\n"
        ))
    };
    assert!(flagged(&table("2906"), "numbers.sum").is_empty());
    assert!(flagged(&table("2906"), "numbers.conflict").is_empty());
    assert_eq!(
        flagged(
            &table("2906").replace("合计 |\n2906", "合计 |\n2916"),
            "numbers.sum"
        ),
        vec!["2916"]
    );
    // Near-miss: without a 序号 header, a small number before a label is a figure.
    let no_serials = table("2906").replace("序号 |\n", "");
    assert!(flagged(&no_serials, "numbers.sum")
        .iter()
        .all(|f| f != "2906"));
}

#[test]
fn a_table_under_a_unit_line_of_percent_does_not_add_up() {
    let table = |unit: &str| {
        doc(&format!(
            "全年居民消费价格比上年上涨1.6%。\n{unit}\n指 标 | 城市 | 农村 |\n食品 | 1.3 | 2.3 |\n#粮食 | 1.7 | 1.3 |\n肉禽及其制品 | 3.4 | 2.3 |\n"
        ))
    };
    assert!(flagged(&table("单位：%"), "numbers.sum").is_empty());
    // Near-miss: under a unit of amounts the rows are parts.
    assert_eq!(flagged(&table("单位：万元"), "numbers.sum"), vec!["1.3"]);
}

#[test]
fn a_table_of_bare_lines_between_blank_ones_is_read_as_rows() {
    let table = |urban: &str| {
        doc(&format!(
            "表1 年末人口\n\n指 标\n\n年末数(万人)\n\n比重(%)\n\n年末常住人口\n\n728\n\n100.00\n\n其中:城镇\n\n{urban}\n\n66.34\n\n乡村\n\n245\n\n33.66\n\n其中:男性\n\n371\n\n50.96\n\n女性\n\n357\n\n49.04\n\n全年出生人口7.7万人。\n"
        ))
    };
    assert!(flagged(&table("483"), "numbers.sum").is_empty());
    let wrong = table("493");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["728"]);
    // The second 其中 opens a list of its own (男性 + 女性 = 728 too).
    let d = &diagnostics(&wrong, "numbers.sum")[0];
    assert!(
        d.message.contains("城镇493 + 乡村245 = 738万人"),
        "{}",
        d.message
    );
    // Near-miss: a list of short lines with no figures of their own is no table.
    let list = doc("参加单位\n\n县委办\n\n县政府办\n\n县财政局\n\n县教育局\n\n县卫健局\n\n县民政局\n\n县人社局\n\n县住建局\n");
    assert!(flagged(&list, "numbers.sum").is_empty());
}

#[test]
fn households_and_persons_before_qizhong_are_both_totals() {
    // 96 + 170 + 456 + 393 + 78 = 1193户; the persons stand between the households and 其中.
    let text = doc("全镇建档立卡贫困户1193户5992人，其中2015年前脱贫96户475人，2016年已脱贫170户898人，2017年已脱贫456户2433人，2018年脱贫393户1924人，未脱贫78户262人。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    let wrong = text.replace("1193户", "1189户");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["1189户"]);
    // Near-miss: words between the last household figure and 其中 leave it unclear.
    let unclear = doc(
        "全镇建档立卡贫困户1189户，帮扶干部结对全覆盖，其中2016年已脱贫170户，2017年已脱贫456户。",
    );
    assert!(flagged(&unclear, "numbers.sum").is_empty());
}

#[test]
fn parts_in_one_unit_go_to_the_total_whose_noun_they_name() {
    // 只 counts both the ewes and the chicks: 16 + 19 + 10 = 45, 970 + 590 + 320 = 1880.
    let text = doc("全乡为贫困户77户提供了基础母羊45只、脱温鸡苗1880只。其中，甲村30户扶持基础母羊16只、脱温鸡苗970只；乙村19户扶持基础母羊19只、脱温鸡苗590只；丙村28户扶持基础母羊10只、脱温鸡苗320只。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    let wrong = text.replace("基础母羊45只", "基础母羊48只");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["48只"]);
    let chicks = text.replace("脱温鸡苗590只", "脱温鸡苗690只");
    assert_eq!(flagged(&chicks, "numbers.sum"), vec!["1880只"]);
}

#[test]
fn two_lists_of_one_total_that_agree_are_each_the_whole_of_it() {
    let text = doc("全市共发生生产安全事故17起，同比下降19.01%；死亡20人，同比下降4.76%。分行业来看，工矿商贸事故13起、死亡14人；道路运输事故2起、死亡4人；铁路事故2起、死亡2人。分区域来看，甲区事故6起、死亡9人；乙县事故5起、死亡5人；丙县事故2起、死亡2人；丁县事故2起、死亡2人；戊区事故1起、死亡1人；己区事故1起、死亡1人。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    // Both lists make 20: the total written 23 is the slip.
    let wrong = text.replace("死亡20人", "死亡23人");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["23人"]);
    // Near-miss: two short lists that agree only with each other, far below the total.
    let partial = doc("全市共发生生产安全事故17起；死亡40人。分行业来看，工矿商贸事故3起、死亡4人；道路运输事故2起、死亡4人。分区域来看，甲区事故3起、死亡5人；乙县事故2起、死亡3人。");
    assert!(flagged(&partial, "numbers.sum").is_empty());
}

#[test]
fn a_list_ending_with_the_rest_of_the_total_is_the_whole_of_it() {
    let text = doc("全市“公参民”学校8所，完成规范治理7所，余下1所正在积极推进转制。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    assert_eq!(
        flagged(&text.replace("学校8所", "学校6所"), "numbers.sum"),
        vec!["6所"]
    );
    // Short of the total: the rest must make it up.
    let short = doc("全村共有党员50名，女党员12名，其余36名均为男党员。");
    assert_eq!(flagged(&short, "numbers.sum"), vec!["50名"]);
    // Near-miss: a part split again before the rest (其中) is not one list.
    let nested = doc("全市学校8所，完成规范治理7所，其中民办3所，余下1所正在推进。");
    assert!(flagged(&nested, "numbers.sum").is_empty());
}

#[test]
fn items_after_a_semicolon_named_like_the_first_item_or_its_other_half_go_on() {
    // 秋粮总产量 is named like 夏粮总产量 more than like 粮食总产量.
    let grain = doc("全年粮食总产量20.2万吨，比上年增长2.5%。其中，夏粮总产量10.5万吨，增长1.9%；秋粮总产量9.7万吨，增长3.2%。");
    assert!(flagged(&grain, "numbers.sum").is_empty());
    assert_eq!(
        flagged(&grain.replace("20.2万吨", "20.7万吨"), "numbers.sum"),
        vec!["20.7万吨"]
    );
    // The other half of a split, a note in its name.
    let people = doc("年末户籍人口239.68万人，比上年末增加1.82万人。其中，城镇人口134.72万人，增长6.1%；乡村(连队)人口104.96万人，下降5.3%。");
    assert!(flagged(&people, "numbers.sum").is_empty());
    assert_eq!(
        flagged(&people.replace("104.96万人", "102.86万人"), "numbers.sum"),
        vec!["239.68万人"]
    );
    let trade = doc("1-2月，货物进出口总额78.8亿元，下降21.5%。其中，出口54.0亿元，下降22.7%；进口24.8亿元，下降18.6%。");
    assert_eq!(
        flagged(&trade.replace("24.8亿元", "24.3亿元"), "numbers.sum"),
        vec!["78.8亿元"]
    );
    // Near-miss: the next indicator after a semicolon, a sibling of the total.
    let sibling = doc("全年粮食总产量20.2万吨，增长2.5%。其中，夏粮总产量10.5万吨，增长1.9%；油料总产量2.0万吨，与上年持平。");
    assert!(flagged(&sibling, "numbers.sum").is_empty());
}

#[test]
fn a_kind_of_part_with_no_total_in_its_sentence_takes_the_one_it_names_before() {
    let text = doc("粮食作物播种面积52.53万亩，下降0.76%。粮食总产量11.44万吨，下降0.2%，其中夏粮播种面积25.86万亩，增长1%，夏粮产量4.72万吨，增长1.93%；秋粮播种面积26.67万亩，下降2.38%，秋粮产量6.72万吨，下降1.61%。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    assert_eq!(
        flagged(&text.replace("52.53万亩", "53.59万亩"), "numbers.sum"),
        vec!["53.59万亩"]
    );
    // Near-miss: an area in the sentence before named otherwise is no total of these parts.
    let other = text.replace("粮食作物播种面积52.53万亩", "新增高标准农田52.53万亩");
    assert!(flagged(&other.replace("52.53万亩", "60.00万亩"), "numbers.sum").is_empty());
}

#[test]
fn a_numbered_series_right_after_a_figure_of_its_kind_is_its_parts() {
    let text = doc("据统计预测，全县地区生产总值增长12.6%达92.9亿元，第一产业增长9.1%达21.2亿元，第二产业增长18.2%达41亿元，第三产业增长8.4%达30.7亿元，地方财政总收入增长7.9%达5.21亿元。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    assert_eq!(
        flagged(&text.replace("21.2亿元", "21.9亿元"), "numbers.sum"),
        vec!["92.9亿元"]
    );
    // The figure reached after a rate is a level, not a change.
    let d = report_checker::document::Document::parse(&text);
    let reached = d
        .quantities
        .iter()
        .find(|q| d.slice(&q.span) == "21.2亿元")
        .unwrap();
    assert!(reached.is_level());
    // Near-miss: a partial series (the first two batches of three) far below the year's total.
    let batches = doc("全年下达补助资金300万元，第一批补助100万元，第二批补助80万元。");
    assert!(flagged(&batches, "numbers.sum").is_empty());
}

#[test]
fn a_figure_named_as_a_sum_adds_up_the_figures_before_it() {
    let text = doc("本学期一至六年级学生1254人，幼儿园幼儿119人，在校学生总数为1373人。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    assert_eq!(
        flagged(&text.replace("1254人", "1256人"), "numbers.sum"),
        vec!["1373人"]
    );
    // Near-misses: figures far below the sum are not all of it; a figure
    // larger than the sum is not its part; a sum before another sum.
    let far = doc("全校有骨干教师12人，班主任30人，教职工总数为85人。");
    assert!(flagged(&far, "numbers.sum").is_empty());
    let larger = doc("全镇户籍人口3200人，其中党员总数为150人。");
    assert!(flagged(&larger, "numbers.sum").is_empty());
}

#[test]
fn an_item_named_as_a_parts_own_part_goes_on_that_parts_list() {
    // 建筑业 goes on 第二产业's list (工业 + 建筑业 = 65585); 第三产业 goes on the top one.
    let text = doc("2015年全县地区生产总值244394万元，比上年增长13.1%。其中：第一产业增加值62857万元，同比增长6.3%；第二产业增加值65585万元，同比增长9.5%，其中工业增加值完成40653万元，同比增长13.5%；建筑业增加值完成24932万元，同比增长3.7%。第三产业增加值115952万元，同比增长18.0%。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    assert_eq!(
        flagged(&text.replace("62857万元", "64115万元"), "numbers.sum"),
        vec!["244394万元"]
    );
    let industry = text.replace("建筑业增加值完成24932万元", "建筑业增加值完成25932万元");
    assert_eq!(flagged(&industry, "numbers.sum"), vec!["65585万元"]);
    // Near-miss: the next industry named as the first item stays on the top list.
    let third = doc("全县生产总值2842073万元。其中，第一产业实现增加值293981万元，同比增长4.3%；第二产业实现增加值1350063万元，同比增长6.2%，其中工业实现增加值1129526万元，同比增长9.2%；第三产业实现增加值1198029万元，同比增长4.4%。");
    assert!(flagged(&third, "numbers.sum").is_empty());
    assert_eq!(
        flagged(&third.replace("293981万元", "299861万元"), "numbers.sum"),
        vec!["2842073万元"]
    );
}

#[test]
fn each_qizhong_of_a_sentence_breaks_down_the_figures_before_it() {
    let text = doc("全乡有党支部7个，其中农村支部5个、机关支部2个，全乡现有小学校4所，其中中心小学一所，村级完小3所。乡卫生院1所。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    assert_eq!(
        flagged(&text.replace("中心小学一所", "中心小学三所"), "numbers.sum"),
        vec!["4所"]
    );
    // 一所 ending its clause counts; 一所学校 is an article, not a figure.
    assert_eq!(
        flagged(&text.replace("小学校4所", "小学校5所"), "numbers.sum"),
        vec!["5所"]
    );
    let article = doc("全乡现有小学校4所，其中新建一所学校，村级完小3所。");
    assert!(flagged(&article, "numbers.sum").is_empty());
}

#[test]
fn a_rate_named_after_a_verb_is_what_is_done_over_its_whole() {
    let text = doc("全村有道路34.7km（其中社道1.3km、入户路9.8km），已硬化3.1km，硬化率仅为8.9%；有山坪塘23口。");
    assert!(flagged(&text, "numbers.percent").is_empty());
    assert_eq!(
        flagged(&text.replace("8.9%", "11.9%"), "numbers.percent"),
        vec!["11.9%"]
    );
    // Near-miss: the figure before is not what was done (no 已), so no reading.
    let other = doc("全村有道路34.7km，新修3.1km，硬化率为50%。");
    assert!(flagged(&other, "numbers.percent").is_empty());
}

// ---- correct text read as written (false alarms seen on unseen texts) --------

#[test]
fn a_value_changed_from_is_no_part() {
    let text = doc("政府性基金预算由年初的80000万元调整为50000万元，其中：土地出让收入由年初预算的65000万元调整为35000万元，城市建设配套费10000万元、专项收入5000万元不作调整。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    let wrong = text.replace("城市建设配套费10000万元", "城市建设配套费12000万元");
    assert_eq!(flagged(&wrong, "numbers.sum"), vec!["50000万元"]);
}

#[test]
fn a_figure_after_a_rate_without_a_change_word_is_a_level() {
    // A separator is missing after 67.1%: 上级补助 is still a level, the total of the 其中 right after it.
    let text = doc("非税收入49406万元，增长67.1%上级补助405490万元，其中：返还性收入2275万元、一般性转移支付收入336747万元、专项转移支付收入66468万元。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    assert_eq!(
        flagged(&text.replace("2275万元", "2775万元"), "numbers.sum"),
        vec!["405490万元"]
    );
}

#[test]
fn a_large_count_made_exactly_by_its_first_parts_ends_its_list_there() {
    // 43 + 68 = 111; 60岁以上老人 is another grouping of the same households.
    let text = doc("c类人员家庭111户，占低保户的51%，其中：因病残家庭43户，一般家庭68户，60岁以上老人83户122人。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    // Near-miss: a small count may be made by its first parts by chance: the list goes on.
    let small = doc("全乡现有小学校4所，其中中心小学1所，村级完小3所，教学点1所。");
    assert_eq!(flagged(&small, "numbers.sum"), vec!["4所"]);
}

#[test]
fn two_tables_side_by_side_are_not_summed_as_one() {
    let cells = [
        "单位:万元",
        "收入",
        "执行数",
        "支出",
        "执行数",
        "总计",
        "846531",
        "总计",
        "846531",
        "一、本级收入",
        "167500",
        "一、本级支出",
        "701553",
        "税收",
        "83660",
        "二、转移性支出",
        "144978",
        "非税",
        "83840",
        "上解支出",
        "11336",
    ];
    let text = doc(&format!(
        "{}\n全县收支平衡。",
        cells.map(|c| format!("{c}\n")).concat()
    ));
    assert!(flagged(&text, "numbers.sum").is_empty(), "{text}");
}

#[test]
fn traditional_characters_are_read_as_simplified() {
    let rules = |text: &str| -> Vec<&'static str> {
        let report = report_checker::check(text, &report_checker::Options::default()).unwrap();
        report.diagnostics.iter().map(|d| d.rule).collect()
    };
    let text = "某縣2022年工作總結\n全縣共有各類學校312所。其中初中18所，高中4所，小學196所，幼兒園91所。全縣有267戶、30個村。\n";
    let found = rules(text);
    assert!(found.contains(&"numbers.sum"), "{found:?}");
    assert!(!found.contains(&"data.missing-unit"), "{found:?}");
    assert_eq!(
        report_checker::text::fold_traditional("30個村").len(),
        "30個村".len()
    );
}

#[test]
fn a_yield_per_unit_of_area_is_no_total_of_its_parts() {
    let text = doc("全国夏粮单位面积产量5628.0公斤/公顷（375.2公斤/亩），比上年增加106.0公斤/公顷。其中小麦单位面积产量5985.8公斤/公顷，增长1.9%。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    let d = report_checker::document::Document::parse(&text);
    let per = d
        .quantities
        .iter()
        .find(|q| d.slice(&q.span) == "5628.0公斤")
        .unwrap();
    assert!(!per.is_level());
}

#[test]
fn two_parts_after_qizhong_leave_room_for_the_rest() {
    // 7.37 + 0.84 = 8.21 of 8.44: offices and other buildings are not listed.
    let text = doc("全年房地产开发完成投资8.44亿元，增长5.1%。其中，住宅投资7.37亿元，增长6.0%，商业营业用房投资0.84亿元，下降3.2%。");
    assert!(flagged(&text, "numbers.sum").is_empty());
    // Within 2% they read as the whole list with a slip.
    assert_eq!(
        flagged(&text.replace("8.44亿元", "8.31亿元"), "numbers.sum"),
        vec!["8.31亿元"]
    );
}

#[test]
fn two_exact_counts_after_qizhong_short_of_their_total_are_a_slip() {
    let text = doc("目前我镇在册吸毒人员403人，其中社区戒毒(康复)人员共有104名，社会面人员289人。");
    assert_eq!(flagged(&text, "numbers.sum"), vec!["403人"]);
}

#[test]
fn nouns_that_end_or_begin_with_a_measure_word_lose_no_number() {
    let dropped = |t: &str| flagged(&doc(t), "data.dropped-number");
    // Counted in words, or a place named after what is done there.
    assert!(dropped(
        "帮扶单位投入30多万元，为东联村建起了一个规模化的养鸡场，每年带来租金收入3万元。"
    )
    .is_empty());
    assert!(dropped("开展专项行动，整治各类堆场、垃圾点位413处。").is_empty());
    // A visit home, and size classes of projects.
    assert!(dropped("要求教师们春节期间适时开展家访工作，全年走访学生120人。").is_empty());
    assert!(
        dropped("全年引进企业394家，其中亿元项目13个，超额完成亿元项目招引的年度目标任务。")
            .is_empty()
    );
    // Near-miss: an item of a list of figures that lost its number.
    assert_eq!(
        dropped("基础母羊45只、母猪头、脱温鸡苗1880只。"),
        vec!["头"]
    );
    assert_eq!(
        dropped("全年新设各类市场主体户，同比增长3.5%，共有各类市场主体3250户。"),
        vec!["户"]
    );
}

#[test]
fn an_average_yearly_rate_is_no_change_from_start_to_end() {
    let text = doc("实际利用外资由2012年的4500万美元增加到2.3亿美元，年均增长38%。");
    assert!(flagged(&text, "numbers.percent").is_empty());
    // Near-miss: the rate of the change itself is checked.
    let total = doc("实际利用外资由2012年的4500万美元增加到2.3亿美元，增长38%。");
    assert_eq!(flagged(&total, "numbers.percent"), vec!["38%"]);
}

// ---- conflicts: one quantity stated twice (numbers.conflict) -----------------

#[test]
fn a_table_pasted_one_cell_a_line_is_read_against_the_prose() {
    let text = doc("粮食总产达到61.84万吨，比上年增加0.45万吨，增长0.74%；粮食平均亩产455.39公斤，增长0.72%；粮食作物播种面积135.80万亩，增长0.02%。\n表1 主要农产品产量\n农产品名称 |\n总产量(万吨) |\n比上年±% |\n粮食 |\n61.84 |\n0.76 |\n油料 |\n0.69 |\n-3.3 |");
    // Only the rate of the row's own level; 亩产 and 播种面积 are other indicators.
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["0.76"]);
    assert!(flagged(&text.replace("0.76 |", "0.74 |"), "numbers.conflict").is_empty());
    // A column of units (亿元) between the label and the figures.
    let units = doc("全区地区生产总值91.3亿元，比上年增长7.5%。\n指标 |\n单位 |\n2021年 |\n比上年增长(%) |\n地区生产总值 |\n亿元 |\n91.3 |\n7.8 |\n第一产业 |\n亿元 |\n6.2 |\n6.9 |");
    assert_eq!(flagged(&units, "numbers.conflict"), vec!["7.8"]);
    assert!(flagged(&units.replace("7.8 |", "7.5 |"), "numbers.conflict").is_empty());
    // Lines of one cell that are no table: a list of names.
    let names = doc("参会单位 |\n县教育局 |\n县卫健局 |\n全县学校共312所，增长1.2%。");
    assert!(flagged(&names, "numbers.conflict").is_empty());
}

#[test]
fn a_sentence_opened_by_qizhong_shares_the_period_of_the_sentence_before() {
    let text = doc("前三季度，全区实现地区生产总值1291.92亿元，同比增长6.2%。其中，第一产业实现增加值72.61亿元，同比增长3.8%。\n一、农业\n前三季度全区实现第一产业增加值74.07亿元，同比增长3.8%。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["74.07亿元"]);
    assert!(flagged(&text.replace("74.07", "72.61"), "numbers.conflict").is_empty());
    // The 其中 of a half-year figure is not the full year's.
    let periods = doc("上半年，全区实现地区生产总值800亿元。其中，第一产业实现增加值40.2亿元。\n一、农业\n全年全区实现第一产业增加值72.61亿元。");
    assert!(flagged(&periods, "numbers.conflict").is_empty());
    let quarters = doc("一季度全区实现第一产业增加值20.5亿元。\n三季度全区实现第一产业增加值25.3亿元。\n前三季度全区实现第一产业增加值72.61亿元。");
    assert!(flagged(&quarters, "numbers.conflict").is_empty());
}

#[test]
fn a_figure_of_the_title_or_a_heading_restated_in_the_text_it_heads() {
    let text = "山东今年夏粮总产2347.3万吨实现“三增”\n今年山东夏粮种植面积5701.9万亩，比上年增加89.8万亩；单产每亩411.67公斤，增加8.17公斤；总产2394.26万吨，增加16.56亿斤。";
    assert_eq!(flagged(text, "numbers.conflict"), vec!["2394.26万吨"]);
    // The title rounds the body's figure.
    assert!(flagged(&text.replace("2394.26", "2347.31"), "numbers.conflict").is_empty());
    // Another crop's 总产: the rest of the title's name (夏) is not in its paragraph.
    let other = "全县夏粮总产25.3万吨\n一、秋粮\n秋粮播种面积35.2万亩，总产36.5万吨。\n二、夏粮\n夏粮总产25.3万吨。";
    assert!(flagged(other, "numbers.conflict").is_empty());
    // Another period is another quantity.
    let half = "某区新增就业1.2万人\n上半年城镇新增就业0.6万人，全年城镇新增就业1.2万人。";
    assert!(flagged(half, "numbers.conflict").is_empty());
    let heading = doc("一、粮食生产\n（一）全县粮食总产达到61.84万吨\n全县粮食播种面积135.8万亩，粮食总产61.48万吨。\n（二）经济作物\n油料总产0.69万吨。");
    assert_eq!(flagged(&heading, "numbers.conflict"), vec!["61.48万吨"]);
    // A heading's figure is sought in its own section only.
    let sections = doc("一、粮食生产\n（一）夏粮总产达到25.3万吨\n夏粮总产25.3万吨，增长1%。\n（二）秋粮总产稳定\n秋粮播种面积40万亩，夏粮总产的两倍以上，总产52.6万吨。");
    assert!(flagged(&sections, "numbers.conflict").is_empty());
}

#[test]
fn a_total_named_by_its_noun_restates_the_whole_stated_before() {
    let text = doc("社区辖6个居民小组，下设3个党支部，共有党员83名。\n社区党总支在原祥和党支部、诚信党支部2个党支部的基础上，新成立了阳光党支部，使社区党支部的总数达到5个。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["5个"]);
    assert!(flagged(&text.replace("达到5个", "达到3个"), "numbers.conflict").is_empty());
    // A total at the start of the year is another quantity; so is a part.
    let start = doc("年初共有8个党支部。\n今年新成立阳光党支部，党支部总数达到9个。");
    assert!(flagged(&start, "numbers.conflict").is_empty());
    let part = doc("今年新成立2个党支部。\n全街道党支部的总数达到9个。");
    assert!(flagged(&part, "numbers.conflict").is_empty());
    // The total of another noun.
    let other = doc("下设3个党支部，6个居民小组。\n全社区党员总数为83名，居民小组总数6个。");
    assert!(flagged(&other, "numbers.conflict").is_empty());
}

#[test]
fn a_target_stated_in_the_plan_and_again_in_the_result() {
    let text = doc("一、目标任务\n2021年促进就业计划目标为：城镇新增就业60万人以上，城镇登记失业率预期目标为5.0%以内。实际完成情况如下：\n（一）城镇新增就业65.3万人，完成目标任务的108.8%。\n（二）全省城镇登记失业率4.45%，低于6%的控制目标。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["6%"]);
    assert!(flagged(&text.replace("低于6%", "低于5%"), "numbers.conflict").is_empty());
    // Another indicator's target, another period's, another year's.
    let other =
        doc("城镇调查失业率预期目标为5.5%以内。\n全省城镇登记失业率4.45%，低于5%的控制目标。");
    assert!(flagged(&other, "numbers.conflict").is_empty());
    let half =
        doc("上半年城镇新增就业目标为30万人。\n全年城镇新增就业目标为60万人，实际完成65.3万人。");
    assert!(flagged(&half, "numbers.conflict").is_empty());
    let years = doc("2020年城镇新增就业目标为55万人。\n2021年城镇新增就业目标为60万人。");
    assert!(flagged(&years, "numbers.conflict").is_empty());
}

#[test]
fn a_quoted_short_name_counts_the_items_listed_before_it() {
    let text = doc("董事长提出了2024年“坚持目标绩效考核不动摇、坚持精细化管理不放松、坚持安全生产不懈怠、坚持开拓创新不停止”四个方面的工作重点，要求全体员工铆定“6个坚持”，用良好的业绩献礼。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["6个坚持"]);
    assert!(flagged(&text.replace("6个坚持", "4个坚持"), "numbers.conflict").is_empty());
    assert!(flagged(&text.replace("6个坚持", "四个坚持"), "numbers.conflict").is_empty());
    // Items listed in part, a name without items, items in another paragraph.
    let partial = doc("会议强调坚持目标考核、坚持精细管理等“四个坚持”。");
    assert!(flagged(&partial, "numbers.conflict").is_empty());
    let slogans = doc("增强“四个意识”，坚定“四个自信”，做到“两个维护”。");
    assert!(flagged(&slogans, "numbers.conflict").is_empty());
    let apart = doc("坚持目标考核、坚持精细管理。\n践行“三个坚持”，推动发展。");
    assert!(flagged(&apart, "numbers.conflict").is_empty());
    // The word also outside the list: which items are counted is not sure.
    let spread = doc("要坚持党的领导。坚持目标考核、坚持精细管理，践行“三个坚持”。");
    assert!(flagged(&spread, "numbers.conflict").is_empty());
}

#[test]
fn a_group_named_again_by_its_predicate_after_an_adverb() {
    let text = doc("全市30个重点项目中，16个项目全面达到序时进度要求，8个项目总体进展顺利，6个项目核心指标进度缓慢。\n进展顺利的9个项目主要集中在工业领域。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["9个"]);
    assert!(flagged(&text.replace("的9个", "的8个"), "numbers.conflict").is_empty());
    let longer = text.replace("进展顺利的9个", "其中总体进展顺利的9个");
    assert_eq!(flagged(&longer, "numbers.conflict"), vec!["9个"]);
    // Another predicate (不顺利), or one far after the noun, is another group.
    let other = text.replace("进展顺利的9个", "进展不顺利的3个");
    assert!(flagged(&other, "numbers.conflict").is_empty());
    let far = text.replace("进展顺利的9个", "进度缓慢的4个");
    assert!(flagged(&far, "numbers.conflict").is_empty());
}

#[test]
fn a_short_indicator_opening_its_sentence_is_compared_across_the_text() {
    let text =
        doc("一、培训\n全年举办培训班12期，培训农民860人次。\n二、总结\n全年共举办培训班13期。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["13期"]);
    assert!(flagged(&text.replace("13期", "12期"), "numbers.conflict").is_empty());
    let half = doc("一、培训\n上半年举办培训班6期。\n二、总结\n全年共举办培训班13期。");
    assert!(flagged(&half, "numbers.conflict").is_empty());
    // A figure inside a list is named by its item's label too: not compared
    // on a name this short.
    let items = doc("一、2015年脱贫情况\n全乡帮扶贫困户77户、299人。其中，甲村30户、133人；乙村28户、102人。\n二、2016年脱贫计划\n确保全乡脱贫167户、603人。其中，甲村62户、235人；乙村55户、200人。");
    assert!(flagged(&items, "numbers.conflict").is_empty());
}

#[test]
fn an_opening_word_set_off_by_a_comma_does_not_name_the_indicator() {
    let text = doc("一、就业\n全年城镇新增就业1.2万人，完成目标任务的120%。\n二、总结\n综上，全年城镇新增就业1.3万人，各项工作稳步推进。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["1.3万人"]);
    assert!(flagged(&text.replace("1.3万人", "1.2万人"), "numbers.conflict").is_empty());
    // A period set off the same way is still read.
    let half = text.replace("综上，", "上半年，");
    assert!(flagged(&half, "numbers.conflict").is_empty());
}

#[test]
fn gai_points_back_to_the_group_stated_before() {
    let text = doc("一、脱贫攻坚\n全乡共有建档立卡贫困户128户。\n二、帮扶\n乡党委为该130户贫困户逐户制定帮扶计划。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["130户"]);
    assert!(flagged(&text.replace("该130户", "该128户"), "numbers.conflict").is_empty());
    // 该村 is a village, not a back reference to a figure.
    let village =
        doc("一、脱贫攻坚\n全乡共有建档立卡贫困户128户。\n二、帮扶\n该村130户村民全部参加医保。");
    assert!(flagged(&village, "numbers.conflict").is_empty());
}

#[test]
fn figures_under_a_heading_of_plans_for_next_year_are_next_year_s() {
    let text = doc("一、培训\n全年举办培训班12期，培训农民860人次。城镇登记失业率控制目标为4.5%以内。\n二、2024年工作打算\n（一）加强培训\n举办培训班15期。城镇登记失业率控制目标为4%以内。\n三、其他\n全年共举办培训班13期。");
    // The plans stay silent; a figure after their section is compared again.
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["13期"]);
    assert!(flagged(&text.replace("13期", "12期"), "numbers.conflict").is_empty());
    let next_step = text.replace("2024年工作打算", "下一步工作思路");
    assert_eq!(flagged(&next_step, "numbers.conflict"), vec!["13期"]);
}

#[test]
fn the_title_s_figure_is_not_sought_in_the_plans_for_next_year() {
    let text = "2023年全镇新增就业1200人\n一、主要成绩\n全镇就业形势稳定。\n二、2024年工作打算\n全年新增就业1500人。";
    assert!(flagged(text, "numbers.conflict").is_empty());
    let this_year = "2023年全镇新增就业1200人\n一、主要成绩\n全年新增就业1500人。\n二、2024年工作打算\n全年新增就业1600人。";
    assert_eq!(flagged(this_year, "numbers.conflict"), vec!["1500人"]);
}

#[test]
fn a_row_of_a_table_restated_in_the_run_of_its_values() {
    let table = "\n表1 低保情况\n类别 | 户数(户) | 人数(人) | 金额(元) |\n城市 | 3000 | 4000 | 2000000 |\n农村 | 5151 | 6212 | 4552071 |\n合计 | 8151 | 10212 | 6552071 |";
    let text = doc(&format!(
        "全区共保障城乡低保对象8151户、10212人、6552073元。{table}"
    ));
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["6552073元"]);
    assert!(flagged(&text.replace("6552073元", "6552071元"), "numbers.conflict").is_empty());
    // Another sum of money after the row's counts is another quantity.
    let other = doc(&format!(
        "全区共保障城乡低保对象8151户、10212人，发放临时救助金120000元。{table}"
    ));
    assert!(flagged(&other, "numbers.conflict").is_empty());
    // One value alone does not say which row.
    let one = doc(&format!("今年新纳入低保3000户、4100人。{table}"));
    assert!(flagged(&one, "numbers.conflict").is_empty());
}

#[test]
fn a_heading_s_short_name_is_sought_in_full_under_it() {
    let text = doc("一、主要工作\n（一）完成造林1.2万亩\n全年完成造林1.3万亩，其中人工造林0.8万亩。\n（二）其他\n全年造林3.5万亩的规划已报批。");
    assert_eq!(flagged(&text, "numbers.conflict"), vec!["1.3万亩"]);
    assert!(flagged(&text.replace("1.3万亩", "1.2万亩"), "numbers.conflict").is_empty());
    // Another kind of planting, or another period, under the heading.
    let other = doc("一、主要工作\n（一）完成造林1.2万亩\n今年新造林0.3万亩，上半年造林0.5万亩。");
    assert!(flagged(&other, "numbers.conflict").is_empty());
}

#[test]
fn a_part_s_paragraph_counts_that_part_s_own_figures() {
    // The county's school floor area, then each level's: parts, not restatements.
    let text = doc("义务教育\n全县义务教育中小学30所。校舍总面积57.74万平方米，较上年增加0.56万平方米；仪器设备值17919.79万元。\n——小学。校数17所；在校生22250人。校舍总面积25.48万平方米；仪器设备值9010.34万元。\n——初中。校数13所；在校生11012人。校舍总面积32.26万平方米；仪器设备值8909.45万元。\n普通高中学校5所；在校生6747人。校舍总面积18.49万平方米；仪器设备值5001.56万元。");
    assert!(flagged(&text, "numbers.conflict").is_empty());
}

#[test]
fn siblings_and_thresholds_are_not_restatements() {
    let conflict = |t: &str| flagged(&doc(t), "numbers.conflict");
    // Deposits and loans; two halves of a split beside a figure of neither.
    assert!(conflict("年末金融机构人民币各项存款余额266.89亿元，增长11.98%；年末金融机构人民币各项贷款余额140.92亿元，增长18.76%。").is_empty());
    assert!(conflict("限额以上消费品零售额4.83亿元，下降5.4%。按经营地统计，城镇消费品零售额32.25亿元，乡村消费品零售额5.78亿元。").is_empty());
    // Categories told apart by a letter.
    assert!(
        conflict("a类人员家庭65户，占低保户的29.7%。b类人员家庭42户，占低保户的19.3%。").is_empty()
    );
    // 以上 after an amount is a threshold, not “the above”.
    assert!(conflict("全年共引进企业137家，其中注册资金千万元以上46家，亿元以上5家。").is_empty());
    // Parts after 其中 of two wholes: two populations.
    let two = "全市城镇居民人均消费性支出为11196元，增长28.5%，其中食品消费支出4352元，增长15.2%。农村居民人均生活消费性支出6300元，增长29.9%；其中食品消费支出2463元，增长27.7%。";
    assert!(conflict(two).is_empty());
    // Near-miss: the same whole restated, its part with another value.
    let restated = "全市城镇居民人均消费性支出为11196元，其中食品消费支出4352元。城镇居民人均消费性支出11196元；其中食品消费支出4362元。";
    assert_eq!(conflict(restated), vec!["4362元"]);
    // Age groups: 及以上 closes the last one.
    assert!(conflict("户籍人口164.96万人，其中18周岁以下30.25万人，18至34周岁40.24万人，35至59周岁62.47万人，60周岁及以上32.0万人。").is_empty());
    // Near-miss: 以上 pointing back still ties the figure to the ones before.
    assert_eq!(
        conflict("全镇确定重点项目12个，分别是…。以上13个项目均已开工。"),
        vec!["13个"]
    );
}

#[test]
fn change_frames_read_past_completions_sources_and_per_unit_suffixes() {
    let percent = |t: &str| flagged(&doc(t), "numbers.percent");
    // 从 of “from the bureau” in an earlier clause is no base.
    let source = "近日，从市财政局获悉，财政总收入完成21041万元，增长36.2%，同比增收5595万元。";
    assert!(percent(source).is_empty());
    assert_eq!(percent(&source.replace("36.2%", "43.5%")), vec!["43.5%"]);
    // A completion of the budget between the level and its change.
    let budget = "1-4月，一般公共预算收入累计完成24627万元，完成年初预算数60999万元的40.4%，比上年减收1070万元，下降4.2%。";
    assert!(percent(budget).is_empty());
    assert_eq!(percent(&budget.replace("4.2%", "1.2%")), vec!["1.2%"]);
    // A yield per hectare restated per mu in brackets.
    let yield_ = "全国夏粮单位面积产量5628.0公斤/公顷（375.2公斤/亩），比2023年增加135.4公斤/公顷（9.0公斤/亩），增长2.5%。";
    assert!(percent(yield_).is_empty());
    assert_eq!(percent(&yield_.replace("2.5%", "5.5%")), vec!["5.5%"]);
}

#[test]
fn a_table_s_own_outline_numbers_make_its_rows_parts_of_the_row_above() {
    let table = |retail: &str| {
        doc(&format!(
            "| 项 目 名 称 | 计算 单位 |\n3月 | 1-3月 累计 |\n累计比上年同期增长(%) | 结构(%) |\n| 一、社会消费品零售总额 | 万元 | 387581 | 1173850 | 2.0 | 100 |\n| 1、批发零售贸易业 | 万元 | {retail} | 1044727 | 0.6 | 89.00 |\n| 2、餐饮业 | 万元 | 14191 | 129123 | 14.7 | 11.00 |\n| 二、限额以上商业企业数 | 个 | - | 332 | ||\n| 1、批发零售企业 | 个 | - | 278 | ||\n| 2、住宿餐饮企业 | 个 | - | 54 | ||\n| 在总额中: | |||||\n| 食品饮料烟酒类 | 万元 | 61611 | 225428 | 29.2 | |\n"
        ))
    };
    // A header broken over three lines; 一、 over 1、 2、 in each column of levels.
    assert!(flagged(&table("373390"), "numbers.sum").is_empty());
    assert_eq!(flagged(&table("380860"), "numbers.sum"), vec!["387581"]);
}

#[test]
fn a_side_of_a_tally_taken_up_with_a_larger_numeral() {
    let conflict = |t: &str| flagged(&doc(t), "numbers.conflict");
    let text = "全年主要农作物产量呈“三增一减”态势。三增为稻谷产量12.4万吨，增长3.1%；小麦产量2.8万吨，增长2.2%；玉米产量35.2万吨，增长5.1%。一减为大豆产量1.3万吨，下降7.5%。";
    assert!(conflict(text).is_empty());
    assert_eq!(
        conflict(&text.replace("。一减为", "。二减为")),
        vec!["二减"]
    );
    assert_eq!(
        conflict(&text.replace("。三增为", "。四增为")),
        vec!["四增"]
    );
    // A smaller numeral may name one member: 一翼为…，另一翼为….
    let wings = "构建“一主两翼”发展格局，一主为县城，一翼为东部工业园，另一翼为西部农业区。";
    assert!(conflict(wings).is_empty());
    let ordinals = "打造“三纵三横”路网，一纵为兴业路，二纵为人民路，三纵为滨河路。";
    assert!(conflict(ordinals).is_empty());
    // Inside a word, a numeral and a side's word are no side taken up.
    let word = "呈现“两升一降”：第十二降为次要指标。";
    assert!(conflict(word).is_empty());
}

#[test]
fn a_tally_is_read_only_where_each_side_is_taken_up() {
    let conflict = |t: &str| flagged(&doc(t), "numbers.conflict");
    // 两村 names other villages than the side of “一村一品”.
    let text = "推进“一村一品”建设，培育特色种植。两村为省级试点。";
    assert!(conflict(text).is_empty());
}

#[test]
fn a_verb_of_having_after_a_part_opens_a_statement_of_its_own() {
    let sum = |t: &str| flagged(&doc(t), "numbers.sum");
    // 劳动力 overlaps 农业人口: 现有 states another figure of the whole.
    let text = "全乡辖5个行政村51个村民组，总户数3645户，总人口15244人，其中农业人口14321人，现有劳动力6811人，现有贫困户952户。";
    assert!(sum(text).is_empty(), "{:?}", sum(text));
    // Near-miss: parts that do add up to more than the total.
    let over = "全乡总人口15244人，其中农业人口14321人，非农业人口1123人。";
    assert_eq!(sum(over), vec!["15244人"]);
}

#[test]
fn a_unit_line_above_a_table_gives_its_levels_their_unit() {
    let prose = "2021年，全市实现地区生产总值567.9亿元，比上年增长6.8%。其中，第一产业增加值66.9亿元，增长5.5%。第二产业增加值166.1亿元，增长8.3%。";
    let table = "表1:地区生产总值及增速\n单位:亿元\n指 标 |\n2021年 |\n比上年增减(±%) |\n地区生产总值 |\n567.9 |\n6.8 |\n第一产业 |\n66.9 |\n5.5 |\n第二产业 |\n166.1 |\n8.3 |";
    let text = doc(&format!("{prose}\n{table}"));
    assert!(
        flagged(&text, "numbers.conflict").is_empty(),
        "{:?}",
        flagged(&text, "numbers.conflict")
    );
    // The cell of a level, and of a rate under (±%), each against the prose.
    let level = text.replace("166.1 |", "167.1 |");
    assert_eq!(flagged(&level, "numbers.conflict"), vec!["167.1"]);
    let rate = text.replace("8.3 |", "8.8 |");
    assert_eq!(flagged(&rate, "numbers.conflict"), vec!["8.8"]);
    // Near-miss: 增加值 against a table not of the economy's output says nothing.
    let other = text.replace("表1:地区生产总值及增速", "表1:主要工业产品产量");
    let other = other.replace("166.1 |", "167.1 |");
    assert!(
        flagged(&other, "numbers.conflict").is_empty(),
        "{:?}",
        flagged(&other, "numbers.conflict")
    );
}

#[test]
fn a_table_set_out_with_blanks_is_read_against_the_prose() {
    let prose = "全年粮食总产量21774吨，增长0.99%。全年水产品产量3274吨，增长2.3%。分类别看，衣着类上涨2.8%，交通和通信类上涨4.6%，教育文化和娱乐类上涨1.5%。";
    let table = "表2主要农产品产量及其增长速度\n单位:吨\n产品名称 产量 比上年增长%\n粮食 21774 0.99\n其中:稻谷 19179 1.02\n水产品 3274 2.3\n表3 居民消费价格\n项  目 价格指数 比上年±%\n居民消费价格总指数 101.2 1.2\n  # 衣着 102.8 2.8\n    交通和通信 104.6 4.6";
    let text = doc(&format!("{prose}\n{table}"));
    // 1.5% is 教育文化和娱乐's, not the 交通和通信 named before it.
    assert!(
        flagged(&text, "numbers.conflict").is_empty(),
        "{:?}",
        flagged(&text, "numbers.conflict")
    );
    assert_eq!(
        flagged(
            &text.replace("水产品 3274", "水产品 3294"),
            "numbers.conflict"
        ),
        vec!["3294"]
    );
    assert_eq!(
        flagged(
            &text.replace("粮食 21774 0.99", "粮食 21774 1.09"),
            "numbers.conflict"
        ),
        vec!["1.09"]
    );
    // A price's rise (上涨) is its change, as 增长 is.
    assert_eq!(
        flagged(
            &text.replace("衣着 102.8 2.8", "衣着 102.8 3.2"),
            "numbers.conflict"
        ),
        vec!["3.2"]
    );
    // Near-miss: a line of words with blanks is no table.
    let words = doc("全年粮食总产量21774吨。\n主要 工作 成效\n粮食 丰收 在望");
    assert!(flagged(&words, "numbers.conflict").is_empty());
}

#[test]
fn a_figure_restated_for_the_months_of_the_report_is_one_quantity() {
    // The body names the half year only; 1-6月份 is that half year.
    let text = "市民政局通报上半年困难群众基本生活保障工作情况。\n上半年，全市共发放社会救助资金4.05亿元。城乡特困对象10155人，发放资金6572万元；临时救助7847人次，发放资金1388.47万元。\n受疫情影响，全市加大救助力度。\n1-6月份，临时救助7847人次，发放资金1398.47万元，有效保障了困难群众基本生活。\n";
    assert_eq!(flagged(text, "numbers.conflict"), vec!["1398.47万元"]);
    assert!(flagged(&text.replace("1398.47", "1388.47"), "numbers.conflict").is_empty());
    // Near-miss: another span of months is another quantity.
    let months = text.replace("1-6月份，", "1-5月份，");
    assert!(flagged(&months, "numbers.conflict").is_empty());
}

#[test]
fn a_group_taken_up_again_is_not_its_part_of_one_status() {
    let text = doc("全镇现有建档立卡贫困户1091户、计3125人。\n上半年，全镇建档立卡未脱贫贫困户767户、计2183人。\n建档立卡1091户中因病致贫的有503户。");
    assert!(
        flagged(&text, "numbers.conflict").is_empty(),
        "{:?}",
        flagged(&text, "numbers.conflict")
    );
    let moved = text.replace("贫困户1091户", "贫困户1093户");
    assert_eq!(flagged(&moved, "numbers.conflict"), vec!["1091户"]);
}

#[test]
fn rates_and_members_of_other_groups_are_no_restatements() {
    let conflict = |t: &str| flagged(&doc(t), "numbers.conflict");
    // A two-year average with no subject of its own names nothing.
    let averages = "规模以上工业增加值同比增长2.4%；两年平均增长4.9%。\n全国服务业生产指数同比增长5.5%；两年平均增长4.8%。";
    assert!(conflict(averages).is_empty(), "{:?}", conflict(averages));
    // Rates of two levels (47 and 31微克/立方米): two regions.
    let regions = "京津冀城市平均优良天数比例为61.0%；PM2.5浓度为47微克/立方米，同比下降4.1%。北京市优良天数比例为77.9%；PM2.5浓度为31微克/立方米，同比下降24.4%。";
    assert!(conflict(regions).is_empty(), "{:?}", conflict(regions));
    // Near-miss: one rate of one level restated with another value.
    let restated = "城镇登记失业率为4.1%，与一季度末持平。\n今年以来，城镇登记失业率为4.2%。";
    assert_eq!(conflict(restated), vec!["4.2%"]);
    // A superlative singles out one member of the group.
    let member = "其中，9个项目日前举行了集中签约仪式，计划总投资36.8亿元。下港片区棚户区改造建设项目投资额最大，计划总投资23.3亿元。";
    assert!(conflict(member).is_empty(), "{:?}", conflict(member));
    // Each table's note under its caption counts that table's subject.
    let captions = "表二：瑶海区各街道工作进度表\n（13个镇街园，已拆除2368175平方米）\n表三：庐阳区各街道工作进度表\n（12个镇街园，已拆除2302381平方米）";
    assert!(conflict(captions).is_empty(), "{:?}", conflict(captions));
}

#[test]
fn a_kind_of_a_row_is_not_the_row_and_overlapping_rates_are_no_parts() {
    let text = doc("全年水产品产量2.25万吨。其中，养殖水产品产量1.99万吨；捕捞水产品产量990吨。\n表1 主要农产品产量\n产品名称 | 产量(吨) |\n猪肉 | 13400 |\n水产品 | 22540 |");
    assert!(
        flagged(&text, "numbers.conflict").is_empty(),
        "{:?}",
        flagged(&text, "numbers.conflict")
    );
    assert_eq!(
        flagged(
            &text.replace("水产品 | 22540", "水产品 | 22940"),
            "numbers.conflict"
        ),
        vec!["22940"]
    );
    // The covered and the fully vaccinated overlap: both pass half the whole.
    let rates = doc("覆盖人数和全程接种人数分别占全国总人口的91.3%、88.85%。");
    assert!(flagged(&rates, "numbers.percent").is_empty());
    // Near-miss: two parts of a whole, one past half, adding up to more than it.
    let parts = doc("城镇人口和乡村人口分别占全县总人口的58.2%、47.8%。");
    assert_eq!(flagged(&parts, "numbers.percent"), vec!["58.2%、47.8%"]);
}

#[test]
fn a_figure_of_yi_and_wan_is_one_figure() {
    let sum = |t: &str| flagged(&doc(t), "numbers.sum");
    let text = "全国接种人数共7亿6289.7万人，其中甲地5亿1000.0万人，乙地2亿5289.7万人。";
    assert!(sum(text).is_empty(), "{:?}", sum(text));
    assert_eq!(
        sum(&text.replace("2亿5289.7万人", "2亿5299.7万人")),
        vec!["7亿6289.7万人"]
    );
}

#[test]
fn an_estimate_restated_is_compared_with_the_same_estimate_only() {
    let conflict = |t: &str| flagged(&doc(t), "numbers.conflict");
    let text = "截至9月15日，全国累计报告接种新冠疫苗超过21.6亿剂次，完成全程接种超过10亿人。\n截至9月15日，全国累计报告接种新冠疫苗超过21.8亿剂次，完成全程接种超过10亿人。";
    assert_eq!(conflict(text), vec!["21.8亿剂次"]);
    assert!(conflict(&text.replace("21.8", "21.6")).is_empty());
    // Near-misses: an estimate against an exact figure, or against another kind of estimate.
    let exact = "截至9月15日，全国累计报告接种新冠疫苗超过21.6亿剂次。\n截至9月15日，全国累计报告接种新冠疫苗21.8亿剂次。";
    assert!(conflict(exact).is_empty(), "{:?}", conflict(exact));
    let other = "全年接待游客约510万人次。\n全年接待游客520万人次以上。";
    assert!(conflict(other).is_empty(), "{:?}", conflict(other));
}

#[test]
fn a_comparison_with_a_target_between_a_figure_and_its_rate_is_passed_over() {
    let percent = |t: &str| flagged(&doc(t), "numbers.percent");
    // 103 over 57 is 80.7%; 71 and 32 compare it with the county's target.
    let text = "今年高考上前三批A线以上103人，比县目标71人超出32人，前三A超标率45.1%，比去年57人增长80.7%，上大专线以上243人。";
    assert!(percent(text).is_empty(), "{:?}", percent(text));
    assert_eq!(percent(&text.replace("80.7%", "85.7%")), vec!["85.7%"]);
    // Near-miss: 比…超收 states the excess, not the base.
    let excess = "全镇共完成国税3095万元，比年初下达的指标超收2660万元，增幅达260%。";
    assert!(percent(excess).is_empty(), "{:?}", percent(excess));
}
