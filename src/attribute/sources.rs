//! The manifest's sources made searchable: from a speaker phrase as written
//! ("Mayor Elena Ruiz", "Ruiz", "a U.S. official", "HRW") to a source.
//!
//! Keys are [folded](crate::text::fold) (blind to case, curly or straight
//! apostrophes, `U.S.` or `US`), so the manifest need not spell a name the
//! way the page does. A key two sources share is ambiguous and matches
//! neither: never a wrong source.

use super::words::{
    capitalized, gender_of_word, phrase_gender, Gender, QuickHash, DETERMINERS, SURNAME_PARTICLES,
    TITLES,
};
use crate::manifest::{Manifest, SourceKind};
use crate::text::fold::fold;
use std::borrow::Cow;
use std::collections::HashMap;

/// What a key points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    One(usize),
    Ambiguous,
}

/// Broad classes for pronoun and description agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A person, named or not: he, she, they.
    Person,
    /// An organisation: it, they, "the group".
    Organization,
    /// A document or publication: it, "the report".
    Text,
}

impl Class {
    /// The class of a manifest kind.
    pub fn of(kind: SourceKind) -> Class {
        match kind {
            SourceKind::Person | SourceKind::Anonymous => Class::Person,
            SourceKind::Organization => Class::Organization,
            SourceKind::Document | SourceKind::Publication => Class::Text,
        }
    }
}

/// Searchable sources.
#[derive(Clone, Debug, Default)]
pub struct SourceIndex {
    /// Full names and aliases, folded.
    exact: HashMap<String, Target, QuickHash>,
    /// The same with leading determiners dropped ("us official").
    bare: HashMap<String, Target, QuickHash>,
    /// Surnames of people ("ruiz").
    surnames: HashMap<String, Target, QuickHash>,
    /// Every source sharing each surname two or more share, for context to
    /// choose.
    shared_surnames: HashMap<String, Vec<usize>, QuickHash>,
    /// Words of each source's name, aliases and role, for descriptions.
    words: Vec<Vec<String>>,
    classes: Vec<Class>,
    genders: Vec<Option<Gender>>,
    /// The folded words of each source's name, titles left out.
    name_words: Vec<Vec<String>>,
}

fn insert(map: &mut HashMap<String, Target, QuickHash>, key: String, source: usize) {
    if key.is_empty() {
        return;
    }
    map.entry(key)
        .and_modify(|t| {
            if *t != Target::One(source) {
                *t = Target::Ambiguous;
            }
        })
        .or_insert(Target::One(source));
}

/// `key` without leading determiners.
fn bare(key: &str) -> &str {
    let mut k = key;
    while let Some((first, rest)) = k.split_once(' ') {
        if DETERMINERS.contains(first) {
            k = rest;
        } else {
            break;
        }
    }
    k
}

/// `key` (folded) without leading titles ("mayor elena ruiz" → "elena ruiz").
fn untitled(key: &str) -> &str {
    let mut k = key;
    while let Some((first, rest)) = k.split_once(' ') {
        if TITLES.contains(first) {
            k = rest;
        } else {
            break;
        }
    }
    k
}

/// Singular of a folded noun, crudely ("officials" → "official").
pub fn singular(word: &str) -> &str {
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        &word[..word.len() - 1]
    } else {
        word
    }
}

impl SourceIndex {
    /// Indexes the sources of `manifest`.
    pub fn new(manifest: &Manifest) -> SourceIndex {
        let mut index = SourceIndex::default();
        for (i, source) in manifest.sources.iter().enumerate() {
            let names = std::iter::once(&source.name).chain(&source.aliases);
            let mut words = Vec::new();
            let mut gender = None;
            for name in names {
                let key = fold(name);
                insert(&mut index.exact, key.clone(), i);
                insert(&mut index.exact, untitled(&key).to_owned(), i);
                insert(&mut index.bare, bare(&key).to_owned(), i);
                words.extend(key.split(' ').map(|w| singular(w).to_owned()));
                gender = gender.or_else(|| phrase_gender(name));
            }
            if let Some(role) = &source.role {
                words.extend(fold(role).split(' ').map(|w| singular(w).to_owned()));
                gender = gender.or_else(|| role.split_whitespace().find_map(gender_of_word));
            }
            if source.kind == SourceKind::Person {
                let name = fold(&source.name);
                let parts: Vec<&str> = untitled(&name).split(' ').collect();
                if parts.len() >= 2 {
                    if let Some(last) = parts.last() {
                        insert(&mut index.surnames, (*last).to_owned(), i);
                        index
                            .shared_surnames
                            .entry((*last).to_owned())
                            .or_default()
                            .push(i);
                    }
                }
                // "Pieter van Dam" is also "Van Dam", "Mohammed El Amrani"
                // "El Amrani": the surname from its first particle on.
                if let Some(j) = (1..parts.len().saturating_sub(1))
                    .find(|&j| SURNAME_PARTICLES.contains(&parts[j]))
                {
                    insert(&mut index.surnames, parts[j..].join(" "), i);
                }
            }
            crate::sort::by(&mut words, |a, b| a.cmp(b));
            words.dedup();
            index.words.push(words);
            index.classes.push(Class::of(source.kind));
            // Proper-name words only: "Elena", "Ruiz" — not "the", "at".
            index.name_words.push(
                source
                    .name
                    .split_whitespace()
                    .filter(|w| capitalized(w) && !TITLES.contains(w) && !DETERMINERS.contains(w))
                    .map(fold)
                    .collect(),
            );
            index.genders.push(gender);
        }
        index.shared_surnames.retain(|_, sharing| sharing.len() > 1);
        index
    }

