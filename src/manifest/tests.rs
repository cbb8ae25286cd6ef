//! Tests of the manifest as a whole: the table of bad manifests shared with
//! the JSON Schema test (`tests/manifests/bad.json`), the examples in
//! `examples/` loading to the values they mean, and wrong types at every
//! field of every example.
//!
//! Checks of single values (URLs, dates, suggestions) live beside the code
//! in `fields.rs`.

use serde::Deserialize;
use serde_json::{json, Value};

use super::*;

const BAD: &str = include_str!("../../tests/manifests/bad.json");
const DOCS: &str = include_str!("../../docs/manifest.md");
const SEED: &str = include_str!("../../examples/seed.manifest.json");
const FULL: &str = include_str!("../../examples/full.manifest.json");
const SITE: &str = include_str!("../../examples/site-sources.json");
const ARTICLE: &str = include_str!("../../examples/article-quotes.json");

/// One row of `tests/manifests/bad.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    name: String,
    /// The manifest as a JSON value…
    manifest: Option<Value>,
    /// …or as raw text (for syntax errors)…
    text: Option<String>,
    /// …or several documents to merge.
    documents: Option<Vec<DocRow>>,
    limits: Option<LimitsRow>,
    errors: Vec<String>,
    warnings: Vec<String>,
    #[serde(default)]
    overrides: Vec<String>,
    /// What the JSON Schema says: "invalid", "valid", or "syntax" (not JSON).
    schema: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocRow {
    label: String,
    manifest: Option<Value>,
    text: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LimitsRow {
    max_bytes: Option<usize>,
    max_sources: Option<usize>,
    max_quotes: Option<usize>,
    max_aliases: Option<usize>,
    max_exclude: Option<usize>,
    max_name_chars: Option<usize>,
    max_text_chars: Option<usize>,
    max_url_chars: Option<usize>,
    max_problems: Option<usize>,
}

impl LimitsRow {
    fn limits(&self) -> Limits {
        let d = Limits::default();
        Limits {
            max_bytes: self.max_bytes.unwrap_or(d.max_bytes),
            max_sources: self.max_sources.unwrap_or(d.max_sources),
            max_quotes: self.max_quotes.unwrap_or(d.max_quotes),
            max_aliases: self.max_aliases.unwrap_or(d.max_aliases),
            max_exclude: self.max_exclude.unwrap_or(d.max_exclude),
            max_name_chars: self.max_name_chars.unwrap_or(d.max_name_chars),
            max_text_chars: self.max_text_chars.unwrap_or(d.max_text_chars),
            max_url_chars: self.max_url_chars.unwrap_or(d.max_url_chars),
            max_problems: self.max_problems.unwrap_or(d.max_problems),
        }
    }
}

fn rows() -> Vec<Row> {
    match serde_json::from_str(BAD) {
        Ok(rows) => rows,
        Err(e) => panic!("tests/manifests/bad.json does not read as the table: {e}"),
    }
}

/// What loading gave, as the strings a publisher sees.
#[derive(Debug, PartialEq)]
struct Outcome {
    errors: Vec<String>,
    warnings: Vec<String>,
    overrides: Vec<String>,
    kinds: Vec<ProblemKind>,
}

fn outcome(result: &Result<Loaded, Problems>) -> Outcome {
    let strings = |ps: &mut dyn Iterator<Item = &Problem>| ps.map(ToString::to_string).collect();
    match result {
        Ok(loaded) => Outcome {
            errors: Vec::new(),
            warnings: strings(&mut loaded.warnings.iter()),
            overrides: loaded.overrides.iter().map(ToString::to_string).collect(),
            kinds: loaded.warnings.iter().map(|p| p.kind.clone()).collect(),
        },
        Err(problems) => {
            // The errors come first, then the warnings.
            let first_warning = problems.0.iter().position(Problem::is_warning);
            if let Some(at) = first_warning {
                assert!(
                    problems.0[at..].iter().all(Problem::is_warning),
                    "errors after warnings: {problems}"
                );
            }
            Outcome {
                errors: strings(&mut problems.errors()),
                warnings: strings(&mut problems.0.iter().filter(|p| p.is_warning())),
                overrides: Vec::new(),
                kinds: problems.0.iter().map(|p| p.kind.clone()).collect(),
            }
        }
    }
}

fn text_of(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// Loads a row every way it can be loaded, checking the ways agree.
fn run_row(row: &Row) -> Outcome {
    let limits = row
        .limits
        .as_ref()
        .map(LimitsRow::limits)
        .unwrap_or_default();
    match (&row.manifest, &row.text, &row.documents) {
        (Some(value), None, None) => {
            let from_text = outcome(&parse_with_limits(&text_of(value), &limits));
            let from_value = outcome(&merge_with_limits(
                &[(String::new(), value.clone())],
                &limits,
            ));
            assert_eq!(
                from_text, from_value,
                "{}: text and value disagree",
                row.name
            );
            if row.limits.is_none() {
                assert_eq!(
                    from_value,
                    outcome(&super::from_value(value)),
                    "{}",
                    row.name
                );
            }
            from_text
        }
        (None, Some(text), None) => outcome(&parse_with_limits(text, &limits)),
        (None, None, Some(docs)) => {
            let texts: Vec<(String, String)> = docs
                .iter()
                .map(|d| {
                    let text = match (&d.manifest, &d.text) {
                        (Some(v), None) => text_of(v),
                        (None, Some(t)) => t.clone(),
                        _ => panic!("{}: a document has one of manifest or text", row.name),
                    };
                    (d.label.clone(), text)
                })
                .collect();
            let from_texts = outcome(&merge_texts_with_limits(&texts, &limits));
            if let Some(values) = docs
                .iter()
                .map(|d| d.manifest.clone().map(|v| (d.label.clone(), v)))
                .collect::<Option<Vec<_>>>()
            {
                let from_values = outcome(&merge_with_limits(&values, &limits));
                assert_eq!(
                    from_texts, from_values,
                    "{}: texts and values disagree",
                    row.name
                );
            }
            from_texts
        }
        _ => panic!(
            "{}: a row has exactly one of manifest, text, documents",
            row.name
        ),
    }
}

#[test]
fn bad_manifests_give_exactly_the_listed_messages() {
    let mut failures = Vec::new();
    for row in rows() {
        let got = run_row(&row);
        if (&got.errors, &got.warnings, &got.overrides)
            != (&row.errors, &row.warnings, &row.overrides)
        {
            failures.push(format!(
                "{}:\n  errors:    {}\n  warnings:  {}\n  overrides: {}",
                row.name,
                serde_json::to_string_pretty(&got.errors).unwrap_or_default(),
                serde_json::to_string_pretty(&got.warnings).unwrap_or_default(),
                serde_json::to_string_pretty(&got.overrides).unwrap_or_default(),
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} rows differ:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn the_table_is_large_named_and_marked_for_the_schema_test() {
    let rows = rows();
    assert!(rows.len() >= 30, "only {} rows", rows.len());
    let mut names = std::collections::HashSet::new();
    for row in &rows {
        assert!(names.insert(&row.name), "two rows named {:?}", row.name);
        assert!(
            ["invalid", "valid", "syntax"].contains(&row.schema.as_str()),
            "{}: schema is {:?}",
            row.name,
            row.schema
        );
        assert!(
            !row.errors.is_empty() || !row.warnings.is_empty() || !row.overrides.is_empty(),
            "{}: a row of the bad-manifest table expects a problem or an override",
            row.name
        );
        // A row the schema rejects must be one the validator rejects too.
        if row.schema != "valid" {
            assert!(
                !row.errors.is_empty(),
                "{}: the schema rejects it but Rust accepts it",
                row.name
            );
        }
    }
    let invalid = rows.iter().filter(|r| r.schema == "invalid").count();
    assert!(
        invalid >= 15,
        "only {invalid} rows marked \"schema\": \"invalid\""
    );
}

/// The variant's name, by an exhaustive match: a new variant fails to
/// compile here until it is given a row in the table.
fn variant(kind: &ProblemKind) -> &'static str {
    use ProblemKind as K;
    match kind {
        K::Syntax { .. } => "Syntax",
        K::TooDeep { .. } => "TooDeep",
        K::TooLarge { .. } => "TooLarge",
        K::NotAnObject { .. } => "NotAnObject",
        K::WrongType { .. } => "WrongType",
        K::Missing { .. } => "Missing",
        K::UnknownField { .. } => "UnknownField",
        K::DuplicateKey => "DuplicateKey",
        K::UnsupportedVersion { .. } => "UnsupportedVersion",
        K::NotHttpUrl { .. } => "NotHttpUrl",
        K::RelativeUrl { .. } => "RelativeUrl",
        K::BadUrl { .. } => "BadUrl",
        K::DuplicateId { .. } => "DuplicateId",
        K::UnknownSource { .. } => "UnknownSource",
        K::BadId { .. } => "BadId",
        K::BadKind { .. } => "BadKind",
        K::BadTheme { .. } => "BadTheme",
        K::BadDate { .. } => "BadDate",
        K::BadLocale { .. } => "BadLocale",
        K::BadSelector { .. } => "BadSelector",
        K::BadSelectorType { .. } => "BadSelectorType",
        K::BothForms { .. } => "BothForms",
        K::TooLong { .. } => "TooLong",
        K::TooMany { .. } => "TooMany",
        K::Empty => "Empty",
        K::AmbiguousName { .. } => "AmbiguousName",
        K::More { .. } => "More",
    }
}

const ALL_VARIANTS: &[&str] = &[
    "Syntax",
    "TooDeep",
    "TooLarge",
    "NotAnObject",
    "WrongType",
    "Missing",
    "UnknownField",
    "DuplicateKey",
    "UnsupportedVersion",
    "NotHttpUrl",
    "RelativeUrl",
    "BadUrl",
    "DuplicateId",
    "UnknownSource",
    "BadId",
    "BadKind",
    "BadTheme",
    "BadDate",
    "BadLocale",
    "BadSelector",
    "BadSelectorType",
    "BothForms",
    "TooLong",
    "TooMany",
    "Empty",
    "AmbiguousName",
    "More",
];

#[test]
fn every_problem_kind_has_a_row_in_the_table() {
    let mut seen = std::collections::BTreeSet::new();
    for row in rows() {
        seen.extend(run_row(&row).kinds.iter().map(variant));
    }
    let missing: Vec<_> = ALL_VARIANTS.iter().filter(|v| !seen.contains(*v)).collect();
    assert!(missing.is_empty(), "no row produces {missing:?}");
    assert_eq!(
        seen.len(),
        ALL_VARIANTS.len(),
        "ALL_VARIANTS is out of date: {seen:?}"
    );
}

/// The messages block of `docs/manifest.md`: every line in it must be a
/// message the table produces, and every kind must have a line, so the
/// reference cannot drift from the code.
#[test]
fn the_reference_lists_real_messages_for_every_kind() {
    let start = "<!-- messages:start -->";
    let end = "<!-- messages:end -->";
    let block = DOCS
        .split_once(start)
        .and_then(|(_, rest)| rest.split_once(end))
        .map(|(block, _)| block)
        .unwrap_or_default();
    let documented: Vec<&str> = block
        .lines()
        .filter_map(|l| l.strip_prefix("    "))
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(
        !documented.is_empty(),
        "docs/manifest.md has no messages block"
    );
    let mut produced = std::collections::HashMap::new();
    for row in rows() {
        let got = run_row(&row);
        let lines = got.errors.iter().chain(&got.warnings);
        for (line, kind) in lines.zip(&got.kinds) {
            produced.entry(line.clone()).or_insert(variant(kind));
        }
    }
    let mut kinds = std::collections::BTreeSet::new();
    for line in &documented {
        match produced.get(*line) {
            Some(kind) => {
                kinds.insert(*kind);
            }
            None => panic!("docs/manifest.md lists a message no row produces:\n{line}"),
        }
    }
    let missing: Vec<_> = ALL_VARIANTS
        .iter()
        .filter(|v| !kinds.contains(*v))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/manifest.md has no example of {missing:?}"
    );
}

#[test]
fn the_reference_shows_the_seed_example_as_it_is() {
    let shown = format!("```json\n{}\n```", SEED.trim_end());
    assert!(
        DOCS.contains(&shown),
        "docs/manifest.md must show examples/seed.manifest.json verbatim"
    );
}

fn source(id: &str, name: &str, kind: SourceKind, aliases: &[&str]) -> Source {
    Source {
        id: id.into(),
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|&a| a.into()).collect(),
        role: None,
        affiliation: None,
        url: None,
        description: None,
        image: None,
    }
}

fn quote(text: &str, source: usize) -> ExplicitQuote {
    ExplicitQuote {
        text: text.into(),
        source,
        prefix: None,
        suffix: None,
        date: None,
        citation: None,
        context: None,
    }
}

fn load(text: &str) -> Loaded {
    match parse(text) {
        Ok(loaded) => loaded,
        Err(problems) => panic!("an example does not load:\n{problems}"),
    }
}

const SEED_ALIASES: &[&str] = &[
    "a US official",
    "a U.S. official",
    "US official",
    "an American official",
];

#[test]
fn the_seed_example_loads_to_the_seed_manifest() {
    let loaded = load(SEED);
    let want = Manifest {
        sources: vec![
            Source {
                affiliation: Some("United States government".into()),
                description: Some(
                    "A US government official who spoke on condition of anonymity about the \
                     United States' opposition to the resolution."
                        .into(),
                ),
                ..source(
                    "us-official",
                    "Unnamed US official",
                    SourceKind::Anonymous,
                    SEED_ALIASES,
                )
            },
            Source {
                url: Some("https://www.hrw.org".into()),
                description: Some(
                    "International non-governmental organisation that investigates and \
                     reports on human rights abuses."
                        .into(),
                ),
                ..source(
                    "hrw",
                    "Human Rights Watch",
                    SourceKind::Organization,
                    &["HRW"],
                )
            },
            Source {
                affiliation: Some("United Nations General Assembly".into()),
                url: Some("https://undocs.org/A/RES/74/247".into()),
                description: Some(
                    "“Countering the use of information and communications technologies for \
                     criminal purposes”, sponsored by Russia and adopted on 27 December 2019."
                        .into(),
                ),
                ..source(
                    "un-resolution",
                    "UN General Assembly resolution 74/247",
                    SourceKind::Document,
                    &["the resolution"],
                )
            },
        ],
        quotes: vec![ExplicitQuote {
            date: Some("2019-12-27".into()),
            context: Some("On the list of countries sponsoring the resolution.".into()),
            ..quote(
                "a rogue’s gallery of some of the earth’s most repressive governments.",
                1,
            )
        }],
        options: Options {
            root: Some("article".into()),
            locale: Some("en".into()),
            ..Options::default()
        },
    };
    assert_eq!(loaded.manifest, want);
    assert_eq!((loaded.warnings, loaded.overrides), (vec![], vec![]));
}

#[test]
fn the_full_example_loads_every_field() {
    let loaded = load(FULL);
    let m = &loaded.manifest;
    let want_sources =
        vec![
        Source {
            role: Some("Mayor of Portsmouth".into()),
            affiliation: Some("Portsmouth City Council".into()),
            url: Some("https://www.example.org/people/adaeze-okafor".into()),
            description: Some(
                "Elected mayor in May 2023; previously chaired the council's transport committee."
                    .into(),
            ),
            image: Some("https://www.example.org/images/adaeze-okafor.jpg".into()),
            ..source(
                "mayor-okafor",
                "Adaeze Okafor",
                SourceKind::Person,
                &["Okafor", "the mayor", "Mayor Okafor"],
            )
        },
        Source {
            affiliation: Some("Portsmouth City Council".into()),
            ..source(
                "council-spokesperson",
                "Council spokesperson",
                SourceKind::Anonymous,
                &["a council spokesperson", "a spokesperson for the council"],
            )
        },
        Source {
            affiliation: Some("Portsmouth City Council".into()),
            url: Some("https://www.example.org/reports/harbour-transport-review-2024.pdf".into()),
            ..source(
                "transport-report",
                "Harbour Transport Review 2024",
                SourceKind::Document,
                &["the review", "the report"],
            )
        },
        Source {
            url: Some("http://ferry-users.example.org/".into()),
            ..source(
                "ferry-users",
                "Harbour Ferry Users' Association",
                SourceKind::Organization,
                &["the users' association"],
            )
        },
        Source {
            url: Some("https://www.example.com/".into()),
            ..source("evening-post", "The Evening Post", SourceKind::Publication, &[])
        },
    ];
    let want_quotes = vec![
        ExplicitQuote {
            prefix: Some("At the meeting, Okafor said: ".into()),
            suffix: Some(" Councillors applauded.".into()),
            date: Some("2024-03-14T19:05:00Z".into()),
            citation: Some("https://www.example.org/council/meetings/2024-03-14#item-7".into()),
            context: Some("Full council meeting on the 2024–25 budget.".into()),
            ..quote(
                "We will not balance the budget on the backs of commuters.",
                0,
            )
        },
        ExplicitQuote {
            prefix: Some("The review found that ".into()),
            suffix: Some(" until 2026.".into()),
            date: Some("2024-02".into()),
            citation: Some(
                "https://www.example.org/reports/harbour-transport-review-2024.pdf".into(),
            ),
            context: Some("Page 12 of the review.".into()),
            ..quote("ferry fares would rise by no more than inflation", 2)
        },
        ExplicitQuote {
            date: Some("2024".into()),
            ..quote("The timetable is under review.", 1)
        },
    ];
    let want_options = Options {
        detect: true,
        root: Some("main article".into()),
        exclude: vec!["nav".into(), ".comments".into(), "[data-no-quotes]".into()],
        theme: Theme::Dark,
        flag_unattributed: true,
        json_ld: true,
        locale: Some("en-GB".into()),
    };
    assert_eq!(m.sources, want_sources);
    assert_eq!(m.quotes, want_quotes);
    assert_eq!(m.options, want_options);
    assert_eq!((&loaded.warnings, &loaded.overrides), (&vec![], &vec![]));
}

fn site_and_article() -> Vec<(String, Value)> {
    let value = |text: &str| serde_json::from_str::<Value>(text).unwrap_or_default();
    vec![
        ("/site-sources.json".into(), value(SITE)),
        ("/article-quotes.json".into(), value(ARTICLE)),
    ]
}

#[test]
fn the_site_registry_and_the_article_merge() {
    let loaded = match merge(&site_and_article()) {
        Ok(loaded) => loaded,
        Err(problems) => panic!("the examples do not merge:\n{problems}"),
    };
    let m = &loaded.manifest;
    let ids: Vec<&str> = m.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "hrw",
            "un-resolution",
            "un-general-assembly",
            "afp",
            "us-official"
        ]
    );
    assert_eq!(m.sources[4].aliases, SEED_ALIASES);
    assert_eq!(
        m.quotes,
        vec![
            ExplicitQuote {
                date: Some("2019-12-27".into()),
                ..quote(
                    "a rogue’s gallery of some of the earth’s most repressive governments.",
                    0
                )
            },
            ExplicitQuote {
                prefix: Some("The panel will work to set up “".into()),
                suffix: Some("” the resolution said.".into()),
                ..quote(
                    "a comprehensive international convention on countering the use of \
                     information and communications technologies for criminal purposes,",
                    1
                )
            },
        ]
    );
    // Options: the site's, with the article's exclusions added.
    let want = Options {
        root: Some("article".into()),
        exclude: ["nav", "aside", ".comments", ".related-stories"]
            .map(String::from)
            .to_vec(),
        locale: Some("en".into()),
        ..Options::default()
    };
    assert_eq!(m.options, want);
    assert_eq!((&loaded.warnings, &loaded.overrides), (&vec![], &vec![]));
    // Alone, the article names sources it does not define.
    let alone = parse(ARTICLE).map(|_| ()).map_err(|p| p.to_string());
    assert_eq!(
        alone,
        Err(concat!(
            r#"quotes[0].source: no source has the id "hrw" (known ids: "us-official")"#,
            "\n",
            r#"quotes[1].source: no source has the id "un-resolution" (known ids: "us-official")"#
        )
        .to_owned())
    );
}

#[test]
fn a_later_manifest_overrides_in_place_and_options_merge_field_by_field() {
    let docs = vec![
        (
            "/site.json".to_owned(),
            json!({"version": 1,
                   "sources": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
                   "options": {"theme": "dark", "detect": false, "exclude": ["nav"], "locale": "en"}}),
        ),
        (
            "/article.json".to_owned(),
            json!({"version": 1,
                   "sources": [{"id": "a", "name": "A (article)", "kind": "organization"}],
                   "quotes": [{"text": "x", "source": "b"}, {"text": "y", "source": "a"}],
                   "options": {"detect": true, "exclude": ["nav", "aside"], "jsonLd": true}}),
        ),
    ];
    let loaded = merge(&docs).unwrap_or_default();
    let m = &loaded.manifest;
    assert_eq!(
        m.sources[0],
        source("a", "A (article)", SourceKind::Organization, &[])
    );
    assert_eq!(m.sources[1].id, "b");
    assert_eq!(
        m.quotes.iter().map(|q| q.source).collect::<Vec<_>>(),
        [1, 0],
        "quote sources index the merged list"
    );
    assert_eq!(
        m.options,
        Options {
            detect: true,
            exclude: vec!["nav".into(), "aside".into()],
            theme: Theme::Dark,
            json_ld: true,
            locale: Some("en".into()),
            ..Options::default()
        }
    );
    assert_eq!(
        loaded.overrides,
        [Override {
            id: "a".into(),
            replaced: "/site.json".into(),
            by: "/article.json".into()
        }]
    );
    // No documents: an empty manifest with the default options.
    assert_eq!(merge(&[]).map(|l| l.manifest), Ok(Manifest::default()));
}

#[test]
fn urls_are_stored_without_the_padding_a_browser_ignores() {
    let m = load(
        r#"{"version": 1, "sources": [{"id": "a", "name": "A", "url": "  https://x.org/a \n"}]}"#,
    );
    assert_eq!(
        m.manifest.sources[0].url.as_deref(),
        Some("https://x.org/a")
    );
}

#[test]
fn a_byte_order_mark_and_version_1_0_are_accepted() {
    let m = load("\u{feff}{\"version\": 1.0}");
    assert_eq!(m.manifest, Manifest::default());
}

#[test]
fn problems_show_errors_then_warnings() {
    let problems =
        parse(r#"{"version": 1, "extra": 1, "sources": [{"id": "A", "name": "A"}]}"#).unwrap_err();
    let lines: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            r#"sources[0].id: must be an id of lowercase letters a-z, digits, "-" and "_", starting with a letter or digit, got "A" (try "a")"#,
            "extra: unknown field, ignored",
        ]
    );
    assert_eq!(problems.errors().count(), 1);
}

