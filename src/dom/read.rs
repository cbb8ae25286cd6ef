//! Reading a DOM subtree into the text model.
//!
//! The walk itself runs in JavaScript (`shell.js`), in one call: walking from
//! Rust crossed into JavaScript five to ten times per node (node type, data,
//! first child, next sibling, parent, attributes), and on a long article
//! those crossings cost more than the walk. The walker hands back the text
//! of every text node as one string, a list of events (text, element opened,
//! element closed) and the text nodes, and this file feeds the events to the
//! core's [`PageBuilder`].
//!
//! Which elements break blocks or are skipped stays the core's decision: the
//! walker is given the core's [`ELEMENT_ROLES`] table and asks
//! [`skipped_by_attributes`] about each `contenteditable` value it meets.

use crate::text::offsets::Utf16Cutter;
use crate::text::{
    skipped_by_attributes, ElementRole, NodeId, Page, PageBuilder, ELEMENT_ROLES, OWN_ATTRIBUTE,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Text};

#[wasm_bindgen(module = "/src/dom/shell.js")]
extern "C" {
    type Walked;
    #[wasm_bindgen(js_name = readText)]
    fn read_text(
        root: &Element,
        tags: Vec<String>,
        codes: Vec<u32>,
        exclude: Vec<String>,
        own: &str,
        editable: &dyn Fn(String) -> bool,
    ) -> Walked;
    #[wasm_bindgen(method, getter)]
    fn text(this: &Walked) -> String;
    #[wasm_bindgen(method, getter)]
    fn events(this: &Walked) -> Vec<u32>;
    #[wasm_bindgen(method, getter)]
    fn nodes(this: &Walked) -> js_sys::Array;
}

/// A page read from the DOM, and the text nodes its [`NodeId`]s index.
pub struct DomPage {
    /// The text model.
    pub page: Page,
    /// The text nodes, `NodeId` being the index.
    nodes: js_sys::Array,
}

impl DomPage {
    /// The text node with id `id`.
    pub fn node(&self, id: NodeId) -> Text {
        self.nodes.get(id).unchecked_into()
    }
}

/// The roles the walker is told about, by code: its code is the index.
/// Code 0 (inline) and 1 (skip) mean the same to the walker.
const CODES: [ElementRole; 12] = {
    use crate::text::BlockKind::*;
    [
        ElementRole::Inline,
        ElementRole::Skip,
        ElementRole::Block(Paragraph),
        ElementRole::Block(Heading),
        ElementRole::Block(ListItem),
        ElementRole::Block(Cell),
        ElementRole::Block(Caption),
        ElementRole::Blockquote,
        ElementRole::Footer,
        ElementRole::InlineQuote,
        ElementRole::Cite,
        ElementRole::Break,
    ]
};

fn code(role: ElementRole) -> u32 {
    CODES.iter().position(|&r| r == role).unwrap_or(0) as u32
}

fn role(code: u32) -> ElementRole {
    CODES
        .get(code as usize)
        .copied()
        .unwrap_or(ElementRole::Inline)
}

/// Reads `root`, leaving out elements matching any of `exclude` (CSS
/// selectors; one the browser cannot parse excludes nothing).
pub fn read(root: &Element, exclude: &[String]) -> DomPage {
    let (mut tags, mut codes) = (Vec::new(), Vec::new());
    for (names, role) in ELEMENT_ROLES {
        for name in *names {
            tags.push((*name).to_owned());
            codes.push(code(*role));
        }
    }
    let editable = |value: String| {
        skipped_by_attributes(|name| (name == "contenteditable").then(|| value.clone()))
    };
    let walked = read_text(
        root,
        tags,
        codes,
        exclude.to_vec(),
        OWN_ATTRIBUTE,
        &editable,
    );
    let text = walked.text();
    let mut cut = Utf16Cutter::new(&text);
    let mut builder = PageBuilder::new();
    let mut node: NodeId = 0;
    for event in walked.events() {
        match event & 3 {
            0 => {
                builder.text(node, &cut.next(event >> 2));
                node += 1;
            }
            1 => builder.open(role(event >> 2)),
            _ => builder.close(role(event >> 2)),
        }
    }
    DomPage {
        page: builder.finish(),
        nodes: walked.nodes(),
    }
}
