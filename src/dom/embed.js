// quote-attribution: the one-script-tag embed.
//
//   <script type="module" src="/quote-attribution/embed.js"
//           data-manifest="/quotes.json" data-root="article"></script>
//
// or, instead of data-manifest, an inline manifest anywhere in the page:
//   <script type="application/json" data-quote-manifest>{ "version": 1, … }</script>
//
// Loads the wasm next to this file, loads the manifest (several URLs may be
// given, separated by spaces; data-timeout="5000" limits each fetch, in ms,
// default 10 s), annotates the root once the document is
// parsed, then dispatches `quote-attribution:ready` (detail: the report) on
// the root, or `quote-attribution:error` (detail: { problems }) on the
// document. Nothing is thrown to the page: a bad manifest leaves it as it was.
const SELF = new URL(import.meta.url);
// The glue and the wasm are fetched at once, not one after the other.
const wasm = fetch(new URL("quote_attribution_bg.wasm", SELF));
const glue = import("./quote_attribution.js");
// The script tag's data-* attributes: data-manifest, data-root, data-timeout.
const data = ownScript()?.dataset ?? {};
const hints = preload(data.manifest);

function ownScript() {
  for (const script of document.querySelectorAll("script[src]")) {
    if (new URL(script.getAttribute("src"), document.baseURI).href === SELF.href) return script;
  }
  return null;
}

// The manifest's requests start now, beside the wasm's, rather than once the
// wasm is compiled: as preloads, which the engine's own fetch
// (`QuoteAttribution.load`: status, content type, timeout) then takes over.
// The links go again once it has.
function preload(urls) {
  return (urls ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map((href) => {
      const link = document.createElement("link");
      link.rel = "preload";
      link.as = "fetch";
      link.crossOrigin = "anonymous";
      link.href = href;
      (document.head ?? document.documentElement).append(link);
      return link;
    });
}

function fail(problems) {
  const error = new Error(problems.join("\n"));
  error.problems = problems;
  return error;
}

function findRoot(selector) {
  if (selector) {
    const root = document.querySelector(selector);
    if (!root) throw fail([`root: the selector "${selector}" matches no element in this page`]);
    return root;
  }
  return document.querySelector("article") ?? document.querySelector("main") ?? document.body;
}

async function run() {
  try {
    const { default: init, QuoteAttribution } = await glue;
    await init({ module_or_path: wasm });
    let qa;
    const inline = document.querySelector('script[type="application/json"][data-quote-manifest]');
    if (data.manifest) {
      const timeout = data.timeout ? Number(data.timeout) : undefined;
      try {
        qa = await QuoteAttribution.load(data.manifest, Number.isFinite(timeout) ? timeout : undefined);
      } finally {
        for (const link of hints) link.remove();
      }
    } else if (inline) {
      qa = QuoteAttribution.fromManifest(inline.textContent);
    } else {
      throw fail([
        'no manifest: give the script tag data-manifest="/quotes.json", or put the manifest in ' +
          '<script type="application/json" data-quote-manifest>',
      ]);
    }
    for (const warning of qa.warnings) console.warn(`quote-attribution: ${warning}`);
    const selector = data.root || qa.root;
    annotate(qa, findRoot(selector));
    // Client-side navigation (history.pushState, back and forward) may swap
    // the whole root: find it again once the page has settled. Changes inside
    // the root are the annotator's own MutationObserver's business.
    let timer = 0;
    const again = () => {
      clearTimeout(timer);
      timer = setTimeout(() => guard(() => annotate(qa, findRoot(selector))), 150);
    };
    window.addEventListener("popstate", again);
    globalThis.navigation?.addEventListener?.("navigate", again);
  } catch (error) {
    report(error);
  }
}

function annotate(qa, root) {
  const result = qa.annotate(root);
  root.dispatchEvent(new CustomEvent("quote-attribution:ready", { detail: result, bubbles: true }));
}

function guard(fn) {
  try {
    fn();
  } catch (error) {
    report(error);
  }
}

function report(error) {
  const problems = Array.isArray(error?.problems) ? error.problems : [String(error?.message ?? error)];
  console.error(`quote-attribution: the page was left as it was.\n${problems.join("\n")}`);
  document.dispatchEvent(new CustomEvent("quote-attribution:error", { detail: { problems } }));
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", run, { once: true });
} else {
  run();
}
