//! What the engine found: plain data, ready for the DOM layer or the CLI.
//!
//! An [`Annotation`] is one quotation with its source; a [`Report`] is all of
//! a page's, in document order. Nothing here holds a DOM node: positions are
//! block indexes and UTF-8 byte ranges into [`crate::text::Block::text`].

use crate::detect::Origin;
use crate::manifest::{Manifest, SourceKind};
use serde::Serialize;
use std::ops::Range;

/// How an attribution was made. Shown to readers ("from ‘a US official
/// said’") and in `scan` output as lower-case words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// The publisher listed the quote in the manifest.
    Manifest,
    /// A speech verb next to the quote names the speaker ("…,” Ruiz said).
    Cue,
    /// A pronoun ("he said") resolved to an earlier speaker.
    Pronoun,
    /// No cue of its own: it continues the previous speaker's quote.
    Continuation,
    /// A definite description ("the official said") resolved to a source.
    Description,
    /// A blockquote's `<cite>` or `<footer>`.
    Blockquote,
    /// No speaker found.
    None,
}

impl Method {
    /// The lower-case name used in JSON and in the page.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Manifest => "manifest",
            Method::Cue => "cue",
            Method::Pronoun => "pronoun",
            Method::Continuation => "continuation",
            Method::Description => "description",
            Method::Blockquote => "blockquote",
            Method::None => "none",
        }
    }
}

/// A stretch of one block's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// Index into [`crate::text::Page::blocks`].
    pub block: usize,
    /// UTF-8 byte range into that block's text.
    pub range: Range<usize>,
}

/// One quotation and what is known of its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    /// Where the quoted words are (without marks), one span per block.
    pub parts: Vec<Span>,
    /// The quoted words as a reader sees them: whitespace collapsed, parts
    /// joined by one space.
    pub text: String,
    /// Index into the manifest's sources, if the source is known.
    pub source: Option<usize>,
    /// The words naming the speaker, as written ("a US official", "he").
    pub speaker: Option<String>,
    /// The phrase the attribution rests on, as written ("a US official said").
    pub cue: Option<String>,
    /// How the attribution was made.
    pub method: Method,
    /// Index into the manifest's quotes when the quote is listed there.
    pub explicit: Option<usize>,
    /// Block and byte where the badge goes: just after the closing mark.
    pub anchor: (usize, usize),
    /// How the quotation is marked on the page; `None` for an explicit
    /// manifest quote found in running text without marks.
    pub origin: Option<Origin>,
}

/// Everything found on one page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The quotations, in document order.
    pub quotes: Vec<Annotation>,
}

impl Report {
    /// The report as the public JSON shape of the JS API and `scan`:
    /// `{"quotes":[{"text","source","speaker","method",…}]}`.
    pub fn to_output(&self, manifest: &Manifest) -> Output {
        Output {
            quotes: self
                .quotes
                .iter()
                .enumerate()
                .map(|(index, a)| QuoteOutput {
                    index,
                    text: a.text.clone(),
                    source: a.source.map(|s| manifest.sources[s].id.clone()),
                    speaker: a.speaker.clone(),
                    method: a.method.as_str(),
                    cue: a.cue.clone(),
                    marks: match a.origin {
                        Some(Origin::Marks) => "marks",
                        Some(Origin::InlineQuote) => "q",
                        Some(Origin::Blockquote) => "blockquote",
                        None => "none",
                    },
                    explicit: a.explicit,
                })
                .collect(),
        }
    }
}

impl Report {
    /// schema.org `Quotation`s, one per quote with a source, as JSON-LD
    /// text. `<` is escaped (`\u003c`), so the text is inert wherever it is
    /// put, even in serialised HTML.
    ///
    /// ```
    /// # use quote_attribution::{Engine, manifest, text::Page};
    /// let m = manifest::parse(r#"{"version": 1, "sources": [{"id": "hrw",
    ///     "name": "Human Rights Watch", "kind": "organization",
    ///     "url": "https://www.hrw.org"}]}"#).unwrap().manifest;
    /// let engine = Engine::new(m);
    /// let page = Page::from_paragraphs(["Human Rights Watch called it “a <b>rogue’s</b> gallery.”"]);
    /// let ld = engine.analyze(&page).json_ld(engine.manifest());
    /// assert!(ld.contains(r#""@type":"Quotation""#));
    /// assert!(ld.contains(r#""creator":{"@type":"Organization","name":"Human Rights Watch","url":"https://www.hrw.org"}"#));
    /// assert!(!ld.contains('<'));
    /// ```
    pub fn json_ld(&self, manifest: &Manifest) -> String {
        let quotations: Vec<serde_json::Value> = self
            .quotes
            .iter()
            .filter_map(|q| {
                let source = manifest.sources.get(q.source?)?;
                let kind = match source.kind {
                    SourceKind::Person | SourceKind::Anonymous => "Person",
                    SourceKind::Organization | SourceKind::Publication => "Organization",
                    SourceKind::Document => "CreativeWork",
                };
                let mut creator = serde_json::Map::new();
                creator.insert("@type".into(), kind.into());
                creator.insert("name".into(), source.name.clone().into());
                if let Some(url) = &source.url {
                    creator.insert("url".into(), url.clone().into());
                }
                let mut quotation = serde_json::Map::new();
                quotation.insert("@context".into(), "https://schema.org".into());
                quotation.insert("@type".into(), "Quotation".into());
                quotation.insert("text".into(), q.text.clone().into());
                quotation.insert("creator".into(), creator.into());
                Some(quotation.into())
            })
            .collect();
        serde_json::Value::Array(quotations)
            .to_string()
            .replace('<', "\\u003c")
    }
}

