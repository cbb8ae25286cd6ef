//! Writing a report back into the page, and taking it out again.
//!
//! Order matters and is fixed here:
//! 1. every position is turned into a live `Range` *before* the DOM changes
//!    (live ranges follow `splitText` and insertions by themselves);
//! 2. badges go in, last quote first, splitting a text node only when the
//!    badge falls inside one — and every split is recorded;
//! 3. highlights are registered, or, without the Custom Highlight API, the
//!    ranges are wrapped in `<mark data-qa-mark>` (more recorded splits).
//!
//! [`Annotated::clear`] undoes it in reverse: badges out, marks unwrapped,
//! recorded splits joined back, so the root serialises byte for byte as
//! before and the page's own text nodes are the same objects.

use super::badge::{stylesheet, BadgeSet, DOCUMENT_CSS, SHADOW_CSS};
use super::js::{highlight_range, highlight_registry, set_script_text, Highlight};
use super::read::DomPage;
use crate::manifest::Manifest;
use crate::report::Report;
use crate::text::offsets::Utf16;
use crate::text::NodeId;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AbstractRange, CssStyleSheet, Document, Element, Node, Range, Text};

/// Highlight names registered in `CSS.highlights`.
const HIGHLIGHT: &str = "qa-quote";
const HIGHLIGHT_UNATTRIBUTED: &str = "qa-quote-unattributed";

/// Everything one `annotate` added to the page.
pub struct Annotated {
    badges: Option<BadgeSet>,
    /// Marks of the `<mark>` fallback.
    marks: Vec<Element>,
    /// Text nodes split in two, in the order split: (kept, split off).
    splits: Vec<(Text, Text)>,
    /// Our ranges in the shared highlights, to take out again.
    highlighted: Vec<(AbstractRange, bool)>,
    document_sheet: Option<CssStyleSheet>,
    /// The `<script type="application/ld+json">` we added.
    json_ld: Option<Element>,
    doc: Document,
}

/// Options the shell reads from the manifest.
pub struct WriteOptions<'a> {
    /// "auto", "light" or "dark".
    pub theme: &'a str,
    /// JSON-LD text to add to the document head, if asked for.
    pub json_ld: Option<String>,
}

/// Writes `report` into the page read as `dom`. On failure, whatever was
/// already written is taken out again before the error is returned.
pub fn apply(
    doc: &Document,
    dom: &DomPage,
    report: &Report,
    manifest: &Manifest,
    options: &WriteOptions<'_>,
) -> Result<Annotated, JsValue> {
    let mut done = Annotated {
        badges: None,
        marks: Vec::new(),
        splits: Vec::new(),
        highlighted: Vec::new(),
        document_sheet: None,
        json_ld: None,
        doc: doc.clone(),
    };
    match write(&mut done, doc, dom, report, manifest, options) {
        Ok(()) => Ok(done),
        Err(e) => {
            done.clear();
            Err(e)
        }
    }
}

