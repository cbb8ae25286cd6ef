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
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "prof",
    "rev", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "mt", "ft", "cmdr", "adm", "maj",
    "supt", "insp", "det", "hon", "pres", "dept", "univ", "assn", "bros", "messrs", "mme", "mlle",
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga",
    "ill", "ind", "kan", "ky", "la", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
    "okla", "ore", "pa", "tenn", "va", "vt", "wash", "wis", "wyo", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec", "approx", "est", "fig", "al", "etc",
];

/// Tokenizes `text[range]`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
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
                // Inner apostrophe or hyphen: only when a letter follows.
                if matches!(n, '\'' | '\u{2019}' | '-' | '\u{2011}' | '&') {
                    let mut after = slice[j + n.len_utf8()..].chars();
                    let next = after.next();
                    if next.is_some_and(char::is_alphanumeric) {
                        end = pos + n.len_utf8();
                        iter.next();
                        continue;
                    }
                    // A plural possessive: "the Operators’ Association".
                    let plural = matches!(text[..pos].chars().next_back(), Some('s' | 'S'));
                    if n != '-'
                        && n != '&'
                        && plural
                        && next.is_some_and(char::is_whitespace)
                        && after.next().is_some_and(char::is_alphabetic)
                    {
                        end = pos + n.len_utf8();
                        iter.next();
                    }
                }
                if n == '.' {
                    let word = &text[at..pos];
                    let after = slice[j + 1..].chars().next();
                    let initialism = word.chars().count() == 1
                        && word.chars().all(char::is_alphabetic)
                        || word.contains('.');
                    let abbreviation = ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a));
                    // "U.S." continues with a letter; "Mr." and "J." keep their dot.
                    if initialism && after.is_some_and(char::is_alphabetic) {
                        end = pos + 1;
                        iter.next();
                        continue;
                    }
                    if (initialism && word.chars().next().is_some_and(char::is_uppercase))
                        || abbreviation
                    {
                        end = pos + 1;
                        iter.next();
                    }
                }
                break;
            }
            out.push(Token {
                range: at..end,
                kind: Kind::Word,
            });
        } else if c.is_whitespace() {
            continue;
        } else if crate::detect::is_quote_mark(c) {
            out.push(Token {
                range: at..at + c.len_utf8(),
                kind: Kind::Mark,
            });
        } else if matches!(c, '.' | '!' | '?' | '…') {
            out.push(Token {
                range: at..at + c.len_utf8(),
                kind: Kind::End(c),
            });
        } else {
            out.push(Token {
                range: at..at + c.len_utf8(),
                kind: Kind::Punct(c),
            });
        }
    }
    out
}

