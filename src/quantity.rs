//! Quantities: every figure in the draft with its value, unit, approximation,
//! subject and role words. Built once per check; numeric rules read it.
//!
//! (Walking-skeleton version: Arabic numbers with a unit. Issue #3 deepens it.)

use crate::text::{fold_char, is_digit, Span};

/// 〇一二…九 and 两, the digits of Chinese numerals.
pub fn is_han_digit(c: char) -> bool {
    matches!(c, '〇' | '零' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千')
}

/// Parses a small Chinese ordinal/cardinal (一 … 九十九, up to 千) as used in heading numbers.
pub fn parse_han_ordinal(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 4 {
        return None;
    }
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let (mut total, mut current) = (0u32, 0u32);
    for c in s.chars() {
        match c {
            '十' => {
                total += if current == 0 { 10 } else { current * 10 };
                current = 0;
            }
            '百' => {
                total += current * 100;
                current = 0;
            }
            _ => current = digit(c)?,
        }
    }
    let n = total + current;
    (n > 0).then_some(n)
}

/// 1 → 一, 12 → 十二, 21 → 二十一 (for messages about heading numbers).
pub fn han_numeral(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n % 10 == 0 { "" } else { D[(n % 10) as usize] }),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], if n % 10 == 0 { "" } else { D[(n % 10) as usize] }),
        _ => n.to_string(),
    }
}

/// One figure in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The digits (and 万/亿 multipliers): `2544`, `1.6万`.
    pub number: Span,
    /// The number and its unit: `2544人`.
    pub span: Span,
    /// Value as written, exact: mantissa × 10^-scale.
    pub mantissa: i128,
    pub scale: u32,
    /// Unit or measure word, folded: `人`, `万元`, `%`.
    pub unit: String,
}

impl Quantity {
    pub fn value_f64(&self) -> f64 {
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }
}

/// Extracts quantities from each sentence.
pub fn extract(text: &str, sentences: &[Span]) -> Vec<Quantity> {
    let mut out = Vec::new();
    for s in sentences {
        let mut iter = text[s.clone()].char_indices().peekable();
        let mut prev: Option<char> = None;
        while let Some((i, c)) = iter.next() {
            if is_digit(c) && !prev.is_some_and(|p| is_digit(p) || p.is_ascii_alphabetic() || p == '.') {
                let start = s.start + i;
                let mut end = start + c.len_utf8();
                let mut digits = String::from(fold_char(c));
                while let Some(&(j, n)) = iter.peek() {
                    let f = fold_char(n);
                    if f.is_ascii_digit() || f == '.' {
                        digits.push(f);
                        end = s.start + j + n.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                let number = start..end;
                let unit: String = text[end..s.end].chars().take_while(|&c| crate::text::is_han(c) && c != '年' && c != '月' && c != '日').take(1).collect();
                prev = digits.chars().last();
                let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
                let Ok(mantissa) = format!("{int}{frac}").parse::<i128>() else { continue };
                if unit.is_empty() {
                    continue;
                }
                out.push(Quantity { number: number.clone(), span: number.start..end + unit.len(), mantissa, scale: frac.len() as u32, unit });
                continue;
            }
            prev = Some(c);
        }
    }
    out
}