#[test]
fn default_limits_hold_at_their_edges() {
    let limits = Limits::default();
    let big = "x".repeat(limits.max_bytes);
    assert_eq!(
        parse(&big).unwrap_err().to_string(),
        // Exactly at the limit: parsed (and rejected as JSON), not refused.
        "invalid JSON at line 1, column 1: expected a value: a string in double quotes, a \
         number, true, false, null, an object or an array"
    );
    assert_eq!(
        parse(&format!("{big} ")).unwrap_err().to_string(),
        "the manifest is 5242881 bytes, the limit is 5242880 bytes"
    );
    let sources: Vec<Value> = (0..=limits.max_sources)
        .map(|i| json!({"id": format!("s{i}"), "name": format!("Source {i}")}))
        .collect();
    let problems = from_value(&json!({"version": 1, "sources": sources})).unwrap_err();
    assert_eq!(
        problems.to_string(),
        "sources: 10001 sources, the limit is 10000"
    );
    let sources: Vec<Value> = sources.into_iter().take(limits.max_sources).collect();
    assert_eq!(
        from_value(&json!({"version": 1, "sources": sources})).map(|l| l.manifest.sources.len()),
        Ok(10_000)
    );
    let long = json!({"version": 1, "sources": [{"id": "a", "name": "n".repeat(2001)}]});
    assert_eq!(
        from_value(&long).unwrap_err().to_string(),
        "sources[0].name: is 2001 characters long, the limit is 2000"
    );
}

