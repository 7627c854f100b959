//! The word lists the outline reads: page chrome, 文种, the endings of an
//! issuing unit's name, and the unnumbered sequence words.

/// Words that make a paragraph page chrome rather than content.
const CHROME: &[&str] = &[
    "日期:",
    "日期：",
    "来源:",
    "来源：",
    "字体",
    "发布时间",
    "发布日期",
    "浏览次数",
    "相关附件",
    "相关阅读",
    "相关链接",
    "打印本页",
    "关闭窗口",
    "返回顶部",
    "其他部门",
    "分享到",
];

/// 文种: the kind of document a title names.
pub(super) const DOC_KINDS: &[&str] = &[
    "总结", "汇报", "报告", "计划", "要点", "回顾", "通知", "方案", "意见", "公报", "通报", "述职",
    "简况", "公告",
];

/// Does a title name its 文种 (…工作总结, 政 府 工 作 报 告)? A headline that
/// names none (…项目建设进展情况, 上半年国民经济运行总体平稳) is a news item.
pub fn names_doc_kind(title: &str) -> bool {
    let compact: String = title
        .chars()
        .filter(|&c| !crate::text::is_blank(c))
        .collect();
    DOC_KINDS.iter().any(|k| compact.contains(k))
}

/// Does a line end with a 文种 (…预算草案的报告): the last line of a title.
pub fn ends_with_doc_kind(line: &str) -> bool {
    let line = line.trim_end();
    DOC_KINDS.iter().any(|k| line.ends_with(k))
}

/// 文种 of documents that report on a period and must name it in the title
/// (a 政府工作报告 or a 通知 need not).
pub const PERIODIC_KINDS: &[&str] = &["总结", "汇报", "述职", "小结"];

/// Is the paragraph `s` page chrome (日期: … 来源: …, 打印本页)?
pub(super) fn is_chrome(s: &str) -> bool {
    CHROME.iter().any(|c| s.contains(c))
}

/// Units that issue summaries end with these.
pub(super) const UNIT_SUFFIXES: &[&str] = &[
    "镇",
    "乡",
    "局",
    "委",
    "政府",
    "办事处",
    "街道",
    "村",
    "社区",
    "委员会",
    "中心",
    "办公室",
    "公司",
    "院",
    "所",
    "厅",
    "部",
    "队",
    "站",
];

/// Run-in markers without a number, in their order: 首先，… 其次，… 再次，…
pub(super) const SEQUENCE_WORDS: [&str; 3] = ["首先", "其次", "再次"];
