// Takes the README's screenshots of the demo in headless Chromium:
// docs/demo.png (the annotated article) and docs/demo-card.png (a source
// card open). Run after scripts/build.sh: node scripts/screenshot.mjs
import { launch, serve } from "../tests/e2e/browser.mjs";

const server = await serve({ root: "www" });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 1000 }, deviceScaleFactor: 1 });
  await page.addInitScript(() =>
    document.addEventListener("quote-attribution:ready", () => (window.__ready = true), { once: true }),
  );
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => window.__ready === true, null, { timeout: 10000 });
  await page.screenshot({ path: "docs/demo.png", fullPage: true });
  await page.evaluate(() => {
    const host = document.querySelector('[data-qa-quote="2"]');
    host.scrollIntoView({ block: "center" });
    host.shadowRoot.querySelector("button").click();
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: "docs/demo-card.png" });
  console.log("wrote docs/demo.png and docs/demo-card.png");
} finally {
  await browser.close();
  await server.close();
}
