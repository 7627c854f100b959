//! `numbers.count`: the forms in which a stated count and its items come
//! together, each with the problem and the near-misses that must stay
//! silent. Texts are of the kind of `tests/corpus`, rewritten.

mod common;
use common::flagged;

fn doc(body: &str) -> String {
    format!("某镇2022年工作总结\n{body}\n")
}

fn count(body: &str) -> Vec<String> {
    flagged(&doc(body), "numbers.count")
}

#[test]
fn he_before_the_last_item_closes_a_list_even_with_deng() {
    let text = "组建守望先锋队、应急消防队、市容环境督查队和党员志愿服务队等5支骨干队伍。";
    assert_eq!(count(text), vec!["5支"]);
    assert!(count(&text.replace("5支", "4支")).is_empty());
    // Without a conjunction, 等 says "and others".
    assert!(count("组建守望先锋队、应急消防队等5支骨干队伍。").is_empty());
    // 祥和 is one name, not 祥 and 小区.
    assert!(count("改造祥和小区、甲小区、乙小区等5个小区。").is_empty());
}

#[test]
fn a_quoted_count_and_a_full_stop_introduce_the_run_ins() {
    let text = "带领党员学党史，做到“四个主动”。一是主动学思，不忘初心。二是主动创新，以歌叙史。三是主动作为，精准发力。\n整顿软弱涣散。";
    assert_eq!(count(text), vec!["四个"]);
    assert!(count(&text.replace("四个", "三个")).is_empty());
}

#[test]
fn the_following_n_counts_its_run_ins_whatever_the_measure_word() {
    // (A list in the last paragraph may run on past a cut: a paragraph follows.)
    let text = "社区党总支主要做了以下4各方面的工作：一是开展活动；二是开展创评；三是建设服务站。\n二、下一步打算";
    assert_eq!(count(text), vec!["4"]);
    assert!(count(&text.replace("以下4", "以下3")).is_empty());
    // A count of meetings is not the list's.
    assert!(count("召开3次会议。一是研究部署工作。二是听取汇报。").is_empty());
}

#[test]
fn a_place_noun_after_a_bare_number_counts_the_places_before_it() {
    let text = "其中铜川、咸阳、延安2市的县域增速较快。";
    assert_eq!(count(text), vec!["2市"]);
    assert!(count(&text.replace("2市", "3市")).is_empty());
    // 市场 is no place.
    assert!(count("培育甲公司、乙公司2市场主体。").is_empty());
}

#[test]
fn n_da_counts_the_names_before_it_however_long() {
    let text = "有效实施“扬尘专项治理,全城大扫除”、VOCs治理复季攻坚、秸秆禁烧、秋冬季大气污染防治三大行动。";
    assert_eq!(count(text), vec!["三大"]);
    assert!(count(&text.replace("三大", "四大")).is_empty());
    let brands = "打造李台社区“居民议事厅”、刘园社区“三社联动”、清水河社区老年人志愿服务公益协会四大党建品牌。";
    assert_eq!(count(brands), vec!["四大"]);
    assert!(count(&brands.replace("四大", "三大")).is_empty());
}

#[test]
fn a_list_broken_across_lines_is_read_whole() {
    let text = "主要建设研发基地、试验中心基地、生产组装基地、认\n证基地、服务中心四大基地。";
    assert_eq!(count(text), vec!["四大"]);
    assert!(count(&text.replace("四大", "五大")).is_empty());
    let between =
        "主要建设研发基地、试验中心基地、生产组装基地、认证基地、\n服务中心、展示中心五大基地。";
    assert_eq!(count(between), vec!["五大"]);
    assert!(count(&between.replace("五大", "六大")).is_empty());
}

#[test]
fn a_clause_of_a_noun_and_its_count_then_a_clause_of_names() {
    let text = "全乡现有小学4所，其中中心小学一所，村级完小2所，甘洛、斗牌和观岩小学。";
    assert_eq!(count(text), vec!["2所"]);
    assert!(count(&text.replace("完小2所", "完小3所")).is_empty());
    // Names with a predicate say what some of them did.
    assert!(count("建成示范村5个，甲村、乙村已投用。").is_empty());
    assert!(count("新建村卫生室5个，甲村、乙村获评先进。").is_empty());
}

