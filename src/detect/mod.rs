//! Quotation detection: where the quotes of a page are.
//!
//! One pass over the blocks of a [`Page`] finds every quotation: text between
//! quotation marks of any of the usual conventions (“…” "…" ‘…’ '…' «…» »…«
//! ‹…› „…“ ‚…‘ 「…」 『…』), `<q>` elements, and `<blockquote>`s.
//!
//! What it handles, and how:
//! - **Apostrophes** share glyphs with single quotes. A mark between two
//!   letters (it’s), before a year or a known elision (’60s, ’n’, ’em), or
//!   after an *s* when a better closing mark follows (the States’ interests)
//!   is an apostrophe. Without an open single quote, ’ is always one.
//! - **Inch and foot marks** after a digit (5'10") are not quotation marks.
//! - **Nesting**: marks inside an open quotation nest; only the outermost
//!   quotation is reported, so an inner quote of another kind stays inside.
//! - **Quotes continued over paragraphs** (the news convention: an opening
//!   mark on every paragraph, a closing mark only on the last) are one quote
//!   with one part per paragraph.
//! - **Unbalanced marks** never run past their paragraph: an opening mark
//!   that is neither closed nor continued runs to the end of its block (a
//!   straight single mark, more likely an apostrophe, is dropped).
//!
//! `detect` decides spans only: it never names a speaker (that is
//! [`crate::attribute`]) and never looks at the manifest.

mod marks;

use crate::text::offsets::trim_range;
use crate::text::{BlockKind, Page};
use marks::Mark;
use std::ops::Range;

/// Is `c` a quotation mark of any convention the detector knows?
pub fn is_quote_mark(c: char) -> bool {
    Mark::of(c).is_some()
}

/// A quotation found on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// One part per block, in order; most quotes have one.
    pub parts: Vec<Part>,
    /// How the quotation is marked.
    pub origin: Origin,
}

impl Quote {
    /// The first part (every quote has at least one).
    pub fn first(&self) -> &Part {
        &self.parts[0]
    }

    /// The last part.
    pub fn last(&self) -> &Part {
        &self.parts[self.parts.len() - 1]
    }
}

/// One block's share of a quotation. All ranges are UTF-8 byte ranges into
/// that block's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// Index of the block in [`Page::blocks`].
    pub block: usize,
    /// The quoted words, without the marks, trimmed.
    pub content: Range<usize>,
    /// The opening mark (empty when there is none, e.g. `<q>`).
    pub open: Range<usize>,
    /// The closing mark (empty when there is none).
    pub close: Range<usize>,
}

/// How a quotation is marked on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Quotation marks in the text.
    Marks,
    /// A `<q>` element.
    InlineQuote,
    /// A `<blockquote>` element.
    Blockquote,
}

/// Every quotation on the page, outermost only, in document order.
///
/// ```
/// use quote_attribution::{detect::detect, text::Page};
/// let page = Page::from_paragraphs(["“It’s done,” she said. He called it ‘a farce’."]);
/// let quotes = detect(&page);
/// let text: Vec<_> = quotes
///     .iter()
///     .map(|q| &page.blocks[0].text[q.first().content.clone()])
///     .collect();
/// assert_eq!(text, ["It’s done,", "a farce"]);
/// ```
pub fn detect(page: &Page) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut carried: Option<Carried> = None;
    for (index, block) in page.blocks.iter().enumerate() {
        if block.blockquote.is_some() {
            // Blockquotes are quotes as a whole.
            out.extend(carried.take().map(Carried::finish));
            continue;
        }
        if block.kind == BlockKind::Heading {
            // A headline has its own quotes but continues none, and no
            // quote runs on from it.
            out.extend(carried.take().map(Carried::finish));
            let mut own = None;
            scan_block(index, &block.text, &mut own, &mut out);
            out.extend(own.map(Carried::finish));
        } else {
            scan_block(index, &block.text, &mut carried, &mut out);
        }
        for q in &block.inline_quotes {
            out.push(Quote {
                parts: vec![Part {
                    block: index,
                    content: trim_range(&block.text, q.clone()),
                    open: q.start..q.start,
                    close: q.end..q.end,
                }],
                origin: Origin::InlineQuote,
            });
        }
    }
    out.extend(carried.take().map(Carried::finish));
    out.extend(blockquotes(page));
    crate::sort::by_key(&mut out, |q| {
        crate::sort::pair(q.first().block, q.first().open.start)
    });
    drop_nested(out)
}

/// A quotation left open at the end of a paragraph, waiting to see whether
/// the next paragraph continues it.
struct Carried {
    parts: Vec<Part>,
    mark: Mark,
}

