//! Folding text for comparison: blind to case, typography and spacing.
//!
//! A manifest says `a US official` and the page says `a U.S. official`; the
//! manifest quote has straight apostrophes and the page curly ones. Both
//! sides are folded the same way before they are compared:
//!
//! - the compatibility forms news text meets folded, diacritics dropped:
//!   Latin letters with accents (`é` → `e`, `ß` → `ss`, Vietnamese `ệ` →
//!   `e`), combining marks, typographic ligatures (`ﬁ` → `fi`), full-width
//!   forms (`Ａ` → `a`) — what NFKD without combining marks does for these
//!   characters, from a 656-byte table instead of Unicode's full tables
//!   (which would triple the wasm: 57 KB gzipped, measured); other scripts
//!   are compared as written;
//! - lower case;
//! - every apostrophe and single quote → `'`, every double quote and
//!   guillemet → `"`, every dash → `-`, `…` → `...`;
//! - runs of whitespace → one space;
//! - the dots of initialisms dropped (`U.S.` → `us`).
//!
//! [`Folded`] folds a whole page into one string and remembers, for each
//! folded byte, where it came from, so a match in folded text maps back to
//! block text exactly.

use super::Page;
use crate::report::Span;

/// Folds `s` for comparison.
///
/// ```
/// use quote_attribution::text::fold::fold;
/// assert_eq!(fold("A  U.S. Official’s “view”"), "a us official's \"view\"");
/// assert_eq!(fold("ﬁnal — café…"), "final - cafe...");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut folder = Folder::default();
    for c in s.chars() {
        folder.push(c, &mut |f| out.push(f));
    }
    out.truncate(out.trim_end().len());
    out
}

/// The character starting at byte `at` of `s` (a char boundary, not the end).
fn next_char(s: &str, at: usize) -> char {
    s[at..].chars().next().unwrap_or_default()
}

/// The folding state machine: it needs a little context (the previous
/// output, the length of the current run of letters).
#[derive(Clone, Copy, Default)]
struct Folder {
    /// Nothing emitted yet, or the last emitted char was a space.
    after_space: bool,
    started: bool,
    /// Letters since the last non-letter, counting an initialism's dropped
    /// dots as nothing (so `U.S.` is two runs of one).
    letter_run: usize,
}

impl Folder {
    /// [`push`](Self::push) for an ASCII character, which folds to at most
    /// one ASCII byte: most of a page, so it goes without a closure.
    #[inline]
    fn push_ascii(&mut self, b: u8) -> Option<u8> {
        match b {
            // The ASCII characters `char::is_whitespace` accepts.
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => {
                self.letter_run = 0;
                if self.started && !self.after_space {
                    self.after_space = true;
                    Some(b' ')
                } else {
                    None
                }
            }
            b'.' if self.letter_run == 1 => {
                // The dot of an initialism: dropped, the run goes on.
                self.letter_run = 0;
                None
            }
            _ => {
                self.started = true;
                self.after_space = false;
                if b == b'`' {
                    self.letter_run = 0;
                    return Some(b'\'');
                }
                if b.is_ascii_alphabetic() {
                    self.letter_run += 1;
                } else {
                    self.letter_run = 0;
                }
                Some(b.to_ascii_lowercase())
            }
        }
    }

    fn push(&mut self, c: char, emit: &mut impl FnMut(char)) {
        if c.is_ascii() {
            if let Some(f) = self.push_ascii(c as u8) {
                emit(char::from(f));
            }
            return;
        }
        if c.is_whitespace() {
            if self.started && !self.after_space {
                emit(' ');
                self.after_space = true;
            }
            self.letter_run = 0;
            return;
        }
        let mapped = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{B4}' => Some('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{AB}'
            | '\u{BB}' | '\u{2039}' | '\u{203A}' | '\u{300C}' | '\u{300D}' | '\u{300E}'
            | '\u{300F}' => Some('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => Some('-'),
            _ => None,
        };
        self.started = true;
        self.after_space = false;
        if let Some(m) = mapped {
            self.letter_run = 0;
            emit(m);
            return;
        }
        if c.is_alphabetic() {
            self.letter_run += 1;
        } else {
            self.letter_run = 0;
        }
        fold_other(c, emit);
    }
}

