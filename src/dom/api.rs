//! The JavaScript API: `QuoteAttribution` and its four methods.
//!
//! ```js
//! import init, { QuoteAttribution } from "./quote_attribution.js";
//! await init();
//! const qa = QuoteAttribution.fromManifest(manifestObject); // throws, naming the field
//! const qa2 = await QuoteAttribution.load("/quotes.json"); // fetch + fromManifest
//! const report = qa.annotate(document.querySelector("article"));
//! qa.clear(); // the DOM is back to exactly what it was
//! ```

use super::fetch::{self, absolute, TIMEOUT_MS};
use super::js::{describe, to_js_error};
use super::observe::Watcher;
use super::read::read;
use super::write::{apply, Annotated, WriteOptions};
use crate::manifest::{self, Loaded, Problems};
use crate::Engine;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** How an attribution was made. */
export type Method = "manifest" | "cue" | "pronoun" | "continuation" | "description" | "blockquote" | "none";

/** One quotation found in the page, in document order. */
export interface Quote {
  /** Position in document order; the badge's `data-qa-quote`. */
  index: number;
  /** The quotation without its enclosing marks. */
  text: string;
  /** The manifest source id, or null when the source is unknown. */
  source: string | null;
  /** The words naming the speaker, as written ("a US official", "he"), or null. */
  speaker: string | null;
  method: Method;
  /** The phrase the attribution rests on ("a US official said"), or null. */
  cue: string | null;
  /** How the quote is marked: quotation marks, a <q>, a <blockquote>, or none. */
  marks: "marks" | "q" | "blockquote" | "none";
  /** Index of the manifest's `quotes` entry, when the publisher listed it. */
  explicit: number | null;
}

/** What annotate() returns, and the detail of `quote-attribution:ready`. */
export interface Report {
  quotes: Quote[];
}

/** Thrown (or rejected) for a bad manifest or a failed fetch. */
export interface QuoteAttributionError extends Error {
  name: "QuoteAttributionError";
  /** Every problem, one message each, naming the JSON path or the URL. */
  problems: string[];
}

/** A manifest, version 1: see docs/manifest.md and schema/manifest.v1.schema.json. */
export interface Manifest {
  $schema?: string;
  version: 1;
  sources?: ManifestSource[];
  quotes?: ManifestQuote[];
  options?: ManifestOptions;
}

export interface ManifestSource {
  id: string;
  name: string;
  kind?: "person" | "organization" | "anonymous" | "document" | "publication";
  aliases?: string[];
  role?: string | null;
  affiliation?: string | null;
  url?: string | null;
  description?: string | null;
  image?: string | null;
}

export interface ManifestQuote {
  text?: string;
  selector?: { type: "TextQuoteSelector"; exact: string; prefix?: string; suffix?: string };
  source: string;
  prefix?: string | null;
  suffix?: string | null;
  date?: string | null;
  citation?: string | null;
  context?: string | null;
}

export interface ManifestOptions {
  detect?: boolean;
  root?: string | null;
  exclude?: string[];
  theme?: "auto" | "light" | "dark";
  flagUnattributed?: boolean;
  jsonLd?: boolean;
  locale?: string | null;
}
"#;

/// Finds the quotations in a page and who said them, per a manifest.
#[wasm_bindgen]
pub struct QuoteAttribution {
    inner: Rc<RefCell<Inner>>,
}

/// The state shared with the watcher's callback (which holds it weakly, so
/// dropping the instance ends everything).
struct Inner {
    engine: Engine,
    warnings: Vec<String>,
    annotated: Option<Annotated>,
    watcher: Option<Watcher>,
}

impl Inner {
    /// Annotates `root`, with the watcher paused so our writes are not seen
    /// as the page's.
    fn annotate(&mut self, root: &Element) -> Result<String, JsValue> {
        if let Some(w) = &self.watcher {
            w.pause();
        }
        if let Some(annotated) = self.annotated.take() {
            annotated.clear();
        }
        let doc = root
            .owner_document()
            .ok_or_else(|| to_js_error(&["the root element is not in a document"]))?;
        let manifest = self.engine.manifest();
        let page = read(root, &manifest.options.exclude);
        let report = self.engine.analyze(&page.page);
        let options = WriteOptions {
            theme: manifest.options.theme.as_str(),
            json_ld: manifest.options.json_ld.then(|| report.json_ld(manifest)),
        };
        let annotated = apply(&doc, &page, &report, manifest, &options).map_err(|e| {
            to_js_error(&[format!("could not annotate the page: {}", describe(&e))])
        })?;
        self.annotated = Some(annotated);
        if let Some(w) = &self.watcher {
            w.resume()?;
        }
        serde_json::to_string(&report.to_output(manifest))
            .map_err(|e| to_js_error(&[e.to_string()]))
    }

    fn clear(&mut self) {
        self.watcher = None;
        if let Some(annotated) = self.annotated.take() {
            annotated.clear();
        }
    }
}

