//! Property tests: on any input, the core never panics (a panic in wasm
//! poisons the module for the whole page) and every position it returns is
//! valid — on a char boundary, inside its block, in order.
//!
//! Inputs are drawn from alphabets heavy in what breaks quote handling:
//! every quotation mark, apostrophes, digits, dashes, multi-byte letters.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use quote_attribution::detect::detect;
use quote_attribution::manifest;
use quote_attribution::text::fold::Folded;
use quote_attribution::text::offsets::{utf16_to_utf8, utf8_to_utf16};
use quote_attribution::text::{BlockKind, ElementRole, Page, PageBuilder};
use quote_attribution::Engine;

/// Characters that matter to the engine, and some that only take room.
const ALPHABET: &[&str] = &[
    "“",
    "”",
    "„",
    "\"",
    "‘",
    "’",
    "‚",
    "'",
    "«",
    "»",
    "‹",
    "›",
    "「",
    "」",
    "『",
    "』",
    "a",
    "b",
    "Ruiz",
    " said",
    " he",
    " she",
    " the official",
    " according to",
    ",",
    ".",
    "!",
    "?",
    ":",
    " ",
    " ",
    "\n",
    "\u{A0}",
    "5",
    "60s",
    "—",
    "-",
    "é",
    "😀",
    "U.S.",
    "Mr.",
    "n",
    "s",
];

fn paragraph() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(ALPHABET), 0..40).prop_map(|v| v.concat())
}

fn paragraphs() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(paragraph(), 0..8)
}

const MANIFEST: &str = r#"{"version": 1, "sources": [
  {"id": "ruiz", "name": "Elena Ruiz", "kind": "person", "aliases": ["the official", "Ms Ruiz"]},
  {"id": "us", "name": "Unnamed US official", "kind": "anonymous", "aliases": ["a U.S. official"]},
  {"id": "doc", "name": "The report", "kind": "document", "aliases": ["the report"]}
], "quotes": [
  {"text": "a said ruiz", "source": "ruiz"},
  {"text": "“’60s—é”", "source": "us", "prefix": "he ", "suffix": "."},
  {"text": "b b b b b b b b b b b b b", "source": "doc"}
]}"#;

fn engine() -> Engine {
    Engine::new(
        manifest::parse(MANIFEST)
            .expect("the test manifest is valid")
            .manifest,
    )
}

/// An open/close/text event stream for the page builder.
#[derive(Clone, Debug)]
enum Event {
    Open(u8),
    Close(u8),
    Text(String),
}

const ROLES: &[ElementRole] = &[
    ElementRole::Block(BlockKind::Paragraph),
    ElementRole::Block(BlockKind::Heading),
    ElementRole::Blockquote,
    ElementRole::Footer,
    ElementRole::InlineQuote,
    ElementRole::Cite,
    ElementRole::Break,
    ElementRole::Inline,
];

fn events() -> impl Strategy<Value = Vec<Event>> {
    let event = prop_oneof![
        (0..ROLES.len() as u8).prop_map(Event::Open),
        (0..ROLES.len() as u8).prop_map(Event::Close),
        paragraph().prop_map(Event::Text),
    ];
    proptest::collection::vec(event, 0..30)
}

fn build(events: &[Event]) -> Page {
    let mut b = PageBuilder::new();
    for (i, e) in events.iter().enumerate() {
        match e {
            Event::Open(r) => b.open(ROLES[*r as usize]),
            Event::Close(r) => b.close(ROLES[*r as usize]),
            Event::Text(t) => b.text(i as u32, t),
        }
    }
    b.finish()
}

