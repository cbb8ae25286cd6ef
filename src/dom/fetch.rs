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

/// The body of `url` as text, or a message saying what went wrong with it.
pub async fn fetch_text(url: &str, timeout_ms: i32) -> Result<String, String> {
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
    let result = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await;
    let response = match result {
        Ok(r) => r,
        Err(e) => {
            window.clear_timeout_with_handle(timer);
            return Err(fail(if controller.signal().aborted() {
                no_answer(timeout_ms)
            } else {
                format!("network error ({})", describe(&e))
            }));
        }
    };
    let response: Response = response.dyn_into().map_err(|e| fail(describe(&e)))?;
    if !response.ok() {
        window.clear_timeout_with_handle(timer);
        let status = response.status_text();
        return Err(fail(format!(
            "HTTP {}{}{}",
            response.status(),
            if status.is_empty() { "" } else { " " },
            status
        )));
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
        window.clear_timeout_with_handle(timer);
        return Err(fail(format!(
            "served as {content_type}, not JSON (expected application/json)"
        )));
    }
    let body = match response.text() {
        Ok(p) => JsFuture::from(p).await,
        Err(e) => Err(e),
    };
    window.clear_timeout_with_handle(timer);
    drop(abort);
    let body = body.map_err(|e| {
        fail(if controller.signal().aborted() {
            no_answer(timeout_ms)
        } else {
            describe(&e)
        })
    })?;
    body.as_string()
        .ok_or_else(|| fail("the body is not text".into()))
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
