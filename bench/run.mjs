// The benchmark: quote-attribution against the oracle floor and mark.js in
// one headless Chromium session, and the native CLI, on generated pages.
//
//   node bench/run.mjs              # the full run (about 10 minutes on 2 cores)
//   node bench/run.mjs --runs 3     # fewer timed runs per figure (default 7)
//   node bench/run.mjs --skip-mark  # without mark.js (minutes shorter)
//   node bench/run.mjs --profile    # then a CPU profile of annotate (see below)
//   node bench/run.mjs --only-profile
//
// Needs the wasm package in www/quote-attribution/ (scripts/build.sh) and
// builds the release CLI if it is missing (honouring CARGO_TARGET_DIR).
// Offline: Debian's Chromium through playwright-core, mark.js from
// node_modules. It prints figures and never fails on them.
//
// What is measured, each the median of --runs timed runs after one warm-up,
// all interleaved round by round in one browser process (so a slow minute
// of the machine hits every figure alike):
//   (a) qa.annotate(root), and separately qa.clear(), imported directly;
//   (b) the oracle floor (bench/harness.js `oracle`): plain JS given every
//       highlight range and badge position, doing only the DOM work;
//   (c) mark.js 8.11.1 marking the manifest's explicit quotes and every
//       source name and alias (acrossElements, no word splitting); a run
//       stops past --mark-cap seconds and the figure is then a lower bound;
//   (d) a fresh page load to `quote-attribution:ready` through the real
//       script tag: the demo page, and the generated pages;
//   and natively, `quote-attribution scan` over the same HTML.

import { chromium } from "playwright-core";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { serve } from "../scripts/serve.mjs";
import { writeSet, OUT, DEFAULT_SOURCES, MANIFEST_SIZES, PAGE_SIZES } from "./generate.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, "..");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const flag = (name) => process.argv.includes(`--${name}`);
const RUNS = Number(arg("runs", 7));
const MARK_CAP_MS = Number(arg("mark-cap", 60)) * 1000;
const SKIP_MARK = flag("skip-mark"); // for quick runs while working on the engine

const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (...a) => console.error(...a);

// ---------------------------------------------------------------------------
// The machine, the build, the pages.

function machine(browserVersion) {
  const info = readFileSync("/proc/cpuinfo", "utf8");
  const model = info.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? "unknown";
  // The load average says how busy the machine was (other builds) when the
  // figures were taken.
  return { cpu: model, cores: cpus().length, chromium: browserVersion, node: process.version, loadAverage: loadavg().map((x) => Number(x.toFixed(2))) };
}

function sizes() {
  const pkg = join(REPO, "pkg");
  const gz = (f) => (existsSync(join(pkg, f)) ? gzipSync(readFileSync(join(pkg, f)), { level: 9 }).length : null);
  const raw = (f) => (existsSync(join(pkg, f)) ? readFileSync(join(pkg, f)).length : null);
  const wasm = gz("quote_attribution_bg.wasm");
  // The glue: wasm-bindgen's module, with src/dom/shell.js folded in by
  // scripts/build.sh.
  const glue = gz("quote_attribution.js");
  const embed = gz("embed.js");
  return {
    wasmGz: wasm, wasmRaw: raw("quote_attribution_bg.wasm"), glueGz: glue, embedGz: embed,
    totalGz: wasm && glue ? wasm + glue : null,
  };
}

function cliBinary() {
  const dir = process.env.CARGO_TARGET_DIR ?? join(REPO, "target");
  const bin = join(dir, "release", "quote-attribution");
  log(`building the release CLI (cargo build --release --bin quote-attribution, target ${dir})`);
  const r = spawnSync("cargo", ["build", "--release", "--bin", "quote-attribution", "--quiet"], {
    cwd: REPO, stdio: ["ignore", "inherit", "inherit"],
  });
  if (r.status !== 0 || !existsSync(bin)) {
    log("could not build the CLI: native figures skipped");
    return null;
  }
  return bin;
}

