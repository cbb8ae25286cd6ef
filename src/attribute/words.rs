//! Words: a small tokenizer for one block, and the word lists attribution
//! rests on (speech verbs, titles, pronouns, words that end a noun phrase).
//!
//! The lists are English news usage. They are data: a word added here
//! changes behaviour everywhere, so each list says what it is for.

use std::ops::Range;

/// One token of a block's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// UTF-8 byte range in the block text.
    pub range: Range<usize>,
    /// What the token is.
    pub kind: Kind,
    /// The word lists a word token is in (none for other tokens).
    pub classes: Classes,
}

/// Token kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters and digits, with inner apostrophes, hyphens and the dots of
    /// abbreviations (`it’s`, `so-called`, `U.S.`, `Mr.`).
    Word,
    /// A comma, colon, semicolon, dash or bracket.
    Punct(char),
    /// `.`, `!` or `?` ending a sentence (not an abbreviation's dot).
    End(char),
    /// A quotation mark.
    Mark,
}

/// Abbreviations whose dot does not end a sentence, with the US state
/// abbreviations of AP datelines ("SPRINGFIELD, Ill. —").
#[rustfmt::skip]
static ABBREVIATIONS: WordList = WordList::new(0, &[
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "prof",
    "rev", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "mt", "ft", "cmdr", "adm", "maj",
    "supt", "insp", "det", "hon", "pres", "dept", "univ", "assn", "bros", "messrs", "mme", "mlle",
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga",
    "ill", "ind", "kan", "ky", "la", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
    "okla", "ore", "pa", "tenn", "va", "vt", "wash", "wis", "wyo", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec", "approx", "est", "fig", "al", "etc",
]);

/// Tokenizes `text[range]`.
///
/// It runs over every block of the page, so it walks bytes, not chars: a
/// run of ASCII letters and digits (most of a word) is skipped a byte at a
/// time, and a char is decoded only where the rules below look at it.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    // About one token for every five bytes of news text.
    let mut out = Vec::with_capacity(range.len() / 5 + 4);
    let slice = &text[range.clone()];
    let bytes = slice.as_bytes();
    let base = range.start;
    let char_at = |i: usize| -> Option<char> {
        match bytes.get(i) {
            None => None,
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            Some(_) => slice[i..].chars().next(),
        }
    };
    let mut i = 0;
    while let Some(c) = char_at(i) {
        let at = base + i;
        let width = c.len_utf8();
        if c.is_alphanumeric() {
            // `j` is where the next char of the word would start.
            let mut j = i + width;
            loop {
                while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                }
                let Some(n) = char_at(j) else { break };
                let pos = base + j;
                if n.is_alphanumeric() {
                    j += n.len_utf8();
                    continue;
                }
                match after_word(&text[at..pos], n, slice, j + n.len_utf8()) {
                    Inner::Within => {
                        j += n.len_utf8();
                        continue;
                    }
                    Inner::Kept => j += n.len_utf8(),
                    Inner::Apart => {}
                }
                break;
            }
            let end = base + j;
            out.push(Token {
                range: at..end,
                kind: Kind::Word,
                classes: classes(&text[at..end]),
            });
            i = j;
            continue;
        }
        i += width;
        if c.is_whitespace() {
            continue;
        } else if crate::detect::is_quote_mark(c) {
            out.push(Token {
                range: at..at + width,
                kind: Kind::Mark,
                classes: 0,
            });
        } else if matches!(c, '.' | '!' | '?' | '…') {
            // "8:30 a.m., calling it …", "Brightwave Inc., which …": a dot
            // before a comma, or before a word in lower case, ends no sentence.
            let next = slice[i..].trim_start().chars().next();
            let ends =
                c != '.' || !next.is_some_and(|n| matches!(n, ',' | ';') || n.is_lowercase());
            out.push(Token {
                range: at..at + width,
                kind: if ends { Kind::End(c) } else { Kind::Punct(c) },
                classes: 0,
            });
        } else {
            out.push(Token {
                range: at..at + width,
                kind: Kind::Punct(c),
                classes: 0,
            });
        }
    }
    out
}

/// What the char right after a word's letters is to the word.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Inner {
    /// Inside it, and the word goes on: "it’s", "so-called", "R&D",
    /// "U.S.", "7.30".
    Within,
    /// Its last char: "the Operators’ Association", "Mr.", "J.".
    Kept,
    /// Not part of it.
    Apart,
}

