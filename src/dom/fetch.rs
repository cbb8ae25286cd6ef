//! Fetching manifest text, with a timeout and messages that name the URL.

use super::js::describe;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

/// How long one manifest fetch may take.
pub const TIMEOUT_MS: i32 = 10_000;

/// `url` made absolute against the document, for messages and fetching.
pub fn absolute(url: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    match base {
        Some(base) => web_sys::Url::new_with_base(url, &base)
            .map(|u| u.href())
            .unwrap_or_else(|_| url.to_owned()),
        None => url.to_owned(),
    }
}

/// A manifest request under way: started at once, read later, so that
/// several manifests load side by side.
pub struct Request {
    url: String,
    window: web_sys::Window,
    controller: AbortController,
    timer: i32,
    timeout_ms: i32,
    _abort: Closure<dyn FnMut()>,
    response: js_sys::Promise,
}

/// Starts fetching `url`, to be given up after `timeout_ms`.
pub fn start(url: &str, timeout_ms: i32) -> Result<Request, String> {
    let fail = |what: String| format!("could not load the manifest {url}: {what}");
    let window = web_sys::window().ok_or_else(|| fail("no window".into()))?;
    let controller = AbortController::new().map_err(|e| fail(describe(&e)))?;
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    let abort = {
        let controller = controller.clone();
        Closure::once(move || controller.abort())
    };
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.as_ref().unchecked_ref(),
            timeout_ms,
        )
        .map_err(|e| fail(describe(&e)))?;
    let response = window.fetch_with_str_and_init(url, &init);
    Ok(Request {
        url: url.to_owned(),
        window,
        controller,
        timer,
        timeout_ms,
        _abort: abort,
        response,
    })
}

impl Request {
    /// The body as text, or a message naming the URL and what went wrong:
    /// network, HTTP status, content type, or no answer in time.
    pub async fn text(self) -> Result<String, String> {
        self.read()
            .await
            .map_err(|what| format!("could not load the manifest {}: {what}", self.url))
    }

    async fn read(&self) -> Result<String, String> {
        let timed_out = || self.controller.signal().aborted();
        let timeout_ms = self.timeout_ms;
        let response = JsFuture::from(self.response.clone()).await.map_err(|e| {
            if timed_out() {
                no_answer(timeout_ms)
            } else {
                format!("network error ({})", describe(&e))
            }
        })?;
        let response: Response = response.dyn_into().map_err(|e| describe(&e))?;
        if !response.ok() {
            let status = response.status_text();
            let gap = if status.is_empty() { "" } else { " " };
            return Err(format!("HTTP {}{gap}{status}", response.status()));
        }
        // An HTML page (a login wall, a "not found" page served with 200) is
        // not a manifest, whatever its status says.
        let content_type = response
            .headers()
            .get("content-type")
            .ok()
            .flatten()
            .unwrap_or_default();
        if !acceptable_type(&content_type) {
            return Err(format!(
                "served as {content_type}, not JSON (expected application/json)"
            ));
        }
        let body = match response.text() {
            Ok(p) => JsFuture::from(p).await,
            Err(e) => Err(e),
        };
        let body = body.map_err(|e| {
            if timed_out() {
                no_answer(timeout_ms)
            } else {
                describe(&e)
            }
        })?;
        body.as_string()
            .ok_or_else(|| "the body is not text".into())
    }
}

impl Drop for Request {
    /// The timer goes with the request, before the closure it would call.
    fn drop(&mut self) {
        self.window.clear_timeout_with_handle(self.timer);
    }
}

fn no_answer(timeout_ms: i32) -> String {
    if timeout_ms % 1000 == 0 {
        format!("no answer within {} s", timeout_ms / 1000)
    } else {
        format!("no answer within {timeout_ms} ms")
    }
}

/// JSON, plain text, or no type at all (a file opened from disk) may hold a
/// manifest; markup, images and the rest may not.
fn acceptable_type(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence.is_empty()
        || essence == "text/plain"
        || essence == "application/json"
        || essence.ends_with("+json")
        || essence == "application/octet-stream"
}
