// What a reader meets: badges reachable and operable by keyboard, a source
// card that opens and closes like a disclosure popover, no accessibility
// violations (axe-core), no badge text in copied text, and pages that change
// after load.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { launch, serve, openAnnotated } from "./browser.mjs";
import { page as fixture, html, json, MANIFEST, ARTICLE } from "./fixtures.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

let browser, server;
before(async () => {
  server = await serve({
    root: "www",
    routes: {
      "/m/good.json": json(MANIFEST),
      "/t/good.html": html(fixture({ attributes: { "data-manifest": "/m/good.json" } })),
      "/t/jsonld.html": html(fixture({ inline: JSON.stringify({ ...MANIFEST, options: { jsonLd: true } }) })),
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/// Where focus is: the badge index and whether the button inside has it.
function focused(page) {
  return page.evaluate(() => {
    const host = document.activeElement?.closest?.("[data-qa-quote]");
    const inner = host?.shadowRoot?.activeElement;
    return host ? { index: host.dataset.qaQuote, button: inner?.tagName === "BUTTON" } : null;
  });
}

function cardState(page, index) {
  return page.evaluate((i) => {
    const root = document.querySelector(`[data-qa-quote="${i}"]`).shadowRoot;
    return {
      open: root.querySelector(".card").matches(":popover-open"),
      expanded: root.querySelector("button").getAttribute("aria-expanded"),
    };
  }, index);
}

test("keyboard: Tab reaches every badge, Enter opens its card, Escape closes it and focus returns", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/`);
  const count = await page.evaluate(() => document.querySelectorAll("[data-qa-quote]").length);
  assert.ok(count >= 5);
  await page.evaluate(() => document.activeElement?.blur());
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("Tab");
    assert.deepEqual(await focused(page), { index: String(i), button: true }, `Tab ${i + 1}`);
  }
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  const at = (await focused(page)).index;
  await page.keyboard.press("Enter");
  assert.deepEqual(await cardState(page, at), { open: true, expanded: "true" });
  const cardText = await page.evaluate(
    (i) => document.querySelector(`[data-qa-quote="${i}"]`).shadowRoot.querySelector(".card").textContent,
    at,
  );
  assert.ok(cardText.length > 10, cardText);
  await page.keyboard.press("Escape");
  assert.deepEqual(await cardState(page, at), { open: false, expanded: "false" });
  assert.deepEqual(await focused(page), { index: at, button: true }, "focus is back on the badge");
  await context.close();
});

test("a click outside closes the card", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/`);
  await page.evaluate(() => document.querySelector('[data-qa-quote="0"]').shadowRoot.querySelector("button").click());
  assert.equal((await cardState(page, "0")).open, true);
  await page.mouse.click(5, 300);
  assert.deepEqual(await cardState(page, "0"), { open: false, expanded: "false" });
  await context.close();
});

test("axe-core finds no violations on the demo with a card open", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/`);
  await page.evaluate(() => document.querySelector('[data-qa-quote="4"]').shadowRoot.querySelector("button").click());
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
  assert.deepEqual(result, []);
  await context.close();
});

test("copying the article yields its text without badge text", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/t/good.html`);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector("article"));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await page.keyboard.press("Control+C");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const original = await page.evaluate(() => {
    const t = document.createElement("div");
    t.innerHTML = document.getElementById("original").innerHTML;
    document.body.append(t);
    const range = document.createRange();
    range.selectNodeContents(t);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    const s = getSelection().toString();
    t.remove();
    return s;
  });
  assert.equal(copied.trim(), original.trim());
  await context.close();
});

test("content added or removed later is annotated or dropped, and our own changes do not loop", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/t/good.html`);
  const count = () => page.evaluate(() => document.querySelectorAll("[data-qa-quote]").length);
  const events = () => page.evaluate(() => window.__qa.events.length);
  assert.equal(await count(), 3);
  await page.waitForTimeout(500);
  assert.equal(await events(), 1, "annotating did not trigger a re-annotation");
  await page.evaluate(() => {
    const p = document.createElement("p");
    p.textContent = "“A new quote arrives,” Okafor said.";
    document.querySelector("article").append(p);
  });
  await page.waitForFunction(() => window.__qa.events.length === 2);
  assert.equal(await count(), 4);
  const sources = await page.evaluate(() => window.__qa.events[1].detail.quotes.map((q) => q.source));
  assert.deepEqual(sources, ["ruiz", null, "okafor", "okafor"]);
  await page.evaluate(() => document.querySelector("article p").remove());
  await page.waitForFunction(() => window.__qa.events.length === 3);
  assert.equal(await count(), 3);
  await page.waitForTimeout(500);
  assert.equal(await events(), 3, "no further re-annotation without a change");
  await context.close();
});

test("a client-side navigation that replaces the root is annotated again", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/t/good.html`);
  await page.evaluate(() => {
    history.pushState({}, "", "/t/next.html");
    const article = document.createElement("article");
    article.innerHTML = "<p>“Next story,” said Elena Ruiz.</p>";
    document.querySelector("article").replaceWith(article);
  });
  await page.waitForFunction(() => window.__qa.events.length >= 2);
  const last = await page.evaluate(() => window.__qa.events.at(-1));
  assert.equal(last.name, "ready");
  assert.deepEqual(last.detail.quotes.map((q) => [q.text, q.source]), [["Next story,", "ruiz"]]);
  assert.equal(await page.evaluate(() => document.querySelectorAll("[data-qa-quote]").length), 1);
  await context.close();
});

