//! The text layer: character classes, full/half-width folding, segmentation into
//! lines, paragraphs, sentences and clauses, and the offset index that converts
//! byte offsets (used everywhere inside the core) into UTF-16 units and
//! line/column (used at every boundary: JS, JSON, CLI).

use std::ops::Range;

/// A byte range into the checked text. Always on `char` boundaries.
pub type Span = Range<usize>;

/// Folds the full-width forms drafts mix freely into one form, so rules can
/// compare `（一）` with `(一)` and `１２` with `12` without two code paths.
/// Ideographic space becomes a plain space. Everything else is unchanged.
#[inline]
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// CJK ideographs (the basic block and extension A, plus the compatibility block).
/// Characters outside the BMP (extension B and later) count as well: rare place
/// names are written with them.
#[inline]
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// ASCII or full-width decimal digit.
#[inline]
pub fn is_digit(c: char) -> bool {
    // `fold_char(c).is_ascii_digit()`, spelt out: this runs on most characters.
    matches!(c, '0'..='9' | '０'..='９')
}

/// Whitespace as drafts use it: ASCII, ideographic space, no-break space, and
/// the zero-width characters that pasting from web pages leaves behind.
#[inline]
pub fn is_blank(c: char) -> bool {
    // `c.is_whitespace()` plus the zero-width ones, spelt out: the standard
    // one looks non-ASCII characters up in a table, and this runs at both
    // ends of every clause.
    matches!(
        c,
        '\t'..='\r'
            | ' '
            | '\u{85}'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200B}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
            | '\u{FEFF}'
    )
}

/// Ends a sentence. `；` is treated as a sentence end as well: in summaries it
/// separates list items that are sentences in their own right.
#[inline]
pub fn is_sentence_end(c: char) -> bool {
    // Full-width forms listed rather than folded: this runs on most characters.
    matches!(c, '。' | '!' | '！' | '?' | '？' | ';' | '；' | '…')
}

/// Separates clauses inside a sentence.
#[inline]
pub fn is_clause_sep(c: char) -> bool {
    matches!(c, ',' | '，' | ':' | '：' | '、') || is_sentence_end(c)
}

/// Trims blanks (including U+3000) from both ends of `span`.
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.clone()];
    let (Some(&first), Some(&last)) = (s.as_bytes().first(), s.as_bytes().last()) else {
        return span.start..span.start;
    };
    // Most pieces neither start nor end with a blank, and their end bytes
    // show it without decoding (this runs for every clause).
    let lead = if BLANK_FIRST_BYTE[usize::from(first)] == 0 {
        0
    } else {
        s.len() - s.trim_start_matches(is_blank).len()
    };
    if lead == s.len() {
        return span.start..span.start;
    }
    let trail = if BLANK_LAST_BYTE[usize::from(last)] == 0 {
        0
    } else {
        s.len() - s.trim_end_matches(is_blank).len()
    };
    span.start + lead..span.end - trail
}

/// 1 for the first byte of every [`is_blank`] character (and a few others).
static BLANK_FIRST_BYTE: [u8; 256] =
    byte_table!(|b| matches!(b, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF) as u8);

/// 1 for the last byte of every [`is_blank`] character (and a few others).
static BLANK_LAST_BYTE: [u8; 256] = byte_table!(|b| matches!(
    b,
    b'\t'..=b'\r' | b' ' | 0x80..=0x8B | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF | 0xBF
) as u8);

/// Lines of `text` as byte ranges, without the line terminator (`\n`, `\r\n`, `\r`).
pub fn split_lines(text: &str) -> Vec<Span> {
    let mut lines = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    // memchr finds the terminators a word at a time: this runs over the whole text.
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[i] == b'\n' {
            let end = if i > start && bytes[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            lines.push(start..end);
            start = i + 1;
        } else if bytes.get(i + 1) != Some(&b'\n') {
            lines.push(start..i);
            start = i + 1;
        }
    }
    lines.push(start..bytes.len());
    lines
}

/// Splits `span` at sentence ends; each piece keeps its terminator. A closing
/// quote or bracket right after the terminator stays with the sentence.
pub fn split_sentences(text: &str, span: Span) -> Vec<Span> {
    let marks: Vec<Mark> = marks_of(text, &span).collect();
    let mut out = Vec::new();
    split_sentences_at_marks(text, span, &marks, &mut out);
    out
}

/// [`split_sentences`] given the marks of `span` (see [`Mark`]), appending to
/// `out`: the document model has the marks already and reuses one buffer.
pub fn split_sentences_at_marks(text: &str, span: Span, marks: &[Mark], out: &mut Vec<Span>) {
    split_at(text, span, marks, is_sentence_end, out)
}

/// A mark of the text and its byte offset: a character that is neither Han
/// (U+4000–U+9FFF) nor an ASCII letter or digit — punctuation, brackets,
/// quotes, blanks. The document finds them once; segmentation and the rules
/// that look for punctuation read them instead of scanning the text again.
pub type Mark = (usize, char);

/// The marks of `span`, at their offsets in `text`.
pub fn marks_of<'t>(text: &'t str, span: &Span) -> impl Iterator<Item = Mark> + 't {
    let start = span.start;
    mark_char_indices(&text[span.clone()]).map(move |(i, c)| (start + i, c))
}

/// The marks of `marks` (in text order) that lie inside `span`.
pub fn marks_within<'m>(marks: &'m [Mark], span: &Span) -> &'m [Mark] {
    let from = marks.partition_point(|&(at, _)| at < span.start);
    let to = from + marks[from..].partition_point(|&(at, _)| at < span.end);
    &marks[from..to]
}

