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

/// A manifest with every kind of source, JSON-LD on, and an exclusion.
const KINDS_MANIFEST: &str = r#"{"version": 1,
  "sources": [
    {"id": "ruiz", "name": "Elena Ruiz", "kind": "person", "role": "Mayor",
     "url": "https://example.org/ruiz", "description": "<b>not bold</b>"},
    {"id": "us", "name": "Unnamed US official", "kind": "anonymous", "aliases": ["a US official"]},
    {"id": "hrw", "name": "Human Rights Watch", "kind": "organization"}
  ],
  "quotes": [{"text": "a rogue’s gallery", "source": "hrw", "date": "2019-12-27",
              "citation": "https://example.org/hrw"}],
  "options": {"exclude": [".comments"], "jsonLd": true}}"#;

const KINDS_ARTICLE: &str = "<article><p>“We will build,” said Elena Ruiz.</p>\
    <p>“We fear it,” a US official said.</p>\
    <p>Human Rights Watch called it “a rogue’s gallery.”</p>\
    <p>It was, critics said in private, “a farce” of sorts.</p>\
    <div class='comments'><p>“Ignore me,” a reader wrote.</p></div>\
    <p contenteditable>“Typed,” a user said.</p></article>";

fn shadow_button(host: &Element) -> Element {
    host.shadow_root()
        .unwrap()
        .query_selector("button")
        .unwrap()
        .unwrap()
}

fn card(host: &Element) -> Element {
    host.shadow_root()
        .unwrap()
        .query_selector(".card")
        .unwrap()
        .unwrap()
}

#[wasm_bindgen_test]
fn badges_name_the_source_kind_and_cards_hold_text_only() {
    let fixture = Fixture::new(KINDS_ARTICLE);
    let mut qa = QuoteAttribution::from_manifest(JsValue::from_str(KINDS_MANIFEST)).unwrap();
    qa.annotate(&fixture.0).unwrap();
    let list = fixture.0.query_selector_all("[data-qa-quote]").unwrap();
    let hosts: Vec<Element> = (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect();
    // The excluded comment and the editable paragraph are left alone.
    assert_eq!(hosts.len(), 4);
    let labels: Vec<String> = hosts
        .iter()
        .map(|h| shadow_button(h).get_attribute("aria-label").unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "Source: Elena Ruiz",
            "Anonymous source: Unnamed US official",
            "Source: Human Rights Watch",
            "Source not in the publisher's list: critics",
        ]
    );
    for h in &hosts {
        let b = shadow_button(h);
        assert_eq!(b.tag_name(), "BUTTON");
        assert_eq!(b.get_attribute("aria-expanded").as_deref(), Some("false"));
        assert_eq!(card(h).get_attribute("popover").as_deref(), Some("auto"));
        // The visible word is part of the accessible name (label in name).
        let label = b.get_attribute("aria-label").unwrap();
        assert!(label.starts_with(&b.text_content().unwrap()));
    }
    // A card is filled when it first opens.
    assert_eq!(card(&hosts[0]).child_element_count(), 0);
    for h in &hosts {
        let panel: web_sys::HtmlElement = card(h).dyn_into().unwrap();
        panel.show_popover().unwrap();
        panel.hide_popover().unwrap();
    }
    // Markup in a manifest string stays text.
    let ruiz = card(&hosts[0]);
    assert!(ruiz.query_selector("b").unwrap().is_none());
    assert!(ruiz.text_content().unwrap().contains("<b>not bold</b>"));
    let link = ruiz.query_selector("a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.org/ruiz")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    // An explicit quote's card carries its date and citation.
    let hrw = card(&hosts[2]).text_content().unwrap();
    assert!(
        hrw.contains("Listed by the publisher") && hrw.contains("2019-12-27"),
        "{hrw}"
    );
    qa.clear();
}

