//! Deterministic inputs for the benchmarks: township-summary text in the style of
//! real drafts, every paragraph different (repeats would make caches look free),
//! and the pathological shapes (100,000 headings, 100,000 numbers).

/// xorshift64*: small, deterministic, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "青", "山", "河", "东", "岭", "桥", "湾", "坪", "溪", "林", "石", "新", "安", "和", "兴", "平",
    "阳", "源", "塘", "岗",
];
const WORK: &[&str] = &[
    "基层党建",
    "项目建设",
    "疫情防控",
    "脱贫攻坚",
    "综合治理",
    "民生保障",
    "环境整治",
    "安全生产",
    "乡村振兴",
    "产业发展",
    "社会救助",
    "养老服务",
];
const VERBS: &[&str] = &[
    "完成", "新建", "发放", "排查", "整治", "培训", "走访", "慰问", "改造", "受理", "调处", "引进",
];
const OBJECTS: &[(&str, &str)] = &[
    ("农户", "户"),
    ("党员", "名"),
    ("项目", "个"),
    ("隐患", "处"),
    ("资金", "万元"),
    ("道路", "公里"),
    ("群众", "人次"),
    ("企业", "家"),
    ("土地", "亩"),
    ("会议", "次"),
];
const HAN: &[&str] = &["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn place(rng: &mut Rng) -> String {
    (0..2 + rng.below(2))
        .map(|_| rng.pick(SYLLABLES))
        .collect::<String>()
        + rng.pick(&["村", "社区", "镇", "街道"])
}

/// One paragraph of results: figures, a 其中 breakdown, a share, a run-in list.
pub fn paragraph(rng: &mut Rng, n: usize) -> String {
    let mut p = format!("（{}）{}扎实推进。", HAN[n % 10], rng.pick(WORK));
    for k in 0..3 + rng.below(4) {
        let (obj, unit) = OBJECTS[rng.below(OBJECTS.len())];
        let verb = rng.pick(VERBS);
        let a = 10 + rng.below(5000);
        match k % 4 {
            0 => {
                let b = rng.below(a);
                p += &format!(
                    "{}{verb}{obj}{a}{unit}，其中{}{b}{unit}，{}{}{unit}。",
                    place(rng),
                    place(rng),
                    place(rng),
                    a - b
                );
            }
            1 => {
                p += &format!(
                    "全年{verb}{obj}{a}{unit}，同比增长{}.{}%。",
                    rng.below(40),
                    rng.below(10)
                )
            }
            2 => {
                p += &format!(
                    "一是{verb}{}{obj}{a}{unit}；二是{}{obj}{}{unit}。",
                    place(rng),
                    rng.pick(VERBS),
                    rng.below(900) + 1
                )
            }
            _ => {
                p += &format!(
                    "{}月{}日召开{}{}推进会，{verb}{obj}{a}{unit}。",
                    1 + rng.below(6),
                    1 + rng.below(28),
                    place(rng),
                    rng.pick(WORK)
                )
            }
        }
    }
    p
}

/// A draft of about `chars` characters: title, sections, paragraphs, sign-off.
pub fn draft(chars: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut s = format!(
        "{}2023年上半年工作总结\n\n一、工作开展情况\n",
        place(&mut rng)
    );
    let mut n = 0;
    while s.chars().count() < chars {
        s += &paragraph(&mut rng, n);
        s.push('\n');
        n += 1;
        if n % 40 == 0 {
            s += &format!("{}、工作开展情况（续）\n", HAN[(n / 40) % 10]);
        }
    }
    s += "二、存在问题\n一是产业结构单一；二是基础设施薄弱。\n三、下一步工作打算\n（一）抓好项目建设。\n某某镇人民政府\n2023年7月10日\n";
    s
}

/// A draft of about `bytes` bytes (for the 1 MB case).
pub fn draft_bytes(bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut s = String::from("青山镇2023年工作总结\n一、工作开展情况\n");
    let mut n = 0;
    while s.len() < bytes {
        s += &paragraph(&mut rng, n);
        s.push('\n');
        n += 1;
    }
    s
}

/// `n` headings, numbered correctly in four levels.
pub fn many_headings(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s += &match i % 4 {
            0 => format!("{}、第{i}部分\n", HAN[i / 4 % 10]),
            1 => format!("（{}）第{i}项\n", HAN[i % 10]),
            2 => format!("{}.第{i}条\n", i % 9 + 1),
            _ => format!("（{}）第{i}点\n", i % 9 + 1),
        };
    }
    s
}

/// `n` figures in one long paragraph of the same unit (the worst case for grouping).
pub fn many_numbers(n: usize) -> String {
    let mut rng = Rng::new(7);
    let mut s = String::from("全镇");
    for i in 0..n {
        s += &format!("{}村报到党员{}人，", i, rng.below(10_000));
    }
    s.push('。');
    s
}
