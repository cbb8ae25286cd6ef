//! # quote-attribution
//!
//! Finds every quotation in a news article and who said it, and links each to
//! the publisher's manifest of sources.
//!
//! The crate is a pure core with two thin shells:
//!
//! ```text
//! manifest ──► Engine ◄── text::Page (blocks of text + offset maps)
//!                │
//!                ├─ detect:    quotation spans
//!                ├─ attribute: speaker cues ─► manifest source
//!                └─ matching:  explicit manifest quotes
//!                │
//!             report::Report (plain data)
//!                │
//!      dom/ (wasm only)            cli/ (native only)
//! ```
//!
//! The core modules never touch the DOM, the network or files.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod attribute;
pub mod detect;
pub mod manifest;
pub mod matching;
pub mod report;
pub mod text;

mod engine;
mod sort;
pub use engine::Engine;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
pub use dom::QuoteAttribution;
