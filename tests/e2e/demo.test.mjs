// The demo page, loaded through its script tag in headless Chromium: the
// seed article must come out annotated as the seed's expected quotes say.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { launch, serve, openAnnotated } from "./browser.mjs";

const expected = JSON.parse(await readFile(new URL("../corpus/00-un-cybercrime.expected.json", import.meta.url)));
let browser, server;

before(async () => {
  server = await serve({ root: "www" });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the demo page is annotated through the script tag", async () => {
  const { page, log, context } = await openAnnotated(browser, `${server.url}/`);
  const state = await page.evaluate(() => ({
    events: window.__qa.events,
    uncaught: window.__qa.uncaught,
    badges: [...document.querySelectorAll("article [data-qa-quote]")].map((b) => ({
      index: b.getAttribute("data-qa-quote"),
      source: b.getAttribute("data-qa-source"),
      label: b.shadowRoot?.querySelector("button")?.getAttribute("aria-label"),
    })),
    highlighted: CSS.highlights.get("qa-quote")?.size ?? 0,
  }));
  assert.deepEqual(state.uncaught, []);
  assert.deepEqual(log.pageErrors, []);
  assert.equal(state.events.length, 1, "exactly one event");
  assert.equal(state.events[0].name, "ready", JSON.stringify(state.events[0]));
  const report = state.events[0].detail;
  assert.deepEqual(
    report.quotes.map((q) => ({ text: q.text, source: q.source })),
    expected.quotes.map((q) => ({ text: q.text, source: q.source })),
  );
  // One badge per quote, in document order, carrying the source id.
  assert.deepEqual(
    state.badges.map((b) => [b.index, b.source]),
    expected.quotes.map((q, i) => [String(i), q.source]),
  );
  assert.ok(state.badges.every((b) => b.label && b.label.length > 0), "every badge button has an accessible name");
  assert.ok(state.highlighted > 0, "attributed quotes are highlighted");
  await context.close();
});