#[test]
fn bare_numbers_sharing_a_unit_are_the_items_of_the_count_after_them() {
    let text = "连续越过800、900、1000、1100亿斤三个台阶。";
    assert_eq!(count(text), vec!["三个"]);
    assert!(count(&text.replace("三个", "四个")).is_empty());
}

#[test]
fn clauses_opening_with_one_measure_word_each_after_a_colon() {
    let text = "学校分为四块：一块是幼儿园，一块是五、六年级，一块是一至四年级，尽管看似形散，但神是一体的。";
    assert_eq!(count(text), vec!["四块"]);
    assert!(count(&text.replace("四块", "三块")).is_empty());
    assert!(count("学校分为两块：一块是幼儿园，另一块是小学，两块相距较远。").is_empty());
    assert!(count("对象分为三类：一类是脱贫户，二类是边缘户，三类是困难户。").is_empty());
    assert_eq!(
        count("对象分为四类：一类是脱贫户，二类是边缘户，三类是困难户。"),
        vec!["四类"]
    );
}

#[test]
fn items_set_apart_by_semicolons_after_a_count_and_a_colon() {
    let text = "本镇主要有四个特点：交通便利；基础薄弱；发展居中。";
    assert_eq!(count(text), vec!["四个"]);
    assert!(count(&text.replace("四个", "三个")).is_empty());
    let phrase = "他说：“三增为水稻产量412.4亿斤，增11.8%；小麦产量20.8亿斤，增12.2%；玉米产量535.2亿斤，增15.1%；其他粮食作物产量37.5亿斤，增12.4%。”";
    assert_eq!(count(phrase), vec!["三"]);
    assert!(count(&phrase.replace("三增", "四增")).is_empty());
    // Numbered members are counted as members, not as parts.
    assert!(count("主要做了三项工作：一是抓党建；二是抓产业；三是抓民生。").is_empty());
}

#[test]
fn fenbieshi_after_a_clause_about_the_count_introduces_its_items() {
    let text = "上半年，3项指标符合时间节点要求，预计能够完成年度目标任务，分别是：空气质量优良天数和节能减排降碳任务。";
    assert_eq!(count(text), vec!["3项"]);
    assert!(count(&text.replace("3项", "2项")).is_empty());
    // 分别 of another subject is about that subject.
    assert!(count("新建3个村卫生室，负责人分别是张三和李四。").is_empty());
}

#[test]
fn a_count_of_kinds_and_the_bracket_that_breaks_it_down() {
    let text =
        "全市“四类对象”监测总数为100户(脱贫不稳定户50户、边缘易致贫户30户、突发严重困难户20户)。";
    assert_eq!(count(text), vec!["四类"]);
    assert!(count(&text.replace("四类", "三类")).is_empty());
    // 其中 names some kinds only.
    assert!(count("全市3类企业共有100家(其中国有企业50家、民营企业30家)。").is_empty());
}

#[test]
fn a_quoted_abbreviation_counts_the_items_sharing_its_character() {
    let text = "探索“三务融合”试点，制定党务、政务、服务、法务“四张清单”。";
    assert_eq!(count(text), vec!["三"]);
    assert!(count(&text.replace("三务", "四务")).is_empty());
    let lead = "全省夏粮生产面积、单产、总产实现“四增”。";
    assert_eq!(count(lead), vec!["四"]);
    assert!(count(&lead.replace("四增", "三增")).is_empty());
}

#[test]
fn a_count_in_a_heading_counts_the_run_ins_under_it() {
    let text = "(二)抓实“三区创建”，打造示范样板\n一是示范区创建。今年完成建设。\n二是景区创建。顺利通过评审。\n(三)守牢底线\n一是抓安全。二是抓稳定。三是抓信访。";
    assert_eq!(count(text), vec!["三"]);
    assert!(count(&text.replace("三区", "两区")).is_empty());
    // A figure in a heading may be followed by the measures taken.
    let measures = "(一)全年新建3个村级服务中心\n一是加强领导。二是筹措资金。三是狠抓进度。四是严格验收。\n(二)其他工作";
    assert!(count(measures).is_empty());
    // Run-ins with no count before them count nothing.
    assert!(count("(三)守牢底线\n一是抓安全。二是抓稳定。三是抓信访。").is_empty());
}

