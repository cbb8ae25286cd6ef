//! Resource limits on a manifest.
//!
//! A manifest comes from a publisher's server and is read in the reader's
//! browser, so a broken or hostile file must not freeze the page. Every size
//! a manifest controls is bounded here; validation reports each excess as a
//! problem with a clear message, and never does work proportional to more
//! than the limits allow.
//!
//! The defaults are far above any real article (the seed manifest has 3
//! sources and fits in 1 KB) and far below what hurts a browser.

/// Resource limits on a manifest. Use [`Limits::default`] and change the
/// fields you need:
///
/// ```
/// use quote_attribution::manifest::{parse_with_limits, Limits};
/// let small = Limits { max_bytes: 20, ..Limits::default() };
/// let err = parse_with_limits(r#"{"version": 1, "sources": []}"#, &small).unwrap_err();
/// assert_eq!(err.to_string(), "the manifest is 29 bytes, the limit is 20 bytes");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest manifest text accepted, in bytes, checked before parsing.
    /// Default 5 MiB: a site-wide registry of 10,000 sources with
    /// descriptions fits; parsing it takes tens of milliseconds.
    pub max_bytes: usize,
    /// Most sources in one document (default 10,000).
    pub max_sources: usize,
    /// Most quotes in one document (default 10,000).
    pub max_quotes: usize,
    /// Most aliases of one source (default 100). Every alias becomes a
    /// pattern searched over the page.
    pub max_aliases: usize,
    /// Most selectors in `options.exclude` (default 100). Each one is a
    /// `querySelectorAll` over the page.
    pub max_exclude: usize,
    /// Longest id, name, alias, role, affiliation, locale, CSS selector and
    /// quote `source`, in characters (default 2,000).
    pub max_name_chars: usize,
    /// Longest quote text, selector `exact`, prefix, suffix, description and
    /// context, in characters (default 10,000).
    pub max_text_chars: usize,
    /// Longest URL (`url`, `image`, `citation`), in characters (default
    /// 2,048, what old browsers and many servers accept).
    pub max_url_chars: usize,
    /// Most errors, and separately most warnings, listed before the rest
    /// are summed up as "and N more problems not shown" (default 200).
    /// Counting goes on past it; only the listing stops.
    pub max_problems: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 5 * 1024 * 1024,
            max_sources: 10_000,
            max_quotes: 10_000,
            max_aliases: 100,
            max_exclude: 100,
            max_name_chars: 2_000,
            max_text_chars: 10_000,
            max_url_chars: 2_048,
            max_problems: 200,
        }
    }
}
