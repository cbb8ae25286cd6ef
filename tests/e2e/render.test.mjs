// `quote-attribution render`: the seed article pre-rendered as static HTML
// must load and work with no script at all (marks, badges, cards opening
// as <details>), contain no <script>, and pass axe-core with 0 violations
// in headless Chromium — closed and with every card open.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { launch, serve } from "./browser.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

// The debug binary `cargo test` builds: target/, or CARGO_TARGET_DIR; the
// newest when both exist.
const BIN = ["target", process.env.CARGO_TARGET_DIR]
  .filter(Boolean)
  .map((dir) => `${dir}/debug/quote-attribution`)
  .filter(existsSync)
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];

let browser, server, rendered;
before(async () => {
  if (!BIN) return;
  rendered = execFileSync(BIN, ["render", "--manifest", "www/quotes.json", "www/index.html"], {
    encoding: "utf8",
  });
  server = await serve({
    root: "www",
    routes: {
      "/rendered.html": (req, res) => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        res.end(rendered);
      },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the CLI binary exists (cargo test builds it)", () => {
  assert.ok(BIN, "target/debug/quote-attribution is missing: run cargo test or cargo build first");
});

test("the rendered seed works with JavaScript disabled", { skip: !BIN }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}/rendered.html`);
  assert.equal(await page.locator("script").count(), 0, "no script element");
  assert.equal(await page.locator("details.qa-badge[data-qa-quote]").count(), 5, "one badge per quote");
  assert.equal(await page.locator("mark[data-qa-mark]").count(), 5, "one mark per quote");
  assert.equal(await page.locator('mark[data-qa-mark="unattributed"]').count(), 1, "“criminal.” has no source");
  const sources = await page
    .locator("details.qa-badge")
    .evaluateAll((ds) => ds.map((d) => d.dataset.qaSource ?? null));
  assert.deepEqual(sources, ["un-resolution", null, "us-official", "us-official", "hrw"]);
  // A badge opens its card natively: <details> needs no script.
  const hrw = page.locator('details[data-qa-source="hrw"]');
  assert.equal(await hrw.locator(".qa-card").isVisible(), false);
  await hrw.locator("summary").click();
  assert.equal(await hrw.evaluate((d) => d.open), true);
  assert.equal(await hrw.locator(".qa-card").isVisible(), true);
  assert.match(await hrw.locator(".qa-card").innerText(), /Human Rights Watch[\s\S]*Listed by the publisher/);
  // Every paragraph survived loading whole: no badge inside a <p>.
  assert.equal(await page.locator("p details").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const state of ["closed", "open"]) {
  test(`axe-core finds no violations with every card ${state}`, { skip: !BIN }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/rendered.html`);
    assert.equal(await page.evaluate(() => document.scripts.length), 0, "no script before axe is added");
    if (state === "open") {
      await page.evaluate(() => document.querySelectorAll("details.qa-badge").forEach((d) => (d.open = true)));
    }
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
    });
    assert.deepEqual(violations, []);
    await context.close();
  });
}
