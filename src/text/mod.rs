//! The text model: a page as a sequence of blocks of text, with a map back to
//! the nodes the text came from.
//!
//! Both shells (the DOM layer in the browser and the HTML parser of the CLI)
//! walk their tree once and feed it to a [`PageBuilder`]: which elements
//! start a block, which are inline, which are skipped is decided here, by
//! [`element_role`], so the two shells cannot disagree. Everything after
//! this — detection, attribution, matching — reads only [`Page`].
//!
//! Unlike `textContent`, the model keeps block boundaries: a quotation never
//! silently runs from one paragraph into the next, and "fear that the" /
//! "language is code" in two paragraphs stay two blocks.
//!
//! Offsets inside the core are UTF-8 byte offsets into [`Block::text`];
//! [`offsets`] converts to the DOM's UTF-16 and to code points.
//!
//! This module must never know what a DOM node or an html5ever handle is: a
//! text node is an opaque [`NodeId`] the shell chose.

pub mod fold;
pub mod offsets;

use offsets::Utf16;
use std::ops::Range;

/// The shell's name for one text node; the core never looks inside it.
pub type NodeId = u32;

/// What kind of element a block came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// `p`, `div`, `section`, … and text directly in a container.
    Paragraph,
    /// `h1`–`h6`.
    Heading,
    /// `li`, `dt`, `dd`.
    ListItem,
    /// `td`, `th`.
    Cell,
    /// `figcaption`, `caption`.
    Caption,
}

/// How an element shapes the text model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementRole {
    /// Starts and ends a block.
    Block(BlockKind),
    /// `<blockquote>`: its blocks form one quotation.
    Blockquote,
    /// `<footer>`: inside a blockquote, its blocks are the attribution.
    Footer,
    /// `<q>`: an inline quotation whose marks the browser draws.
    InlineQuote,
    /// `<cite>`: inside a blockquote, names the source.
    Cite,
    /// `<br>`, `<hr>`, `<img>`-like breaks: a space in the text.
    Break,
    /// Contents are not article text (`script`, `style`, `nav`, …).
    Skip,
    /// Does not break text (`a`, `em`, `span`, unknown elements).
    Inline,
}

/// Every element that is not [`ElementRole::Inline`], by lower-case local
/// name, grouped by role. [`element_role`] reads it, and so can a shell that
/// hands the decision to code of its own (the DOM layer's walker gets the
/// table once per read, so both still decide the same way).
pub const ELEMENT_ROLES: &[(&[&str], ElementRole)] = {
    use BlockKind::*;
    &[
        (
            &[
                "p", "div", "section", "article", "main", "header", "address", "pre", "figure",
                "details", "summary", "body", "center", "dl", "ul", "ol", "table", "tbody",
                "thead", "tfoot", "tr", "hgroup", "fieldset", "legend", "form", "menu",
            ],
            ElementRole::Block(Paragraph),
        ),
        (
            &["h1", "h2", "h3", "h4", "h5", "h6"],
            ElementRole::Block(Heading),
        ),
        (&["li", "dt", "dd"], ElementRole::Block(ListItem)),
        (&["td", "th"], ElementRole::Block(Cell)),
        (&["figcaption", "caption"], ElementRole::Block(Caption)),
        (&["blockquote"], ElementRole::Blockquote),
        (&["footer"], ElementRole::Footer),
        (&["q"], ElementRole::InlineQuote),
        (&["cite"], ElementRole::Cite),
        (&["br", "hr", "wbr"], ElementRole::Break),
        (
            &[
                "script", "style", "noscript", "template", "textarea", "nav", "aside", "svg",
                "math", "iframe", "object", "embed", "video", "audio", "canvas", "select",
                "button", "input", "head", "title", "meta", "link", "dialog",
            ],
            ElementRole::Skip,
        ),
    ]
};

