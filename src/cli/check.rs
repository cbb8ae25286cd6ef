//! `check`: a manifest against the pages it is for, as a publisher's CI
//! runs it.
//!
//! It reports, for each manifest and the pages checked with it:
//! - every validation problem of the manifest (errors and warnings);
//! - names and aliases two sources claim (the engine's folded comparison
//!   finds more than the validator's: "a U.S. official" and "a US
//!   official" are the same key);
//! - manifest quotes found on no page (error), with the closest text and
//!   its edit distance, and those found only approximately (note);
//! - sources used by no quote on any page (warning);
//! - speakers the page names who are not in the manifest (warning), with
//!   the alias to add to a source they look like, or a new source entry;
//! - quotes with no source (a note when nothing names a speaker — a scare
//!   quote — a warning when a pronoun or phrase does);
//! - a listed quote the page attributes to another source (warning).
//!
//! Pages are read and analysed in parallel (rayon), with a progress bar on
//! a terminal. Exit code: 0 clean (notes only), 1 errors or warnings, 2 a
//! file could not be read at all.
//!
//! Without `--manifest`, each `PAGE.html` is checked against its sibling
//! `PAGE.manifest.json` (the corpus layout).
//!
//! Every decision about quotes — where they are, who said them, where a
//! listed quote is — is the engine's and the matcher's; this module only
//! compares their answers with the manifest and words the differences.

use super::explicit::{Explicit, Nearest};
use super::speakers::{ids, read, Entry, Reading, Speakers};
use super::{html, io_reason, read_input, Format, Unusable};
use crate::attribute::sources::SourceIndex;
use crate::manifest::{self, Loaded, Manifest, ProblemKind, Shown};
use crate::matching::How;
use crate::report::{Method, Report};
use crate::text::fold::{fold, Folded};
use crate::text::Page;
use crate::Engine;
use rayon::prelude::*;
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Readers would see something wrong, or the manifest does not load.
    Error,
    /// Readers would see less than the publisher meant.
    Warning,
    /// Worth knowing; nothing is wrong. Does not change the exit code.
    Note,
}

impl Severity {
    fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One thing `check` found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// What kind of finding, for scripts: `manifest-problem`,
    /// `ambiguous-alias`, `quote-not-found`, `quote-approximate`,
    /// `unused-source`, `unknown-speaker`, `unattributed-quote`,
    /// `source-conflict`, `unusable-input`.
    pub code: &'static str,
    /// The file to fix: the manifest or the page.
    pub file: String,
    /// The page concerned, when not `file` itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The JSON path in the manifest, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The finding in words, for people.
    pub message: String,
    /// Facts for scripts, by code.
    #[serde(flatten)]
    pub detail: Detail,
}

/// The facts behind a finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Detail {
    /// Nothing beyond the message.
    None {},
    /// A manifest quote.
    Quote {
        /// Index in the manifest's quotes.
        quote: usize,
        /// Its words.
        text: String,
        /// The closest page text (for `quote-not-found`) or the page text
        /// it matched (for `quote-approximate`).
        #[serde(skip_serializing_if = "Option::is_none")]
        nearest: Option<NearestOut>,
    },
    /// A source.
    Source {
        /// Its id.
        source: String,
    },
    /// A name two sources claim.
    Alias {
        /// The name, as the second source writes it.
        name: String,
        /// The two sources' ids.
        sources: [String; 2],
    },
    /// A speaker the manifest lacks.
    Speaker {
        /// The speaker's name, titles taken off.
        speaker: String,
        /// Every way the page names them.
        phrases: Vec<String>,
        /// The quotes they speak (0-based, as `scan` numbers them).
        quotes: Vec<usize>,
        /// What to add to the manifest.
        suggestion: Suggestion,
    },
    /// A quote on the page.
    PageQuote {
        /// Its index on the page (0-based, as `scan` numbers it).
        index: usize,
        /// Its words.
        text: String,
        /// The speaker phrase, if any.
        #[serde(skip_serializing_if = "Option::is_none")]
        speaker: Option<String>,
        /// The source the page's words point to, for `source-conflict`.
        #[serde(skip_serializing_if = "Option::is_none")]
        page_source: Option<String>,
    },
}

/// Page text near a manifest quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NearestOut {
    /// The page it is on.
    pub page: String,
    /// The text, as written.
    pub text: String,
    /// Edits between it and the quote (folded bytes).
    pub distance: usize,
}

