//! The publisher's manifest: who the sources are and which quotes they said.
//!
//! A manifest is JSON (v1, documented in `docs/manifest.md`, schema in
//! `schema/manifest.v1.schema.json`). This module turns JSON text or an
//! already-parsed JSON value into a validated [`Manifest`], collecting
//! *every* problem with the JSON path it concerns, so a publisher fixes a file
//! in one go rather than one error at a time.
//!
//! It must never touch the DOM, the network or the file system: callers hand
//! it text or a value. Everything it returns is plain data.

mod types;
mod validate;

pub use types::{ExplicitQuote, Manifest, Options, Source, SourceKind, Theme};
pub use validate::{
    from_value, merge, parse, Limits, Loaded, Override, Problem, ProblemKind, Problems,
};