/// The marks of spans visited in text order (a paragraph's sentences, one
/// after another): a cursor that only moves forward, so each span costs its
/// own marks, where [`marks_within`] searches them all each time.
pub struct MarkCursor<'m> {
    marks: &'m [Mark],
    at: usize,
}

impl<'m> MarkCursor<'m> {
    pub fn new(marks: &'m [Mark]) -> Self {
        MarkCursor { marks, at: 0 }
    }

    /// The marks inside `span`, which starts at or after the last span asked about.
    pub fn within(&mut self, span: &Span) -> &'m [Mark] {
        let marks = self.marks;
        let mut from = self.at;
        while marks.get(from).is_some_and(|&(at, _)| at < span.start) {
            from += 1;
        }
        let mut to = from;
        while marks.get(to).is_some_and(|&(at, _)| at < span.end) {
            to += 1;
        }
        self.at = to;
        &marks[from..to]
    }
}

/// Splits `span` at clause separators; each piece keeps its separator.
/// A comma inside `1,200` / `1，200` is a thousands separator, not a clause break.
pub fn split_clauses(text: &str, span: Span) -> Vec<Span> {
    let marks: Vec<Mark> = marks_of(text, &span).collect();
    let mut out = Vec::new();
    split_clauses_at_marks(text, span, &marks, &mut out);
    out
}

/// [`split_clauses`] given the marks of `span` (see [`Mark`]), appending to `out`.
pub fn split_clauses_at_marks(text: &str, span: Span, marks: &[Mark], out: &mut Vec<Span>) {
    split_at(text, span, marks, is_clause_sep, out)
}

/// Is the comma at byte `i` of `s` between digit groups (`1,200`)?
fn is_thousands_comma(s: &str, i: usize, c: char) -> bool {
    if !matches!(c, ',' | '，') || !s[..i].chars().next_back().is_some_and(is_digit) {
        return false;
    }
    let mut after = s[i + c.len_utf8()..].chars();
    (0..3).all(|_| after.next().is_some_and(is_digit)) && !after.next().is_some_and(is_digit)
}

/// Generic over the predicate so it is inlined. Every separator is a mark, so
/// only the marks of `span` (offsets in `text`, in order) are read.
fn split_at(
    text: &str,
    span: Span,
    marks: &[Mark],
    is_end: impl Fn(char) -> bool,
    out: &mut Vec<Span>,
) {
    let whole = &text[span.clone()];
    let mut start = span.start;
    // Where the current piece's absorbed terminators and closers end.
    let mut resume = 0;
    for &(at, c) in marks {
        let i = at - span.start;
        if i < resume || !is_end(c) || is_thousands_comma(whole, i, c) {
            continue;
        }
        // Keep runs of terminators and trailing closers with this piece.
        let mut end = i + c.len_utf8();
        while let Some(n) = whole[end..].chars().next() {
            if is_end(n) || matches!(n, '”' | '’' | '）' | ')' | '」' | '』' | '》') {
                end += n.len_utf8();
            } else {
                break;
            }
        }
        let piece = trim_span(text, start..span.start + end);
        if !piece.is_empty() {
            out.push(piece);
        }
        start = span.start + end;
        resume = end;
    }
    let rest = trim_span(text, start..span.end);
    if !rest.is_empty() {
        out.push(rest);
    }
}

/// Is `b` the lead byte of a character in U+4000–U+9FFF (Han, always three
/// bytes)? Scans that look for anything but Han step over those unread.
#[inline]
pub const fn is_han_lead_byte(b: u8) -> bool {
    matches!(b, 0xE4..=0xE9)
}

/// `s.char_indices()` without the characters in U+4000–U+9FFF (Han: the bulk
/// of a draft) and without ASCII letters and digits (the figures): what is
/// left are the marks — punctuation, brackets, quotes, blanks — and other
/// scripts. For scans that look only for marks. Found by their first byte
/// (see [`flagged_pairs`]), decoded only there.
pub fn mark_char_indices(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    flagged_pairs(s.as_bytes(), |b, _| first_byte_of_mark(b))
        .filter_map(move |i| s.get(i..)?.chars().next().map(|c| (i, c)))
}

/// Is `b` the first byte of a mark: not a continuation byte, not the lead
/// byte of a Han character, not an ASCII letter or digit?
#[inline(always)]
pub fn first_byte_of_mark(b: u8) -> bool {
    if VECTOR_SCAN {
        first_byte_of_mark_compared(b)
    } else {
        MARK_FIRST_BYTE[usize::from(b)] != 0
    }
}

/// [`first_byte_of_mark`] as comparisons without a branch: 16 bytes an
/// instruction once vectorised.
#[inline(always)]
fn first_byte_of_mark_compared(b: u8) -> bool {
    let continuation = b & 0xC0 == 0x80;
    let digit = b.wrapping_sub(b'0') < 10;
    let letter = (b | 0x20).wrapping_sub(b'a') < 26;
    !(continuation | is_han_lead_byte(b) | digit | letter)
}

/// Does the CPU test 16 bytes an instruction (x86_64's SSE2, aarch64's NEON)?
/// Then byte tests in [`flagged_pairs`] are written as comparisons, which
/// vectorise; elsewhere (wasm32 without SIMD) as one table load, which is
/// cheaper one byte at a time. Tests hold the two forms to each other.
pub const VECTOR_SCAN: bool = cfg!(any(target_arch = "x86_64", target_arch = "aarch64"));

