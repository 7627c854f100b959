//! The slips a proofreader circles (issue 19), in drafts written like real
//! ones: doubled words, stray characters, a half-width full stop, broken
//! document numbers, month ranges written three ways, a title year without
//! 年 — and the near-misses that must stay silent.

mod common;
use common::{diagnostics, flagged};
use report_checker::report::Applicability;

#[test]
fn a_doubled_word_is_caught_and_reduplication_is_not() {
    let text = "在区委区委的正确领导下，市政府政府常务会议研究通过了实施方案，镇党委镇党委书记带队督导。\n";
    assert_eq!(
        flagged(text, "text.doubled-word"),
        vec!["区委区委", "政府政府", "镇党委镇党委"]
    );
    // The issuer's full name, then the genre: doubled only without the full name.
    let slip = "在县人民政府政府的正确领导下，县政府政府工作报告已印发。\n";
    assert_eq!(
        flagged(slip, "text.doubled-word"),
        vec!["政府政府", "政府政府"]
    );
    let d = diagnostics(text, "text.doubled-word");
    // The fix deletes the second copy, and only it.
    assert_eq!(&text[d[0].suggestions[0].span.clone()], "区委");
    assert_eq!(
        d[0].suggestions[0].span.start,
        text.find("区委").unwrap() + "区委".len()
    );
    let fine = "家家户户天天讲卫生，干部常常入户看看，问题研究研究再定，一个一个落实，村村通公路，处处见新貌，讨论讨论再报区委区政府。\n綦江县人民政府政府工作报告\n";
    assert!(
        flagged(fine, "text.doubled-word").is_empty(),
        "{:?}",
        flagged(fine, "text.doubled-word")
    );
}

#[test]
fn stray_characters_are_caught() {
    let text = "做好ก春耕生产，区委?、区政府高度重视，张??同志带队，共检查я企业12家。\n";
    assert_eq!(flagged(text, "text.stray-char"), vec!["ก", "?", "??", "я"]);
    let lost = "共召开会议\u{FFFD}次，印发\u{E000}宣传册。\n";
    assert_eq!(
        flagged(lost, "text.stray-char"),
        vec!["\u{FFFD}", "\u{E000}"]
    );
    // The lost characters cannot be guessed: no fix; a stray letter is deleted.
    assert!(diagnostics(lost, "text.stray-char")[0]
        .suggestions
        .is_empty());
    let d = diagnostics(text, "text.stray-char");
    assert_eq!(d[0].suggestions[0].applicability, Applicability::Safe);
}

#[test]
fn foreign_words_addresses_and_real_questions_are_not_stray() {
    let fine = "与友好城市“Москва”开展交流，访问http://www.gov.cn/?id=1，邮箱office@example.gov.cn。你们准备好了吗?怎么办?我们认为要抓落实。4・7专班运转正常。\n";
    assert!(
        flagged(fine, "text.stray-char").is_empty(),
        "{:?}",
        flagged(fine, "text.stray-char")
    );
}

#[test]
fn a_half_width_full_stop_ending_a_chinese_sentence() {
    let text = "一是完成年度任务.二是加强队伍建设，成效明显.\n";
    let d = diagnostics(text, "text.punctuation");
    let dots: Vec<_> = d.iter().filter(|d| &text[d.span.clone()] == ".").collect();
    assert_eq!(dots.len(), 2);
    assert_eq!(dots[0].suggestions[0].replacement, "。");
    assert_eq!(dots[0].suggestions[0].applicability, Applicability::Safe);
    let fine = "增长1.5个百分点，网址www.gov.cn，邮箱a.b@gov.cn，详见附件1.等等……\n一.加强领导，完成任务。\n";
    let got: Vec<String> = flagged(fine, "text.punctuation");
    assert!(!got.iter().any(|t| t == "."), "{got:?}");
}

#[test]
fn broken_document_numbers() {
    let text = "某区2022年工作总结\n一、工作成效\n根据X政发〔20179号、X政发〔2017] 9号、X政发[2017]9号和X办发〔2107〕3号文件精神，认真抓好落实。\n";
    assert_eq!(
        flagged(text, "text.document-number"),
        vec!["〔20179号", "〔2017] 9号", "[2017]9号", "〔2107〕3号"]
    );
    let d = diagnostics(text, "text.document-number");
    assert_eq!(d[0].suggestions[0].replacement, "〔2017〕9号");
    assert_eq!(d[0].suggestions[0].applicability, Applicability::Unsafe);
    assert_eq!(&text[d[1].suggestions[0].span.clone()], "〔2017] ");
    assert_eq!(d[1].suggestions[0].replacement, "〔2017〕");
    assert!(d[3].suggestions.is_empty());
    let fine = "某区2022年工作总结\n一、工作成效\n根据X政发〔2017〕9号、X办发〔2023〕1号文件，参考文献[2017]、（2017）及（2017年）。\n";
    assert!(
        flagged(fine, "text.document-number").is_empty(),
        "{:?}",
        flagged(fine, "text.document-number")
    );
}