/// The marks [`Folded`] leaves out at the start of a paragraph: double
/// quotes, guillemets and corner brackets, and the opening single quotes
/// (not ', which may be an elision).
fn is_quotation_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{2018}'
            | '\u{201A}'
            | '\u{AB}'
            | '\u{BB}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{300C}'
            | '\u{300E}'
    )
}

/// Folds a non-ASCII character that is not punctuation.
fn fold_other(c: char, emit: &mut impl FnMut(char)) {
    let cp = c as u32;
    let from_table = |table: &[u8], at: u32, emit: &mut dyn FnMut(char)| match table[at as usize] {
        b'_' => c.to_lowercase().for_each(&mut *emit),
        b'*' => latin_multi(c).chars().for_each(&mut *emit),
        b => emit(b as char),
    };
    match cp {
        // Combining diacritical marks: dropped.
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F => {
        }
        0x00C0..=0x024F => from_table(LATIN, cp - 0xC0, emit),
        0x1E00..=0x1EFF => from_table(LATIN_ADDITIONAL, cp - 0x1E00, emit),
        0xFB00..=0xFB06 => ["ff", "fi", "fl", "ffi", "ffl", "st", "st"][(cp - 0xFB00) as usize]
            .chars()
            .for_each(emit),
        // Full-width ASCII.
        0xFF01..=0xFF5E => {
            if let Some(a) = char::from_u32(cp - 0xFEE0) {
                emit(a.to_ascii_lowercase());
            }
        }
        0x2026 => "...".chars().for_each(emit),
        0x00B2 => emit('2'),
        0x00B3 => emit('3'),
        0x00B9 => emit('1'),
        _ => c.to_lowercase().for_each(emit),
    }
}

/// Base letters of U+00C0–U+024F (Latin-1 Supplement, Latin Extended-A and
/// -B), one ASCII byte per code point: `_` keeps the character, `*` looks
/// it up in [`latin_multi`]. Generated from Unicode's compatibility
/// decompositions with the combining marks dropped.
const LATIN: &[u8] = concat!(
    "aaaaaa*ceeeeiiiidnooooo_ouuuuy**aaaaaa*ceeeeiiiidnooooo_ouuuuy*y",
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllll_",
    "_llnnnnnn_nnoooooo**rrrrrrsssssssstttt__uuuuuuuuuuuuwwyyyzzzzzzs",
    "__________________f_____________oo_____________uu_______________",
    "____*********aaiioouuuuuuuuuu_aaaa____ggkkoooo__j***gg__nnaa____",
    "aaaaeeeeiiiioooorrrruuuusstt__hh______aaeeooooooooyy____________",
    "________________",
)
.as_bytes();

/// The same for U+1E00–U+1EFF (Latin Extended Additional: Vietnamese, Welsh).
const LATIN_ADDITIONAL: &[u8] = concat!(
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm",
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv",
    "wwwwwwwwwwxxxxyyzzzzzzhtwy_s____aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee",
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy______",
)
.as_bytes();

/// Letters that fold to two ASCII letters.
fn latin_multi(c: char) -> &'static str {
    match c {
        'Æ' | 'æ' => "ae",
        'Þ' | 'þ' => "th",
        'ß' => "ss",
        'Ĳ' | 'ĳ' => "ij",
        'Œ' | 'œ' => "oe",
        'Ǆ' | 'ǅ' | 'ǆ' | 'Ǳ' | 'ǲ' | 'ǳ' => "dz",
        'Ǉ' | 'ǈ' | 'ǉ' => "lj",
        'Ǌ' | 'ǋ' | 'ǌ' => "nj",
        _ => "",
    }
}

/// The end of the character starting at byte `at` of `s`.
fn char_end(s: &str, at: usize) -> usize {
    at + s[at..].chars().next().map_or(0, char::len_utf8)
}

/// [`Folded`] under construction: the folded bytes and where each came from.
struct Out {
    text: Vec<u8>,
    origin: Vec<u32>,
}

impl Out {
    /// Folds `c`, which came from `at` in the end-to-end layout.
    fn push(&mut self, folder: &mut Folder, c: char, at: u32) {
        let (text, origin) = (&mut self.text, &mut self.origin);
        folder.push(c, &mut |f| {
            text.extend_from_slice(f.encode_utf8(&mut [0; 4]).as_bytes());
            origin.extend(std::iter::repeat_n(at, f.len_utf8()));
        });
    }

