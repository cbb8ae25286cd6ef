//! Any bytes as an HTML page, read the way the CLI reads it: decoding,
//! parsing, the text model and the engine never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quote_attribution::cli::html::{decode, read_page};
use quote_attribution::{manifest::Manifest, Engine};

fuzz_target!(|data: &[u8]| {
    let Ok(html) = decode(data) else { return };
    let exclude = vec![".ad".to_owned(), "aside".to_owned()];
    if let Ok(page) = read_page(&html, None, &exclude) {
        let _ = Engine::new(Manifest::default()).analyze(&page);
    }
});