#[test]
fn a_phrase_or_quoted_count_then_a_colon_then_the_list() {
    let works = "重点推进三大工程：道路硬化工程、安全饮水工程、危房改造工程、亮化工程。";
    assert_eq!(count(works), vec!["三大"]);
    assert!(count(&works.replace("三大", "四大")).is_empty());
    let quoted = "坚持“三个到位”：即思想到位、措施到位、责任到位、落实到位。";
    assert_eq!(count(quoted), vec!["三个"]);
    assert!(count(&quoted.replace("三个", "四个")).is_empty());
    // A list cut by a comma may be the first clause's objects only; 等 is open.
    assert!(count("明确三大任务：抓好产业发展、生态保护，推进乡村治理。").is_empty());
    assert!(count("推进三大工程：道路硬化工程、安全饮水工程等。").is_empty());
}

#[test]
fn a_count_glued_to_the_figure_before_it_is_a_count_of_its_own() {
    // Text taken from a table: 增长5.2% and 3项 run together, and 人均 / 增长
    // belong to 5.2%, not to 3项.
    let text = "人均可支配收入增长5.2%3项指标符合时间节点要求，预计能够完成，分别是：空气质量优良天数和节能减排降碳任务。";
    assert_eq!(count(text), vec!["3项"]);
    assert!(count(&text.replace("5.2%3项", "5.2%2项")).is_empty());
    // A count after its own role word is a change, not a list's length.
    assert!(count("项目数比上年增加3项，分别是道路建设和桥梁改造。").is_empty());
    // 2022年 is a date, and 增加 belongs to the count.
    assert!(count("2022年增加3项，分别是道路建设和桥梁改造。").is_empty());
}

#[test]
fn yi_after_the_last_of_names_sharing_their_ending_closes_the_list() {
    let text = "全年脱贫324户、942人，出列村三铺村、塔桥村一个。";
    assert_eq!(count(text), vec!["一个"]);
    assert!(count(&text.replace("一个", "两个")).is_empty());
    assert_eq!(count("出列村三铺村、塔桥村一个贫困村。"), vec!["一个"]);
    // 一 as "a", "each", or in 一个都不能少 counts nothing.
    assert!(count("甲村、乙村一个都不能少。").is_empty());
    assert!(count("从甲村、乙村中选一个作试点。").is_empty());
    assert!(count("甲社区、乙社区各一个。").is_empty());
    assert!(count("新建道路2条、桥梁一座。").is_empty());
    assert!(count("加强甲村、乙村一个月的巡查。").is_empty());
}

#[test]
fn a_count_with_blanks_around_its_number_and_a_total_after_its_list() {
    // Text taken from a PDF: blanks around the numbers.
    let text = "现有教学班 7 个(一年级 48 人、二年级 42人、三年级 45人、四年级 50人、五年级 57人、六年级 57人, 合计 299 人)。";
    assert_eq!(count(text), vec!["7 个"]);
    assert!(count(&text.replace("7 个", "6 个")).is_empty());
    // A total after the list closes it: listing fewer is a mismatch.
    assert_eq!(
        count("设立服务站 4 个（甲站、乙站、丙站，共计 12 人）。"),
        vec!["4 个"]
    );
    // A comma may continue the list with more names.
    assert!(count("设立服务站4个（甲站、乙站，丙站及丁站）。").is_empty());
    // 个月 is a time, 第 3 个 an ordinal.
    assert!(count("建设周期 6 个月（土建、安装、调试）。").is_empty());
    assert!(count("建设周期6个月（土建、安装、调试），每天3个小时（上午、下午）。").is_empty());
    assert!(count("这是第 3 个（甲站、乙站）。").is_empty());
}

