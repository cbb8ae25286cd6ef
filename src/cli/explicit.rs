//! Where the manifest's explicit quotes are on a page, for `check`: found
//! (and how — exactly, after folding, approximately), or not found and what
//! the page says that comes closest.
//!
//! The engine decides where explicit quotes are but keeps the decision to
//! itself ([`crate::Engine::analyze`] reports only the quotes it attached).
//! This module asks the same [`Matcher`] the same question through its
//! public API, so `check` reports exactly what the widget will do. It is a
//! stand-in for an `Engine` accessor (see the report of issue 7); it must
//! never grow rules of its own about where a quote is.

use crate::manifest::Manifest;
use crate::matching::{myers, Found, How, Matcher};
use crate::text::fold::Folded;
use crate::text::Page;
use std::ops::Range;

/// The closest the page comes to a quote it does not contain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nearest {
    /// The page text, as written (blocks joined by a space).
    pub text: String,
    /// Edits between it and the quote, counted in folded bytes.
    pub distance: usize,
}

/// A manifest made ready to look for its quotes on many pages.
pub struct Explicit {
    matcher: Matcher,
    /// The folded text of each quote (empty for a quote with no words).
    patterns: Vec<String>,
}

/// How far the near-match search looks, as a fraction of the quote:
/// Hypothesis' anchoring bound (half the quote, at most 256 edits). Beyond
/// that, "closest" text has little to do with the quote.
const NEAREST_DIVISOR: usize = 2;
/// The most edits any near-match search allows.
const NEAREST_MAX: usize = 256;

impl Explicit {
    /// Prepares the quotes of `manifest`.
    pub fn new(manifest: &Manifest) -> Explicit {
        let matcher = Matcher::new(manifest);
        let patterns = matcher.patterns().map(str::to_owned).collect();
        Explicit { matcher, patterns }
    }

    /// Where each quote is on `page`: what the engine's matcher decides,
    /// given every occurrence of each folded quote as the engine's
    /// multi-pattern pass finds them (overlapping ones included).
    pub fn find(&self, page: &Page, folded: &Folded) -> Vec<Found> {
        let text = folded.text.as_str();
        let hits: Vec<Vec<Range<usize>>> =
            self.patterns.iter().map(|p| occurrences(text, p)).collect();
        self.matcher
            .resolve(folded, &hits, |r| raw_text(page, folded, r))
    }

    /// The closest stretch of `page` to quote `quote`, within half its
    /// length in edits; `None` when nothing on the page comes that close.
    pub fn nearest(&self, page: &Page, folded: &Folded, quote: usize) -> Option<Nearest> {
        let pattern = self.patterns.get(quote)?.as_bytes();
        if pattern.is_empty() || folded.text.is_empty() {
            return None;
        }
        let text = folded.text.as_bytes();
        let max_errors = (pattern.len() / NEAREST_DIVISOR).clamp(1, NEAREST_MAX);
        let (end, _) = myers::search(pattern, text, max_errors)
            .into_iter()
            .min_by_key(|&(end, errors)| (errors, end))?;
        let (start, end, distance) = myers::best_match(pattern, text, end, max_errors)?;
        let (start, end) = (
            char_floor(&folded.text, start),
            char_floor(&folded.text, end),
        );
        if start >= end {
            return None;
        }
        Some(Nearest {
            text: crate::text::collapse_whitespace(&raw_text(page, folded, start..end)),
            distance,
        })
    }

    /// Number of quotes.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// True when the manifest lists no quotes.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

/// Whether a found quote needed edits, for messages.
pub fn edits(how: How) -> Option<usize> {
    match how {
        How::Approximate(k) => Some(k),
        How::Exact | How::Normalized => None,
    }
}

/// Every occurrence of `pattern` in `text`, overlapping ones included.
fn occurrences(text: &str, pattern: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if pattern.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|rest| rest.find(pattern)) {
        let start = from + at;
        out.push(start..start + pattern.len());
        // The next occurrence may overlap this one: step one character.
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// The page text a folded range covers, blocks joined by a space.
fn raw_text(page: &Page, folded: &Folded, range: Range<usize>) -> String {
    if range.is_empty() {
        return String::new();
    }
    folded
        .to_spans(page, range)
        .iter()
        .map(|s| page.blocks[s.block].text[s.range.clone()].to_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The nearest char boundary at or before `at`.
fn char_floor(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::parse;

    fn manifest(quotes: &[&str]) -> Manifest {
        let quotes: Vec<String> = quotes
            .iter()
            .map(|q| format!(r#"{{"text": {}, "source": "s"}}"#, serde_json::json!(q)))
            .collect();
        parse(&format!(
            r#"{{"version": 1, "sources": [{{"id": "s", "name": "S"}}], "quotes": [{}]}}"#,
            quotes.join(",")
        ))
        .unwrap()
        .manifest
    }

    #[test]
    fn found_how_and_nearest() {
        let page = Page::from_paragraphs([
            "Human Rights Watch called it “a rogue’s gallery of governments.”",
            "Nothing else here.",
        ]);
        let folded = Folded::of_page(&page);
        let m = manifest(&[
            "a rogue’s gallery",
            "a rogue's gallery",
            "a rouge’s galery of governments",
            "an entirely different sentence that is not on the page at all",
            "a rogues gallery of all the governments on earth",
        ]);
        let explicit = Explicit::new(&m);
        let found = explicit.find(&page, &folded);
        let how: Vec<(usize, How)> = found.iter().map(|f| (f.quote, f.how)).collect();
        assert_eq!(
            how,
            [
                (0, How::Exact),
                (1, How::Normalized),
                (2, How::Approximate(3))
            ]
        );
        assert_eq!(explicit.nearest(&page, &folded, 3), None);
        let near = explicit.nearest(&page, &folded, 4).unwrap();
        assert!(near.text.contains("gallery of governments"), "{near:?}");
        assert!(near.distance > 0 && near.distance <= 24, "{near:?}");
    }

    #[test]
    fn overlapping_occurrences() {
        assert_eq!(occurrences("aaa", "aa"), [0..2, 1..3]);
        assert_eq!(occurrences("é é", "é"), [0..2, 3..5]);
        assert!(occurrences("abc", "").is_empty());
    }
}