/// What to add to a manifest for a speaker it lacks.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "add", rename_all = "lowercase")]
pub enum Suggestion {
    /// An alias on an existing source.
    Alias {
        /// The source's id.
        source: String,
        /// The alias, as the page writes it.
        alias: String,
    },
    /// A new source.
    Source {
        /// The entry, ready to paste.
        entry: Skeleton,
    },
}

/// Everything `check` was asked.
pub struct Args<'a> {
    /// The manifest; `None` for each page's sibling `.manifest.json`.
    pub manifest: Option<&'a Path>,
    /// The pages (`-` is standard input) and directories of pages.
    pub pages: &'a [PathBuf],
    /// The article root, overriding the manifest's.
    pub root: Option<&'a str>,
    /// How to print.
    pub format: Format,
    /// Worker threads; 0 for one per core.
    pub jobs: usize,
}

/// The whole result, as `--format json` prints it.
#[derive(Debug, Serialize)]
pub struct Outcome {
    /// Each page, in the order given.
    pub pages: Vec<PageOut>,
    /// Every finding: per manifest, its own first, then its pages'.
    pub findings: Vec<Finding>,
    /// Counts and the exit code.
    pub summary: Summary,
}

/// One page's line in [`Outcome`].
#[derive(Debug, Serialize)]
pub struct PageOut {
    /// The page.
    pub page: String,
    /// The manifest it was checked against.
    pub manifest: Option<String>,
    /// False when it could not be read or its manifest does not load.
    pub checked: bool,
    /// Quotes found on it.
    pub quotes: usize,
    /// Of those, quotes with a source.
    pub attributed: usize,
}

/// Totals.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Pages given.
    pub pages: usize,
    /// Pages checked.
    pub checked: usize,
    /// Files that could not be read.
    pub unusable: usize,
    /// Findings by severity.
    pub errors: usize,
    /// Findings by severity.
    pub warnings: usize,
    /// Findings by severity.
    pub notes: usize,
    /// The exit code.
    pub exit: i32,
}

/// A manifest ready for checking pages.
struct Prepared {
    label: String,
    loaded: Result<Loaded, manifest::Problems>,
    /// Built only when the manifest loads.
    engine: Option<(Engine, Explicit, SourceIndex)>,
}

impl Prepared {
    fn new(label: String, text: &str) -> Prepared {
        let loaded = manifest::parse(text);
        let engine = loaded.as_ref().ok().map(|l| {
            (
                Engine::new(l.manifest.clone()),
                Explicit::new(&l.manifest),
                SourceIndex::new(&l.manifest),
            )
        });
        Prepared {
            label,
            loaded,
            engine,
        }
    }
}

/// What one page gave.
struct PageResult {
    out: PageOut,
    findings: Vec<Finding>,
    unusable: bool,
    /// For each manifest source, whether a quote on the page used it.
    used: Vec<bool>,
    /// For each manifest quote, how it was found on the page.
    found: Vec<Option<How>>,
    /// For each manifest quote not found, the closest text (filled when
    /// only one page is checked: the page is at hand).
    nearest: Vec<Option<NearestOut>>,
}

/// Runs `check` and prints; returns the exit code.
pub fn run(args: &Args<'_>) -> Result<i32, Unusable> {
    let pages = expand(args.pages)?;
    if pages
        .iter()
        .filter(|p| p.as_path() == Path::new("-"))
        .count()
        + usize::from(args.manifest == Some(Path::new("-")))
        > 1
    {
        return Err(Unusable(
            "only one input can be standard input (\"-\")".to_owned(),
        ));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs)
        .build()
        .map_err(|e| Unusable(format!("cannot start worker threads: {e}")))?;
    let outcome = pool.install(|| check(args.manifest, &pages, args.root, progress(pages.len())));
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        Format::Json => serde_json::to_string_pretty(&outcome)
            .map_err(std::io::Error::other)
            .and_then(|json| writeln!(out, "{json}")),
        Format::Text => write_text(&mut out, &outcome),
    };
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Unusable(format!("cannot write the output: {e}")))
        }
        _ => Ok(outcome.summary.exit),
    }
}