impl Carried {
    fn finish(self) -> Quote {
        Quote {
            parts: self.parts,
            origin: Origin::Marks,
        }
    }
}

/// An opening mark waiting for its closing mark.
#[derive(Clone, Copy, Debug)]
struct Open {
    mark: Mark,
    at: usize,
    end: usize,
}

/// What one mark does, decided from its neighbours and the open marks.
enum Action {
    Open,
    Close(usize),
    Ignore,
}

fn scan_block(index: usize, text: &str, carried: &mut Option<Carried>, out: &mut Vec<Quote>) {
    let mut stack: Vec<Open> = Vec::new();
    // A paragraph that opens with a mark of the carried quote's family
    // continues it; anything else lets it end where its paragraph ended.
    let lead = text.char_indices().find(|(_, c)| !c.is_whitespace());
    let mut continuing = match (carried.take(), lead) {
        (Some(c), Some((at, ch))) if Mark::of(ch).is_some_and(|m| m.continues(c.mark)) => {
            let mark = Mark::of(ch).unwrap_or(c.mark);
            stack.push(Open {
                mark,
                at,
                end: at + ch.len_utf8(),
            });
            Some(c.parts)
        }
        (Some(c), _) => {
            out.push(c.finish());
            None
        }
        (None, _) => None,
    };
    let skip_first = continuing.is_some();
    let last_strong_single_close = last_strong_single_close(text);

    // The continuing mark is already on the stack.
    let skip_at = if skip_first { lead.map(|l| l.0) } else { None };
    for (at, ch) in chars_starting_with(text, Mark::first_bytes) {
        if skip_at == Some(at) {
            continue;
        }
        let Some(mark) = Mark::of(ch) else { continue };
        let ctx = Context {
            text,
            at,
            prev: text[..at].chars().next_back(),
            next: text[at + ch.len_utf8()..].chars().next(),
            last_strong_single_close,
        };
        match decide(mark, &ctx, &stack) {
            Action::Open => stack.push(Open {
                mark,
                at,
                end: at + ch.len_utf8(),
            }),
            Action::Close(depth) => {
                let open = stack[depth];
                stack.truncate(depth);
                if depth == 0 {
                    let part = Part {
                        block: index,
                        content: trim_range(text, open.end..at),
                        open: open.at..open.end,
                        close: at..at + ch.len_utf8(),
                    };
                    let mut parts = continuing.take().unwrap_or_default();
                    parts.push(part);
                    out.push(Quote {
                        parts,
                        origin: Origin::Marks,
                    });
                }
            }
            Action::Ignore => {}
        }
    }

    // Whatever is still open runs to the end of the paragraph and may be
    // continued by the next one.
    if let Some(&open) = stack.first() {
        if open.mark == Mark::StraightSingle && continuing.is_none() {
            return;
        }
        let content = trim_range(text, open.end..text.len());
        let mut parts = continuing.take().unwrap_or_default();
        if !content.is_empty() {
            parts.push(Part {
                block: index,
                content,
                open: open.at..open.end,
                close: text.len()..text.len(),
            });
        }
        if !parts.is_empty() {
            *carried = Some(Carried {
                parts,
                mark: open.mark,
            });
        }
    } else if let Some(parts) = continuing {
        // Continued but nothing left open: cannot happen, as the continuing
        // mark sat at the bottom of the stack; keep what we have.
        out.push(Quote {
            parts,
            origin: Origin::Marks,
        });
    }
}

struct Context<'a> {
    text: &'a str,
    at: usize,
    prev: Option<char>,
    next: Option<char>,
    last_strong_single_close: Option<usize>,
}

