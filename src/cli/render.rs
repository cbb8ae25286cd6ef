//! `render`: the widget's annotations written into the page as static
//! HTML, for static sites, RSS and readers without JavaScript.
//!
//! The page is parsed once ([`html::read_document`]); the engine reads its
//! text; then, in the same tree, each quote's words are wrapped in
//! `<mark data-qa-mark>` (one per text node, as the widget's fallback does)
//! and a badge is added per quote:
//!
//! ```html
//! <details class="qa-badge" data-qa-quote="4" data-qa-source="hrw" data-qa-theme="auto" data-state="named">
//!   <summary>Source: Human Rights Watch</summary>
//!   <div class="qa-card" role="group" aria-label="Source: Human Rights Watch">…</div>
//! </details>
//! ```
//!
//! with the words of [`Annotation::card`], and one `<style>` block
//! ([`STYLE`]) equivalent to the widget's. The tree is serialised by
//! html5ever, so every string from the page or the manifest is written as
//! escaped text or attribute values: nothing is ever pasted as markup.
//! Links are written only for http and https URLs, with
//! `rel="noopener noreferrer"`.
//!
//! Where the badge goes: right after the quote when the quote's text sits
//! in an element that may hold a `<details>` (a list item, a cell, a div, a
//! blockquote); otherwise — in a paragraph, a heading, a link, `<q>` — right
//! after that element. HTML does not allow `<details>` inside a `<p>`: the
//! parser would end the paragraph at it and split it in two, so an inline
//! badge there would not survive being loaded.
//!
//! The widget's own `<script>` tags (the embed script, an inline manifest)
//! are left out, so the page is not annotated twice; nothing else is
//! changed. This module decides nothing about quotes: it writes the
//! engine's [`Report`] back, as `dom/` does in the browser.

use super::html::{self, Document};
use super::{load_manifest, read_input, write_stdout, Unusable};
use crate::manifest::Manifest;
use crate::report::{Annotation, Card, Report};
use crate::text::offsets::utf16_to_utf8;
use crate::Engine;
use ego_tree::{NodeId, Tree};
use scraper::node::{Attributes, Element, Text};
use scraper::{Html, Node, StrTendril};
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

