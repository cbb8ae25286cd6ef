//! Validated manifest data: what the rest of the crate reads.
//!
//! These types hold only values that passed validation (URLs are http or
//! https, every quote's `source` names an existing source, ids are unique).
//! Construct them through [`super::parse`] or [`super::from_value`].

/// A validated manifest, v1.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Manifest {
    /// The people, organisations and documents quoted, in file order.
    pub sources: Vec<Source>,
    /// Quotes the publisher states explicitly, in file order.
    pub quotes: Vec<ExplicitQuote>,
    /// Page-level options.
    pub options: Options,
}

impl Manifest {
    /// The index of the source with this id.
    pub fn source_index(&self, id: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.id == id)
    }
}

/// One quoted source.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Unique slug (`[a-z0-9][a-z0-9_-]*`), used in `data-qa-source`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What kind of source this is.
    pub kind: SourceKind,
    /// Other ways the page refers to this source ("HRW", "a US official").
    pub aliases: Vec<String>,
    /// Job or function ("Mayor of Portsmouth").
    pub role: Option<String>,
    /// Organisation the source belongs to.
    pub affiliation: Option<String>,
    /// An http or https link about the source.
    pub url: Option<String>,
    /// Free text shown on the source card.
    pub description: Option<String>,
    /// An http or https image URL.
    pub image: Option<String>,
}

/// What kind of source a [`Source`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SourceKind {
    /// A named person.
    #[default]
    Person,
    /// A company, agency, NGO, government body.
    Organization,
    /// A source the article does not name ("a US official").
    Anonymous,
    /// A written text: a resolution, a report, a court filing.
    Document,
    /// A newspaper, broadcaster or other outlet.
    Publication,
}

impl SourceKind {
    /// The manifest spelling of this kind.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Document => "document",
            SourceKind::Publication => "publication",
        }
    }

    /// Parses the manifest spelling.
    pub fn from_name(name: &str) -> Option<SourceKind> {
        Some(match name {
            "person" => SourceKind::Person,
            "organization" => SourceKind::Organization,
            "anonymous" => SourceKind::Anonymous,
            "document" => SourceKind::Document,
            "publication" => SourceKind::Publication,
            _ => return None,
        })
    }
}

/// A quote the publisher attributes explicitly.
#[derive(Clone, Debug, PartialEq)]
pub struct ExplicitQuote {
    /// The quoted words, as on the page (marks optional).
    pub text: String,
    /// Index into [`Manifest::sources`].
    pub source: usize,
    /// Text just before the quote, to tell repeated passages apart.
    pub prefix: Option<String>,
    /// Text just after the quote.
    pub suffix: Option<String>,
    /// ISO 8601 date the words were said or published.
    pub date: Option<String>,
    /// An http or https link to where the words were said.
    pub citation: Option<String>,
    /// Free text about the circumstances.
    pub context: Option<String>,
}

/// Page-level options.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Detect quotations beyond the explicit ones (default true).
    pub detect: bool,
    /// CSS selector of the article root.
    pub root: Option<String>,
    /// CSS selectors of regions to leave alone.
    pub exclude: Vec<String>,
    /// Colour theme of badges and cards.
    pub theme: Theme,
    /// Mark quotes with no source for readers.
    pub flag_unattributed: bool,
    /// Add schema.org `Quotation` JSON-LD.
    pub json_ld: bool,
    /// BCP 47 language tag of the page, e.g. "en-GB".
    pub locale: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            detect: true,
            root: None,
            exclude: Vec::new(),
            theme: Theme::Auto,
            flag_unattributed: false,
            json_ld: false,
            locale: None,
        }
    }
}

/// Colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The manifest spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses the manifest spelling.
    pub fn from_name(name: &str) -> Option<Theme> {
        Some(match name {
            "auto" => Theme::Auto,
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => return None,
        })
    }
}
