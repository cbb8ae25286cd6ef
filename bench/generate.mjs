// The benchmark's pages: a seeded, deterministic generator of news-style
// HTML, its manifests, and the generator's own ground truth.
//
//   node bench/generate.mjs                 # writes the benchmark set into bench/out/
//   node bench/generate.mjs --paragraphs 200 --sources 50 --out /tmp/x   # one page + manifest
//
// As a module: `generate({ paragraphs, seed })` returns the article, and
// `manifest({ sources, quotes, page })` a manifest for it; `writeSet()`
// writes everything bench/run.mjs needs.
//
// What a page holds: narration paragraphs (with scare quotes and titles in
// marks that nobody said), and quotations in every pattern the engine
// handles — a cue after the quote, before it, inverted ("said Ruiz"), with
// an appositive, with a title, pronouns he/she/they/it, continuation
// paragraphs, definite descriptions ("the official said"), split quotes,
// quotes continued over two paragraphs, British single marks, straight
// marks, «guillemets», nested quotes, <q>, and <blockquote> with <cite> —
// with links, <em>, <strong> and <span>s splitting text nodes, as in real
// pages. The first 1,000 paragraphs of every page are the same, so one
// manifest, whose explicit quotes come from them, serves every page size.
//
// Sources: a pool of 5,000, of which the first 50 are the article's cast
// (the only ones the page ever names). A manifest of S sources is the
// first S of the pool, so the 50-, 500- and 5,000-source manifests differ
// only in sources the page never mentions: the manifest-size curve
// measures the cost of the manifest alone. Names in the pool are unique and
// no surname is shared, so a bigger manifest never makes a cast member
// ambiguous (which would change the attribution work, not just its size).

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
export const OUT = join(HERE, "out");

/// The sizes bench/run.mjs measures.
export const PAGE_SIZES = [1000, 10000];
export const MANIFEST_SIZES = [50, 500, 5000];
export const DEFAULT_SOURCES = 500;
export const DEFAULT_QUOTES = 300;
export const SEED = 20240607;
/// How many paragraphs every page shares (and explicit quotes come from).
const SHARED = 1000;

// ---------------------------------------------------------------------------
// Randomness: mulberry32, a tiny seeded PRNG (Math.random cannot be seeded).

function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /// An index into `weights` drawn in proportion to them.
    weighted(weights) {
      const total = weights.reduce((s, w) => s + w, 0);
      let x = next() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i];
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
  };
  return r;
}

// ---------------------------------------------------------------------------
// Sources.

const FEMALE = ["Elena", "Priya", "Marisol", "Adaeze", "Ingrid", "Fatima", "Hannah", "Sofia", "Mei", "Olga",
  "Grace", "Amara", "Leila", "Nadia", "Ruth"];
const MALE = ["Tomas", "Kwame", "Marcus", "Daniel", "Hiroshi", "Pavel", "Omar", "Liam", "Rafael", "Samuel",
  "Arjun", "Felix", "Jonah", "Viktor", "Luca"];
const CAST_SURNAMES = ["Ruiz", "Okafor", "Vega", "Raman", "Lindqvist", "Haddad", "Brennan", "Moreau", "Tanaka",
  "Petrov", "Osei", "Whitfield", "Castillo", "Nakamura", "Dubois", "Kowalski", "Mensah", "Albrecht", "Fischer",
  "Novak", "Sato", "Quinlan", "Marsh", "Adeyemi", "Carver", "Holloway", "Ibarra", "Jansen", "Keane", "Larsen"];
