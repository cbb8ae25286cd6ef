//! The browser shell: reads text out of the DOM, writes annotations back.
//!
//! This is the only code that touches `web-sys`, with its JavaScript half,
//! `shell.js`, which runs the loops that touch many nodes (the walk over the
//! article, building each badge) where touching a node costs no crossing
//! between wasm and JavaScript. Neither makes decisions: which elements are
//! text, where quotes are, who said them and what a badge says all come
//! from the core. It:
//!
//! - walks the root once into a [`crate::text::Page`] ([`read`], one call
//!   to `shell.js`'s `readText`);
//! - highlights each quote with the CSS Custom Highlight API, so the page's
//!   text nodes are not touched, or wraps it in `<mark>` where the API is
//!   missing, and inserts one badge after each quote ([`write`], [`badge`]);
//! - undoes all of that on `clear()`: badges removed, wrappers unwrapped,
//!   split text nodes joined back, so the root's HTML is byte-identical.
//!
//! Errors cross into JavaScript in exactly one place, [`js::to_js_error`].
//! It must never parse or insert HTML from data (no `innerHTML`): every
//! string from a manifest or a page reaches the DOM as text.

mod api;
mod badge;
mod fetch;
mod js;
mod observe;
mod read;
mod write;

pub use api::QuoteAttribution;