/// The char `n` right after `word`'s letters, with `text[rest..]` the text
/// after `n` (sliced only when a rule reads it: this runs at every word's
/// end): the tokenizer's rules for apostrophes, hyphens, ampersands, full
/// stops and thousands separators.
fn after_word(word: &str, n: char, text: &str, rest: usize) -> Inner {
    match n {
        // Inner apostrophe or hyphen: only when a letter follows.
        '\'' | '\u{2019}' | '-' | '\u{2011}' | '&' => {
            let mut after = text[rest..].chars();
            let next = after.next();
            if next.is_some_and(char::is_alphanumeric) {
                return Inner::Within;
            }
            // A plural possessive: "the Operators’ Association".
            let plural = matches!(word.chars().next_back(), Some('s' | 'S'));
            let possessive = n != '-'
                && n != '&'
                && plural
                && next.is_some_and(char::is_whitespace)
                && after
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || crate::detect::is_quote_mark(c));
            if possessive {
                Inner::Kept
            } else {
                Inner::Apart
            }
        }
        '.' => {
            let after = text[rest..].chars().next();
            let initialism = word.chars().count() == 1 && word.chars().all(char::is_alphabetic)
                || word.contains('.');
            let number = word.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            // "U.S." continues with a letter, "7.30" with a digit; "Mr." and
            // "J." keep their dot.
            if (initialism && after.is_some_and(char::is_alphabetic))
                || (number && after.is_some_and(|c| c.is_ascii_digit()))
            {
                Inner::Within
            } else if (initialism && word.chars().next().is_some_and(char::is_uppercase))
                || ABBREVIATIONS.contains(word)
            {
                Inner::Kept
            } else {
                Inner::Apart
            }
        }
        // "1,840 trees", "$1,200": a thousands separator.
        ',' if word.bytes().all(|b| b.is_ascii_digit())
            && text[rest..].starts_with(|c: char| c.is_ascii_digit()) =>
        {
            Inner::Within
        }
        _ => Inner::Apart,
    }
}

/// The word in lower case, apostrophes made straight, a trailing dot dropped.
pub fn lower(word: &str) -> String {
    word.trim_end_matches('.')
        .chars()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when the word starts with a capital letter, or is a name whose
/// particle is written in lower case before a hyphen or an apostrophe
/// ("al-Hassan", "d’Alembert").
#[inline]
pub fn capitalized(word: &str) -> bool {
    let bytes = word.as_bytes();
    match bytes.first() {
        None => false,
        Some(b) if b.is_ascii_uppercase() => true,
        // A particle is short ("al-", "el-", "d’", "bin-"): only the first
        // few bytes are looked at, as this runs for every word.
        Some(b) if b.is_ascii() => {
            b.is_ascii_lowercase()
                && bytes[..bytes.len().min(5)]
                    .iter()
                    .any(|&b| matches!(b, b'-' | b'\'' | 0xE2))
                && particle_name(word)
        }
        Some(_) => word.chars().next().is_some_and(char::is_uppercase) || particle_name(word),
    }
}

/// "al-Hassan", "d’Alembert": lower-case letters, a hyphen or an
/// apostrophe, then a capital.
fn particle_name(word: &str) -> bool {
    let Some(at) = word.find(['-', '\'', '\u{2019}']) else {
        return false;
    };
    let mut rest = word[at..].chars().skip(1);
    at > 0
        && word[..at].chars().all(char::is_lowercase)
        && rest.next().is_some_and(char::is_uppercase)
}

/// Particles inside a name, lower case ("Pieter van Dam", "Mohammed El
/// Amrani", "Piet de Vries"): a compound surname starts at one.
pub const SURNAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "du", "des", "le", "la", "del", "della", "dos",
    "das", "bin", "ibn", "al", "el", "ter", "ten", "y",
];

/// Speech verbs that attribute a quote to their subject ("Ruiz said", "said
/// Ruiz"). Present and past forms; "according to" is handled apart.
#[rustfmt::skip]
pub static CUE_VERBS: WordList = WordList::new(1, &[
    "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "warned", "warns",
    "wrote", "writes", "explained", "explains", "argued", "argues", "noted", "notes", "called",
    "calls", "described", "describes", "insisted", "insists", "stated", "states", "claimed",
    "claims", "recalled", "recalls", "replied", "replies", "responded", "responds", "continued",
    "continues", "concluded", "declared", "declares", "announced", "announces", "acknowledged",
    "acknowledges", "admitted", "admits", "agreed", "agrees", "observed", "remarked", "suggested",
    "suggests", "urged", "urges", "tweeted", "posted", "testified", "conceded", "concedes",
    "countered", "counters", "cautioned", "cautions", "caution", "predicted", "predicts", "promised",
    "promises", "pledged", "vowed", "vows", "complained", "complains", "lamented", "laments",
    "quipped", "joked", "jokes", "shouted", "whispered", "emphasised", "emphasized", "stressed",
    "stresses", "maintained", "maintains", "reiterated", "confirmed", "confirms", "denied",
    "wondered", "mused", "reads", "dubbed", "branded", "labelled", "labeled", "termed",
    "condemned", "criticised", "criticized", "denounced", "slammed", "hailed", "praised",
    "blasted", "boasted", "reported", "reports", "recounted", "recounts", "yelled", "screamed",
    "sighed", "pleaded", "begged", "demanded", "demands", "recommended", "advised", "advises",
    "answered", "answers", "began", "summed", "put", "read", "describing", "calling", "saying",
    "adding", "warning", "noting", "arguing", "insisting", "writing", "telling", "declaring",
    "asking", "explaining", "stressing", "urging", "describe", "call", "ruling", "finding",
    "concluding", "stating", "claiming", "citing", "branding", "labelling", "labeling", "dubbing",
    "accusing", "promising", "vowing", "pledging", "predicting", "ruled", "found", "insist",
    "warn", "argue", "add", "note", "claim", "tell", "write", "explain", "retorted", "snapped",
    "shot", "fired", "hit", "interjected", "chimed", "offered", "laughed", "grumbled", "muttered",
    "murmured", "exclaimed", "cried", "roared", "bellowed", "thundered", "protested", "objected",
    "ventured", "volunteered", "elaborated", "clarified", "corrected", "texted", "emailed",
    "messaged", "dismissed", "derided", "decried", "characterised", "characterized", "welcomed",
    "rejected", "mocked", "ridiculed", "likened", "compared", "lambasted", "attacked", "assailed",
    "portrayed", "depicted", "touted", "defended", "expressing", "issued", "released", "published",
    "alleges", "alleged", "allege", "alleging", "contends", "contended", "contending", "asserts",
    "asserted", "asserting", "concludes", "conclude", "written", "blamed", "blames", "blaming",
    "accused", "accuses", "points", "pointed", "point", "repeated", "repeats", "radioed",
    "hails", "holding", "held", "holds",
]);