// [title as written before the name, role (the appositive and the card)]
const ROLES = [
  ["Mayor", "mayor of Northbridge"],
  ["Councillor", "chair of the housing committee"],
  ["Dr.", "professor of economics at Eastmere University"],
  ["", "harbour master"],
  ["", "head of the port authority"],
  ["Inspector", "senior investigating officer"],
  ["", "chief executive of Coastal Water"],
  ["Judge", "presiding judge"],
  ["", "union organiser"],
  ["Prof.", "hydrologist at Kingsford College"],
  ["", "owner of a bakery on Quay Street"],
  ["Superintendent", "head of the regional police"],
  ["", "shop steward at the depot"],
  ["Coach", "coach of the under-16 team"],
  ["", "tenant at Marlow House"],
];
const ORGS = [
  ["Northbridge Transit Authority", "NTA", "authority"],
  ["Harbour Workers Union", "HWU", "union"],
  ["Eastmere University", "Eastmere", "university"],
  ["Friends of the Estuary", "the Friends", "group"],
  ["Kingsford Chamber of Commerce", "the chamber", "chamber"],
  ["Coastal Water Company", "Coastal Water", "company"],
  ["Lakeshore Tenants Association", "LTA", "association"],
  ["Port Ellery Fire Service", "PEFS", "service"],
];
// [name, alias as written in the page, head noun of a later description]
const ANONYMOUS = [
  ["Unnamed senior health official", "a senior health official", "official"],
  ["Unnamed police source", "a police source", "source"],
  ["Unnamed council employee", "a council employee", "employee"],
  ["Unnamed port insider", "a port insider", "insider"],
  ["Unnamed union negotiator", "a union negotiator", "negotiator"],
  ["Unnamed ministry adviser", "a ministry adviser", "adviser"],
];
const DOCUMENTS = [
  ["Northbridge flood review", "the flood review", "review"],
  ["Harbour dredging audit", "the dredging audit", "audit"],
  ["Regional transport plan 2030", "the transport plan", "plan"],
];
const PUBLICATIONS = [
  ["The Harbour Gazette", "the Gazette"],
  ["Eastmere Evening News", "the Evening News"],
  ["Radio Kingsford", "Radio Kingsford"],
];

// Syllables for the pool's synthetic surnames and organisations: 25 × 12 × 24
// combinations, none of them a cast surname.
const SYL1 = ["Ash", "Bel", "Cor", "Dal", "Ever", "Fen", "Gal", "Har", "Ire", "Jun", "Kes", "Lor", "Mar", "Nor",
  "Or", "Pen", "Quin", "Ros", "Sel", "Tam", "Ul", "Vor", "Wex", "Yar", "Zel"];
const SYL2 = ["", "a", "en", "i", "o", "ar", "el", "um", "is", "an", "ov", "et"];
const SYL3 = ["bury", "combe", "dale", "ford", "grove", "hurst", "ley", "more", "ridge", "stead", "ton", "wick",
  "worth", "field", "holm", "lin", "ska", "vic", "ani", "etti", "ard", "sen", "quist", "ero"];
const POOL_FIRST = [...FEMALE, ...MALE, "Anna", "Ben", "Clara", "David", "Eva", "Frank", "Gina", "Hugo", "Iris",
  "Jack", "Kira", "Leo", "Maya", "Nils", "Oscar", "Paula", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wen", "Yusuf",
  "Zoe"];
const ORG_KINDS = ["Holdings", "Foundation", "Trust", "Institute", "Partners", "Council", "Group", "Society"];
const DEPTS = ["finance", "transport", "housing", "education", "energy", "fisheries", "planning", "justice"];

