//! Scoring the engine against annotated pages.
//!
//! A directory holds triples `NN-slug.html`, `NN-slug.manifest.json`,
//! `NN-slug.expected.json` (the expected quotes: `text` without enclosing
//! marks, `source` id or null). Detection is scored strictly — a found quote
//! counts only if its text equals an expected one (whitespace collapsed) —
//! and attribution over the quotes found: the source must be the expected
//! id, and null is an answer like any other.

use super::{load_manifest, load_page, scan_page, Unusable};
use crate::text::collapse_whitespace;
use crate::Engine;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct Expected {
    quotes: Vec<ExpectedQuote>,
}

#[derive(Deserialize)]
struct ExpectedQuote {
    text: String,
    source: Option<String>,
}

/// Totals over a set of pages.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Score {
    /// Pages scored.
    pub pages: usize,
    /// Quotes expected.
    pub expected: usize,
    /// Quotes found.
    pub found: usize,
    /// Found quotes whose text equals an expected quote's.
    pub matched: usize,
    /// Matched quotes with the expected source (or the expected null).
    pub correct_source: usize,
    /// One line per disagreement, for `--verbose`.
    pub disagreements: Vec<String>,
}

impl Score {
    /// Detection precision.
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.found)
    }

    /// Detection recall.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }

    /// Detection F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Attribution accuracy over the matched quotes.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct_source, self.matched)
    }

    fn add(&mut self, other: Score) {
        self.pages += other.pages;
        self.expected += other.expected;
        self.found += other.found;
        self.matched += other.matched;
        self.correct_source += other.correct_source;
        self.disagreements.extend(other.disagreements);
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The pages of `dir`: each `*.html` with its manifest and expected file.
pub fn pages(dir: &Path) -> Result<Vec<PathBuf>, Unusable> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Unusable(format!("cannot read the directory {}: {e}", dir.display())))?;
    let mut pages: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    pages.sort();
    Ok(pages)
}

fn sibling(page: &Path, suffix: &str) -> PathBuf {
    let stem = page.file_stem().unwrap_or_default().to_string_lossy();
    page.with_file_name(format!("{stem}.{suffix}"))
}

/// Scores one page.
pub fn score_page(page: &Path) -> Result<Score, Unusable> {
    let manifest_path = sibling(page, "manifest.json");
    let manifest = load_manifest(manifest_path.exists().then_some(manifest_path.as_path()))?;
    let expected_path = sibling(page, "expected.json");
    let expected: Expected = serde_json::from_slice(&super::read_input(&expected_path)?)
        .map_err(|e| Unusable(format!("{}: {e}", expected_path.display())))?;
    let text = load_page(page, None, &manifest)?;
    let engine = Engine::new(manifest);
    let found = scan_page(&engine, &text).quotes;
    let name = page
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();

    let mut score = Score {
        pages: 1,
        expected: expected.quotes.len(),
        found: found.len(),
        ..Score::default()
    };
    let mut used = vec![false; found.len()];
    for e in &expected.quotes {
        let want = collapse_whitespace(&e.text);
        let hit =
            (0..found.len()).find(|&i| !used[i] && collapse_whitespace(&found[i].text) == want);
        match hit {
            Some(i) => {
                used[i] = true;
                score.matched += 1;
                if found[i].source == e.source {
                    score.correct_source += 1;
                } else {
                    score.disagreements.push(format!(
                        "{name}: wrong source for “{}”: expected {:?}, got {:?} (speaker {:?}, {} {:?})",
                        short(&want),
                        e.source,
                        found[i].source,
                        found[i].speaker,
                        found[i].method,
                        found[i].cue
                    ));
                }
            }
            None => score
                .disagreements
                .push(format!("{name}: missed “{}”", short(&want))),
        }
    }
    for (i, f) in found.iter().enumerate() {
        if !used[i] {
            score
                .disagreements
                .push(format!("{name}: spurious “{}”", short(&f.text)));
        }
    }
    Ok(score)
}

fn short(s: &str) -> String {
    if s.chars().count() > 70 {
        format!("{}…", s.chars().take(70).collect::<String>())
    } else {
        s.to_owned()
    }
}

/// Scores every page of every directory.
pub fn score_dirs(dirs: &[PathBuf]) -> Result<Score, Unusable> {
    let mut total = Score::default();
    for dir in dirs {
        for page in pages(dir)? {
            total.add(score_page(&page)?);
        }
    }
    Ok(total)
}

/// `eval`: prints the figures (and, verbose, every disagreement).
pub fn run(dirs: &[PathBuf], verbose: bool) -> Result<i32, Unusable> {
    let score = score_dirs(dirs)?;
    if verbose {
        for d in &score.disagreements {
            println!("{d}");
        }
    }
    println!(
        "pages {}  expected {}  found {}  matched {}\n\
         detection  precision {:.3}  recall {:.3}  F1 {:.3}\n\
         attribution accuracy {:.3}  ({} of {} matched quotes)",
        score.pages,
        score.expected,
        score.found,
        score.matched,
        score.precision(),
        score.recall(),
        score.f1(),
        score.accuracy(),
        score.correct_source,
        score.matched
    );
    Ok(0)
}
