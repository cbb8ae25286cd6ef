//! Browser tests of the DOM shell, run headless in Chromium by
//! wasm-bindgen-test (`cargo test --target wasm32-unknown-unknown`).
//!
//! Each test builds its markup in a container it appends to the body and
//! removes afterwards: the runner reads its results from the body, so the
//! body itself is never replaced.
#![cfg(target_arch = "wasm32")]

use quote_attribution::QuoteAttribution;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element};

wasm_bindgen_test_configure!(run_in_browser);

const SEED_MANIFEST: &str = include_str!("../www/quotes.json");

fn doc() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A container holding `html` (trusted test markup), appended to the body.
struct Fixture(Element);

impl Fixture {
    fn new(html: &str) -> Fixture {
        let el = doc().create_element("div").unwrap();
        el.set_inner_html(html);
        doc().body().unwrap().append_child(&el).unwrap();
        Fixture(el)
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.0.remove();
    }
}

fn report_quotes(report: &JsValue) -> Vec<(String, Option<String>)> {
    let quotes = js_sys::Reflect::get(report, &"quotes".into()).unwrap();
    js_sys::Array::from(&quotes)
        .iter()
        .map(|q| {
            let text = js_sys::Reflect::get(&q, &"text".into())
                .unwrap()
                .as_string()
                .unwrap();
            let source = js_sys::Reflect::get(&q, &"source".into())
                .unwrap()
                .as_string();
            (text, source)
        })
        .collect()
}

fn badges(root: &Element) -> Vec<(String, Option<String>)> {
    let list = root.query_selector_all("[data-qa-quote]").unwrap();
    (0..list.length())
        .map(|i| {
            let el: Element = list.item(i).unwrap().dyn_into().unwrap();
            (
                el.get_attribute("data-qa-quote").unwrap(),
                el.get_attribute("data-qa-source"),
            )
        })
        .collect()
}

const ARTICLE: &str = "<article><p>The panel will work to set up “a comprehensive convention,” \
    the resolution said.</p><p>Human Rights <em>Watch</em> called the list “a rogue’s \
    <a href='#'>gallery</a> of governments.”</p></article>";

#[wasm_bindgen_test]
fn annotate_adds_one_badge_per_quote_and_clear_restores_the_html() {
    let fixture = Fixture::new(ARTICLE);
    let before = fixture.0.inner_html();
    let mut qa = QuoteAttribution::from_manifest(JsValue::from_str(SEED_MANIFEST)).unwrap();
    let report = qa.annotate(&fixture.0).unwrap();
    let quotes = report_quotes(&report);
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[1].0, "a rogue’s gallery of governments.");
    assert_eq!(badges(&fixture.0).len(), 2);
    qa.clear();
    assert_eq!(fixture.0.inner_html(), before);
    assert!(badges(&fixture.0).is_empty());
}

#[wasm_bindgen_test]
fn annotate_twice_equals_once() {
    let fixture = Fixture::new(ARTICLE);
    let mut qa = QuoteAttribution::from_manifest(JsValue::from_str(SEED_MANIFEST)).unwrap();
    qa.annotate(&fixture.0).unwrap();
    let once = fixture.0.inner_html();
    qa.annotate(&fixture.0).unwrap();
    assert_eq!(fixture.0.inner_html(), once);
}

#[wasm_bindgen_test]
fn text_nodes_split_for_badges_are_joined_back_as_the_same_objects() {
    let fixture = Fixture::new("<p>He said “yes,” and left. Then “no,” she said.</p>");
    let p = fixture.0.query_selector("p").unwrap().unwrap();
    let text_node = p.first_child().unwrap();
    let mut qa = QuoteAttribution::from_manifest(JsValue::from_str(SEED_MANIFEST)).unwrap();
    qa.annotate(&fixture.0).unwrap();
    assert!(
        p.child_nodes().length() > 1,
        "badges were inserted inside the text"
    );
    qa.clear();
    assert_eq!(p.child_nodes().length(), 1);
    assert!(
        p.first_child().unwrap() == text_node,
        "the page's own text node survives"
    );
}

#[wasm_bindgen_test]
fn a_bad_manifest_throws_an_error_naming_the_problem() {
    let err = match QuoteAttribution::from_manifest(JsValue::from_str("{\"version\": 1,")) {
        Err(e) => e,
        Ok(_) => panic!("a truncated manifest must not load"),
    };
    let err: js_sys::Error = err.dyn_into().unwrap();
    assert_eq!(String::from(err.name()), "QuoteAttributionError");
    let message = String::from(err.message());
    assert!(message.contains("line 1"), "{message}");
    let problems = js_sys::Reflect::get(&err, &"problems".into()).unwrap();
    assert_eq!(js_sys::Array::from(&problems).length(), 1);
}