/// The offsets `k` of `bytes` where `flag(bytes[k], bytes[k + 1])` holds (the
/// byte after the last reads as 0), in order. A `flag` that holds only for
/// ASCII and lead bytes yields character boundaries only.
///
/// Why not step through the characters: each step must wait for the length
/// of the character before it (a load, then a table load), about ten cycles
/// a character. Here 64 bytes at a time are tested independently into a
/// bitmask, about a cycle a byte, and the set bits are read off it. Worth it
/// where the flagged bytes are few (marks, placeholders), not where they are
/// dense (the figure scanner tried it and got slower). `flag` should not
/// branch: table loads and comparisons.
pub fn flagged_pairs<F: Fn(u8, u8) -> bool>(bytes: &[u8], flag: F) -> FlaggedBytes<'_, F> {
    FlaggedBytes {
        bytes,
        flag,
        chunk_start: 0,
        next_chunk: 0,
        mask: 0,
    }
}

/// The iterator of [`flagged_pairs`].
pub struct FlaggedBytes<'b, F> {
    bytes: &'b [u8],
    flag: F,
    /// Offset of the 64-byte chunk that `mask` describes.
    chunk_start: usize,
    /// Offset of the chunk to test next.
    next_chunk: usize,
    /// Bit `j` is set for a flagged byte at `chunk_start + j` not yet yielded.
    mask: u64,
}

impl<F: Fn(u8, u8) -> bool> Iterator for FlaggedBytes<'_, F> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            let from = self.next_chunk;
            if from >= self.bytes.len() {
                return None;
            }
            let end = (from + 64).min(self.bytes.len());
            // One 0/1 byte a position, then packed eight at a time: a loop
            // of comparisons here becomes vector instructions where the CPU
            // has them, a shift-and-or per bit would not.
            let mut flags = [0u8; 64];
            if let Some(window) = self.bytes.get(from..from + 65) {
                // A whole chunk and the byte after it: fixed bounds, no checks.
                let window: &[u8; 65] = window.try_into().expect("65 bytes");
                for j in 0..64 {
                    flags[j] = u8::from((self.flag)(window[j], window[j + 1]));
                }
            } else {
                let chunk = &self.bytes[from..end];
                for (j, &b) in chunk.iter().enumerate() {
                    let next = chunk.get(j + 1).copied().unwrap_or(0);
                    flags[j] = u8::from((self.flag)(b, next));
                }
            }
            let mut mask = 0u64;
            for (k, eight) in flags.chunks_exact(8).enumerate() {
                let eight = u64::from_le_bytes(eight.try_into().expect("8 bytes"));
                // Byte k of `eight` (0 or 1) lands on bit 56 + k.
                mask |= (eight.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k);
            }
            self.chunk_start = from;
            self.next_chunk = end;
            self.mask = mask;
        }
        let j = self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(self.chunk_start + j)
    }
}

/// `s.char_indices()` of the characters in U+4000–U+9FFF only (the Han block
/// that holds every common character): everything else is stepped over by
/// its first byte, and these are decoded from their three bytes in place.
/// For scans whose words all start with such a character.
pub fn han_block_char_indices(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(i) {
            if is_han_lead_byte(b) {
                // Valid UTF-8: a lead byte E4–E9 is followed by two continuation bytes.
                let c = (u32::from(b & 0x0F) << 12)
                    | (u32::from(bytes[i + 1] & 0x3F) << 6)
                    | u32::from(bytes[i + 2] & 0x3F);
                let at = i;
                i += 3;
                return char::from_u32(c).map(|c| (at, c));
            }
            i += utf8_char_len(b);
        }
        None
    })
}

/// A `[u8; 256]` built at compile time from an expression of the byte `b`:
/// the tables that byte-stepping scans look a character's first byte up in.
macro_rules! byte_table {
    (|$b:ident| $value:expr) => {{
        let mut table = [0u8; 256];
        let mut k = 0;
        while k < 256 {
            let $b = k as u8;
            table[k] = $value;
            k += 1;
        }
        table
    }};
}
pub(crate) use byte_table;

/// Length of the UTF-8 character whose first byte is `lead` (a table load:
/// scans step by this over text where the lengths alternate unpredictably).
#[inline]
pub fn utf8_char_len(lead: u8) -> usize {
    UTF8_CHAR_LEN[usize::from(lead)] as usize
}

static UTF8_CHAR_LEN: [u8; 256] = byte_table!(|b| match b {
    0..=0x7F => 1,
    0x80..=0xDF => 2,
    0xE0..=0xEF => 3,
    _ => 4,
});

/// For [`mark_char_indices`]: 1 for the first byte of a mark — not a
/// continuation byte, not the lead byte of a Han character, not an ASCII
/// letter or digit.
static MARK_FIRST_BYTE: [u8; 256] =
    byte_table!(|b| (b & 0xC0 != 0x80 && !is_han_lead_byte(b) && !b.is_ascii_alphanumeric()) as u8);

/// The closing mark for an opening quote or bracket (（ and ( both close with
/// the folded `)`), or `None` for any other char.
pub fn closer(open: char) -> Option<char> {
    Some(match open {
        '“' => '”',
        '‘' => '’',
        '（' | '(' => ')',
        '《' => '》',
        '【' => '】',
        '〔' => '〕',
        '「' => '」',
        '『' => '』',
        _ => return None,
    })
}

/// A closing quote or bracket.
pub fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '）' | ')' | '》' | '】' | '〕' | '」' | '』')
}

/// The last `bytes` bytes of `s` (widened back to a char boundary): the
/// words right before a figure, without the whole clause.
pub fn tail(s: &str, bytes: usize) -> &str {
    &s[floor_boundary(s, s.len().saturating_sub(bytes))..]
}

