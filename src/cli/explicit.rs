//! Where the manifest's explicit quotes are on a page, for `check`: found
//! (and how — exactly, after folding, approximately), or not found and what
//! the page says that comes closest.
//!
//! Where a quote is comes from the engine itself
//! ([`Engine::explicit_matches`]), so `check` reports exactly what the widget
//! will do; this module only words it, and asks the matcher for the nearest
//! text when a quote is missing. It must never grow rules of its own about
//! where a quote is.

use crate::manifest::Manifest;
use crate::matching::{Found, How, Matcher};
use crate::text::fold::Folded;
use crate::text::Page;
use crate::Engine;

/// The closest the page comes to a quote it does not contain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nearest {
    /// The page text, as written (blocks joined by a space).
    pub text: String,
    /// Edits between it and the quote, counted in folded bytes.
    pub distance: usize,
}

/// A manifest's quotes, made ready to look for near-matches on many pages.
pub struct Explicit {
    matcher: Matcher,
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
        Explicit {
            matcher: Matcher::new(manifest),
        }
    }

    /// Where each quote is on `page`: the engine's own decision.
    pub fn find(&self, engine: &Engine, page: &Page) -> Vec<Found> {
        engine.explicit_matches(page)
    }

    /// The closest stretch of `page` to quote `quote`, within half its
    /// length in edits; `None` when nothing on the page comes that close.
    pub fn nearest(&self, page: &Page, folded: &Folded, quote: usize) -> Option<Nearest> {
        let len = self.matcher.patterns().nth(quote)?.len();
        let max_errors = (len / NEAREST_DIVISOR).clamp(1, NEAREST_MAX);
        let (range, distance) = self.matcher.nearest(folded, quote, max_errors)?;
        Some(Nearest {
            text: crate::text::collapse_whitespace(&folded.page_text(page, range)),
            distance,
        })
    }

    /// Number of quotes.
    pub fn len(&self) -> usize {
        self.matcher.len()
    }

    /// True when the manifest lists no quotes.
    pub fn is_empty(&self) -> bool {
        self.matcher.is_empty()
    }
}

/// Whether a found quote needed edits, for messages.
pub fn edits(how: How) -> Option<usize> {
    match how {
        How::Approximate(k) => Some(k),
        How::Exact | How::Normalized => None,
    }
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
        let engine = Engine::new(m.clone());
        let found = explicit.find(&engine, &page);
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
}