#[test]
fn a_flood_of_duplicate_keys_is_listed_up_to_the_limit_and_counted() {
    let pairs = vec![r#""a": 1"#; 100_001].join(", ");
    let text = format!(r#"{{"version": 1, "x": [[{{{pairs}}}]]}}"#);
    let problems = parse(&text).unwrap_err();
    assert_eq!(problems.0.len(), 200 + 1 + 1);
    assert_eq!(
        problems.0[0].to_string(),
        format!("x[0][0].a: {}", ProblemKind::DuplicateKey)
    );
    assert_eq!(
        problems.0[200].to_string(),
        "and 99800 more problems not shown"
    );
    assert_eq!(problems.0[201].to_string(), "x: unknown field, ignored");
}

#[test]
fn deep_nesting_is_a_message_not_a_stack_overflow() {
    for depth in [128, 10_000, 1_000_000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let problems = parse(&text).unwrap_err();
        assert_eq!(
            problems.to_string(),
            "invalid JSON at line 1, column 128: arrays and objects are nested too deeply (at \
             most 127 levels)"
        );
    }
    // 127 levels in all (the manifest object and 126 arrays) is fine: the
    // arrays are an unknown field.
    let text = format!(
        r#"{{"version": 1, "x": {}{}}}"#,
        "[".repeat(126),
        "]".repeat(126)
    );
    assert_eq!(load(&text).warnings.len(), 1);
}

#[test]
fn truncated_examples_never_panic() {
    for text in [SEED, FULL, SITE, ARTICLE] {
        let end = text.trim_end().len();
        for (at, _) in text.char_indices().take_while(|&(at, _)| at < end) {
            let result = parse(&text[..at]);
            assert!(result.is_err(), "a prefix of {} bytes loaded", at);
        }
    }
}

/// Every path to a value inside `value`, with the value, in the notation of
/// problem paths.
fn paths(value: &Value, base: &str, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let path = if base.is_empty() {
                    k.clone()
                } else {
                    format!("{base}.{k}")
                };
                out.push((path.clone(), v.clone()));
                paths(v, &path, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let path = format!("{base}[{i}]");
                out.push((path.clone(), v.clone()));
                paths(v, &path, out);
            }
        }
        _ => {}
    }
}