/// Moves `pos` down to the nearest char boundary (and into the text).
pub fn floor_boundary(text: &str, pos: usize) -> usize {
    let mut p = pos.min(text.len());
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// The first char boundary at or after `pos`.
fn ceil_boundary(text: &str, pos: usize) -> usize {
    let mut p = pos.min(text.len());
    while !text.is_char_boundary(p) {
        p += 1;
    }
    p
}

/// (UTF-16 units, chars) of whole UTF-8 characters, counted from their bytes:
/// every byte but a continuation byte starts a character, and a 4-byte lead
/// (outside the BMP) starts a surrogate pair. Branch-free, so it vectorizes.
fn unit_counts(bytes: &[u8]) -> (usize, usize) {
    let (mut chars, mut astral) = (0usize, 0usize);
    // Byte-wide counters (at most 255 per chunk) so the compiler can count
    // 16 bytes an instruction.
    for chunk in bytes.chunks(255) {
        let (mut c, mut a) = (0u8, 0u8);
        for &b in chunk {
            // Continuation bytes are 0x80..=0xBF, i.e. below -64 as i8.
            c += u8::from(b as i8 >= -64);
            a += u8::from(b >= 0xF0);
        }
        chars += usize::from(c);
        astral += usize::from(a);
    }
    (chars + astral, chars)
}

/// A position as it leaves the core: UTF-16 offset plus 1-based line and
/// column (column counted in Unicode scalar values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub utf16: usize,
    pub line: usize,
    pub column: usize,
}

/// Converts byte offsets to [`Position`]s in O(log n + K) each, where K is the
/// checkpoint stride, so converting every span of a 10 MB single-line text
/// stays linear overall.
pub struct OffsetIndex<'a> {
    text: &'a str,
    /// Byte offset where each line starts.
    line_starts: Vec<usize>,
    /// For each line, how many lines with text come before it: a paragraph
    /// number that does not count blank lines (in a rich editor each block is
    /// one line and empty blocks are none, so it is the paragraph a reader counts).
    texts_before: Vec<u32>,
    /// (byte, utf16 units before it, chars before it), every ~STRIDE bytes, on char boundaries.
    checkpoints: Vec<(usize, usize, usize)>,
}

const STRIDE: usize = 256;

impl<'a> OffsetIndex<'a> {
    /// `lines` are `split_lines(text)` (the document model holds them already):
    /// one definition of a line.
    pub fn new(text: &'a str, lines: &[Span]) -> Self {
        let line_starts = lines.iter().map(|l| l.start).collect();
        let mut texts_before = Vec::with_capacity(lines.len());
        let mut count = 0u32;
        for l in lines {
            texts_before.push(count);
            // Stops at a line's first non-blank character: nearly always the first.
            count += u32::from(!text[l.clone()].chars().all(is_blank));
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        checkpoints.push((0, 0, 0));
        let (mut b, mut utf16, mut chars) = (0usize, 0usize, 0usize);
        while b + STRIDE < bytes.len() {
            let next = ceil_boundary(text, b + STRIDE);
            let (u, c) = unit_counts(&bytes[b..next]);
            (b, utf16, chars) = (next, utf16 + u, chars + c);
            if b < bytes.len() {
                checkpoints.push((b, utf16, chars));
            }
        }
        OffsetIndex {
            text,
            line_starts,
            texts_before,
            checkpoints,
        }
    }

    /// (utf16 units, chars) before byte `pos`.
    fn counts(&self, pos: usize) -> (usize, usize) {
        let pos = floor_boundary(self.text, pos);
        let k = self.checkpoints.partition_point(|cp| cp.0 <= pos) - 1;
        let (b, u, c) = self.checkpoints[k];
        let (du, dc) = unit_counts(&self.text.as_bytes()[b..pos]);
        (u + du, c + dc)
    }

    pub fn utf16(&self, pos: usize) -> usize {
        self.counts(pos).0
    }

    /// 0-based line index of byte `pos`.
    pub fn line_of(&self, pos: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= pos) - 1
    }

    pub fn position(&self, pos: usize) -> Position {
        let pos = floor_boundary(self.text, pos);
        let line = self.line_of(pos);
        let (utf16, chars) = self.counts(pos);
        let line_chars = self.counts(self.line_starts[line]).1;
        Position {
            utf16,
            line: line + 1,
            column: chars - line_chars + 1,
        }
    }

