//! Explicit manifest quotes: finding the words the publisher listed.
//!
//! A manifest quote is found in three tiers, each tried only when the one
//! before fails:
//! 1. **exact** — the page text says it character for character;
//! 2. **normalised** — equal once both are [folded](crate::text::fold)
//!    (compatibility forms and diacritics, case, quotes, apostrophes,
//!    dashes, ellipses, whitespace);
//! 3. **approximate** — within a bounded edit distance (a fifth of its
//!    length), aligned around the pieces of the quote the multi-pattern
//!    pass found intact ([`Matcher::seeds`]) with the edit-distance table of
//!    [`myers`]; Myers' bit-parallel search itself serves `check`, which
//!    looks for the nearest match anywhere.
//!
//! Tiers 1 and 2 come from the engine's multi-pattern pass over the folded
//! page (this module hands it the patterns and the seeds); tier 3 aligns
//! only where the engine's seed pass, run only for quotes the first pass
//! did not find whole, found one of their seeds. When a quote occurs more
//! than once, `prefix` and `suffix` choose, scored like Hypothesis'
//! anchoring: quote 50, prefix 20, suffix 20, and 2 for being earliest.
//!
//! Matching works on folded text across block boundaries (blocks are joined
//! by a space), so a quote split over two elements is still found. This
//! module never decides who speaks; it only says where the listed words are.

pub mod myers;

use crate::manifest::Manifest;
use crate::text::fold::{fold, Folded};
use std::ops::Range;

/// How a manifest quote was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// Character for character.
    Exact,
    /// Equal after folding.
    Normalized,
    /// Within this many edits (in folded bytes).
    Approximate(usize),
}

/// Where one manifest quote is, in folded text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Index of the manifest quote.
    pub quote: usize,
    /// Byte range in [`Folded::text`].
    pub range: Range<usize>,
    /// Which tier found it.
    pub how: How,
}

#[derive(Clone, Debug)]
struct Prepared {
    /// The quote's words, folded, without enclosing marks.
    text: String,
    /// The same, not folded: to tell an exact match from a normalised one.
    raw: String,
    prefix: Option<String>,
    suffix: Option<String>,
}

/// The manifest's quotes, prepared for searching.
#[derive(Clone, Debug, Default)]
pub struct Matcher {
    quotes: Vec<Prepared>,
}

/// Shortest quote searched approximately, in folded bytes: below this an
/// edit or two matches too much.
const MIN_APPROXIMATE_LEN: usize = 12;

/// Pieces each quote is cut into to seed the approximate search.
pub const SEEDS: usize = 4;

/// Edits allowed for a quote of `len` folded bytes: a fifth of it.
fn max_errors(len: usize) -> usize {
    (len / 5).clamp(1, 256)
}

/// Characters stripped from the ends of a quote before searching.
fn is_enclosing(c: char) -> bool {
    c.is_whitespace() || crate::detect::is_quote_mark(c)
}

impl Matcher {
    /// Prepares the quotes of `manifest`.
    pub fn new(manifest: &Manifest) -> Matcher {
        Matcher {
            quotes: manifest
                .quotes
                .iter()
                .map(|q| {
                    let raw = q.text.trim_matches(is_enclosing).to_owned();
                    Prepared {
                        text: fold(&raw)
                            .trim_matches(|c| c == '"' || c == '\'' || c == ' ')
                            .to_owned(),
                        raw,
                        prefix: q.prefix.as_deref().map(fold).filter(|p| !p.is_empty()),
                        suffix: q.suffix.as_deref().map(fold).filter(|s| !s.is_empty()),
                    }
                })
                .collect(),
        }
    }

    /// Seeds for the approximate tier, as (quote, offset in its folded text,
    /// seed): each long enough quote cut in [`SEEDS`] pieces. With at most
    /// `SEEDS - 1` edits, one piece is intact and the engine's seed pass
    /// finds it; the edit-distance alignment then runs only there, not over
    /// the whole page for every quote.
    pub fn seeds(&self) -> Vec<(usize, usize, &str)> {
        let mut out = Vec::new();
        for (i, q) in self.quotes.iter().enumerate() {
            let text = q.text.as_str();
            if text.len() < MIN_APPROXIMATE_LEN {
                continue;
            }
            let piece = text.len() / SEEDS;
            let mut start = 0;
            for n in 1..=SEEDS {
                let mut end = if n == SEEDS { text.len() } else { n * piece };
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                if end > start {
                    out.push((i, start, &text[start..end]));
                }
                start = end;
            }
        }
        out
    }

    /// The folded text of each quote, in manifest order: the patterns for
    /// the engine's multi-pattern pass.
    pub fn patterns(&self) -> impl Iterator<Item = &str> {
        self.quotes.iter().map(|q| q.text.as_str())
    }