/// The pool of 5,000 sources. Each carries, besides the manifest fields,
/// what the page generator needs (`forms`: how the page writes the name).
function pool(size = 5000, seed = SEED) {
  const r = rng(seed ^ 0x5eed);
  const sources = [];
  // The cast: 30 people, 8 organisations, 6 anonymous, 3 documents, 3 publications.
  for (let i = 0; i < 30; i++) {
    const female = i % 2 === 0;
    const first = (female ? FEMALE : MALE)[i >> 1];
    const surname = CAST_SURNAMES[i];
    const [title, role] = ROLES[i % ROLES.length];
    const honorific = female ? "Ms" : "Mr";
    sources.push({
      id: `${first}-${surname}`.toLowerCase(),
      name: `${first} ${surname}`,
      kind: "person",
      // "Ms Ruiz" tells the engine the gender for he/she.
      aliases: [`${honorific} ${surname}`],
      role,
      _cast: { title, surname, gender: female ? "she" : "he", honorific },
    });
  }
  for (const [name, short, noun] of ORGS) {
    sources.push({
      id: short.toLowerCase().replace(/^the /, "").replace(/[^a-z0-9]+/g, "-"),
      name,
      kind: "organization",
      aliases: [short],
      url: `https://${name.toLowerCase().replace(/[^a-z]+/g, "")}.example`,
      _cast: { short, noun },
    });
  }
  for (const [name, alias, noun] of ANONYMOUS) {
    sources.push({
      id: alias.replace(/^an? /, "").replace(/ /g, "-"),
      name,
      kind: "anonymous",
      aliases: [alias],
      _cast: { alias, noun },
    });
  }
  for (const [name, alias, noun] of DOCUMENTS) {
    sources.push({
      id: alias.replace(/^the /, "").replace(/ /g, "-"),
      name,
      kind: "document",
      aliases: [alias],
      _cast: { alias, noun },
    });
  }
  for (const [name, alias] of PUBLICATIONS) {
    sources.push({
      id: name.toLowerCase().replace(/^the /, "").replace(/ /g, "-"),
      name,
      kind: "publication",
      aliases: alias === name ? [] : [alias],
      _cast: { alias },
    });
  }
  // The rest: people, organisations, anonymous sources and documents the
  // article never mentions (a site-wide registry).
  const used = new Set();
  const word = () => {
    for (;;) {
      const w = r.pick(SYL1) + r.pick(SYL2) + r.pick(SYL3);
      if (!used.has(w)) {
        used.add(w);
        return w;
      }
    }
  };
  while (sources.length < size) {
    const n = sources.length;
    const k = r.weighted([70, 20, 5, 5]);
    if (k === 0) {
      const first = r.pick(POOL_FIRST);
      const surname = word();
      const aliases = r.chance(0.5) ? [`${FEMALE.includes(first) ? "Ms" : "Mr"} ${surname}`] : [];
      sources.push({ id: `p${n}-${surname.toLowerCase()}`, name: `${first} ${surname}`, kind: "person", aliases });
    } else if (k === 1) {
      const base = word();
      sources.push({
        id: `o${n}-${base.toLowerCase()}`,
        name: `${base} ${r.pick(ORG_KINDS)}`,
        kind: "organization",
        aliases: [base],
      });
    } else if (k === 2) {
      const base = word();
      sources.push({
        id: `a${n}-${base.toLowerCase()}`,
        name: `Unnamed ${base} ${r.pick(DEPTS)} official`,
        kind: "anonymous",
        aliases: [`a ${base} official`],
      });
    } else {
      const base = word();
      sources.push({ id: `d${n}-${base.toLowerCase()}`, name: `${base} inquiry report`, kind: "document", aliases: [] });
    }
  }
  return sources;
}

// ---------------------------------------------------------------------------
// Sentences.

const PLACES = ["Northbridge", "Lakeshore", "Port Ellery", "Harrowgate", "Eastmere", "Kingsford", "Marlow Bay",
  "Stonebridge", "Westfield", "Ashcombe"];
const TOPICS = ["the budget", "the ferry terminal", "the flood defences", "the school merger", "the rail strike",
  "the housing plan", "the water tariff", "the bus network", "the dredging", "the stadium deal",
  "the hospital wing", "the recycling contract"];
const SUBJECTS = ["We", "Nobody in this town", "The council", "Our members", "Every family here", "The government",
  "This city", "Our engineers", "People", "I", "You", "The port"];
const MODALS = ["will not", "cannot afford to", "have never tried to", "are ready to", "must", "want to",
  "did not expect to", "refuse to", "will keep trying to", "had hoped to", "won’t", "can’t", "shouldn’t"];
