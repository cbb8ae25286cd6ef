//! Turning manifest JSON into a [`Manifest`], collecting every problem with
//! its path, and merging several manifests into one.
//!
//! The walk follows the v1 layout field by field, in the order the
//! reference documents them, so problems come out in a stable order. It
//! never stops at the first problem, never recurses into values it does not
//! know (unknown fields are warned about, not walked), and does bounded work
//! per field, so any input — however large, deep or hostile — is answered
//! with a list of problems, never a panic.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::fields::{self, UrlFault};
use super::json;
use super::limits::Limits;
use super::problems::{
    describe, escape_cut, join_index, join_key, Problem, ProblemKind, Problems, Shown, VERSION,
};
use super::types::{ExplicitQuote, Manifest, Options, Source, SourceKind, Theme};

/// A validated manifest with what was noticed on the way.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    /// The manifest.
    pub manifest: Manifest,
    /// Problems that did not stop loading: unknown fields (likely typos, each
    /// with a suggestion when one is close) and names shared by two sources.
    pub warnings: Vec<Problem>,
    /// Sources that a later merged manifest redefined, in merge order.
    pub overrides: Vec<Override>,
}

/// A source id defined by more than one merged manifest; the later one wins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    /// The id.
    pub id: String,
    /// Label of the manifest whose definition was replaced.
    pub replaced: String,
    /// Label of the manifest whose definition won.
    pub by: String,
}

impl std::fmt::Display for Override {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "source {} from {} is replaced by the one in {}",
            Shown(&self.id),
            escape_cut(&self.replaced, LABEL_CHARS),
            escape_cut(&self.by, LABEL_CHARS)
        )
    }
}

/// Labels (usually URLs) are shown up to this many characters.
const LABEL_CHARS: usize = 200;

/// Parses and validates manifest JSON text with the default [`Limits`].
///
/// ```
/// use quote_attribution::manifest;
/// let loaded = manifest::parse(r#"{"version": 1,
///     "sources": [{"id": "hrw", "name": "Human Rights Watch", "kind": "organization"}]}"#)
///     .unwrap();
/// assert_eq!(loaded.manifest.sources[0].name, "Human Rights Watch");
///
/// let problems = manifest::parse(r#"{"version": 1,
///     "sources": [{"id": "hrw", "name": "HRW", "url": "javascript:alert(1)"}]}"#)
///     .unwrap_err();
/// assert_eq!(problems.to_string(),
///     r#"sources[0].url: must be an http or https URL, got "javascript:alert(1)""#);
/// ```
pub fn parse(json: &str) -> Result<Loaded, Problems> {
    parse_with_limits(json, &Limits::default())
}

/// Parses and validates manifest JSON text. The size limit is checked before
/// parsing; the other limits during validation.
pub fn parse_with_limits(json: &str, limits: &Limits) -> Result<Loaded, Problems> {
    let parsed = json::read(json, limits).map_err(|p| Problems(vec![p]))?;
    run(
        &[Doc {
            label: None,
            value: Some(&parsed.value),
            early: parsed.duplicates,
            early_unlisted: parsed.more_duplicates,
        }],
        limits,
    )
}

/// Validates an already-parsed manifest with the default [`Limits`] (all but
/// the byte size, which only text has).
pub fn from_value(value: &Value) -> Result<Loaded, Problems> {
    run(
        &[Doc {
            label: None,
            value: Some(value),
            early: Vec::new(),
            early_unlisted: 0,
        }],
        &Limits::default(),
    )
}