fn write(
    done: &mut Annotated,
    doc: &Document,
    dom: &DomPage,
    report: &Report,
    manifest: &Manifest,
    options: &WriteOptions<'_>,
) -> Result<(), JsValue> {
    if report.quotes.is_empty() {
        return Ok(());
    }
    if let Some(text) = &options.json_ld {
        let script = doc.create_element("script")?;
        script.set_attribute("type", "application/ld+json")?;
        script.set_attribute("data-qa-jsonld", "")?;
        set_script_text(&script, text)?;
        let parent: Node = match doc.head() {
            Some(head) => head.into(),
            None => doc.document_element().ok_or("no document element")?.into(),
        };
        parent.append_child(&script)?;
        done.json_ld = Some(script);
    }

    // 1. Positions, as data, while the DOM is as we read it.
    let mut spans: Vec<(Pos, Pos, bool)> = Vec::new();
    let mut anchors: Vec<(usize, Pos)> = Vec::new();
    for (index, quote) in report.quotes.iter().enumerate() {
        let unattributed = quote.source.is_none();
        for span in &quote.parts {
            let block = &dom.page.blocks[span.block];
            if let (Some(start), Some(end)) = (
                block.locate(span.range.start, false),
                block.locate(span.range.end, true),
            ) {
                spans.push((Pos::from(start), Pos::from(end), unattributed));
            }
        }
        let (b, at) = quote.anchor;
        if let Some(pos) = dom.page.blocks[b].locate(at, true) {
            anchors.push((index, Pos::from(pos)));
        }
    }

    // 2. Badges, last first: a split leaves the earlier offsets of its node
    // as they were. Each split is recorded, to place the highlights after.
    let sheet = shadow_sheet()?;
    let badges = done.badges.insert(BadgeSet::new(
        doc,
        report.quotes.len(),
        options.theme,
        &sheet,
    ));
    let mut pieces = Pieces::default();
    for (index, at) in anchors.into_iter().rev() {
        let quote = &report.quotes[index];
        let source_id = quote.source.map(|s| manifest.sources[s].id.as_str());
        let node = dom.node(at.node);
        if let Some(tail) = badges.add(index, source_id, quote.card(manifest), &node, at.offset)? {
            pieces.split(at.node, at.offset, tail.clone());
            done.splits.push((node, tail));
        }
    }

    // 3. Highlights over static ranges (which the document never has to
    // update as it changes: live ranges made inserting and removing
    // thousands of badges quadratic), or marks where highlights are missing.
    let sheet = stylesheet(DOCUMENT_CSS)?;
    adopt(doc, &sheet);
    done.document_sheet = Some(sheet);
    let place = |pos: Pos, end: bool| pieces.place(dom, pos, end);
    match shared_highlights() {
        Some((main, unattributed)) => {
            for (start, end, flagged) in spans {
                let (sn, so) = place(start, false);
                let (en, eo) = place(end, true);
                let highlight = if flagged { &unattributed } else { &main };
                let range = highlight_range(highlight, &sn, so, &en, eo)?;
                done.highlighted.push((range, flagged));
            }
        }
        None => {
            // Wrapping splits text nodes: live ranges, made first, follow.
            let mut live = Vec::with_capacity(spans.len());
            for (start, end, flagged) in spans {
                let (sn, so) = place(start, false);
                let (en, eo) = place(end, true);
                let range = doc.create_range()?;
                range.set_start(&sn, so)?;
                range.set_end(&en, eo)?;
                live.push((range, flagged));
            }
            for (range, flagged) in &live {
                wrap(doc, range, *flagged, &mut done.marks, &mut done.splits)?;
            }
        }
    }
    Ok(())
}

/// A text position as the DOM layer read it, before any change.
#[derive(Clone, Copy, Debug)]
struct Pos {
    node: NodeId,
    offset: u32,
}

impl From<(NodeId, Utf16)> for Pos {
    fn from((node, offset): (NodeId, Utf16)) -> Pos {
        Pos {
            node,
            offset: offset.0,
        }
    }
}

/// The pieces text nodes were split into by the badges: for each split
/// node, the offsets it was split at and the node holding the text from
/// there on.
#[derive(Default)]
struct Pieces {
    splits: std::collections::HashMap<NodeId, Vec<(u32, Text)>>,
}

impl Pieces {
    fn split(&mut self, node: NodeId, at: u32, tail: Text) {
        self.splits.entry(node).or_default().push((at, tail));
    }

    /// Where a position read before the splits is now. An end exactly at
    /// a split stays at the end of the piece before it.
    fn place(&self, dom: &DomPage, pos: Pos, end: bool) -> (Node, u32) {
        let original: Node = dom.node(pos.node).into();
        let Some(splits) = self.splits.get(&pos.node) else {
            return (original, pos.offset);
        };
        splits
            .iter()
            .filter(|(at, _)| {
                if end {
                    *at < pos.offset
                } else {
                    *at <= pos.offset
                }
            })
            .max_by_key(|(at, _)| *at)
            .map_or((original, pos.offset), |(at, tail)| {
                (tail.clone().into(), pos.offset - at)
            })
    }
}

impl Annotated {
    /// Takes every change out of the page again.
    pub fn clear(self) {
        if let Some(badges) = self.badges {
            badges.remove();
        }
        for mark in self.marks.into_iter().rev() {
            if let Some(parent) = mark.parent_node() {
                while let Some(child) = mark.first_child() {
                    let _ = parent.insert_before(&child, Some(&mark));
                }
            }
            mark.remove();
        }
        for (kept, split_off) in self.splits.into_iter().rev() {
            // Join only if still neighbours: a page script may have moved them.
            let adjacent = kept
                .next_sibling()
                .is_some_and(|n| n == *split_off.unchecked_ref::<Node>());
            if adjacent {
                let _ = kept.append_data(&split_off.data());
                split_off.remove();
            }
        }
        if let Some((main, unattributed)) = shared_highlights() {
            for (range, flagged) in &self.highlighted {
                if *flagged {
                    unattributed.delete(range);
                } else {
                    main.delete(range);
                }
            }
        }
        if let Some(sheet) = self.document_sheet {
            unadopt(&self.doc, &sheet);
        }
        if let Some(script) = self.json_ld {
            script.remove();
        }
    }
}

