// 1,000 annotate/clear cycles on the demo article: the article's HTML is
// byte-identical afterwards, and neither the JS heap (after a forced GC, via
// the DevTools protocol) nor the wasm memory keeps growing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, serve } from "./browser.mjs";
import { html } from "./fixtures.mjs";
import { readFile } from "node:fs/promises";

const MB = 1024 * 1024;
let browser, server;
before(async () => {
  const demo = await readFile(new URL("../../www/index.html", import.meta.url), "utf8");
  // The demo page without its script tag: the test drives the engine itself.
  const bare = demo.replace(/<script type="module"[^>]*><\/script>/, "");
  server = await serve({ root: "www", routes: { "/t/bare.html": html(bare) } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("1,000 annotate/clear cycles leak nothing", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/t/bare.html`);
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  const heap = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  };
  await page.evaluate(async () => {
    const { default: init, QuoteAttribution } = await import("/quote-attribution/quote_attribution.js");
    const wasm = await init({ module_or_path: "/quote-attribution/quote_attribution_bg.wasm" });
    const manifest = await (await fetch("/quotes.json")).text();
    const root = document.querySelector("article");
    window.__leak = {
      wasm,
      root,
      before: root.innerHTML,
      qa: QuoteAttribution.fromManifest(manifest),
      cycles(n) {
        for (let i = 0; i < n; i++) {
          this.qa.annotate(this.root);
          this.qa.clear();
        }
        return { same: this.root.innerHTML === this.before, wasm: this.wasm.memory.buffer.byteLength };
      },
    };
  });
  const warm = await page.evaluate(() => window.__leak.cycles(50));
  const heapStart = await heap();
  const end = await page.evaluate(() => window.__leak.cycles(1000));
  const heapEnd = await heap();
  const growth = heapEnd - heapStart;
  console.log(
    `# JS heap ${(heapStart / MB).toFixed(2)} → ${(heapEnd / MB).toFixed(2)} MB; wasm memory ${(warm.wasm / MB).toFixed(2)} → ${(end.wasm / MB).toFixed(2)} MB`,
  );
  assert.ok(warm.same && end.same, "the article is byte-identical after every clear()");
  assert.ok(growth < 1 * MB, `JS heap grew by ${(growth / MB).toFixed(2)} MB over 1,000 cycles`);
  assert.ok(end.wasm - warm.wasm < 1 * MB, `wasm memory grew by ${((end.wasm - warm.wasm) / MB).toFixed(2)} MB`);
  await context.close();
});