#[wasm_bindgen_test]
fn the_card_opens_as_a_popover_and_aria_expanded_follows() {
    let fixture = Fixture::new(KINDS_ARTICLE);
    let mut qa = QuoteAttribution::from_manifest(JsValue::from_str(KINDS_MANIFEST)).unwrap();
    qa.annotate(&fixture.0).unwrap();
    let host = fixture
        .0
        .query_selector("[data-qa-quote]")
        .unwrap()
        .unwrap();
    let button: web_sys::HtmlElement = shadow_button(&host).dyn_into().unwrap();
    button.click();
    let panel: web_sys::HtmlElement = card(&host).dyn_into().unwrap();
    assert!(panel.matches(":popover-open").unwrap());
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    panel.hide_popover().unwrap();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    qa.clear();
}

#[wasm_bindgen_test]
fn json_ld_is_added_and_removed_with_the_annotations() {
    let fixture = Fixture::new(KINDS_ARTICLE);
    let mut qa = QuoteAttribution::from_manifest(JsValue::from_str(KINDS_MANIFEST)).unwrap();
    qa.annotate(&fixture.0).unwrap();
    let script = doc()
        .query_selector("script[type='application/ld+json'][data-qa-jsonld]")
        .unwrap()
        .expect("JSON-LD script");
    let ld = js_sys::JSON::parse(&script.text_content().unwrap()).unwrap();
    assert_eq!(
        js_sys::Array::from(&ld).length(),
        3,
        "the three attributed quotes"
    );
    qa.clear();
    assert!(doc()
        .query_selector("script[data-qa-jsonld]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
fn without_the_highlight_api_quotes_are_wrapped_and_unwrapped() {
    // Hide CSS.highlights as an older browser would.
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).unwrap();
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"value".into(), &JsValue::UNDEFINED).unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).unwrap();
    let css_obj: js_sys::Object = css.dyn_into().unwrap();
    js_sys::Object::define_property(&css_obj, &"highlights".into(), &descriptor);

    let fixture =
        Fixture::new("<p>He said “yes <em>and</em> no,” and left. “Later,” she said.</p>");
    let before = fixture.0.inner_html();
    let mut qa = QuoteAttribution::from_manifest(JsValue::from_str(SEED_MANIFEST)).unwrap();
    qa.annotate(&fixture.0).unwrap();
    let marks = fixture.0.query_selector_all("mark[data-qa-mark]").unwrap();
    // "yes ", "and", " no," and "Later," — one mark per text node covered.
    assert_eq!(marks.length(), 4);
    let marked: String = (0..marks.length())
        .map(|i| marks.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(marked, "yes and no,Later,");
    qa.clear();
    assert_eq!(fixture.0.inner_html(), before);

    // Put the real registry back for the other tests.
    js_sys::Reflect::delete_property(&css_obj, &"highlights".into()).unwrap();
}

#[wasm_bindgen_test]
async fn changes_by_the_page_are_annotated_after_they_settle() {
    let fixture = Fixture::new("<p>“One,” said Elena Ruiz.</p>");
    let mut qa = QuoteAttribution::from_manifest(JsValue::from_str(KINDS_MANIFEST)).unwrap();
    qa.annotate(&fixture.0).unwrap();
    assert_eq!(badges(&fixture.0).len(), 1);
    let p = doc().create_element("p").unwrap();
    p.set_text_content(Some("“Two,” a US official said."));
    fixture.0.append_child(&p).unwrap();
    sleep(400).await;
    let now = badges(&fixture.0);
    assert_eq!(now.len(), 2);
    assert_eq!(now[1].1.as_deref(), Some("us"));
    // After clear() the observer is gone: more changes stay unannotated.
    qa.clear();
    let p = doc().create_element("p").unwrap();
    p.set_text_content(Some("“Three,” said Elena Ruiz."));
    fixture.0.append_child(&p).unwrap();
    sleep(400).await;
    assert!(badges(&fixture.0).is_empty());
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
