//! Offsets in the three units text is counted in, and the conversions between them.
//!
//! Rust strings are UTF-8, so the core counts in UTF-8 bytes (plain `usize`
//! ranges into [`super::Block::text`], always on char boundaries). The DOM
//! counts in UTF-16 code units ([`Utf16`]); the W3C Web Annotation model and
//! JavaScript's `Array.from(str)` count in code points ([`CodePoint`]). A
//! value crosses from one unit to another only through the functions here.

use std::ops::Range;

/// An offset counted in UTF-16 code units, as the DOM counts (`Range.setStart`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Utf16(pub u32);

/// An offset counted in Unicode scalar values (code points).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CodePoint(pub usize);

/// The number of UTF-16 code units in `s`.
pub fn utf16_len(s: &str) -> Utf16 {
    Utf16(s.chars().map(|c| c.len_utf16() as u32).sum())
}

/// The UTF-16 offset of UTF-8 byte offset `at` in `s`.
///
/// `at` past the end, or inside a character, counts the characters that
/// start before it.
///
/// ```
/// use quote_attribution::text::offsets::{utf8_to_utf16, Utf16};
/// assert_eq!(utf8_to_utf16("a’b", 4), Utf16(2)); // ’ is 3 bytes, 1 unit
/// assert_eq!(utf8_to_utf16("😀x", 4), Utf16(2)); // 😀 is 4 bytes, 2 units
/// ```
pub fn utf8_to_utf16(s: &str, at: usize) -> Utf16 {
    let mut units = 0u32;
    for (i, c) in s.char_indices() {
        if i >= at {
            break;
        }
        units += c.len_utf16() as u32;
    }
    Utf16(units)
}

/// The UTF-8 byte offset of UTF-16 offset `at` in `s`, or `None` when `at`
/// falls inside a surrogate pair or past the end.
///
/// ```
/// use quote_attribution::text::offsets::{utf16_to_utf8, Utf16};
/// assert_eq!(utf16_to_utf8("a’b", Utf16(2)), Some(4));
/// assert_eq!(utf16_to_utf8("😀", Utf16(1)), None);
/// ```
pub fn utf16_to_utf8(s: &str, at: Utf16) -> Option<usize> {
    let mut units = 0u32;
    for (i, c) in s.char_indices() {
        if units == at.0 {
            return Some(i);
        }
        if units > at.0 {
            return None;
        }
        units += c.len_utf16() as u32;
    }
    (units == at.0).then_some(s.len())
}

/// The code point offset of UTF-8 byte offset `at` in `s`.
pub fn utf8_to_code_point(s: &str, at: usize) -> CodePoint {
    CodePoint(s.char_indices().take_while(|&(i, _)| i < at).count())
}

/// The UTF-8 byte offset of code point offset `at`, or `None` past the end.
pub fn code_point_to_utf8(s: &str, at: CodePoint) -> Option<usize> {
    s.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .nth(at.0)
}

/// Cuts one string into consecutive pieces of given UTF-16 lengths: the
/// text of many DOM text nodes, read in one go as their concatenation, back
/// into one piece per node.
///
/// A surrogate pair split between two nodes (the DOM allows it) reads, node
/// by node, as two lone surrogates, and each becomes U+FFFD in Rust. The
/// concatenation joins the halves into one character again, so the cutter
/// gives U+FFFD at the end of the one piece and the start of the next: the
/// pieces are what reading each node alone gives, and every piece keeps its
/// node's UTF-16 length.
///
/// ```
/// use quote_attribution::text::offsets::Utf16Cutter;
/// let mut cut = Utf16Cutter::new("a’😀b");
/// assert_eq!(cut.next(2), "a’");
/// assert_eq!(cut.next(1), "\u{FFFD}"); // the pair's first half
/// assert_eq!(cut.next(2), "\u{FFFD}b"); // its second half, then b
/// ```
pub struct Utf16Cutter<'a> {
    rest: &'a str,
    /// The next non-empty piece starts with a pair's second half.
    carry: bool,
}

