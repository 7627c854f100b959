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
