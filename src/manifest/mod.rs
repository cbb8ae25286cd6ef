//! The publisher's manifest: who the sources are and which quotes they said.
//!
//! A manifest is JSON (v1, documented in `docs/manifest.md`, schema in
//! `schema/manifest.v1.schema.json`). This module turns JSON text or an
//! already-parsed JSON value into a validated [`Manifest`], collecting
//! *every* problem with the JSON path it concerns, so a publisher fixes a file
//! in one go rather than one error at a time. Several manifests (a site-wide
//! source registry, then an article's own) merge into one with [`merge`].
//!
//! ```
//! use quote_attribution::manifest;
//! let problems = manifest::parse(r#"{"version": 1, "sources": [
//!     {"id": "hrw", "name": "Human Rights Watch", "url": "www.hrw.org"},
//!     {"id": "hrw", "nmae": "HRW"}]}"#).unwrap_err();
//! let lines: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
//! assert_eq!(lines, [
//!     r#"sources[0].url: must be an absolute http or https URL, got the relative URL "www.hrw.org" (write it in full, starting with "https://")"#,
//!     r#"sources[1].id: the id "hrw" is already used by sources[0] (ids must be unique within a manifest)"#,
//!     r#"sources[1].name: required, but missing (expected the name shown to readers)"#,
//!     r#"sources[1].nmae: unknown field, ignored (did you mean "name"?)"#,
//! ]);
//! ```
//!
//! Layout: `json` reads text (size limit, syntax messages, duplicate keys);
//! `validate` walks the v1 fields and merges; `fields` checks single values
//! (URLs, dates, ids, …); `problems` says what is wrong; `limits` bounds the
//! work; `types` is the validated result.
//!
//! It must never touch the DOM, the network or the file system: callers hand
//! it text or a value. It must never panic, whatever the input, and never
//! print a manifest string raw (see [`Shown`]). Everything it returns is
//! plain data.

mod fields;
mod json;
mod limits;
mod problems;
mod types;
mod validate;

#[cfg(test)]
mod tests;

pub use limits::Limits;
pub use problems::{Problem, ProblemKind, Problems, Shown, SHOWN_CHARS, VERSION};
pub use types::{ExplicitQuote, Manifest, Options, Source, SourceKind, Theme};
pub use validate::{
    from_value, merge, merge_texts, merge_texts_with_limits, merge_with_limits, parse,
    parse_with_limits, Loaded, Override,
};
