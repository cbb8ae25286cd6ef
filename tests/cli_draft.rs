//! `quote-attribution draft`, and the round trip a publisher makes with it:
//! draft a manifest, then check the page against it.
#![cfg(not(target_arch = "wasm32"))]

#[path = "cli/support.rs"]
mod support;

use support::{corpus_pages, golden, run, scratch, text};

#[test]
fn the_seed_draft_is_golden() {
    let out = run(&["draft", "www/index.html"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    golden("draft/seed.json", &text(&out.stdout));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["$schema"], "schema/manifest.v1.schema.json");
    assert_eq!(v["version"], 1);
    // The kinds: anonymous for "a US official", organization for
    // Human Rights Watch, document for "the resolution"; "he said" is not a
    // source of its own but the official's.
    let kinds: Vec<(String, String)> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().into(),
                s["kind"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("the-resolution".to_owned(), "document".to_owned()),
            ("us-official".to_owned(), "anonymous".to_owned()),
            ("human-rights-watch".to_owned(), "organization".to_owned()),
        ]
    );
    let by_official = v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["source"] == "us-official")
        .count();
    assert_eq!(by_official, 2, "the pronoun quote goes to its antecedent");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("drafted 3 sources and 4 quotes (1 quote left out: no source found"),
        "{stderr}"
    );
}

#[test]
fn the_corpus_drafts_are_golden() {
    let mut all = serde_json::Map::new();
    for page in corpus_pages() {
        let out = run(&["draft", &page], None);
        assert_eq!(out.status.code(), Some(0), "{page}: {}", text(&out.stderr));
        let v: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{page}: not JSON: {e}"));
        all.insert(page, v);
    }
    let json = serde_json::to_string_pretty(&serde_json::Value::Object(all)).unwrap();
    golden("draft/corpus.json", &format!("{json}\n"));
}

/// Draft a manifest for a page, check the page against it: no errors, and
/// none of the findings a draft exists to prevent.
fn round_trip(page: &str, dir: &std::path::Path) {
    let out = run(&["draft", page], None);
    assert_eq!(out.status.code(), Some(0), "{page}: {}", text(&out.stderr));
    let name = page.replace('/', "_");
    let manifest = dir.join(format!("{name}.json"));
    std::fs::write(&manifest, &out.stdout).unwrap();
    let out = run(
        &[
            "check",
            "--format",
            "json",
            "--manifest",
            &manifest.to_string_lossy(),
            page,
        ],
        None,
    );
    assert_ne!(out.status.code(), Some(2), "{page}: {}", text(&out.stdout));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["errors"], 0, "{page}: {:#}", v["findings"]);
    for f in v["findings"].as_array().unwrap() {
        let code = f["code"].as_str().unwrap();
        assert!(
            !matches!(
                code,
                "manifest-problem"
                    | "ambiguous-alias"
                    | "quote-not-found"
                    | "unused-source"
                    | "unknown-speaker"
                    | "source-conflict"
            ),
            "{page}: {f:#}"
        );
    }
}

#[test]
fn draft_then_check_passes_on_every_page() {
    let dir = scratch("round-trip");
    round_trip("www/index.html", &dir);
    let pages = corpus_pages();
    assert!(!pages.is_empty());
    for page in pages {
        round_trip(&page, &dir);
    }
}

#[test]
fn a_root_is_recorded_and_standard_input_works() {
    let page = "<html><body><aside><p>“Ads,” said Someone Else.</p></aside>\
        <div id=story><p>“We will build,” said Mayor Elena Ruiz.</p><p>“Soon,” Ruiz added.</p></div></body></html>";
    let out = run(&["draft", "--root", "#story", "-"], Some(page.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["options"]["root"], "#story");
    assert_eq!(
        v["sources"],
        serde_json::json!([{"id": "elena-ruiz", "name": "Elena Ruiz", "kind": "person",
            "role": "Mayor", "aliases": ["Ruiz"]}])
    );
}

#[test]
fn unusable_input_exits_2_and_help_has_an_example() {
    let out = run(&["draft", "no-such-page.html"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read no-such-page.html: no such file"));
    let out = run(&["draft", "-"], Some(b"\x89PNG\r\n\x1a\n\0\0"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("it looks like a PNG image"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["draft", "--help"], None);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Example:"));
}
