//! Speaker attribution: who said each quote, and which manifest source that is.
//!
//! Quotes are read in document order, keeping a short memory of who has
//! spoken or been named as a sentence's subject (the *entities*), because
//! news writing leans on it: "he said" means the last male speaker, "the
//! official said" the last source called an official, and a paragraph that
//! is only a quote continues the previous speaker.
//!
//! For each quote, in order of preference:
//! 1. an explicit manifest entry (decided by [`crate::matching`]) — `manifest`;
//! 2. a `<blockquote>`'s `<cite>` or `<footer>` — `blockquote`;
//! 3. a speech verb next to the quote ([`cues`]) whose speaker phrase is a
//!    source's name or alias — `cue`; a pronoun — `pronoun`; a definite
//!    description — `description`;
//! 4. no cue, but it opens the paragraph after (or the sentence after, in
//!    the same paragraph) a quote with a speaker — `continuation`;
//! 5. nothing — `none`.
//!
//! A speaker phrase that matches no source keeps `speaker` with no source:
//! the module would rather say "unknown" than name the wrong source.
//!
//! This module never decides where quotes are ([`crate::detect`] does) and
//! never touches the DOM.

mod cues;
pub mod sources;
pub mod words;

use crate::detect::{Origin, Quote};
use crate::report::Method;
use crate::text::{Block, Page};
use sources::{singular, Class, SourceIndex};
use std::collections::HashMap;
use std::ops::Range;
use words::{
    capitalized, gender_of_word, is_in, lower, tokenize, Gender, Kind, Token, DETERMINERS,
};

/// A manifest source named in the text (found by the engine's one
/// multi-pattern pass over the page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Index of the source.
    pub source: usize,
    /// Block of the mention.
    pub block: usize,
    /// Byte range in the block.
    pub range: Range<usize>,
}

/// Who said one quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// Index of the manifest source, if known.
    pub source: Option<usize>,
    /// The words naming the speaker, as written.
    pub speaker: Option<String>,
    /// The attribution phrase, as written.
    pub cue: Option<String>,
    /// How it was decided.
    pub method: Method,
}

impl Attribution {
    fn none() -> Attribution {
        Attribution {
            source: None,
            speaker: None,
            cue: None,
            method: Method::None,
        }
    }
}

/// Someone who has spoken or been a sentence's subject, for pronouns and
/// descriptions to refer back to.
#[derive(Clone, Debug)]
struct Entity {
    source: Option<usize>,
    /// Identity for gender memory: the source, or the folded phrase.
    key: String,
    class: Class,
    /// Folded words of the phrase, for descriptions of unknown speakers.
    words: Vec<String>,
}

/// Nouns that describe an organisation ("the group said").
const ORGANIZATION_NOUNS: &[&str] = &[
    "group",
    "organisation",
    "organization",
    "company",
    "firm",
    "agency",
    "charity",
    "body",
    "ministry",
    "department",
    "government",
    "council",
    "committee",
    "union",
    "association",
    "party",
    "campaign",
    "coalition",
    "club",
    "team",
    "board",
    "authority",
    "office",
    "bank",
    "court",
    "police",
    "army",
    "force",
    "commission",
    "institute",
    "foundation",
    "network",
    "alliance",
    "federation",
    "league",
    "regulator",
    "watchdog",
    "administration",
    "embassy",
    "university",
    "school",
    "hospital",
    "trust",
    "service",
    "airline",
    "retailer",
    "insurer",
    "carmaker",
    "manufacturer",
    "developer",
    "operator",
    "broadcaster",
    "corporation",
];
/// Nouns that describe a document or publication ("the report said").
const TEXT_NOUNS: &[&str] = &[
    "report",
    "document",
    "resolution",
    "ruling",
    "statement",
    "study",
    "letter",
    "filing",
    "bill",
    "text",
    "judgment",
    "judgement",
    "decision",
    "memo",
    "lawsuit",
    "complaint",
    "indictment",
    "order",
    "verdict",
    "paper",
    "newspaper",
    "magazine",
    "outlet",
    "review",
    "survey",
    "analysis",
    "audit",
    "assessment",
    "guidance",
    "policy",
    "plan",
    "proposal",
    "draft",
    "treaty",
    "agreement",
    "law",
    "act",
    "note",
    "email",
    "post",
    "tweet",
    "book",
    "article",
    "editorial",
    "communique",
    "declaration",
    "motion",
    "petition",
    "summary",
];

