//! The badge after each quote: a disclosure button opening a source card.
//!
//! Per the WAI-ARIA disclosure pattern (not a tooltip, since the card holds
//! links): a real `<button>` with an accessible name and `aria-expanded`,
//! controlling a non-modal `popover="auto"` card in the top layer — Esc and
//! a click outside close it, and focus returns to the button.
//!
//! Everything lives in a Shadow DOM styled by one constructable stylesheet,
//! so page CSS neither leaks in nor out, and no `style` attribute is set
//! (a strict CSP allows it). All text is set as text, never as markup.

use crate::report::Card;
use crate::text::OWN_ATTRIBUTE;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::intern;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Document, Element, HtmlElement, Text};

/// Styles inside each badge's shadow root. Themed by CSS custom properties
/// the page may set (documented in docs/styling.md).
pub const SHADOW_CSS: &str = r#"
:host { all: initial; display: inline; font-size: inherit; -webkit-user-select: none; user-select: none; }
button {
  font: 600 0.68em/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  margin-inline-start: 0.25em; padding: 0 0.5em; vertical-align: 0.35em;
  border: 1px solid var(--qa-badge-border, #5b6fb5); border-radius: 1em;
  background: var(--qa-badge-bg, #eef1fb); color: var(--qa-badge-fg, #1f2d5c);
  cursor: pointer;
}
button[data-state="anonymous"] { border-style: dashed; }
button[data-state="unattributed"] {
  background: var(--qa-badge-unattributed-bg, #f3f3f3);
  color: var(--qa-badge-unattributed-fg, #444); border-color: #888;
}
button:focus-visible { outline: 3px solid var(--qa-focus, #1a5fd0); outline-offset: 2px; }
.card {
  box-sizing: border-box; max-inline-size: min(24rem, calc(100vw - 2rem));
  margin: 0; padding: 0.9rem 1rem; border: 1px solid var(--qa-card-border, #c5cbe0);
  border-radius: 0.5rem; background: var(--qa-card-bg, #fff); color: var(--qa-card-fg, #1b1b1b);
  font: 0.95rem/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.18); text-align: start;
}
.card p { margin: 0 0 0.35rem; unicode-bidi: plaintext; }
.name { font-weight: 700; font-size: 1.05rem; }
.kind { text-transform: none; color: var(--qa-card-muted, #555); }
.flag { display: inline-block; font-weight: 600; padding: 0 0.4em; border-radius: 0.3em;
        background: var(--qa-flag-bg, #fff4d6); color: var(--qa-flag-fg, #5c4300); }
.how { color: var(--qa-card-muted, #555); font-size: 0.88rem; }
a { color: var(--qa-link, #1a4fb5); }
:host([data-qa-theme="dark"]) button { --qa-badge-bg: #26304f; --qa-badge-fg: #e6e9f5; --qa-badge-border: #8c9bd6; }
:host([data-qa-theme="dark"]) .card { --qa-card-bg: #1d2030; --qa-card-fg: #eceef6; --qa-card-border: #3c4463; --qa-card-muted: #b7bcd0; --qa-link: #9fb8ff; }
@media (prefers-color-scheme: dark) {
  :host([data-qa-theme="auto"]) button { --qa-badge-bg: #26304f; --qa-badge-fg: #e6e9f5; --qa-badge-border: #8c9bd6; }
  :host([data-qa-theme="auto"]) .card { --qa-card-bg: #1d2030; --qa-card-fg: #eceef6; --qa-card-border: #3c4463; --qa-card-muted: #b7bcd0; --qa-link: #9fb8ff; }
}
@media (forced-colors: active) {
  button, .card { border: 1px solid CanvasText; background: Canvas; color: CanvasText; forced-color-adjust: auto; }
}
@media (prefers-reduced-motion: no-preference) {
  .card:popover-open { animation: qa-in 120ms ease-out; }
  @keyframes qa-in { from { opacity: 0; transform: translateY(-2px); } }
}
/* The card sits next to its badge (CSS anchor positioning), flipping to
   stay on screen; without anchor positioning `place_card` sets its place. */
@supports (anchor-name: --a) {
  button { anchor-name: --qa-badge; }
  .card[popover] {
    position-anchor: --qa-badge; inset: auto; margin: 0.35rem 0;
    position-area: block-end span-inline-end;
    position-try-fallbacks: flip-block, flip-inline, flip-block flip-inline;
  }
}
.print { display: none; }
@media print {
  :host { display: none; }
  :host-context([data-qa-print="sources"]) { display: inline; }
  :host-context([data-qa-print="sources"]) button { display: none; }
  :host-context([data-qa-print="sources"]) .print { display: inline; }
}
"#;

/// Page-level styles: the highlights themselves (the Custom Highlight API
/// is styled from the document) and the `<mark>` fallback.
pub const DOCUMENT_CSS: &str = r#"
::highlight(qa-quote) { background-color: var(--qa-highlight, rgb(255 221 120 / 0.45)); }
::highlight(qa-quote-unattributed) { background-color: var(--qa-highlight-unattributed, rgb(190 190 190 / 0.35)); }
mark[data-qa-mark] { background-color: var(--qa-highlight, rgb(255 221 120 / 0.45)); color: inherit; }
mark[data-qa-mark="unattributed"] { background-color: var(--qa-highlight-unattributed, rgb(190 190 190 / 0.35)); }
@media (forced-colors: active) { mark[data-qa-mark] { background-color: Mark; color: MarkText; } }
"#;

/// A constructable stylesheet holding `css`.
pub fn stylesheet(css: &str) -> Result<CssStyleSheet, JsValue> {
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(css)?;
    Ok(sheet)
}

#[wasm_bindgen(module = "/src/dom/shell.js")]
extern "C" {
    /// shell.js's `Badges`: builds, inserts and removes the badge elements.
    type Badges;
    #[wasm_bindgen(constructor)]
    fn new(
        doc: &Document,
        sheet: &CssStyleSheet,
        theme: &str,
        own: &str,
        on_toggle: &JsValue,
    ) -> Badges;
    #[wasm_bindgen(method, catch)]
    #[allow(clippy::too_many_arguments)]
    fn add(
        this: &Badges,
        index: u32,
        source: Option<&str>,
        label: &str,
        state: &str,
        short: &str,
        text: &Text,
        offset: u32,
    ) -> Result<Option<Text>, JsValue>;
    #[wasm_bindgen(method)]
    fn remove(this: &Badges);
}

/// Called as a card opens or closes: (quote index, open, card, button, host).
type OnToggle = dyn FnMut(u32, bool, HtmlElement, Element, Element);

/// The badges of one annotate, the cards they open (filled on first open),
/// and the one listener every card shares.
pub struct BadgeSet {
    js: Badges,
    /// Each quote's card, by quote index, until it is first opened.
    cards: Rc<RefCell<Vec<Option<Card>>>>,
    _on_toggle: Closure<OnToggle>,
}

impl BadgeSet {
    /// An empty set for a report of `quotes` quotes in `doc`, styled by
    /// `sheet`, in the manifest's `theme`.
    pub fn new(doc: &Document, quotes: usize, theme: &str, sheet: &CssStyleSheet) -> BadgeSet {
        let cards = Rc::new(RefCell::new(vec![None; quotes]));
        let (pending, doc_for_card, sheet_for_card) = (cards.clone(), doc.clone(), sheet.clone());
        let on_toggle = Closure::<OnToggle>::new(
            move |index: u32, open: bool, panel: HtmlElement, button: Element, host: Element| {
                if open {
                    // The card's lines are made when it first opens: most
                    // cards never are, and thousands of filled cards cost the
                    // page style and layout.
                    let card = pending
                        .borrow_mut()
                        .get_mut(index as usize)
                        .and_then(Option::take);
                    if let Some(card) = card {
                        let _ = fill_card(&doc_for_card, &panel, &card);
                    }
                    if !super::js::anchor_positioning() {
                        let _ = place_card(&host, &button, &sheet_for_card);
                    }
                }
                let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
            },
        );
        BadgeSet {
            js: Badges::new(doc, sheet, theme, OWN_ATTRIBUTE, on_toggle.as_ref()),
            cards,
            _on_toggle: on_toggle,
        }
    }

    /// Builds the badge of quote `index` and inserts it at UTF-16 `offset`
    /// of `text`, splitting the node when the offset falls inside it: then
    /// the second half is returned.
    pub fn add(
        &self,
        index: usize,
        source_id: Option<&str>,
        card: Card,
        text: &Text,
        offset: u32,
    ) -> Result<Option<Text>, JsValue> {
        // The strings recur from badge to badge (a source's on each of its
        // quotes): interned, each is sent to JS once.
        let tail = self.js.add(
            index as u32,
            source_id.map(intern),
            intern(&card.label),
            intern(card.state()),
            intern(short_label(&card)),
            text,
            offset,
        )?;
        if let Some(slot) = self.cards.borrow_mut().get_mut(index) {
            *slot = Some(card);
        }
        Ok(tail)
    }

    /// Removes every badge from the page; cards a page script kept no
    /// longer react.
    pub fn remove(self) {
        self.js.remove();
    }
}

/// Where CSS anchor positioning is missing: puts the card under its badge,
/// or above it when there is more room there, inside the viewport, through a
/// small stylesheet of the badge's own — no `style` attribute. The card is
/// not open yet (this runs on `beforetoggle`), so the side with the room is
/// chosen and the card's height capped to it rather than measured.
fn place_card(host: &Element, button: &Element, shared: &CssStyleSheet) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let (vw, vh) = (
        window.inner_width()?.as_f64().unwrap_or(800.0),
        window.inner_height()?.as_f64().unwrap_or(600.0),
    );
    let b = button.get_bounding_client_rect();
    const GAP: f64 = 6.0;
    const EDGE: f64 = 8.0;
    // The stylesheet sets the card's width to min(24rem, 100vw - 2rem).
    let width = (vw - 32.0).min(384.0);
    // Whole pixels, and min/max rather than `clamp`: its panic message
    // would bring the float printer's bytes into the wasm.
    let left = b.left().min(vw - width - EDGE).max(EDGE) as i32;
    let below = vh - b.bottom() - GAP - EDGE;
    let above = b.top() - GAP - EDGE;
    let vertical = if below >= 240.0 || below >= above {
        let (top, height) = ((b.bottom() + GAP) as i32, below.max(120.0) as i32);
        format!("top: {top}px; max-height: {height}px;")
    } else {
        let (bottom, height) = ((vh - b.top() + GAP) as i32, above.max(120.0) as i32);
        format!("bottom: {bottom}px; max-height: {height}px;")
    };
    let sheet = stylesheet(&format!(
        ".card[popover] {{ position-area: none; inset: auto; margin: 0; left: {left}px; {vertical} overflow: auto; }}"
    ))?;
    if let Some(shadow) = host.shadow_root() {
        shadow.set_adopted_style_sheets(&js_sys::Array::of2(shared, &sheet));
    }
    Ok(())
}

/// The word shown on the badge itself: the first word of the button's
/// accessible name, so what is seen is what a speech-input user says
/// (WCAG 2.5.3, "label in name").
fn short_label(card: &Card) -> &str {
    card.label.split([' ', ':']).next().unwrap_or("Source")
}

fn fill_card(doc: &Document, panel: &HtmlElement, card: &Card) -> Result<(), JsValue> {
    let line = |class: &str, text: &str| -> Result<(), JsValue> {
        let p = doc.create_element("p")?;
        p.set_class_name(class);
        p.set_text_content(Some(text));
        panel.append_child(&p)?;
        Ok(())
    };
    line("name", card.name.as_deref().unwrap_or("Unattributed quote"))?;
    if card.anonymous || card.unattributed {
        let p = doc.create_element("p")?;
        let flag = doc.create_element("span")?;
        flag.set_class_name("flag");
        flag.set_text_content(Some(if card.anonymous {
            "Anonymous source"
        } else {
            "Not attributed by the publisher"
        }));
        p.append_child(&flag)?;
        panel.append_child(&p)?;
    }
    // The flag above already says "Anonymous source".
    if !card.anonymous {
        line("kind", card.kind)?;
    }
    if let Some(role) = &card.role {
        line("role", role)?;
    }
    if let Some(d) = &card.description {
        line("description", d)?;
    }
    if let Some(url) = &card.url {
        panel.append_child(link(doc, url, "More about this source")?.as_ref())?;
    }
    line("how", &card.how)?;
    if let Some(date) = &card.date {
        line("date", &format!("Said on {date}"))?;
    }
    if let Some(citation) = &card.citation {
        panel.append_child(link(doc, citation, "Where this was said")?.as_ref())?;
    }
    Ok(())
}

/// An external link. The manifest already refused anything but http and
/// https; `rel` keeps the opened page from reaching back into ours.
fn link(doc: &Document, url: &str, text: &str) -> Result<Element, JsValue> {
    let p = doc.create_element("p")?;
    let a = doc.create_element("a")?;
    a.set_attribute("href", url)?;
    a.set_attribute("rel", "noopener noreferrer")?;
    a.set_attribute("target", "_blank")?;
    a.set_text_content(Some(text));
    p.append_child(&a)?;
    Ok(p)
}
