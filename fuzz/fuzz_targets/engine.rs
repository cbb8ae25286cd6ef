//! Any text as an article (one paragraph per line) under a manifest with
//! names, aliases and explicit quotes: the engine never panics and every
//! span it returns is a valid, in-order range of its block.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quote_attribution::text::Page;
use quote_attribution::{manifest, Engine};
use std::sync::OnceLock;

const MANIFEST: &str = r#"{"version": 1, "sources": [
  {"id": "ruiz", "name": "Mayor Elena Ruiz", "kind": "person", "aliases": ["the mayor"]},
  {"id": "us", "name": "Unnamed US official", "kind": "anonymous", "aliases": ["a U.S. official"]},
  {"id": "hrw", "name": "Human Rights Watch", "kind": "organization", "aliases": ["HRW"]},
  {"id": "doc", "name": "The report", "kind": "document", "aliases": ["the report"]}
], "quotes": [
  {"text": "a rogue’s gallery of governments", "source": "hrw", "prefix": "called "},
  {"text": "it is code", "source": "us"},
  {"text": "we will build the harbour again", "source": "ruiz"}
]}"#;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(manifest::parse(MANIFEST).expect("valid").manifest))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let page = Page::from_paragraphs(text.split('\n'));
    let report = engine().analyze(&page);
    let mut last = None;
    for a in &report.quotes {
        for s in &a.parts {
            let block = &page.blocks[s.block].text;
            assert!(s.range.start <= s.range.end && s.range.end <= block.len());
            assert!(block.is_char_boundary(s.range.start) && block.is_char_boundary(s.range.end));
        }
        let first = a.parts.first().map(|s| (s.block, s.range.start));
        assert!(last <= first, "document order");
        last = first;
    }
    let _ = report.to_output(engine().manifest());
});