    /// The class of source `i`.
    pub fn class(&self, i: usize) -> Class {
        self.classes[i]
    }

    /// The folded words of source `i`'s name ("elena", "ruiz").
    pub fn name_words(&self, i: usize) -> &[String] {
        &self.name_words[i]
    }

    /// The gender the manifest implies for source `i` (a title or role word).
    pub fn gender(&self, i: usize) -> Option<Gender> {
        self.genders[i]
    }

    /// Does the description head noun `noun` (folded, singular) name source
    /// `i` ("official" for "Unnamed US official")?
    pub fn has_word(&self, i: usize, noun: &str) -> bool {
        self.words[i]
            .binary_search_by(|w| w.as_str().cmp(noun))
            .is_ok()
    }

    /// Number of sources.
    pub fn len(&self) -> usize {
        self.classes.len()
    }

    /// True without sources.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// The source a whole phrase names ("Northbridge Cycling", "Chief
    /// Executive Dana Whitlock"): no shorter tail, no surname alone — for an
    /// appositive, which may only mention a source ("a microbiologist who
    /// chairs Clean Rivers Now").
    pub fn lookup_exact(&self, phrase: &str) -> Option<usize> {
        let key = fold(phrase);
        [key.as_str(), bare(&key), untitled(&key)]
            .iter()
            .find_map(|k| self.exact.get(*k).or_else(|| self.bare.get(*k)))
            .and_then(|t| match t {
                Target::One(i) => Some(*i),
                Target::Ambiguous => None,
            })
    }

    /// The source a speaker phrase names, trying, in order: the whole
    /// phrase; without determiners; without titles; each shorter tail that
    /// starts with a capital ("council leader Jane Smith" → "Jane Smith");
    /// the surname alone.
    pub fn lookup(&self, phrase: &str) -> Option<usize> {
        let key = fold(phrase);
        let one = |t: Option<&Target>| match t {
            Some(Target::One(i)) => Some(Some(*i)),
            Some(Target::Ambiguous) => Some(None),
            None => None,
        };
        if let Some(found) = one(self.exact.get(&key)) {
            return found;
        }
        if let Some(found) = one(self.bare.get(bare(&key))) {
            return found;
        }
        if let Some(found) = one(self.exact.get(untitled(&key))) {
            return found;
        }
        // A compound surname, titles aside ("Van Dam", "Mr. El Amrani").
        let untitled_key = untitled(&key);
        if untitled_key.contains(' ') {
            if let Some(found) = one(self.surnames.get(untitled_key)) {
                return found;
            }
        }
        // Tails of the phrase that start with a capitalised word. Folding
        // keeps words apart, so a folded tail is a tail of the folded key;
        // should folding ever merge or split words, each tail is folded.
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let folded: Vec<&str> = key.split(' ').collect();
        let aligned = words.len() == folded.len();
        let mut at = 0;
        for (i, word) in words.iter().enumerate() {
            if i > 0 && capitalized(word) {
                let tail = if aligned {
                    Cow::Borrowed(&key[at.min(key.len())..])
                } else {
                    Cow::Owned(fold(&words[i..].join(" ")))
                };
                // "the country’s Defense Ministry": the tail may be an alias
                // without its determiner ("the Defense Ministry").
                let tail = tail.as_ref();
                if let Some(found) = one(self.exact.get(tail)).or_else(|| one(self.bare.get(tail)))
                {
                    return found;
                }
            }
            at += folded.get(i).map_or(0, |f| f.len() + 1);
        }
        // A surname: the last capitalised word, when it is the head of the
        // phrase (not "Ruiz’s office") and nothing but titles comes before
        // it ("Ms Ruiz", not "Gloria Ruiz", who is someone else).
        let (last, before) = words.split_last()?;
        let titled = before
            .iter()
            .all(|w| TITLES.contains(w) || DETERMINERS.contains(w));
        if capitalized(last) && !DETERMINERS.contains(last) && titled {
            let surname = match folded.last() {
                Some(f) if aligned => Cow::Borrowed(*f),
                _ => Cow::Owned(fold(last)),
            };
            if let Some(found) = one(self.surnames.get(surname.as_ref())) {
                return found;
            }
        }
        None
    }

