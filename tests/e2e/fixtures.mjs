// Pages built for the end-to-end tests: an article with the embed script,
// served from the test server so the wasm and the manifests are same-origin.

export const ARTICLE = `<article>
<h1>Harbour plan approved</h1>
<p>“We will build it,” said Mayor Elena Ruiz, who backed the plan.</p>
<p>Critics called it “a vanity project.”</p>
<p>“The tide waits for no one,” Daniel Okafor, the harbour master, said.</p>
</article>`;

export const MANIFEST = {
  version: 1,
  sources: [
    { id: "ruiz", name: "Elena Ruiz", kind: "person", role: "Mayor", url: "https://example.org/ruiz" },
    { id: "okafor", name: "Daniel Okafor", kind: "person", role: "Harbour master" },
  ],
};

/// A page embedding quote-attribution. `attributes` go on the script tag
/// (e.g. { "data-manifest": "/m.json" }); `inline` is inline manifest text.
/// A <template id="original"> keeps the article's markup to compare against.
export function page({ attributes = {}, inline = null, article = ARTICLE, head = "" } = {}) {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${String(v).replaceAll("&", "&amp;").replaceAll('"', "&quot;")}"`)
    .join("");
  const inlineTag = inline == null ? "" : `<script type="application/json" data-quote-manifest>${inline}</script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fixture</title>${head}
<script type="module" src="/quote-attribution/embed.js"${attrs}></script></head>
<body>${article}${inlineTag}<template id="original">${article}</template></body></html>`;
}

export function html(body) {
  return (req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(body);
  };
}

export function json(value, status = 200, type = "application/json") {
  return (req, res) => {
    res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
    res.end(typeof value === "string" ? value : JSON.stringify(value));
  };
}
