//! Shared by the `cli_*` integration tests: running the binary as a
//! publisher's pipeline does, golden files, scratch directories.
//!
//! Golden files live in `tests/cli/golden/`. When an output changes on
//! purpose, regenerate them with
//! `UPDATE_GOLDEN=1 cargo test --test 'cli_*'` and review the diff.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_quote-attribution");
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Runs the binary in the crate root with `args`, feeding `stdin`.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
        // The binary may refuse before reading (a closed pipe is fine).
        let _ = pipe.write_all(input);
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("the binary finishes")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Compares `actual` with the golden file `name` (under
/// tests/cli/golden/), or writes it when UPDATE_GOLDEN is set.
pub fn golden(name: &str, actual: &str) {
    let path = Path::new(ROOT).join("tests/cli/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().expect("golden files have a folder"))
            .expect("the golden folder can be made");
        std::fs::write(&path, actual).expect("the golden file can be written");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no golden file {}: run UPDATE_GOLDEN=1 cargo test --test 'cli_*'",
            path.display()
        )
    });
    if expected != actual {
        let diff = first_difference(&expected, actual);
        panic!(
            "{} differs from the output ({diff}); if the change is meant, \
             regenerate with UPDATE_GOLDEN=1 cargo test --test 'cli_*' and review the diff",
            path.display()
        );
    }
}

fn first_difference(expected: &str, actual: &str) -> String {
    for (n, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {}:\n  golden: {e}\n  output: {a}", n + 1);
        }
    }
    format!(
        "{} lines in the golden file, {} in the output",
        expected.lines().count(),
        actual.lines().count()
    )
}

/// The corpus pages (`tests/corpus/*.html`) that have a manifest beside
/// them, sorted, as paths relative to the crate root.
pub fn corpus_pages() -> Vec<String> {
    let dir = Path::new(ROOT).join("tests/corpus");
    let mut pages: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "html"))
                .filter(|p| p.with_extension("manifest.json").exists())
                .filter_map(|p| {
                    p.file_name()
                        .map(|n| format!("tests/corpus/{}", n.to_string_lossy()))
                })
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    pages
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qa-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory can be made");
    dir
}