    /// Folds `run`, ASCII bytes from `at` on: at most one byte out for each
    /// byte in, written in place without growing the vectors byte by byte.
    fn push_ascii(&mut self, folder: &mut Folder, run: &[u8], at: u32) {
        let start = self.text.len();
        self.text.resize(start + run.len(), 0);
        self.origin.resize(start + run.len(), 0);
        let text = &mut self.text[start..];
        let origin = &mut self.origin[start..];
        let mut state = *folder;
        let mut n = 0;
        for (k, &b) in run.iter().enumerate() {
            if let Some(f) = state.push_ascii(b) {
                text[n] = f;
                origin[n] = at + k as u32;
                n += 1;
            }
        }
        *folder = state;
        self.text.truncate(start + n);
        self.origin.truncate(start + n);
    }
}

/// A whole page folded into one string, blocks separated by one space, with
/// the way back to block text.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the block and byte it came from, packed as
    /// an offset into the page's blocks laid end to end.
    origin: Vec<u32>,
    /// Offset of each block in that end-to-end layout.
    block_starts: Vec<u32>,
}

impl Folded {
    /// Folds every block of `page`.
    pub fn of_page(page: &Page) -> Folded {
        let mut out = Out {
            text: Vec::with_capacity(page.text_len() + page.blocks.len()),
            origin: Vec::with_capacity(page.text_len() + page.blocks.len()),
        };
        let mut block_starts = Vec::with_capacity(page.blocks.len());
        let mut folder = Folder::default();
        let mut base = 0u32;
        for block in &page.blocks {
            block_starts.push(base);
            let s = block.text.as_str();
            // A paragraph that opens with a quotation mark continues or
            // starts a quote; the mark is not words. Leaving it out lets a
            // quote continued over two paragraphs match its manifest text.
            let lead = s
                .char_indices()
                .find(|(_, c)| !c.is_whitespace())
                .filter(|&(_, c)| is_quotation_mark(c));
            let mut i = 0;
            if let Some((at, c)) = lead {
                // The whitespace before the mark as usual, the mark not.
                for (j, w) in s[..at].char_indices() {
                    out.push(&mut folder, w, base + j as u32);
                }
                i = at + c.len_utf8();
            }
            let bytes = s.as_bytes();
            while i < bytes.len() {
                let run = bytes[i..].iter().take_while(|b| b.is_ascii()).count();
                if run > 0 {
                    out.push_ascii(&mut folder, &bytes[i..i + run], base + i as u32);
                    i += run;
                } else {
                    let c = next_char(s, i);
                    out.push(&mut folder, c, base + i as u32);
                    i += c.len_utf8();
                }
            }
            // The separator maps back to the block's last character.
            let last_char = base + s.char_indices().next_back().map_or(0, |(i, _)| i as u32);
            out.push(&mut folder, '\n', last_char);
            base += block.text.len() as u32;
        }
        Folded {
            // Whole characters went in, so this cannot fail.
            text: String::from_utf8(out.text).unwrap_or_default(),
            origin: out.origin,
            block_starts,
        }
    }

    /// The (block, byte) that folded byte `at` came from.
    pub fn to_block(&self, at: usize) -> (usize, usize) {
        let global = self.origin.get(at).copied().unwrap_or(0);
        let block = self.block_starts.partition_point(|&s| s <= global) - 1;
        (block, (global - self.block_starts[block]) as usize)
    }