impl Context<'_> {
    /// Space (or the block edge) before the mark, or punctuation that a
    /// quotation can follow directly.
    fn open_side(&self) -> bool {
        match self.prev {
            None => true,
            Some(c) => c.is_whitespace() || "([{—–-/".contains(c) || Mark::of(c).is_some(),
        }
    }

    /// Space, the block edge or punctuation after the mark.
    fn close_side(&self) -> bool {
        match self.next {
            None => true,
            Some(c) => c.is_whitespace() || ".,;:!?)]}—–-…/".contains(c) || Mark::of(c).is_some(),
        }
    }

    fn letter_before(&self) -> bool {
        self.prev.is_some_and(char::is_alphanumeric)
    }

    fn letter_after(&self) -> bool {
        self.next.is_some_and(char::is_alphanumeric)
    }

    /// The word right after the mark, e.g. `60s` or `n`.
    fn word_after(&self) -> &str {
        let rest = &self.text[self.at..];
        let rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
        let end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        &rest[..end]
    }

    /// A word start that is an elision, not a quotation: ’60s, ’n’, ’em.
    fn elision_after(&self) -> bool {
        let word = self.word_after();
        let digits = word.chars().take_while(char::is_ascii_digit).count();
        if digits == 2 && (word.len() == 2 || word[2..].eq_ignore_ascii_case("s")) {
            return true;
        }
        const ELISIONS: &[&str] = &["n", "em", "til", "tis", "twas", "cause", "bout", "nuff"];
        ELISIONS.iter().any(|e| word.eq_ignore_ascii_case(e))
    }

    /// The mark ends `’n’` (rock ’n’ roll).
    fn closes_n_elision(&self) -> bool {
        let before = &self.text[..self.at];
        let mut rev = before.chars().rev();
        matches!(rev.next(), Some('n' | 'N'))
            && matches!(rev.next(), Some('\'' | '\u{2019}' | '\u{2018}'))
            && rev.next().is_none_or(char::is_whitespace)
    }

    /// A possessive plural (the States’ interests) when a better closing
    /// mark follows later in the paragraph. A possessive is followed by
    /// what is owned, never by "of", "and" or "is": ‘reforms’ of recent
    /// years closes.
    ///
    /// Only for a quote that opened a sentence (‘The Joneses’ house …’): a
    /// short quote opened mid-sentence (crews spent ‘whole shifts’ parked)
    /// closes at its first mark.
    fn possessive_plural(&self, opener: Option<usize>) -> bool {
        let opened_a_sentence = opener.is_some_and(|at| {
            let before = self.text[..at].trim_end();
            before.is_empty()
                || before.ends_with(['.', '!', '?', ':', '—', '–', '(', '\u{201C}', '"', '\u{AB}'])
        });
        // ‘…, but the workers’ demands …’: a quote already three words long
        // is no scare quote either.
        let long = opener.is_some_and(|at| self.text[at..self.at].split_whitespace().count() >= 3);
        if !opened_a_sentence && !long {
            return false;
        }
        const NOT_OWNED: &[&str] = &[
            "of", "and", "or", "to", "in", "on", "for", "as", "is", "was", "were", "are", "that",
            "which", "with", "by", "at", "from", "but", "into", "than", "be", "been", "has", "had",
            "have", "will", "would", "after", "before", "over", "he", "she", "they", "it",
        ];
        let rest = &self.text[self.at..];
        let rest = rest[rest.chars().next().map_or(0, char::len_utf8)..].trim_start();
        let next_word: String = rest
            .chars()
            .take_while(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        matches!(self.prev, Some('s' | 'S' | 'z'))
            && self.next.is_some_and(char::is_whitespace)
            && self.last_strong_single_close.is_some_and(|c| c > self.at)
            && !NOT_OWNED.contains(&next_word.as_str())
    }

    /// Feet-and-inches: 5'10" or 6".
    fn after_digit(&self) -> bool {
        self.prev.is_some_and(|c| c.is_ascii_digit())
    }
}

/// The position of the last single closing mark that is certainly one:
/// right after sentence punctuation, or followed by space and preceded by a
/// letter that is not an *s* (‘…,’ he said / ‘a farce’ and).
fn last_strong_single_close(text: &str) -> Option<usize> {
    let mut last = None;
    // ' and the first byte of ’ (E2 80 99).
    for (at, c) in chars_starting_with(text, |b| b == b'\'' || b == 0xE2) {
        if c == '\u{2019}' || c == '\'' {
            let prev = text[..at].chars().next_back();
            let next = text[at + c.len_utf8()..].chars().next();
            let after_punct = prev.is_some_and(|p: char| ",.!?;:…—".contains(p));
            let at_end = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)".contains(n));
            if after_punct && at_end {
                last = Some(at);
            }
        }
    }
    last
}

/// The characters of `text` whose first UTF-8 byte passes `first`, with
/// their offsets: a quick skip over the words between quotation marks.
/// `first` must accept only bytes that start a character (ASCII or a
/// leading byte, never 0x80–0xBF).
fn chars_starting_with(
    text: &str,
    first: fn(u8) -> bool,
) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + bytes[from..].iter().position(|&b| first(b))?;
        let c = text[at..].chars().next()?;
        from = at + c.len_utf8();
        Some((at, c))
    })
}

/// Where the innermost open single quotation mark is, if one is open.
fn single_opener(stack: &[Open]) -> Option<usize> {
    stack
        .iter()
        .rev()
        .find(|o| o.mark.is_single())
        .map(|o| o.at)
}