    /// Decides where each quote is, given the exact (folded) occurrences
    /// the multi-pattern pass found (`hits[i]` for quote `i`), and searching
    /// approximately for the others. `raw_at` returns the page text a
    /// folded range covers, to tell exact from normalised.
    pub fn resolve(
        &self,
        folded: &Folded,
        hits: &[Vec<Range<usize>>],
        raw_at: impl Fn(Range<usize>) -> String,
    ) -> Vec<Found> {
        let mut seeds: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.quotes.len()];
        for (q, offset, seed) in self.seeds() {
            for (at, _) in folded.text.match_indices(seed) {
                seeds[q].push((offset, at));
            }
        }
        self.resolve_seeded(folded, hits, &seeds, raw_at)
    }

    /// [`resolve`](Self::resolve), with the seed occurrences
    /// ([`seeds`](Self::seeds)) already found by the engine's seed pass as
    /// `(offset in the quote, position in the text)` per quote; quotes with
    /// hits need none.
    pub fn resolve_seeded(
        &self,
        folded: &Folded,
        hits: &[Vec<Range<usize>>],
        seed_hits: &[Vec<(usize, usize)>],
        raw_at: impl Fn(Range<usize>) -> String,
    ) -> Vec<Found> {
        let mut out = Vec::new();
        for (i, q) in self.quotes.iter().enumerate() {
            if q.text.is_empty() {
                continue;
            }
            let candidates = hits.get(i).cloned().unwrap_or_default();
            if !candidates.is_empty() {
                let range = self.best(q, folded, &candidates);
                let how = if crate::text::collapse_whitespace(&raw_at(range.clone()))
                    == crate::text::collapse_whitespace(&q.raw)
                {
                    How::Exact
                } else {
                    How::Normalized
                };
                out.push(Found {
                    quote: i,
                    range,
                    how,
                });
                continue;
            }
            if q.text.len() < MIN_APPROXIMATE_LEN {
                continue;
            }
            let max_errors = max_errors(q.text.len());
            let pattern = q.text.as_bytes();
            let text = folded.text.as_bytes();
            // Where an intact seed puts the quote's end, give or take the
            // errors; then the exact alignment there.
            let mut ends: Vec<usize> = seed_hits
                .get(i)
                .into_iter()
                .flatten()
                .map(|&(offset, at)| {
                    (at + pattern.len() + max_errors)
                        .saturating_sub(offset)
                        .min(text.len())
                })
                .collect();
            crate::sort::by_key(&mut ends, |&e| e as u64);
            ends.dedup_by(|a, b| a.abs_diff(*b) <= max_errors);
            let matches: Vec<(usize, usize, usize)> = ends
                .into_iter()
                .filter_map(|end| myers::best_match(pattern, text, end, max_errors))
                .map(|(s, e, k)| (char_floor(&folded.text, s), char_floor(&folded.text, e), k))
                .filter(|(s, e, _)| s < e)
                .collect();
            let Some(fewest) = matches.iter().map(|m| m.2).min() else {
                continue;
            };
            // Among the least-edited candidates, let context decide.
            let candidates: Vec<Range<usize>> = matches
                .iter()
                .filter(|m| m.2 == fewest)
                .map(|m| m.0..m.1)
                .collect();
            let range = self.best(q, folded, &candidates);
            out.push(Found {
                quote: i,
                range,
                how: How::Approximate(fewest),
            });
        }
        out
    }

    /// The stretch of `folded` closest to quote `i` within `max_errors` edits
    /// (folded bytes), and its distance: Myers' search over the whole text,
    /// for "did you mean" reports. Not used for matching.
    pub fn nearest(
        &self,
        folded: &Folded,
        i: usize,
        max_errors: usize,
    ) -> Option<(Range<usize>, usize)> {
        let pattern = self.quotes.get(i)?.text.as_bytes();
        if pattern.is_empty() || folded.text.is_empty() {
            return None;
        }
        let text = folded.text.as_bytes();
        let (end, _) = myers::search(pattern, text, max_errors)
            .into_iter()
            .min_by_key(|&(end, errors)| (errors, end))?;
        let (s, e, k) = myers::best_match(pattern, text, end, max_errors)?;
        let (s, e) = (char_floor(&folded.text, s), char_floor(&folded.text, e));
        (s < e).then_some((s..e, k))
    }

    /// The number of quotes.
    pub fn len(&self) -> usize {
        self.quotes.len()
    }

    /// True without quotes.
    pub fn is_empty(&self) -> bool {
        self.quotes.is_empty()
    }

    /// The candidate whose surroundings agree best with the quote's prefix
    /// and suffix; the earliest on a tie.
    fn best(&self, q: &Prepared, folded: &Folded, candidates: &[Range<usize>]) -> Range<usize> {
        let text = &folded.text;
        let score = |r: &Range<usize>| {
            let mut s = 50.0;
            if let Some(p) = &q.prefix {
                let before = &text[char_floor(text, r.start.saturating_sub(p.len()))..r.start];
                s += 20.0 * similarity_end(before.trim_end(), p.trim_end());
            }
            if let Some(x) = &q.suffix {
                let after = &text[r.end..char_floor(text, (r.end + x.len()).min(text.len()))];
                s += 20.0 * similarity_start(after.trim_start(), x.trim_start());
            }
            s + 2.0 * (1.0 - r.start as f64 / text.len().max(1) as f64)
        };
        candidates
            .iter()
            .max_by(|a, b| score(a).total_cmp(&score(b)).then(b.start.cmp(&a.start)))
            .cloned()
            .unwrap_or(0..0)
    }
}

