// Loading the manifest through the script tag: from a URL, inline, several
// URLs merged; and every way it can fail. A failure must leave the page
// exactly as it was, log one console.error naming what is wrong, dispatch
// quote-attribution:error with the problems, and throw nothing uncaught.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, serve, openAnnotated } from "./browser.mjs";
import { page, html, json, MANIFEST } from "./fixtures.mjs";

let browser, server, other;
const hanging = [];

/// Two manifests, the first of which is answered only once the second has
/// been requested (else, after 3 s, with a 503 saying so): loading them one
/// after the other fails, side by side succeeds — no clock in the assertion.
function pair(name) {
  let secondAsked = false;
  const waiting = [];
  const site = { version: 1, sources: [{ id: "ruiz", name: "Old Ruiz entry", kind: "person" }] };
  return {
    [`/m/${name}-first.json`]: (req, res) => {
      if (secondAsked) return json(site)(req, res);
      const timer = setTimeout(() => json("the second manifest was not requested meanwhile", 503, "text/plain")(req, res), 3000);
      waiting.push(() => {
        clearTimeout(timer);
        json(site)(req, res);
      });
    },
    [`/m/${name}-second.json`]: (req, res) => {
      secondAsked = true;
      for (const answer of waiting.splice(0)) answer();
      json(MANIFEST)(req, res);
    },
  };
}

const routes = {
  ...pair("embed"),
  ...pair("api"),
  "/t/side-by-side.html": html(page({ attributes: { "data-manifest": "/m/embed-first.json /m/embed-second.json" } })),
  "/m/good.json": json(MANIFEST),
  "/m/site.json": json({ version: 1, sources: [{ id: "ruiz", name: "Old Ruiz entry", kind: "person" }] }),
  "/m/404.json": json("not here", 404, "text/plain"),
  "/m/500.json": json("boom", 500, "text/plain"),
  "/m/html.json": json("<!doctype html><p>Not JSON</p>", 200, "text/plain"),
  "/m/login.json": json("<!doctype html><form>Sign in</form>", 200, "text/html; charset=utf-8"),
  "/m/redirect.json": (req, res) => {
    // To another origin that sends no CORS headers.
    res.writeHead(302, { location: `${other.url}/m.json` });
    res.end();
  },
  "/m/invalid.json": json({ version: 1, sources: [{ id: "Bad Id", name: "", url: "javascript:alert(1)" }] }),
  "/m/slow.json": (req, res) => hanging.push(res),
  "/t/good.html": html(page({ attributes: { "data-manifest": "/m/good.json" } })),
  "/t/merged.html": html(page({ attributes: { "data-manifest": "/m/site.json /m/good.json" } })),
  "/t/inline.html": html(page({ inline: JSON.stringify(MANIFEST) })),
  "/t/404.html": html(page({ attributes: { "data-manifest": "/m/404.json" } })),
  "/t/500.html": html(page({ attributes: { "data-manifest": "/m/500.json" } })),
  "/t/html.html": html(page({ attributes: { "data-manifest": "/m/html.json" } })),
  "/t/login.html": html(page({ attributes: { "data-manifest": "/m/login.json" } })),
  "/t/redirect.html": html(page({ attributes: { "data-manifest": "/m/redirect.json" } })),
  "/t/invalid.html": html(page({ attributes: { "data-manifest": "/m/invalid.json" } })),
  "/t/slow.html": html(page({ attributes: { "data-manifest": "/m/slow.json", "data-timeout": "400" } })),
  "/t/unreachable.html": html(page({ attributes: { "data-manifest": "http://127.0.0.1:9/quotes.json" } })),
  "/t/inline-bad.html": html(page({ inline: '{"version": 1, "sources": [' })),
  "/t/none.html": html(page()),
  "/t/no-root.html": html(page({ attributes: { "data-manifest": "/m/good.json", "data-root": "#story" } })),
};

before(async () => {
  other = await serve({ root: "www", routes: { "/m.json": json(MANIFEST) } });
  server = await serve({ root: "www", routes });
  browser = await launch();
});
after(async () => {
  for (const res of hanging) res.destroy();
  await browser?.close();
  await server?.close();
  await other?.close();
});

async function state(page) {
  return page.evaluate(() => ({
    events: window.__qa.events,
    uncaught: window.__qa.uncaught,
    badges: document.querySelectorAll("[data-qa-quote]").length,
    highlights: CSS.highlights.size,
    unchanged: document.querySelector("article").outerHTML === document.getElementById("original").content.firstElementChild.outerHTML,
  }));
}