/// The role of an element, by its lower-case local name.
///
/// ```
/// use quote_attribution::text::{element_role, ElementRole, BlockKind};
/// assert_eq!(element_role("p"), ElementRole::Block(BlockKind::Paragraph));
/// assert_eq!(element_role("em"), ElementRole::Inline);
/// assert_eq!(element_role("script"), ElementRole::Skip);
/// ```
pub fn element_role(tag: &str) -> ElementRole {
    ELEMENT_ROLES
        .iter()
        .find(|(tags, _)| tags.contains(&tag))
        .map_or(ElementRole::Inline, |&(_, role)| role)
}

/// Attribute that marks the elements quote-attribution inserts (badges), so
/// that reading a page twice never reads our own output.
pub const OWN_ATTRIBUTE: &str = "data-qa-quote";

/// Is an element left out of the article text because of its attributes?
/// Our own badges are, and so is text a reader is editing
/// (`contenteditable`). `attribute(name)` returns the element's value.
///
/// ```
/// use quote_attribution::text::skipped_by_attributes;
/// assert!(skipped_by_attributes(|a| (a == "contenteditable").then(|| "true".to_owned())));
/// assert!(!skipped_by_attributes(|a| (a == "contenteditable").then(|| "false".to_owned())));
/// ```
pub fn skipped_by_attributes(attribute: impl Fn(&str) -> Option<String>) -> bool {
    if attribute(OWN_ATTRIBUTE).is_some() {
        return true;
    }
    match attribute("contenteditable") {
        Some(v) => v.is_empty() || v.eq_ignore_ascii_case("true") || v == "plaintext-only",
        None => false,
    }
}

/// Where a stretch of a block's text came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// First byte of the stretch in [`Block::text`]; it runs to the next
    /// segment's start or the end of the text.
    pub start: usize,
    /// The text node, or `None` for text the model made up (a `<br>` space).
    pub node: Option<NodeId>,
    /// Offset in that node where the stretch begins.
    pub node_offset: Utf16,
}

/// One block of text: a paragraph, heading, list item, cell, caption.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The text, as in the page (whitespace not collapsed).
    pub text: String,
    /// What the block came from.
    pub kind: BlockKind,
    /// The `<blockquote>` this block belongs to (blocks of one blockquote
    /// share the number), if any.
    pub blockquote: Option<u32>,
    /// True for a `<footer>` inside a blockquote: the attribution line.
    pub footer: bool,
    /// Where each stretch of `text` came from, in order.
    pub segments: Vec<Segment>,
    /// Byte ranges of `<q>` elements.
    pub inline_quotes: Vec<Range<usize>>,
    /// Byte ranges of `<cite>` elements.
    pub cites: Vec<Range<usize>>,
}

impl Block {
    /// The DOM position of byte offset `at`.
    ///
    /// At a boundary between two nodes, a range *start* belongs at the start
    /// of the later node (`prefer_end = false`) and a range *end* at the end
    /// of the earlier one (`prefer_end = true`), so a highlight never takes in
    /// a node it does not cover. Synthetic text has no position: the nearest
    /// real node edge is returned instead.
    pub fn locate(&self, at: usize, prefer_end: bool) -> Option<(NodeId, Utf16)> {
        let idx = match self.segments.binary_search_by(|s| s.start.cmp(&at)) {
            Ok(i) if prefer_end && i > 0 => i - 1,
            Ok(i) => i,
            Err(0) => return None,
            Err(i) => i - 1,
        };
        let seg = self.segments.get(idx)?;
        let end = self.segment_end(idx);
        match seg.node {
            Some(node) => {
                let at = at.clamp(seg.start, end);
                let within = offsets::utf8_to_utf16(&self.text[seg.start..end], at - seg.start);
                Some((node, Utf16(seg.node_offset.0 + within.0)))
            }
            // A made-up space: snap to the neighbouring real node.
            None if prefer_end => (0..idx).rev().find_map(|i| {
                let s = &self.segments[i];
                let e = self.segment_end(i);
                s.node.map(|n| {
                    (
                        n,
                        Utf16(s.node_offset.0 + offsets::utf16_len(&self.text[s.start..e]).0),
                    )
                })
            }),
            None => self.segments[idx + 1..]
                .iter()
                .find_map(|s| s.node.map(|n| (n, s.node_offset))),
        }
    }

