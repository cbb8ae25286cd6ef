//! `quote-attribution check`, run as a publisher's CI runs it.
#![cfg(not(target_arch = "wasm32"))]

#[path = "cli/support.rs"]
mod support;

use support::{golden, run, scratch, text};

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(&out.stdout)))
}

fn codes(v: &serde_json::Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| {
                    format!(
                        "{}:{}",
                        f["severity"].as_str().unwrap_or(""),
                        f["code"].as_str().unwrap_or("")
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_seed_is_clean_and_its_output_is_golden() {
    let out = run(
        &["check", "--manifest", "www/quotes.json", "www/index.html"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    golden("check/seed.txt", &text(&out.stdout));
    let out = run(
        &[
            "check",
            "--format",
            "json",
            "--manifest",
            "www/quotes.json",
            "www/index.html",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    golden("check/seed.json", &text(&out.stdout));
    // The scare quote “criminal.” is a note, not a finding.
    assert_eq!(codes(&json(&out)), ["note:unattributed-quote"]);
}

#[test]
fn the_corpus_with_its_own_manifests_is_golden() {
    // Without --manifest, each page is checked against NAME.manifest.json.
    let pages = support::corpus_pages();
    let mut args = vec!["check"];
    args.extend(pages.iter().map(String::as_str));
    let out = run(&args, None);
    assert_ne!(out.status.code(), Some(2), "{}", text(&out.stdout));
    golden("check/corpus.txt", &text(&out.stdout));
    args.insert(1, "--format");
    args.insert(2, "json");
    let v = json(&run(&args, None));
    assert_eq!(v["summary"]["unusable"], 0);
    assert_eq!(v["summary"]["checked"].as_u64(), Some(pages.len() as u64));
    // A directory is read the same way.
    let dir = json(&run(&["check", "--format", "json", "tests/corpus"], None));
    assert!(dir["summary"]["checked"].as_u64() >= Some(pages.len() as u64));
}

#[test]
fn every_kind_of_finding_with_exit_1() {
    let dir = scratch("findings");
    let manifest = dir.join("m.json");
    std::fs::write(
        &manifest,
        r#"{"version": 1,
            "sources": [
              {"id": "ruiz", "name": "Elena Ruiz", "kind": "organization", "aliases": ["a U.S. official"]},
              {"id": "us", "name": "Unnamed US official", "kind": "anonymous", "aliases": ["a US official"]},
              {"id": "hrw", "name": "Human Rights Watch", "kind": "organization", "nmae": "x"},
              {"id": "gone", "name": "Nobody Here"}
            ],
            "quotes": [
              {"text": "We will rebuild the harbour before the winter storms", "source": "ruiz"},
              {"text": "a rogue's galery of governments", "source": "hrw"},
              {"text": "We shall rebuild every single harbour long before next winter comes", "source": "ruiz"},
              {"text": "Nothing like this sentence appears anywhere at all", "source": "hrw"}
            ]}"#,
    )
    .unwrap();
    let page = dir.join("p.html");
    std::fs::write(
        &page,
        "<article><p>“We will rebuild the harbor before the winter storm,” said Mayor Ruiz.</p>\
         <p>“Not this year,” Mayor Ruiz added.</p>\
         <p>“It will cost more,” said Dr. Amal Haddad, the city engineer.</p>\
         <p>HRW called them “a rogue’s gallery of governments.”</p></article>",
    )
    .unwrap();
    let (m, p) = (manifest.to_string_lossy(), page.to_string_lossy());
    let out = run(&["check", "--format", "json", "--manifest", &m, &p], None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let v = json(&out);
    let got = codes(&v);
    for want in [
        "warning:manifest-problem",
        "warning:ambiguous-alias",
        "error:quote-not-found",
        "note:quote-approximate",
        "warning:unused-source",
        "warning:unknown-speaker",
    ] {
        assert!(got.iter().any(|c| c == want), "{want} missing from {got:?}");
    }
    let findings = v["findings"].as_array().unwrap();
    let find = |code: &str, pred: &dyn Fn(&serde_json::Value) -> bool| {
        findings
            .iter()
            .find(|f| f["code"] == code && pred(f))
            .unwrap_or_else(|| panic!("no {code} in {findings:#?}"))
            .clone()
    };
    // The nearest text and its edit distance.
    let near = find("quote-approximate", &|f| f["quote"] == 0);
    assert_eq!(near["severity"], "note");
    let missing = find("quote-not-found", &|f| f["quote"] == 2);
    assert!(
        missing["nearest"]["text"]
            .as_str()
            .unwrap()
            .starts_with("We will rebuild the harbor before the winter"),
        "{missing}"
    );
    // Too far for the engine (a fifth of the quote), near enough to show
    // (half of it).
    let distance = missing["nearest"]["distance"].as_u64().unwrap();
    assert!((14..=34).contains(&distance), "{missing}");
    let nowhere = find("quote-not-found", &|f| f["quote"] == 3);
    assert!(nowhere["nearest"].is_null(), "{nowhere}");
    // "Mayor Ruiz" looks like Elena Ruiz: an alias, in the brief's words.
    let ruiz = find("unknown-speaker", &|f| f["speaker"] == "Ruiz");
    assert_eq!(
        ruiz["suggestion"],
        serde_json::json!({"add": "alias", "source": "ruiz", "alias": "Mayor Ruiz"})
    );
    assert!(
        ruiz["message"]
            .as_str()
            .unwrap()
            .contains(r#""Ruiz" looks like "Elena Ruiz" (ruiz): add the alias "Mayor Ruiz""#),
        "{ruiz}"
    );
    // Dr. Amal Haddad is new: a source skeleton, title dropped.
    let haddad = find("unknown-speaker", &|f| f["speaker"] == "Amal Haddad");
    assert_eq!(
        haddad["suggestion"]["entry"],
        serde_json::json!({"id": "amal-haddad", "name": "Amal Haddad", "kind": "person"})
    );
    // The validator's unknown field, with its path.
    let typo = find("manifest-problem", &|f| f["path"] == "sources[2].nmae");
    assert_eq!(typo["severity"], "warning");
    // Folded aliases: "a U.S. official" and "a US official".
    let alias = find("ambiguous-alias", &|_| true);
    assert_eq!(alias["sources"], serde_json::json!(["ruiz", "us"]));
    let unused = find("unused-source", &|f| f["source"] == "gone");
    assert_eq!(unused["path"], "sources[3]");
    // The text form says the same, one line per finding.
    let out = run(&["check", "--manifest", &m, &p], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("m.json: quotes[3]: error: the quote \"Nothing like this sentence"),
        "{stdout}"
    );
    assert!(
        stdout
            .lines()
            .last()
            .unwrap()
            .starts_with("checked 1 page of 1: 2 errors"),
        "{stdout}"
    );
}

#[test]
fn a_manifest_that_does_not_validate_lists_every_problem_and_exits_1() {
    let dir = scratch("invalid");
    let manifest = dir.join("bad.json");
    std::fs::write(
        &manifest,
        r#"{"version": 1, "sources": [{"id": "hrw", "name": "HRW", "url": "javascript:alert(1)"},
            {"id": "hrw", "name": "Again"}]}"#,
    )
    .unwrap();
    let out = run(
        &[
            "check",
            "--manifest",
            &manifest.to_string_lossy(),
            "www/index.html",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("sources[0].url: error: must be an http or https URL"),
        "{stdout}"
    );
    assert!(
        stdout.contains("sources[1].id: error: the id \"hrw\" is already used"),
        "{stdout}"
    );
    assert!(stdout.contains("checked 0 pages of 1"), "{stdout}");
}

#[test]
fn unusable_input_exits_2_with_a_message() {
    let dir = scratch("unusable");
    let binary = dir.join("story.html");
    std::fs::write(&binary, b"%PDF-1.7\n\x00\x01binary").unwrap();
    let empty = dir.join("empty.html");
    std::fs::write(&empty, b"  \n").unwrap();
    let lonely = dir.join("lonely.html");
    std::fs::write(&lonely, "<p>“Hi,” she said.</p>").unwrap();
    let rows: &[(&str, Vec<String>, &str)] = &[
        (
            "missing page",
            vec![
                "--manifest".into(),
                "www/quotes.json".into(),
                "no-such-page.html".into(),
            ],
            "cannot read no-such-page.html: no such file",
        ),
        (
            "missing manifest",
            vec![
                "--manifest".into(),
                "nope.json".into(),
                "www/index.html".into(),
            ],
            "cannot read nope.json: no such file",
        ),
        (
            "binary page",
            vec![
                "--manifest".into(),
                "www/quotes.json".into(),
                binary.to_string_lossy().into(),
            ],
            "not an HTML page: the file holds binary data (it looks like a PDF file)",
        ),
        (
            "empty page",
            vec![
                "--manifest".into(),
                "www/quotes.json".into(),
                empty.to_string_lossy().into(),
            ],
            "the page is empty",
        ),
        (
            "no sibling manifest",
            vec![lonely.to_string_lossy().into()],
            "pass --manifest M.json, or put one at",
        ),
    ];
    for (name, args, message) in rows {
        let mut all = vec!["check"];
        all.extend(args.iter().map(String::as_str));
        let out = run(&all, None);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", text(&out.stdout));
        assert!(
            text(&out.stdout).contains(message),
            "{name}: {}",
            text(&out.stdout)
        );
    }
    // Other pages are still checked.
    let out = run(
        &[
            "check",
            "--manifest",
            "www/quotes.json",
            "www/index.html",
            "no-such-page.html",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stdout).contains("checked 1 page of 2"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn wrong_encoding_is_refused_with_a_hint() {
    let out = run(
        &["check", "--manifest", "www/quotes.json", "-"],
        Some(b"<meta charset=\"windows-1252\"><p>\x93caf\xE9,\x94 she said</p>"),
    );
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("<stdin>: not UTF-8 text"), "{stdout}");
    assert!(
        stdout.contains("iconv -f windows-1252 -t utf-8"),
        "{stdout}"
    );
}

#[test]
fn standard_input_is_a_page() {
    let page = std::fs::read(format!("{}/www/index.html", support::ROOT)).unwrap();
    let out = run(
        &["check", "--manifest", "www/quotes.json", "-"],
        Some(&page),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("<stdin>: note: quote 2"),
        "{}",
        text(&out.stdout)
    );
    let out = run(&["check", "--manifest", "-", "-"], Some(b"{}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("only one input can be standard input"));
}

#[test]
fn help_shows_an_example_and_the_exit_codes() {
    let out = run(&["check", "--help"], None);
    assert!(out.status.success());
    let help = text(&out.stdout);
    assert!(help.contains("Example:"), "{help}");
    assert!(help.contains("0 clean"), "{help}");
}