/// The innermost open mark that `mark` can close, as a stack depth.
fn closable(mark: Mark, stack: &[Open]) -> Option<usize> {
    stack.iter().rposition(|o| mark.closes(o.mark))
}

fn decide(mark: Mark, ctx: &Context<'_>, stack: &[Open]) -> Action {
    use Mark::*;
    let close_or = |otherwise: Action| match closable(mark, stack) {
        Some(depth) => Action::Close(depth),
        None => otherwise,
    };
    match mark {
        LeftDouble => {
            // Closes German „…“ when one is open and it sits after a word.
            if ctx.letter_before() || !ctx.open_side() {
                if let Some(d) = stack.iter().rposition(|o| o.mark == LowDouble) {
                    return Action::Close(d);
                }
            }
            if ctx.next.is_none_or(char::is_whitespace) && !ctx.open_side() {
                return close_or(Action::Ignore);
            }
            Action::Open
        }
        RightDouble => {
            if ctx.open_side() && !ctx.close_side() {
                // ”Swedish” style opening, unless a quote is open to close.
                return if stack.iter().any(|o| o.mark == RightDouble) || stack.is_empty() {
                    close_or(Action::Open)
                } else {
                    close_or(Action::Ignore)
                };
            }
            close_or(Action::Ignore)
        }
        LowDouble | LowSingle | LeftCorner | LeftWhiteCorner => Action::Open,
        RightCorner | RightWhiteCorner => close_or(Action::Ignore),
        StraightDouble => {
            if ctx.after_digit() {
                // An inch mark, unless it ends an open straight quote and is
                // not the second half of 5'10".
                let feet = ctx.text[..ctx.at]
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .ends_with('\'');
                return match closable(mark, stack) {
                    Some(d) if !feet && stack[d].mark == StraightDouble => Action::Close(d),
                    _ => Action::Ignore,
                };
            }
            straight(ctx, stack, mark)
        }
        LeftSingle => {
            if ctx.elision_after() {
                return Action::Ignore;
            }
            if ctx.letter_before() {
                if let Some(d) = stack.iter().rposition(|o| o.mark == LowSingle) {
                    return Action::Close(d);
                }
                return Action::Ignore;
            }
            Action::Open
        }
        RightSingle => {
            if ctx.letter_before() && ctx.letter_after() {
                return Action::Ignore; // it’s
            }
            // ’60s, ’n’, ’em — but ”’ closes an inner and an outer quote.
            if ctx.open_side() && ctx.prev.is_none_or(|c| Mark::of(c).is_none()) {
                return Action::Ignore;
            }
            if ctx.closes_n_elision() || ctx.possessive_plural(single_opener(stack)) {
                return Action::Ignore;
            }
            close_or(Action::Ignore)
        }
        StraightSingle => {
            if ctx.letter_before() && ctx.letter_after() {
                return Action::Ignore; // it's
            }
            if ctx.after_digit() && ctx.next.is_some_and(|c| c.is_ascii_digit()) {
                return Action::Ignore; // 5'10"
            }
            if ctx.open_side() && ctx.elision_after() {
                return Action::Ignore;
            }
            if !ctx.open_side()
                && (ctx.closes_n_elision() || ctx.possessive_plural(single_opener(stack)))
            {
                return Action::Ignore;
            }
            straight(ctx, stack, mark)
        }
        LeftGuillemet | LeftSingleGuillemet => {
            // Closes a reversed »…« quote.
            if !ctx.open_side() && ctx.close_side() {
                return close_or(Action::Ignore);
            }
            Action::Open
        }
        RightGuillemet | RightSingleGuillemet => {
            match closable(mark, stack) {
                Some(d) => Action::Close(d),
                // »…« (German, Danish) opens with the right-pointing mark.
                None if !ctx.close_side() || ctx.open_side() => Action::Open,
                None => Action::Ignore,
            }
        }
    }
}

/// A straight mark, which looks the same at both ends: decided by which side
/// has the space, and by what is open.
fn straight(ctx: &Context<'_>, stack: &[Open], mark: Mark) -> Action {
    let can_open = ctx.open_side() && !ctx.next.is_none_or(char::is_whitespace);
    let can_close = !ctx.prev.is_none_or(char::is_whitespace) && ctx.close_side();
    match (can_open, can_close) {
        (true, false) => Action::Open,
        (false, true) => closable(mark, stack).map_or(Action::Ignore, Action::Close),
        // Between two words or two punctuation marks: close what is open,
        // else open.
        (true, true) => closable(mark, stack).map_or(Action::Open, Action::Close),
        (false, false) => closable(mark, stack).map_or(Action::Ignore, Action::Close),
    }
}

