//! Throughput of `check` on 10,000 generated articles (ignored by default:
//! it writes ~250 MB and takes a while). Run it with the binary to measure:
//!
//! ```text
//! cargo build --release
//! QA_BIN=target/release/quote-attribution \
//!   cargo test --test cli_throughput -- --ignored --nocapture
//! ```
//!
//! Each article is a corpus page (and its manifest) wrapped in the chrome
//! of a real news page — navigation, a footer, a comments block, inline
//! scripts and JSON — about 25 KB of HTML, of which the article is a tenth.
//! `QA_ARTICLES` sets how many (default 10,000), `QA_THROUGHPUT_DIR` where
//! (kept afterwards, to time the binary again by hand).
#![cfg(not(target_arch = "wasm32"))]

#[path = "cli/support.rs"]
mod support;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// What surrounds an article on a real page, repeated to about 22 KB.
fn chrome(k: usize) -> (String, String) {
    let nav: String = (0..60)
        .map(|i| format!("<li><a href=\"/section/{i}\">Section {i}</a></li>"))
        .collect();
    let data: String = (0..120)
        .map(|i| format!("{{\"id\":{i},\"slot\":\"ad-{k}-{i}\",\"sizes\":[[300,250],[728,90]]}},"))
        .collect();
    let comments: String = (0..12)
        .map(|i| {
            format!(
                "<div class=\"comment\"><p>Reader {i} wrote: “I have lived here for {i} years,” \
                 and nobody asked me.</p></div>"
            )
        })
        .collect();
    let head = format!(
        "<nav><ul>{nav}</ul></nav><script>window.__ads = [{data}];</script>\
         <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"id\":{k}}}</script>"
    );
    let tail = format!(
        "<aside class=\"comments\">{comments}</aside><footer><ul>{nav}</ul>\
         <p>© Example News. All rights reserved.</p></footer>"
    );
    (head, tail)
}

/// Writes `count` articles and their manifests into `dir`; returns the
/// bytes of HTML written.
fn generate(dir: &Path, count: usize) -> u64 {
    let pages = support::corpus_pages();
    assert!(!pages.is_empty(), "the corpus is empty");
    let sources: Vec<(String, String)> = pages
        .iter()
        .map(|p| {
            let html = std::fs::read_to_string(Path::new(support::ROOT).join(p)).unwrap();
            let manifest = std::fs::read_to_string(
                Path::new(support::ROOT).join(p.replace(".html", ".manifest.json")),
            )
            .unwrap();
            (html, manifest)
        })
        .collect();
    std::fs::create_dir_all(dir).unwrap();
    let mut bytes = 0u64;
    for k in 0..count {
        let (html, manifest) = &sources[k % sources.len()];
        let (head, tail) = chrome(k);
        // The article's own markup, between the page chrome.
        let page = match (html.find("<body"), html.rfind("</body>")) {
            (Some(b), Some(e)) => {
                let open = b + html[b..].find('>').map_or(0, |i| i + 1);
                format!(
                    "{}{head}{}{tail}{}",
                    &html[..open],
                    &html[open..e],
                    &html[e..]
                )
            }
            _ => format!("<html><body>{head}{html}{tail}</body></html>"),
        };
        bytes += page.len() as u64;
        std::fs::write(dir.join(format!("a{k:05}.html")), page).unwrap();
        std::fs::write(dir.join(format!("a{k:05}.manifest.json")), manifest).unwrap();
    }
    bytes
}

#[test]
#[ignore = "writes ~250 MB and takes a while: run with --ignored to measure"]
fn check_throughput_on_generated_articles() {
    let count: usize = std::env::var("QA_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let dir = std::env::var_os("QA_THROUGHPUT_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("qa-throughput"));
    let _ = std::fs::remove_dir_all(&dir);
    let bytes = generate(&dir, count);
    let bin = std::env::var("QA_BIN").unwrap_or_else(|_| support::BIN.to_owned());
    let started = Instant::now();
    let out = Command::new(&bin)
        .args(["check", "--format", "json"])
        .arg(&dir)
        .output()
        .expect("the binary runs");
    let seconds = started.elapsed().as_secs_f64();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(
        v["summary"]["checked"].as_u64(),
        Some(count as u64),
        "{}",
        v["summary"]
    );
    println!(
        "{count} articles, {:.1} MB of HTML, checked in {seconds:.2} s on {} threads: \
         {:.0} files/s, {:.1} MB/s ({} findings)\n  command: {bin} check --format json {}",
        bytes as f64 / 1e6,
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        count as f64 / seconds,
        bytes as f64 / 1e6 / seconds,
        v["findings"].as_array().map_or(0, Vec::len),
        dir.display()
    );
}
