//! Turning JSON into a [`Manifest`], collecting every problem with its path.
//!
//! PLACEHOLDER: minimal version, to be replaced by the full validator.

use serde_json::Value;
use std::fmt;

use super::types::{ExplicitQuote, Manifest, Options, Source, SourceKind};

/// Resource limits on a manifest.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Largest manifest text accepted, in bytes.
    pub max_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 5 * 1024 * 1024,
        }
    }
}

/// A validated manifest with the warnings met on the way.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// The manifest.
    pub manifest: Manifest,
    /// Problems that did not stop loading (unknown fields).
    pub warnings: Vec<Problem>,
    /// Sources that a later manifest redefined.
    pub overrides: Vec<Override>,
}

/// A source id defined by more than one merged manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    /// The id.
    pub id: String,
    /// Label of the manifest whose definition was replaced.
    pub replaced: String,
    /// Label of the manifest whose definition won.
    pub by: String,
}

/// One thing wrong with a manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON path, e.g. `sources[1].url`; empty for the whole document.
    pub path: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's words.
        message: String,
    },
    /// Anything else, in words.
    Invalid(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ProblemKind::Syntax {
                line,
                column,
                message,
            } => write!(f, "invalid JSON at line {line}, column {column}: {message}"),
            ProblemKind::Invalid(m) if self.path.is_empty() => write!(f, "{m}"),
            ProblemKind::Invalid(m) => write!(f, "{}: {m}", self.path),
        }
    }
}

/// Every problem that stopped a manifest from loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

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

/// Parses and validates manifest JSON text.
pub fn parse(json: &str) -> Result<Loaded, Problems> {
    let value: Value = serde_json::from_str(json).map_err(|e| {
        Problems(vec![Problem {
            path: String::new(),
            kind: ProblemKind::Syntax {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            },
        }])
    })?;
    from_value(&value)
}

/// Validates an already-parsed manifest.
pub fn from_value(value: &Value) -> Result<Loaded, Problems> {
    merge(&[(String::new(), value.clone())])
}

/// Validates and merges several manifests in order, later ids overriding.
pub fn merge(docs: &[(String, Value)]) -> Result<Loaded, Problems> {
    let mut manifest = Manifest {
        options: Options::default(),
        ..Manifest::default()
    };
    let mut pending = Vec::new();
    for (_, doc) in docs {
        for s in doc["sources"].as_array().into_iter().flatten() {
            let text = |k: &str| s[k].as_str().map(str::to_owned);
            let source = Source {
                id: text("id").unwrap_or_default(),
                name: text("name").unwrap_or_default(),
                kind: s["kind"]
                    .as_str()
                    .and_then(SourceKind::from_name)
                    .unwrap_or_default(),
                aliases: s["aliases"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|a| a.as_str().map(str::to_owned))
                    .collect(),
                role: text("role"),
                affiliation: text("affiliation"),
                url: text("url"),
                description: text("description"),
                image: text("image"),
            };
            match manifest.source_index(&source.id) {
                Some(i) => manifest.sources[i] = source,
                None => manifest.sources.push(source),
            }
        }
        for q in doc["quotes"].as_array().into_iter().flatten() {
            pending.push(q.clone());
        }
    }
    for q in pending {
        let text = |k: &str| q[k].as_str().map(str::to_owned);
        if let Some(source) = q["source"]
            .as_str()
            .and_then(|id| manifest.source_index(id))
        {
            manifest.quotes.push(ExplicitQuote {
                text: text("text").unwrap_or_default(),
                source,
                prefix: text("prefix"),
                suffix: text("suffix"),
                date: text("date"),
                citation: text("citation"),
                context: text("context"),
            });
        }
    }
    Ok(Loaded {
        manifest,
        ..Loaded::default()
    })
}
