//! Speaker phrases, as the engine found them on a page ("Mayor Elena
//! Ruiz", "Ruiz", "a county spokesperson", "the report"), turned into
//! manifest source entries an editor can confirm: `draft` writes them, and
//! `check` suggests them for speakers the manifest lacks.
//!
//! A phrase is read as one of: a pronoun ("he", "He admitted he", "Its
//! report": someone named elsewhere, never a new source); words that name
//! no one ("71", "said in a video": a cue the engine misread); a *name*
//! (a person's name with its titles, a body's name, an unnamed source such
//! as "a US official"); or a *description* ("the judge", "the group",
//! "Harwick’s manager") that usually refers back to a name.
//!
//! From a name, the entry's `name` is the name as written with titles taken
//! off (a job title such as "Mayor" becomes its `role`; honorifics such as
//! "Dr" are dropped), and its `kind` is guessed from the head noun. A
//! surname alone ("Whitcomb") joins the entry of the full name, found among
//! the speakers or, failing that, in the page's text.
//!
//! This module only proposes manifest text. It never decides who said a
//! quote — the engine does, and `draft` asks it again with the proposed
//! sources — and nothing it says reaches a reader unless an editor keeps it.

use crate::attribute::sources::singular;
use crate::attribute::words::{
    capitalized, is_in, lower, tokenize, Kind, Token, DETERMINERS, FRONTED, PRONOUNS,
    SURNAME_PARTICLES, TITLES,
};
use crate::manifest::SourceKind;
use crate::text::fold::fold;
use crate::text::Page;
use std::collections::HashMap;
use std::ops::Range;

/// One proposed source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The name as written, titles taken off.
    pub name: String,
    /// The guessed kind.
    pub kind: SourceKind,
    /// A job title written before the name ("Mayor", "U.S. District Judge").
    pub role: Option<String>,
    /// A body named after the name ("… of Police Scotland").
    pub affiliation: Option<String>,
    /// Every phrase the page used for it, as written, first seen first.
    pub phrases: Vec<String>,
    /// Whether it came from a description ("the group") rather than a name.
    pub described: bool,
}

/// How a speaker phrase reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// A pronoun, or a phrase led by one: stands for someone named elsewhere.
    Pronoun,
    /// Words that name no one: digits, or a clause with a verb in it.
    NotAName,
    /// A name: a new source of its own.
    Name(Guess),
    /// A description: usually someone named before.
    Description(Guess),
}

/// What a phrase says about its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guess {
    /// The name to give the source.
    pub name: String,
    /// The guessed kind.
    pub kind: SourceKind,
    /// The job title, if one was written.
    pub role: Option<String>,
    /// The body after "of"/"for"/"at", if one was written.
    pub affiliation: Option<String>,
    /// True for a person named by one word: a surname ("Whitcomb", "Ms
    /// Rennie"), to be joined to a full name.
    pub one_word: bool,
    /// The head noun, folded and singular ("judge" in "the judge").
    pub head: String,
}

/// Honorifics dropped from a name and not kept as a role.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "hon",
    "rev",
    "reverend",
    "messrs",
    "mme",
    "mlle",
    "m",
];

/// Job words beyond [`TITLES`] that end a name read backwards ("Supervisor
/// Glen Hartwell", "Council member Aisha Grant").
#[rustfmt::skip]
const ROLE_WORDS: &[&str] = &[
    "supervisor", "member", "executive", "officer", "spokesperson", "spokesman", "spokeswoman",
    "manager", "commentator", "grandmaster", "keeper", "critic", "singer", "producer",
    "commander", "trustee", "economist", "analyst", "lawyer", "scientist", "researcher",
    "author", "founder", "owner", "editor", "leader", "head", "president", "vice-president",
    "striker", "midfielder", "defender", "goalkeeper", "player", "forward", "winger", "driver",
    "rider", "chef", "artist", "actor", "actress", "writer", "novelist", "historian", "professor",
    "lecturer", "teacher", "student", "pastor", "activist", "campaigner", "organiser",
    "organizer", "resident", "witness", "engineer", "chairperson", "representative",
    "administrator", "councilmember", "pollster", "adviser", "advisor", "strategist",
    "consultant", "correspondent", "mp", "mep", "mla", "secretary-general", "director-general",
    "diver", "trumpeter", "meteorologist", "coordinator", "historian", "veteran",
];

/// Head nouns of descriptions that stand for an unnamed source when no one
/// named comes before ("the official said").
const UNNAMED_HEADS: &[&str] = &[
    "official",
    "source",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "diplomat",
    "aide",
    "insider",
    "person",
    "people",
    "employee",
    "worker",
];

