//! The core's speed, natively: [`Engine::analyze`] on about 1 MB of
//! generated news text with a manifest of 500 sources and 300 explicit
//! quotes, reported as throughput (MB/s), plus the manifest-size curve (50,
//! 500, 5,000 sources on the same page) and [`Engine::new`].
//!
//! ```sh
//! cargo bench --bench engine
//! ```
//!
//! The page comes from a small deterministic generator below (a Rust
//! cousin of bench/generate.mjs, so `cargo bench` needs nothing else): the
//! same cast of 50 sources and the same quotation patterns — cue after and
//! before, inversion, appositives, titles, pronouns, continuations,
//! definite descriptions, split and multi-paragraph quotes, British single
//! marks, straight marks, guillemets, nested quotes, `<q>`, `<blockquote>`
//! with `<cite>` — fed through [`PageBuilder`] with links and emphasis as
//! separate text nodes, the way the DOM and HTML shells feed it. A manifest
//! of N sources is the cast plus N − 50 sources the page never names, so the
//! curve measures the manifest's size alone.
//!
//! Before criterion's own report, it prints the median time of one analysis
//! of the page, scaled to exactly 1 MB, for the README's table.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use quote_attribution::manifest;
use quote_attribution::text::{BlockKind, ElementRole, Page, PageBuilder};
use quote_attribution::Engine;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// Text the page should reach, in bytes.
const PAGE_BYTES: usize = 1_000_000;
/// Explicit quotes in every manifest.
const QUOTES: usize = 300;
const SEED: u64 = 20_240_607;