#[test]
fn names_each_followed_by_its_figure_run_together_after_fenbieshi() {
    // Text taken from a table: the items run together, each ended by its figure.
    let text = "1-6月，3项指标符合预期，分别是：固定资产投资增长12%预计进出口总额预计增长10%6项指标不达预期，分别是：地区生产总值增长4.4%工业增加值增长3.5%社会消费品零售总额增长0.5%一般公共预算收入增长-19%区级税收增长-36.8%全体居民人均可支配收入增长5.2%。";
    assert_eq!(count(text), vec!["3项"]);
    assert!(count(&text.replace("3项", "2项")).is_empty());
    assert_eq!(
        count(&text.replace("3项", "2项").replace("6项", "5项")),
        vec!["5项"]
    );
    // Items set apart by marks are read as a list, not as a run.
    assert!(
        count("共3项，分别是：地区生产总值增长4.4%，工业增加值增长3.5%，其余持平。").is_empty()
    );
    // Words after the last figure: no run of items.
    assert!(count("3项指标，分别是：地区生产总值增长4.4%工业增加值增长3.5%均高于全省").is_empty());
}

#[test]
fn one_name_in_brackets_where_the_sentence_names_the_items_of_its_counts() {
    let text = "正在培育的规上工业企业3家(森财木业、睿新鹏电子、华邦置业)，重点服务业企业2家(新宗华机动车驾驶员培训学校)。";
    assert_eq!(count(text), vec!["2家"]);
    assert!(count(&text.replace("2家", "1家")).is_empty());
    // With no other bracket of names, one name may be an example or a note.
    assert!(count("重点服务业企业2家(新宗华机动车驾驶员培训学校)。").is_empty());
    // A note in the bracket says something of the items, names none.
    assert!(count("规上企业2家(森财木业、睿新鹏电子)，服务业企业3家(均已投产)。").is_empty());
    assert!(count("规上企业2家(森财木业、睿新鹏电子)，服务业企业3家(其中新宗华学校)。").is_empty());
}

#[test]
fn a_list_at_the_end_of_a_cut_text_is_whole_when_its_last_member_runs_long() {
    // The text is cut in the third member; a fourth would have begun before.
    let long = "三是勤于锻炼，积累经验。为尽快熟悉农村基层工作，我积极参与乡党委、政府开展的各项中心工作，主动深入到农村改革发展最前沿开展工作，主动深入到矛盾纠纷较为集中的林权制度改革中去，通过两个多月的潜心调研，制定了村三年发展规划，并聘请县建设局进行了总体";
    let text = format!(
        "我坚持做到“四勤”：一是勤于学习，增进沟通。二是勤于调研，熟悉村情，形成调研报告。{long}"
    );
    assert_eq!(count(&text), vec!["四"]);
    assert!(count(&text.replace("四勤", "三勤")).is_empty());
    // Cut in a member no longer than the others: the list may run on.
    let short = "我坚持做到“四勤”：一是勤于学习，增进沟通。二是勤于调研，熟悉村情，形成调研报告。三是勤于锻炼，积累经验。为尽快熟悉";
    assert!(count(short).is_empty());
}

#[test]
fn a_colon_after_the_intro_word_or_right_after_the_count_opens_the_list() {
    let fenbie = "建成3个示范点，分别是：甲村、乙村、丙村、丁村。";
    assert_eq!(count(fenbie), vec!["3个"]);
    assert!(count(&fenbie.replace("3个", "4个")).is_empty());
    let baokuo = "建成3个示范点，包括：甲村、乙村、丙村、丁村。";
    assert_eq!(count(baokuo), vec!["3个"]);
    assert!(count(&baokuo.replace("3个", "4个")).is_empty());
    // The noun before the count, the colon right after it.
    let after = "建成示范点3个：甲村、乙村、丙村、丁村。";
    assert_eq!(count(after), vec!["3个"]);
    assert!(count(&after.replace("3个", "4个")).is_empty());
    // A list that goes on past a comma, and 其中 (some of them), stay silent.
    assert!(count("建成示范点4个：甲村、乙村，丙村及丁村。").is_empty());
    assert!(count("建成3个示范点，其中：甲村、乙村已投用。").is_empty());
}

