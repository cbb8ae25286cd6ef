//! Any bytes as a manifest: parse and validate must never panic, and a
//! manifest that loads must compile into an engine.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quote_attribution::{manifest, Engine};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(loaded) = manifest::parse(text) {
        let engine = Engine::new(loaded.manifest);
        let page = quote_attribution::text::Page::from_paragraphs(["“Yes,” she said."]);
        let _ = engine.analyze(&page);
    }
});
