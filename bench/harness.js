// The in-page half of the benchmark: loaded into each benchmark page by
// bench/run.mjs (as /bench/harness.js), which calls these functions through
// page.evaluate and keeps the clock in the page (performance.now()), so
// the DevTools protocol's round trips are never timed.
//
// Every timed function runs full garbage collections first, untimed
// (Chromium runs with --js-flags=--expose-gc), so one measurement does not
// pay for the garbage of the one before. Each returns `ms`, the synchronous
// call itself, and `layoutMs`, the style and layout the browser then owes
// for what the call inserted (forced at once, so it is counted here and not
// in whatever runs next).

let qa = null; // the QuoteAttribution instance
let root = null; // the <article>
let plan = null; // what the oracle knows: every highlight range and badge
let oracleDone = null; // what the last oracle run inserted, for cleanup
let oracleSheet = null;

const now = () => performance.now();
// Twice: a DOM Range whose last reference is dropped stays registered
// with its document (and updated on every DOM mutation) until the wrapper
// and then the C++ object are collected, which takes two full collections.
const gc = () => {
  globalThis.gc?.();
  globalThis.gc?.();
};

/// Forces the style recalculation and layout pending after a DOM change,
/// and says how long it took.
function layout() {
  const t = now();
  document.documentElement.getBoundingClientRect();
  void root.offsetHeight;
  return now() - t;
}

/// Loads the wasm module and compiles the manifest. Returns how long
/// `fromManifest` took (parse, validation, automaton).
export async function setup({ module, manifestUrl }) {
  const m = await import(module);
  await m.default();
  const manifest = await (await fetch(manifestUrl)).json();
  root = document.querySelector("article");
  gc();
  const t = now();
  qa = m.QuoteAttribution.fromManifest(manifest);
  const compileMs = now() - t;
  return { compileMs, textBytes: new TextEncoder().encode(root.textContent).length };
}

/// (a) `qa.annotate(root)`.
export function annotate() {
  gc();
  const t = now();
  const report = qa.annotate(root);
  const ms = now() - t;
  return { ms, layoutMs: layout(), quotes: report.quotes.length };
}

/// The report of one annotate, for the accuracy and parity checks (untimed).
export function report() {
  const r = qa.annotate(root);
  qa.clear();
  return r.quotes.map(({ text, source, speaker, method }) => ({ text, source, speaker, method }));
}

/// The bare calls, for the CPU profile: no collection, no forced layout.
export const bare = {
  annotate: () => void qa.annotate(root),
  clear: () => qa.clear(),
  collect: gc,
};

/// (a) `qa.clear()`.
export function clear() {
  gc();
  const t = now();
  qa.clear();
  const ms = now() - t;
  return { ms, layoutMs: layout() };
}

/// Text offsets of every text node under `root`, in document order: the
/// coordinate system of the oracle's plan (the root's textContent).
function textOffsets() {
  const offsets = new Map();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    offsets.set(n, at);
    at += n.length;
  }
  return offsets;
}

/// Reads, from the page as our annotate left it, everything the oracle is
/// given: each highlighted range as [start, end) text offsets in the root,
/// and each badge's text offset, quote index, source id and label. Taken
/// from our own output so that the oracle does exactly the same DOM work.
export function makePlan() {
  const ranges = highlightedRanges(["qa-quote", "qa-quote-unattributed"]);
  const badges = badgesInPage().map(({ at, host }) => {
    const button = host.shadowRoot.querySelector("button");
    return {
      at,
      index: host.getAttribute("data-qa-quote"),
      source: host.getAttribute("data-qa-source"),
      text: button.textContent,
      label: button.getAttribute("aria-label"),
    };
  });
  plan = { ranges, badges };
  return { ranges: ranges.length, badges: badges.length };
}