    fn segment_end(&self, idx: usize) -> usize {
        self.segments
            .get(idx + 1)
            .map_or(self.text.len(), |s| s.start)
    }
}

/// A page: its blocks in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The blocks, with empty and whitespace-only ones left out.
    pub blocks: Vec<Block>,
}

impl Page {
    /// Total bytes of text.
    pub fn text_len(&self) -> usize {
        self.blocks.iter().map(|b| b.text.len()).sum()
    }

    /// A page of plain-text paragraphs (one block per non-blank line), with
    /// node ids counting the lines. For tests, benchmarks and plain-text input.
    pub fn from_paragraphs<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Page {
        let mut b = PageBuilder::new();
        for (i, p) in paragraphs.into_iter().enumerate() {
            b.open(ElementRole::Block(BlockKind::Paragraph));
            b.text(i as NodeId, p);
            b.close(ElementRole::Block(BlockKind::Paragraph));
        }
        b.finish()
    }
}

/// `s` with every run of whitespace made one space, and trimmed: the text a
/// reader sees and the `text` of a reported quote.
///
/// ```
/// assert_eq!(quote_attribution::text::collapse_whitespace(" a \n\t b "), "a b");
/// ```
pub fn collapse_whitespace(s: &str) -> String {
    // Every quote's text goes through here: bytes, not chars, and each run
    // of other bytes copied at once.
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < bytes.len() {
        let space = whitespace_len(bytes, i);
        if space > 0 {
            i += space;
            continue;
        }
        let start = i;
        while i < bytes.len() && whitespace_len(bytes, i) == 0 {
            i += 1;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        // `start` and `i` are char boundaries: whitespace starts at one,
        // and a continuation byte never starts whitespace.
        out.push_str(&s[start..i]);
    }
    out
}

/// The length in bytes of the whitespace char (Unicode White_Space, as
/// [`char::is_whitespace`]) starting at `bytes[i]`, or 0.
#[inline]
fn whitespace_len(bytes: &[u8], i: usize) -> usize {
    let b = bytes[i];
    // Nearly every byte: printable ASCII, or a byte no whitespace starts with.
    if b > b' ' && !matches!(b, 0xC2 | 0xE1..=0xE3) {
        return 0;
    }
    let at = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match b {
        b'\t'..=b'\r' | b' ' => 1,
        // U+0085, U+00A0
        0xC2 if matches!(at(1), 0x85 | 0xA0) => 2,
        // U+1680
        0xE1 if at(1) == 0x9A && at(2) == 0x80 => 3,
        // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
        0xE2 if matches!(
            (at(1), at(2)),
            (0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) | (0x81, 0x9F)
        ) =>
        {
            3
        }
        // U+3000
        0xE3 if at(1) == 0x80 && at(2) == 0x80 => 3,
        _ => 0,
    }
}

/// Builds a [`Page`] from a depth-first walk of a tree.
///
/// The shell calls [`open`](Self::open) and [`close`](Self::close) with the
/// [`element_role`] of each element it enters and leaves (after skipping
/// `Skip` elements and excluded regions itself), and [`text`](Self::text) for
/// each text node.
///
/// ```
/// use quote_attribution::text::{PageBuilder, ElementRole, BlockKind};
/// let p = ElementRole::Block(BlockKind::Paragraph);
/// let mut b = PageBuilder::new();
/// b.open(p);
/// b.text(0, "“Yes,” ");
/// b.open(ElementRole::Inline);
/// b.text(1, "she");
/// b.close(ElementRole::Inline);
/// b.text(2, " said.");
/// b.close(p);
/// let page = b.finish();
/// assert_eq!(page.blocks[0].text, "“Yes,” she said.");
/// ```
#[derive(Debug)]
pub struct PageBuilder {
    page: Page,
    current: Block,
    /// Open blockquotes and footers, innermost last.
    blockquotes: Vec<u32>,
    next_blockquote: u32,
    footer_depth: usize,
    /// Start offsets of open `<q>` and `<cite>` elements in `current`.
    open_q: Vec<usize>,
    open_cite: Vec<usize>,
}

impl Default for PageBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl PageBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        PageBuilder {
            page: Page::default(),
            current: empty_block(BlockKind::Paragraph, None, false),
            blockquotes: Vec::new(),
            next_blockquote: 0,
            footer_depth: 0,
            open_q: Vec::new(),
            open_cite: Vec::new(),
        }
    }

    /// Enters an element.
    pub fn open(&mut self, role: ElementRole) {
        match role {
            ElementRole::Block(kind) => self.start_block(kind),
            ElementRole::Blockquote => {
                self.blockquotes.push(self.next_blockquote);
                self.next_blockquote += 1;
                self.start_block(BlockKind::Paragraph);
            }
            ElementRole::Footer => {
                self.footer_depth += 1;
                self.start_block(BlockKind::Paragraph);
            }
            ElementRole::InlineQuote => self.open_q.push(self.current.text.len()),
            ElementRole::Cite => self.open_cite.push(self.current.text.len()),
            ElementRole::Break => self.push(None, " "),
            ElementRole::Skip | ElementRole::Inline => {}
        }
    }

    /// Leaves an element.
    pub fn close(&mut self, role: ElementRole) {
        match role {
            ElementRole::Block(_) => self.start_block(BlockKind::Paragraph),
            ElementRole::Blockquote => {
                self.flush();
                self.blockquotes.pop();
                self.start_block(BlockKind::Paragraph);
            }
            ElementRole::Footer => {
                self.flush();
                self.footer_depth = self.footer_depth.saturating_sub(1);
                self.start_block(BlockKind::Paragraph);
            }
            ElementRole::InlineQuote => {
                if let Some(start) = self.open_q.pop() {
                    let end = self.current.text.len();
                    if end > start {
                        self.current.inline_quotes.push(start..end);
                    }
                }
            }
            ElementRole::Cite => {
                if let Some(start) = self.open_cite.pop() {
                    let end = self.current.text.len();
                    if end > start {
                        self.current.cites.push(start..end);
                    }
                }
            }
            ElementRole::Break | ElementRole::Skip | ElementRole::Inline => {}
        }
    }

    /// Adds the text of one text node.
    pub fn text(&mut self, node: NodeId, text: &str) {
        self.push(Some(node), text);
    }

    /// The page.
    pub fn finish(mut self) -> Page {
        self.flush();
        self.page
    }

    fn push(&mut self, node: Option<NodeId>, text: &str) {
        if text.is_empty() {
            return;
        }
        self.current.segments.push(Segment {
            start: self.current.text.len(),
            node,
            node_offset: Utf16(0),
        });
        self.current.text.push_str(text);
    }

    fn start_block(&mut self, kind: BlockKind) {
        self.flush();
        self.current.kind = kind;
    }

    /// Ends the current block (keeping it if it has any visible text) and
    /// starts an empty one in the current context.
    fn flush(&mut self) {
        let blockquote = self.blockquotes.last().copied();
        let footer = self.footer_depth > 0 && blockquote.is_some();
        let kind = self.current.kind;
        let done = std::mem::replace(&mut self.current, empty_block(kind, blockquote, footer));
        // Elements left open across a block boundary cannot be placed.
        self.open_q.clear();
        self.open_cite.clear();
        if done.text.chars().any(|c| !c.is_whitespace()) {
            self.page.blocks.push(done);
        }
    }
}