/// Participles: the speaker is the sentence's subject ("Ruiz left, saying …").
#[rustfmt::skip]
pub static PARTICIPLES: WordList = WordList::new(2, &[
    "describing", "calling", "saying", "adding", "warning", "noting", "arguing", "insisting",
    "writing", "telling", "declaring", "asking", "explaining", "stressing", "urging", "ruling",
    "finding", "concluding", "stating", "claiming", "citing", "branding", "labelling", "labeling",
    "dubbing", "accusing", "promising", "vowing", "pledging", "predicting", "expressing",
    "alleging", "contending", "asserting", "holding",
]);

/// Verbs that name something rather than quote someone when their subject
/// is a common noun ("a group called “Free Voices”"): not cues before a
/// quote unless their subject is a name or a pronoun.
#[rustfmt::skip]
pub static NAMING_VERBS: WordList = WordList::new(3, &[
    "called", "dubbed", "branded", "labelled", "labeled", "termed", "named", "titled", "calls",
    "dubs", "terms",
]);

/// Words between a subject and its verb that do not belong to either
/// ("Ruiz *also* said", "he *had* warned").
#[rustfmt::skip]
pub static ADVERBS: WordList = WordList::new(4, &[
    "also", "later", "then", "has", "had", "have", "would", "will", "previously", "once",
    "recently", "earlier", "further", "again", "repeatedly", "publicly", "bluntly", "simply",
    "flatly", "reportedly", "separately", "immediately", "initially", "subsequently", "since",
    "did", "does", "just", "even", "still", "quickly", "angrily", "firmly", "privately", "openly",
    "explicitly", "famously", "memorably", "pointedly", "told", "often", "frequently",
    "emphatically", "softly", "quietly", "tearfully", "cheerfully", "proudly", "calmly", "sharply",
    "curtly", "drily", "dryly", "wryly", "candidly", "frankly", "plainly", "cautiously",
    "defiantly", "tersely", "succinctly", "shortly", "afterwards", "afterward", "herself",
    "himself", "themselves", "itself", "personally", "first", "finally", "is", "was", "were",
    "are", "been", "being", "be", "could", "should", "may", "might", "can", "not",
]);

/// Words that end a noun phrase read forwards ("said Ruiz *on* Tuesday").
#[rustfmt::skip]
pub static NP_STOPPERS: WordList = WordList::new(5, &[
    "on", "in", "at", "during", "after", "before", "who", "whose", "which", "while", "when", "as",
    "because", "but", "and", "adding", "saying", "noting", "last", "this", "yesterday", "today",
    "tonight", "earlier", "later", "outside", "inside", "told", "to", "with", "that", "where",
    "although", "though", "via", "through", "about", "into", "by", "said", "says",
]);

/// Words that start a clause: a subject read backwards stops before them.
#[rustfmt::skip]
pub static CLAUSE_STARTERS: WordList = WordList::new(6, &[
    "and", "but", "while", "as", "because", "although", "though", "when", "after", "before",
    "since", "so", "yet", "whereas", "where", "that", "which", "who", "if", "until", "unless",
    "whom", "whose", "or", "nor", "than", "whether", "once", "then", "however", "meanwhile",
    "what", "how",
]);

/// Leading words of a fronted phrase, dropped from the start of a subject
/// ("*On Tuesday* the minister said").
#[rustfmt::skip]
pub static FRONTED: WordList = WordList::new(7, &[
    "on", "in", "at", "during", "after", "before", "last", "this", "earlier", "later", "yesterday",
    "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "then", "also", "meanwhile", "however",
    "speaking", "asked", "now", "still", "separately", "elsewhere", "here", "there", "morning",
    "afternoon", "evening", "night", "week", "month", "year", "and", "but", "so",
]);

/// Determiners that open a noun phrase.
#[rustfmt::skip]
pub static DETERMINERS: WordList = WordList::new(8, &[
    "the", "a", "an", "one", "another", "this", "that", "these", "those", "its", "his", "her",
    "their", "our", "some", "several", "two", "three", "many", "other",
]);