proptest! {
    // 256 cases by default; PROPTEST_CASES=100000 for a longer search.

    #[test]
    fn manifest_parsing_never_panics(text in "\\PC{0,200}") {
        let _ = manifest::parse(&text);
    }

    #[test]
    fn manifest_parsing_of_json_shapes_never_panics(
        keys in proptest::collection::vec(proptest::sample::select(&[
            "version", "sources", "quotes", "options", "id", "name", "kind", "url", "text",
            "source", "selector", "exact", "prefix", "aliases", "exclude", "theme", "date",
        ][..]), 0..12),
        values in proptest::collection::vec(proptest::sample::select(&[
            "1", "2", "null", "true", "\"\"", "\"x\"", "[]", "{}", "[1]", "\"javascript:1\"",
            "\"https://a.b\"", "-1", "1e999", "\"2019-02-30\"", "[{}]", "{\"id\":\"a\"}",
        ][..]), 0..12),
    ) {
        let body: Vec<String> = keys
            .iter()
            .zip(values.iter().cycle())
            .map(|(k, v)| format!("\"{k}\": {v}"))
            .collect();
        let json = format!("{{\"version\": 1, \"sources\": [{{{}}}], {} }}", body.join(", "), body.join(", "));
        let _ = manifest::parse(&json);
    }

    #[test]
    fn detection_spans_are_valid(paragraphs in paragraphs()) {
        let page = Page::from_paragraphs(paragraphs.iter().map(String::as_str));
        let quotes = detect(&page);
        let mut last = (0, 0);
        for q in &quotes {
            prop_assert!(!q.parts.is_empty());
            let first = q.first();
            prop_assert!((first.block, first.open.start) >= last, "document order");
            last = (first.block, first.open.start);
            for p in &q.parts {
                let text = &page.blocks[p.block].text;
                for r in [&p.open, &p.content, &p.close] {
                    prop_assert!(r.start <= r.end && r.end <= text.len());
                    prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                }
                prop_assert!(p.open.end <= p.content.start || p.open.is_empty());
            }
        }
    }

    #[test]
    fn the_engine_never_panics_and_its_spans_are_valid(paragraphs in paragraphs()) {
        let page = Page::from_paragraphs(paragraphs.iter().map(String::as_str));
        let engine = engine();
        let report = engine.analyze(&page);
        for a in &report.quotes {
            for s in &a.parts {
                let text = &page.blocks[s.block].text;
                prop_assert!(s.range.start <= s.range.end && s.range.end <= text.len());
                prop_assert!(text.is_char_boundary(s.range.start) && text.is_char_boundary(s.range.end));
            }
            let (b, at) = a.anchor;
            prop_assert!(at <= page.blocks[b].text.len() && page.blocks[b].text.is_char_boundary(at));
            if let Some(s) = a.source {
                prop_assert!(s < engine.manifest().sources.len());
            }
        }
        let _ = report.to_output(engine.manifest());
        let _ = report.json_ld(engine.manifest());
    }

    #[test]
    fn any_event_stream_builds_a_page_whose_offsets_map_back(events in events()) {
        let page = build(&events);
        for block in &page.blocks {
            prop_assert!(block.segments.windows(2).all(|w| w[0].start < w[1].start));
            for (i, _) in block.text.char_indices().chain(std::iter::once((block.text.len(), ' '))) {
                for prefer_end in [false, true] {
                    if let Some((node, offset)) = block.locate(i, prefer_end) {
                        let Event::Text(t) = &events[node as usize] else {
                            return Err(TestCaseError::fail("located a node that is not text"));
                        };
                        prop_assert!(utf16_to_utf8(t, offset).is_some(), "offset inside a char");
                    }
                }
            }
            for r in block.inline_quotes.iter().chain(&block.cites) {
                prop_assert!(r.end <= block.text.len() && block.text.is_char_boundary(r.start));
            }
        }
        let _ = detect(&page);
    }

    #[test]
    fn folding_maps_every_byte_to_a_char_boundary(paragraphs in paragraphs()) {
        let page = Page::from_paragraphs(paragraphs.iter().map(String::as_str));
        let folded = Folded::of_page(&page);
        for at in 0..folded.text.len() {
            let (b, byte) = folded.to_block(at);
            prop_assert!(b < page.blocks.len().max(1));
            if b < page.blocks.len() {
                prop_assert!(page.blocks[b].text.is_char_boundary(byte.min(page.blocks[b].text.len())));
            }
        }
    }

    #[test]
    fn utf16_round_trips(s in "\\PC{0,40}") {
        for (i, _) in s.char_indices() {
            prop_assert_eq!(utf16_to_utf8(&s, utf8_to_utf16(&s, i)), Some(i));
        }
    }
}
