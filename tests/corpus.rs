//! The engine scored on the project's corpus (tests/corpus/): news-style
//! articles written for the project, each with its manifest and the quotes
//! a careful annotator expects. Prints the figures; fails below the goals
//! (detection F1 0.97, attribution accuracy 0.93).
#![cfg(not(target_arch = "wasm32"))]

use quote_attribution::cli::eval::{pages, score_dirs};
use std::path::PathBuf;

const F1_GOAL: f64 = 0.97;
const ACCURACY_GOAL: f64 = 0.93;

#[test]
fn corpus_meets_the_goals() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    assert!(
        pages(&dir).unwrap().len() >= 30,
        "the corpus must hold at least 30 articles"
    );
    let score = score_dirs(&[dir]).unwrap();
    for d in &score.disagreements {
        eprintln!("{d}");
    }
    eprintln!(
        "corpus: {} pages, {} quotes expected, {} found, {} matched; \
         precision {:.3} recall {:.3} F1 {:.3}; attribution accuracy {:.3}",
        score.pages,
        score.expected,
        score.found,
        score.matched,
        score.precision(),
        score.recall(),
        score.f1(),
        score.accuracy()
    );
    assert!(
        score.f1() >= F1_GOAL,
        "detection F1 {:.3} < {F1_GOAL}",
        score.f1()
    );
    assert!(
        score.accuracy() >= ACCURACY_GOAL,
        "attribution accuracy {:.3} < {ACCURACY_GOAL}",
        score.accuracy()
    );
}
