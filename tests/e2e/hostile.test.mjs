// Hostile input: manifests written to break the page, pages built to break
// the annotator. Whatever happens, no script from data runs (a canary global
// stays unset), no element is made from data, the page keeps its text, and
// a problem is reported once, clearly.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, serve, openAnnotated } from "./browser.mjs";
import { page as fixture, html, json, MANIFEST, ARTICLE } from "./fixtures.mjs";

const XSS = `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script>"'><svg onload="window.__pwned='svg'">`;
const BIDI = "\u202Eevil\u202C \u2066iso\u2069";
const hostileStrings = {
  version: 1,
  sources: [
    {
      id: "ruiz",
      name: `Elena Ruiz ${XSS}`,
      kind: "person",
      role: XSS,
      affiliation: BIDI,
      description: XSS + BIDI,
      url: "https://example.org/?q=<script>",
      aliases: ["Elena Ruiz", `Mayor ${XSS}`],
    },
    { id: "okafor", name: "Daniel Okafor", kind: "person", role: BIDI },
  ],
  quotes: [{ text: "The tide waits for no one", source: "okafor", context: XSS, citation: "https://example.org/#<b>" }],
};

const manifests = {
  "invalid-json": ['{"version": 1, "sources": [ {"id": "a",', ["invalid JSON at line 1"]],
  "wrong-types": [{ version: "1", sources: { id: "a" }, quotes: 7 }, ["version", "sources", "quotes"]],
  "duplicate-ids": [
    { version: 1, sources: [{ id: "a", name: "A" }, { id: "a", name: "B" }] },
    ['the id "a" is already used'],
  ],
  "unknown-source": [
    { version: 1, sources: [{ id: "a", name: "A" }], quotes: [{ text: "x y z", source: "b" }] },
    ['no source has the id "b"'],
  ],
  "javascript-url": [{ version: 1, sources: [{ id: "a", name: "A", url: "javascript:window.__pwned=1" }] }, ["sources[0].url"]],
  "data-url": [{ version: 1, sources: [{ id: "a", name: "A", url: "data:text/html,<script>1</script>" }] }, ["sources[0].url"]],
  "vbscript-url": [{ version: 1, sources: [{ id: "a", name: "A", image: " VBScript:msgbox" }] }, ["sources[0].image"]],
  "very-long-string": [{ version: 1, sources: [{ id: "a", name: "x".repeat(50_000) }] }, ["sources[0].name", "the limit is"]],
  "ten-megabytes": [
    JSON.stringify({ version: 1, sources: [{ id: "a", name: "A", description: "d".repeat(10 * 1024 * 1024) }] }),
    ["bytes, the limit is"],
  ],
  "hundred-thousand-sources": [
    { version: 1, sources: Array.from({ length: 100_000 }, (_, i) => ({ id: `s${i}`, name: `S ${i}` })) },
    ["sources: 100000 sources, the limit is"],
  ],
};

const routes = {
  "/m/hostile-strings.json": json(hostileStrings),
  "/t/hostile-strings.html": html(fixture({ attributes: { "data-manifest": "/m/hostile-strings.json" } })),
};
for (const [name, [body]] of Object.entries(manifests)) {
  routes[`/m/${name}.json`] = json(typeof body === "string" ? body : JSON.stringify(body));
  routes[`/t/${name}.html`] = html(fixture({ attributes: { "data-manifest": `/m/${name}.json` } }));
}

const article = (body) =>
  html(
    fixture({
      attributes: { "data-manifest": "/m/good.json" },
      article: `<article>${body}</article>`,
      // A page component with an open shadow root of its own.
      head: `<script type="module" src="/t/shadow.js"></script>`,
    }),
  );
routes["/m/good.json"] = json(MANIFEST);
routes["/t/shadow.js"] = (req, res) => {
  res.writeHead(200, { "content-type": "text/javascript" });
  res.end(`const root = document.getElementById("host").attachShadow({ mode: "open" });
    const p = document.createElement("p");
    p.textContent = "“In a shadow root,” said Elena Ruiz.";
    root.append(p);`);
};
routes["/t/inert-places.html"] = article(`
  <p>“Outside,” said Elena Ruiz.</p>
  <script type="text/plain">“in a script,” said Elena Ruiz.</script>
  <style>/* “in a style,” */</style>
  <textarea>“in a textarea,” said Elena Ruiz.</textarea>
  <noscript>“in noscript,” said Elena Ruiz.</noscript>
  <template><p>“in a template,” said Elena Ruiz.</p></template>
  <svg><text>“in svg,” said Elena Ruiz.</text></svg>
  <p contenteditable="true">“being edited,” said Elena Ruiz.</p>
  <iframe srcdoc="<p>“in an iframe,” said Elena Ruiz.</p>"></iframe>
  <div id="host"></div>
  <p>Unbalanced “ marks ” everywhere “ and ‘ here.</p>
  <p>Leftover <span data-qa-quote="0">from an earlier run</span> “Still,” said Daniel Okafor.</p>`);
