// Shared set-up for the end-to-end tests: Debian's Chromium driven by
// playwright-core (no browser download), and the www/ server.
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export { serve };

/// Opens `url` in a fresh page that records quote-attribution events,
/// console messages and uncaught errors, and waits for ready or error.
export async function openAnnotated(browser, url, { waitFor = "any", context: options = {} } = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const log = { console: [], pageErrors: [] };
  page.on("console", (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => log.pageErrors.push(String(e)));
  await page.addInitScript(() => {
    window.__qa = { events: [], uncaught: [], violations: [] };
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__qa.violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`),
    );
    for (const name of ["ready", "error"]) {
      document.addEventListener(`quote-attribution:${name}`, (e) =>
        window.__qa.events.push({ name, detail: JSON.parse(JSON.stringify(e.detail)) }),
      );
    }
    window.addEventListener("error", (e) => window.__qa.uncaught.push(String(e.message)));
    window.addEventListener("unhandledrejection", (e) => window.__qa.uncaught.push(String(e.reason)));
  });
  await page.goto(url);
  if (waitFor !== "none") {
    await page.waitForFunction(() => window.__qa.events.length > 0, null, { timeout: 15000 });
  }
  return { context, page, log };
}
