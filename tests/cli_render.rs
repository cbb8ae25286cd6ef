//! `quote-attribution render`: the page with its annotations as static
//! HTML. The browser side (axe-core, no script) is tests/e2e/render.test.mjs.
#![cfg(not(target_arch = "wasm32"))]

#[path = "cli/support.rs"]
mod support;

use scraper::{Html, Selector};
use support::{corpus_pages, golden, run, scratch, text};

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The visible words of the article, badges left out, whitespace collapsed.
fn article_words(doc: &Html) -> String {
    let root = ["article", "main", "body"]
        .iter()
        .find_map(|s| doc.select(&sel(s)).next())
        .unwrap();
    let mut words = String::new();
    for node in root.descendants() {
        let Some(t) = node.value().as_text() else {
            continue;
        };
        let in_badge = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| e.name() == "details" && e.attr("data-qa-quote").is_some())
        });
        let in_noscript = node
            .parent()
            .and_then(|p| p.value().as_element().map(|e| e.name() == "noscript"))
            .unwrap_or(false);
        if in_noscript {
            // Raw text, whose entities the renderer may spell differently
            // ("&ldquo;" or "“"): compared as the markup it reads as.
            words.push_str(
                &Html::parse_fragment(t)
                    .root_element()
                    .text()
                    .collect::<String>(),
            );
        } else if !in_badge {
            words.push_str(t);
        }
    }
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn scan_sources(manifest: &str, page: &str) -> Vec<Option<String>> {
    let out = run(
        &["scan", "--format", "json", "--manifest", manifest, page],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["source"].as_str().map(str::to_owned))
        .collect()
}

/// What must hold of any rendered page: one badge per quote, in order,
/// with the scan's source ids; no badge where HTML forbids one (it would
/// split a paragraph when loaded); the same words as the original.
fn holds(manifest: &str, page: &str, rendered: &str) {
    let original = std::fs::read_to_string(format!("{}/{page}", support::ROOT)).unwrap();
    let doc = Html::parse_document(rendered);
    let badges: Vec<(String, Option<String>)> = doc
        .select(&sel("details.qa-badge"))
        .map(|d| {
            (
                d.attr("data-qa-quote").unwrap_or("").to_owned(),
                d.attr("data-qa-source").map(str::to_owned),
            )
        })
        .collect();
    let sources = scan_sources(manifest, page);
    let want: Vec<(String, Option<String>)> = sources
        .into_iter()
        .enumerate()
        .map(|(i, s)| (i.to_string(), s))
        .collect();
    assert_eq!(badges, want, "{page}: one badge per quote, in order");
    for bad in [
        "p details",
        "h1 details",
        "h2 details",
        "a details",
        "q details",
        "span details",
        "mark details",
    ] {
        assert_eq!(doc.select(&sel(bad)).count(), 0, "{page}: {bad}");
    }
    for summary in doc.select(&sel("details.qa-badge > summary")) {
        assert!(
            !summary.text().collect::<String>().trim().is_empty(),
            "{page}"
        );
    }
    let marks = doc.select(&sel("mark[data-qa-mark]")).count();
    assert!(marks >= badges.len().min(1), "{page}: marks");
    assert_eq!(
        article_words(&doc),
        article_words(&Html::parse_document(&original)),
        "{page}: render changes no words"
    );
    assert_eq!(
        doc.select(&sel(
            "script[data-manifest], script[src*='quote-attribution']"
        ))
        .count(),
        0
    );
    assert_eq!(
        doc.select(&sel("head style[data-qa-render]")).count(),
        1,
        "{page}"
    );
}

#[test]
fn the_seed_renders_golden_and_whole() {
    let out = run(
        &["render", "--manifest", "www/quotes.json", "www/index.html"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = text(&out.stdout);
    golden("render/seed.html", &html);
    holds("www/quotes.json", "www/index.html", &html);
    let doc = Html::parse_document(&html);
    assert_eq!(
        doc.select(&sel("script")).count(),
        0,
        "the seed's only script is the embed"
    );
    let hrw = doc
        .select(&sel("details[data-qa-source=hrw]"))
        .next()
        .unwrap();
    let card: Vec<String> = hrw
        .select(&sel(".qa-card p"))
        .map(|p| p.text().collect())
        .collect();
    assert_eq!(
        card,
        [
            "Human Rights Watch",
            "organisation",
            "International non-governmental organisation that investigates human rights abuses.",
            "More about this source",
            "Listed by the publisher",
            "Said on 2019-12-27",
            "Where this was said",
        ]
    );
    for a in hrw.select(&sel("a")) {
        assert!(a.attr("href").unwrap().starts_with("https://"));
        assert_eq!(a.attr("rel"), Some("noopener noreferrer"));
    }
}

#[test]
fn every_corpus_page_renders_whole() {
    for page in corpus_pages() {
        let manifest = page.replace(".html", ".manifest.json");
        let out = run(&["render", "--manifest", &manifest, &page], None);
        assert_eq!(out.status.code(), Some(0), "{page}: {}", text(&out.stderr));
        let html = text(&out.stdout);
        holds(&manifest, &page, &html);
        if page.ends_with("43-antarctic-sea-ice-shift.html") {
            golden("render/43-antarctic-sea-ice-shift.html", &html);
        }
    }
}

#[test]
fn manifest_strings_stay_text() {
    let dir = scratch("render-escape");
    let manifest = dir.join("m.json");
    std::fs::write(
        &manifest,
        r#"{"version": 1, "sources": [{"id": "x", "name": "A \"quoted\" <b>name</b>",
            "aliases": ["Ruiz"], "description": "</style><script>alert(1)</script>",
            "url": "https://example.org/?a=1&b=<2>"}]}"#,
    )
    .unwrap();
    let page = "<article><p>“Fine,” said Ruiz.</p></article>";
    let out = run(
        &["render", "--manifest", &manifest.to_string_lossy(), "-"],
        Some(page.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = text(&out.stdout);
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(
        html.contains("&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains(r#"aria-label="Source: A &quot;quoted&quot; <b>name</b>""#),
        "{html}"
    );
    assert!(
        html.contains(r#"href="https://example.org/?a=1&amp;b=<2>""#),
        "{html}"
    );
    let doc = Html::parse_document(&html);
    assert_eq!(doc.select(&sel("script, b")).count(), 0, "{html}");
}

#[test]
fn without_a_manifest_quotes_are_marked_unattributed() {
    let page = "<article><ul><li>“We will build,” said Mayor Elena Ruiz.</li></ul></article>";
    let out = run(&["render", "-"], Some(page.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = text(&out.stdout);
    // In a list item the badge follows the quote itself.
    assert!(
        html.contains(r#"<li>“<mark data-qa-mark="unattributed">We will build,</mark>”<details class="qa-badge" data-qa-quote="0" data-qa-theme="auto" data-state="unattributed"><summary>Source not in the publisher's list: Mayor Elena Ruiz</summary>"#),
        "{html}"
    );
}

#[test]
fn unusable_input_exits_2_and_help_has_an_example() {
    let out = run(
        &["render", "--manifest", "nope.json", "www/index.html"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read nope.json: no such file"));
    let out = run(
        &["render", "-"],
        Some(b"<meta charset=\"iso-8859-1\"><p>caf\xE9</p>"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("iconv -f iso-8859-1 -t utf-8"));
    let out = run(&["render", "--help"], None);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Example:"));
}