/// How much of `b`'s end `a` ends with, from 0 to 1.
fn similarity_end(a: &str, b: &str) -> f64 {
    let common = a
        .bytes()
        .rev()
        .zip(b.bytes().rev())
        .take_while(|(x, y)| x == y)
        .count();
    common as f64 / b.len().max(1) as f64
}

/// How much of `b`'s start `a` starts with, from 0 to 1.
fn similarity_start(a: &str, b: &str) -> f64 {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    common as f64 / b.len().max(1) as f64
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
    use crate::manifest::{ExplicitQuote, Manifest};
    use crate::text::Page;

    fn quote(text: &str, prefix: Option<&str>) -> ExplicitQuote {
        ExplicitQuote {
            text: text.into(),
            source: 0,
            prefix: prefix.map(Into::into),
            suffix: None,
            date: None,
            citation: None,
            context: None,
        }
    }

    /// Runs the matcher the way the engine does, with a naive substring
    /// search standing in for the multi-pattern pass.
    fn find(paragraphs: &[&str], quotes: Vec<ExplicitQuote>) -> Vec<(String, How)> {
        let page = Page::from_paragraphs(paragraphs.iter().copied());
        let folded = Folded::of_page(&page);
        let manifest = Manifest {
            quotes,
            ..Manifest::default()
        };
        let m = Matcher::new(&manifest);
        let hits: Vec<Vec<Range<usize>>> = m
            .patterns()
            .map(|p| {
                folded
                    .text
                    .match_indices(p)
                    .map(|(i, _)| i..i + p.len())
                    .collect()
            })
            .collect();
        let raw = |r: Range<usize>| {
            folded
                .to_spans(&page, r)
                .iter()
                .map(|s| page.blocks[s.block].text[s.range.clone()].to_owned())
                .collect::<Vec<_>>()
                .join(" ")
        };
        m.resolve(&folded, &hits, raw)
            .into_iter()
            .map(|f| (raw(f.range), f.how))
            .collect()
    }

    #[test]
    fn tiers() {
        let page = ["Human Rights Watch called it “a rogue’s gallery of governments.”"];
        type Row<'a> = (&'a str, &'a str, Option<(&'a str, How)>);
        let rows: &[Row] = &[
            (
                "exact",
                "a rogue’s gallery",
                Some(("a rogue’s gallery", How::Exact)),
            ),
            (
                "marks stripped",
                "“a rogue’s gallery",
                Some(("a rogue’s gallery", How::Exact)),
            ),
            (
                "straight apostrophe",
                "a rogue's gallery",
                Some(("a rogue’s gallery", How::Normalized)),
            ),
            (
                "case and spacing",
                "A  ROGUE’S gallery",
                Some(("a rogue’s gallery", How::Normalized)),
            ),
            (
                "typo",
                "a rouge’s galery of governments",
                Some(("a rogue’s gallery of governments", How::Approximate(3))),
            ),
            ("absent", "a completely different sentence", None),
        ];
        for (name, q, expected) in rows {
            let got = find(&page, vec![quote(q, None)]);
            let want: Vec<(String, How)> =
                expected.iter().map(|(t, h)| (t.to_string(), *h)).collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn across_paragraphs() {
        let got = find(
            &[
                "rights groups fear that the",
                "language is code for crackdowns",
            ],
            vec![quote("fear that the language is code", None)],
        );
        assert_eq!(
            got,
            [("fear that the language is code".to_owned(), How::Exact)]
        );
    }

    #[test]
    fn prefix_chooses_between_repeats() {
        let got = find(
            &["Ruiz said “we will win.” Later Lee said “we will win.”"],
            vec![quote("we will win", Some("Lee said “"))],
        );
        assert_eq!(got.len(), 1);
        let page =
            Page::from_paragraphs(["Ruiz said “we will win.” Later Lee said “we will win.”"]);
        let folded = Folded::of_page(&page);
        let m = Matcher::new(&Manifest {
            quotes: vec![quote("we will win", Some("Lee said “"))],
            ..Manifest::default()
        });
        let hits = vec![folded
            .text
            .match_indices("we will win")
            .map(|(i, _)| i..i + 11)
            .collect::<Vec<_>>()];
        let found = m.resolve(&folded, &hits, |_| String::new());
        assert_eq!(
            found[0].range.start,
            folded.text.rfind("we will win").unwrap()
        );
    }
}