/// How many entities are remembered.
const MEMORY: usize = 32;

/// Attributes every quote of `page`. `explicit[i]`, when set, is the
/// manifest source of quote `i` as listed by the publisher.
pub fn attribute(
    page: &Page,
    quotes: &[Quote],
    explicit: &[Option<usize>],
    mentions: &[Mention],
    index: &SourceIndex,
) -> Vec<Attribution> {
    let mut run = Run {
        page,
        index,
        tokens: HashMap::new(),
        entities: Vec::new(),
        genders: HashMap::new(),
    };
    let subjects = run.subject_mentions(quotes, mentions);
    let mut subjects = subjects.into_iter().peekable();
    let mut out: Vec<Attribution> = Vec::with_capacity(quotes.len());
    // The last quote with a speaker: its attribution, its last block and
    // where its closing mark ends.
    let mut last: Option<(Attribution, usize, usize)> = None;
    for (i, quote) in quotes.iter().enumerate() {
        let first = quote.first();
        while let Some(m) =
            subjects.next_if(|m| (m.block, m.range.start) < (first.block, first.open.start))
        {
            run.remember_source(m.source, &page.blocks[m.block].text[m.range.clone()]);
        }
        let mut att = match explicit.get(i).copied().flatten() {
            Some(source) => {
                let mut att = run.by_cue(quote).unwrap_or_else(Attribution::none);
                att.source = Some(source);
                att.method = Method::Manifest;
                att
            }
            None if quote.origin == Origin::Blockquote => {
                run.by_blockquote(quote).unwrap_or_else(Attribution::none)
            }
            None => run.by_cue(quote).unwrap_or_else(Attribution::none),
        };
        // An empty speaker: the verb had no subject of its own ("and added").
        if att.speaker.as_deref() == Some("") {
            match &last {
                Some((prev, b, _)) if *b == first.block => {
                    att.source = att.source.or(prev.source);
                    att.speaker = prev.speaker.clone();
                    if att.method != Method::Manifest {
                        att.method = Method::Continuation;
                    }
                }
                _ => att.speaker = None,
            }
        }
        if att.speaker.is_none() && att.method == Method::None {
            if let Some((prev, b, end)) = &last {
                if run.continues(quote, *b, *end) {
                    att = Attribution {
                        source: prev.source,
                        speaker: prev.speaker.clone(),
                        cue: None,
                        method: Method::Continuation,
                    };
                }
            }
        }
        if att.speaker.is_some() || att.source.is_some() {
            let l = quote.last();
            last = Some((att.clone(), l.block, l.close.end.max(l.content.end)));
        }
        out.push(att);
    }
    out
}

struct Run<'a> {
    page: &'a Page,
    index: &'a SourceIndex,
    tokens: HashMap<usize, Vec<Token>>,
    entities: Vec<Entity>,
    genders: HashMap<String, Gender>,
}