/// Head nouns of bodies: an organisation (issue 7: "Ministry, Council,
/// Watch, Inc, Ltd, University, police…"). Mirrors the engine's private
/// list of organisation nouns, with company suffixes and proper-name heads.
#[rustfmt::skip]
const ORGANIZATION_WORDS: &[&str] = &[
    "ministry", "council", "watch", "inc", "ltd", "llc", "plc", "gmbh", "ag", "sa", "corp",
    "corporation", "company", "co", "university", "college", "school", "police", "constabulary",
    "coastguard", "agency", "association", "union", "committee", "commission", "department",
    "office", "bank", "group", "institute", "institution", "foundation", "party", "authority",
    "board", "court", "service", "services", "trust", "society", "club", "fc", "network",
    "alliance", "federation", "confederation", "league", "organisation", "organization",
    "government", "administration", "embassy", "army", "navy", "force", "forces", "branch",
    "division", "bureau", "secretariat", "parliament", "assembly", "senate", "congress",
    "tribunal", "hospital", "nhs", "charity", "campaign", "coalition", "team", "firm",
    "airline", "retailer", "insurer", "regulator", "watchdog", "museum", "zoo", "library",
    "church", "diocese", "cabinet", "council's", "labs", "laboratory", "observatory",
    "programme", "program", "panel", "bloc", "consortium", "centre", "center", "fund",
    "brigade", "regiment", "fire", "rescue", "operators", "cooperative", "co-op", "syndicate",
    "guard",
];

/// Head nouns of publications, when capitalised ("the Gazette").
const PUBLICATION_WORDS: &[&str] = &[
    "times",
    "post",
    "journal",
    "herald",
    "gazette",
    "tribune",
    "telegraph",
    "chronicle",
    "reuters",
    "bloomberg",
    "newspaper",
    "magazine",
    "news",
];

/// Head nouns of documents ("the report", "the resolution"). Mirrors the
/// engine's private list of text nouns.
#[rustfmt::skip]
const DOCUMENT_WORDS: &[&str] = &[
    "report", "document", "resolution", "ruling", "statement", "study", "letter", "filing",
    "bill", "judgment", "judgement", "decision", "memo", "lawsuit", "complaint", "indictment",
    "order", "verdict", "paper", "review", "survey", "analysis", "audit", "assessment",
    "guidance", "policy", "plan", "proposal", "draft", "treaty", "agreement", "law", "act",
    "note", "email", "tweet", "book", "article", "editorial", "communique", "declaration",
    "motion", "petition", "summary", "transcript", "affidavit", "brief", "opinion", "findings",
    "press release", "release", "post", "notice", "warning", "charter", "constitution",
];

/// Words after which a phrase's head noun is over ("a spokeswoman *for* HM
/// Coastguard", "a person *familiar* with …").
const HEAD_ENDS: &[&str] = &[
    "of", "for", "at", "from", "in", "with", "on", "familiar", "close", "who", "whose", "which",
    "to", "by",
];

/// Determiners that make a description indefinite: an unnamed source.
const INDEFINITE: &[&str] = &[
    "a", "an", "one", "another", "some", "several", "two", "three", "many",
];

/// Words that show a clause rather than a name ("A local publisher *has*
/// asked her to", "The nurses’ union *said* further dates").
const CLAUSE_WORDS: &[&str] = &[
    "said", "says", "told", "tells", "asked", "asks", "added", "wrote", "has", "have", "had", "is",
    "was", "were", "are", "will", "would", "could", "should",
];

/// Words that mark a source as unnamed on purpose.
const UNNAMED_WORDS: &[&str] = &["unnamed", "anonymous", "unidentified"];

/// Possessive determiners: a phrase led by one refers back ("Its report").
const POSSESSIVES: &[&str] = &["his", "her", "its", "their", "our", "my", "your"];

/// Longest phrase, in words, read as a name; longer ones are clauses.
const MAX_NAME_WORDS: usize = 10;

/// The words of a phrase as written, with trailing punctuation dropped.
fn words(phrase: &str) -> Vec<&str> {
    phrase
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', ';', ':']))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Lower case, straight apostrophes, trailing dot dropped, and a
/// possessive ending taken off ("mayor’s" → "mayor").
fn bare_word(w: &str) -> String {
    let l = fold(w);
    let l = l.trim_end_matches('.');
    l.strip_suffix("'s")
        .or_else(|| l.strip_suffix('\''))
        .unwrap_or(l)
        .to_owned()
}

/// "Pruitt’s", "Operators’": a possessive.
fn possessive(w: &str) -> bool {
    let l = lower(w);
    l.ends_with("'s") || l.ends_with('\'')
}

/// "RFN", "NHK", "PG&E": an acronym (a body, not a person).
fn acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&' || c == '.')
        && !title_like(w)
}

/// The kind a name's last word or a role's head noun shows: "Voltra Inc.",
/// "Le Quotidien, a newspaper".
fn kind_of_word(w: &str) -> Option<SourceKind> {
    let b = bare_word(w);
    let s = singular(&b);
    if PUBLICATION_WORDS.contains(&s)
        || ["broadcaster", "daily", "weekly", "tabloid", "outlet"].contains(&s)
    {
        Some(SourceKind::Publication)
    } else if ORGANIZATION_WORDS.contains(&b.as_str()) || ORGANIZATION_WORDS.contains(&s) {
        Some(SourceKind::Organization)
    } else {
        None
    }
}