/// The ranges registered under the two highlight names (named, then
/// unattributed), as [start, end, unattributed] text offsets in the root,
/// in document order.
function highlightedRanges([named, unattributedName]) {
  const offsets = textOffsets();
  const ranges = [];
  for (const [name, unattributed] of [[named, false], [unattributedName, true]]) {
    for (const r of CSS.highlights.get(name) ?? []) {
      ranges.push([offsets.get(r.startContainer) + r.startOffset, offsets.get(r.endContainer) + r.endOffset, unattributed]);
    }
  }
  return ranges.sort((x, y) => x[0] - y[0]);
}

/// Every badge host in the root with its text offset: a badge sits between
/// text nodes, so its offset is the length of the text before it.
function badgesInPage() {
  const badges = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) at += n.length;
    else if (n.hasAttribute("data-qa-quote")) badges.push({ at, host: n });
  }
  return badges;
}

/// (b) The oracle floor: plain JavaScript that already knows where every
/// quote is, and does only what any implementation must — one walk over the
/// text nodes to turn offsets into DOM positions, one badge per quote (a
/// span with an open shadow root holding a button, styled by one shared
/// constructable stylesheet) inserted last first, splitting a text node
/// where a badge falls inside one, then one Range per highlight and one
/// Highlight registration.
///
/// The order matters: Ranges are live, and Chromium updates every live
/// Range of the document on every split and insertion, so ranges created
/// before the badges make the badge loop quadratic (ranges × insertions).
/// The oracle creates its ranges last, moving the positions that a split
/// carries into the new text node itself.
export function oracle() {
  gc();
  const t = now();
  const { ranges, badges } = plan;
  // Every position the plan needs, resolved in one merge pass over the
  // text nodes. Starts belong to the later node at a boundary, ends (and
  // badges) to the earlier one, as in the engine. A position is
  // { node, offset, start } and is listed under its node for the fix-ups.
  const starts = new Array(ranges.length);
  const ends = new Array(ranges.length);
  const anchors = new Array(badges.length);
  const byNode = new Map();
  const at$ = (node, offset, start) => {
    const p = { node, offset, start };
    const list = byNode.get(node);
    if (list) list.push(p);
    else byNode.set(node, [p]);
    return p;
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let ri = 0; // next range start to resolve (ranges sorted by start)
  let bi = 0; // next badge (badges in document order)
  const pendingEnds = []; // range indices started, end not resolved yet
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const end = at + n.length;
    while (ri < ranges.length && ranges[ri][0] < end) {
      starts[ri] = at$(n, ranges[ri][0] - at, true);
      pendingEnds.push(ri++);
    }
    for (let k = 0; k < pendingEnds.length; ) {
      const i = pendingEnds[k];
      if (ranges[i][1] <= end) {
        ends[i] = at$(n, ranges[i][1] - at, false);
        pendingEnds[k] = pendingEnds[pendingEnds.length - 1];
        pendingEnds.pop();
      } else {
        k++;
      }
    }
    while (bi < badges.length && badges[bi].at <= end) {
      anchors[bi] = [n, badges[bi].at - at];
      bi++;
    }
    at = end;
  }
  const hosts = [];
  for (let i = badges.length - 1; i >= 0; i--) {
    const b = badges[i];
    const host = document.createElement("span");
    host.setAttribute("data-qa-quote", b.index);
    if (b.source) host.setAttribute("data-qa-source", b.source);
    const shadow = host.attachShadow({ mode: "open" });
    shadow.adoptedStyleSheets = [oracleSheet];
    const button = document.createElement("button");
    button.type = "button";
    button.setAttribute("aria-label", b.label);
    button.textContent = b.text;
    shadow.append(button);
    const [node, offset] = anchors[i];
    if (offset === 0) node.before(host);
    else if (offset >= node.length) node.after(host);
    else {
      const tail = node.splitText(offset);
      tail.before(host);
      // Positions past the split now live in the tail (badges go last
      // first, so earlier badges in this node are still in `node`).
      const list = byNode.get(node);
      if (list) {
        const kept = [];
        const moved = byNode.get(tail) ?? [];
        for (const p of list) {
          if (p.offset > offset || (p.start && p.offset === offset)) {
            p.node = tail;
            p.offset -= offset;
            moved.push(p);
          } else {
            kept.push(p);
          }
        }
        byNode.set(node, kept);
        byNode.set(tail, moved);
      }
    }
    hosts.push(host);
  }
  const highlight = new Highlight();
  const unattributed = new Highlight();
  for (let i = 0; i < ranges.length; i++) {
    const r = document.createRange();
    r.setStart(starts[i].node, starts[i].offset);
    r.setEnd(ends[i].node, ends[i].offset);
    (ranges[i][2] ? unattributed : highlight).add(r);
  }
  CSS.highlights.set("oracle", highlight);
  CSS.highlights.set("oracle-unattributed", unattributed);
  const ms = now() - t;
  oracleDone = hosts;
  return { ms, layoutMs: layout(), badges: hosts.length, ranges: highlight.size + unattributed.size };
}

