//! Folding text for comparison: blind to case, typography and spacing.
//!
//! A manifest says `a US official` and the page says `a U.S. official`; the
//! manifest quote has straight apostrophes and the page curly ones. Both
//! sides are folded the same way before they are compared:
//!
//! - compatibility forms decomposed and diacritics dropped (NFKD without
//!   combining marks: `ﬁ` → `fi`, full-width `Ａ` → `a`, `é` → `e`);
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
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

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

/// The folding state machine: it needs a little context (the previous
/// output, the length of the current run of letters).
#[derive(Default)]
struct Folder {
    /// Nothing emitted yet, or the last emitted char was a space.
    after_space: bool,
    started: bool,
    /// Letters since the last non-letter, counting an initialism's dropped
    /// dots as nothing (so `U.S.` is two runs of one).
    letter_run: usize,
}

impl Folder {
    fn push(&mut self, c: char, emit: &mut impl FnMut(char)) {
        if c.is_whitespace() {
            if self.started && !self.after_space {
                emit(' ');
                self.after_space = true;
            }
            self.letter_run = 0;
            return;
        }
        if c == '.' && self.letter_run == 1 {
            // The dot of an initialism: dropped, the run goes on.
            self.letter_run = 0;
            return;
        }
        let mapped = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{B4}' => {
                Some('\'')
            }
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
        if c.is_ascii() {
            emit(c.to_ascii_lowercase());
            return;
        }
        decompose_compatible(c, |d| {
            if !is_combining_mark(d) {
                for l in d.to_lowercase() {
                    emit(l);
                }
            }
        });
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
        let mut f = Folded {
            text: String::with_capacity(page.text_len() + page.blocks.len()),
            origin: Vec::with_capacity(page.text_len() + page.blocks.len()),
            block_starts: Vec::with_capacity(page.blocks.len()),
        };
        let mut folder = Folder::default();
        let mut base = 0u32;
        for block in &page.blocks {
            f.block_starts.push(base);
            for (i, c) in block.text.char_indices() {
                let at = base + i as u32;
                let (text, origin) = (&mut f.text, &mut f.origin);
                folder.push(c, &mut |out| {
                    text.push(out);
                    origin.extend(std::iter::repeat_n(at, out.len_utf8()));
                });
            }
            base += block.text.len() as u32;
            let (text, origin) = (&mut f.text, &mut f.origin);
            folder.push('\n', &mut |out| {
                text.push(out);
                origin.push(base.saturating_sub(1));
            });
        }
        f
    }

    /// The (block, byte) that folded byte `at` came from.
    pub fn to_block(&self, at: usize) -> (usize, usize) {
        let global = self.origin.get(at).copied().unwrap_or(0);
        let block = self.block_starts.partition_point(|&s| s <= global) - 1;
        (block, (global - self.block_starts[block]) as usize)
    }

    /// The block spans covered by folded range `range` (non-empty), split at
    /// block boundaries.
    pub fn to_spans(&self, page: &Page, range: std::ops::Range<usize>) -> Vec<Span> {
        let (first_block, start) = self.to_block(range.start);
        let (last_block, last) = self.to_block(range.end - 1);
        let char_end = |b: usize, at: usize| {
            let t = &page.blocks[b].text;
            at + t[at..].chars().next().map_or(0, char::len_utf8)
        };
        let mut spans = Vec::new();
        for b in first_block..=last_block {
            let s = if b == first_block { start } else { 0 };
            let e = if b == last_block {
                char_end(b, last)
            } else {
                page.blocks[b].text.len()
            };
            let r = super::offsets::trim_range(&page.blocks[b].text, s..e);
            if !r.is_empty() {
                spans.push(Span { block: b, range: r });
            }
        }
        spans
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
            ("ellipsis", "wait…", "wait..."),
        ];
        for (name, input, expected) in rows {
            assert_eq!(fold(input), expected, "{name}");
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
}