/// Each `<blockquote>` as one quotation: its blocks minus the `<footer>` and
/// `<cite>` attribution, and minus marks wrapping a whole paragraph.
fn blockquotes(page: &Page) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut current: Option<u32> = None;
    for (index, block) in page.blocks.iter().enumerate() {
        let Some(group) = block.blockquote else {
            current = None;
            continue;
        };
        if block.footer || is_dash_attribution(&block.text) {
            continue;
        }
        let mut range = 0..block.text.len();
        // A trailing <cite> is attribution, not quotation.
        if let Some(cite) = block.cites.last() {
            let after = block.text[cite.end..].trim();
            if after.is_empty() || after.chars().all(|c| !c.is_alphanumeric()) {
                range.end = cite.start;
                let before = block.text[..range.end].trim_end();
                let dash = before.trim_end_matches(['—', '–', '-', '―', ',', ' ']);
                range.end = dash.len();
            }
        }
        let range = trim_range(&block.text, range);
        let (open, content, close) = strip_wrapping_marks(&block.text, range);
        if content.is_empty() {
            continue;
        }
        let part = Part {
            block: index,
            content,
            open,
            close,
        };
        match out.last_mut() {
            Some(q) if current == Some(group) => q.parts.push(part),
            _ => out.push(Quote {
                parts: vec![part],
                origin: Origin::Blockquote,
            }),
        }
        current = Some(group);
    }
    // “Opened on the first paragraph … closed on the last.”
    for q in &mut out {
        let (first, last) = (q.parts[0].clone(), q.parts.len() - 1);
        let Some(opener) = page.blocks[first.block].text[first.open.clone()]
            .chars()
            .next()
            .and_then(Mark::of)
        else {
            continue;
        };
        let part = &mut q.parts[last];
        let text = &page.blocks[part.block].text;
        if part.close.is_empty() {
            if let Some(c) = text[part.content.clone()].chars().next_back() {
                if Mark::of(c).is_some_and(|m| m.closes(opener)) {
                    let end = part.content.end - c.len_utf8();
                    part.close = end..part.content.end;
                    part.content = trim_range(text, part.content.start..end);
                }
            }
        }
    }
    out
}

/// "— Jane Doe" on its own line.
pub(crate) fn is_dash_attribution(text: &str) -> bool {
    let t = text.trim_start();
    (t.starts_with('—') || t.starts_with('―') || t.starts_with('–') || t.starts_with("- "))
        && t.chars().count() < 200
}

/// Splits `range` into (opening mark, content, closing mark) when a
/// quotation mark opens it and its partner closes it.
fn strip_wrapping_marks(
    text: &str,
    range: Range<usize>,
) -> (Range<usize>, Range<usize>, Range<usize>) {
    let s = &text[range.clone()];
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().next_back()) else {
        return (
            range.start..range.start,
            range.clone(),
            range.end..range.end,
        );
    };
    let end = range.end;
    let wrapped = s.len() > first.len_utf8() + last.len_utf8()
        && Mark::of(first).is_some_and(|o| Mark::of(last).is_some_and(|c| c.closes(o)));
    // Continuation paragraphs of a blockquote may open without closing.
    let opened_only = Mark::of(first)
        .is_some_and(|m| !m.is_single() || matches!(m, Mark::LeftSingle | Mark::LowSingle))
        && !wrapped;
    if wrapped {
        let o = range.start + first.len_utf8();
        let c = end - last.len_utf8();
        let content = trim_range(text, o..c);
        (range.start..o, content, c..end)
    } else if opened_only && !s[first.len_utf8()..].contains(first) {
        let o = range.start + first.len_utf8();
        (range.start..o, trim_range(text, o..end), end..end)
    } else {
        (range.start..range.start, range, end..end)
    }
}

/// Removes quotes that lie inside another quote (a `<q>` inside marks, marks
/// inside a blockquote). `quotes` is in document order.
fn drop_nested(quotes: Vec<Quote>) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::with_capacity(quotes.len());
    for q in quotes {
        let (b, start) = (q.first().block, q.first().open.start);
        let inside = out.iter().rev().take(4).any(|o| {
            o.parts.iter().any(|p| {
                p.block == b && p.open.start <= start && start < p.close.end.max(p.content.end)
            })
        });
        if !inside {
            out.push(q);
        }
    }
    out
}

#[cfg(test)]
mod tests;
