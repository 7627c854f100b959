//! `text.doubled-word`: a word written twice in a row by an editing slip —
//! 在区委区委的正确领导下, 市政府政府常务会议.
//!
//! Chinese doubles words on purpose (天天, 家家户户, 研究研究, 一个一个), so the
//! rule is narrow: a two-character word doubled only when it names an
//! institution or place (its last character is 委, 府, 局, 区 …: nouns, which do
//! not reduplicate), and any three-character unit doubled (镇党委镇党委).
//!
//! A Han character is three bytes, so a doubled unit of n characters shows as
//! three bytes equal to the three 3n bytes later. Those are found 64 offsets
//! at a time (comparisons the compiler turns into vector instructions, as in
//! `text::flagged_pairs`); only the rare candidates are read as characters.

use crate::document::Document;
use crate::report::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::is_han;

pub struct DoubledWord;

pub static INFO: RuleInfo = RuleInfo {
    code: "text.doubled-word",
    family: Category::Text,
    severity: Severity::Warning,
    summary: "词语误重复（区委区委、政府政府）",
    explanation: "修改稿件时复制粘贴，常留下连写两遍的词（“在区委区委的正确领导下”）。叠词（天天、家家户户、研究研究、一个一个）是正常用法，不报。删去重复的一遍即可，可一键采纳。",
    example: "在区委区委的正确领导下",
    near_miss: "家家户户都参加了研究研究再定的讨论",
};

/// Last characters of institution and place names: a two-character word
/// ending in one of these, doubled, is a slip (区委区委, 政府政府, 社区社区).
const INSTITUTION_ENDINGS: &str = "委府局部办厅院会所站队组室处科镇乡县市区省村校司社团馆";

/// First characters of measure phrases that double on purpose (一个一个, 每天每天).
const COUNTING_STARTS: &str = "一二两三几每各逐";

/// Bytes of a Han character (U+4000–U+9FFF).
const HAN: usize = 3;

impl Rule for DoubledWord {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let b = doc.text.as_bytes();
        // Where the last finding ends: findings do not overlap.
        let mut free_from = 0;
        // 64 offsets at a time, in order; nothing is stored, so a hostile
        // text that repeats everywhere costs no memory.
        for from in (0..b.len()).step_by(64) {
            let (twos, threes) = (repeat_mask(b, from, 2), repeat_mask(b, from, 3));
            let mut either = twos | threes;
            while either != 0 {
                let j = either.trailing_zeros();
                either &= either - 1;
                let k = from + j as usize;
                if k < free_from {
                    continue;
                }
                // The longer unit first at one offset.
                let n = [3, 2].into_iter().find(|&n| {
                    let mask = if n == 3 { threes } else { twos };
                    mask & (1 << j) != 0 && doubled_at(doc.text, k, n)
                });
                let Some(n) = n else { continue };
                let len = n * HAN;
                let word = &doc.text[k..k + len];
                out.push(
                    self.diagnostic(
                        k..k + 2 * len,
                        format!("“{word}”重复写了两遍，请删去一个。"),
                    )
                    .with_suggestion(
                        k + len..k + 2 * len,
                        "",
                        Applicability::Safe,
                    ),
                );
                free_from = k + 2 * len;
            }
        }
    }
}

/// Bit `j` set where the three bytes at `from + j` equal the three a unit of
/// `n` characters later (`3n` bytes).
fn repeat_mask(b: &[u8], from: usize, n: usize) -> u64 {
    let d = n * HAN;
    let count = b.len().saturating_sub(d + HAN - 1);
    match (b.get(from..from + 66), b.get(from + d..from + d + 66)) {
        (Some(a), Some(c)) => three_equal(a, c),
        _ => {
            let mut mask = 0u64;
            for k in from..count.min(from + 64) {
                let same = b[k..k + HAN] == b[k + d..k + d + HAN];
                mask |= u64::from(same) << (k - from);
            }
            mask
        }
    }
}

/// Bit `j` set where `a[j..j + 3] == c[j..j + 3]`, for `j` in 0..64 (`a` and
/// `c` hold 66 bytes). One comparison a byte, packed into a bitmask: the
/// compiler turns the loop into vector instructions; the three-in-a-row
/// test is then two shifts of the mask.
fn three_equal(a: &[u8], c: &[u8]) -> u64 {
    let (a, c): (&[u8; 66], &[u8; 66]) = (a.try_into().expect("66"), c.try_into().expect("66"));
    let mut eq = [0u8; 64];
    for j in 0..64 {
        eq[j] = u8::from(a[j] == c[j]);
    }
    let mut e = 0u128;
    for (i, eight) in eq.chunks_exact(8).enumerate() {
        let eight = u64::from_le_bytes(eight.try_into().expect("8 bytes"));
        // Byte i of `eight` (0 or 1) lands on bit 56 + i.
        e |= u128::from(eight.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * i);
    }
    e |= u128::from(a[64] == c[64]) << 64 | u128::from(a[65] == c[65]) << 65;
    (e & (e >> 1) & (e >> 2)) as u64
}

/// Are the `n` characters at byte `k` Han and written again right after, as a slip?
fn doubled_at(text: &str, k: usize, n: usize) -> bool {
    let len = n * HAN;
    // A Han character's first byte is E4–E9; a continuation byte never is.
    let Some(both) = (matches!(text.as_bytes()[k], 0xE4..=0xE9))
        .then(|| text.get(k..k + 2 * len))
        .flatten()
    else {
        return false;
    };
    let (unit, again) = both.split_at(len);
    if unit != again || unit.chars().count() != n || !unit.chars().all(is_han) {
        return false;
    }
    let first = unit.chars().next().unwrap_or(' ');
    let last = unit.chars().next_back().unwrap_or(' ');
    if COUNTING_STARTS.contains(first) || unit.chars().all(|c| c == first) {
        return false;
    }
    (n > 2 || INSTITUTION_ENDINGS.contains(last)) && !issuer_then_genre(text, k, len)
}

/// A full name that closes with the unit, then a genre of document that opens
/// with it: 某县人民政府 + 政府工作报告 is a title, not a slip.
fn issuer_then_genre(text: &str, k: usize, len: usize) -> bool {
    text[..k].ends_with("人民") && text[k + len..].starts_with("政府工作报告")
}
