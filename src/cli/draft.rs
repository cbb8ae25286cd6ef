//! `draft`: a v1 manifest skeleton for a page, from the speakers the
//! engine finds on it, for an editor to confirm.
//!
//! The engine is asked several times:
//! 1. with no manifest: who speaks, as written;
//! 2. with a source for every *name* among them ([`super::speakers`]), so
//!    that "he said" and "the judge said" resolve the way they will for
//!    readers (a pronoun is never a source of its own);
//! 3. then, while it leaves quotes without a source, with more offered:
//!    descriptions it could not resolve ("the resolution", "the group") as
//!    sources, and the people named before an unresolved pronoun but never
//!    quoted ("Tom Reilly, the harbor master, told …"). The engine decides
//!    whom a pronoun means; offered sources no quote uses are dropped.
//!
//! Every quote that ends with a source is listed under `quotes` with that
//! source, so the publisher confirms each attribution; quotes left without
//! a source are left out (`check` lists them). Aliases are the other ways the
//! page names a source: surname-only mentions, descriptions ("the mayor"),
//! and any phrase the source's name alone would not match.
//!
//! The manifest must pass `check` on its own page with no errors: its
//! sources are exactly those its quotes use, and a quote whose words occur
//! twice on the page carries a `prefix` to tell the two apart.
//!
//! Like every command, `draft` decides nothing about quotes: attribution is
//! the engine's; only the manifest text (ids, names, kinds) is proposed here.

use super::speakers::{ids, named_before, read, Reading, Speakers};
use crate::attribute::sources::SourceIndex;
use crate::manifest::{Manifest, Options, Source, SourceKind};
use crate::report::{Annotation, Method, Report};
use crate::text::fold::{fold, Folded};
use crate::text::Page;
use crate::Engine;
use serde::Serialize;

/// Where the JSON Schema is, relative to a manifest at the top of a site
/// checkout. `https://…` has no published home yet; docs/cli.md says to
/// change the path to wherever the schema is served.
pub const SCHEMA: &str = "schema/manifest.v1.schema.json";

/// Engine runs after the second, at most: each offers sources for what the
/// previous run left unresolved, until nothing new turns up.
const ROUNDS: usize = 4;

/// Characters of page text before a quote kept as its `prefix` when its
/// words occur more than once (Hypothesis keeps 32).
const PREFIX_CHARS: usize = 32;

/// How many paragraphs before an unresolved pronoun are searched for the
/// people it may stand for.
const BLOCKS_BACK: usize = 3;

/// Longest alias proposed, in words.
const MAX_ALIAS_WORDS: usize = 6;

/// A drafted manifest, in the v1 field order.
#[derive(Clone, Debug, Serialize)]
pub struct Draft {
    /// The JSON Schema, for editors that validate as you type.
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    /// Always 1.
    pub version: u32,
    /// One per speaker.
    pub sources: Vec<DraftSource>,
    /// Every attributed quote, for the publisher to confirm.
    pub quotes: Vec<DraftQuote>,
    /// The root the page was read from, when not the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<DraftOptions>,
    /// Quotes left out because no source was found (not written out).
    #[serde(skip)]
    pub left_out: Vec<Annotation>,
}

/// A drafted source: the same entry `check` suggests.
pub type DraftSource = super::check::Skeleton;

/// A drafted quote.
#[derive(Clone, Debug, Serialize)]
pub struct DraftQuote {
    /// The words, as the engine reports them.
    pub text: String,
    /// The guessed source's id.
    pub source: String,
    /// The text before the quote, when its words occur twice on the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
}

/// Drafted options.
#[derive(Clone, Debug, Serialize)]
pub struct DraftOptions {
    /// The article root.
    pub root: String,
}

