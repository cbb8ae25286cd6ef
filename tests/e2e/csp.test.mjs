// The demo under a strict Content-Security-Policy with Trusted Types: it must
// work with zero securitypolicyviolation events — no inline script or style,
// no eval beyond WebAssembly compilation, no HTML sink.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, serve, openAnnotated } from "./browser.mjs";
import { page as fixture, html, MANIFEST } from "./fixtures.mjs";

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";

let browser, server;
before(async () => {
  const withCsp = (handler) => (req, res) => {
    res.setHeader("content-security-policy", CSP);
    return handler(req, res);
  };
  server = await serve({
    root: "www",
    headers: () => ({ "content-security-policy": CSP }),
    routes: {
      "/m/jsonld.json": (req, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-security-policy": CSP });
        res.end(JSON.stringify({ ...MANIFEST, options: { jsonLd: true } }));
      },
      "/t/jsonld.html": withCsp(html(fixture({ attributes: { "data-manifest": "/m/jsonld.json" } }))),
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [name, path, quotes] of [
  ["the demo", "/", 5],
  ["a page asking for JSON-LD", "/t/jsonld.html", 3],
]) {
  test(`${name} works under a strict CSP with Trusted Types`, async () => {
    const { page, context: ctx, log } = await openAnnotated(browser, `${server.url}${path}`);
    const state = await page.evaluate(() => ({
      events: window.__qa.events.map((e) => e.name),
      badges: document.querySelectorAll("[data-qa-quote]").length,
      violations: window.__qa.violations,
    }));
    assert.deepEqual(state.events, ["ready"], JSON.stringify(log.console));
    assert.equal(state.badges, quotes);
    assert.deepEqual(state.violations, [], "no securitypolicyviolation event");
    const reported = log.console.filter((m) => /Content Security Policy|Trusted Type|TrustedScript|TrustedHTML/i.test(m.text));
    assert.deepEqual(reported, [], "no CSP or Trusted Types violation was reported");
    await ctx.close();
  });
}