    /// 1-based paragraph number of byte `pos`: lines with text counted, blank
    /// lines not (a position on a blank line takes the next paragraph's number).
    pub fn paragraph(&self, pos: usize) -> usize {
        self.texts_before[self.line_of(pos)] as usize + 1
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelt_out_predicates_match_their_folded_definitions() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let f = fold_char(c);
            assert_eq!(is_digit(c), f.is_ascii_digit(), "{c:?}");
            assert_eq!(
                is_sentence_end(c),
                matches!(f, '。' | '!' | '?' | ';' | '…'),
                "{c:?}"
            );
            assert_eq!(
                is_clause_sep(c),
                matches!(f, ',' | '，' | ':' | '、' | '。' | '!' | '?' | ';' | '…'),
                "{c:?}"
            );
            assert_eq!(
                is_blank(c),
                c.is_whitespace() || matches!(c, '\u{3000}' | '\u{00A0}' | '\u{200B}' | '\u{FEFF}'),
                "{c:?}"
            );
            // trim_span passes a piece by its end bytes: every blank must be seen there.
            if is_blank(c) {
                let mut buf = [0u8; 4];
                let b = c.encode_utf8(&mut buf).as_bytes();
                assert_eq!(BLANK_FIRST_BYTE[usize::from(b[0])], 1, "{c:?}");
                assert_eq!(BLANK_LAST_BYTE[usize::from(b[b.len() - 1])], 1, "{c:?}");
            }
        }
    }

    #[test]
    fn folds_full_width_forms() {
        assert_eq!(
            "（一）１２，".chars().map(fold_char).collect::<String>(),
            "(一)12,"
        );
        assert_eq!(fold_char('　'), ' ');
        assert_eq!(fold_char('人'), '人');
    }

    #[test]
    fn positions_count_utf16_and_chars() {
        let text = "标题\n𠀀人口2544人\r\n末行";
        let idx = OffsetIndex::new(text, &split_lines(text));
        let p = text.find("2544").unwrap();
        // 𠀀 is outside the BMP: two UTF-16 units, one char.
        assert_eq!(
            idx.position(p),
            Position {
                utf16: 3 + 2 + 2,
                line: 2,
                column: 4
            }
        );
        let q = text.find("末").unwrap();
        assert_eq!(idx.position(q).line, 3);
        assert_eq!(idx.position(q).column, 1);
        assert_eq!(idx.position(text.len()).column, 3);
    }

    #[test]
    fn positions_agree_with_counting_by_hand_across_checkpoints() {
        // Lines of every width of character, longer than a checkpoint stride
        // and a counting chunk: every position agrees with counting by hand.
        let text: String = "数据𝄞a é\r\n".repeat(100) + &"数据𝄞aé".repeat(300) + "\r末\n";
        let idx = OffsetIndex::new(&text, &split_lines(&text));
        let (mut line, mut column) = (1, 1);
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let expected = Position {
                utf16: text[..i].encode_utf16().count(),
                line,
                column,
            };
            assert_eq!(idx.position(i), expected, "at byte {i}");
            column += 1;
            let crlf = c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n');
            if c == '\n' || (c == '\r' && !crlf) {
                (line, column) = (line + 1, 1);
            }
        }
        assert_eq!(idx.line_count(), line);
    }

    #[test]
    fn paragraphs_skip_blank_lines() {
        let t = "标题\n\n\u{3000}\n一、成效\r\n正文\u{2028}续行\n\n";
        let idx = OffsetIndex::new(t, &split_lines(t));
        let at = |s: &str| idx.paragraph(t.find(s).unwrap());
        assert_eq!(
            (at("标题"), at("一、"), at("正文"), at("续行")),
            (1, 2, 3, 3)
        );
        // A blank line takes the number of the paragraph after it.
        assert_eq!(idx.paragraph(t.find('\u{3000}').unwrap()), 2);
        assert_eq!(idx.paragraph(t.len()), 4);
    }

    #[test]
    fn sentences_keep_closers() {
        let t = "他说“好。”然后走了；最后。";
        let s: Vec<&str> = split_sentences(t, 0..t.len())
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(s, vec!["他说“好。”", "然后走了；", "最后。"]);
    }

    #[test]
    fn marks_within_a_span_are_those_inside_it() {
        let t = "一、报到2544人，其中（党员）“好”。共3户；";
        let marks: Vec<Mark> = marks_of(t, &(0..t.len())).collect();
        for start in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
            for end in (start..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                let expected: Vec<Mark> = marks
                    .iter()
                    .copied()
                    .filter(|&(at, _)| (start..end).contains(&at))
                    .collect();
                assert_eq!(
                    marks_within(&marks, &(start..end)),
                    &expected[..],
                    "{start}..{end}"
                );
                // Splitting from the marks is splitting from the text.
                let mut a = Vec::new();
                split_clauses_at_marks(t, start..end, marks_within(&marks, &(start..end)), &mut a);
                assert_eq!(a, split_clauses(t, start..end));
            }
        }
    }

    #[test]
    fn the_compared_and_the_looked_up_mark_bytes_agree() {
        for b in 0..=255u8 {
            let compared = first_byte_of_mark_compared(b);
            assert_eq!(compared, MARK_FIRST_BYTE[usize::from(b)] != 0, "{b:#x}");
            assert_eq!(first_byte_of_mark(b), compared, "{b:#x}");
        }
        // A text long enough for whole 64-byte chunks and a ragged end.
        let t = "报到2544人，其中（党员）104名、群众289人。".repeat(9);
        let expected: Vec<(usize, char)> = t
            .char_indices()
            .filter(|&(_, c)| !('\u{4000}'..='\u{9FFF}').contains(&c) && !c.is_ascii_alphanumeric())
            .collect();
        assert_eq!(mark_char_indices(&t).collect::<Vec<_>>(), expected);
    }

    #[test]
    fn byte_scans_yield_exactly_their_characters() {
        let t = "报到2544人，其中（党员）𠀀“好”。㐀a_Z9 ９Ｘ:\n";
        let expected: Vec<(usize, char)> = t
            .char_indices()
            .filter(|&(_, c)| !('\u{4000}'..='\u{9FFF}').contains(&c) && !c.is_ascii_alphanumeric())
            .collect();
        assert_eq!(mark_char_indices(t).collect::<Vec<_>>(), expected);
        assert_eq!(mark_char_indices("").count(), 0);
        let in_block = |c: char| ('\u{4000}'..='\u{9FFF}').contains(&c);
        let expected: Vec<(usize, char)> = t.char_indices().filter(|&(_, c)| in_block(c)).collect();
        assert_eq!(han_block_char_indices(t).collect::<Vec<_>>(), expected);
        // Every character, at every position after a Han one and an ASCII one.
        for c in (0..=0x10FFFFu32).step_by(7).filter_map(char::from_u32) {
            let t = format!("人{c}1{c}");
            let expected: Vec<(usize, char)> = t
                .char_indices()
                .filter(|&(_, c)| {
                    !('\u{4000}'..='\u{9FFF}').contains(&c) && !c.is_ascii_alphanumeric()
                })
                .collect();
            assert_eq!(mark_char_indices(&t).collect::<Vec<_>>(), expected, "{c:?}");
            let expected: Vec<(usize, char)> =
                t.char_indices().filter(|&(_, c)| in_block(c)).collect();
            assert_eq!(
                han_block_char_indices(&t).collect::<Vec<_>>(),
                expected,
                "{c:?}"
            );
        }
    }

    #[test]
    fn lines_handle_crlf_and_cr() {
        let t = "a\r\nb\rc\n";
        let l: Vec<&str> = split_lines(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(l, vec!["a", "b", "c", ""]);
    }
}