/// The word in lower case, apostrophes made straight, a trailing dot dropped.
pub fn lower(word: &str) -> String {
    word.trim_end_matches('.')
        .chars()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when the word starts with a capital letter.
pub fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Speech verbs that attribute a quote to their subject ("Ruiz said", "said
/// Ruiz"). Present and past forms; "according to" is handled apart.
#[rustfmt::skip]
pub const CUE_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "warned", "warns",
    "wrote", "writes", "explained", "explains", "argued", "argues", "noted", "notes", "called",
    "calls", "described", "describes", "insisted", "insists", "stated", "states", "claimed",
    "claims", "recalled", "recalls", "replied", "replies", "responded", "responds", "continued",
    "continues", "concluded", "declared", "declares", "announced", "announces", "acknowledged",
    "acknowledges", "admitted", "admits", "agreed", "agrees", "observed", "remarked", "suggested",
    "suggests", "urged", "urges", "tweeted", "posted", "testified", "conceded", "concedes",
    "countered", "counters", "cautioned", "cautions", "predicted", "predicts", "promised",
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
    "warn", "argue", "add", "note", "claim", "tell", "write", "explain",
];

/// Participles: the speaker is the sentence's subject ("Ruiz left, saying …").
#[rustfmt::skip]
pub const PARTICIPLES: &[&str] = &[
    "describing", "calling", "saying", "adding", "warning", "noting", "arguing", "insisting",
    "writing", "telling", "declaring", "asking", "explaining", "stressing", "urging", "ruling",
    "finding", "concluding", "stating", "claiming", "citing", "branding", "labelling", "labeling",
    "dubbing", "accusing", "promising", "vowing", "pledging", "predicting",
];

/// Verbs that name something rather than quote someone when their subject
/// is a common noun ("a group called “Free Voices”"): not cues before a
/// quote unless their subject is a name or a pronoun.
#[rustfmt::skip]
pub const NAMING_VERBS: &[&str] = &[
    "called", "dubbed", "branded", "labelled", "labeled", "termed", "named", "titled",
];

/// Words between a subject and its verb that do not belong to either
/// ("Ruiz *also* said", "he *had* warned").
#[rustfmt::skip]
pub const ADVERBS: &[&str] = &[
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
];

/// Words that end a noun phrase read forwards ("said Ruiz *on* Tuesday").
#[rustfmt::skip]
pub const NP_STOPPERS: &[&str] = &[
    "on", "in", "at", "during", "after", "before", "who", "whose", "which", "while", "when", "as",
    "because", "but", "and", "adding", "saying", "noting", "last", "this", "yesterday", "today",
    "tonight", "earlier", "later", "outside", "inside", "told", "to", "with", "that", "where",
    "although", "though", "via", "through", "about", "into", "by", "said", "says",
];

/// Words that start a clause: a subject read backwards stops before them.
#[rustfmt::skip]
pub const CLAUSE_STARTERS: &[&str] = &[
    "and", "but", "while", "as", "because", "although", "though", "when", "after", "before",
    "since", "so", "yet", "whereas", "where", "that", "which", "who", "if", "until", "unless",
    "whom", "whose", "or", "nor", "than", "whether", "once", "then", "however", "meanwhile",
];

/// Leading words of a fronted phrase, dropped from the start of a subject
/// ("*On Tuesday* the minister said").
#[rustfmt::skip]
pub const FRONTED: &[&str] = &[
    "on", "in", "at", "during", "after", "before", "last", "this", "earlier", "later", "yesterday",
    "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "then", "also", "meanwhile", "however",
    "speaking", "asked", "now", "still", "separately", "elsewhere", "here", "there", "morning",
    "afternoon", "evening", "night", "week", "month", "year", "and", "but", "so",
];

/// Determiners that open a noun phrase.
#[rustfmt::skip]
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "this", "that", "these", "those", "its", "his", "her",
    "their", "our", "some", "several", "two", "three", "many", "other",
];

/// Titles before a name, dropped when matching names ("Mayor Elena Ruiz").
/// Lower case, without dots.
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
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
    "pte", "senior", "junior", "former", "acting", "interim",
];

/// Personal pronouns that can stand for a speaker.
#[rustfmt::skip]
pub const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we",
];

/// Title and role words that tell a speaker's gender.
pub fn gender_of_word(word: &str) -> Option<Gender> {
    #[rustfmt::skip]
const MALE: &[&str] = &[
    "mr", "sir", "lord", "king", "prince", "father", "brother", "spokesman", "chairman",
    "congressman", "councilman", "businessman", "policeman", "assemblyman", "alderman", "man",
    "husband", "son", "grandfather", "uncle", "nephew", "boy", "gentleman", "fireman", "sportsman",
    "monsieur", "herr", "senor", "señor",
];
    #[rustfmt::skip]
const FEMALE: &[&str] = &[
    "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "mother", "sister", "spokeswoman",
    "chairwoman", "congresswoman", "councilwoman", "businesswoman", "policewoman", "assemblywoman",
    "alderwoman", "woman", "wife", "daughter", "grandmother", "aunt", "niece", "girl", "actress",
    "madame", "mme", "frau", "senora", "señora", "sportswoman", "widow",
];
    let w = lower(word);
    if MALE.contains(&w.as_str()) {
        Some(Gender::Male)
    } else if FEMALE.contains(&w.as_str()) {
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
    let w = lower(word);
    list.contains(&w.as_str())
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
    fn gender_words() {
        assert_eq!(gender_of_word("Ms."), Some(Gender::Female));
        assert_eq!(gender_of_word("spokesman"), Some(Gender::Male));
        assert_eq!(gender_of_word("official"), None);
    }
}