fn empty_block(kind: BlockKind, blockquote: Option<u32>, footer: bool) -> Block {
    Block {
        text: String::new(),
        kind,
        blockquote,
        footer,
        segments: Vec::new(),
        inline_quotes: Vec::new(),
        cites: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: ElementRole = ElementRole::Block(BlockKind::Paragraph);

    #[test]
    fn nested_blocks_split_text_like_anonymous_boxes() {
        let mut b = PageBuilder::new();
        b.open(P); // <article>
        b.text(0, "\n");
        b.open(P);
        b.text(1, "one");
        b.close(P);
        b.text(2, "loose text");
        b.open(P);
        b.text(3, "two");
        b.close(P);
        b.close(P);
        let page = b.finish();
        let texts: Vec<_> = page.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["one", "loose text", "two"]);
    }

    #[test]
    fn blockquote_blocks_share_a_group_and_footer_is_marked() {
        let mut b = PageBuilder::new();
        b.open(ElementRole::Blockquote);
        b.open(P);
        b.text(0, "a");
        b.close(P);
        b.open(P);
        b.text(1, "b");
        b.close(P);
        b.open(ElementRole::Footer);
        b.text(2, "— X");
        b.close(ElementRole::Footer);
        b.close(ElementRole::Blockquote);
        b.open(P);
        b.text(3, "after");
        b.close(P);
        let page = b.finish();
        let groups: Vec<_> = page
            .blocks
            .iter()
            .map(|b| (b.text.as_str(), b.blockquote, b.footer))
            .collect();
        assert_eq!(
            groups,
            [
                ("a", Some(0), false),
                ("b", Some(0), false),
                ("— X", Some(0), true),
                ("after", None, false)
            ]
        );
    }

    #[test]
    fn locate_maps_bytes_to_node_and_utf16() {
        let mut b = PageBuilder::new();
        b.open(P);
        b.text(7, "“Hé");
        b.open(ElementRole::Break);
        b.text(8, "llo”");
        b.close(P);
        let block = &b.finish().blocks[0];
        assert_eq!(block.text, "“Hé llo”");
        // "l" after the break: start of node 8.
        let l = block.text.find('l').unwrap();
        assert_eq!(block.locate(l, false), Some((8, Utf16(0))));
        // End just before the break: end of node 7 ("“Hé" is 3 UTF-16 units).
        let space = block.text.find(' ').unwrap();
        assert_eq!(block.locate(space, true), Some((7, Utf16(3))));
        // A start on the made-up space snaps forward, an end snaps back.
        assert_eq!(block.locate(space, false), Some((8, Utf16(0))));
        assert_eq!(block.locate(space + 1, true), Some((7, Utf16(3))));
        assert_eq!(block.locate(block.text.len(), true), Some((8, Utf16(4))));
    }

    #[test]
    fn q_and_cite_ranges_are_recorded() {
        let mut b = PageBuilder::new();
        b.open(P);
        b.text(0, "He called it ");
        b.open(ElementRole::InlineQuote);
        b.text(1, "a farce");
        b.close(ElementRole::InlineQuote);
        b.text(2, ".");
        b.close(P);
        let block = &b.finish().blocks[0];
        assert_eq!(&block.text[block.inline_quotes[0].clone()], "a farce");
    }
}

// proptest is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn collapsing_whitespace_is_joining_what_split_whitespace_leaves(
            s in "[a ’\t\n\u{0B}\u{0C}\r\u{85}\u{A0}\u{1680}\u{2000}-\u{200B}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{2019}é😀]{0,24}",
        ) {
            prop_assert_eq!(collapse_whitespace(&s), s.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }

    #[test]
    fn the_byte_test_for_whitespace_agrees_with_char_on_every_char() {
        let mut buf = [0u8; 4];
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let len = whitespace_len(bytes, 0);
            assert_eq!(len > 0, c.is_whitespace(), "{c:?}");
            assert!(len == 0 || len == bytes.len(), "{c:?}");
        }
    }
}