/// A progress bar on a terminal; nothing otherwise (CI logs, pipes).
fn progress(len: usize) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() || len < 2 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "checking {pos}/{len} pages [{bar:30}] {elapsed} eta {eta}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Pages and directories (every `.html`/`.htm` below, sorted) as a list of
/// pages.
fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Unusable> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            walk_dir(input, &mut found)?;
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

fn walk_dir(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Unusable> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Unusable(format!(
            "cannot read the directory {}: {}",
            dir.display(),
            io_reason(&e)
        ))
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk_dir(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("html") || x.eq_ignore_ascii_case("htm"))
        {
            out.push(path);
        }
    }
    Ok(())
}

fn display(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

/// The sibling manifest of a page: `NAME.manifest.json` beside `NAME.html`.
fn sibling(page: &Path) -> PathBuf {
    let stem = page.file_stem().unwrap_or_default().to_string_lossy();
    page.with_file_name(format!("{stem}.manifest.json"))
}

/// Reads manifest text; `Err` is a finding of its own (unusable input).
fn manifest_text(path: &Path) -> Result<String, String> {
    let bytes = read_input(path).map_err(|Unusable(m)| m)?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: the manifest is not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            display(path),
            e.utf8_error().valid_up_to()
        )
    })
}

/// Checks `pages` against `manifest` (or each page's sibling).
pub fn check(
    manifest: Option<&Path>,
    pages: &[PathBuf],
    root: Option<&str>,
    bar: indicatif::ProgressBar,
) -> Outcome {
    let single = pages.len() == 1;
    let mut findings = Vec::new();
    let mut unusable_manifest = false;
    let mut results: Vec<PageResult> = match manifest {
        Some(path) => {
            let label = display(path);
            match manifest_text(path) {
                Err(message) => {
                    unusable_manifest = true;
                    findings.push(unusable(&label, message));
                    pages.iter().map(|p| skipped(p, Some(&label))).collect()
                }
                Ok(text) => {
                    let prepared = Prepared::new(label, &text);
                    let results: Vec<PageResult> = pages
                        .par_iter()
                        .map(|p| {
                            let r = check_page(p, &prepared, root, single);
                            bar.inc(1);
                            r
                        })
                        .collect();
                    let refs: Vec<&PageResult> = results.iter().collect();
                    findings.extend(manifest_findings(&prepared, pages, &refs, root));
                    results
                }
            }
        }
        None => pages
            .par_iter()
            .map(|p| {
                let r = check_with_sibling(p, root);
                bar.inc(1);
                r
            })
            .collect(),
    };
    bar.finish_and_clear();
    let mut summary = Summary {
        pages: pages.len(),
        unusable: usize::from(unusable_manifest),
        ..Summary::default()
    };
    let mut outs = Vec::with_capacity(results.len());
    for r in &mut results {
        summary.checked += usize::from(r.out.checked);
        summary.unusable += usize::from(r.unusable);
        findings.append(&mut r.findings);
    }
    for r in results {
        outs.push(r.out);
    }
    for f in &findings {
        match f.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Note => summary.notes += 1,
        }
    }
    summary.exit = if summary.unusable > 0 {
        2
    } else if summary.errors + summary.warnings > 0 {
        1
    } else {
        0
    };
    Outcome {
        pages: outs,
        findings,
        summary,
    }
}

fn unusable(file: &str, message: String) -> Finding {
    Finding {
        severity: Severity::Error,
        code: "unusable-input",
        file: file.to_owned(),
        page: None,
        path: None,
        message,
        detail: Detail::None {},
    }
}

fn skipped(page: &Path, manifest: Option<&str>) -> PageResult {
    PageResult {
        out: PageOut {
            page: display(page),
            manifest: manifest.map(str::to_owned),
            checked: false,
            quotes: 0,
            attributed: 0,
        },
        findings: Vec::new(),
        unusable: false,
        used: Vec::new(),
        found: Vec::new(),
        nearest: Vec::new(),
    }
}

