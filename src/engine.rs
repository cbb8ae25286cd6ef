//! The engine: a manifest compiled once, then applied to pages.
//!
//! [`Engine::new`] builds everything that depends only on the manifest: the
//! source index, the prepared explicit quotes, one Aho-Corasick automaton
//! holding every source name, alias and surname *and* every explicit quote,
//! folded, and a second one holding the quotes' seeds (the pieces the
//! approximate tier starts from). [`Engine::analyze`] then reads a page in a
//! fixed number of passes, whatever the manifest's size:
//!
//! 1. detection, one pass over the blocks;
//! 2. folding, one pass;
//! 3. the first automaton, one pass over the folded text: mentions of
//!    sources and exact/normalised occurrences of explicit quotes at once;
//! 4. the seed automaton, one pass, only when step 3 left an explicit
//!    quote unfound (an article's own quotes are nearly always on it word
//!    for word, and seeds of common words match all over a page);
//! 5. approximate alignment, only for explicit quotes step 3 did not find,
//!    only where step 4 found one of their seeds;
//! 6. attribution, quote by quote, looking only near each quote.

use crate::attribute::sources::SourceIndex;
use crate::attribute::{attribute, Mention};
use crate::detect::{detect, is_quote_mark, Quote};
use crate::manifest::{Manifest, SourceKind};
use crate::matching::{Found, Matcher};
use crate::report::{Annotation, Method, Report, Span};
use crate::sort;
use crate::text::fold::{fold, Folded};
use crate::text::{collapse_whitespace, Page};
use aho_corasick::automaton::{Automaton, OverlappingState};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::Input;
use std::collections::HashMap;
use std::ops::Range;

/// What a pattern of the automaton stands for.
#[derive(Clone, Copy, Debug)]
enum Owner {
    /// A name or alias of a source; `capital` when the page must spell it
    /// with a capital (a surname, which could be a common word).
    Source { source: usize, capital: bool },
    /// An explicit manifest quote.
    Quote(usize),
}

/// A manifest made ready to annotate pages.
#[derive(Clone, Debug)]
pub struct Engine {
    manifest: Manifest,
    index: SourceIndex,
    matcher: Matcher,
    /// Source names and whole explicit quotes.
    automaton: Option<NFA>,
    /// What each pattern of `automaton` stands for.
    owners: Vec<Owner>,
    /// The distinct seeds of the explicit quotes, searched only when a
    /// quote was not found whole.
    seed_automaton: Option<NFA>,
    /// For each pattern of `seed_automaton`, the (quote, offset in its
    /// folded text) of every quote it is a piece of: quotes often share
    /// words, and one pattern per distinct seed saves reporting each
    /// occurrence again for every quote.
    seed_places: Vec<Vec<(usize, usize)>>,
}