fn title_like(w: &str) -> bool {
    let b = bare_word(w);
    TITLES.contains(&b) || ROLE_WORDS.contains(&b.as_str()) || HONORIFICS.contains(&b.as_str())
}

/// The first letter in upper case.
fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// How `phrase` reads. `cue` is the whole attribution phrase ("Meridian’s
/// lead lawyer, Thomas Kessler, argued"): an appositive name in it names
/// the speaker better than a description does.
///
/// ```
/// use quote_attribution::cli::speakers::{read, Reading};
/// use quote_attribution::manifest::SourceKind;
/// let Reading::Name(g) = read("U.S. District Judge Patricia Okonkwo", None) else { panic!() };
/// assert_eq!((g.name.as_str(), g.role.as_deref()), ("Patricia Okonkwo", Some("U.S. District Judge")));
/// let Reading::Name(g) = read("a council spokesperson", None) else { panic!() };
/// assert_eq!((g.name.as_str(), g.kind), ("Council spokesperson", SourceKind::Anonymous));
/// assert_eq!(read("He admitted he", None), Reading::Pronoun);
/// let cue = "Sen. Maria Castellanos, D-Calif., called";
/// let Reading::Name(g) = read("Sen. Maria Castellanos", Some(cue)) else { panic!() };
/// assert_eq!(g.name, "Maria Castellanos");
/// ```
pub fn read(phrase: &str, cue: Option<&str>) -> Reading {
    if let Some(name) = cue.and_then(|c| appositive(phrase, c)) {
        if let Reading::Name(mut g) = read(&name, None) {
            let pronoun = words(phrase).first().is_some_and(|w| is_in(POSSESSIVES, w));
            if g.kind == SourceKind::Person && g.role.is_none() && !pronoun {
                let described = strip_determiner(&words(phrase)).to_vec();
                // "The newspaper, Le Quotidien": the description says what it is.
                match described.last().and_then(|w| kind_of_word(w)) {
                    Some(kind) => g.kind = kind,
                    None => g.role = Some(described.join(" ")).filter(|r| !r.is_empty()),
                }
            }
            return Reading::Name(g);
        }
    }
    let all = words(phrase);
    let Some(first) = all.first() else {
        return Reading::NotAName;
    };
    if PRONOUNS.contains(first) || is_in(POSSESSIVES, first) {
        return Reading::Pronoun;
    }
    if !phrase.chars().any(char::is_alphabetic)
        || first.starts_with(|c: char| c.is_ascii_digit())
        || all.len() > MAX_NAME_WORDS
        || all
            .iter()
            .any(|w| CLAUSE_WORDS.contains(&lower(w).as_str()))
        || all.last().is_some_and(|w| possessive(w))
    {
        return Reading::NotAName;
    }
    if let [only] = all.as_slice() {
        // "reviewing": a verb the engine took for a subject.
        if !capitalized(only) && lower(only).ends_with("ing") {
            return Reading::NotAName;
        }
        if acronym(only) {
            return Reading::Name(Guess {
                name: (*only).to_owned(),
                kind: SourceKind::Organization,
                role: None,
                affiliation: None,
                one_word: false,
                head: bare_word(only),
            });
        }
    }
    // The head part: up to the first preposition or relative word.
    let cut = all
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, w)| HEAD_ENDS.contains(&lower(w).as_str()))
        .map_or(all.len(), |(i, _)| i);
    let (head_part, tail) = all.split_at(cut);
    let head_word = head_part.last().copied().unwrap_or("");
    let head = bare_word(head_word);
    let head_singular = singular(&head).to_owned();
    let det = lower(first);
    let indefinite = INDEFINITE.contains(&det.as_str());
    let definite = DETERMINERS.contains(det.as_str()) && !indefinite;
    let guess = |name: String, kind, role, affiliation, one_word| Guess {
        name,
        kind,
        role,
        affiliation,
        one_word,
        head: head_singular.clone(),
    };
    let proper_head = capitalized(head_word);
    // "Court of Appeal judgment", "Statement": a document, whatever the
    // preposition.
    let last_word = bare_word(all.last().copied().unwrap_or(""));
    let document_last = DOCUMENT_WORDS.contains(&last_word.as_str())
        && (all.len() == 1 || !capitalized(all.last().copied().unwrap_or("")));
    if document_last {
        let g = guess(
            capitalize(&all.join(" ")),
            SourceKind::Document,
            None,
            None,
            false,
        );
        return if indefinite || all.len() == 1 {
            Reading::Name(g)
        } else {
            Reading::Description(g)
        };
    }

    // A body's name may run past a preposition ("Isle of Wight
    // Constabulary"), but not after a person's role ("a spokeswoman for HM
    // Coastguard" is a person).
    let last = all.last().copied().unwrap_or("");
    let body_last = capitalized(last)
        && ORGANIZATION_WORDS.contains(&bare_word(last).as_str())
        && !title_like(head_word);
    if ORGANIZATION_WORDS.contains(&head.as_str())
        || ORGANIZATION_WORDS.contains(&head_singular.as_str())
        || body_last
    {
        let g = guess(body_name(&all), SourceKind::Organization, None, None, false);
        return if proper_head || capitalized(strip_determiner(&all).first().unwrap_or(&"")) {
            Reading::Name(g)
        } else {
            Reading::Description(g)
        };
    }
    if PUBLICATION_WORDS.contains(&head.as_str()) && (proper_head || head == "newspaper") {
        let g = guess(body_name(&all), SourceKind::Publication, None, None, false);
        return if proper_head {
            Reading::Name(g)
        } else {
            Reading::Description(g)
        };
    }
    let name_run = person_name(head_part);
    if DOCUMENT_WORDS.contains(&head.as_str()) && name_run.is_none() {
        let g = guess(
            capitalize(&all.join(" ")),
            SourceKind::Document,
            None,
            None,
            false,
        );
        return if indefinite {
            Reading::Name(g)
        } else {
            Reading::Description(g)
        };
    }
    if let Some(run) = name_run {
        let before = &head_part[..head_part.len() - run.len()];
        let role: Vec<&str> = strip_determiner(before)
            .iter()
            .copied()
            .filter(|w| !HONORIFICS.contains(&bare_word(w).as_str()))
            .collect();
        let role = Some(role.join(" ")).filter(|r| !r.is_empty());
        let affiliation = body_tail(tail);
        let one_word = run.len() == 1;
        // "Public broadcaster NHK", "state-run China Economic Daily": a body.
        let body = match run {
            [one] if acronym(one) => Some(SourceKind::Organization),
            _ => run
                .last()
                .and_then(|w| kind_of_word(w))
                .or_else(|| before.last().and_then(|w| kind_of_word(w))),
        };
        if let Some(kind) = body {
            return Reading::Name(guess(run.join(" "), kind, None, affiliation, false));
        }
        return Reading::Name(guess(
            run.join(" "),
            SourceKind::Person,
            role,
            affiliation,
            one_word,
        ));
    }
    let plural_common = !proper_head && head != head_singular && !definite;
    let unnamed = all
        .iter()
        .any(|w| UNNAMED_WORDS.contains(&lower(w).as_str()));
    if indefinite || plural_common || unnamed {
        let rest = if indefinite { &all[1..] } else { &all[..] };
        let g = guess(
            capitalize(&rest.join(" ")),
            SourceKind::Anonymous,
            None,
            None,
            false,
        );
        return Reading::Name(g);
    }
    let name = body_name(&all);
    let kind = if UNNAMED_HEADS.contains(&head_singular.as_str()) && !proper_head {
        SourceKind::Anonymous
    } else {
        SourceKind::Person
    };
    Reading::Description(guess(name, kind, None, None, false))
}