/// The public report shape, shared by the JS API and the CLI so the two
/// cannot drift apart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Output {
    /// Every quotation, in document order.
    pub quotes: Vec<QuoteOutput>,
}

/// One quotation in [`Output`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuoteOutput {
    /// Position in document order; the badge's `data-qa-quote`.
    pub index: usize,
    /// The quotation without its enclosing marks.
    pub text: String,
    /// The manifest source id, or null.
    pub source: Option<String>,
    /// The speaker phrase as written, or null.
    pub speaker: Option<String>,
    /// How the attribution was made ([`Method::as_str`]).
    pub method: &'static str,
    /// The phrase the attribution rests on, or null.
    pub cue: Option<String>,
    /// How the quote is marked: "marks", "q", "blockquote", or "none"
    /// (an explicit manifest quote without marks).
    pub marks: &'static str,
    /// Index of the manifest quote entry, when listed there.
    pub explicit: Option<usize>,
}

/// What a reader is told about one quote: the badge's accessible name and
/// the source card's lines. Words only; the shells lay them out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// Accessible name of the badge button ("Source: Human Rights Watch").
    pub label: String,
    /// The source's name, or the speaker phrase when the source is unknown.
    pub name: Option<String>,
    /// The kind in words ("named person", "anonymous source").
    pub kind: &'static str,
    /// Role and affiliation, joined.
    pub role: Option<String>,
    /// The manifest's description.
    pub description: Option<String>,
    /// An http(s) link about the source.
    pub url: Option<String>,
    /// How the attribution was made ("from ‘a US official said’").
    pub how: String,
    /// Date of an explicit quote.
    pub date: Option<String>,
    /// Citation link of an explicit quote.
    pub citation: Option<String>,
    /// True when readers should see the source as anonymous.
    pub anonymous: bool,
    /// True when no source is known.
    pub unattributed: bool,
}

impl Card {
    /// The badge's state, as its `data-state` says it (and its styles
    /// read it): `unattributed`, `anonymous` or `named`.
    pub fn state(&self) -> &'static str {
        if self.unattributed {
            "unattributed"
        } else if self.anonymous {
            "anonymous"
        } else {
            "named"
        }
    }
}

impl Annotation {
    /// What a reader is told about this quote.
    ///
    /// ```
    /// use quote_attribution::report::{Annotation, Method};
    /// use quote_attribution::manifest::{Manifest, Source, SourceKind};
    /// let manifest = Manifest {
    ///     sources: vec![Source {
    ///         id: "hrw".into(), name: "Human Rights Watch".into(),
    ///         kind: SourceKind::Organization, aliases: vec![], role: None,
    ///         affiliation: None, url: None, description: None, image: None,
    ///     }],
    ///     ..Manifest::default()
    /// };
    /// let a = Annotation {
    ///     parts: vec![], text: "a rogue’s gallery".into(), source: Some(0),
    ///     speaker: Some("Human Rights Watch".into()),
    ///     cue: Some("Human Rights Watch called".into()), method: Method::Cue,
    ///     explicit: None, anchor: (0, 0), origin: None,
    /// };
    /// let card = a.card(&manifest);
    /// assert_eq!(card.label, "Source: Human Rights Watch");
    /// assert_eq!(card.how, "Attributed from “Human Rights Watch called”");
    /// ```
    pub fn card(&self, manifest: &Manifest) -> Card {
        let source = self.source.and_then(|s| manifest.sources.get(s));
        let explicit = self.explicit.and_then(|q| manifest.quotes.get(q));
        let how = match (self.method, &self.cue) {
            (Method::Manifest, _) => "Listed by the publisher".to_owned(),
            (Method::Blockquote, Some(cue)) => format!("Attributed in the blockquote: “{cue}”"),
            (Method::Pronoun, Some(cue)) => format!("Attributed from “{cue}” (pronoun)"),
            (Method::Description, Some(cue)) => format!("Attributed from “{cue}” (description)"),
            (Method::Continuation, _) => "Continues the previous speaker's quote".to_owned(),
            (_, Some(cue)) => format!("Attributed from “{cue}”"),
            (_, None) => "No speaker found near this quote".to_owned(),
        };
        match source {
            Some(s) => {
                let anonymous = s.kind == SourceKind::Anonymous;
                let role = match (&s.role, &s.affiliation) {
                    (Some(r), Some(a)) => Some(format!("{r}, {a}")),
                    (r, a) => r.clone().or_else(|| a.clone()),
                };
                Card {
                    label: format!(
                        "{}: {}",
                        if anonymous {
                            "Anonymous source"
                        } else {
                            "Source"
                        },
                        s.name
                    ),
                    name: Some(s.name.clone()),
                    kind: kind_words(s.kind),
                    role,
                    description: s.description.clone(),
                    url: s.url.clone(),
                    how,
                    date: explicit.and_then(|q| q.date.clone()),
                    citation: explicit.and_then(|q| q.citation.clone()),
                    anonymous,
                    unattributed: false,
                }
            }
            None => Card {
                label: match &self.speaker {
                    Some(sp) => format!("Source not in the publisher's list: {sp}"),
                    None => "Unattributed quote".to_owned(),
                },
                name: self.speaker.clone(),
                kind: if self.speaker.is_some() {
                    "speaker not identified by the publisher"
                } else {
                    "no attribution"
                },
                role: None,
                description: None,
                url: None,
                how,
                date: None,
                citation: None,
                anonymous: false,
                unattributed: true,
            },
        }
    }
}

/// A source kind in words for readers.
pub fn kind_words(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Person => "named person",
        SourceKind::Organization => "organisation",
        SourceKind::Anonymous => "anonymous source",
        SourceKind::Document => "document",
        SourceKind::Publication => "publication",
    }
}