impl Engine {
    /// Compiles `manifest`.
    pub fn new(manifest: Manifest) -> Engine {
        let index = SourceIndex::new(&manifest);
        let matcher = Matcher::new(&manifest);
        let mut patterns: Vec<String> = Vec::new();
        let mut owners = Vec::new();
        for (i, source) in manifest.sources.iter().enumerate() {
            let mut keys: Vec<(String, bool)> = std::iter::once(&source.name)
                .chain(&source.aliases)
                .map(|n| (fold(n), false))
                .collect();
            if source.kind == SourceKind::Person {
                let name = fold(&source.name);
                let words: Vec<&str> = name.split(' ').collect();
                if words.len() >= 2 {
                    if let Some(last) = words.last().filter(|w| w.len() >= 3) {
                        keys.push(((*last).to_owned(), true));
                    }
                }
            }
            sort::by(&mut keys, |a, b| a.cmp(b));
            keys.dedup_by(|a, b| a.0 == b.0);
            for (key, capital) in keys {
                if key.len() >= 2 {
                    patterns.push(key);
                    owners.push(Owner::Source { source: i, capital });
                }
            }
        }
        for (i, p) in matcher.patterns().enumerate() {
            if !p.is_empty() {
                patterns.push(p.to_owned());
                owners.push(Owner::Quote(i));
            }
        }
        let (seeds, seed_places) = distinct_seeds(&matcher);
        let build = |patterns: &[String]| {
            if patterns.is_empty() {
                None
            } else {
                NFA::new(patterns).ok()
            }
        };
        let automaton = build(&patterns);
        let seed_automaton = build(&seeds);
        Engine {
            manifest,
            index,
            matcher,
            automaton,
            owners,
            seed_automaton,
            seed_places,
        }
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Finds and attributes every quotation on `page`.
    ///
    /// ```
    /// use quote_attribution::{Engine, manifest, text::Page};
    /// let m = manifest::parse(r#"{"version": 1, "sources": [
    ///     {"id": "hrw", "name": "Human Rights Watch", "kind": "organization"}]}"#)
    ///     .unwrap().manifest;
    /// let page = Page::from_paragraphs([
    ///     "Human Rights Watch called the list “a rogue’s gallery.”",
    /// ]);
    /// let report = Engine::new(m).analyze(&page);
    /// assert_eq!(report.quotes[0].text, "a rogue’s gallery.");
    /// assert_eq!(report.quotes[0].source, Some(0));
    /// ```
    pub fn analyze(&self, page: &Page) -> Report {
        let quotes = if self.manifest.options.detect {
            detect(page)
        } else {
            Vec::new()
        };
        let folded = Folded::of_page(page);
        let Scan {
            mentions,
            hits,
            seeds,
        } = self.scan(page, &folded);
        let raw_at = |r: Range<usize>| folded.page_text(page, r);
        let found = self.matcher.resolve_seeded(&folded, &hits, &seeds, raw_at);

        // Explicit quotes on detected quotes; the rest stand alone.
        let mut explicit: Vec<Option<usize>> = vec![None; quotes.len()];
        let mut alone: Vec<(Found, Vec<Span>)> = Vec::new();
        let places = Places::new(&quotes);
        for f in found {
            let spans = folded.to_spans(page, f.range.clone());
            match places.first_overlapping(&quotes, &spans) {
                Some(qi) if explicit[qi].is_none() => explicit[qi] = Some(f.quote),
                Some(_) => {}
                None => alone.push((f, spans)),
            }
        }
        let sources: Vec<Option<usize>> = explicit
            .iter()
            .map(|e| e.map(|q| self.manifest.quotes[q].source))
            .collect();
        let attributions = attribute(page, &quotes, &sources, &mentions, &self.index);

        let mut out: Vec<Annotation> = quotes
            .iter()
            .zip(attributions)
            .zip(explicit)
            .map(|((q, a), e)| {
                let parts: Vec<Span> = q
                    .parts
                    .iter()
                    .map(|p| Span {
                        block: p.block,
                        range: p.content.clone(),
                    })
                    .collect();
                let last = q.last();
                Annotation {
                    text: joined_text(page, &parts),
                    parts,
                    source: a.source,
                    speaker: a.speaker,
                    cue: a.cue,
                    method: a.method,
                    explicit: e,
                    anchor: (last.block, last.close.end.max(last.content.end)),
                    origin: Some(q.origin),
                }
            })
            .collect();
        for (f, spans) in alone {
            let Some(last) = spans.last() else { continue };
            let block = &page.blocks[last.block].text;
            // The badge goes after a closing mark that directly follows.
            let mut end = last.range.end;
            if let Some(c) = block[end..].chars().next().filter(|&c| is_quote_mark(c)) {
                end += c.len_utf8();
            }
            out.push(Annotation {
                text: joined_text(page, &spans),
                anchor: (last.block, end),
                parts: spans,
                source: Some(self.manifest.quotes[f.quote].source),
                speaker: None,
                cue: None,
                method: Method::Manifest,
                explicit: Some(f.quote),
                origin: None,
            });
        }
        // Quotes with no part (none come out of `analyze`) first.
        sort::by_key(&mut out, |a| {
            a.parts
                .first()
                .map_or(0, |s| sort::pair(s.block, s.range.start) + 1)
        });
        Report { quotes: out }
    }

    /// Where each explicit manifest quote is on `page`, and how it was found:
    /// the matcher's decision in [`analyze`](Self::analyze) — including
    /// quotes `analyze` does not report on their own because a detected
    /// quote already covers their words. For `check`.
    pub fn explicit_matches(&self, page: &Page) -> Vec<Found> {
        let folded = Folded::of_page(page);
        let scan = self.scan(page, &folded);
        self.matcher
            .resolve_seeded(&folded, &scan.hits, &scan.seeds, |r| {
                folded.page_text(page, r)
            })
    }

    /// The multi-pattern passes: source mentions (longest first, not
    /// overlapping, on word boundaries) and explicit quote occurrences, then
    /// seeds for the quotes not found whole.
    fn scan(&self, page: &Page, folded: &Folded) -> Scan {
        let n = self.manifest.quotes.len();
        let mut hits: Vec<Vec<Range<usize>>> = vec![Vec::new(); n];
        let mut seeds: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
        let mut names: Vec<(Range<usize>, usize)> = Vec::new();
        let text = folded.text.as_str();
        let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let input = Input::new(text);
        each_match(self.automaton.as_ref(), &input, |m| {
            match self.owners[m.pattern().as_usize()] {
                Owner::Quote(i) => hits[i].push(m.range()),
                Owner::Source { source, capital } => {
                    let before = text[..m.start()].chars().next_back();
                    let after = text[m.end()..].chars().next();
                    if word_char(before) || word_char(after) {
                        return;
                    }
                    if capital {
                        let (b, at) = folded.to_block(m.start());
                        let first = page.blocks[b].text[at..].chars().next();
                        if !first.is_some_and(char::is_uppercase) {
                            return;
                        }
                    }
                    names.push((m.range(), source));
                }
            }
        });
        // The approximate tier needs seeds only for quotes not found whole,
        // so their pass is skipped when there are none: an article's own
        // quotes are nearly always on it word for word.
        let unfound = |quote: usize| hits[quote].is_empty();
        if self.seed_places.iter().flatten().any(|&(q, _)| unfound(q)) {
            each_match(self.seed_automaton.as_ref(), &input, |m| {
                for &(quote, offset) in &self.seed_places[m.pattern().as_usize()] {
                    if unfound(quote) {
                        seeds[quote].push((offset, m.start()));
                    }
                }
            });
        }
        // Longest first among overlapping names.
        sort::by_key(&mut names, |(r, _)| {
            sort::pair(r.start, u32::MAX as usize - r.len())
        });
        let mut mentions = Vec::new();
        let mut covered = 0;
        for (r, source) in names {
            if r.start < covered {
                continue;
            }
            covered = r.end;
            if let Some(span) = folded.to_span(page, r) {
                mentions.push(Mention {
                    source,
                    block: span.block,
                    range: span.range,
                });
            }
        }
        Scan {
            mentions,
            hits,
            seeds,
        }
    }
}

/// The distinct seeds of `matcher`'s quotes, and for each the (quote,
/// offset in its folded text) of every quote it is a piece of.
fn distinct_seeds(matcher: &Matcher) -> (Vec<String>, Vec<Vec<(usize, usize)>>) {
    let mut seeds: Vec<String> = Vec::new();
    let mut places: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (quote, offset, seed) in matcher.seeds() {
        let id = *ids.entry(seed).or_insert_with(|| {
            seeds.push(seed.to_owned());
            places.push(Vec::new());
            seeds.len() - 1
        });
        places[id].push((quote, offset));
    }
    (seeds, places)
}

/// Calls `f` with every match of `automaton` in `input`, overlapping ones
/// included.
fn each_match(automaton: Option<&NFA>, input: &Input<'_>, mut f: impl FnMut(aho_corasick::Match)) {
    let Some(automaton) = automaton else { return };
    let mut state = OverlappingState::start();
    while automaton.try_find_overlapping(input, &mut state).is_ok() {
        let Some(m) = state.get_match() else { break };
        f(m);
    }
}

/// What the multi-pattern passes found.
struct Scan {
    /// Sources named in the text.
    mentions: Vec<Mention>,
    /// Exact (folded) occurrences of each explicit quote.
    hits: Vec<Vec<Range<usize>>>,
    /// (offset in the quote, position in the text) of each quote's seeds,
    /// for the quotes with no exact hit (the others do not need them).
    seeds: Vec<Vec<(usize, usize)>>,
}

/// Where the detected quotes lie, to find the first one a stretch of text
/// overlaps without trying them all: a quote `i` can overlap only if some
/// quote up to `i` ends after the stretch starts and some quote from `i`
/// on starts before it ends, and both bounds are monotone.
struct Places {
    /// Largest (block, content end) of the quotes up to each index.
    ends: Vec<(usize, usize)>,
    /// Smallest (block, content start) of the quotes from each index on.
    starts: Vec<(usize, usize)>,
}

impl Places {
    fn new(quotes: &[Quote]) -> Places {
        let mut ends = Vec::with_capacity(quotes.len());
        let mut max = (0, 0);
        for q in quotes {
            for p in &q.parts {
                max = max.max((p.block, p.content.end));
            }
            ends.push(max);
        }
        let mut starts = vec![(0, 0); quotes.len()];
        let mut min = (usize::MAX, usize::MAX);
        for (i, q) in quotes.iter().enumerate().rev() {
            for p in &q.parts {
                min = min.min((p.block, p.content.start));
            }
            starts[i] = min;
        }
        Places { ends, starts }
    }

