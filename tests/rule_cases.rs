//! One firing case and one near-miss for every rule code, in the manner of
//! ruff's per-code fixtures: each case names the code, a passage written like
//! a real draft, the exact text the finding flags (and its fix, where the rule
//! offers one), and a near-miss that must stay silent. A test walks the
//! registry and fails when a code has no case, so a new rule cannot ship
//! without one.

use report_checker::document::Document;
use report_checker::report::{Applicability, Diagnostic};
use report_checker::rules::registry;
use report_checker::{check_document, Options};

struct Case {
    code: &'static str,
    /// A draft in which the rule fires exactly once.
    fires: &'static str,
    /// The exact text of that finding's span.
    flagged: &'static str,
    /// The finding's first suggestion and how safe it is; `None`: no suggestion.
    fix: Option<(&'static str, Applicability)>,
    /// A near-miss: the same kind of passage, correct, with no finding of this code.
    silent: &'static str,
}

/// A body every whole-document case shares: title, the four parts, sign-off.
macro_rules! draft {
    ($title:literal, $body:literal) => {
        concat!(
            $title,
            "\n一、工作成效\n",
            $body,
            "\n二、主要做法\n强化调度，压实责任。\n三、存在问题\n部分村组资金缺口较大，专业人才不足。\n四、下一步打算\n继续抓好项目建设，补齐短板。\n某镇人民政府\n2022年12月20日\n"
        )
    };
}

const CASES: &[Case] = &[
    Case {
        code: "structure.title",
        fires: "区教育局2022年工作总结1.加快校舍建设，完成维修改造12所。\n",
        flagged: "工作总结1.加快",
        fix: None,
        silent: draft!("区教育局2022年工作总结", "完成校舍维修改造12所。"),
    },
    Case {
        code: "structure.missing-section",
        fires: "某镇2022年工作总结\n一、工作成效\n完成校舍维修改造12所。\n二、主要做法\n强化调度。\n三、存在问题\n资金缺口较大。\n某镇人民政府\n2022年12月20日\n",
        flagged: "12月20日",
        fix: None,
        silent: draft!("某镇2022年工作总结", "完成校舍维修改造12所。"),
    },
    Case {
        code: "structure.order",
        fires: "某镇2022年工作总结\n一、工作成效\n完成校舍维修改造12所。\n二、下一步打算\n继续抓好项目建设。\n三、存在问题\n资金缺口较大。\n某镇人民政府\n2022年12月20日\n",
        flagged: "三、存在问题",
        fix: None,
        silent: draft!("某镇2022年工作总结", "完成校舍维修改造12所。"),
    },
    Case {
        code: "structure.signature",
        fires: "某镇2022年工作总结\n一、工作成效\n完成校舍维修改造12所。\n二、主要做法\n强化调度。\n三、存在问题\n资金缺口较大。\n四、下一步打算\n继续抓好项目建设。\n",
        flagged: "好项目建设。",
        fix: None,
        silent: draft!("某镇2022年工作总结", "完成校舍维修改造12所。"),
    },
    Case {
        code: "structure.date",
        fires: "某镇2022年工作总结\n一、工作成效\n完成校舍维修改造12所。\n二、存在问题\n资金缺口较大。\n三、下一步打算\n继续抓好项目建设。\n某镇人民政府\n2022年12月09日\n",
        flagged: "2022年12月09日",
        fix: Some(("2022年12月9日", Applicability::Safe)),
        silent: draft!("某镇2022年工作总结", "完成校舍维修改造12所。"),
    },
    Case {
        code: "numbering.gap",
        fires: "一、主要做法\n（一）加强组织领导。\n（三）强化督查考核。\n",
        flagged: "（三）",
        fix: None,
        silent: "一、主要做法\n（一）加强组织领导。\n（二）完善工作制度。\n（三）强化督查考核。\n",
    },
    Case {
        code: "numbering.repeat",
        fires: "一、主要做法\n（一）加强组织领导。\n（一）完善工作制度。\n（三）强化督查考核。\n",
        flagged: "（一）",
        fix: Some(("（二）", Applicability::Safe)),
        // The plan part of 总结及计划 restarts its numbering: not a repeat.
        silent: "一、主要做法\n（一）加强组织领导。\n（二）完善工作制度。\n三、下一步打算\n（一）抓好项目建设。\n（二）抓好安全生产。\n",
    },
    Case {
        code: "numbering.order",
        fires: "一、工作成效\n完成任务。\n三、存在问题\n资金不足。\n二、主要做法\n强化调度。\n",
        flagged: "二、",
        fix: None,
        silent: "一、工作成效\n完成任务。\n二、主要做法\n强化调度。\n三、存在问题\n资金不足。\n",
    },
    Case {
        code: "numbering.style",
        fires: "（一）宣传发动\n1.加强政策宣传。\n2、完善入户台账。\n",
        flagged: "2、",
        fix: None,
        silent: "（一）宣传发动\n1.加强政策宣传。\n2.完善入户台账。\n",
    },
    Case {
        code: "numbering.level",
        fires: "一、工作成效\n（一）产业发展\n1.发展种植。\n2.发展养殖。\n二、存在问题\n1.资金不足。\n2.人才短缺。\n",
        flagged: "1.",
        fix: None,
        silent: "一、工作成效\n1.发展种植。\n2.发展养殖。\n二、存在问题\n1.资金不足。\n2.人才短缺。\n",
    },
    Case {
        code: "numbers.conflict",
        fires: "一、工作成效\n目前机关党员到社区报到2544人，参与垃圾分类。推进党建进小区，目前机关党员到社区的报到人数2546人。\n",
        flagged: "2546人",
        fix: None,
        silent: "一、工作成效\n目前机关党员到社区报到2544人，参与垃圾分类。推进党建进小区，目前机关党员到社区的报到人数2544人。\n",
    },
    Case {
        code: "numbers.sum",
        fires: "目前我镇在册吸毒人员403人，其中社区戒毒（康复）人员共有104名，社会面人员289人。\n",
        flagged: "403人",
        fix: None,
        silent: "目前我镇在册吸毒人员403人，其中社区戒毒（康复）人员共有104名，社会面人员299人。\n",
    },
    Case {
        code: "numbers.count",
        fires: "今年建成3个示范点：甲村、乙村、丙村、丁村。\n",
        flagged: "3个",
        fix: None,
        silent: "今年建成3个示范点：甲村、乙村、丙村。\n",
    },
    Case {
        code: "numbers.percent",
        fires: "全县常住人口48.2万人，其中城镇人口21.7万人，占55.0%。\n",
        flagged: "55.0%",
        fix: None,
        silent: "全县常住人口48.2万人，其中城镇人口21.7万人，占45.0%。\n",
    },
    Case {
        code: "numbers.duplicate-item",
        fires: "开展环境整治，整治乱放乱堆150余处，拆除违章建筑30处，清理乱堆乱放200余处。\n",
        flagged: "清理乱堆乱放200余处",
        fix: None,
        silent: "开展环境整治，整治乱放乱堆150余处，拆除违章建筑30处，清理卫生死角200余处。\n",
    },
    Case {
        code: "data.placeholder",
        fires: "全年共开展志愿服务活动XX次，参与群众1200人次。\n",
        flagged: "XX",
        fix: None,
        silent: "全年共开展志愿服务活动12次，为群众拍摄X光片120人次。\n",
    },
    Case {
        code: "data.dropped-number",
        fires: "全年启动个项目，完成投资1.2亿元。\n",
        flagged: "启动个",
        fix: None,
        silent: "全面启动个人信用体系建设，完成项目建设。\n",
    },
    Case {
        code: "data.empty-field",
        fires: "某镇2022年工作总结\n来源:\n一、工作成效\n完成任务。\n",
        flagged: "来源:",
        fix: None,
        silent: "某镇2022年工作总结\n来源：县统计局\n各村（社区）：\n一、工作成效\n完成任务。\n",
    },
    Case {
        code: "data.missing-unit",
        fires: "全年完成工业总产值46.6亿元，其中省内产值38.6亿，同比增长8%。\n",
        flagged: "38.6亿",
        fix: Some(("元", Applicability::Unsafe)),
        silent: "全年完成工业总产值46.6亿元，其中省内产值38.6亿元，同比增长8%。\n",
    },
    Case {
        code: "period.invalid-date",
        fires: "2022年2月30日，镇党委召开专题会议。\n",
        flagged: "2022年2月30日",
        fix: None,
        silent: "2024年2月29日，镇党委召开专题会议。\n",
    },
    Case {
        code: "period.span",
        fires: "编制《2025—2022年乡村振兴规划》。\n",
        flagged: "2025—2022年",
        fix: None,
        silent: "编制《2022—2025年乡村振兴规划》。\n",
    },
    Case {
        code: "period.compare-base",
        fires: "区应急管理局2021年工作总结\n一、工作成效\n2021年，拨付安全生产资金300万元，较2021年全年增长了12%。\n",
        flagged: "较2021年",
        fix: None,
        silent: "区应急管理局2021年工作总结\n一、工作成效\n2021年，拨付安全生产资金300万元，较2020年全年增长了12%。\n",
    },
    Case {
        code: "period.outside",
        fires: "某镇2022年上半年工作总结\n一、工作成效\n7月完成了全部危房改造验收。\n",
        flagged: "7月",
        fix: None,
        silent: "某镇2022年上半年工作总结\n一、工作成效\n5月完成了全部危房改造验收，计划7月开展回头看。\n",
    },
    Case {
        code: "period.signed-early",
        fires: "某镇2022年工作总结\n一、工作成效\n全年完成校舍维修改造12所。\n二、存在问题\n资金缺口较大。\n三、下一步打算\n继续抓好项目建设。\n某镇人民政府\n2022年9月1日\n",
        flagged: "2022年9月1日",
        fix: None,
        silent: draft!("某镇2022年工作总结", "全年完成校舍维修改造12所。"),
    },
    Case {
        code: "text.pairs",
        fires: "深入开展“我为群众办实事活动，解决群众急难愁盼问题。\n",
        flagged: "“",
        fix: None,
        silent: "深入开展“我为群众办实事”实践活动，解决群众急难愁盼问题。\n",
    },
    Case {
        code: "text.punctuation",
        fires: "走访了甲村、乙村、等地，收集意见建议。\n",
        flagged: "、等",
        fix: Some(("", Applicability::Safe)),
        silent: "走访了甲村、乙村等地，收集意见建议。\n",
    },
    Case {
        code: "text.glued-heading",
        fires: "一、主要做法\n（一）加强组织领导。\n（二）深入开展项目建设工作坚持抓项目促城市建设，把项目建设作为头等大事。\n（三）强化督查考核。\n",
        flagged: "深入开展项目建设工作坚持抓项目促城市建设",
        fix: None,
        silent: "一、主要做法\n（一）加强组织领导。\n（二）深入开展项目建设工作。坚持抓项目促城市建设，把项目建设作为头等大事。\n（三）强化督查考核。\n",
    },
    Case {
        code: "text.parallel",
        fires: "一、主要做法\n（一）用心用力强化组织领导。\n（二）用心用力做实民生保障。\n（三）心用力打赢攻坚战役。\n（四）用心用力提升服务水平。\n",
        flagged: "心用力",
        fix: Some(("用心用力", Applicability::Unsafe)),
        silent: "一、主要做法\n（一）加强组织领导。\n（二）加强民生保障。\n（三）推进攻坚战役。\n（四）加强服务水平。\n",
    },
    Case {
        code: "text.doubled-word",
        fires: "在区委区委的正确领导下，全镇上下齐心协力。\n",
        flagged: "区委区委",
        fix: Some(("", Applicability::Safe)),
        silent: "在区委的正确领导下，家家户户天天讨论，研究研究再定，一个一个落实。\n",
    },
    Case {
        code: "text.stray-char",
        fires: "做好ก春耕生产，确保粮食稳产。\n",
        flagged: "ก",
        fix: Some(("", Applicability::Safe)),
        silent: "与“Москва”友好城市交流，邮箱office@example.gov.cn，你们准备好了吗?\n",
    },
    Case {
        code: "text.document-number",
        fires: "根据《关于做好春耕生产的通知》（X政发[2017]9号）要求，全面部署。\n",
        flagged: "[2017]9号",
        fix: Some(("〔2017〕", Applicability::Safe)),
        silent: "根据《关于做好春耕生产的通知》（X政发〔2017〕9号）要求，全面部署。\n",
    },
    Case {
        code: "text.month-range",
        fires: "1—9月完成固定资产投资3.2亿元，1—9月新增就业200人，1-9月接待游客5万人次。\n",
        flagged: "1-9月",
        fix: Some(("—", Applicability::Safe)),
        silent: "1—9月完成固定资产投资3.2亿元，1—6月新增就业200人，2022年9月接待游客5万人次。\n",
    },
    Case {
        code: "text.number-form",
        fires: "全年原煤产量1657.8万吨，同比下降14..3%。\n",
        flagged: "14..3",
        fix: Some(("14.3", Applicability::Unsafe)),
        silent: "依照第3.5.1条，自2021.3.5起施行，全年原煤产量1657.8万吨，同比下降14.3%。\n",
    },
    Case {
        code: "text.formulation",
        fires: draft!(
            "某镇2022年工作总结",
            "统筹推进“五位一体”战略布局、协调推进“四个全面”战略布局，全镇经济平稳增长。"
        ),
        flagged: "“五位一体”战略布局",
        fix: Some(("“五位一体”总体布局", Applicability::Safe)),
        silent: draft!(
            "某镇2022年工作总结",
            "统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局，全镇经济平稳增长。"
        ),
    },
];

/// Rules that are silent without a configuration (the organisation's word
/// lists): their cases, each with the configuration it runs under.
const CONFIGURED: &[(&str, Case)] = &[
    (
        r#"{"wording": {"forbidden": [{"pattern": "精准扶贫", "preferred": "巩固拓展脱贫攻坚成果"}]}}"#,
        Case {
            code: "text.wording",
            fires: draft!(
                "某镇2022年工作总结",
                "持续推进精准扶贫工作，落实帮扶资金120万元。"
            ),
            flagged: "精准扶贫",
            fix: Some(("巩固拓展脱贫攻坚成果", Applicability::Safe)),
            silent: draft!(
                "某镇2022年工作总结",
                "持续巩固拓展脱贫攻坚成果，落实帮扶资金120万元。"
            ),
        },
    ),
    (
        r#"{"wording": {"fullNames": [{"full": "青山县民政局", "short": ["县?民政局"]}]}}"#,
        Case {
            code: "text.full-name",
            fires: draft!(
                "2022年工作总结",
                "县民政局落实低保资金120万元，民政局干部走访困难群众。"
            ),
            flagged: "县民政局",
            fix: Some(("青山县民政局", Applicability::Unsafe)),
            silent: draft!(
                "青山县民政局2022年工作总结",
                "县民政局落实低保资金120万元，民政局干部走访困难群众。"
            ),
        },
    ),
];

/// Every case with the options it runs under.
fn all_cases() -> Vec<(Options, &'static Case)> {
    let plain = CASES.iter().map(|c| (Options::default(), c));
    let configured = CONFIGURED
        .iter()
        .map(|(json, c)| (Options::from_json(json).expect("case configuration"), c));
    plain.chain(configured).collect()
}

fn findings(text: &str, options: &Options) -> Vec<Diagnostic> {
    check_document(&Document::parse(text), options).expect("valid options")
}

fn of_code<'a>(all: &'a [Diagnostic], code: &str) -> Vec<&'a Diagnostic> {
    all.iter().filter(|d| d.rule == code).collect()
}