/// "Meridian’s lead lawyer, Thomas Kessler, argued": the capitalised name
/// between commas right after the phrase in its cue.
fn appositive(phrase: &str, cue: &str) -> Option<String> {
    let rest = cue.strip_prefix(phrase)?.strip_prefix(',')?;
    let inner = rest.split(',').next()?.trim();
    let ws = words(inner);
    // "Sen. Maria Castellanos, D-Calif., called": a party and state.
    let party = inner.len() > 2 && inner.as_bytes()[1] == b'-';
    let named = !ws.is_empty()
        && !party
        && ws.len() <= 5
        && ws
            .iter()
            .all(|w| capitalized(w) || SURNAME_PARTICLES.contains(&lower(w).as_str()));
    (named && rest.contains(',')).then(|| inner.to_owned())
}

/// `ws` without a leading determiner.
fn strip_determiner<'a, 'b>(ws: &'a [&'b str]) -> &'a [&'b str] {
    match ws.split_first() {
        Some((first, rest)) if DETERMINERS.contains(first) => rest,
        _ => ws,
    }
}

/// The name of a body or an unnamed description: a leading "the" dropped
/// before a capitalised word ("The World Meteorological Organization"),
/// kept otherwise ("The resolution"), first letter in upper case.
fn body_name(ws: &[&str]) -> String {
    let rest = strip_determiner(ws);
    let proper = rest.first().is_some_and(|w| capitalized(w));
    capitalize(&if proper { rest } else { ws }.join(" "))
}

/// "of Police Scotland" → "Police Scotland"; a tail that is not a proper
/// name ("for the unanimous three-judge panel") gives none.
fn body_tail(tail: &[&str]) -> Option<String> {
    let (_, rest) = tail.split_first()?;
    let rest = strip_determiner(rest);
    let proper = !rest.is_empty()
        && rest
            .iter()
            .all(|w| capitalized(w) || is_in(&["of", "and"], w));
    proper.then(|| rest.join(" "))
}

