//! What the engine found: plain data, ready for the DOM layer or the CLI.
//!
//! An [`Annotation`] is one quotation with its source; a [`Report`] is all of
//! a page's, in document order. Nothing here holds a DOM node: positions are
//! block indexes and UTF-8 byte ranges into [`crate::text::Block::text`].

use crate::detect::Origin;
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
