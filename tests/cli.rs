//! The `quote-attribution` binary, run as a publisher's pipeline runs it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_quote-attribution");

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[derive(serde::Deserialize)]
struct Expected {
    quotes: Vec<ExpectedQuote>,
}

#[derive(serde::Deserialize, PartialEq, Debug)]
struct ExpectedQuote {
    text: String,
    source: Option<String>,
}

#[test]
fn scan_json_of_the_seed_article_matches_the_expected_quotes() {
    let out = run(
        &[
            "scan",
            "--manifest",
            "www/quotes.json",
            "--format",
            "json",
            "www/index.html",
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<ExpectedQuote> = got["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| ExpectedQuote {
            text: q["text"].as_str().unwrap().to_owned(),
            source: q["source"].as_str().map(str::to_owned),
        })
        .collect();
    let expected: Expected =
        serde_json::from_str(include_str!("corpus/00-un-cybercrime.expected.json")).unwrap();
    assert_eq!(got, expected.quotes);
    // Every quote carries the whole contract.
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for q in v["quotes"].as_array().unwrap() {
        for key in ["text", "source", "speaker", "method"] {
            assert!(q.get(key).is_some(), "{key} missing in {q}");
        }
    }
}

#[test]
fn scan_reads_standard_input_and_prints_text_for_people() {
    let page = "<article><p>“We will build,” said Mayor Elena Ruiz.</p></article>";
    let out = run(&["scan", "-"], Some(page.as_bytes()));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("“We will build,”"), "{stdout}");
    assert!(
        stdout.contains("Mayor Elena Ruiz (not in the manifest)"),
        "{stdout}"
    );
}

#[test]
fn unusable_input_exits_2_with_a_message() {
    let rows: &[(&str, &[&str], &str)] = &[
        (
            "missing page",
            &["scan", "no-such-page.html"],
            "cannot read no-such-page.html: no such file",
        ),
        (
            "missing manifest",
            &["scan", "--manifest", "nope.json", "www/index.html"],
            "cannot read nope.json: no such file",
        ),
        (
            "unknown command",
            &["frobnicate"],
            "unrecognized subcommand",
        ),
    ];
    for (name, args, message) in rows {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(message), "{name}: {stderr}");
    }
}

#[test]
fn a_page_in_another_encoding_is_refused_with_a_hint() {
    let out = run(
        &["scan", "-"],
        Some(b"<meta charset=\"iso-8859-1\"><p>caf\xE9</p>"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("iconv -f iso-8859-1 -t utf-8"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn help_shows_an_example() {
    let out = run(&["scan", "--help"], None);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Example:"));
}