/// Titles before a name, dropped when matching names ("Mayor Elena Ruiz").
/// Lower case, without dots.
#[rustfmt::skip]
pub static TITLES: WordList = WordList::new(9, &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "prime", "minister", "mayor", "governor", "gov", "sen", "senator", "rep",
    "representative", "judge", "justice", "chief", "constable", "inspector", "detective", "sgt",
    "sergeant", "officer", "gen", "general", "col", "colonel", "capt", "captain", "lt",
    "lieutenant", "rev", "reverend", "father", "bishop", "archbishop", "pope", "king", "queen",
    "prince", "princess", "chancellor", "secretary", "ambassador", "commissioner", "councillor",
    "councilor", "councilman", "councilwoman", "coach", "superintendent", "deputy", "speaker",
    "sheriff", "attorney", "director", "chairman", "chairwoman", "chair", "ceo", "dean", "premier",
    "state", "foreign", "defence", "defense", "health", "finance", "interior", "home", "education",
    "trade", "cardinal", "rabbi", "imam", "sister", "brother", "adm", "admiral", "maj", "major",
    "cmdr", "commander", "supt", "insp", "det", "hon", "congressman", "congresswoman",
    "assemblyman", "assemblywoman", "alderman", "alderwoman", "magistrate", "principal",
    "headteacher", "chef", "doctor", "nurse", "agent", "marshal", "corporal", "cpl", "private",
    "pte", "senior", "junior", "former", "acting", "interim", "head",
]);

/// Personal pronouns that can stand for a speaker.
#[rustfmt::skip]
pub static PRONOUNS: WordList = WordList::new(10, &[
    "he", "she", "they", "it", "i", "we",
]);

/// Words that tell a man.
#[rustfmt::skip]
static MALE: WordList = WordList::new(11, &[
    "mr", "sir", "lord", "king", "prince", "father", "brother", "spokesman", "chairman",
    "congressman", "councilman", "businessman", "policeman", "assemblyman", "alderman", "man",
    "husband", "son", "grandfather", "uncle", "nephew", "boy", "gentleman", "fireman", "sportsman",
    "monsieur", "herr", "senor", "señor",
]);
/// Words that tell a woman.
#[rustfmt::skip]
static FEMALE: WordList = WordList::new(12, &[
    "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "mother", "sister", "spokeswoman",
    "chairwoman", "congresswoman", "councilwoman", "businesswoman", "policewoman", "assemblywoman",
    "alderwoman", "woman", "wife", "daughter", "grandmother", "aunt", "niece", "girl", "actress",
    "madame", "mme", "frau", "senora", "señora", "sportswoman", "widow",
]);

/// Title and role words that tell a speaker's gender.
pub fn gender_of_word(word: &str) -> Option<Gender> {
    let c = classes(word);
    if MALE.holds(c) {
        Some(Gender::Male)
    } else if FEMALE.holds(c) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Grammatical gender a pronoun needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// he, Mr, spokesman.
    Male,
    /// she, Ms, spokeswoman.
    Female,
}

/// Is `word` (any case) in `list`?
pub fn is_in(list: &[&str], word: &str) -> bool {
    with_lower(word, |w| list.contains(&w))
}

/// Calls `f` with `word` in lower case, apostrophes straight, a trailing
/// dot dropped — without allocating for the usual short ASCII word (this
/// runs for every word the engine looks at).
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let w = word.trim_end_matches('.');
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() && w.is_ascii() {
        let buf = &mut buf[..w.len()];
        buf.copy_from_slice(w.as_bytes());
        buf.make_ascii_lowercase();
        // ASCII in, ASCII out: still UTF-8.
        f(std::str::from_utf8(buf).unwrap_or(w))
    } else {
        f(&lower(word))
    }
}

/// Which of the word lists a word is in: bit `i` for the list made with
/// `WordList::new(i, …)`. The tokenizer looks every word up once and keeps
/// the answer in [`Token::classes`], so the many questions attribution asks
/// about a token ("a speech verb?", "a determiner?") cost a bit test.
pub type Classes = u32;

/// A list of words, looked up in constant time, blind to case.
///
/// Every list lives in one shared table ([`classes`]); a list is a bit in
/// it. A new list takes the next free bit and goes into [`ALL`].
pub struct WordList {
    bit: Classes,
    words: &'static [&'static str],
}

impl WordList {
    /// A list of lower-case words, bit `bit` of [`Classes`].
    pub const fn new(bit: u32, words: &'static [&'static str]) -> WordList {
        WordList {
            bit: 1 << bit,
            words,
        }
    }

    /// Is `word` (any case, a trailing dot ignored) in the list?
    pub fn contains(&self, word: impl AsRef<str>) -> bool {
        classes(word.as_ref()) & self.bit != 0
    }

    /// Is the word of token `t` in the list?
    pub fn has(&self, t: &Token) -> bool {
        t.classes & self.bit != 0
    }

    /// Is a word with these classes in the list?
    pub fn holds(&self, classes: Classes) -> bool {
        classes & self.bit != 0
    }
}

/// Every word list, for the shared table.
static ALL: [&WordList; 19] = [
    &ABBREVIATIONS,
    &CUE_VERBS,
    &PARTICIPLES,
    &NAMING_VERBS,
    &ADVERBS,
    &NP_STOPPERS,
    &CLAUSE_STARTERS,
    &FRONTED,
    &DETERMINERS,
    &TITLES,
    &PRONOUNS,
    &MALE,
    &FEMALE,
    &super::cues::SUBORDINATORS,
    &super::cues::AUXILIARIES,
    &super::ORGANIZATION_NOUNS,
    &super::TEXT_NOUNS,
    &super::PLURAL_NOUNS,
    &super::cues::PLACES,
];