impl<'a> Utf16Cutter<'a> {
    /// Cuts `text`, from its start.
    pub fn new(text: &'a str) -> Self {
        Utf16Cutter {
            rest: text,
            carry: false,
        }
    }

    /// The next `units` UTF-16 code units (fewer if the text runs out).
    pub fn next(&mut self, units: u32) -> std::borrow::Cow<'a, str> {
        let mut need = units;
        let lead = need > 0 && std::mem::take(&mut self.carry);
        if lead {
            need -= 1;
        }
        let mut end = 0;
        let mut split_pair = false;
        for c in self.rest.chars() {
            if need == 0 {
                break;
            }
            let n = c.len_utf16() as u32;
            if n > need {
                split_pair = true;
                break;
            }
            need -= n;
            end += c.len_utf8();
        }
        let (piece, mut tail) = self.rest.split_at(end);
        if split_pair {
            tail = &tail[4..];
            self.carry = true;
        }
        self.rest = tail;
        if lead || split_pair {
            let mut owned = String::with_capacity(piece.len() + 6);
            if lead {
                owned.push('\u{FFFD}');
            }
            owned.push_str(piece);
            if split_pair {
                owned.push('\u{FFFD}');
            }
            owned.into()
        } else {
            piece.into()
        }
    }
}

/// `range` shrunk so that it has no leading or trailing whitespace in `s`.
pub fn trim_range(s: &str, range: Range<usize>) -> Range<usize> {
    // An inverted range is empty, not a panic.
    let range = range.start..range.end.max(range.start);
    let inner = &s[range.clone()];
    let start = range.start + (inner.len() - inner.trim_start().len());
    let end = range.end - (inner.len() - inner.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutting_keeps_every_piece_its_utf16_length() {
        let pieces = ["", "a’", "😀", "b", "", "é\u{0301}", "", "z"];
        let joined: String = pieces.concat();
        let mut cut = Utf16Cutter::new(&joined);
        for p in pieces {
            assert_eq!(cut.next(utf16_len(p).0), p);
        }
        assert_eq!(cut.next(3), "");
    }

    #[test]
    fn a_pair_split_between_pieces_is_two_replacement_characters() {
        // "x\u{D83D}" + "" + "\u{DE00}y" in the DOM: joined, one 😀.
        let mut cut = Utf16Cutter::new("x😀y");
        assert_eq!(cut.next(2), "x\u{FFFD}");
        assert_eq!(cut.next(0), "");
        assert_eq!(cut.next(2), "\u{FFFD}y");
        // A pair cut at both ends of a one-unit piece.
        let mut cut = Utf16Cutter::new("😀😀");
        assert_eq!(cut.next(1), "\u{FFFD}");
        assert_eq!(cut.next(2), "\u{FFFD}\u{FFFD}");
        assert_eq!(cut.next(1), "\u{FFFD}");
        // Asking past the end gives what is left.
        let mut cut = Utf16Cutter::new("ab");
        assert_eq!(cut.next(5), "ab");
    }

    #[test]
    fn round_trips_every_boundary() {
        let s = "a’😀é\u{0301}z";
        for (i, _) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
            let u = utf8_to_utf16(s, i);
            assert_eq!(utf16_to_utf8(s, u), Some(i), "byte {i}");
            let c = utf8_to_code_point(s, i);
            assert_eq!(code_point_to_utf8(s, c), Some(i), "byte {i}");
        }
        assert_eq!(utf16_len(s), Utf16(7));
        assert_eq!(code_point_to_utf8(s, CodePoint(7)), None);
    }

    #[test]
    fn trims_whitespace_only_at_the_edges() {
        assert_eq!(trim_range("  ab c  ", 0..8), 2..6);
        assert_eq!(trim_range("   ", 0..3), 3..3);
    }
}