/// Sorts `v` stably by `cmp`: [`slice::sort_by`] natively; on wasm a short
/// merge sort of indices behind one `dyn` comparator, because every use of the
/// standard library's sorts instantiates ~5 KB of wasm code and the lists
/// sorted here (findings, headings, word lists, a few figures) are short or
/// nearly sorted. A stable sort's result is unique, so both give the same
/// order (for a `sort_unstable` of plain values too: equal ones are alike).
pub fn sort_stable_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> std::cmp::Ordering) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(cmp);
    #[cfg(target_arch = "wasm32")]
    merge_sort_by(v, cmp);
}

/// The starts of `needle` in `haystack`: natively a vectorised search
/// (memchr's memmem, a few passes of which cost less than decoding a text);
/// on wasm the standard library's, which the page has anyway (memmem would
/// add its code to every page load for drafts a thousand times smaller).
pub fn find_all<'h>(haystack: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    #[cfg(not(target_arch = "wasm32"))]
    return memchr::memmem::find_iter(haystack.as_bytes(), needle.as_bytes());
    #[cfg(target_arch = "wasm32")]
    return haystack.match_indices(needle).map(|(i, _)| i);
}

/// The wasm side of [`sort_stable_by`].
#[cfg(any(target_arch = "wasm32", test))]
fn merge_sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if v.windows(2).all(|w| cmp(&w[0], &w[1]).is_le()) {
        return;
    }
    let order = stable_order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    // Element i goes to position dest[i].
    let mut dest = vec![0; v.len()];
    for (k, &i) in order.iter().enumerate() {
        dest[i] = k;
    }
    for i in 0..v.len() {
        while dest[i] != i {
            let d = dest[i];
            v.swap(i, d);
            dest.swap(i, d);
        }
    }
}

/// The indices `0..n` in the order `cmp` sorts them, equal ones in index
/// order: a bottom-up merge sort (see [`sort_stable_by`]).
#[cfg(any(target_arch = "wasm32", test))]
fn stable_order(n: usize, cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut b = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // The right run's item goes first only when strictly less.
                if cmp(a[j], a[i]).is_lt() {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + mid - i].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..k + hi - j].copy_from_slice(&a[j..hi]);
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

#[cfg(test)]
mod sort_tests {
    #[test]
    fn stable_order_is_the_standard_stable_sort() {
        let mut seed = 7u64;
        for n in [0, 1, 2, 3, 7, 64, 100, 1000] {
            let keys: Vec<u64> = (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    seed % 10
                })
                .collect();
            let mut expected: Vec<usize> = (0..n).collect();
            expected.sort_by_key(|&i| keys[i]);
            assert_eq!(
                super::stable_order(n, &|a, b| keys[a].cmp(&keys[b])),
                expected
            );
            // The same items sorted in place, equal keys told apart by their index.
            let mut items: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            super::merge_sort_by(&mut items, |a, b| a.0.cmp(&b.0));
            let order: Vec<usize> = items.iter().map(|&(_, i)| i).collect();
            assert_eq!(order, expected);
        }
    }
}

/// A word list indexed by first character, for "which of these words starts
/// here?" in O(words with that first character) instead of O(all words).
/// Build it once (in a `OnceLock`) and share it.
///
/// Rules ask this at every character of the text, and almost every answer is
/// "none": a bitset over the first characters' low bits rejects those without
/// a search, and the few candidates are compared byte by byte inline (a libc
/// `memcmp` call costs more than comparing a 3–9-byte word).
pub struct Lexicon<'w> {
    /// (first char, words starting with it, longest first), sorted by the
    /// first char's class (see [`first_class`]), then by the char.
    by_first: Vec<(char, Vec<&'w str>)>,
    /// Bit `first_class(c)` is set for every first char `c`: for scanning
    /// loops, small enough to stay in the L1 cache beside the text.
    first_bits: [u64; FIRST_CLASSES / 64],
    /// For each class, 1 + the index in `by_first` of its first entry, or 0:
    /// a word list is found with one load, not a binary search.
    class_start: Box<[u16; FIRST_CLASSES]>,
}

const FIRST_CLASSES: usize = 4096;

/// First chars are told apart by their low bits: a few Han characters share a
/// class, which costs a comparison, not a wrong answer.
#[inline]
fn first_class(c: char) -> usize {
    c as usize & (FIRST_CLASSES - 1)
}

/// A [`Lexicon`] of a constant word list, built on first use, for `static`s:
/// `static SHARE: Words = Words::new(&["占", "比例"]);` then
/// `SHARE.occurs_in(text)`.
pub struct Words {
    words: &'static [&'static str],
    lexicon: std::sync::OnceLock<Lexicon<'static>>,
}

impl Words {
    pub const fn new(words: &'static [&'static str]) -> Self {
        Words {
            words,
            lexicon: std::sync::OnceLock::new(),
        }
    }
}