/// Re-annotates after the page changed the root, and tells the page.
fn on_settled(inner: &Weak<RefCell<Inner>>) {
    let Some(inner) = inner.upgrade() else { return };
    let Ok(mut state) = inner.try_borrow_mut() else {
        return;
    };
    let Some(watcher) = state.watcher.as_mut() else {
        return;
    };
    let root = watcher.root().clone();
    if !watcher.allow_settle() {
        // The page rewrites itself each time we annotate: stop following it,
        // keep what is on the page, and say why.
        watcher.pause();
        state.watcher = None;
        super::js::console_warn(
            "quote-attribution: the page keeps changing the article; stopped re-annotating it",
        );
        return;
    }
    if !root.is_connected() {
        // The root left the document (a client-side navigation replaced it):
        // nothing to annotate until someone calls annotate() again.
        state.clear();
        return;
    }
    match state.annotate(&root) {
        Ok(json) => dispatch(
            &root,
            "quote-attribution:ready",
            &js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL),
        ),
        Err(e) => dispatch(&root, "quote-attribution:error", &e),
    }
}

fn dispatch(target: &Element, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_detail(detail);
    init.set_bubbles(true);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

#[wasm_bindgen]
impl QuoteAttribution {
    /// Builds from a manifest given as an object or as JSON text. Throws a
    /// `QuoteAttributionError` whose `problems` lists every problem with its
    /// JSON path.
    #[wasm_bindgen(js_name = fromManifest)]
    pub fn from_manifest(
        #[wasm_bindgen(unchecked_param_type = "Manifest | string")] manifest: JsValue,
    ) -> Result<QuoteAttribution, JsValue> {
        let text = match manifest.as_string() {
            Some(text) => text,
            None => js_sys::JSON::stringify(&manifest)
                .map_err(|e| {
                    to_js_error(&[format!(
                        "the manifest object cannot be read as JSON: {}",
                        describe(&e)
                    )])
                })?
                .as_string()
                .ok_or_else(|| to_js_error(&["the manifest must be an object or JSON text"]))?,
        };
        Self::build(manifest::parse(&text))
    }

    /// Fetches one manifest, or several separated by spaces (a site-wide
    /// source list, then the article's own; later ids win), and builds from
    /// them. The requests run side by side; each gives up after
    /// `timeout_ms` (default 10,000).
    /// Rejects with a `QuoteAttributionError` naming the URL.
    pub async fn load(urls: String, timeout_ms: Option<u32>) -> Result<QuoteAttribution, JsValue> {
        let timeout = timeout_ms.map_or(TIMEOUT_MS, |t| t.clamp(1, 600_000) as i32);
        let mut docs = Vec::new();
        let mut problems = Vec::new();
        // Every request starts before any is read: they load side by side.
        let requests: Vec<_> = urls
            .split_whitespace()
            .map(|url| {
                let url = absolute(url);
                (url.clone(), fetch::start(&url, timeout))
            })
            .collect();
        for (url, request) in requests {
            match request {
                Ok(request) => match request.text().await {
                    Ok(text) => docs.push((url, text)),
                    Err(message) => problems.push(message),
                },
                Err(message) => problems.push(message),
            }
        }
        if docs.is_empty() && problems.is_empty() {
            problems.push("no manifest URL given".to_owned());
        }
        if !problems.is_empty() {
            return Err(to_js_error(&problems));
        }
        // With one document the problems carry no label: name the URL.
        let single = (docs.len() == 1).then(|| docs[0].0.clone());
        Self::build(manifest::merge_texts(&docs).map_err(|mut problems| {
            if let Some(url) = single {
                for p in &mut problems.0 {
                    p.path = if p.path.is_empty() {
                        format!("[{url}]")
                    } else {
                        format!("[{url}] {}", p.path)
                    };
                }
            }
            problems
        }))
    }

    /// Finds, highlights and badges every quotation under `root`, replacing
    /// any earlier annotation, and returns the report
    /// `{ quotes: [{ index, text, source, speaker, method, cue, marks }] }`.
    /// Then watches `root`: when the page changes it, the annotations are
    /// redone and `quote-attribution:ready` is dispatched again on `root`.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn annotate(&mut self, root: &Element) -> Result<JsValue, JsValue> {
        let mut inner = self.inner.borrow_mut();
        inner.clear();
        let json = inner.annotate(root)?;
        let weak = Rc::downgrade(&self.inner);
        inner.watcher = Some(Watcher::new(root, move || on_settled(&weak))?);
        js_sys::JSON::parse(&json)
    }

    /// Removes every badge and highlight and stops watching: the page is
    /// exactly as before.
    pub fn clear(&mut self) {
        self.inner.borrow_mut().clear();
    }

    /// The manifest's `options.root` CSS selector, if it sets one.
    #[wasm_bindgen(getter)]
    pub fn root(&self) -> Option<String> {
        self.inner.borrow().engine.manifest().options.root.clone()
    }

    /// Problems that did not stop loading (unknown fields, overridden ids).
    #[wasm_bindgen(getter)]
    pub fn warnings(&self) -> Vec<String> {
        self.inner.borrow().warnings.clone()
    }
}

impl QuoteAttribution {
    fn build(loaded: Result<Loaded, Problems>) -> Result<QuoteAttribution, JsValue> {
        let loaded = loaded
            .map_err(|p| to_js_error(&p.0.iter().map(ToString::to_string).collect::<Vec<_>>()))?;
        let mut warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
        warnings.extend(loaded.overrides.iter().map(ToString::to_string));
        Ok(QuoteAttribution {
            inner: Rc::new(RefCell::new(Inner {
                engine: Engine::new(loaded.manifest),
                warnings,
                annotated: None,
                watcher: None,
            })),
        })
    }
}