/// The styles of marks and badges: the widget's (`dom/badge.rs`,
/// `SHADOW_CSS` and `DOCUMENT_CSS`) for a `<details>` badge in the page
/// instead of a button in a shadow root, themed by the same custom
/// properties (docs/styling.md). A test holds the two to the same set of
/// custom properties.
pub const STYLE: &str = r#"
mark[data-qa-mark] { background-color: var(--qa-highlight, rgb(255 221 120 / 0.45)); color: inherit; }
mark[data-qa-mark="unattributed"] { background-color: var(--qa-highlight-unattributed, rgb(190 190 190 / 0.35)); }
details.qa-badge {
  display: inline-block; vertical-align: top; max-inline-size: 100%;
  margin: 0 0.35em 0.35em 0.25em; text-indent: 0; font-style: normal;
}
details.qa-badge > summary {
  font: 600 0.75rem/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  padding: 0 0.6em; border: 1px solid var(--qa-badge-border, #5b6fb5); border-radius: 1em;
  background: var(--qa-badge-bg, #eef1fb); color: var(--qa-badge-fg, #1f2d5c);
  cursor: pointer; -webkit-user-select: none; user-select: none;
}
details.qa-badge[data-state="anonymous"] > summary { border-style: dashed; }
details.qa-badge[data-state="unattributed"] > summary {
  background: var(--qa-badge-unattributed-bg, #f3f3f3);
  color: var(--qa-badge-unattributed-fg, #444); border-color: #888;
}
details.qa-badge > summary:focus-visible { outline: 3px solid var(--qa-focus, #1a5fd0); outline-offset: 2px; }
details.qa-badge .qa-card {
  box-sizing: border-box; max-inline-size: min(24rem, calc(100vw - 2rem));
  margin: 0.35rem 0; padding: 0.9rem 1rem; border: 1px solid var(--qa-card-border, #c5cbe0);
  border-radius: 0.5rem; background: var(--qa-card-bg, #fff); color: var(--qa-card-fg, #1b1b1b);
  font: 400 0.95rem/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.18); text-align: start; white-space: normal;
}
details.qa-badge .qa-card p { margin: 0 0 0.35rem; unicode-bidi: plaintext; }
details.qa-badge .qa-name { font-weight: 700; font-size: 1.05rem; }
details.qa-badge .qa-kind { color: var(--qa-card-muted, #555); }
details.qa-badge .qa-flag { display: inline-block; font-weight: 600; padding: 0 0.4em; border-radius: 0.3em;
  background: var(--qa-flag-bg, #fff4d6); color: var(--qa-flag-fg, #5c4300); }
details.qa-badge .qa-how { color: var(--qa-card-muted, #555); font-size: 0.88rem; }
details.qa-badge .qa-card a { color: var(--qa-link, #1a4fb5); }
details.qa-badge[data-qa-theme="dark"] > summary { --qa-badge-bg: #26304f; --qa-badge-fg: #e6e9f5; --qa-badge-border: #8c9bd6; }
details.qa-badge[data-qa-theme="dark"] .qa-card { --qa-card-bg: #1d2030; --qa-card-fg: #eceef6; --qa-card-border: #3c4463; --qa-card-muted: #b7bcd0; --qa-link: #9fb8ff; }
@media (prefers-color-scheme: dark) {
  details.qa-badge[data-qa-theme="auto"] > summary { --qa-badge-bg: #26304f; --qa-badge-fg: #e6e9f5; --qa-badge-border: #8c9bd6; }
  details.qa-badge[data-qa-theme="auto"] .qa-card { --qa-card-bg: #1d2030; --qa-card-fg: #eceef6; --qa-card-border: #3c4463; --qa-card-muted: #b7bcd0; --qa-link: #9fb8ff; }
}
@media (forced-colors: active) {
  mark[data-qa-mark] { background-color: Mark; color: MarkText; }
  details.qa-badge > summary, details.qa-badge .qa-card { border: 1px solid CanvasText; background: Canvas; color: CanvasText; forced-color-adjust: auto; }
}
@media print {
  details.qa-badge .qa-card { display: none; }
  details.qa-badge > summary { border: none; background: none; padding: 0; }
}
"#;

/// Elements whose content may hold a `<details>` (flow content): a badge
/// may go straight into them. Anything else (`p`, `h1`, `a`, `em`, `q`,
/// `span`, `pre`, …) allows only phrasing content, and the badge goes
/// after it instead.
const FLOW_CONTAINERS: &[&str] = &[
    "div",
    "li",
    "dd",
    "dt",
    "td",
    "th",
    "blockquote",
    "figure",
    "figcaption",
    "section",
    "article",
    "main",
    "aside",
    "header",
    "footer",
    "nav",
    "body",
    "details",
    "dialog",
    "form",
    "fieldset",
    "caption",
    "address",
    "search",
    "center",
    "template",
];

/// The markup every element `render` writes is cloned from: html5ever's
/// own elements and attribute names, so nothing is spelt by hand.
const PROTOTYPES: &str = r#"<mark data-qa-mark=""></mark><details class="" data-qa-quote="" data-qa-source="" data-qa-theme="" data-state="" role="" aria-label="" href="" rel="" target="" type="" data-qa-render="" data-qa-jsonld=""><summary></summary><div></div><p></p><span></span><a></a></details><style></style><script></script>"#;

/// `render`: prints the annotated page.
pub fn run(manifest: Option<&Path>, root: Option<&str>, page: &Path) -> Result<i32, Unusable> {
    let manifest = load_manifest(manifest)?;
    let bytes = read_input(page)?;
    let label = if page == Path::new("-") {
        "<stdin>".to_owned()
    } else {
        page.display().to_string()
    };
    let text = html::decode(&bytes).map_err(|e| Unusable(format!("{label}: {e}")))?;
    let doc = html::read_document(
        &text,
        root.or(manifest.options.root.as_deref()),
        &manifest.options.exclude,
    )
    .map_err(|e| Unusable(format!("{label}: {e}")))?;
    let engine = Engine::new(manifest);
    let report = engine.analyze(&doc.page);
    write_stdout(&render(doc, &report, engine.manifest()))?;
    Ok(0)
}

/// The page of `doc` with `report` written into it, serialised.
///
/// ```
/// use quote_attribution::cli::{html, render::render};
/// use quote_attribution::{manifest, Engine};
/// let m = manifest::parse(r#"{"version": 1, "sources": [{"id": "hrw",
///     "name": "Human Rights Watch", "kind": "organization"}]}"#).unwrap().manifest;
/// let doc = html::read_document("<article><p>Human Rights Watch called it “a <b>rogue’s</b> gallery.”</p></article>",
///     None, &[]).unwrap();
/// let engine = Engine::new(m);
/// let report = engine.analyze(&doc.page);
/// let out = render(doc, &report, engine.manifest());
/// assert!(out.contains(r#"<mark data-qa-mark="quote">a </mark><b><mark data-qa-mark="quote">rogue’s</mark></b>"#));
/// assert!(out.contains(r#"</p><details class="qa-badge" data-qa-quote="0" data-qa-source="hrw""#));
/// assert!(out.contains("<summary>Source: Human Rights Watch</summary>"));
/// ```
pub fn render(mut doc: Document, report: &Report, manifest: &Manifest) -> String {
    let make = Maker::new();
    let plan = plan(&doc, report);
    let theme = manifest.options.theme.as_str();
    let tree = &mut doc.html.tree;

    // Text nodes split into text, marks and inline badges.
    for (node, cuts) in plan.texts {
        let Some(text) = text_of(tree, node) else {
            continue;
        };
        let pieces = pieces(&text, cuts);
        if let [Piece::Text(only)] = pieces.as_slice() {
            if *only == text {
                continue;
            }
        }
        for piece in pieces {
            let new = match piece {
                Piece::Text(t) => tree.orphan(make.text(&t)).id(),
                Piece::Mark(t, unattributed) => {
                    let value = if unattributed {
                        "unattributed"
                    } else {
                        "quote"
                    };
                    let mut mark = tree.orphan(make.element("mark", &[("data-qa-mark", value)]));
                    mark.append(make.text(&t));
                    mark.id()
                }
                Piece::Badge(q) => badge(tree, &make, report, manifest, q, theme),
            };
            if let Some(mut at) = tree.get_mut(node) {
                at.insert_id_before(new);
            }
        }
        if let Some(mut old) = tree.get_mut(node) {
            old.detach();
        }
    }
    // Badges after the element that cannot hold them, in quote order.
    for (after, quotes) in plan.after {
        let mut last = after;
        for q in quotes {
            let new = badge(tree, &make, report, manifest, q, theme);
            if let Some(mut at) = tree.get_mut(last) {
                at.insert_id_after(new);
            }
            last = new;
        }
    }
    remove_own_scripts(tree);
    noscript_as_markup(tree);
    if let Some(head) = find(tree, "head") {
        let mut style = tree.orphan(make.element("style", &[("data-qa-render", "")]));
        style.append(make.text(STYLE));
        let style = style.id();
        if let Some(mut h) = tree.get_mut(head) {
            h.append_id(style);
        }
        if manifest.options.json_ld && !report.quotes.is_empty() {
            let ld = report.json_ld(manifest);
            let mut script = tree.orphan(make.element(
                "script",
                &[("type", "application/ld+json"), ("data-qa-jsonld", "")],
            ));
            script.append(make.text(&ld));
            let script = script.id();
            if let Some(mut h) = tree.get_mut(head) {
                h.append_id(script);
            }
        }
    }
    doc.html.html()
}

/// Where one text node is cut: marked byte ranges (and whether their quote
/// has no source) and badge points (byte, quote).
#[derive(Default)]
struct Cuts {
    marks: Vec<(Range<usize>, bool)>,
    badges: Vec<(usize, usize)>,
}

/// Everything to change, worked out before the tree changes.
struct Plan {
    /// Text nodes to split, in document order.
    texts: Vec<(NodeId, Cuts)>,
    /// Elements to put badges after, with their quotes in order.
    after: Vec<(NodeId, Vec<usize>)>,
}

fn plan(doc: &Document, report: &Report) -> Plan {
    let tree = &doc.html.tree;
    let mut texts: HashMap<NodeId, Cuts> = HashMap::new();
    let mut order: Vec<NodeId> = Vec::new();
    let mut after: Vec<(NodeId, Vec<usize>)> = Vec::new();
    for (q, a) in report.quotes.iter().enumerate() {
        let unattributed = a.source.is_none();
        for span in &a.parts {
            for (node, range) in node_ranges(doc, span.block, span.range.clone()) {
                if !texts.contains_key(&node) {
                    order.push(node);
                }
                texts
                    .entry(node)
                    .or_default()
                    .marks
                    .push((range, unattributed));
            }
        }
        let Some((node, at)) = anchor(doc, a) else {
            continue;
        };
        match hoist(tree, node) {
            None => {
                if !texts.contains_key(&node) {
                    order.push(node);
                }
                texts.entry(node).or_default().badges.push((at, q));
            }
            Some(element) => match after.iter_mut().find(|(e, _)| *e == element) {
                Some((_, quotes)) => quotes.push(q),
                None => after.push((element, vec![q])),
            },
        }
    }
    Plan {
        texts: order
            .into_iter()
            .filter_map(|id| texts.remove(&id).map(|c| (id, c)))
            .collect(),
        after,
    }
}

/// The text nodes a block range covers, with node-local byte ranges.
fn node_ranges(doc: &Document, block: usize, range: Range<usize>) -> Vec<(NodeId, Range<usize>)> {
    let Some(b) = doc.page.blocks.get(block) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, seg) in b.segments.iter().enumerate() {
        let end = b.segments.get(i + 1).map_or(b.text.len(), |s| s.start);
        let (s, e) = (range.start.max(seg.start), range.end.min(end));
        let Some(node) = seg.node else { continue };
        if s >= e {
            continue;
        }
        let Some(&id) = doc.nodes.get(node as usize) else {
            continue;
        };
        let Some(text) = text_of(&doc.html.tree, id) else {
            continue;
        };
        let Some(base) = utf16_to_utf8(&text, seg.node_offset) else {
            continue;
        };
        let local = (s - seg.start + base)..(e - seg.start + base);
        // The model's text is the node's: anything else is a bug, not a
        // reason to write the wrong words.
        if text.get(local.clone()) == b.text.get(s..e) {
            out.push((id, local));
        }
    }
    out
}

/// The text node and byte where a quote's badge goes (just after its
/// closing mark), found as the widget finds it.
fn anchor(doc: &Document, a: &Annotation) -> Option<(NodeId, usize)> {
    let (b, at) = a.anchor;
    let (node, offset) = doc.page.blocks.get(b)?.locate(at, true)?;
    let id = *doc.nodes.get(node as usize)?;
    let text = text_of(&doc.html.tree, id)?;
    Some((id, utf16_to_utf8(&text, offset)?))
}

/// `None` when a `<details>` may go right into the text node's parent;
/// else the outermost phrasing element around it, to put the badge after.
fn hoist(tree: &Tree<Node>, text: NodeId) -> Option<NodeId> {
    let mut child = tree.get(text)?;
    let mut hoisted = None;
    while let Some(parent) = child.parent() {
        match parent.value() {
            Node::Element(e) if !FLOW_CONTAINERS.contains(&e.name()) && e.name() != "html" => {
                hoisted = Some(parent.id());
                child = parent;
            }
            _ => break,
        }
    }
    hoisted
}

/// A piece of a split text node.
#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    /// Marked text, and whether its quote has no source.
    Mark(String, bool),
    /// The badge of a quote.
    Badge(usize),
}

/// Splits `text` at its marks and badge points. Overlapping marks are
/// merged (a source wins over none); a badge inside a mark moves to its end.
fn pieces(text: &str, mut cuts: Cuts) -> Vec<Piece> {
    cuts.marks.sort_by_key(|(r, _)| (r.start, r.end));
    let mut marks: Vec<(Range<usize>, bool)> = Vec::new();
    for (r, unattributed) in cuts.marks {
        if r.is_empty() || r.end > text.len() {
            continue;
        }
        match marks.last_mut() {
            Some((last, flag)) if r.start < last.end => {
                last.end = last.end.max(r.end);
                *flag = *flag && unattributed;
            }
            _ => marks.push((r, unattributed)),
        }
    }
    let mut badges: Vec<(usize, usize)> = cuts
        .badges
        .into_iter()
        .map(|(at, q)| {
            let at = at.min(text.len());
            let inside = marks.iter().find(|(r, _)| r.start < at && at < r.end);
            (inside.map_or(at, |(r, _)| r.end), q)
        })
        .collect();
    badges.sort();
    let mut points: Vec<usize> = vec![0, text.len()];
    points.extend(marks.iter().flat_map(|(r, _)| [r.start, r.end]));
    points.extend(badges.iter().map(|(at, _)| *at));
    points.sort_unstable();
    points.dedup();
    let mut out = Vec::new();
    for (k, &x) in points.iter().enumerate() {
        out.extend(
            badges
                .iter()
                .filter(|(at, _)| *at == x)
                .map(|(_, q)| Piece::Badge(*q)),
        );
        let Some(&y) = points.get(k + 1) else { break };
        let (Some(words), true) = (text.get(x..y), x < y) else {
            continue;
        };
        match marks.iter().find(|(r, _)| r.start <= x && y <= r.end) {
            Some((_, unattributed)) => out.push(Piece::Mark(words.to_owned(), *unattributed)),
            None => out.push(Piece::Text(words.to_owned())),
        }
    }
    out
}

/// Builds the badge of quote `q` as an orphan subtree.
fn badge(
    tree: &mut Tree<Node>,
    make: &Maker,
    report: &Report,
    manifest: &Manifest,
    q: usize,
    theme: &str,
) -> NodeId {
    let a = &report.quotes[q];
    let card: Card = a.card(manifest);
    let index = q.to_string();
    let state = card.state();
    let source_id = a
        .source
        .and_then(|s| manifest.sources.get(s))
        .map(|s| s.id.clone());
    let mut attrs = vec![("class", "qa-badge"), ("data-qa-quote", index.as_str())];
    if let Some(id) = &source_id {
        attrs.push(("data-qa-source", id));
    }
    attrs.extend([("data-qa-theme", theme), ("data-state", state)]);
    let details = tree.orphan(make.element("details", &attrs)).id();
    let append = |tree: &mut Tree<Node>, parent: NodeId, node: Node| -> Option<NodeId> {
        Some(tree.get_mut(parent)?.append(node).id())
    };
    let summary = append(tree, details, make.element("summary", &[]));
    if let Some(summary) = summary {
        append(tree, summary, make.text(&card.label));
    }
    let Some(panel) = append(
        tree,
        details,
        make.element(
            "div",
            &[
                ("class", "qa-card"),
                ("role", "group"),
                ("aria-label", &card.label),
            ],
        ),
    ) else {
        return details;
    };
    let line = |tree: &mut Tree<Node>, class: &str, text: &str| {
        if let Some(p) = append(tree, panel, make.element("p", &[("class", class)])) {
            append(tree, p, make.text(text));
        }
    };
    let link = |tree: &mut Tree<Node>, url: &str, text: &str| {
        if !is_http(url) {
            return;
        }
        let Some(p) = append(tree, panel, make.element("p", &[])) else {
            return;
        };
        let attrs = [
            ("href", url),
            ("rel", "noopener noreferrer"),
            ("target", "_blank"),
        ];
        if let Some(a) = append(tree, p, make.element("a", &attrs)) {
            append(tree, a, make.text(text));
        }
    };
    line(
        tree,
        "qa-name",
        card.name.as_deref().unwrap_or("Unattributed quote"),
    );
    if card.anonymous || card.unattributed {
        if let Some(p) = append(tree, panel, make.element("p", &[])) {
            if let Some(flag) = append(tree, p, make.element("span", &[("class", "qa-flag")])) {
                let words = if card.anonymous {
                    "Anonymous source"
                } else {
                    "Not attributed by the publisher"
                };
                append(tree, flag, make.text(words));
            }
        }
    }
    line(tree, "qa-kind", card.kind);
    if let Some(role) = &card.role {
        line(tree, "qa-role", role);
    }
    if let Some(d) = &card.description {
        line(tree, "qa-description", d);
    }
    if let Some(url) = &card.url {
        link(tree, url, "More about this source");
    }
    line(tree, "qa-how", &card.how);
    if let Some(date) = &card.date {
        line(tree, "qa-date", &format!("Said on {date}"));
    }
    if let Some(citation) = &card.citation {
        link(tree, citation, "Where this was said");
    }
    details
}

/// Only http and https links reach readers (the manifest refuses others
/// already; this is the second lock).
fn is_http(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Removes the widget's scripts: the embed script and an inline manifest
/// (and a JSON-LD block it added, should the page have been saved from a
/// browser), so the static page is not annotated a second time.
fn remove_own_scripts(tree: &mut Tree<Node>) {
    let ours: Vec<NodeId> = tree
        .nodes()
        .filter(|n| match n.value() {
            Node::Element(e) if e.name() == "script" => {
                e.attr("data-manifest").is_some()
                    || e.attr("data-quote-manifest").is_some()
                    || e.attr("data-qa-jsonld").is_some()
                    || e.attr("src")
                        .is_some_and(|s| s.contains("quote-attribution"))
            }
            _ => false,
        })
        .map(|n| n.id())
        .collect();
    for id in ours {
        if let Some(mut n) = tree.get_mut(id) {
            n.detach();
        }
    }
}

/// html5ever parses a `<noscript>`'s content as raw text (as a browser with
/// scripting does) but serialises it escaped (as if scripting were off), so
/// "<p>Enable JavaScript</p>" would come back as "&lt;p&gt;…". Parsing
/// that text into nodes first makes the serialiser write it as markup, which
/// reads back as the same raw text.
fn noscript_as_markup(tree: &mut Tree<Node>) {
    let texts: Vec<(NodeId, String)> = tree
        .nodes()
        .filter(|n| matches!(n.value(), Node::Text(_)))
        .filter(|n| {
            n.parent()
                .is_some_and(|p| matches!(p.value(), Node::Element(e) if e.name() == "noscript"))
        })
        .filter_map(|n| match n.value() {
            Node::Text(t) => Some((n.id(), t.text.to_string())),
            _ => None,
        })
        .collect();
    for (id, markup) in texts {
        let fragment = Html::parse_fragment(&markup);
        // The fragment's nodes sit under its <html> element.
        let Some(top) = fragment
            .tree
            .root()
            .children()
            .find(|c| matches!(c.value(), Node::Element(_)))
        else {
            continue;
        };
        for child in top.children() {
            let copy = copy_into(tree, child);
            if let Some(mut at) = tree.get_mut(id) {
                at.insert_id_before(copy);
            }
        }
        if let Some(mut old) = tree.get_mut(id) {
            old.detach();
        }
    }
}

/// A copy of `node` and everything under it, as an orphan of `tree`.
fn copy_into(tree: &mut Tree<Node>, node: ego_tree::NodeRef<'_, Node>) -> NodeId {
    let id = tree.orphan(node.value().clone()).id();
    // Iterative, so deep markup cannot overflow the stack.
    let mut stack: Vec<(ego_tree::NodeRef<'_, Node>, NodeId)> = vec![(node, id)];
    while let Some((from, to)) = stack.pop() {
        for child in from.children() {
            let Some(new) = tree
                .get_mut(to)
                .map(|mut t| t.append(child.value().clone()).id())
            else {
                continue;
            };
            stack.push((child, new));
        }
    }
    id
}

fn find(tree: &Tree<Node>, tag: &str) -> Option<NodeId> {
    tree.nodes()
        .find(|n| matches!(n.value(), Node::Element(e) if e.name() == tag))
        .map(|n| n.id())
}

fn text_of(tree: &Tree<Node>, id: NodeId) -> Option<String> {
    match tree.get(id)?.value() {
        Node::Text(t) => Some(t.text.to_string()),
        _ => None,
    }
}

/// Makes nodes from the parsed [`PROTOTYPES`].
struct Maker {
    elements: HashMap<String, Element>,
    attributes: Attributes,
}

impl Maker {
    fn new() -> Maker {
        let proto = Html::parse_fragment(PROTOTYPES);
        let mut elements = HashMap::new();
        let mut attributes = Attributes::default();
        for node in proto.tree.nodes() {
            if let Node::Element(e) = node.value() {
                attributes.extend(e.attrs.iter().cloned());
                elements
                    .entry(e.name().to_owned())
                    .or_insert_with(|| e.clone());
            }
        }
        Maker {
            elements,
            attributes,
        }
    }

    /// An element `tag` with `attrs` (names from the prototypes; unknown
    /// names are left out, which a unit test rules out).
    fn element(&self, tag: &str, attrs: &[(&str, &str)]) -> Node {
        let Some(proto) = self.elements.get(tag) else {
            return self.text("");
        };
        let mut e = proto.clone();
        e.attrs = attrs
            .iter()
            .filter_map(|(name, value)| {
                self.attributes
                    .iter()
                    .find(|(q, _)| &*q.local == *name)
                    .map(|(q, _)| (q.clone(), StrTendril::from_slice(value)))
            })
            .collect();
        Node::Element(e)
    }

    fn text(&self, text: &str) -> Node {
        Node::Text(Text {
            text: StrTendril::from_slice(text),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_html(page: &str, manifest: &str) -> String {
        let m = crate::manifest::parse(manifest).unwrap().manifest;
        let doc = html::read_document(page, None, &[]).unwrap();
        let engine = Engine::new(m);
        let report = engine.analyze(&doc.page);
        render(doc, &report, engine.manifest())
    }

    const M: &str = r#"{"version": 1, "sources": [{"id": "ruiz", "name": "Elena Ruiz",
        "url": "https://example.org/ruiz", "description": "<img src=x onerror=alert(1)>"},
        {"id": "bad", "name": "Bad", "aliases": ["the bad one"]}]}"#;

    #[test]
    fn every_element_and_attribute_has_a_prototype() {
        let m = Maker::new();
        for tag in [
            "mark", "details", "summary", "div", "p", "span", "a", "style", "script",
        ] {
            assert!(m.elements.contains_key(tag), "{tag}");
        }
        for attr in [
            "class",
            "data-qa-mark",
            "data-qa-quote",
            "data-qa-source",
            "data-qa-theme",
            "data-state",
            "role",
            "aria-label",
            "href",
            "rel",
            "target",
            "type",
            "data-qa-render",
            "data-qa-jsonld",
        ] {
            assert!(
                m.attributes.iter().any(|(q, _)| &*q.local == attr),
                "{attr}"
            );
        }
    }

    #[test]
    fn badge_placement_follows_the_content_model() {
        let out = render_html(
            "<article><ul><li>“Yes,” Ruiz said.</li></ul><p>“No,” <a href=/x>Ruiz said</a>.</p>\
             <p><q>Maybe</q>, said Ruiz.</p></article>",
            M,
        );
        // In a list item, right after the quote.
        assert!(
            out.contains(r#"<li>“<mark data-qa-mark="quote">Yes,</mark>”<details class="qa-badge" data-qa-quote="0""#),
            "{out}"
        );
        // In a paragraph, after it; in a <q>, after it too (then after the p).
        assert!(
            out.contains(r#".</p><details class="qa-badge" data-qa-quote="1""#),
            "{out}"
        );
        assert!(
            out.contains(r#"</p><details class="qa-badge" data-qa-quote="2""#),
            "{out}"
        );
        // Re-parsing keeps every paragraph whole: no details inside a p.
        let again = Html::parse_document(&out);
        let p_with_details = scraper::Selector::parse("p details").unwrap();
        assert_eq!(again.select(&p_with_details).count(), 0);
    }

    #[test]
    fn manifest_strings_are_text_and_links_are_safe() {
        let out = render_html("<article><p>“We build,” said Elena Ruiz.</p></article>", M);
        assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains(
            r#"<a href="https://example.org/ruiz" rel="noopener noreferrer" target="_blank">More about this source</a>"#
        ), "{out}");
    }

    #[test]
    fn own_scripts_go_and_styles_come() {
        let page = r#"<html><head><script type="module" src="/quote-attribution/embed.js" data-manifest="/q.json"></script>
            <script type="application/json" data-quote-manifest>{}</script><script src="/site.js"></script></head>
            <body><article><p>“Hi,” said Elena Ruiz.</p></article></body></html>"#;
        let out = render_html(page, M);
        assert!(
            !out.contains("embed.js") && !out.contains("data-quote-manifest"),
            "{out}"
        );
        assert!(out.contains(r#"<script src="/site.js"></script>"#), "{out}");
        assert!(out.contains("<style data-qa-render=\"\">"), "{out}");
    }

    #[test]
    fn noscript_survives_a_round_trip() {
        let page = "<body><noscript><p>Enable <b>JavaScript</b> &amp; reload.</p></noscript>\
            <article><p>“Hi,” said Elena Ruiz.</p></article></body>";
        let out = render_html(page, M);
        assert!(
            out.contains("<noscript><p>Enable <b>JavaScript</b> &amp; reload.</p></noscript>"),
            "{out}"
        );
    }

    #[test]
    fn pieces_merge_and_move() {
        let cuts = Cuts {
            marks: vec![(0..4, true), (2..6, false)],
            badges: vec![(3, 0), (8, 1)],
        };
        assert_eq!(
            pieces("abcdefgh", cuts),
            [
                Piece::Mark("abcdef".into(), false),
                Piece::Badge(0),
                Piece::Text("gh".into()),
                Piece::Badge(1)
            ]
        );
    }

    #[test]
    fn styles_cover_the_widget_custom_properties() {
        let widget = include_str!("../dom/badge.rs");
        let props = |css: &str| -> std::collections::BTreeSet<String> {
            css.match_indices("var(--qa-")
                .map(|(i, _)| {
                    css[i + 4..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .collect()
                })
                .collect()
        };
        let missing: Vec<String> = props(widget).difference(&props(STYLE)).cloned().collect();
        assert!(missing.is_empty(), "render's STYLE lacks {missing:?}");
    }
}