impl<'a> Run<'a> {
    fn block(&self, b: usize) -> &'a Block {
        &self.page.blocks[b]
    }

    fn tokens(&mut self, b: usize) -> &[Token] {
        let text = &self.page.blocks[b].text;
        self.tokens
            .entry(b)
            .or_insert_with(|| tokenize(text, 0..text.len()))
    }

    /// Mentions that are a sentence's subject (nothing but titles and
    /// capitalised words before them in the sentence), outside quotes.
    fn subject_mentions(&mut self, quotes: &[Quote], mentions: &[Mention]) -> Vec<Mention> {
        let inside = |m: &Mention| {
            quotes.iter().any(|q| {
                q.parts.iter().any(|p| {
                    p.block == m.block
                        && p.content.start <= m.range.start
                        && m.range.end <= p.content.end
                })
            })
        };
        let mut out = Vec::new();
        for m in mentions {
            if inside(m) {
                continue;
            }
            let text = &self.page.blocks[m.block].text;
            let tokens = self.tokens(m.block);
            let at = tokens.partition_point(|t| t.range.start < m.range.start);
            let before = tokens[..at]
                .iter()
                .rev()
                .take_while(|t| !matches!(t.kind, Kind::End(_) | Kind::Mark))
                .collect::<Vec<_>>();
            let subject = before.len() <= 3
                && before.iter().all(|t| {
                    t.kind == Kind::Word
                        && (capitalized(&text[t.range.clone()])
                            || is_in(DETERMINERS, &text[t.range.clone()]))
                });
            if subject {
                out.push(m.clone());
            }
        }
        out.sort_by_key(|m| (m.block, m.range.start));
        out
    }

    fn remember(&mut self, entity: Entity) {
        self.entities.retain(|e| e.key != entity.key);
        self.entities.push(entity);
        if self.entities.len() > MEMORY {
            self.entities.remove(0);
        }
    }

    fn remember_source(&mut self, source: usize, phrase: &str) {
        if let Some(g) = phrase_gender(phrase).or(self.index.gender(source)) {
            self.genders.entry(source_key(source)).or_insert(g);
        }
        self.remember(Entity {
            source: Some(source),
            key: source_key(source),
            class: self.index.class(source),
            words: Vec::new(),
        });
    }

    /// Attribution from a speech verb next to the quote.
    fn by_cue(&mut self, quote: &Quote) -> Option<Attribution> {
        let first = quote.first().clone();
        let last = quote.last().clone();
        let last_char = self.block(last.block).text[last.content.clone()]
            .chars()
            .last();
        let text = &self.block(last.block).text;
        let after = {
            let tokens = self.tokens(last.block).to_vec();
            cues::after_quote(
                text,
                &tokens,
                last.close.end.max(last.content.end),
                last_char,
            )
            .map(|f| (last.block, f))
        };
        let found = after.or_else(|| {
            let text = &self.block(first.block).text;
            let tokens = self.tokens(first.block).to_vec();
            cues::before_quote(text, &tokens, first.open.start).map(|f| (first.block, f))
        })?;
        let (b, f) = found;
        let text = &self.block(b).text;
        let speaker = &text[f.speaker.clone()];
        let cue = text[f.cue.clone()].to_owned();
        if speaker.is_empty() {
            return Some(Attribution {
                source: None,
                speaker: Some(String::new()),
                cue: Some(cue),
                method: Method::Cue,
            });
        }
        Some(self.resolve(speaker, cue, Method::Cue))
    }

    /// Attribution of a blockquote: its `<cite>` or `<footer>`, a dash line,
    /// else a cue in the paragraph before (ending in a colon) or after.
    fn by_blockquote(&mut self, quote: &Quote) -> Option<Attribution> {
        let group = self.block(quote.first().block).blockquote?;
        let blocks: Vec<usize> = (0..self.page.blocks.len())
            .filter(|&b| self.block(b).blockquote == Some(group))
            .collect();
        for &b in &blocks {
            let block = self.block(b);
            let line = if let Some(cite) = block.cites.first() {
                Some(&block.text[cite.clone()])
            } else if block.footer || crate::detect::is_dash_attribution(&block.text) {
                Some(block.text.as_str())
            } else {
                None
            };
            if let Some(line) = line {
                let name = attribution_line_name(line);
                if !name.is_empty() {
                    let cue = crate::text::collapse_whitespace(line.trim_start_matches(DASHES));
                    return Some(self.resolve(name, cue, Method::Blockquote));
                }
            }
        }
        let (first, last) = (*blocks.first()?, *blocks.last()?);
        if first > 0 && self.block(first - 1).blockquote.is_none() {
            let text = self.block(first - 1).text.trim_end();
            if text.ends_with(':') {
                let tokens = self.tokens(first - 1).to_vec();
                let text = &self.block(first - 1).text;
                if let Some(f) = cues::before_quote(text, &tokens, text.len()) {
                    let speaker = text[f.speaker.clone()].to_owned();
                    let cue = text[f.cue.clone()].to_owned();
                    if !speaker.is_empty() {
                        return Some(self.resolve(&speaker, cue, Method::Cue));
                    }
                }
            }
        }
        let next = last + 1;
        if next < self.page.blocks.len() && self.block(next).blockquote.is_none() {
            let tokens = self.tokens(next).to_vec();
            let text = &self.block(next).text;
            let end = tokens
                .iter()
                .find(|t| matches!(t.kind, Kind::End(_)))
                .map_or(text.len(), |t| t.range.start);
            if let Some(f) = cues::before_quote(text, &tokens, end) {
                let speaker = text[f.speaker.clone()].to_owned();
                let cue = text[f.cue.clone()].to_owned();
                if !speaker.is_empty() {
                    return Some(self.resolve(&speaker, cue, Method::Cue));
                }
            }
        }
        None
    }

    /// Does `quote` continue the speaker of a quote in block `b` ending at
    /// `end`? Yes if it opens the next paragraph, or opens a sentence after
    /// it in the same paragraph, and is more than a word or two.
    fn continues(&mut self, quote: &Quote, b: usize, end: usize) -> bool {
        let first = quote.first();
        if quote.origin == Origin::Blockquote {
            return false;
        }
        let text = &self.page.blocks[first.block].text;
        let content = &text[first.content.clone()];
        let words = content.split_whitespace().count();
        let substantial = words >= 4
            || (content.chars().next().is_some_and(char::is_uppercase)
                && content.trim_end().ends_with(['.', '!', '?', ',']));
        if !substantial {
            return false;
        }
        let opens_block = text[..first.open.start].trim().is_empty();
        if first.block == b + 1 {
            return opens_block;
        }
        if first.block != b || first.open.start < end {
            return false;
        }
        // Same paragraph: only a finished sentence in between.
        let tokens = self.tokens(first.block);
        let at = tokens.partition_point(|t| t.range.start < first.open.start);
        at == 0 || matches!(tokens[at - 1].kind, Kind::End(_) | Kind::Mark)
    }

    /// Which source a speaker phrase means.
    fn resolve(&mut self, phrase: &str, cue: String, method: Method) -> Attribution {
        let phrase = phrase.trim();
        let lw = lower(phrase);
        let mut att = Attribution {
            source: None,
            speaker: Some(phrase.to_owned()),
            cue: Some(cue),
            method,
        };
        if matches!(lw.as_str(), "he" | "she" | "they" | "it") {
            att.method = Method::Pronoun;
            if let Some(e) = self.antecedent(&lw) {
                att.source = e.source;
                self.remember(e);
            }
            return att;
        }
        if matches!(lw.as_str(), "i" | "we") {
            return att;
        }
        if let Some(s) = self.index.lookup(phrase) {
            att.source = Some(s);
            self.remember_source(s, phrase);
            return att;
        }
        let folded = crate::text::fold::fold(phrase);
        let words: Vec<&str> = folded.split(' ').collect();
        let head = singular(words.last().copied().unwrap_or("")).to_owned();
        let definite = matches!(words.first().copied(), Some("the" | "this" | "that"))
            && phrase.split_whitespace().skip(1).all(|w| !capitalized(w));
        if definite && words.len() >= 2 {
            if let Some(e) = self.described(&head) {
                att.source = e.source;
                if att.method == Method::Cue {
                    att.method = Method::Description;
                }
                self.remember(e);
                return att;
            }
        }
        if let Some(s) = self.organisation_in(phrase) {
            att.source = Some(s);
            self.remember_source(s, phrase);
            return att;
        }
        // Not in the manifest: remember the speaker so "she" and "the
        // diplomat" can find them, but name no source.
        let key = words
            .iter()
            .skip_while(|w| DETERMINERS.contains(w))
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        let class = if ORGANIZATION_NOUNS.contains(&head.as_str()) {
            Class::Organization
        } else if TEXT_NOUNS.contains(&head.as_str()) {
            Class::Text
        } else {
            Class::Person
        };
        if let Some(g) = phrase_gender(phrase) {
            self.genders.entry(key.clone()).or_insert(g);
        }
        self.remember(Entity {
            source: None,
            key,
            class,
            words: words.iter().map(|w| singular(w).to_owned()).collect(),
        });
        att
    }

    /// The most recent entity a pronoun can stand for.
    fn antecedent(&mut self, pronoun: &str) -> Option<Entity> {
        let need = match pronoun {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        };
        let found = self
            .entities
            .iter()
            .rev()
            .find(|e| match pronoun {
                "he" | "she" => {
                    e.class == Class::Person
                        && self.genders.get(&e.key).is_none_or(|g| Some(*g) == need)
                }
                "it" => e.class != Class::Person,
                _ => true,
            })?
            .clone();
        if let Some(g) = need {
            self.genders.entry(found.key.clone()).or_insert(g);
        }
        Some(found)
    }

    /// The most recent entity a definite description ("the official",
    /// "the group") fits, else the one source whose words hold its noun.
    fn described(&self, head: &str) -> Option<Entity> {
        let class_noun = if ORGANIZATION_NOUNS.contains(&head) {
            Some(Class::Organization)
        } else if TEXT_NOUNS.contains(&head) {
            Some(Class::Text)
        } else {
            None
        };
        let gendered = gender_of_word(head);
        let fits = |e: &Entity| match e.source {
            Some(s) => {
                self.index.has_word(s, head)
                    || class_noun.is_some_and(|c| c == e.class)
                    || (gendered.is_some()
                        && e.class == Class::Person
                        && self.genders.get(&e.key).copied() == gendered)
            }
            None => e.words.iter().any(|w| w == head),
        };
        if let Some(e) = self.entities.iter().rev().find(|e| fits(e)) {
            return Some(e.clone());
        }
        let mut candidates = self.index.with_word(head);
        let only = candidates.next()?;
        if candidates.next().is_some() {
            return None;
        }
        Some(Entity {
            source: Some(only),
            key: source_key(only),
            class: self.index.class(only),
            words: Vec::new(),
        })
    }

    /// "a spokeswoman for Human Rights Watch", "the ministry’s spokesman":
    /// an organisation speaking through a role.
    fn organisation_in(&self, phrase: &str) -> Option<usize> {
        let org = |s: usize| self.index.class(s) != Class::Person;
        for sep in [" for ", " of ", " at ", " from "] {
            if let Some((role, org_name)) = phrase.rsplit_once(sep) {
                if !role.split_whitespace().any(capitalized)
                    || role
                        .split_whitespace()
                        .all(|w| !capitalized(w) || is_in(DETERMINERS, w))
                {
                    if let Some(s) = self.index.lookup(org_name).filter(|&s| org(s)) {
                        return Some(s);
                    }
                }
            }
        }
        for apostrophe in ["’s ", "'s "] {
            if let Some((org_name, role)) = phrase.split_once(apostrophe) {
                if role.split_whitespace().all(|w| !capitalized(w)) {
                    if let Some(s) = self.index.lookup(org_name).filter(|&s| org(s)) {
                        return Some(s);
                    }
                }
            }
        }
        None
    }
}

const DASHES: &[char] = &['—', '–', '―', '-', ' ', '\u{A0}', '\n', '\t'];

/// The name in a blockquote's attribution line: "— Jane Doe, Mayor" →
/// "Jane Doe".
fn attribution_line_name(line: &str) -> &str {
    let line = line.trim().trim_start_matches(DASHES).trim();
    line.split([',', '(', ';']).next().unwrap_or("").trim()
}

fn source_key(source: usize) -> String {
    format!("#{source}")
}

/// A gender told by a title or role word in the phrase ("Ms Ruiz").
fn phrase_gender(phrase: &str) -> Option<Gender> {
    phrase.split_whitespace().find_map(gender_of_word)
}

#[cfg(test)]
mod tests;