/// Validates and merges several manifests, in order, with the default
/// [`Limits`]. Each comes with a label (its URL or file name) used in
/// messages and [`Override`]s.
///
/// Sources are merged by id: a later definition replaces an earlier one in
/// its place, and is reported in [`Loaded::overrides`]. Quotes are
/// concatenated; a quote may name a source from any of the manifests.
/// Options are taken field by field from the last manifest that sets them,
/// except `exclude`, whose lists add up.
///
/// With more than one document, every problem path starts with the label:
///
/// ```
/// use quote_attribution::manifest;
/// use serde_json::json;
/// let site = json!({"version": 1, "sources": [{"id": "hrw", "name": "Human Rights Watch"}]});
/// let article = json!({"version": 1, "quotes": [{"text": "a rogue’s gallery", "source": "hrw2"}]});
/// let problems = manifest::merge(&[("/site.json".into(), site), ("/a.json".into(), article)])
///     .unwrap_err();
/// assert_eq!(problems.to_string(), r#"[/a.json] quotes[0].source: no source has the id "hrw2" (did you mean "hrw"? known ids: "hrw")"#);
/// ```
pub fn merge(docs: &[(String, Value)]) -> Result<Loaded, Problems> {
    merge_with_limits(docs, &Limits::default())
}

/// [`merge`] with chosen [`Limits`] (all but the byte size).
pub fn merge_with_limits(docs: &[(String, Value)], limits: &Limits) -> Result<Loaded, Problems> {
    let labelled = docs.len() > 1;
    let docs: Vec<Doc<'_>> = docs
        .iter()
        .map(|(label, value)| Doc {
            label: labelled.then_some(label.as_str()),
            value: Some(value),
            early: Vec::new(),
            early_unlisted: 0,
        })
        .collect();
    run(&docs, limits)
}

/// Parses several manifest texts and merges them as [`merge`] does, with the
/// size limit checked on each text before parsing. A text that is not JSON
/// is reported under its label; the others are still checked.
pub fn merge_texts(docs: &[(String, String)]) -> Result<Loaded, Problems> {
    merge_texts_with_limits(docs, &Limits::default())
}

/// [`merge_texts`] with chosen [`Limits`].
pub fn merge_texts_with_limits(
    docs: &[(String, String)],
    limits: &Limits,
) -> Result<Loaded, Problems> {
    let labelled = docs.len() > 1;
    let read: Vec<_> = docs
        .iter()
        .map(|(label, text)| (label, json::read(text, limits)))
        .collect();
    let docs: Vec<Doc<'_>> = read
        .iter()
        .map(|(label, result)| {
            let label = labelled.then_some(label.as_str());
            match result {
                Ok(parsed) => Doc {
                    label,
                    value: Some(&parsed.value),
                    early: parsed.duplicates.clone(),
                    early_unlisted: parsed.more_duplicates,
                },
                Err(problem) => Doc {
                    label,
                    value: None,
                    early: vec![problem.clone()],
                    early_unlisted: 0,
                },
            }
        })
        .collect();
    run(&docs, limits)
}

/// One document to validate: `value` is `None` when its text did not parse,
/// and `early` holds the problems found while parsing (`early_unlisted` more
/// were only counted).
struct Doc<'a> {
    label: Option<&'a str>,
    value: Option<&'a Value>,
    early: Vec<Problem>,
    early_unlisted: usize,
}

/// Where problems go: listed up to a limit, counted past it.
struct Sink {
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
    hidden_errors: usize,
    hidden_warnings: usize,
    max: usize,
}

impl Sink {
    fn push(&mut self, problem: Problem) {
        let (list, hidden) = if problem.is_warning() {
            (&mut self.warnings, &mut self.hidden_warnings)
        } else {
            (&mut self.errors, &mut self.hidden_errors)
        };
        if list.len() < self.max {
            list.push(problem);
        } else {
            *hidden += 1;
        }
    }

    /// Pushes an error made by `kind` if it will be listed; only counts it
    /// otherwise.
    fn push_error_with(&mut self, path: String, kind: impl FnOnce() -> ProblemKind) {
        if self.errors.len() < self.max {
            self.errors.push(Problem { path, kind: kind() });
        } else {
            self.hidden_errors += 1;
        }
    }

    fn finish(mut self) -> (Vec<Problem>, Vec<Problem>) {
        for (list, count, warnings) in [
            (&mut self.errors, self.hidden_errors, false),
            (&mut self.warnings, self.hidden_warnings, true),
        ] {
            if count > 0 {
                list.push(Problem {
                    path: String::new(),
                    kind: ProblemKind::More { count, warnings },
                });
            }
        }
        (self.errors, self.warnings)
    }
}

