//! Watching the root for changes the page makes after we annotated it.
//!
//! A `MutationObserver` on the root collects changes; once they stop for
//! [`DEBOUNCE_MS`], the owner re-annotates. Our own writes never reach it:
//! the owner [`pause`](Watcher::pause)s the observer (dropping pending
//! records) before touching the DOM and resumes after. The observer, its
//! callback and the timer callback are owned here and released on drop —
//! `clear()` is just dropping the watcher.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit};

/// Quiet time after the last change before re-annotating.
pub const DEBOUNCE_MS: i32 = 150;

/// A page that answers every re-annotation with a change of its own would
/// keep us busy forever: after this many re-annotations within
/// [`BUSY_WINDOW_MS`], the watcher gives up.
pub const MAX_SETTLES: usize = 8;
/// See [`MAX_SETTLES`].
pub const BUSY_WINDOW_MS: f64 = 4_000.0;

/// An observer on one root, calling back once changes settle.
pub struct Watcher {
    root: Element,
    observer: MutationObserver,
    _on_mutation: Closure<dyn FnMut(js_sys::Array, MutationObserver)>,
    _on_quiet: Closure<dyn FnMut()>,
    timer: std::rc::Rc<std::cell::Cell<Option<i32>>>,
    /// When the last re-annotations happened (ms since the epoch).
    settles: std::collections::VecDeque<f64>,
}

impl Watcher {
    /// Watches `root`; `settled` runs once changes have stopped.
    pub fn new(root: &Element, settled: impl FnMut() + 'static) -> Result<Watcher, JsValue> {
        let timer = std::rc::Rc::new(std::cell::Cell::new(None::<i32>));
        let on_quiet = Closure::<dyn FnMut()>::new({
            let timer = timer.clone();
            let mut settled = settled;
            move || {
                timer.set(None);
                settled();
            }
        });
        let callback: js_sys::Function = on_quiet
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .clone();
        let on_mutation = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new({
            let timer = timer.clone();
            move |_records: js_sys::Array, _observer: MutationObserver| {
                let Some(window) = web_sys::window() else {
                    return;
                };
                if let Some(t) = timer.take() {
                    window.clear_timeout_with_handle(t);
                }
                let handle = window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(&callback, DEBOUNCE_MS)
                    .ok();
                timer.set(handle);
            }
        });
        let observer = MutationObserver::new(on_mutation.as_ref().unchecked_ref())?;
        let watcher = Watcher {
            root: root.clone(),
            observer,
            _on_mutation: on_mutation,
            _on_quiet: on_quiet,
            timer,
            settles: std::collections::VecDeque::new(),
        };
        watcher.resume()?;
        Ok(watcher)
    }

    /// Stops observing and forgets changes not yet delivered (ours).
    pub fn pause(&self) {
        let _ = self.observer.take_records();
        self.observer.disconnect();
    }

    /// Observes the root again.
    pub fn resume(&self) -> Result<(), JsValue> {
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        init.set_character_data(true);
        self.observer.observe_with_options(&self.root, &init)
    }

    /// Counts one re-annotation; false when the page has been changing
    /// back too often ([`MAX_SETTLES`]) and the watcher should stop.
    pub fn allow_settle(&mut self) -> bool {
        let now = js_sys::Date::now();
        while self
            .settles
            .front()
            .is_some_and(|&t| now - t > BUSY_WINDOW_MS)
        {
            self.settles.pop_front();
        }
        self.settles.push_back(now);
        self.settles.len() <= MAX_SETTLES
    }

    /// The watched root.
    pub fn root(&self) -> &Element {
        &self.root
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.observer.disconnect();
        if let (Some(t), Some(window)) = (self.timer.take(), web_sys::window()) {
            window.clear_timeout_with_handle(t);
        }
    }
}