/// Drafts a manifest for `page`; `root` is recorded when given.
pub fn draft(page: &Page, root: Option<&str>) -> Draft {
    let mut speakers = Speakers::new(page);
    let first = analyze(page, Manifest::default());
    for a in &first.quotes {
        if let Some(phrase) = &a.speaker {
            speakers.add(phrase, a.cue.as_deref(), false);
        }
    }
    let mut report = analyze(page, sources_only(&speakers));
    for _ in 0..ROUNDS {
        let known = speakers.entries().len();
        offer_more(page, &report, &mut speakers);
        if speakers.entries().len() == known {
            break;
        }
        report = analyze(page, sources_only(&speakers));
    }

    // Who said each quote: the engine's answer, else the speaker phrase's
    // entry (a name the engine could not look up, e.g. namesakes).
    let assigned: Vec<Option<usize>> = report
        .quotes
        .iter()
        .map(|a| {
            a.source
                .or_else(|| a.speaker.as_deref().and_then(|p| speakers.get(p)))
        })
        .collect();
    let entries = speakers.entries();
    // Sources in the order the page first quotes them.
    let mut used: Vec<usize> = Vec::new();
    for &e in assigned.iter().flatten() {
        if !used.contains(&e) {
            used.push(e);
        }
    }
    let id_of: Vec<String> = ids(used.iter().map(|&i| entries[i].name.as_str()), &[]);
    let new_index = |entry: usize| used.iter().position(|&u| u == entry);

    let mut sources: Vec<DraftSource> = used
        .iter()
        .zip(&id_of)
        .map(|(&i, id)| {
            let e = &entries[i];
            DraftSource {
                id: id.clone(),
                name: e.name.clone(),
                kind: e.kind.as_str(),
                role: e.role.clone(),
                affiliation: e.affiliation.clone(),
                aliases: Vec::new(),
            }
        })
        .collect();
    add_aliases(&mut sources, &report, &assigned, &new_index, entries);

    let folded = Folded::of_page(page);
    let mut quotes = Vec::new();
    let mut left_out = Vec::new();
    for (a, entry) in report.quotes.iter().zip(&assigned) {
        match entry.and_then(new_index) {
            Some(s) => quotes.push(DraftQuote {
                text: a.text.clone(),
                source: id_of[s].clone(),
                prefix: prefix(page, &folded, a),
            }),
            None => left_out.push(a.clone()),
        }
    }
    Draft {
        schema: SCHEMA,
        version: 1,
        sources,
        quotes,
        options: root.map(|r| DraftOptions { root: r.to_owned() }),
        left_out,
    }
}

/// Offers the engine more sources for the quotes it left without one:
/// descriptions ("the resolution", "the group") as sources of their own,
/// and, for a pronoun, the people named before it but never quoted ("Tom
/// Reilly, the harbor master, told the council … he said").
fn offer_more(page: &Page, report: &Report, speakers: &mut Speakers<'_>) {
    let quoted: Vec<(usize, std::ops::Range<usize>)> = report
        .quotes
        .iter()
        .flat_map(|a| a.parts.iter().map(|p| (p.block, p.range.clone())))
        .collect();
    for a in report.quotes.iter().filter(|a| a.source.is_none()) {
        let Some(phrase) = &a.speaker else { continue };
        speakers.add(phrase, a.cue.as_deref(), true);
        let pronoun = a.method == Method::Pronoun || read(phrase, None) == Reading::Pronoun;
        if let Some(first) = a.parts.first().filter(|_| pronoun) {
            for name in named_before(page, &quoted, first.block, first.range.start, BLOCKS_BACK) {
                speakers.add(&name, None, false);
            }
        }
    }
}

fn analyze(page: &Page, manifest: Manifest) -> Report {
    Engine::new(manifest).analyze(page)
}

/// A manifest with one source per entry (ids are placeholders: the engine
/// reads indexes), no quotes.
fn sources_only(speakers: &Speakers<'_>) -> Manifest {
    let entries = speakers.entries();
    Manifest {
        sources: entries
            .iter()
            .enumerate()
            .map(|(i, e)| Source {
                id: format!("s{i}"),
                name: e.name.clone(),
                kind: e.kind,
                aliases: Vec::new(),
                role: e.role.clone(),
                affiliation: e.affiliation.clone(),
                url: None,
                description: None,
                image: None,
            })
            .collect(),
        quotes: Vec::new(),
        options: Options::default(),
    }
}