#[test]
fn month_ranges_written_three_ways() {
    let text =
        "1—9月完成投资3.2亿元，1—9月新增就业200人。1-9月接待游客5万人次，1至9月完成造林1200亩。\n";
    assert_eq!(flagged(text, "text.month-range"), vec!["1-9月", "1至9月"]);
    let d = diagnostics(text, "text.month-range");
    assert_eq!(&text[d[1].suggestions[0].span.clone()], "至");
    assert_eq!(d[1].suggestions[0].replacement, "—");
    let fine =
        "1—9月完成投资3.2亿元，1—6月新增就业200人，2022年9月接待游客，3月5日至9月底完成造林。\n";
    assert!(
        flagged(fine, "text.month-range").is_empty(),
        "{:?}",
        flagged(fine, "text.month-range")
    );
}

#[test]
fn a_title_year_without_its_nian() {
    let text = "2021区卫健局工作总结\n一、工作成效\n完成各项任务。\n";
    let d = diagnostics(text, "structure.title");
    assert_eq!(d.len(), 1);
    assert_eq!(&text[d[0].span.clone()], "2021");
    assert_eq!(d[0].suggestions[0].replacement, "年");
    assert_eq!(d[0].suggestions[0].span, 4..4);
    for fine in [
        "2021年区卫健局工作总结\n一、工作成效\n完成各项任务。\n",
        "区卫健局2021—2022学年工作总结\n一、工作成效\n完成各项任务。\n",
        "2021届毕业生就业工作总结\n一、工作成效\n完成各项任务。\n",
    ] {
        assert!(
            !diagnostics(fine, "structure.title")
                .iter()
                .any(|d| d.message.contains("缺少“年”")),
            "{fine}"
        );
    }
}

#[test]
fn a_second_title_with_another_year() {
    let text = "某镇2021年工作总结\n一、工作成效\n全年完成各项任务，群众满意度明显提升。\n某镇2020年工作总结\n二、存在问题\n资金不足。\n";
    let d = diagnostics(text, "structure.title");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(&text[d[0].span.clone()], "某镇2020年工作总结");
    assert!(d[0].message.contains("2020年") && d[0].message.contains("2021年"));
    for fine in [
        // The plan part of a 总结及计划, a heading, a sentence, the same year.
        "某镇2021年工作总结及2022年工作计划\n一、工作成效\n完成各项任务。\n某镇2022年工作计划\n一、抓项目\n",
        "某镇2021年工作总结\n一、工作成效\n完成各项任务。\n二、2020年工作总结回顾\n资金不足。\n",
        "某镇2021年工作总结\n一、工作成效\n召开2020年工作总结会议，部署全年工作。\n",
        "某镇2021年工作总结\n一、工作成效\n完成各项任务。\n某镇2021年工作总结\n",
    ] {
        assert!(
            !diagnostics(fine, "structure.title")
                .iter()
                .any(|d| d.message.contains("另有一个标题")),
            "{fine}"
        );
    }
}

#[test]
fn a_number_with_a_broken_decimal_point() {
    let text = "某县2014年工作总结\n全年预计完成国内生产总值5 9亿元，财税收入占全年任务的108 3%。原煤产量同比下降14..3%，三次产业比重由上年的32.6:23.344.1调整为35.3:21.8:42.9。城镇居民家庭恩格尔系数为41.4.0%。\n";
    assert_eq!(
        flagged(text, "text.number-form"),
        vec!["5 9", "108 3", "14..3", "23.344.1", "41.4.0"]
    );
    // Near-misses: a section number, a date with points, a version after a
    // letter, figures of a table row set apart by blanks, a year and a month.
    let fine = "某县2014年工作总结\n依照第3.5.1条，自2021.3.5起施行V2.3.100版，见附表1.2.3。\n粮食 12 35 46\n2014年 5月完成5.9亿元，增长10.83%。\n";
    assert!(
        flagged(fine, "text.number-form").is_empty(),
        "{:?}",
        flagged(fine, "text.number-form")
    );
}