routes["/t/deep.html"] = article(`${"<span>".repeat(5000)}“Deep down,” said Elena Ruiz.${"</span>".repeat(5000)}`);
routes["/t/many-nodes.html"] = article(
  `<p>${Array.from({ length: 100_000 }, (_, i) => (i % 1000 === 0 ? `<b>“Quote ${i},” said Elena Ruiz.</b>` : `<i>w${i}</i>`)).join("")}</p>`,
);
routes["/t/rewriter.html"] = html(
  fixture({
    attributes: { "data-manifest": "/m/good.json" },
    // A framework-like page script: whenever our badges appear it
    // re-renders the paragraphs, wiping them, which we see as a change.
    head: `<script type="module" src="/t/rewriter.js"></script>`,
  }),
);
routes["/t/rewriter.js"] = (req, res) => {
  res.writeHead(200, { "content-type": "text/javascript" });
  res.end(`
    const article = document.querySelector("article");
    const options = { childList: true, subtree: true };
    window.__rewrites = 0;
    const observer = new MutationObserver((records) => {
      const ours = records.some((r) => [...r.addedNodes].some((n) => n.nodeType === 1 && n.hasAttribute("data-qa-quote")));
      if (!ours) return;
      observer.disconnect();
      window.__rewrites++;
      for (const p of article.querySelectorAll("p")) p.replaceChildren(document.createTextNode(p.textContent));
      observer.observe(article, options);
    });
    observer.observe(article, options);
  `);
};

let browser, server;
before(async () => {
  server = await serve({ root: "www", routes });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function pageState(page) {
  return page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    events: window.__qa.events.map((e) => e.name),
    problems: window.__qa.events.flatMap((e) => e.detail.problems ?? []),
    uncaught: window.__qa.uncaught,
    unchanged:
      document.querySelector("article").outerHTML ===
      document.getElementById("original").content.firstElementChild.outerHTML,
    badges: document.querySelectorAll("[data-qa-quote]").length,
  }));
}

for (const [name, [, needles]] of Object.entries(manifests)) {
  test(`hostile manifest, ${name}: refused, page untouched, one clear message`, async () => {
    const { page, log, context } = await openAnnotated(browser, `${server.url}/t/${name}.html`);
    const s = await pageState(page);
    assert.equal(s.pwned, null);
    assert.deepEqual(s.events, ["error"]);
    for (const needle of needles) assert.ok(s.problems.join("\n").includes(needle), `${needle} in ${s.problems.join("\n").slice(0, 500)}`);
    assert.ok(s.unchanged);
    assert.deepEqual(s.uncaught, []);
    assert.deepEqual(log.pageErrors, []);
    assert.equal(log.console.filter((m) => m.type === "error" && m.text.startsWith("quote-attribution")).length, 1);
    await context.close();
  });
}

test("markup, script and bidi controls in every string field are shown as text", async () => {
  const { page, log, context } = await openAnnotated(browser, `${server.url}/t/hostile-strings.html`);
  await page.waitForTimeout(200);
  const s = await pageState(page);
  assert.equal(s.pwned, null, "no script from data ran");
  assert.deepEqual(s.events, ["ready"]);
  const made = await page.evaluate(() => {
    const inShadows = [...document.querySelectorAll("[data-qa-quote]")].flatMap((h) => [...h.shadowRoot.querySelectorAll("*")]);
    const all = [...document.querySelectorAll("article *"), ...inShadows];
    return {
      tags: [...new Set(all.map((e) => e.localName))].sort(),
      handlers: all.filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
      text: inShadows.map((e) => e.textContent).join(" "),
    };
  });
  for (const tag of made.tags) {
    assert.ok(["a", "button", "div", "em", "h1", "p", "span"].includes(tag), `no ${tag} element was made from data`);
  }
  assert.equal(made.handlers, 0);
  assert.ok(made.text.includes("<script>window.__pwned='script'</script>"), "markup is shown as text");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("quotes in scripts, styles, textareas, templates, svg, editable text and iframes are left alone", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/t/inert-places.html`);
  const s = await page.evaluate(() => ({
    quotes: window.__qa.events[0].detail.quotes.map((q) => q.text),
    textarea: document.querySelector("textarea").value,
    template: document.querySelector("template").innerHTML,
    editable: document.querySelector("[contenteditable]").innerHTML,
    shadow: document.getElementById("host").shadowRoot.innerHTML,
  }));
  // The unbalanced marks of the last paragraph but one: a spaced pair, and
  // an opening mark that runs to its paragraph's end, never beyond.
  assert.deepEqual(s.quotes, ["Outside,", "marks", "and ‘ here.", "Still,"]);
  assert.equal(s.textarea, "“in a textarea,” said Elena Ruiz.");
  assert.equal(s.editable, "“being edited,” said Elena Ruiz.");
  assert.equal(s.shadow, "<p>“In a shadow root,” said Elena Ruiz.</p>", "the page's own shadow root is left alone");
  await context.close();
});

test("an open shadow root in the page, and 5,000 nested elements, do not break it", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/t/deep.html`);
  const s = await pageState(page);
  assert.deepEqual(s.events, ["ready"]);
  assert.equal(s.badges, 1);
  await context.close();
});