// ---------------------------------------------------------------------------
// Randomness: splitmix64, seeded, so every run sees the same page.

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[self.below(list.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

// ---------------------------------------------------------------------------
// Sources.

const FEMALE: &[&str] = &[
    "Elena", "Priya", "Marisol", "Adaeze", "Ingrid", "Fatima", "Hannah", "Sofia", "Mei", "Olga",
    "Grace", "Amara", "Leila", "Nadia", "Ruth",
];
const MALE: &[&str] = &[
    "Tomas", "Kwame", "Marcus", "Daniel", "Hiroshi", "Pavel", "Omar", "Liam", "Rafael", "Samuel",
    "Arjun", "Felix", "Jonah", "Viktor", "Luca",
];
const SURNAMES: &[&str] = &[
    "Ruiz",
    "Okafor",
    "Vega",
    "Raman",
    "Lindqvist",
    "Haddad",
    "Brennan",
    "Moreau",
    "Tanaka",
    "Petrov",
    "Osei",
    "Whitfield",
    "Castillo",
    "Nakamura",
    "Dubois",
    "Kowalski",
    "Mensah",
    "Albrecht",
    "Fischer",
    "Novak",
    "Sato",
    "Quinlan",
    "Marsh",
    "Adeyemi",
    "Carver",
    "Holloway",
    "Ibarra",
    "Jansen",
    "Keane",
    "Larsen",
];
/// (title written before the name, role)
const ROLES: &[(&str, &str)] = &[
    ("Mayor", "mayor of Northbridge"),
    ("Councillor", "chair of the housing committee"),
    ("Dr.", "professor of economics at Eastmere University"),
    ("", "harbour master"),
    ("Inspector", "senior investigating officer"),
    ("", "chief executive of Coastal Water"),
    ("Judge", "presiding judge"),
    ("Prof.", "hydrologist at Kingsford College"),
    ("", "owner of a bakery on Quay Street"),
    ("Coach", "coach of the under-16 team"),
];
/// (name, short form, head noun of a description)
const ORGS: &[(&str, &str, &str)] = &[
    ("Northbridge Transit Authority", "NTA", "authority"),
    ("Harbour Workers Union", "HWU", "union"),
    ("Friends of the Estuary", "the Friends", "group"),
    ("Kingsford Chamber of Commerce", "the chamber", "chamber"),
    ("Coastal Water Company", "Coastal Water", "company"),
    ("Lakeshore Tenants Association", "LTA", "association"),
];
/// (kind, name, alias, head noun)
const OTHERS: &[(&str, &str, &str, &str)] = &[
    (
        "anonymous",
        "Unnamed senior health official",
        "a senior health official",
        "official",
    ),
    (
        "anonymous",
        "Unnamed police source",
        "a police source",
        "source",
    ),
    (
        "anonymous",
        "Unnamed port insider",
        "a port insider",
        "insider",
    ),
    (
        "document",
        "Northbridge flood review",
        "the flood review",
        "review",
    ),
    (
        "document",
        "Harbour dredging audit",
        "the dredging audit",
        "audit",
    ),
    ("publication", "The Harbour Gazette", "the Gazette", "paper"),
];

/// A source of the cast, as the page writes it.
struct Cast {
    id: String,
    kind: &'static str,
    name: String,
    /// What the page calls it after the first mention.
    short: String,
    title: &'static str,
    role: Option<&'static str>,
    /// "he", "she", "it", or none (anonymous: a description instead).
    pronoun: Option<&'static str>,
    noun: &'static str,
}

fn cast() -> Vec<Cast> {
    let mut out = Vec::new();
    for (i, surname) in SURNAMES.iter().enumerate() {
        let female = i % 2 == 0;
        let first = if female { FEMALE } else { MALE }[i / 2];
        let (title, role) = ROLES[i % ROLES.len()];
        out.push(Cast {
            id: format!("{first}-{surname}").to_lowercase(),
            kind: "person",
            name: format!("{first} {surname}"),
            short: (*surname).to_owned(),
            title,
            role: Some(role),
            pronoun: Some(if female { "she" } else { "he" }),
            noun: "",
        });
    }
    for (name, short, noun) in ORGS {
        out.push(Cast {
            id: short
                .trim_start_matches("the ")
                .to_lowercase()
                .replace(' ', "-"),
            kind: "organization",
            name: (*name).to_owned(),
            short: (*short).to_owned(),
            title: "",
            role: None,
            pronoun: Some("it"),
            noun,
        });
    }
    for (kind, name, alias, noun) in OTHERS {
        out.push(Cast {
            id: alias
                .split(' ')
                .skip(1)
                .collect::<Vec<_>>()
                .join("-")
                .to_lowercase(),
            kind,
            name: (*name).to_owned(),
            short: (*alias).to_owned(),
            title: "",
            role: None,
            pronoun: (*kind != "anonymous").then_some("it"),
            noun,
        });
    }
    out
}

/// The manifest: the cast, then `sources − cast` sources the page never
/// names (unique syllable names, so no surname becomes ambiguous), and the
/// explicit quotes, every fourth with a small typographic difference.
fn manifest_json(cast: &[Cast], sources: usize, quotes: &[(String, usize)]) -> String {
    const A: &[&str] = &[
        "Ash", "Bel", "Cor", "Dal", "Ever", "Fen", "Gal", "Har", "Ire", "Jun", "Kes", "Lor", "Mar",
        "Nor", "Or", "Pen", "Quin", "Ros", "Sel", "Tam", "Ul", "Vor", "Wex", "Yar", "Zel",
    ];
    const B: &[&str] = &[
        "", "a", "en", "i", "o", "ar", "el", "um", "is", "an", "ov", "et",
    ];
    const C: &[&str] = &[
        "bury", "combe", "dale", "ford", "grove", "hurst", "ley", "more", "ridge", "stead", "ton",
        "wick", "worth", "field", "holm", "lin", "ska", "vic", "ani", "etti", "ard", "sen",
        "quist", "ero",
    ];
    let mut list: Vec<Value> = cast
        .iter()
        .map(|c| {
            let aliases: Vec<String> = match c.kind {
                "person" => {
                    let honorific = if c.pronoun == Some("she") { "Ms" } else { "Mr" };
                    vec![format!("{honorific} {}", c.short)]
                }
                _ => vec![c.short.clone()],
            };
            json!({ "id": c.id, "name": c.name, "kind": c.kind, "aliases": aliases, "role": c.role })
        })
        .collect();
    let mut n = 0usize;
    while list.len() < sources {
        // Combination n of the syllables: unique by construction.
        let word = format!(
            "{}{}{}",
            A[n % A.len()],
            B[(n / A.len()) % B.len()],
            C[(n / (A.len() * B.len())) % C.len()]
        );
        let id = format!("x{n}-{}", word.to_lowercase());
        list.push(if n % 4 == 3 {
            json!({ "id": id, "name": format!("{word} Foundation"), "kind": "organization", "aliases": [word] })
        } else {
            let first = [FEMALE, MALE][n % 2][n % FEMALE.len()];
            json!({ "id": id, "name": format!("{first} {word}"), "kind": "person", "aliases": [] })
        });
        n += 1;
    }
    let quotes: Vec<Value> = quotes
        .iter()
        .enumerate()
        .map(|(i, (text, source))| {
            let text = match i % 4 {
                1 => text.replace('’', "'"),
                2 => text.trim_end_matches([',', '.']).to_owned(),
                3 => text.replacen(' ', "  ", 1),
                _ => text.clone(),
            };
            json!({ "text": text, "source": cast[*source].id })
        })
        .collect();
    json!({ "version": 1, "sources": list, "quotes": quotes }).to_string()
}

// ---------------------------------------------------------------------------
// Sentences and paragraphs.

const TOPICS: &[&str] = &[
    "the budget",
    "the ferry terminal",
    "the flood defences",
    "the school merger",
    "the rail strike",
    "the housing plan",
    "the water tariff",
    "the bus network",
    "the dredging",
    "the stadium deal",
    "the hospital wing",
    "the recycling contract",
];
const PLACES: &[&str] = &[
    "Northbridge",
    "Lakeshore",
    "Port Ellery",
    "Harrowgate",
    "Eastmere",
    "Kingsford",
    "Marlow Bay",
    "Stonebridge",
];
const SUBJECTS: &[&str] = &[
    "We",
    "Nobody in this town",
    "The council",
    "Our members",
    "Every family here",
    "The government",
    "This city",
    "Our engineers",
    "People",
    "I",
    "You",
    "The port",
];
const MODALS: &[&str] = &[
    "will not",
    "cannot afford to",
    "have never tried to",
    "must",
    "want to",
    "did not expect to",
    "refuse to",
    "will keep trying to",
    "had hoped to",
    "won’t",
    "can’t",
    "shouldn’t",
];
const ACTIONS: &[&str] = &[
    "ignore",
    "pay for",
    "rush",
    "walk away from",
    "defend",
    "rethink",
    "put off",
    "finish",
    "fund",
    "sign off on",
];
const TAILS: &[&str] = &[
    "",
    "",
    " before the winter",
    " without more money",
    " this time",
    " for the children’s sake",
    " whatever the cost",
    " on our own",
    " next spring",
];
const SECONDS: &[&str] = &[
    "That is the whole point.",
    "It’s as simple as that.",
    "Nobody told us why.",
    "The numbers don’t lie.",
    "There is no plan B.",
];
const SCARE: &[&str] = &[
    "reform",
    "temporary",
    "consultation",
    "efficiency",
    "world-class",
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const VERBS: &[&str] = &[
    "said",
    "said",
    "said",
    "told reporters",
    "added",
    "warned",
    "insisted",
];

/// A piece of a paragraph: each becomes its own text node, as links and
/// emphasis make in a real page.
enum Piece {
    Text(String),
    /// An `<a>` or `<em>`.
    Inline(String),
    /// A `<q>` element.
    Q(String),
}

enum Para {
    P(Vec<Piece>),
    Blockquote { quote: String, cite: String },
}

struct Generator {
    r: Rng,
    cast: Vec<Cast>,
    introduced: Vec<bool>,
    last: Option<usize>,
    /// Was the last paragraph an attributed quote?
    quoted: bool,
    /// Quotations written so far: (words between the marks, source).
    said: Vec<(String, usize)>,
}

impl Generator {
    fn words(&mut self) -> String {
        let r = &mut self.r;
        let mut s = format!(
            "{} {} {} {}{}",
            r.pick(SUBJECTS),
            r.pick(MODALS),
            r.pick(ACTIONS),
            r.pick(TOPICS),
            r.pick(TAILS)
        );
        if r.chance(20) {
            s = format!("{s} in {}", r.pick(PLACES));
        }
        if r.chance(30) {
            s = format!("{s}. {}", r.pick(SECONDS).trim_end_matches('.'));
        }
        s
    }

    /// How the page names source `i` now.
    fn name(&mut self, i: usize) -> String {
        let c = &self.cast[i];
        if c.kind == "person" && !self.introduced[i] {
            self.introduced[i] = true;
            return if !c.title.is_empty() && self.r.chance(50) {
                format!("{} {}", c.title, c.name)
            } else {
                c.name.clone()
            };
        }
        match c.kind {
            "person" | "organization" if self.r.chance(50) => c.name.clone(),
            _ => c.short.clone(),
        }
    }

    /// A name, as a link a third of the time.
    fn named(&mut self, i: usize, out: &mut Vec<Piece>) {
        let name = self.name(i);
        out.push(if self.r.chance(35) {
            Piece::Inline(name)
        } else {
            Piece::Text(name)
        });
    }

    /// Quotation words, one of them in `<em>` a fifth of the time.
    fn quote_pieces(&mut self, open: &str, words: &str, close: &str, out: &mut Vec<Piece>) {
        if self.r.chance(20) {
            if let Some((a, b)) = words.split_once(' ') {
                if let Some((w, rest)) = b.split_once(' ') {
                    out.push(Piece::Text(format!("{open}{a} ")));
                    out.push(Piece::Inline(w.to_owned()));
                    out.push(Piece::Text(format!(" {rest}{close}")));
                    return;
                }
            }
        }
        out.push(Piece::Text(format!("{open}{words}{close}")));
    }

    fn person(&mut self) -> usize {
        self.r.below(SURNAMES.len())
    }

    fn anyone(&mut self) -> usize {
        if self.r.chance(70) {
            self.person()
        } else {
            SURNAMES.len() + self.r.below(self.cast.len() - SURNAMES.len())
        }
    }

    fn quote(&mut self, words: &str, punct: &str, source: usize) {
        self.said.push((format!("{words}{punct}"), source));
    }

    /// The next paragraphs (one, or two for the two-paragraph patterns).
    fn next(&mut self) -> Vec<Para> {
        let weights = [44, 8, 5, 5, 3, 6, 4, 2, 3, 2, 3, 3, 1, 2, 2, 1, 2, 2];
        let total: usize = weights.iter().sum();
        let mut x = self.r.below(total);
        let mut kind = 0;
        while x >= weights[kind] {
            x -= weights[kind];
            kind += 1;
        }
        let mut p = Vec::new();
        let mut paras = Vec::new();
        let mut attributed = true;
        match kind {
            0 => {
                // Narration: a source as the subject, sometimes a scare quote.
                let s = self.anyone();
                self.named(s, &mut p);
                let topic = self.r.pick(TOPICS);
                let n = 2 + self.r.below(90);
                p.push(Piece::Text(format!(
                    " has been at the centre of the dispute over {topic} for {n} months."
                )));
                if self.r.chance(60) {
                    let place = self.r.pick(PLACES);
                    let day = self.r.pick(DAYS);
                    p.push(Piece::Text(format!(
                        " Residents of {place} packed the hall on {day}, some of them standing at the back."
                    )));
                }
                if self.r.chance(25) {
                    let scare = self.r.pick(SCARE);
                    p.push(Piece::Text(format!(
                        " Critics call the plan a “{scare}” fix; its backers say it is the only one."
                    )));
                }
                self.last = Some(s);
                attributed = false;
            }
            1 => {
                let s = self.anyone();
                let w = self.words();
                self.quote(&w, ",", s);
                self.quote_pieces("“", &w, ",” ", &mut p);
                self.named(s, &mut p);
                p.push(Piece::Text(format!(" {}.", self.r.pick(VERBS))));
                self.last = Some(s);
            }
            2 => {
                let s = self.anyone();
                let w = self.words();
                self.quote(&w, ".", s);
                self.named(s, &mut p);
                let day = self.r.pick(DAYS);
                self.quote_pieces(&format!(" said on {day}: “"), &w, ".”", &mut p);
                self.last = Some(s);
            }
            3 | 4 => {
                // Inversion with an appositive, or the appositive before.
                let s = self.person();
                let w = self.words();
                self.quote(&w, if kind == 3 { "," } else { "." }, s);
                self.introduced[s] = true;
                let name = self.cast[s].name.clone();
                let role = self.cast[s].role.unwrap_or("spokesperson");
                if kind == 3 {
                    self.quote_pieces("“", &w, ",” said ", &mut p);
                    p.push(Piece::Inline(name));
                    p.push(Piece::Text(format!(", the {role}.")));
                } else {
                    p.push(Piece::Inline(name));
                    self.quote_pieces(&format!(", the {role}, said: “"), &w, ".”", &mut p);
                }
                self.last = Some(s);
            }
            5 => {
                // A pronoun for the last speaker.
                let Some(s) = self.last.filter(|&s| self.cast[s].pronoun.is_some()) else {
                    return self.next();
                };
                let w = self.words();
                self.quote(&w, ",", s);
                let pronoun = self.cast[s].pronoun.unwrap_or("it");
                self.quote_pieces("“", &w, &format!(",” {pronoun} said."), &mut p);
            }
            6 => {
                // A continuation: a paragraph that is only a quote.
                let Some(s) = self.last.filter(|_| self.quoted) else {
                    return self.next();
                };
                let w = self.words();
                self.quote(&w, ".", s);
                self.quote_pieces("“", &w, ".”", &mut p);
            }
            7 => {
                // A definite description after the source's first quote.
                let s = SURNAMES.len() + self.r.below(self.cast.len() - SURNAMES.len());
                let a = self.words();
                self.quote(&a, ",", s);
                let mut first = Vec::new();
                self.quote_pieces("“", &a, ",” ", &mut first);
                self.named(s, &mut first);
                first.push(Piece::Text(" said.".into()));
                paras.push(Para::P(first));
                let b = self.words();
                self.quote(&b, ",", s);
                let noun = self.cast[s].noun;
                self.quote_pieces("“", &b, &format!(",” the {noun} said."), &mut p);
                self.last = Some(s);
            }
            8 => {
                // Split: “A,” X said, “B.”
                let s = self.person();
                let (a, b) = (self.words(), self.words());
                self.quote(&a, ",", s);
                self.quote(&b, ".", s);
                self.quote_pieces("“", &a, ",” ", &mut p);
                self.named(s, &mut p);
                self.quote_pieces(" said, “", &b, ".”", &mut p);
                self.last = Some(s);
            }
            9 => {
                // Continued over two paragraphs: no closing mark on the first.
                let s = self.person();
                let (a, b) = (self.words(), self.words());
                self.said.push((format!("{a}. {b},"), s));
                paras.push(Para::P(vec![Piece::Text(format!("“{a}."))]));
                self.quote_pieces("“", &b, ",” ", &mut p);
                self.named(s, &mut p);
                p.push(Piece::Text(" said.".into()));
                self.last = Some(s);
            }
            10..=12 => {
                // British single marks, straight marks, guillemets.
                let s = self.person();
                let mut w = self.words();
                let (open, close) = match kind {
                    10 => ("‘", "’, "),
                    11 => {
                        w = w.replace('’', "'");
                        ("\"", ",\" ")
                    }
                    _ => ("«", ",» "),
                };
                self.quote(&w, if kind == 10 { "" } else { "," }, s);
                self.quote_pieces(open, &w, close, &mut p);
                self.named(s, &mut p);
                p.push(Piece::Text(" said.".into()));
                self.last = Some(s);
            }
            13 => {
                // A quote inside a quote.
                let s = self.person();
                let inner = self.words();
                let w = format!("When I asked about it, they told me ‘{inner}’ and hung up");
                self.quote(&w, ",", s);
                p.push(Piece::Text(format!("“{w},” ")));
                self.named(s, &mut p);
                p.push(Piece::Text(" said.".into()));
                self.last = Some(s);
            }
            14 => {
                let s = self.person();
                let w = self.words();
                self.quote(&w, ",", s);
                p.push(Piece::Q(format!("{w},")));
                p.push(Piece::Text(" ".into()));
                self.named(s, &mut p);
                p.push(Piece::Text(" said.".into()));
                self.last = Some(s);
            }
            15 => {
                let s = self.person();
                let w = self.words();
                self.quote(&w, ".", s);
                self.introduced[s] = true;
                paras.push(Para::Blockquote {
                    quote: format!("{w}."),
                    cite: self.cast[s].name.clone(),
                });
                self.last = Some(s);
                self.quoted = false;
                return paras;
            }
            16 => {
                // According to an organisation or a document.
                let s = SURNAMES.len() + self.r.below(ORGS.len());
                let w = self.words();
                self.quote(&w, ".", s);
                p.push(Piece::Text("According to ".into()));
                self.named(s, &mut p);
                self.quote_pieces(", “", &w, ".”", &mut p);
                self.last = Some(s);
            }
            _ => {
                // The subject of a participle.
                let s = self.person();
                let w = self.words();
                self.quote(&w, ".", s);
                self.named(s, &mut p);
                self.quote_pieces(" left the meeting early, saying “", &w, ".”", &mut p);
                self.last = Some(s);
            }
        }
        self.quoted = attributed;
        paras.push(Para::P(p));
        paras
    }
}

/// The page (about `bytes` of text) and its quotations.
fn page(bytes: usize) -> (Page, Vec<(String, usize)>, Vec<Cast>) {
    let cast = cast();
    let mut g = Generator {
        r: Rng(SEED),
        introduced: vec![false; cast.len()],
        cast,
        last: None,
        quoted: false,
        said: Vec::new(),
    };
    let p = ElementRole::Block(BlockKind::Paragraph);
    let mut b = PageBuilder::new();
    let mut node = 0u32;
    let mut text = |b: &mut PageBuilder, s: &str| {
        b.text(node, s);
        node += 1;
    };
    let mut len = 0;
    while len < bytes {
        for para in g.next() {
            match para {
                Para::P(pieces) => {
                    b.open(p);
                    for piece in pieces {
                        match piece {
                            Piece::Text(s) => {
                                len += s.len();
                                text(&mut b, &s);
                            }
                            Piece::Inline(s) => {
                                len += s.len();
                                b.open(ElementRole::Inline);
                                text(&mut b, &s);
                                b.close(ElementRole::Inline);
                            }
                            Piece::Q(s) => {
                                len += s.len();
                                b.open(ElementRole::InlineQuote);
                                text(&mut b, &s);
                                b.close(ElementRole::InlineQuote);
                            }
                        }
                    }
                    b.close(p);
                }
                Para::Blockquote { quote, cite } => {
                    len += quote.len() + cite.len() + 4;
                    b.open(ElementRole::Blockquote);
                    b.open(p);
                    text(&mut b, &quote);
                    b.close(p);
                    b.open(ElementRole::Footer);
                    text(&mut b, "— ");
                    b.open(ElementRole::Cite);
                    text(&mut b, &cite);
                    b.close(ElementRole::Cite);
                    b.close(ElementRole::Footer);
                    b.close(ElementRole::Blockquote);
                }
            }
        }
    }
    (b.finish(), g.said, g.cast)
}

/// `QUOTES` explicit quotes, spread evenly over the page's quotations.
fn explicit(said: &[(String, usize)]) -> Vec<(String, usize)> {
    let long: Vec<&(String, usize)> = said
        .iter()
        .filter(|(t, _)| t.split(' ').count() >= 6)
        .collect();
    let step = (long.len() / QUOTES).max(1);
    long.iter()
        .step_by(step)
        .take(QUOTES)
        .map(|&q| q.clone())
        .collect()
}

fn engine(cast: &[Cast], sources: usize, quotes: &[(String, usize)]) -> Engine {
    let json = manifest_json(cast, sources, quotes);
    let loaded = manifest::parse(&json).unwrap_or_else(|p| panic!("bad manifest: {p}"));
    Engine::new(loaded.manifest)
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn benches(c: &mut Criterion) {
    let (page, said, cast) = page(PAGE_BYTES);
    let quotes = explicit(&said);
    let bytes = page.text_len();
    let mb = bytes as f64 / 1e6;

    // The figure for the README: one analysis, median of 11, scaled to 1 MB.
    let default = engine(&cast, 500, &quotes);
    let report = default.analyze(&page);
    let found = report.quotes.len();
    let attributed = report.quotes.iter().filter(|q| q.source.is_some()).count();
    let runs: Vec<Duration> = (0..11)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(default.analyze(std::hint::black_box(&page)));
            t.elapsed()
        })
        .collect();
    let t = median(runs);
    println!(
        "Engine::analyze: {:.2} MB of text ({} blocks, {} quotations generated; {found} found, \
         {attributed} attributed), 500 sources, {} explicit quotes: {:.1} ms, \
         so {:.1} ms per MB ({:.1} MB/s)",
        mb,
        page.blocks.len(),
        said.len(),
        quotes.len(),
        t.as_secs_f64() * 1e3,
        t.as_secs_f64() * 1e3 / mb,
        mb / t.as_secs_f64(),
    );

    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    for sources in [50, 500, 5000] {
        let e = if sources == 500 {
            default.clone()
        } else {
            engine(&cast, sources, &quotes)
        };
        group.bench_with_input(
            BenchmarkId::new(format!("{mb:.1}MB"), format!("{sources} sources")),
            &e,
            |b, e| b.iter(|| e.analyze(std::hint::black_box(&page))),
        );
    }
    group.finish();

    let mut group = c.benchmark_group("Engine::new");
    group.sample_size(10);
    for sources in [50, 500, 5000] {
        let json = manifest_json(&cast, sources, &quotes);
        group.bench_with_input(BenchmarkId::from_parameter(sources), &json, |b, json| {
            b.iter(|| {
                let loaded = manifest::parse(json).expect("valid manifest");
                Engine::new(loaded.manifest)
            })
        });
    }
    group.finish();
}

criterion_group!(engine_benches, benches);
criterion_main!(engine_benches);