/// A comparison of a report with the generator's ground truth: how many of
/// the generated quotations were found, and how many attributed to the
/// source the generator meant. Not a goal of the benchmark: it shows the
/// pages exercise patterns the engine really handles.
function accuracy(quotes, truth) {
  const norm = (s) => s.replace(/[’‘']/g, "'").replace(/[^\p{L}\p{N}' ]+/gu, " ").replace(/\s+/g, " ").trim().toLowerCase();
  const found = new Map();
  for (const q of quotes) {
    const k = norm(q.text);
    found.set(k, [...(found.get(k) ?? []), q]);
  }
  let hit = 0;
  let right = 0;
  for (const t of truth) {
    const q = found.get(norm(t.text))?.shift();
    if (!q) continue;
    hit++;
    if ((q.source ?? null) === t.source) right++;
  }
  return { generated: truth.length, found: hit, attributed: right, reported: quotes.length };
}

// ---------------------------------------------------------------------------
// The browser.

async function launch() {
  // The end-to-end tests' arguments (tests/e2e/browser.mjs), plus gc() for
  // the harness.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--js-flags=--expose-gc",
    ],
  });
}

/// Serves www/ (the demo and the wasm package) and, under /bench/, the
/// generated pages, the harness and mark.js.
async function server() {
  const files = {};
  for (const f of readdirSync(OUT)) files[`/bench/${f}`] = join(OUT, f);
  files["/bench/harness.js"] = join(HERE, "harness.js");
  files["/bench/mark.min.js"] = join(REPO, "node_modules/mark.js/dist/mark.min.js");
  if (existsSync(join(OUT, "profile"))) {
    for (const f of readdirSync(join(OUT, "profile"), { recursive: true })) files[`/bench/profile/${f}`] = join(OUT, "profile", f);
  }
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".wasm": "application/wasm" };
  const routes = {};
  for (const [path, file] of Object.entries(files)) {
    routes[path] = (req, res) => {
      res.writeHead(200, { "content-type": types[path.slice(path.lastIndexOf("."))] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(readFileSync(file));
    };
  }
  return serve({ root: join(REPO, "www"), routes });
}

/// One benchmark page: an inert generated page with the harness, the wasm
/// module and mark.js loaded, and the manifest compiled.
async function openBench(browser, url, { paragraphs, sources, module = "/quote-attribution/quote_attribution.js" }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${url}/bench/page-${paragraphs}.html`);
  await page.addScriptTag({ url: "/bench/mark.min.js" });
  const setup = await page.evaluate(async ({ module, manifestUrl }) => {
    window.h = await import("/bench/harness.js");
    const s = await window.h.setup({ module, manifestUrl });
    window.h.oracleSetup();
    return s;
  }, { module, manifestUrl: `/bench/manifest-${sources}.json` });
  return { context, page, setup, errors, paragraphs, sources };
}

/// (d) A fresh page load, in a fresh context, to `quote-attribution:ready`.
async function loadToReady(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const done = (name) => (e) => {
      window.__ready ??= { name, at: performance.now(), quotes: e.detail?.quotes?.length ?? null, problems: e.detail?.problems };
      console.debug(`bench: ${name}`);
    };
    document.addEventListener("quote-attribution:ready", done("ready"), { capture: true });
    document.addEventListener("quote-attribution:error", done("error"), { capture: true });
  });
  // Told by a console message, not by polling: playwright's polling injects
  // its own script into the page, whose first compile (~30 ms here) blocked
  // the main thread in the middle of the load being measured.
  const settled = page.waitForEvent("console", { predicate: (m) => m.text().startsWith("bench: "), timeout: 120000 });
  await page.goto(url, { waitUntil: "commit" });
  await settled;
  const r = await page.evaluate(() => {
    const resources = performance.getEntriesByType("resource");
    const find = (end) => resources.find((e) => e.name.endsWith(end));
    const embed = find("/quote-attribution/embed.js");
    const nav = performance.getEntriesByType("navigation")[0];
    // Where the time went: when each request started and ended.
    const steps = {};
    for (const [name, end] of [["embed.js", "/embed.js"], ["glue", "/quote_attribution.js"], ["wasm", "_bg.wasm"], ["manifest", ".json"]]) {
      const e = find(end);
      if (e) steps[name] = [Math.round(e.startTime), Math.round(e.responseEnd)];
    }
    return { ...window.__ready, embedStart: embed?.startTime ?? null, domInteractive: nav?.domInteractive ?? null, steps };
  });
  await context.close();
  return r;
}

// ---------------------------------------------------------------------------
// The run.

async function benchmark(browser, url, cli, set) {
  // The four configurations: both page sizes at the default manifest, and
  // the manifest-size curve at 1,000 paragraphs.
  const configs = [];
  for (const p of PAGE_SIZES) configs.push({ paragraphs: p, sources: DEFAULT_SOURCES });
  for (const s of MANIFEST_SIZES) if (s !== DEFAULT_SOURCES) configs.push({ paragraphs: PAGE_SIZES[0], sources: s });
  const key = (c) => `${c.paragraphs}p/${c.sources}s`;

  const manifests = Object.fromEntries(MANIFEST_SIZES.map((s) => [s, JSON.parse(readFileSync(join(OUT, `manifest-${s}.json`), "utf8"))]));
  const terms = (s) => [
    ...manifests[s].quotes.map((q) => q.text),
    ...manifests[s].sources.flatMap((src) => [src.name, ...(src.aliases ?? [])]),
  ];

  const pages = [];
  for (const c of configs) {
    log(`opening ${key(c)}`);
    pages.push({ ...c, ...(await openBench(browser, url, c)) });
  }
  const loads = [
    { name: "demo page (www/index.html)", url: `${url}/` },
    ...PAGE_SIZES.map((p) => ({ name: `generated, ${p} paragraphs`, url: `${url}/bench/${set.pages[p].embed}`, paragraphs: p })),
  ];

  const results = Object.fromEntries(configs.map((c) => [key(c), {
    ...c, annotate: [], annotateLayout: [], clear: [], oracle: [], oracleLayout: [], mark: [], markLayout: [], native: [],
    markCapped: null, markSkipped: SKIP_MARK, quotes: null,
  }]));
  const ready = Object.fromEntries(loads.map((l) => [l.name, { url: l.url, fromNavigation: [], fromEmbed: [], quotes: null }]));

  // Untimed checks on each page: the oracle's plan, parity with the CLI, the
  // generator's truth, and that every cleanup restores the page.
  for (const p of pages) {
    const r = results[key(p)];
    const pristine = await p.page.evaluate(() => h.fingerprint());
    r.report = await p.page.evaluate(() => h.report());
    await p.page.evaluate(() => h.annotate());
    r.plan = await p.page.evaluate(() => h.makePlan());
    await p.page.evaluate(() => h.clear());
    r.restored = { afterClear: (await p.page.evaluate(() => h.fingerprint())) === pristine };
    const o = await p.page.evaluate(() => h.oracle());
    r.oracleMatches = await p.page.evaluate(() => h.oracleMatchesPlan());
    await p.page.evaluate(() => h.oracleCleanup());
    r.restored.afterOracle = (await p.page.evaluate(() => h.fingerprint())) === pristine;
    r.oracleCheck = { badges: o.badges, ranges: o.ranges };
    r.pristine = pristine;
    r.compileMs = p.setup.compileMs;
    r.textBytes = p.setup.textBytes;
    r.markTerms = terms(p.sources).length;
  }

  for (let round = 0; round <= RUNS; round++) {
    const warm = round === 0;
    const t0 = Date.now();
    for (const p of pages) {
      const r = results[key(p)];
      await p.page.bringToFront();
      // Rotate the order so that no figure always runs right after another.
      const steps = [
        async () => {
          const a = await p.page.evaluate(() => h.annotate());
          const c = await p.page.evaluate(() => h.clear());
          r.quotes = a.quotes;
          if (!warm) {
            r.annotate.push(a.ms); r.annotateLayout.push(a.layoutMs); r.clear.push(c.ms);
          }
        },
        async () => {
          const o = await p.page.evaluate(() => h.oracle());
          await p.page.evaluate(() => h.oracleCleanup());
          if (!warm) { r.oracle.push(o.ms); r.oracleLayout.push(o.layoutMs); }
        },
        async () => {
          if (r.markSkipped || r.markCapped) return;
          const m = await p.page.evaluate(([t, cap]) => h.markjs(t, cap), [terms(p.sources), MARK_CAP_MS]);
          await p.page.evaluate(() => h.unmark());
          r.markMatches = m.matches;
          r.markSynchronous = m.synchronous;
          if (m.done < m.terms) {
            // Over the cap: one lower bound is all this configuration gets,
            // and the same page with 10× the paragraphs is not tried.
            r.markCapped = { ms: m.ms, termsDone: m.done, terms: m.terms };
            for (const q of pages) {
              if (q.sources === p.sources && q.paragraphs > p.paragraphs) results[key(q)].markSkipped = true;
            }
            log(`  mark.js on ${key(p)}: over ${MARK_CAP_MS / 1000} s after ${m.done} of ${m.terms} terms`);
            return;
          }
          if (!warm) { r.mark.push(m.ms); r.markLayout.push(m.layoutMs); }
          // A warm-up longer than a fifth of the cap gets three timed runs,
          // not RUNS, to keep the whole benchmark near ten minutes.
          if (warm && m.ms > MARK_CAP_MS / 5) r.markRuns = Math.min(RUNS, 3);
          if (r.markRuns && r.mark.length >= r.markRuns) r.markSkipped = "enough";
        },
      ];
      for (let k = 0; k < steps.length; k++) await steps[(k + round) % steps.length]();
    }
    for (const l of loads) {
      const d = await loadToReady(browser, l.url);
      const s = ready[l.name];
      s.quotes = d.quotes;
      s.event = d.name;
      if (d.name !== "ready") s.problems = d.problems;
      if (!warm) {
        (s.steps ??= []).push({ ...d.steps, parsed: Math.round(d.domInteractive), ready: Math.round(d.at) });
        s.fromNavigation.push(d.at);
        if (d.embedStart != null) s.fromEmbed.push(d.at - d.embedStart);
      }
    }
    if (cli) {
      for (const c of configs) {
        const r = results[key(c)];
        const t = process.hrtime.bigint();
        const out = spawnSync(cli, ["scan", "--manifest", join(OUT, `manifest-${c.sources}.json`), "--format", "json", join(OUT, set.pages[c.paragraphs].html)], { maxBuffer: 1 << 28 });
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        if (out.status !== 0) {
          r.nativeError = String(out.stderr);
          continue;
        }
        if (warm) r.nativeReport = JSON.parse(out.stdout).quotes;
        else r.native.push(ms);
      }
    }
    log(`round ${round}${warm ? " (warm-up)" : ""} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  for (const p of pages) {
    const r = results[key(p)];
    r.restored.afterAll = (await p.page.evaluate(() => h.fingerprint())) === r.pristine;
    r.errors = p.errors;
    await p.context.close();
  }
  return { configs: configs.map(key), results, ready };
}

// ---------------------------------------------------------------------------
// The table.

const fmt = (ms) => {
  if (ms == null) return "—";
  if (ms >= 10000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
};
const ratio = (x, y, bound = "") => (x == null || y == null ? "—" : `${bound}${(x / y).toFixed(2)}×`);

function summarise(run, set, meta) {
  const rows = [];
  const summary = { machine: meta.machine, sizes: meta.sizes, runs: RUNS, markCapSeconds: MARK_CAP_MS / 1000, configs: {}, ready: {} };
  for (const k of run.configs) {
    const r = run.results[k];
    const a = median(r.annotate);
    const b = median(r.oracle);
    const c = r.markCapped ? r.markCapped.ms : median(r.mark);
    const s = {
      paragraphs: r.paragraphs, sources: r.sources, textMB: r.textBytes / 1e6, quotes: r.quotes,
      annotateMs: a, clearMs: median(r.clear), oracleMs: b, markMs: c,
      markLowerBound: Boolean(r.markCapped), markSkipped: r.markSkipped === true,
      markTerms: r.markTerms, markTermsDone: r.markCapped?.termsDone ?? null, markRuns: r.mark.length,
      nativeMs: median(r.native),
      annotateLayoutMs: median(r.annotateLayout), oracleLayoutMs: median(r.oracleLayout), markLayoutMs: median(r.markLayout),
      compileManifestMs: r.compileMs,
      aOverB: a != null && b ? a / b : null,
      cOverA: c != null && a ? c / a : null,
      samples: { annotate: r.annotate, clear: r.clear, oracle: r.oracle, mark: r.mark, native: r.native },
      checks: {
        oracleSameWork: r.oracleMatches && r.oracleCheck.badges === r.plan.badges && r.oracleCheck.ranges === r.plan.ranges,
        plan: r.plan,
        restored: r.restored,
        cliParity: r.nativeReport ? sameQuotes(r.report, r.nativeReport) : null,
        accuracy: accuracy(r.report, JSON.parse(readFileSync(join(OUT, set.pages[r.paragraphs].truth), "utf8"))),
        markSynchronous: r.markSynchronous ?? null,
        pageErrors: r.errors,
        nativeError: r.nativeError ?? null,
      },
    };
    summary.configs[k] = s;
    rows.push(s);
  }
  for (const [name, d] of Object.entries(run.ready)) {
    // The run whose ready time is the median, as a timeline.
    const mid = d.steps?.find((x) => x.ready === Math.round(median(d.fromNavigation))) ?? d.steps?.[d.steps.length >> 1];
    summary.ready[name] = { fromNavigationMs: median(d.fromNavigation), fromEmbedRequestMs: median(d.fromEmbed), quotes: d.quotes, event: d.event, problems: d.problems, samples: d.fromNavigation, timeline: mid };
  }
  const small = summary.configs[`${PAGE_SIZES[0]}p/${DEFAULT_SOURCES}s`];
  const large = summary.configs[`${PAGE_SIZES[1]}p/${DEFAULT_SOURCES}s`];
  const few = summary.configs[`${PAGE_SIZES[0]}p/${MANIFEST_SIZES[0]}s`];
  const many = summary.configs[`${PAGE_SIZES[0]}p/${MANIFEST_SIZES[MANIFEST_SIZES.length - 1]}s`];
  summary.scaling = {
    paragraphs10x: large.annotateMs / small.annotateMs,
    sources100x: many.annotateMs / few.annotateMs,
    paragraphs10xOracle: large.oracleMs / small.oracleMs,
    paragraphs10xNative: large.nativeMs && small.nativeMs ? large.nativeMs / small.nativeMs : null,
    sources100xNative: many.nativeMs && few.nativeMs ? many.nativeMs / few.nativeMs : null,
  };
  const demo = summary.ready["demo page (www/index.html)"];
  summary.goals = [
    { goal: "a ≤ 1.5 × b at 10,000 paragraphs", value: `a/b = ${large.aOverB?.toFixed(2)}`, met: large.aOverB != null && large.aOverB <= 1.5 },
    { goal: "a ≥ 20 × faster than c (1,000 paragraphs, 500 sources)", value: `c/a = ${small.markLowerBound ? "> " : ""}${small.cOverA?.toFixed(0)}`, met: small.cOverA != null && small.cOverA >= 20 },
    { goal: "10 × paragraphs ≤ 11 × time", value: `${summary.scaling.paragraphs10x.toFixed(2)}×`, met: summary.scaling.paragraphs10x <= 11 },
    { goal: "100 × sources ≤ 1.3 × time", value: `${summary.scaling.sources100x.toFixed(2)}×`, met: summary.scaling.sources100x <= 1.3 },
    { goal: "wasm + glue ≤ 60 KB gz", value: `${(meta.sizes.totalGz / 1024).toFixed(1)} KB`, met: meta.sizes.totalGz <= 60 * 1024 },
    { goal: "(d) ≤ 100 ms on the demo page", value: fmt(demo.fromNavigationMs), met: demo.fromNavigationMs <= 100 },
  ];
  return summary;
}

function sameQuotes(browser, native) {
  if (browser.length !== native.length) return { equal: false, browser: browser.length, native: native.length };
  const diff = browser.findIndex((q, i) => q.text !== native[i].text || (q.source ?? null) !== (native[i].source ?? null));
  return { equal: diff < 0, quotes: browser.length, firstDifference: diff < 0 ? null : diff };
}

function table(summary) {
  const lines = [];
  const m = summary.machine;
  lines.push(`Machine: ${m.cpu}, ${m.cores} cores; ${m.chromium}; Node ${m.node}; load average ${m.loadAverage.join(", ")} at the start, ${m.loadAverageEnd?.join(", ") ?? "—"} at the end`);
  lines.push(`Median of ${summary.runs} runs after a warm-up, interleaved in one Chromium process; (c) capped at ${summary.markCapSeconds} s a run.`);
  lines.push("");
  const head = ["page", "sources", "text", "quotes", "(a) annotate", "clear", "(b) oracle", "a/b", "(c) mark.js", "c/a", "native scan"];
  const rows = Object.values(summary.configs).map((s) => [
    `${s.paragraphs.toLocaleString("en")} ¶`, s.sources.toLocaleString("en"), `${s.textMB.toFixed(2)} MB`, String(s.quotes),
    fmt(s.annotateMs), fmt(s.clearMs), fmt(s.oracleMs), ratio(s.annotateMs, s.oracleMs),
    s.markSkipped ? "not run" : `${s.markLowerBound ? "> " : ""}${fmt(s.markMs)}`,
    s.markSkipped ? "—" : ratio(s.markMs, s.annotateMs, s.markLowerBound ? "> " : ""),
    fmt(s.nativeMs),
  ]);
  lines.push(...markdown(head, rows));
  lines.push("");
  const sc = summary.scaling;
  lines.push(`Scaling: 10× paragraphs → ${sc.paragraphs10x.toFixed(2)}× annotate time (oracle ${sc.paragraphs10xOracle.toFixed(2)}×, native ${sc.paragraphs10xNative?.toFixed(2) ?? "—"}×); ` +
    `100× sources → ${sc.sources100x.toFixed(2)}× annotate time (native ${sc.sources100xNative?.toFixed(2) ?? "—"}×).`);
  lines.push("");
  lines.push(...markdown(["(d) page load to quote-attribution:ready", "from navigation start", "from the embed.js request", "quotes"],
    Object.entries(summary.ready).map(([name, d]) => [name, d.event === "ready" ? fmt(d.fromNavigationMs) : `error: ${d.problems}`, fmt(d.fromEmbedRequestMs), String(d.quotes)])));
  const t = summary.ready["demo page (www/index.html)"]?.timeline;
  if (t) {
    lines.push("");
    const span = (k) => (t[k] ? `${k} ${t[k][0]}–${t[k][1]}` : null);
    lines.push(`Demo page, a median load (ms from navigation start): document parsed ${t.parsed}; ` +
      `${["embed.js", "glue", "wasm", "manifest"].map(span).filter(Boolean).join(", ")}; ready ${t.ready}.`);
  }
  lines.push("");
  const z = summary.sizes;
  lines.push(`Size: wasm ${(z.wasmGz / 1024).toFixed(1)} KB gz (${(z.wasmRaw / 1024).toFixed(1)} KB raw) + JS glue ${(z.glueGz / 1024).toFixed(1)} KB gz = ${(z.totalGz / 1024).toFixed(1)} KB gz; embed.js ${(z.embedGz / 1024).toFixed(1)} KB gz.`);
  lines.push("");
  lines.push(...markdown(["goal (issue 6)", "now", "met"], summary.goals.map((g) => [g.goal, g.value, g.met ? "yes" : "no"])));
  return lines.join("\n");
}

function markdown(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)];
}