/// Replaces the value at `path` (as listed by [`paths`]) in `value`.
fn replace(value: &mut Value, path: &str, with: Value) {
    let mut target = value;
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').unwrap_or(r.len());
            target = &mut target[r[..end].parse::<usize>().unwrap_or(usize::MAX)];
            rest = r.get(end + 1..).unwrap_or("");
        } else {
            let r = rest.strip_prefix('.').unwrap_or(rest);
            let end = r.find(['.', '[']).unwrap_or(r.len());
            target = &mut target[&r[..end]];
            rest = &r[end..];
        }
    }
    *target = with;
}

/// Values of every JSON type but `original`'s (and never null: null is
/// "absent", which is right for optional fields). None for a null
/// original, whose field may hold any type.
fn wrong_types(original: &Value) -> Vec<Value> {
    if original.is_null() {
        return Vec::new();
    }
    let all = [
        json!(12345),
        json!(true),
        json!("a string"),
        json!(["an", "array"]),
        json!({"an": "object"}),
    ];
    let same = |v: &Value| {
        std::mem::discriminant(v) == std::mem::discriminant(original)
            || (v.is_string() && original.is_string())
    };
    all.into_iter().filter(|v| !same(v)).collect()
}

#[test]
fn a_wrong_type_anywhere_in_an_example_is_reported_at_its_path() {
    let mut checked = 0;
    // Each example alone, then the site registry and the article merged.
    let alone = [("seed", SEED), ("full", FULL), ("site", SITE)];
    for (name, text) in alone {
        let value: Value = serde_json::from_str(text).unwrap_or_default();
        let mut all = Vec::new();
        paths(&value, "", &mut all);
        for (path, original) in all {
            for wrong in wrong_types(&original) {
                let mut mutated = value.clone();
                replace(&mut mutated, &path, wrong.clone());
                let problems = parse(&text_of(&mutated))
                    .err()
                    .unwrap_or_else(|| panic!("{name}: {path} = {wrong} loaded"));
                let prefix = format!("{path}: ");
                assert!(
                    problems
                        .errors()
                        .any(|p| p.to_string().starts_with(&prefix)),
                    "{name}: {path} = {wrong} gave no problem at {path}:\n{problems}"
                );
                checked += 1;
            }
        }
    }
    let docs = site_and_article();
    for d in 0..docs.len() {
        let mut all = Vec::new();
        paths(&docs[d].1, "", &mut all);
        for (path, original) in all {
            for wrong in wrong_types(&original) {
                let mut mutated = docs.clone();
                replace(&mut mutated[d].1, &path, wrong.clone());
                let texts: Vec<(String, String)> = mutated
                    .iter()
                    .map(|(l, v)| (l.clone(), text_of(v)))
                    .collect();
                let problems = merge_texts(&texts)
                    .err()
                    .unwrap_or_else(|| panic!("{}: {path} = {wrong} loaded", docs[d].0));
                let prefix = format!("[{}] {path}: ", docs[d].0);
                assert!(
                    problems
                        .errors()
                        .any(|p| p.to_string().starts_with(&prefix)),
                    "{prefix}{wrong} gave no problem there:\n{problems}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "only {checked} mutations");
}

#[test]
fn shown_strings_are_quoted_escaped_and_cut() {
    assert_eq!(Shown("hrw").to_string(), r#""hrw""#);
    assert_eq!(Shown("a\"b\\c\nd").to_string(), r#""a\"b\\c\nd""#);
    assert_eq!(
        Shown("\u{202e}\u{2066}\u{200b}\u{0}\u{7f}\u{9b}").to_string(),
        r#""\u{202e}\u{2066}\u{200b}\u{0}\u{7f}\u{9b}""#
    );
    let long = "é".repeat(100);
    assert_eq!(
        Shown(&long).to_string(),
        format!("\"{}…\"", "é".repeat(SHOWN_CHARS))
    );
    assert_eq!(
        Shown(&"x".repeat(SHOWN_CHARS)).to_string().chars().count(),
        SHOWN_CHARS + 2
    );
}

#[test]
fn odd_keys_are_quoted_in_paths() {
    let loaded = load(
        r#"{"version": 1, "a b": 1, "sources": [{"id": "a", "name": "A", "x.y": 2, "\u202e": 3}]}"#,
    );
    let lines: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            r#"sources[0]["x.y"]: unknown field, ignored"#,
            r#"sources[0]["\u{202e}"]: unknown field, ignored"#,
            r#"["a b"]: unknown field, ignored"#,
        ]
    );
}