/// The person's name at the end of `ws`: capitalised words (and particles
/// between them) that are not titles or role words.
fn person_name<'a, 'b>(ws: &'a [&'b str]) -> Option<&'a [&'b str]> {
    let mut start = ws.len();
    while start > 0 {
        let w = ws[start - 1];
        let particle = SURNAME_PARTICLES.contains(&w) && start < ws.len();
        // A nickname: Michael “Mikey” Donnelly.
        let nickname = start < ws.len()
            && start > 1
            && w.starts_with(crate::detect::is_quote_mark)
            && capitalized(w.trim_matches(crate::detect::is_quote_mark));
        let name_word = nickname
            || capitalized(w)
                && !title_like(w)
                && !DETERMINERS.contains(w)
                && !FRONTED.contains(w)
                && w.chars().any(char::is_alphabetic);
        if !(name_word || particle) {
            break;
        }
        start -= 1;
    }
    // A particle cannot start a name.
    while start < ws.len() && SURNAME_PARTICLES.contains(&ws[start]) {
        start += 1;
    }
    (start < ws.len()).then(|| &ws[start..])
}

/// Proposed sources for the speakers of one page, merged: a surname joins
/// its full name, and descriptions join the last entry they describe.
#[derive(Debug)]
pub struct Speakers<'p> {
    page: &'p Page,
    entries: Vec<Entry>,
    /// Folded phrase → entry.
    by_phrase: HashMap<String, usize>,
    /// When each entry was last named, for descriptions to refer back.
    last_seen: Vec<usize>,
    clock: usize,
}

impl<'p> Speakers<'p> {
    /// No entries yet, for the speakers of `page`.
    pub fn new(page: &'p Page) -> Speakers<'p> {
        Speakers {
            page,
            entries: Vec::new(),
            by_phrase: HashMap::new(),
            last_seen: Vec::new(),
            clock: 0,
        }
    }

    /// The entries, in the order first named.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry a phrase was added to.
    pub fn get(&self, phrase: &str) -> Option<usize> {
        self.by_phrase.get(&fold(phrase)).copied()
    }

    /// Adds a speaker phrase and returns its entry: a name always (unless
    /// it is a surname two entries share), a description only when
    /// `descriptions` is set (else `None`, leaving it to the engine).
    pub fn add(&mut self, phrase: &str, cue: Option<&str>, descriptions: bool) -> Option<usize> {
        let key = fold(phrase);
        self.clock += 1;
        if let Some(&i) = self.by_phrase.get(&key) {
            self.last_seen[i] = self.clock;
            return Some(i);
        }
        let i = match read(phrase, cue) {
            Reading::Pronoun | Reading::NotAName => return None,
            Reading::Name(g) => self.add_name(g)?,
            Reading::Description(g) if descriptions => self.add_description(g),
            Reading::Description(_) => return None,
        };
        self.by_phrase.insert(key, i);
        self.entries[i].phrases.push(phrase.to_owned());
        self.last_seen[i] = self.clock;
        Some(i)
    }

    fn push(&mut self, g: Guess, described: bool) -> usize {
        self.entries.push(Entry {
            name: g.name,
            kind: g.kind,
            role: g.role,
            affiliation: g.affiliation,
            phrases: Vec::new(),
            described,
        });
        self.last_seen.push(self.clock);
        self.entries.len() - 1
    }

    fn add_name(&mut self, mut g: Guess) -> Option<usize> {
        if g.kind == SourceKind::Person {
            let name = fold(&g.name);
            let same = self.people(|e| e == name);
            if let Some(&i) = same.first() {
                let e = &mut self.entries[i];
                e.role = e.role.take().or(g.role);
                e.affiliation = e.affiliation.take().or(g.affiliation);
                return Some(i);
            }
            // A surname (or "Van Rooyen") of a full name already known.
            let longer = self.people(|e| ends_with_words(e, &name));
            match longer.as_slice() {
                [i] => return Some(*i),
                [] => {}
                // Namesakes: the engine tells them apart by context.
                _ => return None,
            }
            // A full name whose surname came first: it takes the entry over.
            let shorter = self.people(|e| ends_with_words(&name, e));
            if let [i] = shorter.as_slice() {
                let e = &mut self.entries[*i];
                e.name = g.name;
                e.role = g.role.or(e.role.take());
                e.affiliation = g.affiliation.or(e.affiliation.take());
                return Some(*i);
            }
            if g.one_word {
                if let Some((full, role)) = full_name(self.page, &g.name) {
                    g.name = full;
                    g.role = g.role.or(role);
                    if let Some(kind) = g.name.split_whitespace().last().and_then(kind_of_word) {
                        g.kind = kind;
                        g.role = None;
                        return Some(self.push(g, false));
                    }
                    let name = fold(&g.name);
                    if let [i] = self.people(|e| e == name).as_slice() {
                        return Some(*i);
                    }
                }
            }
        } else {
            let name = fold(&g.name);
            if let Some(i) = self.entries.iter().position(|e| fold(&e.name) == name) {
                return Some(i);
            }
        }
        Some(self.push(g, false))
    }

    /// A description joins the entry most recently named whose words hold
    /// its head noun ("the judge" → the entry with the role "U.S. District
    /// Judge"), else becomes an entry of its own.
    fn add_description(&mut self, g: Guess) -> usize {
        let head = g.head.clone();
        let described = (0..self.entries.len())
            .filter(|&i| {
                let e = &self.entries[i];
                [Some(&e.name), e.role.as_ref(), e.affiliation.as_ref()]
                    .into_iter()
                    .flatten()
                    .any(|t| fold(t).split(' ').any(|w| singular(w) == head))
            })
            .max_by_key(|&i| self.last_seen[i]);
        match described {
            Some(i) => i,
            None => self.push(g, true),
        }
    }

    /// People entries whose folded name satisfies `f`.
    fn people(&self, f: impl Fn(&str) -> bool) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&i| {
                let e = &self.entries[i];
                e.kind == SourceKind::Person && !e.described && f(&fold(&e.name))
            })
            .collect()
    }
}