/// Sibling mode: one page with its own manifest; the manifest's findings
/// come first among the page's.
fn check_with_sibling(page: &Path, root: Option<&str>) -> PageResult {
    let label = display(page);
    let refuse = |manifest: Option<&str>, file: &str, message: String| {
        let mut r = skipped(page, manifest);
        r.unusable = true;
        let mut f = unusable(file, message);
        if file != label {
            f.page = Some(label.clone());
        }
        r.findings.push(f);
        r
    };
    if page == Path::new("-") {
        return refuse(
            None,
            &label,
            "standard input has no sibling manifest: pass --manifest".to_owned(),
        );
    }
    if !page.exists() {
        return refuse(None, &label, format!("cannot read {label}: no such file"));
    }
    let path = sibling(page);
    if !path.exists() {
        return refuse(
            None,
            &label,
            format!(
                "no manifest for {label}: pass --manifest M.json, or put one at {}",
                path.display()
            ),
        );
    }
    let manifest_label = display(&path);
    match manifest_text(&path) {
        Err(message) => refuse(Some(&manifest_label), &manifest_label, message),
        Ok(text) => {
            let prepared = Prepared::new(manifest_label, &text);
            let mut result = check_page(page, &prepared, root, true);
            let mut own = manifest_findings(
                &prepared,
                std::slice::from_ref(&page.to_path_buf()),
                &[&result],
                root,
            );
            for f in &mut own {
                f.page.get_or_insert_with(|| label.clone());
            }
            own.append(&mut result.findings);
            result.findings = own;
            result
        }
    }
}

/// Reads a page for checking.
fn load(path: &Path, root: Option<&str>, manifest: &Manifest) -> Result<Page, String> {
    let bytes = read_input(path).map_err(|Unusable(m)| m)?;
    let text = html::decode(&bytes).map_err(|e| format!("{}: {e}", display(path)))?;
    html::read_page(
        &text,
        root.or(manifest.options.root.as_deref()),
        &manifest.options.exclude,
    )
    .map_err(|e| format!("{}: {e}", display(path)))
}