test("a manifest from a URL annotates the page", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/t/good.html`);
  const s = await state(page);
  assert.equal(s.events[0].name, "ready");
  assert.deepEqual(
    s.events[0].detail.quotes.map((q) => q.source),
    ["ruiz", null, "okafor"],
  );
  assert.equal(s.badges, 3);
  await context.close();
});

test("an inline manifest annotates the page", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/t/inline.html`);
  const s = await state(page);
  assert.equal(s.events[0].name, "ready", JSON.stringify(s.events));
  assert.equal(s.badges, 3);
  await context.close();
});

test("several manifests merge in order and the override is reported", async () => {
  const { page, log, context } = await openAnnotated(browser, `${server.url}/t/merged.html`);
  const s = await state(page);
  assert.equal(s.events[0].name, "ready", JSON.stringify(s.events));
  assert.equal(s.badges, 3);
  const label = await page.evaluate(
    () => document.querySelector('[data-qa-source="ruiz"]').shadowRoot.querySelector("button").getAttribute("aria-label"),
  );
  assert.equal(label, "Source: Elena Ruiz", "the later manifest's entry wins");
  const warnings = log.console.filter((m) => m.type === "warning").map((m) => m.text);
  assert.ok(warnings.some((w) => w.includes('"ruiz"') && w.includes("/m/site.json") && w.includes("/m/good.json")), warnings.join("\n"));
  await context.close();
});

test("several manifests load side by side, through the script tag and through load()", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/t/side-by-side.html`);
  const s = await state(page);
  assert.equal(s.events[0].name, "ready", JSON.stringify(s.events));
  assert.equal(s.badges, 3);
  // The JS API alone, without the script tag's preloads.
  const sources = await page.evaluate(async () => {
    const { QuoteAttribution } = await import("/quote-attribution/quote_attribution.js");
    const qa = await QuoteAttribution.load("/m/api-first.json /m/api-second.json");
    const article = document.querySelector("article");
    const report = qa.annotate(article);
    qa.clear();
    return report.quotes.map((q) => q.source);
  });
  assert.deepEqual(sources, ["ruiz", null, "okafor"]);
  await context.close();
});

const failures = [
  ["404", "/t/404.html", ["/m/404.json", "HTTP 404"]],
  ["500", "/t/500.html", ["/m/500.json", "HTTP 500"]],
  ["non-JSON body", "/t/html.html", ["/m/html.json", "invalid JSON at line 1, column 1"]],
  ["an HTML page served instead", "/t/login.html", ["/m/login.json", "served as text/html; charset=utf-8, not JSON"]],
  ["a redirect to another origin without CORS", "/t/redirect.html", ["/m/redirect.json", "network error"]],
  ["invalid manifest", "/t/invalid.html", ["sources[0].id", "sources[0].url"]],
  ["timeout", "/t/slow.html", ["/m/slow.json", "no answer within 400 ms"]],
  ["unreachable", "/t/unreachable.html", ["http://127.0.0.1:9/quotes.json", "network error"]],
  ["truncated inline manifest", "/t/inline-bad.html", ["invalid JSON at line 1"]],
  ["no manifest at all", "/t/none.html", ["no manifest"]],
  ["root selector matching nothing", "/t/no-root.html", ['root: the selector "#story" matches no element']],
];

for (const [name, path, needles] of failures) {
  test(`${name}: the page is left as it was and the problem is reported once`, async () => {
    const { page, log, context } = await openAnnotated(browser, `${server.url}${path}`);
    const s = await state(page);
    assert.equal(s.events.length, 1, JSON.stringify(s.events));
    assert.equal(s.events[0].name, "error");
    const problems = s.events[0].detail.problems.join("\n");
    for (const needle of needles) assert.ok(problems.includes(needle), `"${needle}" not in:\n${problems}`);
    assert.ok(s.unchanged, "the article is unchanged");
    assert.equal(s.badges, 0);
    assert.equal(s.highlights, 0);
    assert.deepEqual(s.uncaught, []);
    assert.deepEqual(log.pageErrors, []);
    const errors = log.console.filter((m) => m.type === "error" && m.text.startsWith("quote-attribution"));
    assert.equal(errors.length, 1, JSON.stringify(log.console));
    for (const needle of needles) assert.ok(errors[0].text.includes(needle), errors[0].text);
    await context.close();
  });
}