/// Does `long` end with the whole words of `short` (and is longer)?
fn ends_with_words(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && long.ends_with(short)
        && long[..long.len() - short.len()].ends_with(' ')
}

/// The fullest name the page writes for a surname: the first capitalised
/// run of two or more name words ending in it ("Councilman Mike Donnelly"
/// → "Mike Donnelly", with the role "Councilman"), or a body's name that
/// follows it ("Voltra Inc.").
fn full_name(page: &Page, surname: &str) -> Option<(String, Option<String>)> {
    for block in &page.blocks {
        let text = block.text.as_str();
        if !text.contains(surname) {
            continue;
        }
        let tokens = tokenize(text, 0..text.len());
        let word = |t: &Token| &text[t.range.clone()];
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != Kind::Word || word(t) != surname {
                continue;
            }
            // Forwards: a company suffix makes it a body's name.
            if let Some(next) = tokens.get(i + 1).filter(|n| n.kind == Kind::Word) {
                let b = bare_word(word(next));
                if capitalized(word(next))
                    && ["inc", "ltd", "llc", "plc", "corp", "group", "gmbh"].contains(&b.as_str())
                {
                    return Some((text[t.range.start..next.range.end].to_owned(), None));
                }
            }
            // Backwards: name words, then titles.
            let mut start = i;
            while start > 0 {
                let p = &tokens[start - 1];
                let w = word(p);
                let ok = p.kind == Kind::Word
                    && (capitalized(w) || SURNAME_PARTICLES.contains(&w))
                    && !title_like(w)
                    && !DETERMINERS.contains(w)
                    && !FRONTED.contains(w)
                    && !w.ends_with("’s")
                    && !w.ends_with("'s");
                if !ok {
                    break;
                }
                start -= 1;
            }
            if i + 1 - start < 2 {
                continue;
            }
            let mut role_start = start;
            while role_start > 0
                && tokens[role_start - 1].kind == Kind::Word
                && title_like(word(&tokens[role_start - 1]))
                && capitalized(word(&tokens[role_start - 1]))
            {
                role_start -= 1;
            }
            let role: Vec<&str> = tokens[role_start..start]
                .iter()
                .map(word)
                .filter(|w| !HONORIFICS.contains(&bare_word(w).as_str()))
                .collect();
            let name = text[tokens[start].range.start..t.range.end].to_owned();
            return Some((name, Some(role.join(" ")).filter(|r| !r.is_empty())));
        }
    }
    None
}

/// People and bodies the page names as a sentence's subject, or with a
/// title, before byte `at` of block `block` and in the `back` blocks before
/// it, outside quotations: "Tom Reilly, the harbor master, told …", "Len
/// Trevithick has rowed …", "Councilman Dale Whitcombe", "Abernathy said …".
///
/// These are the antecedents a later "he said" may stand for. `draft`
/// offers them to the engine as sources; the engine alone decides whether
/// a pronoun refers to one (those it does not use are dropped).
pub fn named_before(
    page: &Page,
    quoted: &[(usize, Range<usize>)],
    block: usize,
    at: usize,
    back: usize,
) -> Vec<String> {
    let mut out = Vec::new();
    for b in block.saturating_sub(back)..=block {
        let Some(blk) = page.blocks.get(b) else {
            continue;
        };
        let text = blk.text.as_str();
        let end = if b == block {
            at.min(text.len())
        } else {
            text.len()
        };
        let Some(upto) = text.get(..end) else {
            continue;
        };
        let tokens = tokenize(upto, 0..upto.len());
        let inside = |t: &Token| {
            quoted
                .iter()
                .any(|(qb, r)| *qb == b && r.start <= t.range.start && t.range.start < r.end)
        };
        let word = |t: &Token| &text[t.range.clone()];
        let is_name_word = |t: &Token| {
            let w = word(t);
            t.kind == Kind::Word
                && capitalized(w)
                && !title_like(w)
                && !DETERMINERS.contains(w)
                && !FRONTED.contains(w)
                && !PRONOUNS.contains(w)
                // "PORT ALDER, Ore." is a dateline, not a name.
                && !(w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase()))
        };
        let mut i = 0;
        while i < tokens.len() {
            let t = &tokens[i];
            if inside(t) || t.kind != Kind::Word {
                i += 1;
                continue;
            }
            let sentence_start = i == 0
                || matches!(
                    tokens[i - 1].kind,
                    Kind::End(_) | Kind::Punct('—') | Kind::Punct('–') | Kind::Punct(':')
                );
            // A capitalised title opens a name anywhere.
            let mut title_end = i;
            while title_end < tokens.len()
                && tokens[title_end].kind == Kind::Word
                && capitalized(word(&tokens[title_end]))
                && title_like(word(&tokens[title_end]))
            {
                title_end += 1;
            }
            let mut run_end = title_end;
            while run_end < tokens.len()
                && (is_name_word(&tokens[run_end])
                    || (run_end > title_end
                        && tokens[run_end].kind == Kind::Word
                        && SURNAME_PARTICLES.contains(&word(&tokens[run_end]))))
            {
                run_end += 1;
            }
            let names = run_end - title_end;
            if names == 0 {
                i = run_end.max(i + 1);
                continue;
            }
            let titled = title_end > i;
            let next = tokens.get(run_end);
            let next_word = next.filter(|n| n.kind == Kind::Word).map(word);
            let subject = sentence_start
                && match names {
                    1 => next_word.is_some_and(|w| {
                        is_in(&["said", "says", "told", "added", "wrote", "argued"], w)
                    }),
                    _ => {
                        next.is_some_and(|n| n.kind == Kind::Punct(','))
                            || next_word.is_some_and(|w| !capitalized(w))
                    }
                };
            if titled || subject {
                let phrase = &text[tokens[i].range.start..tokens[run_end - 1].range.end];
                if !out.iter().any(|p| p == phrase) {
                    out.push(phrase.to_owned());
                }
            }
            i = run_end;
        }
    }
    out
}