test("the JS API: clear() restores the root byte for byte, annotate twice equals once", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/t/good.html`);
  const result = await page.evaluate(async () => {
    const { default: init, QuoteAttribution } = await import("/quote-attribution/quote_attribution.js");
    await init({ module_or_path: "/quote-attribution/quote_attribution_bg.wasm" });
    const root = document.createElement("article");
    root.innerHTML = document.getElementById("original").content.firstElementChild.innerHTML;
    document.body.append(root);
    const before = root.innerHTML;
    const qa = await QuoteAttribution.load("/m/good.json");
    const report = qa.annotate(root);
    const once = root.innerHTML;
    qa.annotate(root);
    const twice = root.innerHTML;
    qa.clear();
    return { before, after: root.innerHTML, once, twice, n: report.quotes.length, badges: root.querySelectorAll("[data-qa-quote]").length };
  });
  assert.equal(result.n, 3);
  assert.equal(result.once, result.twice);
  assert.notEqual(result.once, result.before);
  assert.equal(result.after, result.before);
  assert.equal(result.badges, 0);
  await context.close();
});

test("options.jsonLd adds one schema.org Quotation per attributed quote", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/t/jsonld.html`);
  const ld = await page.evaluate(() => JSON.parse(document.querySelector('script[type="application/ld+json"][data-qa-jsonld]').textContent));
  assert.deepEqual(
    ld.map((q) => [q["@type"], q.creator.name]),
    [["Quotation", "Elena Ruiz"], ["Quotation", "Daniel Okafor"]],
  );
  assert.equal(ld[0].creator.url, "https://example.org/ruiz");
  await context.close();
});

test("the card opens next to its badge and inside the viewport", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/`, { context: { viewport: { width: 800, height: 600 } } });
  for (const index of ["0", "4"]) {
    const box = await page.evaluate((i) => {
      const root = document.querySelector(`[data-qa-quote="${i}"]`).shadowRoot;
      const button = root.querySelector("button");
      button.scrollIntoView({ block: "center" });
      button.click();
      const b = button.getBoundingClientRect();
      const c = root.querySelector(".card").getBoundingClientRect();
      root.querySelector(".card").hidePopover();
      return { b: { top: b.top, bottom: b.bottom, left: b.left }, c: { top: c.top, bottom: c.bottom, left: c.left, right: c.right } };
    }, index);
    const gap = Math.min(Math.abs(box.c.top - box.b.bottom), Math.abs(box.b.top - box.c.bottom));
    assert.ok(gap < 20, `card ${index} is next to its badge: ${JSON.stringify(box)}`);
    assert.ok(box.c.left >= 0 && box.c.right <= 800 && box.c.top >= 0 && box.c.bottom <= 600, `card ${index} on screen: ${JSON.stringify(box)}`);
  }
  await context.close();
});

test("printing hides badges, or prints the source when the page asks", async () => {
  const { page, context } = await openAnnotated(browser, `${server.url}/`);
  await page.emulateMedia({ media: "print" });
  const hidden = await page.evaluate(() => getComputedStyle(document.querySelector("[data-qa-quote]")).display);
  assert.equal(hidden, "none");
  await page.evaluate(() => document.querySelector("article").setAttribute("data-qa-print", "sources"));
  const printed = await page.evaluate(() => {
    const root = document.querySelector('[data-qa-quote="4"]').shadowRoot;
    return { print: getComputedStyle(root.querySelector(".print")).display, text: root.querySelector(".print").textContent };
  });
  assert.deepEqual(printed, { print: "inline", text: " [Source: Human Rights Watch]" });
  await context.close();
});

test("without CSS anchor positioning the card is still placed by its badge, on screen", async () => {
  // Chromium has shipped anchor positioning and dropped its switch, so a
  // browser without it is played by one whose CSS.supports says no: the
  // widget then positions the card itself, overriding the anchored rules.
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  await context.addInitScript(() => {
    const supports = CSS.supports.bind(CSS);
    CSS.supports = (property, value) => (String(property).startsWith("anchor") ? false : supports(property, value));
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForSelector("[data-qa-quote]", { state: "attached" });
  try {
    // One card opening near the top of the viewport (room below), one near
    // the bottom (room only above).
    for (const [index, block] of [["0", "start"], ["4", "end"]]) {
      const box = await page.evaluate(
        ([i, block]) => {
          const root = document.querySelector(`[data-qa-quote="${i}"]`).shadowRoot;
          const button = root.querySelector("button");
          button.scrollIntoView({ block });
          button.click();
          const b = button.getBoundingClientRect();
          const c = root.querySelector(".card").getBoundingClientRect();
          root.querySelector(".card").hidePopover();
          return { b: { top: b.top, bottom: b.bottom }, c: { top: c.top, bottom: c.bottom, left: c.left, right: c.right } };
        },
        [index, block],
      );
      const gap = Math.min(Math.abs(box.c.top - box.b.bottom), Math.abs(box.b.top - box.c.bottom));
      assert.ok(gap < 20, `card ${index} is by its badge: ${JSON.stringify(box)}`);
      assert.ok(box.c.left >= 0 && box.c.right <= 800, `card ${index} is on screen: ${JSON.stringify(box)}`);
      assert.ok(box.c.top >= 0 && box.c.bottom <= 600, `card ${index} is on screen: ${JSON.stringify(box)}`);
      if (block === "end") assert.ok(box.c.bottom <= box.b.top, `card ${index} opens above a badge at the bottom`);
    }
  } finally {
    await context.close();
  }
});