/// A problem path with the document label in front, when there is one.
fn labelled(label: Option<&str>, path: &str) -> String {
    match (label, path.is_empty()) {
        (None, _) => path.to_owned(),
        (Some(l), true) => format!("[{}]", escape_cut(l, LABEL_CHARS)),
        (Some(l), false) => format!("[{}] {path}", escape_cut(l, LABEL_CHARS)),
    }
}

/// A source as read from one document, before merging.
struct ReadSource {
    index: usize,
    id: Option<String>,
    source: Source,
}

/// A quote as read from one document, before its source is looked up.
struct ReadQuote {
    index: usize,
    source_id: Option<String>,
    quote: ExplicitQuote,
}

/// The options one document sets.
#[derive(Default)]
struct ReadOptions {
    detect: Option<bool>,
    root: Option<String>,
    exclude: Vec<String>,
    theme: Option<Theme>,
    flag_unattributed: Option<bool>,
    json_ld: Option<bool>,
    locale: Option<String>,
}

/// Everything one document contributes.
#[derive(Default)]
struct Read {
    sources: Vec<ReadSource>,
    quotes: Vec<ReadQuote>,
    options: ReadOptions,
}

fn run(docs: &[Doc<'_>], limits: &Limits) -> Result<Loaded, Problems> {
    let mut sink = Sink {
        errors: Vec::new(),
        warnings: Vec::new(),
        hidden_errors: 0,
        hidden_warnings: 0,
        max: limits.max_problems.max(1),
    };
    let mut manifest = Manifest::default();
    let mut overrides = Vec::new();
    // Where each merged source came from: (document, index in its `sources`).
    let mut origin: Vec<(usize, usize)> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut pending: Vec<(usize, ReadQuote)> = Vec::new();
    // A document that could not be read hides its sources: looking up quote
    // sources would then only report ids that are merely unreadable.
    let mut all_read = true;

    for (d, doc) in docs.iter().enumerate() {
        for early in &doc.early {
            sink.push(Problem {
                path: labelled(doc.label, &early.path),
                kind: early.kind.clone(),
            });
        }
        sink.hidden_errors += doc.early_unlisted;
        let Some(value) = doc.value else {
            all_read = false;
            continue;
        };
        let mut check = Check {
            label: doc.label,
            limits,
            sink: &mut sink,
        };
        let Some(read) = check.document(value) else {
            all_read = false;
            continue;
        };
        for s in read.sources {
            let Some(id) = s.id else { continue };
            match by_id.get(&id) {
                Some(&at) if origin[at].0 != d => {
                    overrides.push(Override {
                        id,
                        replaced: docs[origin[at].0].label.unwrap_or_default().to_owned(),
                        by: doc.label.unwrap_or_default().to_owned(),
                    });
                    manifest.sources[at] = s.source;
                    origin[at] = (d, s.index);
                }
                // A duplicate within this document: already reported.
                Some(_) => {}
                None => {
                    by_id.insert(id, manifest.sources.len());
                    manifest.sources.push(s.source);
                    origin.push((d, s.index));
                }
            }
        }
        pending.extend(read.quotes.into_iter().map(|q| (d, q)));
        apply_options(&mut manifest.options, read.options);
    }

    for (d, q) in pending {
        let Some(id) = q.source_id else { continue };
        match by_id.get(&id) {
            Some(&at) => manifest.quotes.push(ExplicitQuote {
                source: at,
                ..q.quote
            }),
            None if !all_read => {}
            None => {
                let path = join_key(&join_index("quotes", q.index), "source");
                // Working out the suggestion compares with every id: only
                // worth it for a problem that will be listed.
                sink.push_error_with(labelled(docs[d].label, &path), || {
                    unknown_source(&id, &manifest.sources)
                });
            }
        }
    }

    ambiguous_names(&manifest.sources, &origin, docs, &mut sink);

    let (errors, warnings) = sink.finish();
    if errors.is_empty() {
        Ok(Loaded {
            manifest,
            warnings,
            overrides,
        })
    } else {
        Err(Problems(errors.into_iter().chain(warnings).collect()))
    }
}

/// How many known ids an unknown-source message lists.
const KNOWN_IDS_SHOWN: usize = 5;

fn unknown_source(id: &str, sources: &[Source]) -> ProblemKind {
    let suggestion = fields::closest(id, sources.iter().map(|s| s.id.as_str())).map(str::to_owned);
    ProblemKind::UnknownSource {
        id: id.to_owned(),
        suggestion,
        known: sources
            .iter()
            .take(KNOWN_IDS_SHOWN)
            .map(|s| s.id.clone())
            .collect(),
        more: sources.len().saturating_sub(KNOWN_IDS_SHOWN),
    }
}

fn apply_options(options: &mut Options, read: ReadOptions) {
    let ReadOptions {
        detect,
        root,
        exclude,
        theme,
        flag_unattributed,
        json_ld,
        locale,
    } = read;
    options.detect = detect.unwrap_or(options.detect);
    options.root = root.or(options.root.take());
    for e in exclude {
        if !options.exclude.contains(&e) {
            options.exclude.push(e);
        }
    }
    options.theme = theme.unwrap_or(options.theme);
    options.flag_unattributed = flag_unattributed.unwrap_or(options.flag_unattributed);
    options.json_ld = json_ld.unwrap_or(options.json_ld);
    options.locale = locale.or(options.locale.take());
}

/// Warns about a name or alias that two sources share: the attribution
/// through it is a coin toss.
fn ambiguous_names(
    sources: &[Source],
    origin: &[(usize, usize)],
    docs: &[Doc<'_>],
    sink: &mut Sink,
) {
    let key = |s: &str| -> String {
        s.split_whitespace()
            .flat_map(|w| w.chars().chain([' ']))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let mut owner: HashMap<String, usize> = HashMap::new();
    for (i, s) in sources.iter().enumerate() {
        let (d, local) = origin.get(i).copied().unwrap_or_default();
        let base = join_index("sources", local);
        let names = std::iter::once((join_key(&base, "name"), &s.name)).chain(
            s.aliases
                .iter()
                .enumerate()
                .map(|(a, alias)| (join_index(&join_key(&base, "aliases"), a), alias)),
        );
        for (path, name) in names {
            let k = key(name);
            match owner.get(&k) {
                Some(&other) if other != i => sink.push(Problem {
                    path: labelled(docs.get(d).and_then(|doc| doc.label), &path),
                    kind: ProblemKind::AmbiguousName {
                        name: name.clone(),
                        other_id: sources[other].id.clone(),
                    },
                }),
                Some(_) => {}
                None => {
                    owner.insert(k, i);
                }
            }
        }
    }
}

/// Fields of each object, in the order they are checked and documented.
const ROOT_FIELDS: &[&str] = &["$schema", "version", "sources", "quotes", "options"];
const SOURCE_FIELDS: &[&str] = &[
    "id",
    "name",
    "kind",
    "aliases",
    "role",
    "affiliation",
    "url",
    "description",
    "image",
];
const QUOTE_FIELDS: &[&str] = &[
    "text", "source", "prefix", "suffix", "date", "citation", "context", "selector",
];
const SELECTOR_FIELDS: &[&str] = &["type", "exact", "prefix", "suffix"];
const OPTION_FIELDS: &[&str] = &[
    "detect",
    "root",
    "exclude",
    "theme",
    "flagUnattributed",
    "jsonLd",
    "locale",
];

const KINDS: &[&str] = &[
    "person",
    "organization",
    "anonymous",
    "document",
    "publication",
];
const THEMES: &[&str] = &["auto", "light", "dark"];

/// Which length limit a string field has.
#[derive(Clone, Copy)]
enum Size {
    Name,
    Text,
    Url,
}

/// The walk over one document.
struct Check<'a> {
    label: Option<&'a str>,
    limits: &'a Limits,
    sink: &'a mut Sink,
}

/// A present, non-null field value with its path.
struct Field<'v> {
    path: String,
    value: &'v Value,
}

impl<'a> Check<'a> {
    fn problem(&mut self, path: &str, kind: ProblemKind) {
        let path = labelled(self.label, path);
        self.sink.push(Problem { path, kind });
    }

    fn max(&self, size: Size) -> usize {
        match size {
            Size::Name => self.limits.max_name_chars,
            Size::Text => self.limits.max_text_chars,
            Size::Url => self.limits.max_url_chars,
        }
    }

    /// The field `key` of `obj`; `None` when absent or `null` (`null` means
    /// absent for every optional field).
    fn field<'v>(obj: &'v Map<String, Value>, base: &str, key: &str) -> Option<Field<'v>> {
        obj.get(key).filter(|v| !v.is_null()).map(|value| Field {
            path: join_key(base, key),
            value,
        })
    }

    /// Like [`Check::field`], reporting a missing required field.
    fn required<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        base: &str,
        key: &str,
        expected: &'static str,
    ) -> Option<Field<'v>> {
        let field = Self::field(obj, base, key);
        if field.is_none() {
            self.problem(&join_key(base, key), ProblemKind::Missing { expected });
        }
        field
    }

    fn unknown_fields(
        &mut self,
        obj: &Map<String, Value>,
        base: &str,
        known: &'static [&'static str],
    ) {
        for key in obj.keys() {
            if !known.contains(&key.as_str()) {
                let suggestion = fields::closest(key, known.iter().copied());
                self.problem(
                    &join_key(base, key),
                    ProblemKind::UnknownField { suggestion },
                );
            }
        }
    }

    fn object<'v>(
        &mut self,
        field: &Field<'v>,
        expected: &'static str,
    ) -> Option<&'v Map<String, Value>> {
        match field.value {
            Value::Object(map) => Some(map),
            other => {
                self.wrong_type(&field.path, expected, other);
                None
            }
        }
    }

    fn array<'v>(
        &mut self,
        field: &Field<'v>,
        expected: &'static str,
        max: usize,
        what: &'static str,
    ) -> &'v [Value] {
        match field.value {
            Value::Array(items) if items.len() > max => {
                self.problem(
                    &field.path,
                    ProblemKind::TooMany {
                        count: items.len(),
                        max,
                        what,
                    },
                );
                // Check no more than the limit allows: the rest is not worth
                // the time, and its problems would bury the one that matters.
                items.get(..max).unwrap_or_default()
            }
            Value::Array(items) => items,
            other => {
                self.wrong_type(&field.path, expected, other);
                &[]
            }
        }
    }

    fn wrong_type(&mut self, path: &str, expected: &'static str, got: &Value) {
        self.problem(
            path,
            ProblemKind::WrongType {
                expected,
                got: describe(got),
            },
        );
    }

    /// A string that is not blank and not too long (`blank_ok` lets `""`
    /// and spaces through, for prefixes and suffixes).
    fn string<'v>(
        &mut self,
        path: &str,
        value: &'v Value,
        size: Size,
        blank_ok: bool,
    ) -> Option<&'v str> {
        let Value::String(s) = value else {
            self.wrong_type(path, "a string", value);
            return None;
        };
        let max = self.max(size);
        // Counting stops past the limit: a 5 MB string costs no more than
        // the limit to measure.
        if s.len() > max && s.chars().nth(max).is_some() {
            let len = s.chars().count();
            self.problem(path, ProblemKind::TooLong { len, max });
            return None;
        }
        if !blank_ok && s.trim().is_empty() {
            self.problem(path, ProblemKind::Empty);
            return None;
        }
        Some(s)
    }

    fn opt_string(
        &mut self,
        obj: &Map<String, Value>,
        base: &str,
        key: &str,
        size: Size,
    ) -> Option<String> {
        let f = Self::field(obj, base, key)?;
        self.string(&f.path, f.value, size, false)
            .map(str::to_owned)
    }

    fn opt_bool(&mut self, obj: &Map<String, Value>, base: &str, key: &str) -> Option<bool> {
        let f = Self::field(obj, base, key)?;
        match f.value {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong_type(&f.path, "true or false", other);
                None
            }
        }
    }

    fn opt_url(&mut self, obj: &Map<String, Value>, base: &str, key: &str) -> Option<String> {
        let f = Self::field(obj, base, key)?;
        let s = self.string(&f.path, f.value, Size::Url, false)?;
        match fields::check_url(s) {
            Ok(url) => Some(url.to_owned()),
            Err(fault) => {
                let got = s.to_owned();
                let kind = match fault {
                    UrlFault::NotHttp => ProblemKind::NotHttpUrl { got },
                    UrlFault::Relative => ProblemKind::RelativeUrl { got },
                    UrlFault::Malformed => ProblemKind::BadUrl { got },
                };
                self.problem(&f.path, kind);
                None
            }
        }
    }

    fn selector_string(&mut self, path: &str, value: &Value) -> Option<String> {
        let s = self.string(path, value, Size::Name, false)?;
        match fields::selector_fault(s) {
            None => Some(s.to_owned()),
            Some(bad_char) => {
                self.problem(
                    path,
                    ProblemKind::BadSelector {
                        got: s.to_owned(),
                        bad_char,
                    },
                );
                None
            }
        }
    }

    /// The whole document; `None` when it cannot be read as a v1 manifest at
    /// all (not an object, or another version).
    fn document(&mut self, value: &Value) -> Option<Read> {
        let Value::Object(root) = value else {
            self.problem(
                "",
                ProblemKind::NotAnObject {
                    got: describe(value),
                },
            );
            return None;
        };
        if let Some(f) = Self::field(root, "", "$schema") {
            if !f.value.is_string() {
                self.wrong_type(
                    &f.path,
                    "a string (the URL or path of the JSON Schema)",
                    f.value,
                );
            }
        }
        if let Some(f) = self.required(root, "", "version", "the number 1") {
            match f.value {
                Value::Number(n) if n.as_f64() == Some(VERSION as f64) => {}
                Value::Number(n) => {
                    // Another version's fields may mean other things: checking
                    // them as v1 would only mislead.
                    self.problem(
                        &f.path,
                        ProblemKind::UnsupportedVersion { got: n.to_string() },
                    );
                    return None;
                }
                other => self.wrong_type(&f.path, "the number 1", other),
            }
        }
        let mut read = Read::default();
        if let Some(f) = Self::field(root, "", "sources") {
            let max = self.limits.max_sources;
            let items = self.array(&f, "an array of sources", max, "sources");
            read.sources = self.sources(items);
        }
        if let Some(f) = Self::field(root, "", "quotes") {
            let max = self.limits.max_quotes;
            let items = self.array(&f, "an array of quotes", max, "quotes");
            for (i, item) in items.iter().enumerate() {
                if let Some(q) = self.quote(i, item) {
                    read.quotes.push(q);
                }
            }
        }
        if let Some(f) = Self::field(root, "", "options") {
            if let Some(obj) = self.object(&f, "an object") {
                read.options = self.options(obj);
            }
        }
        self.unknown_fields(root, "", ROOT_FIELDS);
        Some(read)
    }

    fn sources(&mut self, items: &[Value]) -> Vec<ReadSource> {
        let mut out = Vec::with_capacity(items.len());
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            let base = join_index("sources", i);
            let Some(obj) = self.object(
                &Field {
                    path: base.clone(),
                    value: item,
                },
                "an object",
            ) else {
                continue;
            };
            let id = self.source_id(obj, &base);
            if let Some(id) = id {
                if let Some(&at) = first.get(id) {
                    self.problem(
                        &join_key(&base, "id"),
                        ProblemKind::DuplicateId {
                            id: id.to_owned(),
                            first_path: join_index("sources", at),
                        },
                    );
                } else {
                    first.insert(id, i);
                }
            }
            let source = self.source(obj, &base, id.unwrap_or_default());
            out.push(ReadSource {
                index: i,
                id: id.map(str::to_owned),
                source,
            });
        }
        out
    }

    /// The id of a source, for looking it up, even when it is not a valid
    /// slug (that is reported here once; quotes naming it do not repeat it).
    fn source_id<'v>(&mut self, obj: &'v Map<String, Value>, base: &str) -> Option<&'v str> {
        let f = self.required(obj, base, "id", "a short id such as \"hrw\"")?;
        let id = self.string(&f.path, f.value, Size::Name, false)?;
        if !fields::is_slug(id) {
            self.problem(
                &f.path,
                ProblemKind::BadId {
                    got: id.to_owned(),
                    suggestion: fields::slug_for(id),
                },
            );
        }
        Some(id)
    }

    fn source(&mut self, obj: &Map<String, Value>, base: &str, id: &str) -> Source {
        let name = self
            .required(obj, base, "name", "the name shown to readers")
            .and_then(|f| {
                self.string(&f.path, f.value, Size::Name, false)
                    .map(str::to_owned)
            });
        let kind = Self::field(obj, base, "kind").and_then(|f| match f.value {
            Value::String(s) => SourceKind::from_name(s).or_else(|| {
                let suggestion = fields::closest(s, KINDS.iter().copied());
                self.problem(
                    &f.path,
                    ProblemKind::BadKind {
                        got: s.clone(),
                        suggestion,
                    },
                );
                None
            }),
            other => {
                self.wrong_type(&f.path, "a string", other);
                None
            }
        });
        let mut aliases = Vec::new();
        if let Some(f) = Self::field(obj, base, "aliases") {
            let max = self.limits.max_aliases;
            let items = self.array(&f, "an array of strings", max, "aliases");
            for (a, item) in items.iter().enumerate() {
                if let Some(s) = self.string(&join_index(&f.path, a), item, Size::Name, false) {
                    aliases.push(s.to_owned());
                }
            }
        }
        let role = self.opt_string(obj, base, "role", Size::Name);
        let affiliation = self.opt_string(obj, base, "affiliation", Size::Name);
        let url = self.opt_url(obj, base, "url");
        let description = self.opt_string(obj, base, "description", Size::Text);
        let image = self.opt_url(obj, base, "image");
        self.unknown_fields(obj, base, SOURCE_FIELDS);
        Source {
            id: id.to_owned(),
            name: name.unwrap_or_default(),
            kind: kind.unwrap_or_default(),
            aliases,
            role,
            affiliation,
            url,
            description,
            image,
        }
    }

    fn quote(&mut self, i: usize, item: &Value) -> Option<ReadQuote> {
        let base = join_index("quotes", i);
        let obj = self.object(
            &Field {
                path: base.clone(),
                value: item,
            },
            "an object",
        )?;
        let selector = Self::field(obj, &base, "selector");
        // Checked in the order of the reference: text, source, prefix,
        // suffix, …, selector. With a selector, text is not required.
        let text = match &selector {
            None => self.required(obj, &base, "text", "the quoted words, or a \"selector\""),
            Some(_) => Self::field(obj, &base, "text"),
        }
        .and_then(|f| {
            self.string(&f.path, f.value, Size::Text, false)
                .map(str::to_owned)
        });
        let source_id = self
            .required(obj, &base, "source", "the id of one of the sources")
            .and_then(|f| {
                self.string(&f.path, f.value, Size::Name, false)
                    .map(str::to_owned)
            });
        let prefix = self.affix(obj, &base, "prefix");
        let suffix = self.affix(obj, &base, "suffix");
        let date = Self::field(obj, &base, "date").and_then(|f| {
            let s = self.string(&f.path, f.value, Size::Name, false)?;
            match fields::check_date(s) {
                Ok(()) => Some(s.to_owned()),
                Err(reason) => {
                    self.problem(
                        &f.path,
                        ProblemKind::BadDate {
                            got: s.to_owned(),
                            reason,
                        },
                    );
                    None
                }
            }
        });
        let citation = self.opt_url(obj, &base, "citation");
        let context = self.opt_string(obj, &base, "context", Size::Text);
        let (text, prefix, suffix) = match &selector {
            None => (text, prefix, suffix),
            Some(sel) => {
                let both: Vec<&'static str> = ["text", "prefix", "suffix"]
                    .into_iter()
                    .filter(|k| Self::field(obj, &base, k).is_some())
                    .collect();
                if !both.is_empty() {
                    self.problem(&sel.path, ProblemKind::BothForms { fields: both });
                }
                self.selector(sel)
            }
        };
        self.unknown_fields(obj, &base, QUOTE_FIELDS);
        Some(ReadQuote {
            index: i,
            source_id,
            quote: ExplicitQuote {
                text: text.unwrap_or_default(),
                source: 0,
                prefix,
                suffix,
                date,
                citation,
                context,
            },
        })
    }

    /// A prefix or suffix: any string, `""` meaning none (as in a W3C
    /// TextQuoteSelector at the start of a document).
    fn affix(&mut self, obj: &Map<String, Value>, base: &str, key: &str) -> Option<String> {
        let f = Self::field(obj, base, key)?;
        self.string(&f.path, f.value, Size::Text, true)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    /// A W3C Web Annotation TextQuoteSelector: (exact, prefix, suffix).
    fn selector(&mut self, sel: &Field<'_>) -> (Option<String>, Option<String>, Option<String>) {
        let Some(obj) = self.object(
            sel,
            "an object such as {\"type\": \"TextQuoteSelector\", \"exact\": \"…\"}",
        ) else {
            return (None, None, None);
        };
        if let Some(f) = self.required(obj, &sel.path, "type", "\"TextQuoteSelector\"") {
            match f.value {
                Value::String(s) if s == "TextQuoteSelector" => {}
                Value::String(s) => {
                    self.problem(&f.path, ProblemKind::BadSelectorType { got: s.clone() })
                }
                other => self.wrong_type(&f.path, "the string \"TextQuoteSelector\"", other),
            }
        }
        let exact = self
            .required(obj, &sel.path, "exact", "the quoted words")
            .and_then(|f| {
                self.string(&f.path, f.value, Size::Text, false)
                    .map(str::to_owned)
            });
        let prefix = self.affix(obj, &sel.path, "prefix");
        let suffix = self.affix(obj, &sel.path, "suffix");
        self.unknown_fields(obj, &sel.path, SELECTOR_FIELDS);
        (exact, prefix, suffix)
    }

    fn options(&mut self, obj: &Map<String, Value>) -> ReadOptions {
        let base = "options";
        let detect = self.opt_bool(obj, base, "detect");
        let root =
            Self::field(obj, base, "root").and_then(|f| self.selector_string(&f.path, f.value));
        let mut exclude = Vec::new();
        if let Some(f) = Self::field(obj, base, "exclude") {
            let max = self.limits.max_exclude;
            let items = self.array(&f, "an array of CSS selectors", max, "selectors");
            for (i, item) in items.iter().enumerate() {
                if let Some(s) = self.selector_string(&join_index(&f.path, i), item) {
                    exclude.push(s);
                }
            }
        }
        let theme = Self::field(obj, base, "theme").and_then(|f| match f.value {
            Value::String(s) => Theme::from_name(s).or_else(|| {
                let suggestion = fields::closest(s, THEMES.iter().copied());
                self.problem(
                    &f.path,
                    ProblemKind::BadTheme {
                        got: s.clone(),
                        suggestion,
                    },
                );
                None
            }),
            other => {
                self.wrong_type(&f.path, "a string", other);
                None
            }
        });
        let flag_unattributed = self.opt_bool(obj, base, "flagUnattributed");
        let json_ld = self.opt_bool(obj, base, "jsonLd");
        let locale = Self::field(obj, base, "locale").and_then(|f| {
            let s = self.string(&f.path, f.value, Size::Name, false)?;
            if fields::is_locale(s) {
                Some(s.to_owned())
            } else {
                self.problem(
                    &f.path,
                    ProblemKind::BadLocale {
                        got: s.to_owned(),
                        suggestion: fields::locale_fix(s),
                    },
                );
                None
            }
        });
        self.unknown_fields(obj, base, OPTION_FIELDS);
        ReadOptions {
            detect,
            root,
            exclude,
            theme,
            flag_unattributed,
            json_ld,
            locale,
        }
    }
}