/// A source id made from a name: folded, ASCII letters and digits, words
/// joined by "-", at most 40 characters; `None` when nothing is left
/// (a name in another script).
///
/// ```
/// use quote_attribution::cli::speakers::slug;
/// assert_eq!(slug("Rosa Villaseñor").as_deref(), Some("rosa-villasenor"));
/// assert_eq!(slug("UN General Assembly resolution 74/247").as_deref(), Some("un-general-assembly-resolution-74-247"));
/// assert_eq!(slug("Αθήνα"), None);
/// ```
pub fn slug(name: &str) -> Option<String> {
    const MAX: usize = 40;
    let mut out = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c == '\'' {
            // "Harwick’s" → "harwicks".
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_owned();
    if out.len() > MAX {
        let cut = out[..MAX].rfind('-').unwrap_or(MAX);
        out.truncate(cut);
    }
    (!out.is_empty()).then_some(out)
}

/// Unique ids for `names`, in order: slugs, with "-2", "-3" … on repeats
/// and "source-N" for names no slug can be made from. `taken` ids are
/// avoided too.
pub fn ids<'a>(names: impl IntoIterator<Item = &'a str>, taken: &[String]) -> Vec<String> {
    let mut used: Vec<String> = taken.to_vec();
    let mut out = Vec::new();
    for (n, name) in names.into_iter().enumerate() {
        let base = slug(name).unwrap_or_else(|| format!("source-{}", n + 1));
        let mut id = base.clone();
        let mut k = 2;
        while used.contains(&id) {
            id = format!("{base}-{k}");
            k += 1;
        }
        used.push(id.clone());
        out.push(id);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(phrase: &str) -> (String, SourceKind, Option<String>, Option<String>) {
        match read(phrase, None) {
            Reading::Name(g) | Reading::Description(g) => (g.name, g.kind, g.role, g.affiliation),
            other => panic!("{phrase}: {other:?}"),
        }
    }

    #[test]
    fn readings() {
        use SourceKind::*;
        let s = |x: &str| Some(x.to_owned());
        type Row<'a> = (
            &'a str,
            &'a str,
            (&'a str, SourceKind, Option<String>, Option<String>),
        );
        let rows: &[Row] = &[
            (
                "title kept as role",
                "Mayor Denise Whitcomb",
                ("Denise Whitcomb", Person, s("Mayor"), None),
            ),
            (
                "honorific dropped",
                "Dr. Lena Okafor",
                ("Lena Okafor", Person, None, None),
            ),
            (
                "long role",
                "U.S. District Judge Patricia Okonkwo",
                ("Patricia Okonkwo", Person, s("U.S. District Judge"), None),
            ),
            (
                "role word",
                "Supervisor Glen Hartwell",
                ("Glen Hartwell", Person, s("Supervisor"), None),
            ),
            (
                "lower-case role",
                "Council member Aisha Grant",
                ("Aisha Grant", Person, s("Council member"), None),
            ),
            (
                "determiner and role",
                "the producer Sam Cates",
                ("Sam Cates", Person, s("producer"), None),
            ),
            (
                "particle",
                "Trade Commissioner Piet van Rooyen",
                ("Piet van Rooyen", Person, s("Trade Commissioner"), None),
            ),
            (
                "affiliation",
                "Inspector Alan McRae of Police Scotland",
                ("Alan McRae", Person, s("Inspector"), s("Police Scotland")),
            ),
            (
                "lower-case tail",
                "Judge Eleanor Whitfield for the unanimous three-judge panel",
                ("Eleanor Whitfield", Person, s("Judge"), None),
            ),
            ("surname", "Ms Rennie", ("Rennie", Person, None, None)),
            (
                "organisation",
                "Human Rights Watch",
                ("Human Rights Watch", Organization, None, None),
            ),
            (
                "organisation with the",
                "The World Meteorological Organization",
                (
                    "World Meteorological Organization",
                    Organization,
                    None,
                    None,
                ),
            ),
            (
                "ministry of",
                "the Ministry of Health",
                ("Ministry of Health", Organization, None, None),
            ),
            (
                "possessive body",
                "Germany’s economy ministry",
                ("Germany’s economy ministry", Organization, None, None),
            ),
            ("police", "police", ("Police", Organization, None, None)),
            (
                "company suffix",
                "Stridewell Inc.",
                ("Stridewell Inc.", Organization, None, None),
            ),
            (
                "anonymous",
                "a US official",
                ("US official", Anonymous, None, None),
            ),
            (
                "anonymous with a body",
                "A Home Office spokesperson",
                ("Home Office spokesperson", Anonymous, None, None),
            ),
            (
                "anonymous for",
                "A spokeswoman for HM Coastguard",
                ("Spokeswoman for HM Coastguard", Anonymous, None, None),
            ),
            ("plural", "officials", ("Officials", Anonymous, None, None)),
            (
                "document",
                "the resolution",
                ("The resolution", Document, None, None),
            ),
            (
                "indefinite document",
                "A report",
                ("A report", Document, None, None),
            ),
            (
                "description",
                "the judge",
                ("The judge", Person, None, None),
            ),
            (
                "capitalised role",
                "The Health Secretary",
                ("Health Secretary", Person, None, None),
            ),
        ];
        for (what, phrase, (n, k, r, a)) in rows {
            assert_eq!(
                name(phrase),
                (n.to_string(), *k, r.clone(), a.clone()),
                "{what}: {phrase}"
            );
        }
    }

    #[test]
    fn not_sources() {
        for phrase in [
            "he",
            "She",
            "He admitted he",
            "Its report",
            "Her team",
            "71",
            "said in a video",
            "A local publisher has asked her to",
        ] {
            assert!(
                matches!(read(phrase, None), Reading::Pronoun | Reading::NotAName),
                "{phrase}"
            );
        }
    }

    #[test]
    fn appositive_names_the_speaker() {
        let Reading::Name(g) = read(
            "Meridian’s lead lawyer",
            Some("Meridian’s lead lawyer, Thomas Kessler, argued"),
        ) else {
            panic!()
        };
        assert_eq!(g.name, "Thomas Kessler");
        assert_eq!(g.role.as_deref(), Some("Meridian’s lead lawyer"));
        let Reading::Name(g) = read("Her team", Some("Her team, Northbridge Cycling, said")) else {
            panic!()
        };
        assert_eq!(g.name, "Northbridge Cycling");
    }

    #[test]
    fn merging() {
        let page =
            Page::from_paragraphs(["Councilman Mike Donnelly voted no.", "“No,” said Donnelly."]);
        let mut s = Speakers::new(&page);
        let whitcomb = s.add("Mayor Denise Whitcomb", None, false);
        assert_eq!(s.add("Whitcomb", None, false), whitcomb);
        assert_eq!(s.add("Ms Whitcomb", None, false), whitcomb);
        let donnelly = s.add("Donnelly", None, false).unwrap();
        assert_eq!(s.entries()[donnelly].name, "Mike Donnelly");
        assert_eq!(s.entries()[donnelly].role.as_deref(), Some("Councilman"));
        let pryce = s.add("Pryce", None, false).unwrap();
        assert_eq!(s.add("Gareth Pryce", None, false), Some(pryce));
        assert_eq!(s.entries()[pryce].name, "Gareth Pryce");
        assert_eq!(s.add("the mayor", None, false), None);
        assert_eq!(s.add("the mayor", None, true), whitcomb);
        assert_eq!(s.add("he", None, true), None);
        let group = s.add("the group", None, true).unwrap();
        assert!(s.entries()[group].described);
    }

    #[test]
    fn namesakes_stay_apart() {
        let page = Page::default();
        let mut s = Speakers::new(&page);
        s.add("Teresa Kowalczyk", None, false);
        s.add("Sen. Ray Kowalczyk", None, false);
        assert_eq!(s.add("Kowalczyk", None, false), None);
    }

    #[test]
    fn antecedents() {
        let page = Page::from_paragraphs([
            "PORT ALDER, Ore. — The City Council voted on Tuesday.",
            "Tom Reilly, the harbor master, told the council. Councilman Dale Whitcombe disagreed.",
            "Abernathy said “Ann Other said no,” and Not Everyone agreed. “Yes,” he said.",
        ]);
        let quoted = [(2usize, 15..33)];
        let got = named_before(&page, &quoted, 2, 60, 2);
        assert_eq!(
            got,
            ["Tom Reilly", "Councilman Dale Whitcombe", "Abernathy"]
        );
    }

    #[test]
    fn unique_ids() {
        assert_eq!(
            ids(["Ann Lee", "Ann Lee", "Αθήνα"], &["ann-lee-2".to_owned()]),
            ["ann-lee", "ann-lee-3", "source-3"]
        );
    }
}