/// The aliases of each source: the phrases the page used for it that are a
/// surname alone, a description, or that its name would not match — but
/// never one that also names another source.
fn add_aliases(
    sources: &mut [DraftSource],
    report: &Report,
    assigned: &[Option<usize>],
    new_index: &impl Fn(usize) -> Option<usize>,
    entries: &[super::speakers::Entry],
) {
    // Candidate phrases per source, in the order met.
    let mut phrases: Vec<Vec<String>> = vec![Vec::new(); sources.len()];
    for (a, entry) in report.quotes.iter().zip(assigned) {
        let Some(s) = entry.and_then(new_index) else {
            continue;
        };
        if let Some(p) = &a.speaker {
            if a.method != Method::Pronoun && a.method != Method::Continuation {
                phrases[s].push(p.clone());
            }
        }
    }
    for (e, entry) in entries.iter().enumerate() {
        if let Some(s) = new_index(e) {
            phrases[s].extend(entry.phrases.iter().cloned());
        }
    }
    let as_manifest = |sources: &[DraftSource]| Manifest {
        sources: sources
            .iter()
            .map(|s| Source {
                id: s.id.clone(),
                name: s.name.clone(),
                kind: SourceKind::from_name(s.kind).unwrap_or_default(),
                aliases: s.aliases.clone(),
                role: s.role.clone(),
                affiliation: s.affiliation.clone(),
                url: None,
                description: None,
                image: None,
            })
            .collect(),
        ..Manifest::default()
    };
    let index = SourceIndex::new(&as_manifest(sources));
    let mut proposed: Vec<Vec<String>> = vec![Vec::new(); sources.len()];
    for (s, list) in phrases.iter().enumerate() {
        let name = fold(&sources[s].name);
        for p in list {
            let alias = match read(p, None) {
                Reading::Pronoun | Reading::NotAName => continue,
                // "Ms Rennie" → "Rennie": the surname, as the brief asks.
                Reading::Name(g) if g.one_word && g.kind == SourceKind::Person => g.name,
                Reading::Name(_) if index.lookup(p) == Some(s) => continue,
                Reading::Name(_) => p.clone(),
                // "the judge" for the source with the role "U.S. District
                // Judge"; not "the company" for whatever the engine took
                // it to mean.
                Reading::Description(_) if describes(p, &sources[s]) => lower_determiner(p),
                Reading::Description(_) => continue,
            };
            let key = fold(&alias);
            if key == name
                || alias.split_whitespace().count() > MAX_ALIAS_WORDS
                || proposed[s].iter().any(|a| fold(a) == key)
            {
                continue;
            }
            proposed[s].push(alias);
        }
    }
    // Drop every alias that two sources would claim, or that names another
    // source (its name, or a person's surname).
    let claims = |key: &str, s: usize| {
        sources.iter().enumerate().any(|(o, other)| {
            if o == s {
                return false;
            }
            let other_name = fold(&other.name);
            other_name == key
                || (other.kind == "person" && other_name.rsplit(' ').next() == Some(key))
                || proposed[o].iter().any(|a| fold(a) == key)
        })
    };
    let kept: Vec<Vec<String>> = proposed
        .iter()
        .enumerate()
        .map(|(s, list)| {
            list.iter()
                .filter(|a| !claims(&fold(a), s))
                .cloned()
                .collect()
        })
        .collect();
    for (source, aliases) in sources.iter_mut().zip(kept) {
        source.aliases = aliases;
    }
}

/// Does every word of a description (but its determiner) appear in the
/// source's name, role or affiliation?
fn describes(description: &str, source: &DraftSource) -> bool {
    let words = |t: &str| -> Vec<String> {
        fold(t)
            .split(' ')
            .map(|w| {
                let w = w.strip_suffix("'s").unwrap_or(w);
                crate::attribute::sources::singular(w).to_owned()
            })
            .collect()
    };
    let own: Vec<String> = [
        Some(&source.name),
        source.role.as_ref(),
        source.affiliation.as_ref(),
    ]
    .into_iter()
    .flatten()
    .flat_map(|t| words(t))
    .collect();
    let content: Vec<String> = words(description)
        .into_iter()
        .filter(|w| !crate::attribute::words::DETERMINERS.contains(w.as_str()))
        .collect();
    !content.is_empty() && content.iter().all(|w| own.contains(w))
}