/// Did the oracle highlight exactly the text ours did, and put its badges
/// at the same places? (Untimed.)
export function oracleMatchesPlan() {
  const ranges = highlightedRanges(["oracle", "oracle-unattributed"]);
  const badges = badgesInPage().map(({ at, host }) => `${at}:${host.getAttribute("data-qa-quote")}`);
  return (
    JSON.stringify(ranges) === JSON.stringify(plan.ranges) &&
    JSON.stringify(badges) === JSON.stringify(plan.badges.map((b) => `${b.at}:${b.index}`))
  );
}

/// Takes the oracle's work out again (untimed): badges out, split text
/// nodes joined (the parser never leaves two text nodes side by side, so
/// normalize() restores the page exactly).
export function oracleCleanup() {
  for (const h of oracleDone ?? []) h.remove();
  oracleDone = null;
  CSS.highlights.delete("oracle");
  CSS.highlights.delete("oracle-unattributed");
  root.normalize();
}

/// Set-up the oracle shares across runs, as a real implementation would:
/// the badges' stylesheet and the highlight styles.
export function oracleSetup() {
  oracleSheet = new CSSStyleSheet();
  oracleSheet.replaceSync("button { font: 600 0.7em system-ui; border-radius: 1em; }");
  const doc = new CSSStyleSheet();
  doc.replaceSync("::highlight(oracle) { background: #fd8; } ::highlight(oracle-unattributed) { background: #ddd; }");
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, doc];
}

/// (c) mark.js marking `terms` across elements. mark.js's own
/// `mark(array)` sorts the terms longest first and runs one regular
/// expression and one full DOM pass per term; this does the same, one term
/// at a time, so a run can stop once it passes `capMs` (and a long list
/// cannot overflow the stack: mark.js chains its terms by recursion).
export function markjs(terms, capMs) {
  const sorted = [...new Set(terms.filter((t) => t.trim()))].sort((a, b) => b.length - a.length);
  const instance = new Mark(root);
  let matches = 0;
  let done = 0;
  let synchronous = true;
  gc();
  const t = now();
  for (const term of sorted) {
    let finished = false;
    instance.mark(term, {
      acrossElements: true,
      separateWordSearch: false,
      done: (n) => {
        matches += n;
        finished = true;
      },
    });
    synchronous &&= finished;
    done++;
    if (now() - t > capMs) break;
  }
  const ms = now() - t;
  return { ms, layoutMs: layout(), terms: sorted.length, done, matches, synchronous };
}

/// Removes mark.js's marks (untimed).
export function unmark() {
  new Mark(root).unmark();
  root.normalize();
}

/// A fingerprint of the root, to check that every cleanup restored it.
export function fingerprint() {
  let h = 0;
  const s = root.innerHTML;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  let nodes = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  while (walker.nextNode()) nodes++;
  return `${s.length}:${h}:${nodes}`;
}