#[test]
fn a_phrase_or_quoted_count_then_a_comma_and_an_intro_word() {
    let works = "重点实施了四大工程，即道路工程、水利工程、电力工程。";
    assert_eq!(count(works), vec!["四大"]);
    assert!(count(&works.replace("四大", "三大")).is_empty());
    let quoted = "实现“四个全覆盖”，即党组织全覆盖、阵地全覆盖、服务全覆盖。";
    assert_eq!(count(quoted), vec!["四"]);
    assert!(count(&quoted.replace("四个", "三个")).is_empty());
    // A clause after the comma that is no list of the phrase's items.
    assert!(count("实施四大工程，道路工程、水利工程已完工。").is_empty());
    assert!(count("实施四大工程，即道路、水利等工程，成效明显。").is_empty());
}

#[test]
fn items_set_apart_by_semicolons_in_the_bracket_after_a_count_and_its_noun() {
    let text = "完成3个投资额在500万元以上的项目（甲化工有限公司计划投资1400万元；乙化工有限公司计划投资1400万元）。";
    assert_eq!(count(text), vec!["3个"]);
    assert!(count(&text.replace("3个", "2个")).is_empty());
    assert_eq!(
        count("扶持了3家合作社（甲合作社；乙合作社）。"),
        vec!["3家"]
    );
    // The bracket names what the noun after 的 is about, not the count.
    assert!(count("完善了3个村的道路（甲路；乙路）。").is_empty());
    // Some of them, or a note.
    assert!(count("完成3个项目（其中甲项目已投产；乙项目在建）。").is_empty());
    assert!(count("完成3个项目（详见附件1；附件2）。").is_empty());
}

#[test]
fn a_quoted_first_item_is_read_by_its_quoted_name() {
    let text = "开展“两学一做”、“三会一课”、“主题党日”两项活动。";
    assert_eq!(count(text), vec!["两项"]);
    assert!(count(&text.replace("两项", "三项")).is_empty());
    let deng = "落实“三会一课”、主题党日、组织生活会等2项制度。";
    assert_eq!(count(deng), vec!["2项"]);
    assert!(count(&deng.replace("2项", "5项")).is_empty());
}

#[test]
fn a_han_numeral_and_the_place_noun_the_names_end_with() {
    let text = "甲村、乙村、丙村两村联建，共享产业园。";
    assert_eq!(count(text), vec!["两村"]);
    assert!(count(&text.replace("两村", "三村")).is_empty());
    assert_eq!(count("在甲乡、乙乡、丙乡两乡开展试点。"), vec!["两乡"]);
    // Slogans and words that are no places.
    assert!(count("推进甲村、乙村一村一品建设。").is_empty());
    assert!(count("甲村、乙村、丙村两村民小组合并。").is_empty());
    // The names do not end with the place noun.
    assert!(count("甲社区、乙社区两村联建。").is_empty());
}

#[test]
fn a_count_right_after_a_bracket_of_names_ending_its_clause() {
    let text = "新建文化广场（甲村、乙村、丙村）2个，配套健身器材。";
    assert_eq!(count(text), vec!["2个"]);
    assert!(count(&text.replace("2个", "3个")).is_empty());
    // A noun after the count: it counts something else than the names.
    assert!(count("完成甲村（一组、二组、三组）2个项目。").is_empty());
}

#[test]
fn a_han_numeral_before_dian_or_fangmian_counts_the_members_after_it() {
    let points = "主要有三点体会：第一，坚持党的领导。第二，坚持以人民为中心。\n二、下一步打算";
    assert_eq!(count(points), vec!["三点"]);
    assert!(count(&points.replace("三点", "两点")).is_empty());
    let aspects = "重点做好以下两方面工作：①加强党建；②发展产业；③改善民生。";
    assert_eq!(count(aspects), vec!["两方面"]);
    assert!(count(&aspects.replace("两方面", "三方面")).is_empty());
    // 三点钟 tells the time; 两方面 with no members after it counts nothing.
    assert!(count("下午三点钟：一是开会；二是座谈；三是调研；四是总结。").is_empty());
    assert!(count("资金和人才两方面不足，影响了进度。").is_empty());
}