/// The shared table: every listed word, [packed](pack), and its classes;
/// and a cheap test that turns most other words away before they are
/// hashed (nearly every word the engine reads is in no list): which
/// lengths occur with which pairs of first letters.
struct Table {
    words: std::collections::HashMap<Packed, Classes, QuickHash>,
    /// Bit `shape(w)` is set when a listed word has the shape of `w`.
    shapes: Vec<u64>,
}

static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();

/// A word of at most 16 bytes, lower case, in two integers: compared and
/// hashed without a call to `memcmp` or a copy on the heap.
type Packed = (u64, u64);

/// The longest word a list may hold, in bytes.
const LONGEST: usize = 16;

/// `w` (at most [`LONGEST`] bytes) in ASCII lower case, packed.
fn pack(w: &[u8; LONGEST]) -> Packed {
    let (lo, hi) = w.split_at(8);
    let half = |b: &[u8]| {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(b);
        ascii_lower(u64::from_le_bytes(eight))
    };
    (half(lo), half(hi))
}

/// The eight bytes of `x` with ASCII capitals made small, all at once:
/// a byte's top bit is set in `upper` when it lies in `A..=Z`.
fn ascii_lower(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = x & (ONES * 0x7f);
    let from_a = low7 + ONES * (0x80 - b'A' as u64);
    let past_z = low7 + ONES * (0x80 - b'Z' as u64 - 1);
    let upper = from_a & !past_z & !x & (ONES * 0x80);
    x | (upper >> 2)
}

/// A word's length and its first two bytes, blind to case (letters are
/// 0–25, anything else or nothing is 26), as one number.
fn shape(w: &[u8]) -> usize {
    let class = |b: Option<&u8>| match b {
        Some(b) if b.is_ascii_alphabetic() => usize::from(b.to_ascii_lowercase() - b'a'),
        _ => 26,
    };
    (class(w.first()) * 27 + class(w.get(1))) * (LONGEST + 1) + w.len().min(LONGEST)
}

/// `word` as the table keys it: at most [`LONGEST`] bytes, trailing dots
/// dropped, curly apostrophes straight, letters beyond ASCII in lower case;
/// with its length. `None` when it is too long for any list.
fn normalise(word: &str) -> Option<([u8; LONGEST], usize)> {
    let mut buf = [0u8; LONGEST];
    let n = if word.is_ascii() {
        let w = trim_dots(word.as_bytes());
        buf = padded(w)?;
        w.len()
    } else if word.chars().all(|c| c.is_ascii() || c == '\u{2019}') {
        // "it’s": ASCII but for its apostrophe, made straight in place.
        let mut n = 0;
        for c in word.chars() {
            *buf.get_mut(n)? = if c == '\u{2019}' { b'\'' } else { c as u8 };
            n += 1;
        }
        trim_dots(&buf[..n]).len()
    } else {
        let lowered = lower(word);
        buf = padded(lowered.as_bytes())?;
        lowered.len()
    };
    Some((buf, n))
}

/// `w` followed by zeros; `None` when longer than [`LONGEST`].
fn padded(w: &[u8]) -> Option<[u8; LONGEST]> {
    let mut buf = [0u8; LONGEST];
    buf.get_mut(..w.len())?.copy_from_slice(w);
    Some(buf)
}

fn trim_dots(mut w: &[u8]) -> &[u8] {
    while let [rest @ .., b'.'] = w {
        w = rest;
    }
    w
}

/// The lists `word` is in (any case, apostrophes curly or straight, a
/// trailing dot ignored).
pub fn classes(word: &str) -> Classes {
    let table = TABLE.get_or_init(|| {
        let mut words = std::collections::HashMap::with_hasher(QuickHash);
        let mut shapes = vec![0u64; (27 * 27 * (LONGEST + 1)).div_ceil(64)];
        for list in ALL {
            for w in list.words {
                // A longer word could never be found: a test keeps lists short.
                let Some((buf, n)) = normalise(w) else {
                    continue;
                };
                *words.entry(pack(&buf)).or_insert(0) |= list.bit;
                let s = shape(&buf[..n]);
                shapes[s / 64] |= 1 << (s % 64);
            }
        }
        Table { words, shapes }
    });
    let listed_shape = |w: &[u8]| {
        let s = shape(w);
        w.len() <= LONGEST && table.shapes[s / 64] & (1 << (s % 64)) != 0
    };
    let bytes = word.as_bytes();
    let (buf, n) = if bytes.is_ascii() {
        // Most words: turned away by their shape, nothing copied.
        let w = trim_dots(bytes);
        if !listed_shape(w) {
            return 0;
        }
        match padded(w) {
            Some(buf) => (buf, w.len()),
            None => return 0,
        }
    } else {
        match normalise(word) {
            Some((buf, n)) if listed_shape(&buf[..n]) => (buf, n),
            _ => return 0,
        }
    };
    debug_assert!(n <= LONGEST);
    table.words.get(&pack(&buf)).copied().unwrap_or(0)
}

/// A hash for short keys (words, names), eight bytes at a step in the manner
/// of rustc's FxHash: several times quicker than the standard library's
/// SipHash, which guards against keys chosen to collide — not a risk for
/// these tables, whose worst case is a slower lookup.
#[derive(Clone, Copy, Debug, Default)]
pub struct QuickHash;

impl std::hash::BuildHasher for QuickHash {
    type Hasher = QuickHasher;
    fn build_hasher(&self) -> QuickHasher {
        QuickHasher(0)
    }
}

