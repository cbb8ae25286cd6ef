//! What can be wrong with a manifest, and how to say so to a publisher.
//!
//! Every problem is a [`ProblemKind`] plus the JSON path it concerns
//! (`sources[1].url`). The [`Display`](fmt::Display) text is the whole user
//! interface of validation: the CLI prints it, the widget throws it, the docs
//! list it. It names the field, says what is wrong and what is allowed.
//!
//! This module must never print a value from the manifest raw: strings from
//! the file are shown through [`Shown`], which truncates them and escapes
//! control and bidirectional-override characters, so a hostile or broken
//! manifest cannot garble a terminal or reorder the message around it.

use std::fmt;

/// How many characters of a value a message shows before cutting it with "…".
///
/// Enough to recognise a URL or a name; short enough that a 10,000-character
/// quote does not drown the message.
pub const SHOWN_CHARS: usize = 60;

/// The manifest version this build reads.
pub const VERSION: u64 = 1;

/// One thing wrong with a manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON path, e.g. `sources[1].url`; empty for the whole document.
    ///
    /// When several documents are merged, the path starts with the
    /// document's label in brackets: `[/site.json] sources[0].url`, or just
    /// `[/site.json]` for the whole document.
    pub path: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// Whether this only warns: the manifest still loads.
    pub fn is_warning(&self) -> bool {
        self.kind.is_warning()
    }
}

/// What is wrong. The `Display` of each variant is the message without the
/// path; [`Problem`]'s `Display` puts the path in front.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The text is not JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What the parser expected, in words.
        message: String,
    },
    /// Arrays and objects nested deeper than the JSON reader allows (127
    /// levels: `serde_json`'s recursion limit of 128).
    TooDeep {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },
    /// The text is larger than [`super::Limits::max_bytes`].
    TooLarge {
        /// Size of the text in bytes.
        bytes: usize,
        /// The limit in bytes.
        max: usize,
    },
    /// The document is valid JSON but not an object.
    NotAnObject {
        /// What it is instead ("an array").
        got: String,
    },
    /// A field has the wrong JSON type.
    WrongType {
        /// What is allowed ("a string", "true or false").
        expected: &'static str,
        /// What was found ("the number 42"), ready to print.
        got: String,
    },
    /// A required field is absent or `null`.
    Missing {
        /// What the field should hold.
        expected: &'static str,
    },
    /// A field this version does not know. A warning: newer manifests may
    /// carry fields an older build ignores.
    UnknownField {
        /// The closest known field, when one is close.
        suggestion: Option<&'static str>,
    },
    /// The same key twice in one JSON object: parsers keep only one of them,
    /// silently.
    DuplicateKey,
    /// `version` is a number other than 1.
    UnsupportedVersion {
        /// The version found, as written.
        got: String,
    },
    /// A URL whose scheme is not http or https (`javascript:`, `data:`, …).
    NotHttpUrl {
        /// The value found.
        got: String,
    },
    /// A URL with no scheme at all (`/about`, `www.hrw.org`).
    RelativeUrl {
        /// The value found.
        got: String,
    },
    /// An http(s) URL without a host, or with control characters inside.
    BadUrl {
        /// The value found.
        got: String,
    },
    /// A source id used twice in one document.
    DuplicateId {
        /// The id.
        id: String,
        /// Path of the source that used it first (`sources[0]`).
        first_path: String,
    },
    /// A quote's `source` names no source (after merging every document).
    UnknownSource {
        /// The id the quote names.
        id: String,
        /// The closest known id, when one is close.
        suggestion: Option<String>,
        /// The first few known ids.
        known: Vec<String>,
        /// How many more ids exist beyond `known`.
        more: usize,
    },
    /// An id that is not a slug (`^[a-z0-9][a-z0-9_-]*$`).
    BadId {
        /// The value found.
        got: String,
        /// A slug made from it, when one can be made.
        suggestion: Option<String>,
    },
    /// A `kind` that is not one of the five kinds.
    BadKind {
        /// The value found.
        got: String,
        /// The closest kind, when one is close.
        suggestion: Option<&'static str>,
    },
    /// A `theme` that is not auto, light or dark.
    BadTheme {
        /// The value found.
        got: String,
        /// The closest theme, when one is close.
        suggestion: Option<&'static str>,
    },
    /// A date that is not ISO 8601, or names a day that does not exist.
    BadDate {
        /// The value found.
        got: String,
        /// Why, when more can be said than "not in any allowed form".
        reason: Option<String>,
    },
    /// A `locale` that is not a BCP 47 language tag.
    BadLocale {
        /// The value found.
        got: String,
        /// A corrected tag (`en_GB` → `en-GB`), when one is obvious.
        suggestion: Option<String>,
    },
    /// A CSS selector that cannot be one.
    BadSelector {
        /// The value found.
        got: String,
        /// The character that cannot appear in a selector.
        bad_char: char,
    },
    /// A quote `selector` whose `type` is not `TextQuoteSelector`.
    BadSelectorType {
        /// The value found.
        got: String,
    },
    /// A quote that gives both `text`/`prefix`/`suffix` and a `selector`.
    BothForms {
        /// The text-form fields present beside the selector.
        fields: Vec<&'static str>,
    },
    /// A string longer than its limit.
    TooLong {
        /// Its length in characters (Unicode scalar values).
        len: usize,
        /// The limit in characters.
        max: usize,
    },
    /// An array longer than its limit.
    TooMany {
        /// How many items it has.
        count: usize,
        /// The limit.
        max: usize,
        /// What the items are, plural ("sources", "aliases").
        what: &'static str,
    },
    /// A string that is empty or only white space where text is needed.
    Empty,
    /// A name or alias that also names another source: the page cannot tell
    /// the two apart. A warning.
    AmbiguousName {
        /// The name or alias.
        name: String,
        /// The id of the other source.
        other_id: String,
    },
    /// The list was cut at [`super::Limits::max_problems`].
    More {
        /// How many were left out.
        count: usize,
        /// Whether the ones left out are warnings.
        warnings: bool,
    },
}