impl std::ops::Deref for Words {
    type Target = Lexicon<'static>;
    fn deref(&self) -> &Lexicon<'static> {
        self.lexicon.get_or_init(|| Lexicon::new(self.words))
    }
}

/// `s` starts with `w`, compared inline.
#[inline]
fn has_prefix(s: &[u8], w: &[u8]) -> bool {
    s.len() >= w.len() && s.iter().zip(w).all(|(a, b)| a == b)
}

/// `s.starts_with(w)` for a short word, compared inline: the standard one
/// calls `memcmp`, which costs more than the few bytes compared, and the
/// figure scanner asks this several times for every figure.
#[inline]
pub fn starts(s: &str, w: &str) -> bool {
    has_prefix(s.as_bytes(), w.as_bytes())
}

/// `a == b` for short words, compared inline (see [`starts`]).
#[inline]
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && starts(a, b)
}

/// `s.ends_with(w)` for a short word, compared inline (see [`starts`]).
#[inline]
pub fn ends(s: &str, w: &str) -> bool {
    let (s, w) = (s.as_bytes(), w.as_bytes());
    s.len() >= w.len() && has_prefix(&s[s.len() - w.len()..], w)
}

impl<'w> Lexicon<'w> {
    /// Empty words are left out (they would match everywhere).
    pub fn new(words: &[&'w str]) -> Self {
        let mut by_first: Vec<(char, Vec<&'w str>)> = Vec::new();
        for &w in words {
            let Some(c) = w.chars().next() else { continue };
            match by_first.iter_mut().find(|(f, _)| *f == c) {
                Some((_, list)) => list.push(w),
                None => by_first.push((c, vec![w])),
            }
        }
        for (_, list) in &mut by_first {
            sort_stable_by(list, |a, b| b.len().cmp(&a.len()));
            list.dedup();
        }
        sort_stable_by(&mut by_first, |a, b| {
            (first_class(a.0), a.0).cmp(&(first_class(b.0), b.0))
        });
        assert!(
            by_first.len() < u16::MAX as usize,
            "too many first characters"
        );
        let mut first_bits = [0u64; FIRST_CLASSES / 64];
        let mut class_start = Box::new([0u16; FIRST_CLASSES]);
        for (i, &(c, _)) in by_first.iter().enumerate().rev() {
            let class = first_class(c);
            first_bits[class / 64] |= 1 << (class % 64);
            class_start[class] = i as u16 + 1;
        }
        Lexicon {
            by_first,
            first_bits,
            class_start,
        }
    }

    /// The words that start with `c`, longest first.
    #[inline]
    fn words_starting_with(&self, c: char) -> &[&'w str] {
        // The bitset first: it rejects almost every character, from 512
        // bytes that stay in the L1 cache.
        if !self.may_start(c) {
            return &[];
        }
        let class = first_class(c);
        let Some(from) = (self.class_start[class] as usize).checked_sub(1) else {
            return &[];
        };
        self.by_first[from..]
            .iter()
            .take_while(|(f, _)| first_class(*f) == class)
            .find(|(f, _)| *f == c)
            .map_or(&[], |(_, words)| words)
    }

    /// The longest word of the list that `s` starts with.
    #[inline]
    pub fn longest_prefix(&self, s: &str) -> Option<&'w str> {
        self.prefixes(s).next()
    }

    /// Every word of the list that `s` starts with, longest first.
    #[inline]
    pub fn prefixes<'s>(&self, s: &'s str) -> impl Iterator<Item = &'w str> + use<'_, 's, 'w> {
        let words: &[&'w str] = match s.chars().next() {
            Some(c) => self.words_starting_with(c),
            None => &[],
        };
        words
            .iter()
            .copied()
            .filter(move |w| has_prefix(s.as_bytes(), w.as_bytes()))
    }

    /// Does any word of the list occur in `s`? One pass over `s`, instead of
    /// one substring search per word.
    pub fn occurs_in(&self, s: &str) -> bool {
        s.char_indices()
            .any(|(i, c)| self.may_start(c) && self.longest_prefix(&s[i..]).is_some())
    }

    /// Where the earliest-ending occurrence of a word of the list in `s` ends:
    /// `occurs_in(&s[..n])` holds exactly when that is at most `n`, so a caller
    /// asking about many prefixes of one text reads it once.
    pub fn first_end_in(&self, s: &str) -> Option<usize> {
        let mut best: Option<usize> = None;
        for (i, c) in s.char_indices() {
            if best.is_some_and(|b| i >= b) {
                break;
            }
            if !self.may_start(c) {
                continue;
            }
            // The shortest word here ends first.
            if let Some(w) = self.prefixes(&s[i..]).last() {
                let end = i + w.len();
                best = Some(best.map_or(end, |b| b.min(end)));
            }
        }
        best
    }

    /// False when no word starts with `c`; true may be a false positive. For
    /// scanning loops that want to skip a character before slicing at it.
    #[inline]
    pub fn may_start(&self, c: char) -> bool {
        let class = first_class(c);
        self.first_bits[class / 64] & (1 << (class % 64)) != 0
    }
}

#[cfg(test)]
mod lexicon_tests {
    use super::Lexicon;