#[test]
fn a_total_after_the_comma_below_the_names_listed() {
    let text = "涉及甲村、乙村、丙村，合计2个村。";
    assert_eq!(count(text), vec!["2个"]);
    assert!(count(&text.replace("2个", "3个")).is_empty());
    // A total may take in items named before: above the list is no mismatch.
    assert!(count("新增甲社区、乙社区、丙社区，总计12个社区。").is_empty());
    // 共 before a verb totals something else; parts with figures are a sum.
    assert!(count("走访了甲企业、乙企业、丙企业，共解决问题2个。").is_empty());
    assert!(count("新建道路2条、桥梁3座、涵洞1处，共2处。").is_empty());
}

#[test]
fn a_short_note_in_brackets_is_part_of_the_count_s_noun() {
    let text = "全镇4个村（社区）：甲村、乙村、丙社区。";
    assert_eq!(count(text), vec!["4个"]);
    assert!(count(&text.replace("4个", "3个")).is_empty());
    // A long bracket is no note of the noun.
    assert!(count("全镇4个村（其中两个为易地搬迁安置点）：甲村、乙村、丙社区。").is_empty());
}

#[test]
fn names_set_apart_by_commas_after_a_count_and_a_colon() {
    let text = "建成3个示范点：甲村，乙村，丙村，丁村。";
    assert_eq!(count(text), vec!["3个"]);
    assert!(count(&text.replace("3个", "4个")).is_empty());
    assert_eq!(count("实施三大工程：道路工程,水利工程。"), vec!["三大"]);
    // Clauses that say something name nothing; names of unlike endings may
    // be phrases of a sentence.
    assert!(count("做好三项工作：抓紧落实，确保完成。").is_empty());
    assert!(count("有两个特点：交通便利，基础薄弱，发展居中。").is_empty());
    assert!(count("建成3个示范点：甲村，乙村已投用。").is_empty());
}

#[test]
fn the_intro_word_right_after_the_count_s_noun() {
    let text = "建成的3个示范点分别是甲村、乙村、丙村、丁村。";
    assert_eq!(count(text), vec!["3个"]);
    assert!(count(&text.replace("3个", "4个")).is_empty());
    assert_eq!(count("3个示范点包括甲村、乙村、丙村、丁村。"), vec!["3个"]);
    // 即 and 为 begin other words (即将, 为民): no intro without a mark.
    assert!(count("3个示范点即将建成、投用。").is_empty());
    assert!(count("3个示范点为民办实事、解难题。").is_empty());
    assert!(count("3个示范点包括甲村、乙村等。").is_empty());
}

#[test]
fn a_bracket_of_single_characters_names_kinds_not_members() {
    let text = "某省2024年夏粮生产情况\n根据对全国25个夏粮生产省（区、市）的调查，全国夏粮播种面积稳中有增。\n";
    assert!(flagged(text, "numbers.count").is_empty());
    // Near-miss: names of members in the bracket are counted.
    let names = "某县2022年工作总结\n建成3个示范村（甲村、乙村），带动周边发展。\n";
    assert_eq!(flagged(names, "numbers.count"), vec!["3个"]);
}

#[test]
fn a_quoted_phrase_of_one_counts_members_that_carry_its_noun() {
    let text = "（二）抓实“一区创建”，打造示范样板\n一是省级文化服务示范区创建。完成图书馆建设。\n二是国家级旅游景区创建。编制提升规划。\n（三）守牢安全底线\n";
    assert_eq!(count(text), vec!["一"]);
    assert!(count(&text.replace("“一区", "“两区")).is_empty());
    // Slogans of one introduce the measures taken, which do not carry the noun.
    let slogan = "（二）推进“一网通办”，提升服务效能\n一是优化审批流程。压缩办理时限。\n二是拓展线上渠道。开通网上大厅。\n（三）守牢安全底线\n";
    assert!(count(slogan).is_empty());
    // A member carrying the whole phrase names the slogan, not an item of it.
    let whole = "（二）推行“一站式服务”，方便群众办事\n一是建成一站式服务大厅。集中办理事项。\n二是推出一站式服务清单。公开办理流程。\n（三）守牢安全底线\n";
    assert!(count(whole).is_empty());
}