/// "The court" → "the court": a description as it reads mid-sentence.
fn lower_determiner(p: &str) -> String {
    match p.split_once(' ') {
        Some((first, rest)) if crate::attribute::words::is_in(&["the", "a", "an"], first) => {
            format!("{} {rest}", first.to_lowercase())
        }
        _ => p.to_owned(),
    }
}

/// The page text just before a quote, when its folded words occur more
/// than once on the page (else the matcher could pick the other one).
fn prefix(page: &Page, folded: &Folded, a: &Annotation) -> Option<String> {
    let first = a.parts.first()?;
    let words = fold(&a.text);
    let words = words.trim_matches(|c| c == '"' || c == '\'' || c == ' ');
    if words.is_empty() || folded.text.matches(words).nth(1).is_none() {
        return None;
    }
    // The text before, across blocks (the matcher joins blocks by a
    // space): a quote that opens its paragraph needs the one before.
    let mut before = page
        .blocks
        .get(first.block)?
        .text
        .get(..first.range.start)?
        .to_owned();
    for b in (0..first.block).rev() {
        if before.chars().count() >= PREFIX_CHARS {
            break;
        }
        before = format!("{} {before}", page.blocks[b].text.trim_end());
    }
    let start = before
        .char_indices()
        .rev()
        .nth(PREFIX_CHARS - 1)
        .map_or(0, |(i, _)| i);
    Some(before[start..].trim_start().to_owned()).filter(|p| !p.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(paragraphs: &[&str]) -> Page {
        Page::from_paragraphs(paragraphs.iter().copied())
    }

    #[test]
    fn pronouns_join_their_antecedent_and_titles_become_roles() {
        let p = page(&[
            "“We will build,” said Mayor Elena Ruiz.",
            "“Not here,” she added.",
            "“Never,” Ruiz said.",
            "Ministry of Housing officials called it “a fine plan.”",
            "“It is unlawful,” the ruling said.",
        ]);
        let d = draft(&p, None);
        let names: Vec<(&str, &str, &str)> = d
            .sources
            .iter()
            .map(|s| (s.id.as_str(), s.name.as_str(), s.kind))
            .collect();
        assert!(
            names.contains(&("elena-ruiz", "Elena Ruiz", "person")),
            "{names:?}"
        );
        assert!(
            names.contains(&("the-ruling", "The ruling", "document")),
            "{names:?}"
        );
        let ruiz = d.sources.iter().find(|s| s.id == "elena-ruiz").unwrap();
        assert_eq!(ruiz.role.as_deref(), Some("Mayor"));
        assert_eq!(ruiz.aliases, ["Ruiz"]);
        let sources: Vec<&str> = d.quotes.iter().map(|q| q.source.as_str()).collect();
        assert_eq!(sources[..3], ["elena-ruiz", "elena-ruiz", "elena-ruiz"]);
        // Valid v1.
        let json = serde_json::to_string(&d).unwrap();
        crate::manifest::parse(&json).unwrap();
    }

    #[test]
    fn repeated_words_get_a_prefix() {
        let p = page(&[
            "“We will appeal,” said Ann Lee.",
            "“We will appeal,” said Bo Chen.",
        ]);
        let d = draft(&p, None);
        assert_eq!(d.quotes.len(), 2);
        assert!(
            d.quotes.iter().all(|q| q.prefix.is_some()),
            "{:?}",
            d.quotes
        );
    }

    #[test]
    fn unattributed_quotes_are_left_out() {
        let p = page(&["Numerous countries define criticism as “criminal.”"]);
        let d = draft(&p, None);
        assert!(d.quotes.is_empty());
        assert_eq!(d.left_out.len(), 1);
    }
}
