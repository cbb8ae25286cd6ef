// The widget and the CLI must agree: for every page of the corpus (and the
// seed), the quotes, sources, speakers and methods that `annotate()` returns
// in Chromium equal what `quote-attribution scan` prints natively.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { launch, serve } from "./browser.mjs";

const CORPUS = new URL("../corpus/", import.meta.url);
const target = process.env.CARGO_TARGET_DIR ?? "target";
const BIN = [`${target}/debug/quote-attribution`, `${target}/release/quote-attribution`].find(existsSync);

let browser, server;
before(async () => {
  server = await serve({ root: "www" });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const pages = (await readdir(CORPUS)).filter((f) => f.endsWith(".html")).sort();

test("the CLI binary exists (cargo test builds it)", () => {
  assert.ok(BIN, "target/debug/quote-attribution is missing: run cargo test or cargo build first");
});

for (const file of pages) {
  test(`widget and scan agree on ${file}`, { skip: !BIN }, async () => {
    const manifestPath = new URL(file.replace(/\.html$/, ".manifest.json"), CORPUS).pathname;
    const manifest = await readFile(manifestPath, "utf8");
    const cli = JSON.parse(
      execFileSync(BIN, ["scan", "--manifest", manifestPath, "--format", "json", new URL(file, CORPUS).pathname], {
        encoding: "utf8",
      }),
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    // The corpus page is parsed into a document of the www origin (where the
    // engine is served), without running the page's own scripts.
    const html = await readFile(new URL(file, CORPUS), "utf8");
    await page.goto(`${server.url}/`);
    const widget = await page.evaluate(
      async ({ html, manifest }) => {
        const { default: init, QuoteAttribution } = await import("/quote-attribution/quote_attribution.js");
        await init({ module_or_path: "/quote-attribution/quote_attribution_bg.wasm" });
        const doc = new DOMParser().parseFromString(html, "text/html");
        document.documentElement.replaceWith(document.adoptNode(doc.documentElement));
        const qa = QuoteAttribution.fromManifest(manifest);
        const root =
          (qa.root && document.querySelector(qa.root)) ??
          document.querySelector("article") ??
          document.querySelector("main") ??
          document.body;
        return qa.annotate(root);
      },
      { html, manifest },
    );
    const shape = (r) => r.quotes.map((q) => ({ text: q.text, source: q.source, speaker: q.speaker, method: q.method }));
    assert.deepEqual(shape(widget), shape(cli));
    await context.close();
  });
}