/// One page against a prepared manifest.
/// With `single`, the closest text to each quote not found is looked for
/// at once.
fn check_page(path: &Path, prepared: &Prepared, root: Option<&str>, single: bool) -> PageResult {
    let label = display(path);
    let Some((engine, explicit, index)) = &prepared.engine else {
        return skipped(path, Some(&prepared.label));
    };
    let manifest = engine.manifest();
    let page = match load(path, root, manifest) {
        Ok(page) => page,
        Err(message) => {
            let mut r = skipped(path, Some(&prepared.label));
            r.unusable = true;
            r.findings.push(unusable(&label, message));
            return r;
        }
    };
    let report = engine.analyze(&page);
    let folded = Folded::of_page(&page);
    let mut found = vec![None; manifest.quotes.len()];
    for f in explicit.find(engine, &page) {
        if let Some(slot) = found.get_mut(f.quote) {
            *slot = Some(f.how);
        }
    }
    let mut used = vec![false; manifest.sources.len()];
    for s in report.quotes.iter().filter_map(|a| a.source) {
        if let Some(u) = used.get_mut(s) {
            *u = true;
        }
    }
    let nearest = if single {
        found
            .iter()
            .enumerate()
            .map(|(q, how)| match how {
                Some(_) => None,
                None => explicit.nearest(&page, &folded, q).map(|n| NearestOut {
                    page: label.clone(),
                    text: n.text,
                    distance: n.distance,
                }),
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut findings = Vec::new();
    page_findings(&label, &page, &report, manifest, index, &mut findings);
    PageResult {
        out: PageOut {
            page: label,
            manifest: Some(prepared.label.clone()),
            checked: true,
            quotes: report.quotes.len(),
            attributed: report.quotes.iter().filter(|a| a.source.is_some()).count(),
        },
        findings,
        unusable: false,
        used,
        found,
        nearest,
    }
}

/// Findings about the quotes of one page.
fn page_findings(
    label: &str,
    page: &Page,
    report: &Report,
    manifest: &Manifest,
    index: &SourceIndex,
    out: &mut Vec<Finding>,
) {
    let finding = |severity, code, message: String, detail| Finding {
        severity,
        code,
        file: label.to_owned(),
        page: None,
        path: None,
        message,
        detail,
    };
    let mut speakers = Speakers::new(page);
    // Entry → the quotes it speaks.
    let mut spoken: Vec<Vec<usize>> = Vec::new();
    for (i, a) in report.quotes.iter().enumerate() {
        let quote = Detail::PageQuote {
            index: i,
            text: a.text.clone(),
            speaker: a.speaker.clone(),
            page_source: None,
        };
        match (a.source, &a.speaker) {
            (None, None) => out.push(finding(
                Severity::Note,
                "unattributed-quote",
                format!(
                    "quote {} {} has no source: nothing near it names a speaker",
                    i + 1,
                    Shown(&a.text)
                ),
                quote,
            )),
            (None, Some(phrase)) => match speakers.add(phrase, a.cue.as_deref(), true) {
                Some(e) => {
                    spoken.resize(speakers.entries().len(), Vec::new());
                    spoken[e].push(i);
                }
                None => out.push(finding(
                    Severity::Warning,
                    "unattributed-quote",
                    format!(
                        "quote {} {} has no source: {} names no source of the manifest; \
                             list the quote under \"quotes\" with its source",
                        i + 1,
                        Shown(&a.text),
                        Shown(a.cue.as_deref().unwrap_or(phrase))
                    ),
                    quote,
                )),
            },
            (Some(source), Some(phrase)) if a.method == Method::Manifest => {
                // The publisher's source against the page's own words.
                if matches!(read(phrase, None), Reading::Pronoun | Reading::NotAName) {
                    continue;
                }
                if let Some(other) = index.lookup(phrase).filter(|&o| o != source) {
                    let (listed, named) = (&manifest.sources[source], &manifest.sources[other]);
                    out.push(finding(
                        Severity::Warning,
                        "source-conflict",
                        format!(
                            "quote {} {} is listed under the source {} but the page says {}, \
                             which is the source {}",
                            i + 1,
                            Shown(&a.text),
                            Shown(&listed.id),
                            Shown(a.cue.as_deref().unwrap_or(phrase)),
                            Shown(&named.id)
                        ),
                        Detail::PageQuote {
                            index: i,
                            text: a.text.clone(),
                            speaker: Some(phrase.clone()),
                            page_source: Some(named.id.clone()),
                        },
                    ));
                }
            }
            _ => {}
        }
    }
    let taken: Vec<String> = manifest.sources.iter().map(|s| s.id.clone()).collect();
    for (e, entry) in speakers.entries().iter().enumerate() {
        let quotes = spoken.get(e).cloned().unwrap_or_default();
        if quotes.is_empty() {
            continue;
        }
        let numbers = quotes
            .iter()
            .map(|q| (q + 1).to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let as_written = entry
            .phrases
            .iter()
            .map(|p| Shown(p).to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let (suggestion, advice) = match looks_like(entry, manifest, index) {
            Some((s, alias)) => {
                let source = &manifest.sources[s];
                let advice = format!(
                    "{} looks like {} ({}): add the alias {} to sources[{s}].aliases",
                    Shown(&entry.name),
                    Shown(&source.name),
                    source.id,
                    Shown(&alias)
                );
                (
                    Suggestion::Alias {
                        source: source.id.clone(),
                        alias,
                    },
                    advice,
                )
            }
            None => {
                let entry = skeleton(entry, &taken);
                let json = serde_json::to_string(&entry).unwrap_or_default();
                let advice = format!("add a source such as {json}");
                (Suggestion::Source { entry }, advice)
            }
        };
        out.push(finding(
            Severity::Warning,
            "unknown-speaker",
            format!(
                "{} speaks in quote{} {numbers} (written {as_written}) but is not in the \
                 manifest: {advice}",
                Shown(&entry.name),
                if quotes.len() == 1 { "" } else { "s" },
            ),
            Detail::Speaker {
                speaker: entry.name.clone(),
                phrases: entry.phrases.clone(),
                quotes,
                suggestion,
            },
        ));
    }
}

/// A new source entry, ready to paste into a manifest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skeleton {
    /// An id no source of the manifest has.
    pub id: String,
    /// The name, titles taken off.
    pub name: String,
    /// The guessed kind.
    pub kind: &'static str,
    /// A job title the page writes before the name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// A body the page names after the name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// Phrases the page uses that the name alone would not match.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// A new source entry for a speaker, with an id no source has.
fn skeleton(entry: &Entry, taken: &[String]) -> Skeleton {
    let id = ids([entry.name.as_str()], taken)
        .pop()
        .unwrap_or_else(|| "source".to_owned());
    // The phrases the entry's name alone would not match.
    let alone = SourceIndex::new(&Manifest {
        sources: vec![crate::manifest::Source {
            id: String::new(),
            name: entry.name.clone(),
            kind: entry.kind,
            aliases: Vec::new(),
            role: entry.role.clone(),
            affiliation: entry.affiliation.clone(),
            url: None,
            description: None,
            image: None,
        }],
        ..Manifest::default()
    });
    let aliases = entry
        .phrases
        .iter()
        .filter(|p| alone.lookup(p).is_none())
        .filter(|p| !matches!(read(p, None), Reading::Pronoun | Reading::NotAName))
        .cloned()
        .collect();
    Skeleton {
        id,
        name: entry.name.clone(),
        kind: entry.kind.as_str(),
        role: entry.role.clone(),
        affiliation: entry.affiliation.clone(),
        aliases,
    }
}

/// A manifest source an unknown speaker is probably: the same name written
/// shorter ("Ruiz", "Van Rooyen"), a near spelling, an acronym ("HRW"), or
/// for a description ("the mayor") the one source whose name or role holds
/// its noun. Returns the source and the alias to add (the page's phrase).
fn looks_like(entry: &Entry, manifest: &Manifest, index: &SourceIndex) -> Option<(usize, String)> {
    let phrase = entry.phrases.first()?.clone();
    let name = fold(&entry.name);
    let names = |s: &crate::manifest::Source| -> Vec<String> {
        std::iter::once(&s.name)
            .chain(&s.aliases)
            .map(|n| fold(n))
            .collect()
    };
    let unique = |hits: Vec<usize>| match hits.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    let all = 0..manifest.sources.len();
    if entry.described {
        let head = read(&phrase, None);
        let (Reading::Description(g) | Reading::Name(g)) = head else {
            return None;
        };
        let hits = all
            .filter(|&s| {
                let src = &manifest.sources[s];
                [Some(&src.name), src.role.as_ref(), src.affiliation.as_ref()]
                    .into_iter()
                    .flatten()
                    .chain(&src.aliases)
                    .any(|t| {
                        fold(t)
                            .split(' ')
                            .any(|w| crate::attribute::sources::singular(w) == g.head)
                    })
            })
            .collect();
        return unique(hits).map(|s| (s, phrase));
    }
    // The same name, or the end of one (a surname).
    let shorter: Vec<usize> = all
        .clone()
        .filter(|&s| {
            names(&manifest.sources[s]).iter().any(|n| {
                *n == name || (n.ends_with(&name) && n[..n.len() - name.len()].ends_with(' '))
            })
        })
        .collect();
    if let Some(s) = unique(shorter) {
        return Some((s, phrase));
    }
    // An acronym of a body's name.
    if entry.name.len() >= 2 && entry.name.chars().all(|c| c.is_ascii_uppercase()) {
        let hits = all
            .clone()
            .filter(|&s| {
                let initials: String = manifest.sources[s]
                    .name
                    .split_whitespace()
                    .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
                    .collect();
                initials == entry.name
            })
            .collect();
        if let Some(s) = unique(hits) {
            return Some((s, phrase));
        }
    }
    // A spelling a few edits away ("Elena Ruis").
    let budget = (name.chars().count() / 6).max(1);
    let hits = all
        .filter(|&s| {
            names(&manifest.sources[s])
                .iter()
                .any(|n| edit_distance(n, &name).is_some_and(|d| d <= budget))
        })
        .collect();
    let s = unique(hits)?;
    // Only if the engine could not already find it that way.
    (index.lookup(&phrase) != Some(s)).then_some((s, phrase))
}

/// Levenshtein distance in characters, for short names only (`None` past
/// 80 characters: a quadratic table is fine for names, not for text).
fn edit_distance(a: &str, b: &str) -> Option<usize> {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() > 80 || b.len() > 80 {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev.last().copied()
}

/// Findings about a manifest as a whole, once its pages are checked.
fn manifest_findings(
    prepared: &Prepared,
    pages: &[PathBuf],
    results: &[&PageResult],
    root: Option<&str>,
) -> Vec<Finding> {
    let label = &prepared.label;
    let mut out = Vec::new();
    let problem = |p: &manifest::Problem| Finding {
        severity: if p.is_warning() {
            Severity::Warning
        } else {
            Severity::Error
        },
        code: if matches!(p.kind, ProblemKind::AmbiguousName { .. }) {
            "ambiguous-alias"
        } else {
            "manifest-problem"
        },
        file: label.clone(),
        page: None,
        path: Some(p.path.clone()).filter(|p| !p.is_empty()),
        message: p.kind.to_string(),
        detail: Detail::None {},
    };
    let loaded = match &prepared.loaded {
        Ok(loaded) => loaded,
        Err(problems) => {
            out.extend(problems.0.iter().map(problem));
            return out;
        }
    };
    out.extend(loaded.warnings.iter().map(problem));
    let manifest = &loaded.manifest;
    out.extend(folded_collisions(label, manifest, &loaded.warnings));

    let checked: Vec<&&PageResult> = results.iter().filter(|r| r.out.checked).collect();
    if checked.is_empty() {
        return out;
    }
    let on = if checked.len() == 1 {
        checked[0].out.page.clone()
    } else {
        format!("any of the {} pages", checked.len())
    };
    // Quotes found nowhere, with the nearest text anywhere.
    let missing: Vec<usize> = (0..manifest.quotes.len())
        .filter(|&q| {
            checked
                .iter()
                .all(|r| r.found.get(q).copied().flatten().is_none())
        })
        .collect();
    let nearest = match results {
        [one] if one.nearest.len() == manifest.quotes.len() => {
            missing.iter().map(|&q| one.nearest[q].clone()).collect()
        }
        _ => nearest_anywhere(prepared, pages, results, &missing, root),
    };
    for (q, near) in missing.iter().zip(nearest) {
        let text = &manifest.quotes[*q].text;
        let closest = match &near {
            Some(n) => format!(
                "; the closest text is {} ({} edit{}{})",
                Shown(&n.text),
                n.distance,
                if n.distance == 1 { "" } else { "s" },
                if checked.len() > 1 {
                    format!(", on {}", n.page)
                } else {
                    String::new()
                }
            ),
            None => "; no text on the page comes close".to_owned(),
        };
        out.push(Finding {
            severity: Severity::Error,
            code: "quote-not-found",
            file: label.clone(),
            page: None,
            path: Some(format!("quotes[{q}]")),
            message: format!("the quote {} is not on {on}{closest}", Shown(text)),
            detail: Detail::Quote {
                quote: *q,
                text: text.clone(),
                nearest: near,
            },
        });
    }
    // Quotes found only approximately, where they were found best.
    for (q, quote) in manifest.quotes.iter().enumerate() {
        let best = checked
            .iter()
            .filter_map(|r| r.found.get(q).copied().flatten())
            .map(super::explicit::edits)
            .min();
        if let Some(Some(k)) = best {
            out.push(Finding {
                severity: Severity::Note,
                code: "quote-approximate",
                file: label.clone(),
                page: None,
                path: Some(format!("quotes[{q}]")),
                message: format!(
                    "the quote {} matches the page only approximately ({k} edit{}): \
                     copy the page's words into the manifest",
                    Shown(&quote.text),
                    if k == 1 { "" } else { "s" }
                ),
                detail: Detail::Quote {
                    quote: q,
                    text: quote.text.clone(),
                    nearest: None,
                },
            });
        }
    }
    // Sources no quote used.
    for (s, source) in manifest.sources.iter().enumerate() {
        if checked
            .iter()
            .any(|r| r.used.get(s).copied().unwrap_or(false))
        {
            continue;
        }
        out.push(Finding {
            severity: Severity::Warning,
            code: "unused-source",
            file: label.clone(),
            page: None,
            path: Some(format!("sources[{s}]")),
            message: format!(
                "the source {} ({}) is used by no quote on {on}",
                Shown(&source.id),
                Shown(&source.name)
            ),
            detail: Detail::Source {
                source: source.id.clone(),
            },
        });
    }
    out
}

/// Names and aliases that fold to the same key in two sources, beyond what
/// the validator already warned about.
fn folded_collisions(
    label: &str,
    manifest: &Manifest,
    warnings: &[manifest::Problem],
) -> Vec<Finding> {
    let mut owner: std::collections::HashMap<String, (usize, String)> = Default::default();
    let mut out = Vec::new();
    for (i, s) in manifest.sources.iter().enumerate() {
        let names = std::iter::once((format!("sources[{i}].name"), &s.name)).chain(
            s.aliases
                .iter()
                .enumerate()
                .map(|(a, alias)| (format!("sources[{i}].aliases[{a}]"), alias)),
        );
        for (path, name) in names {
            let key = fold(name);
            match owner.get(&key) {
                Some((other, other_name)) if *other != i => {
                    if warnings.iter().any(|w| w.path == path) {
                        continue;
                    }
                    let other = &manifest.sources[*other];
                    out.push(Finding {
                        severity: Severity::Warning,
                        code: "ambiguous-alias",
                        file: label.to_owned(),
                        page: None,
                        path: Some(path),
                        message: format!(
                            "{} reads the same as {} of the source {} (case, punctuation and \
                             accents aside), so quotes attributed through it go to neither",
                            Shown(name),
                            Shown(other_name),
                            Shown(&other.id)
                        ),
                        detail: Detail::Alias {
                            name: name.clone(),
                            sources: [other.id.clone(), s.id.clone()],
                        },
                    });
                }
                Some(_) => {}
                None => {
                    owner.insert(key, (i, name.clone()));
                }
            }
        }
    }
    out
}

/// The nearest text to each missing quote over the checked pages. Pages
/// are read again (in parallel) only when some quote is missing.
fn nearest_anywhere(
    prepared: &Prepared,
    pages: &[PathBuf],
    results: &[&PageResult],
    missing: &[usize],
    root: Option<&str>,
) -> Vec<Option<NearestOut>> {
    let Some((engine, explicit, _)) = &prepared.engine else {
        return vec![None; missing.len()];
    };
    if missing.is_empty() {
        return Vec::new();
    }
    let per_page: Vec<Vec<Option<NearestOut>>> = pages
        .par_iter()
        .zip(results.par_iter())
        .filter(|(_, r)| r.out.checked)
        .map(|(path, r)| {
            // Standard input cannot be read twice.
            let Ok(page) = load(path, root, engine.manifest()) else {
                return vec![None; missing.len()];
            };
            let folded = Folded::of_page(&page);
            missing
                .iter()
                .map(|&q| {
                    explicit
                        .nearest(&page, &folded, q)
                        .map(|Nearest { text, distance }| NearestOut {
                            page: r.out.page.clone(),
                            text,
                            distance,
                        })
                })
                .collect()
        })
        .collect();
    (0..missing.len())
        .map(|k| {
            per_page
                .iter()
                .filter_map(|p| p[k].clone())
                .min_by_key(|n| n.distance)
        })
        .collect()
}

/// Text output: one line per finding, `file: [path: ]severity: message`,
/// then a summary.
fn write_text(out: &mut impl Write, outcome: &Outcome) -> std::io::Result<()> {
    for f in &outcome.findings {
        write!(out, "{}: ", f.file)?;
        if let Some(path) = &f.path {
            write!(out, "{path}: ")?;
        }
        writeln!(out, "{}: {}", f.severity.as_str(), f.message)?;
    }
    let s = &outcome.summary;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    write!(
        out,
        "checked {} of {}: {}, {}, {}",
        plural(s.checked, "page"),
        s.pages,
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.notes, "note"),
    )?;
    if s.unusable > 0 {
        write!(out, "; {} could not be read", plural(s.unusable, "file"))?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("elena ruis", "elena ruiz"), Some(1));
        assert_eq!(edit_distance("", "abc"), Some(3));
        assert_eq!(edit_distance(&"a".repeat(81), "a"), None);
    }

    #[test]
    fn suggestions() {
        let m = manifest::parse(
            r#"{"version": 1, "sources": [
                {"id": "ruiz", "name": "Elena Ruiz", "kind": "organization"},
                {"id": "hrw", "name": "Human Rights Watch", "kind": "organization"},
                {"id": "lee", "name": "Pat Lee", "role": "Harbour master"}]}"#,
        )
        .unwrap()
        .manifest;
        let index = SourceIndex::new(&m);
        let page = Page::default();
        let mut sp = Speakers::new(&page);
        let rows = [
            ("surname", "Mayor Ruiz", Some((0, "Mayor Ruiz"))),
            ("acronym", "HRW", Some((1, "HRW"))),
            ("typo", "Elena Ruis", Some((0, "Elena Ruis"))),
            (
                "description",
                "the harbour master",
                Some((2, "the harbour master")),
            ),
            ("someone else", "Gloria Ruiz", None),
        ];
        for (what, phrase, want) in rows {
            let e = sp.add(phrase, None, true).unwrap();
            let got = looks_like(&sp.entries()[e], &m, &index);
            assert_eq!(got, want.map(|(s, a)| (s, a.to_owned())), "{what}");
        }
    }
}