/// Wraps the text covered by `range` in `<mark>` elements, one per text node.
fn wrap(
    doc: &Document,
    range: &Range,
    unattributed: bool,
    marks: &mut Vec<Element>,
    splits: &mut Vec<(Text, Text)>,
) -> Result<(), JsValue> {
    let start = range.start_container()?;
    let end = range.end_container()?;
    let (start_offset, end_offset) = (range.start_offset()?, range.end_offset()?);
    // The text nodes the range touches, in order.
    let root = range.common_ancestor_container()?;
    let mut texts: Vec<Text> = Vec::new();
    let mut node = Some(root.clone());
    while let Some(n) = node {
        if let Some(t) = n.dyn_ref::<Text>() {
            if range.intersects_node(&n)? {
                texts.push(t.clone());
            }
        }
        node = next_in_order(&n, &root);
    }
    for text in texts {
        let node: &Node = text.as_ref();
        let s = if *node == start { start_offset } else { 0 };
        let e = if *node == end {
            end_offset
        } else {
            text.length()
        };
        if s >= e {
            continue;
        }
        let mut target = text.clone();
        if e < target.length() {
            let tail = target.split_text(e)?;
            splits.push((target.clone(), tail));
        }
        if s > 0 {
            let middle = target.split_text(s)?;
            splits.push((target.clone(), middle.clone()));
            target = middle;
        }
        let mark = doc.create_element("mark")?;
        mark.set_attribute(
            "data-qa-mark",
            if unattributed {
                "unattributed"
            } else {
                "quote"
            },
        )?;
        let parent = target.parent_node().ok_or("text node has no parent")?;
        parent.insert_before(&mark, Some(&target))?;
        mark.append_child(&target)?;
        marks.push(mark);
    }
    Ok(())
}

/// The next node in document order within `root`.
fn next_in_order(node: &Node, root: &Node) -> Option<Node> {
    if let Some(child) = node.first_child() {
        return Some(child);
    }
    let mut current = node.clone();
    loop {
        if current == *root {
            return None;
        }
        if let Some(sibling) = current.next_sibling() {
            return Some(sibling);
        }
        current = current.parent_node()?;
    }
}

thread_local! {
    /// The two highlights every instance on the page shares: each adds its
    /// ranges and takes out only its own, so two articles annotated by two
    /// instances do not clear each other's highlights.
    static HIGHLIGHTS: Option<(Highlight, Highlight)> = {
        let registry = highlight_registry();
        registry.and_then(|r| {
            let (main, unattributed) = (Highlight::create()?, Highlight::create()?);
            r.set(HIGHLIGHT, &main);
            r.set(HIGHLIGHT_UNATTRIBUTED, &unattributed);
            Some((main, unattributed))
        })
    };

    static SHADOW_SHEET: std::cell::RefCell<Option<CssStyleSheet>> = const { std::cell::RefCell::new(None) };
}

/// The shared highlights, registered in `CSS.highlights` (re-registered if
/// the page removed them); `None` without the Custom Highlight API.
fn shared_highlights() -> Option<(Highlight, Highlight)> {
    let registry = highlight_registry()?;
    HIGHLIGHTS.with(|h| {
        let (main, unattributed) = h.as_ref()?;
        if !registry.has(HIGHLIGHT) {
            registry.set(HIGHLIGHT, main);
            registry.set(HIGHLIGHT_UNATTRIBUTED, unattributed);
        }
        Some((main.clone(), unattributed.clone()))
    })
}

/// The badges' stylesheet, made once and shared by every shadow root.
fn shadow_sheet() -> Result<CssStyleSheet, JsValue> {
    SHADOW_SHEET.with(|cell| {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = stylesheet(SHADOW_CSS)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

fn adopt(doc: &Document, sheet: &CssStyleSheet) {
    let sheets = doc.adopted_style_sheets();
    sheets.push(sheet);
    doc.set_adopted_style_sheets(&sheets);
}

fn unadopt(doc: &Document, sheet: &CssStyleSheet) {
    let sheets: js_sys::Array = doc
        .adopted_style_sheets()
        .iter()
        .filter(|s| s != AsRef::<JsValue>::as_ref(sheet))
        .collect();
    doc.set_adopted_style_sheets(&sheets);
}