impl ProblemKind {
    /// Whether this kind only warns: the manifest still loads.
    pub fn is_warning(&self) -> bool {
        match self {
            ProblemKind::UnknownField { .. } | ProblemKind::AmbiguousName { .. } => true,
            ProblemKind::More { warnings, .. } => *warnings,
            _ => false,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.path, self.kind)
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind as K;
        match self {
            K::Syntax {
                line,
                column,
                message,
            } => write!(f, "invalid JSON at line {line}, column {column}: {message}"),
            K::TooDeep { line, column } => write!(
                f,
                "invalid JSON at line {line}, column {column}: arrays and objects are nested \
                 too deeply (at most 127 levels)"
            ),
            K::TooLarge { bytes, max } => {
                write!(f, "the manifest is {bytes} bytes, the limit is {max} bytes")
            }
            K::NotAnObject { got } => write!(
                f,
                "the manifest must be a JSON object such as {{\"version\": 1, \"sources\": []}}, \
                 got {got}"
            ),
            K::WrongType { expected, got } => write!(f, "must be {expected}, got {got}"),
            K::Missing { expected } => write!(f, "required, but missing (expected {expected})"),
            K::UnknownField { suggestion } => {
                f.write_str("unknown field, ignored")?;
                if let Some(s) = suggestion {
                    write!(f, " (did you mean \"{s}\"?)")?;
                }
                Ok(())
            }
            K::DuplicateKey => f.write_str(
                "appears twice in the same object; JSON readers keep only one of the two \
                 (remove the other)",
            ),
            K::UnsupportedVersion { got } => write!(
                f,
                "unsupported manifest version {} (this build reads version {VERSION})",
                escape_cut(got, SHOWN_CHARS)
            ),
            K::NotHttpUrl { got } => {
                write!(f, "must be an http or https URL, got {}", Shown(got))
            }
            K::RelativeUrl { got } => write!(
                f,
                "must be an absolute http or https URL, got the relative URL {} \
                 (write it in full, starting with \"https://\")",
                Shown(got)
            ),
            K::BadUrl { got } => write!(
                f,
                "must be a complete http or https URL such as \"https://example.org/page\", got {}",
                Shown(got)
            ),
            K::DuplicateId { id, first_path } => write!(
                f,
                "the id {} is already used by {first_path} (ids must be unique within a manifest)",
                Shown(id)
            ),
            K::UnknownSource {
                id,
                suggestion,
                known,
                more,
            } => {
                write!(f, "no source has the id {}", Shown(id))?;
                if known.is_empty() {
                    return f.write_str(" (the manifest defines no sources)");
                }
                f.write_str(" (")?;
                if let Some(s) = suggestion {
                    write!(f, "did you mean {}? ", Shown(s))?;
                }
                f.write_str("known ids: ")?;
                for (i, k) in known.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{}", Shown(k))?;
                }
                if *more > 0 {
                    write!(f, " and {more} more")?;
                }
                f.write_str(")")
            }
            K::BadId { got, suggestion } => {
                write!(
                    f,
                    "must be an id of lowercase letters a-z, digits, \"-\" and \"_\", \
                     starting with a letter or digit, got {}",
                    Shown(got)
                )?;
                if let Some(s) = suggestion {
                    write!(f, " (try {})", Shown(s))?;
                }
                Ok(())
            }
            K::BadKind { got, suggestion } => {
                write!(
                    f,
                    "must be one of \"person\", \"organization\", \"anonymous\", \"document\", \
                     \"publication\", got {}",
                    Shown(got)
                )?;
                if let Some(s) = suggestion {
                    write!(f, " (did you mean \"{s}\"?)")?;
                }
                Ok(())
            }
            K::BadTheme { got, suggestion } => {
                write!(
                    f,
                    "must be one of \"auto\", \"light\", \"dark\", got {}",
                    Shown(got)
                )?;
                if let Some(s) = suggestion {
                    write!(f, " (did you mean \"{s}\"?)")?;
                }
                Ok(())
            }
            K::BadDate { got, reason } => {
                write!(
                    f,
                    "must be an ISO 8601 date: YYYY, YYYY-MM, YYYY-MM-DD, or a date and time \
                     such as \"2019-12-27T14:30:00Z\", got {}",
                    Shown(got)
                )?;
                if let Some(r) = reason {
                    write!(f, " ({r})")?;
                }
                Ok(())
            }
            K::BadLocale { got, suggestion } => {
                write!(
                    f,
                    "must be a BCP 47 language tag such as \"en\" or \"en-GB\", got {}",
                    Shown(got)
                )?;
                if let Some(s) = suggestion {
                    write!(f, " (try {})", Shown(s))?;
                }
                Ok(())
            }
            K::BadSelector { got, bad_char } => write!(
                f,
                "must be a CSS selector such as \"nav\" or \".comments\", got {} \
                 (a selector cannot contain \"{bad_char}\")",
                Shown(got)
            ),
            K::BadSelectorType { got } => write!(
                f,
                "must be \"TextQuoteSelector\" (the only selector type a manifest reads), got {}",
                Shown(got)
            ),
            K::BothForms { fields } => {
                f.write_str(
                    "a quote gives either \"text\" (with \"prefix\" and \"suffix\") or a \
                     \"selector\", not both; this one also has ",
                )?;
                for (i, field) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str(if i + 1 == fields.len() { " and " } else { ", " })?;
                    }
                    write!(f, "\"{field}\"")?;
                }
                Ok(())
            }
            K::TooLong { len, max } => {
                write!(f, "is {len} characters long, the limit is {max}")
            }
            K::TooMany { count, max, what } => write!(f, "{count} {what}, the limit is {max}"),
            K::Empty => f.write_str("must not be empty or only spaces"),
            K::AmbiguousName { name, other_id } => write!(
                f,
                "{} also names the source {}, so quotes attributed through it go to neither",
                Shown(name),
                Shown(other_id)
            ),
            K::More { count, warnings } => write!(
                f,
                "and {count} more {} not shown",
                match (*warnings, *count == 1) {
                    (true, true) => "warning",
                    (true, false) => "warnings",
                    (false, true) => "problem",
                    (false, false) => "problems",
                }
            ),
        }
    }
}

