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
use wasm_bindgen::prelude::*;
use wasm_bindgen::{intern, JsCast};
use web_sys::{
    CssStyleSheet, Document, Element, Event, HtmlElement, ShadowRootInit, ShadowRootMode,
};

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

/// One inserted badge and the listener it owns.
pub struct Badge {
    /// The host element inserted into the page.
    pub host: Element,
    card: HtmlElement,
    on_toggle: Closure<dyn FnMut(Event)>,
}

impl Badge {
    /// Builds (but does not insert) the badge of quote `index`.
    pub fn new(
        doc: &Document,
        index: usize,
        source_id: Option<&str>,
        card: Card,
        theme: &str,
        sheet: &CssStyleSheet,
    ) -> Result<Badge, JsValue> {
        intern_constants();
        // A source's strings recur on each of its quotes: sent to JS once.
        let label = intern(&card.label);
        let host = doc.create_element("span")?;
        host.set_attribute(OWN_ATTRIBUTE, &index.to_string())?;
        if let Some(id) = source_id {
            host.set_attribute("data-qa-source", intern(id))?;
        }
        host.set_attribute("data-qa-theme", theme)?;
        let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(sheet));

        let card_id = "card";
        let button = doc.create_element("button")?;
        button.set_attribute("type", "button")?;
        button.set_attribute("part", "badge")?;
        button.set_attribute("aria-label", label)?;
        button.set_attribute("aria-expanded", "false")?;
        button.set_attribute("aria-controls", card_id)?;
        button.set_attribute("popovertarget", card_id)?;
        button.set_attribute("data-state", card.state())?;
        button.set_text_content(Some(short_label(&card)));

        let panel: HtmlElement = doc.create_element("div")?.dyn_into()?;
        panel.set_id(card_id);
        panel.set_class_name("card");
        panel.set_popover(Some("auto"))?;
        panel.set_attribute("role", "group")?;
        panel.set_attribute("aria-label", label)?;

        // What a printed page shows when the publisher asks for sources.
        let print = doc.create_element("span")?;
        print.set_class_name("print");
        print.set_attribute("aria-hidden", "true")?;
        print.set_text_content(Some(intern(&format!(" [{}]", card.label))));

        shadow.append_child(&button)?;
        shadow.append_child(&panel)?;
        shadow.append_child(&print)?;

        // The card's lines are made when it first opens: most cards never are,
        // and thousands of filled cards cost the page style and layout.
        let toggle_button = button.clone();
        let (doc_for_card, panel_for_card) = (doc.clone(), panel.clone());
        let (host_for_card, sheet_for_card) = (host.clone(), sheet.clone());
        let mut pending = Some(card);
        let on_toggle = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            let open = js_sys::Reflect::get(&event, &"newState".into())
                .ok()
                .and_then(|v| v.as_string())
                .is_some_and(|s| s == "open");
            if open {
                if let Some(card) = pending.take() {
                    let _ = fill_card(&doc_for_card, &panel_for_card, &card);
                }
                if !super::js::anchor_positioning() {
                    let _ = place_card(&host_for_card, &toggle_button, &sheet_for_card);
                }
            }
            let _ =
                toggle_button.set_attribute("aria-expanded", if open { "true" } else { "false" });
        });
        panel
            .add_event_listener_with_callback("beforetoggle", on_toggle.as_ref().unchecked_ref())?;
        Ok(Badge {
            host,
            card: panel,
            on_toggle,
        })
    }

    /// Removes the badge from the page and its listener from the card.
    pub fn remove(self) {
        let _ = self.card.remove_event_listener_with_callback(
            "beforetoggle",
            self.on_toggle.as_ref().unchecked_ref(),
        );
        let _ = self.card.hide_popover();
        self.host.remove();
    }
}

/// The names and values every badge sets, kept as JS strings (wasm-bindgen's
/// interning): a string sent from wasm is otherwise copied and decoded each
/// time, and thousands of badges send these some thirty times each.
fn intern_constants() {
    thread_local!(static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    for s in [
        "span",
        "div",
        "button",
        "type",
        "part",
        "badge",
        "aria-label",
        "aria-expanded",
        "aria-controls",
        "popovertarget",
        "card",
        "data-state",
        "named",
        "anonymous",
        "unattributed",
        "auto",
        "role",
        "group",
        "print",
        "aria-hidden",
        "true",
        "false",
        "beforetoggle",
        "data-qa-quote",
        "data-qa-source",
        "data-qa-theme",
        "light",
        "dark",
        "Source",
        "Anonymous",
        "Unattributed",
    ] {
        intern(s);
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