#[test]
fn every_code_in_the_registry_has_a_case() {
    let missing: Vec<&str> = registry()
        .iter()
        .map(|r| r.code)
        .filter(|code| !all_cases().iter().any(|(_, c)| c.code == *code))
        .collect();
    assert!(
        missing.is_empty(),
        "codes without a firing and a silent case: {missing:?}"
    );
    for (_, c) in all_cases() {
        assert!(
            registry().iter().any(|r| r.code == c.code),
            "a case for {}, which is no rule's code",
            c.code
        );
    }
}

/// What a draft's findings flag: `code: “text”` each, for failure messages.
fn summary(text: &str, all: &[Diagnostic]) -> String {
    all.iter()
        .map(|d| format!("{}: “{}” {}", d.rule, &text[d.span.clone()], d.message))
        .collect::<Vec<_>>()
        .join("\n    ")
}

#[test]
fn each_case_fires_once_on_its_exact_text_with_its_fix() {
    let mut failures = Vec::new();
    for (options, c) in all_cases() {
        let all = findings(c.fires, &options);
        let got = of_code(&all, c.code);
        let texts: Vec<&str> = got.iter().map(|d| &c.fires[d.span.clone()]).collect();
        let fix = got
            .first()
            .and_then(|d| d.suggestions.first())
            .map(|s| (s.replacement.as_str(), s.applicability));
        if texts != vec![c.flagged] || fix != c.fix {
            failures.push(format!(
                "{}: want “{}” {:?}, got {texts:?} {fix:?}\n    {}",
                c.code,
                c.flagged,
                c.fix,
                summary(c.fires, &all)
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn each_near_miss_stays_silent() {
    let mut failures = Vec::new();
    for (options, c) in all_cases() {
        let all = findings(c.silent, &options);
        if !of_code(&all, c.code).is_empty() {
            failures.push(format!("{}:\n    {}", c.code, summary(c.silent, &all)));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn disabling_a_code_silences_exactly_that_code() {
    for (options, c) in all_cases() {
        let all = findings(c.fires, &options);
        let options = Options {
            disabled_rules: vec![c.code.to_string()],
            ..options
        };
        let without = findings(c.fires, &options);
        let expected: Vec<Diagnostic> = all.iter().filter(|d| d.rule != c.code).cloned().collect();
        assert_eq!(without, expected, "disabling {}", c.code);
    }
}

#[test]
fn an_unknown_code_is_an_error_that_names_it() {
    let options = Options {
        disabled_rules: vec!["numbering.gap".into(), "numbers.confict".into()],
        ..Options::default()
    };
    let err = report_checker::check("一、工作成效\n", &options).expect_err("unknown code");
    assert!(err.0.contains("“numbers.confict”"), "{}", err.0);
}

#[test]
fn every_code_is_its_family_dot_a_name_and_unique() {
    let codes: Vec<&str> = registry().iter().map(|r| r.code).collect();
    for r in registry() {
        let (family, name) = r.code.split_once('.').expect("family.name");
        assert_eq!(family, r.family.as_str(), "{}", r.code);
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}",
            r.code
        );
        assert_eq!(
            codes.iter().filter(|c| **c == r.code).count(),
            1,
            "{}",
            r.code
        );
        for text in [r.summary, r.explanation, r.example, r.near_miss] {
            assert!(text.chars().any(report_checker::text::is_han), "{}", r.code);
        }
    }
}