/// Every problem that stopped a manifest from loading: the errors first, then
/// the warnings met on the way (they often explain an error: a misspelt
/// field is both unknown and missing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// The problems that are errors, without the warnings.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter().filter(|p| !p.is_warning())
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

/// A string from a manifest, made safe to print: in double quotes, cut after
/// [`SHOWN_CHARS`] characters with "…", with quotes, backslashes, control
/// characters and invisible or direction-changing characters escaped
/// (`\n`, `\u{202e}`).
///
/// ```
/// use quote_attribution::manifest::Shown;
/// assert_eq!(Shown("evil\u{202e}gpj.exe").to_string(), r#""evil\u{202e}gpj.exe""#);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Shown<'a>(pub &'a str);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\"", escape_cut(self.0, SHOWN_CHARS))
    }
}

/// Escapes `s` as [`Shown`] does, cut after `max` characters; no quotes.
pub(crate) fn escape_cut(s: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_invisible(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// Characters that change the direction of the text around them or cannot
/// be seen: shown escaped so a message means what it appears to mean.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00ad}'                // soft hyphen
        | '\u{061c}'              // Arabic letter mark
        | '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}' // Hangul fillers
        | '\u{180e}'              // Mongolian vowel separator
        | '\u{200b}'..='\u{200f}' // zero-width space, joiners, LRM, RLM
        | '\u{2028}' | '\u{2029}' // line and paragraph separators
        | '\u{202a}'..='\u{202e}' // embeddings and overrides
        | '\u{2060}'..='\u{206f}' // word joiner, isolates, deprecated format chars
        | '\u{feff}'              // byte order mark
        | '\u{fff9}'..='\u{fffb}' // interlinear annotation
        | '\u{e0000}'..='\u{e007f}' // tag characters
    )
}

/// A JSON value described for a message: "null", "true", "the number 42",
/// "the string \"x\"", "an array", "an object".
pub(crate) fn describe(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {}", Shown(s)),
        Value::Array(a) if a.is_empty() => "an empty array".to_owned(),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// One step of a JSON path: `.key`, or `["odd key"]` for a key that is not a
/// plain identifier (so spaces, dots and control characters stay readable).
pub(crate) fn join_key(base: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key.len() <= SHOWN_CHARS
        && key.chars().enumerate().all(|(i, c)| {
            c.is_ascii_alphabetic() || c == '_' || c == '$' || (i > 0 && c.is_ascii_digit())
        });
    match (plain, base.is_empty()) {
        (true, true) => key.to_owned(),
        (true, false) => format!("{base}.{key}"),
        (false, _) => format!("{base}[{}]", Shown(key)),
    }
}

/// One step of a JSON path into an array: `[3]`.
pub(crate) fn join_index(base: &str, index: usize) -> String {
    format!("{base}[{index}]")
}