    #[test]
    fn longest_word_wins() {
        let l = Lexicon::new(&["万", "万元", "平方米", "人", "人次"]);
        assert_eq!(l.longest_prefix("万元以上"), Some("万元"));
        assert_eq!(l.longest_prefix("人次，"), Some("人次"));
        assert_eq!(l.longest_prefix("平方公里"), None);
        assert_eq!(l.longest_prefix(""), None);
        assert!(l.may_start('平') && !l.may_start('米'));
        // First chars of one class (U+4E00, U+5E00, U+6E00 share their low
        // 12 bits) are still told apart.
        let shared = Lexicon::new(&["一个", "帀子", "帀", "万"]);
        assert_eq!(shared.longest_prefix("帀子们"), Some("帀子"));
        assert_eq!(shared.longest_prefix("帀们"), Some("帀"));
        assert_eq!(shared.longest_prefix("一个"), Some("一个"));
        assert_eq!(shared.longest_prefix("一"), None);
        assert!(shared.may_start('渀'));
        assert_eq!(shared.longest_prefix("渀子"), None);
        assert!(l.occurs_in("新增平方米数") && !l.occurs_in("平方公里") && !l.occurs_in(""));
        // first_end_in answers occurs_in for every prefix of a text.
        for text in ["新增平方米数", "平方公里", "", "平方米平方米", "公里米"] {
            let first_end = l.first_end_in(text);
            for n in (0..=text.len()).filter(|&n| text.is_char_boundary(n)) {
                assert_eq!(
                    l.occurs_in(&text[..n]),
                    first_end.is_some_and(|e| e <= n),
                    "{text} {n}"
                );
            }
        }
    }
}

/// Traditional characters a draft may be typed in (or a page converted to),
/// with the simplified ones the rules' word lists use: the units and measure
/// words (個, 戶, 萬, 噸), the role words (總, 佔, 增長, 計劃) and the common
/// nouns of figures. Each pair is three UTF-8 bytes both ways, so folding keeps
/// every offset. Sorted by the traditional character.
const TRADITIONAL: &[(char, char)] = &[
    ('佔', '占'),
    ('來', '来'),
    ('個', '个'),
    ('們', '们'),
    ('億', '亿'),
    ('兩', '两'),
    ('則', '则'),
    ('劃', '划'),
    ('動', '动'),
    ('務', '务'),
    ('區', '区'),
    ('參', '参'),
    ('員', '员'),
    ('噸', '吨'),
    ('園', '园'),
    ('報', '报'),
    ('場', '场'),
    ('學', '学'),
    ('實', '实'),
    ('審', '审'),
    ('專', '专'),
    ('對', '对'),
    ('屆', '届'),
    ('屬', '属'),
    ('廠', '厂'),
    ('張', '张'),
    ('從', '从'),
    ('戰', '战'),
    ('戶', '户'),
    ('據', '据'),
    ('數', '数'),
    ('於', '于'),
    ('曆', '历'),
    ('會', '会'),
    ('東', '东'),
    ('條', '条'),
    ('業', '业'),
    ('樓', '楼'),
    ('標', '标'),
    ('歲', '岁'),
    ('歷', '历'),
    ('減', '减'),
    ('準', '准'),
    ('濟', '济'),
    ('為', '为'),
    ('爲', '为'),
    ('現', '现'),
    ('環', '环'),
    ('產', '产'),
    ('畝', '亩'),
    ('當', '当'),
    ('療', '疗'),
    ('發', '发'),
    ('礦', '矿'),
    ('稅', '税'),
    ('種', '种'),
    ('積', '积'),
    ('筆', '笔'),
    ('節', '节'),
    ('糧', '粮'),
    ('約', '约'),
    ('級', '级'),
    ('絡', '络'),
    ('統', '统'),
    ('經', '经'),
    ('網', '网'),
    ('線', '线'),
    ('縣', '县'),
    ('總', '总'),
    ('職', '职'),
    ('脫', '脱'),
    ('臺', '台'),
    ('與', '与'),
    ('舊', '旧'),
    ('莊', '庄'),
    ('華', '华'),
    ('萬', '万'),
    ('處', '处'),
    ('衛', '卫'),
    ('補', '补'),
    ('計', '计'),
    ('設', '设'),
    ('評', '评'),
    ('調', '调'),
    ('證', '证'),
    ('議', '议'),
    ('豬', '猪'),
    ('財', '财'),
    ('貧', '贫'),
    ('費', '费'),
    ('貼', '贴'),
    ('資', '资'),
    ('車', '车'),
    ('較', '较'),
    ('輛', '辆'),
    ('輪', '轮'),
    ('轄', '辖'),
    ('辦', '办'),
    ('農', '农'),
    ('這', '这'),
    ('進', '进'),
    ('達', '达'),
    ('鄉', '乡'),
    ('鄰', '邻'),
    ('醫', '医'),
    ('鎮', '镇'),
    ('長', '长'),
    ('門', '门'),
    ('開', '开'),
    ('間', '间'),
    ('關', '关'),
    ('隊', '队'),
    ('險', '险'),
    ('隻', '只'),
    ('雞', '鸡'),
    ('電', '电'),
    ('項', '项'),
    ('預', '预'),
    ('頭', '头'),
    ('額', '额'),
    ('類', '类'),
    ('養', '养'),
    ('餘', '余'),
    ('馬', '马'),
    ('魚', '鱼'),
    ('點', '点'),
    ('黨', '党'),
    ('齡', '龄'),
];

/// The text with its traditional characters read as simplified ones (see
/// [`TRADITIONAL`]): the same length and offsets, so findings on it point
/// into the original. Borrowed when there is nothing to fold.
pub fn fold_traditional(text: &str) -> std::borrow::Cow<'_, str> {
    let traditional = |c: char| {
        TRADITIONAL
            .binary_search_by(|&(t, _)| t.cmp(&c))
            .ok()
            .map(|i| TRADITIONAL[i].1)
    };
    // Most drafts have none: a scan that allocates nothing.
    if !text
        .chars()
        .any(|c| c >= '\u{4e00}' && traditional(c).is_some())
    {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                if c >= '\u{4e00}' {
                    traditional(c).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect(),
    )
}
