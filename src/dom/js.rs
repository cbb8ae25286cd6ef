//! Small JavaScript bindings web-sys lacks (or keeps behind unstable flags),
//! and the one place Rust errors become JavaScript errors.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// A CSS Custom Highlight (`new Highlight()`): a set of ranges.
    #[derive(Clone)]
    pub type Highlight;
    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<Highlight, JsValue>;
    #[wasm_bindgen(method)]
    pub fn add(this: &Highlight, range: &web_sys::AbstractRange);
    #[wasm_bindgen(method)]
    pub fn delete(this: &Highlight, range: &web_sys::AbstractRange) -> bool;

    /// `CSS.highlights`.
    pub type HighlightRegistry;
    #[wasm_bindgen(method)]
    pub fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight);
    #[wasm_bindgen(method)]
    pub fn has(this: &HighlightRegistry, name: &str) -> bool;

    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    pub fn console_warn(message: &str);
}

#[wasm_bindgen(module = "/src/dom/shell.js")]
extern "C" {
    /// A `StaticRange` from (start, offset) to (end, offset), added to
    /// `highlight`: one crossing where building its init dictionary took six.
    #[wasm_bindgen(js_name = highlightRange, catch)]
    pub fn highlight_range(
        highlight: &Highlight,
        start: &web_sys::Node,
        start_offset: u32,
        end: &web_sys::Node,
        end_offset: u32,
    ) -> Result<web_sys::AbstractRange, JsValue>;
}

impl Highlight {
    /// A new empty highlight, or `None` where the API is missing.
    pub fn create() -> Option<Highlight> {
        Highlight::new().ok()
    }
}

/// `CSS.highlights`, or `None` where the Custom Highlight API is missing.
pub fn highlight_registry() -> Option<HighlightRegistry> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let registry = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    if registry.is_undefined() || registry.is_null() {
        return None;
    }
    Some(registry.unchecked_into())
}

/// A JavaScript `Error` named `QuoteAttributionError` whose message lists
/// every problem, one per line, and whose `problems` property holds them as
/// an array of strings.
pub fn to_js_error<S: AsRef<str>>(problems: &[S]) -> JsValue {
    let message = problems
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join("\n");
    let error = js_sys::Error::new(&message);
    error.set_name("QuoteAttributionError");
    let list: js_sys::Array = problems
        .iter()
        .map(|p| JsValue::from_str(p.as_ref()))
        .collect();
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &"problems".into(), &list);
    error.into()
}

/// A `JsValue` thrown by the browser, in words.
pub fn describe(value: &JsValue) -> String {
    if let Some(e) = value.dyn_ref::<js_sys::Error>() {
        return format!("{}: {}", String::from(e.name()), String::from(e.message()));
    }
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

/// A Trusted Types policy and the Rust function behind its `createScript`.
type Policy = (JsValue, Closure<dyn Fn(String) -> String>);

thread_local! {
    /// Our Trusted Types policy: made once, kept for the page's life (the
    /// policy holds the function).
    static POLICY: Option<Policy> = make_policy();
}

fn make_policy() -> Option<Policy> {
    let tt = js_sys::Reflect::get(&js_sys::global(), &"trustedTypes".into()).ok()?;
    if tt.is_undefined() || tt.is_null() {
        return None;
    }
    // The policy only ever receives JSON-LD the engine built (with `<`
    // escaped): it is private to this module and never handed out.
    let identity = Closure::<dyn Fn(String) -> String>::new(|s: String| s);
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"createScript".into(), identity.as_ref()).ok()?;
    let create: js_sys::Function = js_sys::Reflect::get(&tt, &"createPolicy".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let policy = create
        .call2(&tt, &"quote-attribution".into(), &options)
        .ok()?;
    Some((policy, identity))
}

/// Sets the text of a (data) script element through a Trusted Types policy
/// where the browser has them, so `require-trusted-types-for 'script'`
/// pages see no violation.
pub fn set_script_text(script: &web_sys::Element, text: &str) -> Result<(), JsValue> {
    let value = POLICY.with(|p| match p {
        Some((policy, _)) => js_sys::Reflect::get(policy, &"createScript".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>())
            .and_then(|f| f.call1(policy, &JsValue::from_str(text))),
        None => Ok(JsValue::from_str(text)),
    })?;
    js_sys::Reflect::set(script, &"text".into(), &value)?;
    Ok(())
}

thread_local! {
    static ANCHOR_POSITIONING: bool = supports("anchor-name", "--a");
}

/// Does the browser position elements by CSS anchors?
pub fn anchor_positioning() -> bool {
    ANCHOR_POSITIONING.with(|a| *a)
}

/// `CSS.supports(property, value)`.
fn supports(property: &str, value: &str) -> bool {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into());
    let f = css
        .as_ref()
        .ok()
        .and_then(|css| js_sys::Reflect::get(css, &"supports".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match (css, f) {
        (Ok(css), Some(f)) => f
            .call2(&css, &property.into(), &value.into())
            .map(|v| v.is_truthy())
            .unwrap_or(false),
        _ => false,
    }
}