    /// The page text folded range `range` covers, as written, blocks joined
    /// by a space (empty for an empty range).
    pub fn page_text(&self, page: &Page, range: std::ops::Range<usize>) -> String {
        if range.is_empty() {
            return String::new();
        }
        self.to_spans(page, range)
            .iter()
            .map(|s| page.blocks[s.block].text[s.range.clone()].to_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The one block span folded range `range` (non-empty) covers: what
    /// [`to_spans`](Self::to_spans) gives when it gives exactly one span,
    /// without building a vector.
    pub fn to_span(&self, page: &Page, range: std::ops::Range<usize>) -> Option<Span> {
        let mut spans = self.spans(page, range);
        let one = spans.next()?;
        spans.next().is_none().then_some(one)
    }

    /// The block spans covered by folded range `range` (non-empty), split at
    /// block boundaries.
    pub fn to_spans(&self, page: &Page, range: std::ops::Range<usize>) -> Vec<Span> {
        self.spans(page, range).collect()
    }

    fn spans<'p>(
        &self,
        page: &'p Page,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = Span> + 'p {
        let (first_block, start) = self.to_block(range.start);
        let (last_block, last) = self.to_block(range.end - 1);
        (first_block..=last_block).filter_map(move |b| {
            let text = &page.blocks[b].text;
            let s = if b == first_block { start } else { 0 };
            let e = if b == last_block {
                char_end(text, last)
            } else {
                text.len()
            };
            let r = super::offsets::trim_range(text, s..e);
            (!r.is_empty()).then_some(Span { block: b, range: r })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_typography_case_and_spacing() {
        let rows = [
            ("curly apostrophe", "rogue’s", "rogue's"),
            ("initialism", "the U.S. and U.K.", "the us and uk"),
            ("title keeps its dot", "Mr. Smith", "mr. smith"),
            ("dashes", "a–b—c", "a-b-c"),
            ("guillemets", "«oui»", "\"oui\""),
            ("nbsp and newlines", "a\u{A0}\n b", "a b"),
            ("ligature", "ﬂow", "flow"),
            ("accent", "Zoë", "zoe"),
            ("full width", "ＡＢ", "ab"),
            ("sharp s", "Straße", "strasse"),
            ("vietnamese", "Nguyễn", "nguyen"),
            ("combining mark", "cafe\u{301}", "cafe"),
            ("polish", "Łódź", "lodz"),
            ("greek kept", "Αθήνα", "αθήνα"),
            ("ellipsis", "wait…", "wait..."),
        ];
        for (name, input, expected) in rows {
            assert_eq!(fold(input), expected, "{name}");
        }
    }

    #[test]
    fn pages_fold_as_strings_do() {
        let rows = [
            "Plain ASCII, U.S. style.",
            "Zoë’s café\u{A0}\tand\x0Bthe U.K.… «oui» `ok`",
            "  Ｕ.Ｓ. Łódź ﬁnal—ok  ",
            "Αθήνα said: \"it's done\" 😀 ‘fine’",
        ];
        for s in rows {
            let page = Page::from_paragraphs([s]);
            let f = Folded::of_page(&page);
            assert_eq!(f.text.trim_end(), fold(s), "{s}");
            assert_eq!(f.origin.len(), f.text.len(), "{s}");
            for (i, _) in f.text.char_indices() {
                let (block, at) = f.to_block(i);
                assert!(page.blocks[block].text.is_char_boundary(at), "{s} {i}");
            }
        }
    }

    #[test]
    fn a_paragraphs_opening_mark_is_left_out() {
        let page = Page::from_paragraphs(["“One part,", "“and the next.”"]);
        assert_eq!(Folded::of_page(&page).text, "one part, and the next.\" ");
    }

    #[test]
    fn tables_cover_their_ranges() {
        assert_eq!(LATIN.len(), 0x250 - 0xC0);
        assert_eq!(LATIN_ADDITIONAL.len(), 0x100);
        for c in ['Æ', 'Œ', 'ǆ', 'ĳ'] {
            assert!(!latin_multi(c).is_empty(), "{c}");
        }
    }

    #[test]
    fn maps_folded_bytes_back_to_blocks() {
        let page = Page::from_paragraphs(["Say “hi”", "to the U.S. now"]);
        let f = Folded::of_page(&page);
        assert_eq!(f.text, "say \"hi\" to the us now ");
        let at = f.text.find("us").unwrap();
        assert_eq!(f.to_block(at), (1, 7));
        let spans = f.to_spans(
            &page,
            f.text.find("hi").unwrap()..f.text.find("now").unwrap() + 3,
        );
        assert_eq!(&page.blocks[0].text[spans[0].range.clone()], "hi”");
        assert_eq!(
            &page.blocks[1].text[spans[1].range.clone()],
            "to the U.S. now"
        );
    }

    #[test]
    fn one_span_is_what_to_spans_gives_alone() {
        let page = Page::from_paragraphs(["Say “hi” ", "", "  to the U.S.", "né"]);
        let f = Folded::of_page(&page);
        for start in 0..f.text.len() {
            for end in start + 1..=f.text.len() {
                let spans = f.to_spans(&page, start..end);
                let one = (spans.len() == 1).then(|| spans[0].clone());
                assert_eq!(f.to_span(&page, start..end), one, "{start}..{end}");
            }
        }
    }
}