    /// The index of the first of `quotes` (those `self` was built from)
    /// that [`overlaps`] `spans`.
    fn first_overlapping(&self, quotes: &[Quote], spans: &[Span]) -> Option<usize> {
        let lo = spans.iter().map(|s| (s.block, s.range.start)).min()?;
        let hi = spans.iter().map(|s| (s.block, s.range.end)).max()?;
        let from = self.ends.partition_point(|&e| e <= lo);
        let to = self.starts.partition_point(|&s| s < hi);
        (from..to).find(|&i| overlaps(&quotes[i], spans))
    }
}

/// Does the quote cover any of `spans`?
fn overlaps(q: &Quote, spans: &[Span]) -> bool {
    q.parts.iter().any(|p| {
        spans.iter().any(|s| {
            s.block == p.block && s.range.start < p.content.end && p.content.start < s.range.end
        })
    })
}

/// The words of `parts`, whitespace collapsed, joined by one space.
fn joined_text(page: &Page, parts: &[Span]) -> String {
    let mut pieces = parts
        .iter()
        .map(|s| collapse_whitespace(&page.blocks[s.block].text[s.range.clone()]));
    let mut out = pieces.next().unwrap_or_default();
    for piece in pieces {
        out.push(' ');
        out.push_str(&piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::{Origin, Part};

    fn quote(parts: &[(usize, Range<usize>)]) -> Quote {
        Quote {
            parts: parts
                .iter()
                .map(|(block, content)| Part {
                    block: *block,
                    content: content.clone(),
                    open: content.start..content.start,
                    close: content.end..content.end,
                })
                .collect(),
            origin: Origin::Marks,
        }
    }

    #[test]
    fn places_find_the_first_overlapping_quote() {
        let quotes = [
            quote(&[(0, 2..8)]),
            quote(&[(0, 10..30), (1, 0..40), (2, 0..5)]),
            quote(&[(1, 20..25)]),
            quote(&[(2, 10..10)]),
            quote(&[(3, 0..4)]),
            quote(&[(3, 6..9)]),
        ];
        let places = Places::new(&quotes);
        for a in 0..4 {
            for b in a..4 {
                for start in 0..45 {
                    for end in start..46 {
                        let mut spans = vec![Span {
                            block: a,
                            range: start..end,
                        }];
                        if b > a {
                            spans.push(Span {
                                block: b,
                                range: 0..end,
                            });
                        }
                        let linear = quotes.iter().position(|q| overlaps(q, &spans));
                        assert_eq!(
                            places.first_overlapping(&quotes, &spans),
                            linear,
                            "{spans:?}"
                        );
                    }
                }
            }
        }
        assert_eq!(places.first_overlapping(&quotes, &[]), None);
    }
}
