//! The numbers the outline reads: heading numbers (１２ → 12) and the
//! numerals of dates, Arabic or Chinese (2018 / 二〇一八 / 二十六).

use crate::quantity::{is_han_digit, parse_han_ordinal};
use crate::text::{fold_char, is_digit};

/// Digits, full- or half-width, as a heading number: `１２` → 12.
pub(super) fn parse_arabic(s: &str) -> Option<u32> {
    s.chars().map(fold_char).collect::<String>().parse().ok()
}

/// A Chinese numeral of a date: 二〇一八 (digit by digit) or 二十六 (a cardinal).
fn han_digit_string(s: &str) -> Option<u32> {
    if s.chars().count() == 4 && s.chars().all(|c| is_han_digit(c) && c != '十') {
        return s.chars().try_fold(0u32, |acc, c| {
            Some(
                acc * 10
                    + parse_han_ordinal(c.encode_utf8(&mut [0; 4]))
                        .or((c == '〇' || c == '零').then_some(0))?,
            )
        });
    }
    parse_han_ordinal(s)
}

/// A number read at the start of a date: its value and its length in chars and bytes.
pub(super) struct Numeral {
    pub value: u32,
    pub chars: usize,
    pub bytes: usize,
    /// Written in Chinese numerals.
    pub han: bool,
}

/// The numeral at the start of `s`: up to five digits, or five Chinese numerals.
pub(super) fn numeral_at(s: &str) -> Option<Numeral> {
    let run = |is: fn(char) -> bool| {
        s.chars()
            .take_while(|&c| is(c))
            .take(5)
            .fold((0, 0), |(chars, bytes), c| {
                (chars + 1, bytes + c.len_utf8())
            })
    };
    let (chars, bytes) = run(is_digit);
    if chars > 0 {
        let value = s[..bytes]
            .chars()
            .fold(0, |n, c| n * 10 + fold_char(c).to_digit(10).unwrap_or(0));
        return Some(Numeral {
            value,
            chars,
            bytes,
            han: false,
        });
    }
    let (chars, bytes) = run(is_han_digit);
    if chars > 0 {
        return Some(Numeral {
            value: han_digit_string(&s[..bytes])?,
            chars,
            bytes,
            han: true,
        });
    }
    None
}

/// A digit or a Chinese numeral.
pub(super) fn is_numeral(c: char) -> bool {
    is_digit(c) || is_han_digit(c)
}