/// The running state of [`QuickHash`].
pub struct QuickHasher(u64);

impl QuickHasher {
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
}

impl std::hash::Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        // The table takes its control bits from the top: bring the
        // well-mixed middle bits there.
        self.0.rotate_left(26)
    }
}

/// Common given names that tell a gender, for pronouns to agree with
/// ("Aisha Grant said …. “…,” he said" is not Grant). Sorted: searched by
/// bisection. A name used for both is in neither list.
#[rustfmt::skip]
const FEMALE_NAMES: &[&str] = &[
    "abena", "abigail", "ada", "adaeze", "agnes", "agnieszka", "aiko", "aisha", "akosua", "alexis",
    "alice", "ama", "amanda", "amber", "amina", "amy", "ana", "andrea", "angela", "anita",
    "anjali", "ann", "anna", "annika", "anya", "aoife", "ashley", "astrid", "aurora", "ayesha",
    "barbara", "beatriz", "betty", "beverly", "bianca", "birgit", "brenda", "bridget", "brigid",
    "brittany", "camila", "carmen", "carol", "carolyn", "catherine", "charlotte", "cheryl",
    "chiamaka", "chloe", "christina", "christine", "ciara", "claire", "clara", "condoleezza",
    "cynthia", "dana", "daniela", "danielle", "deborah", "debra", "deepa", "denise", "diana",
    "diane", "dolores", "donna", "doris", "dorothy", "eleanor", "elena", "elin", "elise",
    "elizabeth", "ella", "ellen", "emily", "emma", "esther", "eva", "evelyn", "ewa", "fatima",
    "femke", "fiona", "frances", "freya", "funmilayo", "gabriela", "georgia", "giulia", "gloria",
    "grace", "greta", "hana", "hannah", "harriet", "heather", "helen", "helena", "hilde",
    "hillary", "holly", "imogen", "ines", "ingrid", "inés", "irina", "isabel", "isabella", "isla",
    "jacinda", "jacqueline", "jane", "janet", "janice", "jasmine", "jean", "jennifer", "jenny",
    "jessica", "joan", "joanna", "josephine", "joyce", "judith", "judy", "julia", "julie",
    "kamala", "karen", "karin", "katarzyna", "kate", "katherine", "kathleen", "kathryn", "katie",
    "kayla", "keiko", "kelly", "kimberly", "kristalina", "laura", "lauren", "leah", "lena", "lily",
    "linda", "ling", "linnea", "lisa", "lori", "lucia", "lucy", "lucía", "madison", "magdalena",
    "maja", "margaret", "maria", "marie", "marilyn", "marta", "martha", "mary", "maya", "megan",
    "mei", "melissa", "mia", "michelle", "miriam", "molly", "nadia", "nancy", "naomi", "natalia",
    "natalie", "ngozi", "niamh", "nicole", "nina", "nora", "olga", "olivia", "pamela", "patricia",
    "paula", "phoebe", "pilar", "poppy", "priya", "rachel", "rebecca", "rhiannon", "rita", "rosa",
    "rose", "ruby", "ruth", "sakura", "samantha", "sandra", "sara", "sarah", "sharon", "shirley",
    "sigrid", "sinead", "siobhan", "sofia", "sonia", "sophia", "sophie", "stephanie", "sunita",
    "susan", "svetlana", "tatiana", "teresa", "theresa", "tove", "ursula", "valentina", "victoria",
    "virginia", "wanda", "wangari", "ximena", "yasmin", "yolanda", "yuki", "zara", "zoe", "élise",
];

/// See [`FEMALE_NAMES`].
#[rustfmt::skip]
const MALE_NAMES: &[&str] = &[
    "aaron", "abdul", "adam", "ahmed", "alain", "alan", "alastair", "albert", "alejandro",
    "alexander", "alexei", "alfie", "ali", "amit", "anders", "andrei", "andres", "andrew",
    "andrés", "angus", "anthony", "antonio", "archie", "arjun", "arthur", "austin", "benjamin",
    "bernard", "billy", "bjorn", "björn", "bobby", "boris", "brandon", "brian", "bruce", "bryan",
    "callum", "carl", "carlos", "charles", "charlie", "chen", "chidi", "christian", "christopher",
    "ciaran", "colin", "connor", "craig", "dafydd", "daniel", "david", "declan", "dennis", "derek",
    "dermot", "didier", "diego", "dieter", "dirk", "dmitri", "donald", "douglas", "dylan",
    "edward", "elijah", "emeka", "emmanuel", "eoin", "eric", "erik", "ethan", "eugene", "evan",
    "felix", "femi", "fergus", "fernando", "francesco", "francois", "frank", "françois", "freddie",
    "gabriel", "gareth", "gary", "gavin", "george", "geraint", "gerald", "giovanni", "giuseppe",
    "gordon", "graham", "gregory", "hamish", "hans", "hao", "harold", "harry", "haruki", "hassan",
    "henry", "hiroshi", "hugo", "hussein", "ian", "ibrahim", "igor", "ivan", "jack", "jacob",
    "jacques", "james", "jan", "jason", "javier", "jean-luc", "jeffrey", "jeremy", "jerry",
    "jesse", "joe", "john", "jonathan", "jordan", "jorge", "jose", "joseph", "joshua", "juan",
    "jun", "jurgen", "justin", "jürgen", "kees", "keith", "kenji", "kenneth", "kevin", "khalid",
    "klaus", "kofi", "kwame", "kwesi", "kyle", "larry", "lars", "lawrence", "leo", "liam",
    "lionel", "logan", "lorenzo", "louis", "luca", "luis", "lukas", "luke", "magnus", "manuel",
    "marc", "marco", "mark", "martin", "mason", "mateo", "matteo", "matthew", "max", "michael",
    "miguel", "mikhail", "ming", "mohammed", "muhammad", "mustafa", "nathan", "nathaniel", "neil",
    "niall", "nicholas", "nicolas", "nigel", "nils", "noah", "olaf", "oleg", "oliver", "olivier",
    "oluwaseun", "omar", "oscar", "owen", "pablo", "patrick", "paul", "pavel", "pedro", "peter",
    "philip", "philippe", "pierre", "piet", "pieter", "rafael", "rahul", "raj", "ralph", "randy",
    "ravi", "raymond", "rhys", "richard", "robert", "roger", "ronald", "rory", "roy", "russell",
    "ryan", "samuel", "sanjay", "scott", "seamus", "sean", "sebastien", "sergei", "sergio",
    "simon", "stefan", "stephen", "steven", "sven", "sébastien", "takeshi", "tariq", "terry",
    "theo", "thierry", "thomas", "timothy", "toby", "trevor", "tunde", "tyler", "vikram", "viktor",
    "vincent", "vladimir", "walt", "walter", "wayne", "wei", "willem", "william", "willie",
    "wolfgang", "yaw", "yuri", "yusuf", "zachary",
];