function checks(summary) {
  const lines = [];
  for (const [k, s] of Object.entries(summary.configs)) {
    const c = s.checks;
    const acc = c.accuracy;
    lines.push(`${k}: oracle does the same DOM work: ${c.oracleSameWork ? "yes" : "NO"} (${c.plan.badges} badges, ${c.plan.ranges} ranges); ` +
      `page restored after clear/oracle/all: ${c.restored.afterClear}/${c.restored.afterOracle}/${c.restored.afterAll}; ` +
      `CLI = widget: ${c.cliParity ? (c.cliParity.equal ? "yes" : `NO ${JSON.stringify(c.cliParity)}`) : "—"}; ` +
      `generated quotes found ${acc.found}/${acc.generated}, attributed as generated ${acc.attributed}/${acc.generated}` +
      `${c.pageErrors.length ? `; page errors: ${c.pageErrors.join(" | ")}` : ""}${c.nativeError ? `; CLI error: ${c.nativeError}` : ""}`);
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------
// The profile: where annotate spends its time, by function.

/// Builds a copy of the wasm package that keeps function names (wasm-opt
/// -Oz -g: the same optimisation, names kept), into bench/out/profile/.
function profileBuild() {
  const dir = process.env.CARGO_TARGET_DIR ?? join(REPO, "target");
  // scripts/build.sh builds the wasm in its own profile, wasm-release.
  const wasm = ["wasm-release", "release"].map((p) => join(dir, `wasm32-unknown-unknown/${p}/quote_attribution.wasm`)).find(existsSync) ?? "";
  if (!existsSync(wasm)) {
    log(`no ${wasm}: run scripts/build.sh (with the same CARGO_TARGET_DIR) first`);
    return false;
  }
  const out = join(OUT, "profile");
  mkdirSync(out, { recursive: true });
  const path = `${process.env.HOME}/.cargo/bin:${process.env.PATH}`;
  let r = spawnSync("wasm-bindgen", ["--target", "web", "--out-dir", out, wasm], { stdio: "inherit", env: { ...process.env, PATH: path } });
  if (r.status !== 0) return false;
  // The same glue as scripts/build.sh ships: src/dom/shell.js folded in.
  r = spawnSync("node", [join(REPO, "scripts/inline-snippets.mjs"), join(out, "quote_attribution.js")], { stdio: "inherit" });
  if (r.status !== 0) return false;
  r = spawnSync(join(REPO, "node_modules/.bin/wasm-opt"), ["-Oz", "-g", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
    "--enable-sign-ext", "--enable-reference-types", "--enable-mutable-globals", "--enable-multivalue",
    join(out, "quote_attribution_bg.wasm"), "-o", join(out, "quote_attribution_bg.wasm")], { stdio: "inherit" });
  return r.status === 0;
}

async function profile(browser, url, { paragraphs, sources = DEFAULT_SOURCES, repeats = 5 }) {
  const p = await openBench(browser, url, { paragraphs, sources, module: "/bench/profile/quote_attribution.js" });
  await p.page.evaluate(() => { h.bare.annotate(); h.bare.clear(); });
  const cdp = await p.page.context().newCDPSession(p.page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  const out = {};
  for (const what of ["annotate", "clear"]) {
    // Only the call being profiled runs between start and stop: the other
    // of the pair, and the garbage collections, run outside the profile.
    const samples = new Map();
    const kinds = new Map();
    let total = 0;
    for (let i = 0; i < repeats; i++) {
      if (what === "clear") await p.page.evaluate(() => h.bare.annotate());
      await p.page.evaluate(() => h.bare.collect());
      await cdp.send("Profiler.start");
      await p.page.evaluate((w) => h.bare[w](), what);
      const { profile } = await cdp.send("Profiler.stop");
      if (what === "annotate") await p.page.evaluate(() => h.bare.clear());
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const dt = profile.timeDeltas;
      for (let k = 0; k < profile.samples.length; k++) {
        const f = byId.get(profile.samples[k]).callFrame;
        const name = f.functionName || "(anonymous)";
        if (["(idle)", "(program)", "(root)"].includes(name)) continue;
        // Rust symbols without their hash; JS glue with its file.
        const fn = name.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{16}\]/g, "");
        const label = f.url && !f.url.endsWith(".wasm") ? `${fn} (${f.url.replace(/^.*\//, "")})` : fn;
        const us = dt[k + 1] ?? dt[k] ?? 0;
        samples.set(label, (samples.get(label) ?? 0) + us);
        total += us;
        // Broad kinds: our Rust (the wasm), the generated JS glue, and the
        // browser's own functions (DOM methods, TextDecoder, ...).
        const kind = f.url.endsWith(".wasm") ? "Rust (wasm)" : f.url.endsWith("quote_attribution.js") ? "JS glue"
          : name === "(garbage collector)" ? "garbage collector" : f.url ? "other JS" : "browser (DOM, TextDecoder, ...)";
        kinds.set(kind, (kinds.get(kind) ?? 0) + us);
      }
    }
    out[what] = {
      totalMs: total / 1000 / repeats,
      kinds: Object.fromEntries([...kinds.entries()].sort((x, y) => y[1] - x[1]).map(([k, us]) => [k, { ms: us / 1000 / repeats, share: us / total }])),
      top: [...samples.entries()].sort((x, y) => y[1] - x[1]).slice(0, 20).map(([fn, us]) => ({ fn, ms: us / 1000 / repeats, share: us / total })),
    };
  }
  await p.context.close();
  return out;
}

// ---------------------------------------------------------------------------

async function main() {
  const set = writeSet();
  log(`pages: ${Object.entries(set.pages).map(([n, p]) => `${n} ¶ = ${(p.textBytes / 1e6).toFixed(2)} MB`).join(", ")}`);
  if (!existsSync(join(REPO, "www/quote-attribution/quote_attribution_bg.wasm"))) {
    log("no wasm package in www/quote-attribution/: run scripts/build.sh first");
    process.exit(2);
  }
  const wantProfile = flag("profile") || flag("only-profile");
  if (wantProfile && !profileBuild()) log("profile build failed: no profile");
  const cli = flag("only-profile") ? null : cliBinary();
  const srv = await server();
  const browser = await launch();
  const meta = { machine: machine(`Chromium ${browser.version()}`), sizes: sizes() };
  try {
    if (!flag("only-profile")) {
      const run = await benchmark(browser, srv.url, cli, set);
      meta.machine.loadAverageEnd = loadavg().map((x) => Number(x.toFixed(2)));
      const summary = summarise(run, set, meta);
      const text = table(summary);
      console.log(text);
      console.log("");
      console.log(checks(summary));
      summary.table = text;
      summary.date = new Date().toISOString();
      writeFileSync(join(HERE, "results.json"), `${JSON.stringify(summary, null, 1)}\n`);
      log("wrote bench/results.json");
    }
    if (wantProfile && existsSync(join(OUT, "profile/quote_attribution_bg.wasm"))) {
      const all = {};
      for (const paragraphs of PAGE_SIZES) {
        const prof = await profile(browser, srv.url, { paragraphs });
        all[paragraphs] = prof;
        for (const [what, p] of Object.entries(prof)) {
          console.log(`\nProfile of ${what}, ${paragraphs} paragraphs, ${DEFAULT_SOURCES} sources: self time per call (mean of 5), ${fmt(p.totalMs)} sampled`);
          console.log(Object.entries(p.kinds).map(([k, v]) => `${k} ${fmt(v.ms)} (${(v.share * 100).toFixed(0)}%)`).join("; "));
          console.log(markdown(["function", "self", "share"], p.top.map((t) => [t.fn.length > 110 ? `${t.fn.slice(0, 107)}...` : t.fn, fmt(t.ms), `${(t.share * 100).toFixed(1)}%`])).join("\n"));
        }
      }
      writeFileSync(join(OUT, "profile.json"), JSON.stringify(all, null, 1));
    }
  } finally {
    await browser.close();
    await srv.close();
  }
}

await main();