const ACTIONS = ["ignore {t}", "pay for {t}", "rush {t}", "walk away from {t}", "defend {t}", "rethink {t}",
  "delay {t} again", "put {t} to a vote", "explain {t} to voters", "finish {t}", "fund {t} twice",
  "sign off on {t}"];
const TAILS = ["", "", " before the winter", " by {y}", " after {n} years of waiting", " without more money",
  " in {p}", " this time", " for the children’s sake", " whatever the cost", " on our own", " next spring"];
const SECONDS = ["That is the whole point.", "It’s as simple as that.", "Nobody told us why.",
  "We have {n} days left.", "The numbers don’t lie.", "I have said so for {n} years.",
  "There is no plan B.", "Ask anyone in {p}."];
const SCARE = ["reform", "temporary", "consultation", "efficiency", "world-class", "criminal", "affordable",
  "robust", "historic", "unprecedented"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const CUE_VERBS = ["said", "said", "said", "told reporters", "added", "warned", "insisted", "argued"];
const NARRATION = [
  "The row over {t} has divided {p} since {y}, and the two sides met again on {d} without agreement.",
  "Officials in {p} said the cost of {t} had risen by {n} per cent in a year, to {m} million.",
  "{S} has been at the centre of the dispute over {t} for {n} months.",
  "Residents of {p} packed the hall on {d}, some of them standing at the back for more than {n} minutes.",
  "The vote on {t} is due in {n} weeks, and neither side expects it to be close.",
  "{S} did not respond to a request for comment on {t}.",
  "Figures published on {d} show {n},{z}00 households in {p} are affected.",
  "A spokesperson for {S} declined to comment before the hearing on {d}.",
  "The plan for {t} was first proposed in {y} and has been revised {n} times since.",
  "Critics call the plan a “{q}” fix; its backers say it is the only one on the table.",
  "The documentary, “{Q}”, was broadcast in {p} on {d}.",
];

function fill(r, template) {
  return template
    .replace(/\{t\}/g, () => r.pick(TOPICS))
    .replace(/\{p\}/g, () => r.pick(PLACES))
    .replace(/\{y\}/g, () => String(1990 + r.int(35)))
    .replace(/\{n\}/g, () => String(2 + r.int(97)))
    .replace(/\{m\}/g, () => String(3 + r.int(400)))
    .replace(/\{z\}/g, () => String(r.int(10)))
    .replace(/\{d\}/g, () => r.pick(DAYS))
    .replace(/\{q\}/g, () => r.pick(SCARE))
    .replace(/\{Q\}/g, () => `${r.pick(["Salt", "Paper", "Harbour", "Iron"])} and ${r.pick(["Static", "Tide", "Stone", "Glass"])}`);
}

/// One quotation's words (without marks or final punctuation): 6 to 20
/// words, sometimes two sentences, with curly apostrophes.
function words(r) {
  let s = `${r.pick(SUBJECTS)} ${r.pick(MODALS)} ${r.pick(ACTIONS)}${r.pick(TAILS)}`;
  s = fill(r, s);
  if (r.chance(0.3)) s += `. ${fill(r, r.pick(SECONDS)).replace(/\.$/, "")}`;
  return s;
}

const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const straighten = (s) => s.replace(/[’‘]/g, "'");

// ---------------------------------------------------------------------------
// The article.

/// Generates the article: `{ html, truth, textBytes }`. `truth` lists each
/// quotation the generator wrote: paragraph index, words (as written
/// between the marks), the source id meant (null for scare quotes and
/// titles), and the pattern.
export function generate({ paragraphs = 1000, seed = SEED } = {}) {
  const sources = pool(50, seed);
  const people = sources.filter((s) => s.kind === "person");
  const orgs = sources.filter((s) => s.kind === "organization");
  const anons = sources.filter((s) => s.kind === "anonymous");
  const docs = sources.filter((s) => s.kind === "document");
  const pubs = sources.filter((s) => s.kind === "publication");
  const r = rng(seed);
  const out = [];
  const truth = [];
  let textBytes = 0;
  // Who spoke last, for pronouns and continuations; named people are
  // introduced (full name, role) before the surname alone is used.
  let last = null;
  const introduced = new Set();
  let pIndex = 0;

  // The page's text, for the size figure: what a reader sees.
  const push = (html) => {
    out.push(html);
    textBytes += Buffer.byteLength(html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
  };
  // Did the paragraph just written hold an attributed quote?
  let quoted = false;
  const para = (html, cls) => {
    push(cls ? `<p class="${cls}">${html}</p>` : `<p>${html}</p>`);
    pIndex++;
    quoted = truth.length > 0 && truth[truth.length - 1].p === pIndex - 1 && truth[truth.length - 1].source !== null;
  };
  const said = (text, source, pattern) => truth.push({ p: pIndex, text, source: source?.id ?? null, pattern });

  // How the page writes a source's name: a link around it sometimes, as
  // news sites do, which splits the paragraph's text nodes.
  const link = (s, text) =>
    r.chance(0.35) ? `<a href="/${s.kind === "person" ? "people" : "sources"}/${s.id}">${escape(text)}</a>` : escape(text);
  const fullForm = (s) => {
    if (s.kind !== "person") return s.name;
    const t = s._cast.title;
    return t && r.chance(0.5) ? `${t} ${s.name}` : s.name;
  };
  const nameOf = (s) => {
    if (s.kind === "person") {
      if (!introduced.has(s.id)) {
        introduced.add(s.id);
        return fullForm(s);
      }
      return r.pick([s._cast.surname, s._cast.surname, `${s._cast.honorific} ${s._cast.surname}`, s.name]);
    }
    if (s.kind === "organization") return r.chance(0.5) ? s.name : s._cast.short;
    if (s.kind === "anonymous" || s.kind === "document") return s._cast.alias;
    return s.kind === "publication" ? s.name : s.name;
  };
  const capitalize = (s) => s[0].toUpperCase() + s.slice(1);
  // A quotation's words as HTML: sometimes one word in <em>, splitting the
  // text node inside the quote.
  const quoteHtml = (w) => {
    if (!r.chance(0.2)) return escape(w);
    const parts = w.split(" ");
    const i = 1 + r.int(Math.max(1, parts.length - 2));
    parts[i] = `<em>${escape(parts[i])}</em>`;
    return parts.map((p) => (p.startsWith("<em>") ? p : escape(p))).join(" ");
  };
  const speakerOf = () => r.pick(r.chance(0.7) ? people : [...orgs, ...anons, ...docs]);
  const verb = () => r.pick(CUE_VERBS);

  const patterns = {
    narration() {
      const template = r.pick(NARRATION);
      let text = fill(r, template);
      // Half the narration runs to a second sentence (news paragraphs are
      // one to three sentences).
      if (r.chance(0.5)) text += ` ${fill(r, r.pick(NARRATION.filter((t) => !t.includes("{S}") && !t.includes("“"))))}`;
      const s = r.pick(sources);
      const name = nameOf(s);
      text = escape(text).replace("{S}", link(s, template.startsWith("{S}") ? capitalize(name) : name));
      // A pronoun in the next paragraph means this paragraph's subject, if
      // it has one; a mention elsewhere in the sentence does not count.
      last = template.startsWith("{S}") ? s : null;
      text = text.replace(/“([^”]+)”/, (m, w) => {
        said(w, null, "scare");
        return m;
      });
      if (r.chance(0.3)) text = text.replace(/(\d+)/, '<span class="figure">$1</span>');
      if (r.chance(0.15)) text = text.replace(/^(\S+ \S+)/, "<strong>$1</strong>");
      para(text);
    },
    cueAfter() {
      const s = speakerOf();
      const w = words(r);
      said(`${w},`, s, "cue-after");
      para(`“${quoteHtml(w)},” ${link(s, nameOf(s))} ${verb()}.`);
      last = s;
    },
    cueBefore() {
      const s = speakerOf();
      const w = words(r);
      said(`${w}.`, s, "cue-before");
      const name = capitalize(nameOf(s));
      para(`${link(s, name)} ${r.pick(["said", "told reporters", "wrote"])} on ${r.pick(DAYS)}: “${quoteHtml(w)}.”`);
      last = s;
    },
    inversion() {
      const s = r.pick(people);
      const w = words(r);
      said(`${w},`, s, "inversion");
      const appositive = s.role && r.chance(0.6) ? `, the ${s.role}` : "";
      introduced.add(s.id);
      para(`“${quoteHtml(w)},” said ${link(s, appositive ? s.name : nameOf(s))}${escape(appositive)}.`);
      last = s;
    },
    appositiveBefore() {
      const s = r.pick(people);
      const w = words(r);
      said(`${w}.`, s, "appositive");
      introduced.add(s.id);
      para(`${link(s, s.name)}, the ${escape(s.role)}, said: “${quoteHtml(w)}.”`);
      last = s;
    },
    pronoun() {
      if (!last) return patterns.cueAfter();
      const w = words(r);
      const pronoun =
        last.kind === "person" ? last._cast.gender : last.kind === "organization" ? r.pick(["it", "they"]) : last.kind === "anonymous" ? null : "it";
      if (!pronoun) return patterns.description();
      said(`${w},`, last, `pronoun-${pronoun}`);
      para(`“${quoteHtml(w)},” ${pronoun} ${verb()}.`);
    },
    continuation() {
      // Only right after a quote: a paragraph that is only a quote continues
      // the previous paragraph's speaker.
      if (!last || !quoted) return patterns.cueBefore();
      const w = words(r);
      said(`${w}.`, last, "continuation");
      para(`“${quoteHtml(w)}.”`);
    },
    description() {
      // An anonymous source or an organisation, then "the official said".
      const s = r.pick([...anons, ...orgs, ...docs]);
      const w1 = words(r);
      said(`${w1},`, s, "cue-after");
      para(`“${quoteHtml(w1)},” ${link(s, nameOf(s))} said.`);
      const w2 = words(r);
      said(`${w2},`, s, "description");
      para(`“${quoteHtml(w2)},” the ${s._cast.noun} ${verb()}.`);
      last = s;
    },
    split() {
      const s = r.pick(people);
      const a = words(r);
      const b = words(r);
      said(`${a},`, s, "split");
      said(`${b}.`, s, "split");
      para(`“${quoteHtml(a)},” ${link(s, nameOf(s))} said, “${quoteHtml(b)}.”`);
      last = s;
    },
    multiParagraph() {
      const s = r.pick(people);
      const a = words(r);
      const b = words(r);
      said(`${a}. ${b},`, s, "multi-paragraph");
      para(`“${quoteHtml(a)}.`);
      para(`“${quoteHtml(b)},” ${link(s, nameOf(s))} said.`);
      last = s;
    },
    british() {
      const s = r.pick(people);
      const w = words(r);
      said(w, s, "british");
      para(`‘${quoteHtml(w)}’, ${link(s, nameOf(s))} said.`);
      last = s;
    },
    straight() {
      const s = speakerOf();
      const w = straighten(words(r));
      said(`${w},`, s, "straight");
      para(`"${quoteHtml(w)}," ${link(s, nameOf(s))} said.`);
      last = s;
    },
    guillemets() {
      const s = r.pick(people);
      const w = words(r);
      said(`${w},`, s, "guillemets");
      para(`«${quoteHtml(w)},» ${link(s, nameOf(s))} said.`);
      last = s;
    },
    nested() {
      const s = r.pick(people);
      const inner = words(r);
      const text = `When I asked about it, they told me ‘${inner}’ and hung up,`;
      said(text, s, "nested");
      para(`“When I asked about it, they told me ‘${escape(inner)}’ and hung up,” ${link(s, nameOf(s))} said.`);
      last = s;
    },
    q() {
      const s = r.pick(people);
      const w = words(r);
      said(`${w},`, s, "q");
      para(`<q>${quoteHtml(w)},</q> ${link(s, nameOf(s))} said.`);
      last = s;
    },
    blockquote() {
      const s = r.chance(0.5) ? r.pick(people) : r.pick([...docs, ...pubs]);
      const w = words(r);
      said(`${w}.`, s, "blockquote");
      introduced.add(s.id);
      push(`<blockquote><p>${quoteHtml(w)}.</p><footer>— <cite>${escape(s.name)}</cite></footer></blockquote>`);
      pIndex++;
      quoted = false;
      last = s;
    },
    accordingTo() {
      const s = r.pick([...orgs, ...docs, ...pubs]);
      const w = words(r);
      said(`${w}.`, s, "according-to");
      para(`According to ${link(s, nameOf(s))}, “${quoteHtml(w)}.”`);
      last = s;
    },
    participle() {
      const s = r.pick(people);
      const w = words(r);
      said(`${w}.`, s, "participle");
      para(`${link(s, capitalize(nameOf(s)))} left the meeting early, saying “${quoteHtml(w)}.”`);
      last = s;
    },
  };
  const kinds = Object.keys(patterns);
  // Roughly half the paragraphs hold a quote, as in news copy.
  const weights = {
    narration: 44, cueAfter: 8, cueBefore: 5, inversion: 5, appositiveBefore: 3, pronoun: 6, continuation: 4,
    description: 2, split: 3, multiParagraph: 1.5, british: 2.5, straight: 3, guillemets: 1, nested: 1.5, q: 2,
    blockquote: 1, accordingTo: 2, participle: 1.5,
  };
  const w = kinds.map((k) => weights[k]);

  push(`<h1>${escape(fill(r, "Inside the long fight over {t} in {p}"))}</h1>`);
  while (pIndex < paragraphs) {
    if (pIndex > 0 && pIndex % 40 === 0) {
      push(`<h2>${escape(capitalize(fill(r, "{t} in {p}")))}</h2>`);
    }
    patterns[kinds[r.weighted(w)]]();
  }
  return { html: out.join("\n"), truth, textBytes };
}

/// A manifest of the first `sources` sources of the pool, with `quotes`
/// explicit quotes taken from `page`'s first 1,000 paragraphs (every
/// fourth with a small typographic difference: straight apostrophes, a
/// dropped final comma, a doubled space), and `narration` of them taken
/// from narration sentences, which no marks enclose.
export function manifest({ sources = DEFAULT_SOURCES, quotes = DEFAULT_QUOTES, page, seed = SEED } = {}) {
  const all = pool(Math.max(sources, 50), seed).slice(0, sources);
  const ids = new Set(all.map((s) => s.id));
  const r = rng(seed ^ 0x9107e5);
  const candidates = page.truth.filter((t) => t.p < SHARED && t.source && ids.has(t.source));
  const chosen = [];
  const seen = new Set();
  for (let i = 0; chosen.length < quotes && i < candidates.length * 4; i++) {
    const t = r.pick(candidates);
    const key = `${t.p}:${t.text}`;
    if (seen.has(key) || t.text.split(" ").length < 6) continue;
    seen.add(key);
    let text = t.text;
    switch (chosen.length % 4) {
      case 1: text = straighten(text); break;
      case 2: text = text.replace(/[,.]$/, ""); break;
      case 3: text = text.replace(" ", "  "); break;
    }
    chosen.push({ text, source: t.source });
  }
  chosen.sort((a, b) => a.text.localeCompare(b.text));
  return {
    version: 1,
    sources: all.map(({ _cast, ...s }) => s),
    quotes: chosen,
  };
}

/// The full page around an article. `embed` adds the real script tag
/// (measure d); without it the page is inert and bench/run.mjs imports the
/// module itself.
export function page(article, { embed = null, title = "Benchmark article" } = {}) {
  const tag = embed
    ? `<script type="module" src="/quote-attribution/embed.js" data-manifest="${embed}" data-root="article"></script>\n`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
${tag}<style>body { font: 17px/1.5 Georgia, serif; max-width: 42rem; margin: 2rem auto; } .figure { font-variant-numeric: tabular-nums; }</style>
</head>
<body>
<nav><a href="/">The Northbridge Courier</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<main>
<article>
${article}
</article>
<aside class="related"><p>“Most read” this week</p></aside>
</main>
<footer><p>© The Northbridge Courier</p></footer>
</body>
</html>
`;
}

/// Writes the benchmark set into `dir` and returns what run.mjs needs to
/// know about it.
export function writeSet(dir = OUT, { seed = SEED } = {}) {
  mkdirSync(dir, { recursive: true });
  const largest = Math.max(...PAGE_SIZES);
  const full = generate({ paragraphs: largest, seed });
  const pages = {};
  for (const n of PAGE_SIZES) {
    // Every page is a prefix of the largest: generate it on its own (the
    // generator is deterministic, so the first paragraphs agree).
    const g = n === largest ? full : generate({ paragraphs: n, seed });
    const base = `page-${n}`;
    writeFileSync(join(dir, `${base}.html`), page(g.html, { title: `Benchmark article, ${n} paragraphs` }));
    writeFileSync(
      join(dir, `${base}.embed.html`),
      page(g.html, { title: `Benchmark article, ${n} paragraphs`, embed: `/bench/manifest-${DEFAULT_SOURCES}.json` }),
    );
    writeFileSync(join(dir, `${base}.truth.json`), JSON.stringify(g.truth));
    pages[n] = { html: `${base}.html`, embed: `${base}.embed.html`, truth: `${base}.truth.json`, textBytes: g.textBytes, quotes: g.truth.length };
  }
  const manifests = {};
  for (const s of MANIFEST_SIZES) {
    const m = manifest({ sources: s, quotes: DEFAULT_QUOTES, page: full, seed });
    const file = `manifest-${s}.json`;
    writeFileSync(join(dir, file), JSON.stringify(m, null, 1));
    const terms = m.sources.reduce((n, src) => n + 1 + (src.aliases?.length ?? 0), 0);
    manifests[s] = { file, sources: m.sources.length, quotes: m.quotes.length, nameTerms: terms };
  }
  const info = { seed, pages, manifests };
  writeFileSync(join(dir, "set.json"), JSON.stringify(info, null, 1));
  return info;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const seed = Number(arg("seed", SEED));
  if (arg("paragraphs", null)) {
    const dir = arg("out", OUT);
    mkdirSync(dir, { recursive: true });
    const n = Number(arg("paragraphs"));
    const g = generate({ paragraphs: n, seed });
    const m = manifest({ sources: Number(arg("sources", DEFAULT_SOURCES)), quotes: Number(arg("quotes", DEFAULT_QUOTES)), page: g, seed });
    writeFileSync(join(dir, `page-${n}.html`), page(g.html));
    writeFileSync(join(dir, `manifest-${m.sources.length}.json`), JSON.stringify(m, null, 1));
    console.log(`page-${n}.html: ${g.textBytes} bytes of text, ${g.truth.length} quotations; manifest: ${m.sources.length} sources, ${m.quotes.length} quotes`);
  } else {
    const info = writeSet(OUT, { seed });
    for (const [n, p] of Object.entries(info.pages)) {
      console.log(`${p.html}: ${n} paragraphs, ${(p.textBytes / 1e6).toFixed(3)} MB of text, ${p.quotes} quotations`);
    }
    for (const m of Object.values(info.manifests)) {
      console.log(`${m.file}: ${m.sources} sources (${m.nameTerms} names and aliases), ${m.quotes} explicit quotes`);
    }
  }
}