/// The gender a given name usually tells, if it is a common one.
pub fn gender_of_name(name: &str) -> Option<Gender> {
    let find = |n: &str| {
        if FEMALE_NAMES.binary_search(&n).is_ok() {
            Some(Gender::Female)
        } else if MALE_NAMES.binary_search(&n).is_ok() {
            Some(Gender::Male)
        } else {
            None
        }
    };
    with_lower(name, find)
}

/// The gender a phrase naming someone tells: a title or role word ("Ms
/// Ruiz", "the spokeswoman"), else a common given name ("Elena Ruiz").
pub fn phrase_gender(phrase: &str) -> Option<Gender> {
    // One pass: each word looked up once.
    let mut name = None;
    for w in phrase.split_whitespace() {
        let c = classes(w);
        if MALE.holds(c) {
            return Some(Gender::Male);
        }
        if FEMALE.holds(c) {
            return Some(Gender::Female);
        }
        if name.is_none() && capitalized(w) && !TITLES.holds(c) && !DETERMINERS.holds(c) {
            name = Some(w);
        }
    }
    name.and_then(gender_of_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, Kind)> {
        tokenize(text, 0..text.len())
            .into_iter()
            .map(|t| (&text[t.range], t.kind))
            .collect()
    }

    #[test]
    fn a_decimal_point_ends_no_sentence() {
        let got = words("told ABC’s 7.30: rates of 2.5 percent. In 2024. 5 more");
        let w: Vec<_> = got.iter().map(|(w, _)| *w).collect();
        assert_eq!(
            w,
            [
                "told", "ABC’s", "7.30", ":", "rates", "of", "2.5", "percent", ".", "In", "2024",
                ".", "5", "more"
            ]
        );
        assert_eq!(got[8].1, Kind::End('.'));
        assert_eq!(got[11].1, Kind::End('.'));
    }

    #[test]
    fn a_thousands_separator_is_inside_the_number() {
        let got = words("fell 1,840 trees for $1,200, said 3, 4");
        let w: Vec<_> = got.iter().map(|(w, _)| *w).collect();
        assert_eq!(
            w,
            ["fell", "1,840", "trees", "for", "$", "1,200", ",", "said", "3", ",", "4"]
        );
    }

    #[test]
    fn abbreviations_keep_their_dots_and_sentences_end() {
        let got = words("Mr. Smith of the U.S. said it’s so-called “fine.” Then");
        assert_eq!(words("the Operators’ Association")[1].0, "Operators’");
        let w: Vec<_> = got.iter().map(|(w, _)| *w).collect();
        assert_eq!(
            w,
            [
                "Mr.",
                "Smith",
                "of",
                "the",
                "U.S.",
                "said",
                "it’s",
                "so-called",
                "“",
                "fine",
                ".",
                "”",
                "Then"
            ]
        );
        assert_eq!(got[10].1, Kind::End('.'));
        assert_eq!(got[8].1, Kind::Mark);
    }

    #[test]
    fn names_with_a_lower_case_particle_are_capitalised() {
        for w in ["Ruiz", "al-Hassan", "d’Alembert", "O’Brien", "É"] {
            assert!(capitalized(w), "{w}");
        }
        for w in [
            "so-called",
            "rock’n’roll",
            "it’s",
            "al-",
            "ruiz",
            "",
            "-Ruiz",
        ] {
            assert!(!capitalized(w), "{w}");
        }
    }

    #[test]
    fn a_dot_before_a_comma_or_a_lower_case_word_ends_no_sentence() {
        let kinds = |text: &str| -> Vec<Kind> {
            tokenize(text, 0..text.len())
                .into_iter()
                .map(|t| t.kind)
                .filter(|k| !matches!(k, Kind::Word))
                .collect()
        };
        assert_eq!(
            kinds("at 8:30 a.m., calling"),
            [Kind::Punct(':'), Kind::Punct('.'), Kind::Punct(',')]
        );
        assert_eq!(kinds("at 8 a.m. on Monday"), [Kind::Punct('.')]);
        assert_eq!(kinds("It ended. Then"), [Kind::End('.')]);
        assert_eq!(kinds("Really? yes"), [Kind::End('?')]);
    }

    #[test]
    fn name_lists_are_sorted_for_bisection() {
        assert!(FEMALE_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(MALE_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(gender_of_name("Aisha"), Some(Gender::Female));
        assert_eq!(gender_of_name("Paul"), Some(Gender::Male));
        assert_eq!(gender_of_name("Okafor"), None);
    }

    #[test]
    fn packing_lowers_ascii_capitals_only() {
        let all: Vec<u8> = (0..=255).collect();
        for chunk in all.chunks(8) {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            let mut want = eight;
            want.make_ascii_lowercase();
            assert_eq!(
                ascii_lower(u64::from_le_bytes(eight)),
                u64::from_le_bytes(want)
            );
        }
    }

    #[test]
    fn every_listed_word_is_found() {
        for list in ALL {
            for w in list.words {
                assert!(w.len() <= LONGEST, "{w} is longer than {LONGEST} bytes");
                assert!(list.contains(w) && list.contains(w.to_uppercase()), "{w}");
            }
        }
        let bits: Vec<Classes> = ALL.iter().map(|l| l.bit).collect();
        assert_eq!(
            bits.iter().fold(0, |a, b| a | b).count_ones() as usize,
            ALL.len()
        );
        assert!(!CUE_VERBS.contains("sai") && !CUE_VERBS.contains("saidx"));
        assert!(TITLES.contains("Mr.") && MALE.contains("SEÑOR"));
    }

    #[test]
    fn gender_words() {
        assert_eq!(gender_of_word("Ms."), Some(Gender::Female));
        assert_eq!(gender_of_word("spokesman"), Some(Gender::Male));
        assert_eq!(gender_of_word("official"), None);
    }
}

// proptest is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod reference {
    //! The byte-walking [`tokenize`] against the char-by-char tokenizer it
    //! replaced, kept here as the reference. The two share the word rules
    //! ([`classes`], [`after_word`]); what is compared is the walk.
    use super::*;
    use proptest::prelude::*;

    fn tokenize_chars(text: &str, range: Range<usize>) -> Vec<Token> {
        // About one token for every five bytes of news text.
        let mut out = Vec::with_capacity(range.len() / 5 + 4);
        let slice = &text[range.clone()];
        let base = range.start;
        let mut iter = slice.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let at = base + i;
            if c.is_alphanumeric() {
                let mut end = at + c.len_utf8();
                while let Some(&(j, n)) = iter.peek() {
                    let pos = base + j;
                    if n.is_alphanumeric() {
                        end = pos + n.len_utf8();
                        iter.next();
                        continue;
                    }
                    match after_word(&text[at..pos], n, slice, j + n.len_utf8()) {
                        Inner::Within => {
                            end = pos + n.len_utf8();
                            iter.next();
                            continue;
                        }
                        Inner::Kept => {
                            end = pos + n.len_utf8();
                            iter.next();
                        }
                        Inner::Apart => {}
                    }
                    break;
                }
                out.push(Token {
                    range: at..end,
                    kind: Kind::Word,
                    classes: classes(&text[at..end]),
                });
            } else if c.is_whitespace() {
                continue;
            } else if crate::detect::is_quote_mark(c) {
                out.push(Token {
                    range: at..at + c.len_utf8(),
                    kind: Kind::Mark,
                    classes: 0,
                });
            } else if matches!(c, '.' | '!' | '?' | '…') {
                // "8:30 a.m., calling it …", "Brightwave Inc., which …": a dot
                // before a comma, or before a word in lower case, ends no sentence.
                let next = slice[i + c.len_utf8()..].trim_start().chars().next();
                let ends =
                    c != '.' || !next.is_some_and(|n| matches!(n, ',' | ';') || n.is_lowercase());
                out.push(Token {
                    range: at..at + c.len_utf8(),
                    kind: if ends { Kind::End(c) } else { Kind::Punct(c) },
                    classes: 0,
                });
            } else {
                out.push(Token {
                    range: at..at + c.len_utf8(),
                    kind: Kind::Punct(c),
                    classes: 0,
                });
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn bytes_and_chars_tokenize_alike(
            // Pieces that reach each rule: possessives, initialisms,
            // abbreviations, inner hyphens and apostrophes, sentence ends.
            text in "(Mr|U|S|Inc|it|so|al|x9|7|é|Ü|日本|S’ A|s' “|U.S.|J. |a.m., |so-called|it’s|R&D|[ ’'\\-‑&.!?…,;:\t\u{A0}“”\"«»😀])*",
            skip in 0usize..6,
        ) {
            // A range that starts inside the text, on a char boundary, as
            // attribution's windows do.
            let start = text.char_indices().nth(skip).map_or(text.len(), |(i, _)| i);
            prop_assert_eq!(
                tokenize(&text, start..text.len()),
                tokenize_chars(&text, start..text.len())
            );
        }
    }
}