#[test]
fn a_phase_named_past_the_count_of_phases() {
    let text = "一是信息安全项目进展顺利。项目分两期进行建设，共占地50亩，一期计划用地16.5亩，投资6000万元。主要建设研发基地。\n二期依托创新示范基地，建成研发中心。\n二是招商引资成果丰硕。";
    assert!(count(text).is_empty());
    assert_eq!(count(&text.replace("分两期", "分一期")), vec!["一期"]);
    assert_eq!(count(&text.replace("二期依托", "三期依托")), vec!["两期"]);
    // Fewer phases named than stated: the phases begun so far.
    assert!(count(&text.replace("分两期", "分三期")).is_empty());
    // Phases of the next item, and ordinals inside a clause, are no phases of the plan.
    let next = "一是项目分两期建设，一期已投产。\n二是园区建设。三期工程启动。";
    assert!(count(next).is_empty());
    let inside = "项目分两期建设，一期已投产，列入全省第三期重点项目库。";
    assert!(count(inside).is_empty());
    // A plan split into stages, named with 第.
    let stages = "活动分三个阶段进行：第一阶段动员部署，第二阶段组织实施，第三阶段总结验收，第四阶段巩固提升。";
    assert_eq!(count(stages), vec!["三个阶段"]);
    assert!(count(&stages.replace("三个阶段", "四个阶段")).is_empty());
}

#[test]
fn a_phrase_of_one_with_a_short_noun_is_no_count_of_its_members() {
    // 中心 is met in members of any heading.
    let text = "（二）建好“一中心”，提升服务能力\n一是建设党群服务中心。完善设施。\n二是建设文化活动中心。丰富活动。\n（三）守牢安全底线\n";
    assert!(count(text).is_empty());
}

#[test]
fn a_list_before_a_verb_done_is_not_what_the_count_counts() {
    // The three districts are where the 7 plots were laid out.
    assert!(count("2021年12月，在屯留区、潞城区和武乡县布置了7个试验点。").is_empty());
    // Near-miss: the count right after the list still counts it.
    assert_eq!(
        count("建成屯留区、潞城区和武乡县等2个示范区。"),
        vec!["2个"]
    );
}

#[test]
fn a_list_spells_out_the_quoted_phrase_nearest_before_it() {
    // (保基本民生、保工资、保运转) spells out 三保, not 六保.
    let text = "做好“六稳”“六保”工作，兜牢“三保”(保基本民生、保工资、保运转)底线。";
    assert!(count(text).is_empty());
    // Near-miss: the nearest phrase is still held to its list.
    assert_eq!(count(&text.replace("“三保”", "“四保”")), vec!["四"]);
}

#[test]
fn he_inside_a_name_that_ends_like_the_other_items_joins_no_items() {
    // 燃气生产和供应业 is one industry: the items all end in 业, its 燃气生产 does not.
    let text = "全县排前七行业中，汽车制造业、食品制造业、燃气生产和供应业三个行业增加值增势较好。";
    assert!(count(text).is_empty(), "{:?}", count(text));
    assert_eq!(count(&text.replace("三个", "四个")), vec!["四个"]);
    // Near-miss: both halves end in 业, so 和 joins two items.
    let two = "全县排前七行业中，汽车制造业、食品制造业和燃气供应业两个行业增加值增势较好。";
    assert_eq!(count(two), vec!["两个"]);
}

#[test]
fn kinds_of_things_and_how_many_there_are_are_no_count_of_names() {
    let text = "主要街道配置垃圾桶300个，新建公厕8座，角园、文化广场7个；完成王洲村、大桥村等省级美丽乡村建设。";
    assert!(count(text).is_empty(), "{:?}", count(text));
    // Near-miss: names in apposition, miscounted by one.
    assert_eq!(
        count("全年脱贫324户、942人，出列村三铺村、塔桥村三个。"),
        vec!["三个"]
    );
}

#[test]
fn a_category_and_how_many_it_holds_is_no_count_of_names() {
    // The measure 件 repeats the category's own noun 案件.
    let text = "执行未结案557件，同比增加54件；申请、申诉再审案件1件，去年同期无此类案件。";
    assert!(count(text).is_empty(), "{:?}", count(text));
    // Near-miss: village names counted with 个.
    assert_eq!(
        count("全年脱贫324户、942人，出列村三铺村、塔桥村一个。"),
        vec!["一个"]
    );
}