test("100,000 text nodes are annotated and cleared without losing text", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/t/many-nodes.html`);
  const s = await page.evaluate(async () => {
    const { default: init, QuoteAttribution } = await import("/quote-attribution/quote_attribution.js");
    await init({ module_or_path: "/quote-attribution/quote_attribution_bg.wasm" });
    const root = document.querySelector("article");
    const before = root.innerHTML;
    const qa = await QuoteAttribution.load("/m/good.json");
    const t0 = performance.now();
    const report = qa.annotate(root);
    const ms = performance.now() - t0;
    qa.clear();
    return { n: report.quotes.length, ms, same: root.innerHTML === before, embedded: window.__qa.events[0].name };
  });
  assert.equal(s.embedded, "ready");
  assert.equal(s.n, 100);
  assert.ok(s.same, "clear() restored the page");
  console.log(`# 100,000 text nodes: annotate ${s.ms.toFixed(1)} ms`);
  await context.close();
});

test("a surrogate pair split between two text nodes leaves every later quote in place", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/t/deep.html`);
  const s = await page.evaluate(async () => {
    const { default: init, QuoteAttribution } = await import("/quote-attribution/quote_attribution.js");
    await init({ module_or_path: "/quote-attribution/quote_attribution_bg.wasm" });
    // The DOM allows half an emoji per text node; read together, the halves
    // would make one character, and every offset after them would be off.
    const root = document.createElement("article");
    const p = document.createElement("p");
    p.append("\uD83D", "\uDE00", "x \uD83D", "", "\uDE00 “The tide is turning,” said Elena Ruiz.");
    root.append(p);
    document.body.append(root);
    const qa = await QuoteAttribution.load("/m/good.json");
    const report = qa.annotate(root);
    const highlighted = [...CSS.highlights.get("qa-quote")].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
    const badge = root.querySelector("[data-qa-quote]");
    const after = badge?.previousSibling?.data ?? null;
    qa.clear();
    return { quotes: report.quotes.map((q) => [q.text, q.source]), highlighted, after, nodes: p.childNodes.length };
  });
  assert.deepEqual(s.quotes, [["The tide is turning,", "ruiz"]]);
  assert.ok(s.highlighted.includes("The tide is turning,"), JSON.stringify(s.highlighted));
  assert.ok(s.after?.endsWith("turning,”"), `badge after the closing mark, not ${JSON.stringify(s.after)}`);
  assert.equal(s.nodes, 5, "clear() joined the split text back");
  await context.close();
});

test("a page that rewrites itself whenever we annotate does not make us loop", async () => {
  const { page, log, context } = await openAnnotated(browser, `${server.url}/t/rewriter.html`);
  await page.waitForTimeout(4500);
  const s = await page.evaluate(() => ({
    readies: window.__qa.events.filter((e) => e.name === "ready").length,
    rewrites: window.__rewrites,
    text: document.querySelector("article").textContent,
  }));
  assert.ok(s.rewrites >= 2, `the page fought back (${s.rewrites} rewrites)`);
  const warnings = log.console.filter((m) => m.type === "warning").map((m) => m.text);
  assert.ok(s.readies <= 10, `re-annotations are capped (${s.readies})`);
  assert.ok(warnings.some((w) => w.includes("stopped re-annotating")), warnings.join("\n"));
  for (const words of ["We will build it", "a vanity project", "The tide waits for no one"]) {
    assert.ok(s.text.includes(words), `text kept: ${words}`);
  }
  await context.close();
});