    /// The sources sharing the surname that `phrase` ends with ("Ms
    /// Kowalczyk" → Teresa and Michael Kowalczyk), when more than one does.
    pub fn namesakes(&self, phrase: &str) -> &[usize] {
        if self.shared_surnames.is_empty() {
            return &[];
        }
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let Some((last, before)) = words.split_last() else {
            return &[];
        };
        if !before
            .iter()
            .all(|w| TITLES.contains(w) || DETERMINERS.contains(w))
        {
            return &[];
        }
        self.shared_surnames
            .get(&fold(last))
            .map_or(&[], Vec::as_slice)
    }

    /// Sources whose words hold `noun`, for a description no recent source
    /// explains.
    pub fn with_word<'a>(&'a self, noun: &'a str) -> impl Iterator<Item = usize> + 'a {
        (0..self.len()).filter(move |&i| self.has_word(i, noun))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Source;

    fn source(id: &str, name: &str, kind: SourceKind, aliases: &[&str]) -> Source {
        Source {
            id: id.into(),
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            role: None,
            affiliation: None,
            url: None,
            description: None,
            image: None,
        }
    }

    fn index() -> SourceIndex {
        SourceIndex::new(&Manifest {
            sources: vec![
                source(
                    "us",
                    "Unnamed US official",
                    SourceKind::Anonymous,
                    &["a US official"],
                ),
                source(
                    "hrw",
                    "Human Rights Watch",
                    SourceKind::Organization,
                    &["HRW"],
                ),
                source("ruiz", "Mayor Elena Ruiz", SourceKind::Person, &[]),
                source("lee", "Pat Lee", SourceKind::Person, &[]),
                source("lee2", "Sam Lee", SourceKind::Person, &[]),
                source("vandam", "Pieter van Dam", SourceKind::Person, &[]),
                source("amrani", "Mohammed El Amrani", SourceKind::Person, &[]),
            ],
            ..Manifest::default()
        })
    }

    #[test]
    fn lookups() {
        let idx = index();
        let rows = [
            ("alias exact", "a US official", Some(0)),
            ("alias typography", "a U.S. official", Some(0)),
            ("alias other determiner", "the US official", Some(0)),
            ("case", "hrw", Some(1)),
            ("full name", "Human Rights Watch", Some(1)),
            ("title dropped", "Elena Ruiz", Some(2)),
            ("other title", "Dr. Elena Ruiz", Some(2)),
            ("surname", "Ruiz", Some(2)),
            ("titled surname", "Ms Ruiz", Some(2)),
            (
                "lowercase role before name",
                "city mayor Elena Ruiz",
                Some(2),
            ),
            (
                "tail after typography",
                "the city’s mayor Elena Ruiz",
                Some(2),
            ),
            (
                "tail after odd spacing",
                "city  mayor\u{a0}Elena\tRuiz",
                Some(2),
            ),
            (
                "tail after an initialism",
                "a U.S. ally Human Rights Watch",
                Some(1),
            ),
            ("ambiguous surname", "Lee", None),
            ("full name beats ambiguity", "Pat Lee", Some(3)),
            ("unknown", "a senior diplomat", None),
            ("possessive is not the person", "Ruiz’s office", None),
            ("another first name is someone else", "Gloria Ruiz", None),
            ("surname with an accent", "RUÍZ", Some(2)),
            ("compound surname", "Van Dam", Some(5)),
            ("compound surname as written", "van Dam", Some(5)),
            ("titled compound surname", "Mr. El Amrani", Some(6)),
            ("last word of a compound surname", "Amrani", Some(6)),
            ("someone else's compound surname", "Anna van Dam", None),
            ("a particle alone is no one", "El", None),
        ];
        for (name, phrase, expected) in rows {
            assert_eq!(idx.lookup(phrase), expected, "{name}: {phrase}");
        }
    }

    #[test]
    fn description_words() {
        let idx = index();
        assert!(idx.has_word(0, "official"));
        assert!(!idx.has_word(1, "official"));
        assert_eq!(idx.with_word("watch").collect::<Vec<_>>(), [1]);
    }
}
