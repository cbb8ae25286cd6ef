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
use crate::text::{Block, BlockKind, Page};
use sources::{singular, Class, SourceIndex};
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::ops::Range;
use words::{
    capitalized, is_in, phrase_gender, tokenize, with_lower, Gender, Kind, QuickHash, Token,
    WordList, DETERMINERS, PRONOUNS, TITLES,
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
    /// The same speaker and source as `prev`, found by continuation.
    fn continuing(prev: &Attribution) -> Attribution {
        Attribution {
            cue: None,
            method: Method::Continuation,
            ..prev.clone()
        }
    }

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
    key: Key,
    class: Class,
    /// Folded words of the phrase, for descriptions of unknown speakers.
    words: Vec<String>,
    /// "officials", "the protesters": only "they" stands for them.
    plural: bool,
    /// The gender the words naming it tell, if any.
    gender: Option<Gender>,
    /// Folded proper-name words ("helena"), for unknown entities.
    names: Vec<String>,
}

/// Who an entity is, for memory: a source, or the folded phrase naming
/// someone the manifest does not know (determiners dropped).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Source(usize),
    Phrase(String),
}

/// A sentence's subject, met on the way through the page.
struct Subject {
    block: usize,
    at: usize,
    who: Who,
}

enum Who {
    Source(usize),
    Unknown(Entity),
}

/// Nouns that describe an organisation ("the group said").
#[rustfmt::skip]
pub(super) static ORGANIZATION_NOUNS: WordList = WordList::new(15, &[
    "group", "organisation", "organization", "company", "firm", "agency", "charity", "body",
    "ministry", "department", "government", "council", "committee", "union", "association",
    "party", "campaign", "coalition", "club", "team", "board", "authority", "office", "bank",
    "court", "police", "army", "force", "commission", "institute", "foundation", "network",
    "alliance", "federation", "league", "regulator", "watchdog", "administration", "embassy",
    "university", "school", "hospital", "trust", "service", "airline", "retailer", "insurer",
    "carmaker", "manufacturer", "developer", "operator", "broadcaster", "corporation",
]);
/// Nouns that describe a document or publication ("the report said").
#[rustfmt::skip]
pub(super) static TEXT_NOUNS: WordList = WordList::new(16, &[
    "report", "document", "resolution", "ruling", "statement", "study", "letter", "filing", "bill",
    "text", "judgment", "judgement", "decision", "memo", "lawsuit", "complaint", "indictment",
    "order", "verdict", "paper", "newspaper", "magazine", "outlet", "review", "survey", "analysis",
    "audit", "assessment", "guidance", "policy", "plan", "proposal", "draft", "treaty",
    "agreement", "law", "act", "note", "email", "post", "tweet", "book", "article", "editorial",
    "communique", "declaration", "motion", "petition", "summary",
]);

/// Plural nouns that do not end in "s": "police said", "they said".
pub(super) static PLURAL_NOUNS: WordList = WordList::new(
    17,
    &[
        "police", "people", "staff", "crew", "public", "children", "men", "women",
    ],
);

/// Who speaks for a body.
const SPOKESPEOPLE: &[&str] = &["spokesman", "spokeswoman", "spokesperson"];

/// How many entities are remembered.
const MEMORY: usize = 32;

/// Attributes every quote of `page`. `explicit[i]`, when set, is the
/// manifest source of quote `i` as listed by the publisher.
pub fn attribute<'a>(
    page: &'a Page,
    quotes: &'a [Quote],
    explicit: &[Option<usize>],
    mentions: &[Mention],
    index: &SourceIndex,
) -> Vec<Attribution> {
    let tokens: Vec<Vec<Token>> = page
        .blocks
        .iter()
        .map(|b| tokenize(&b.text, 0..b.text.len()))
        .collect();
    let mut run = Run {
        page,
        index,
        tokens: &tokens,
        entities: VecDeque::with_capacity(MEMORY + 1),
        genders: HashMap::default(),
        quote: None,
        quote_words: None,
        proper_nouns: Default::default(),
        quoted: quoted_stretches(page, quotes),
        last_document: None,
        looked_up: RefCell::default(),
    };
    let subjects = run.subjects(mentions);
    let mut subjects = subjects.into_iter().peekable();
    let mut documents = mentions
        .iter()
        .filter(|m| index.class(m.source) == Class::Text)
        .peekable();
    let mut out: Vec<Attribution> = Vec::with_capacity(quotes.len());
    // The last quote with a speaker: its attribution, its last block and
    // where its closing mark ends.
    let mut last: Option<(Attribution, usize, usize)> = None;
    // The last sentence subject that is a source: its block, where it is,
    // and the source.
    let mut subject_source: Option<(usize, usize, usize)> = None;
    for (i, quote) in quotes.iter().enumerate() {
        let first = quote.first();
        while let Some(subject) =
            subjects.next_if(|s| (s.block, s.at) < (first.block, first.open.start))
        {
            subject_source = match subject.who {
                Who::Source(s) => Some((subject.block, subject.at, s)),
                Who::Unknown(_) => None,
            };
            run.remember_subject(&subject);
        }
        while let Some(m) =
            documents.next_if(|m| (m.block, m.range.start) < (first.block, first.open.start))
        {
            run.last_document = Some(m.source);
        }
        run.quote = Some(quote);
        run.quote_words = None;
        if explicit.get(i).copied().flatten().is_none() && run.names_a_thing(quote) {
            // A nickname or a title: nobody's words, and no continuation.
            out.push(Attribution::none());
            continue;
        }
        let mut att = match explicit.get(i).copied().flatten() {
            Some(source) => {
                // What the page says too, for `check` to compare.
                let said = match quote.origin {
                    Origin::Blockquote => run.by_blockquote(quote),
                    _ => run.by_cue(quote),
                };
                let mut att = said.unwrap_or_else(Attribution::none);
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
        // “we deeply regret” the breach and had “moved immediately”: a quote
        // later in the sentence of an attributed one is the same speaker's.
        if att.speaker.is_none() && att.method == Method::None && i > 0 {
            let prev = &out[i - 1];
            if (prev.speaker.is_some() || prev.source.is_some())
                && run.same_sentence(&quotes[i - 1], quote)
            {
                att = Attribution::continuing(prev);
            }
        }
        if att.speaker.is_none() && att.method == Method::None {
            if let Some((prev, b, end)) = &last {
                if run.continues(quote, *b, *end) {
                    att = Attribution::continuing(prev);
                }
            }
        }
        // "X’s office said in a statement … “…,” the statement said": the
        // statement is the last speaker's, when it was theirs.
        if att.source.is_none() {
            if let (Some(noun), Some((prev, b, _))) =
                (att.speaker.as_deref().and_then(document_noun), &last)
            {
                let near = *b == first.block || *b + 1 == first.block;
                let text = &run.page.blocks[*b].text;
                let theirs = ["in a ", "in an ", "In a ", "In an "].iter().any(|lead| {
                    text.match_indices(lead)
                        .any(|(i, _)| text[i + lead.len()..].starts_with(noun))
                });
                if near && theirs && prev.source.is_some() {
                    att.source = prev.source;
                    att.method = Method::Description;
                }
            }
        }
        // "Asked what she would write next, Lindgren laughed. “Something
        // warmer.”": a quote with no cue, opening a sentence right after one
        // whose subject is a source, in the same paragraph, is that source's.
        if att.speaker.is_none() && att.method == Method::None {
            if let Some((b, at, s)) = subject_source {
                let since_last_quote = last
                    .as_ref()
                    .is_none_or(|&(_, lb, end)| (lb, end) <= (b, at));
                if b == first.block
                    && since_last_quote
                    && run.opens_sentence_after(b, at, first.open.start)
                {
                    att = Attribution {
                        source: Some(s),
                        speaker: None,
                        cue: None,
                        method: Method::Continuation,
                    };
                }
            }
        }
        // "She paused. “No. They were in my bag.”": the same, after a
        // sentence whose subject is a pronoun.
        if att.speaker.is_none() && att.method == Method::None {
            if let Some((pronoun, cue)) = run.pronoun_before(quote) {
                att = run.resolve(&pronoun, cue, Method::Pronoun);
            }
        }
        // "Had the club’s owners sanctioned a bid? “Ask them.”": a quote with
        // no cue right after a question the writer asks is the answer of the
        // last speaker, in this paragraph or the one before.
        if att.speaker.is_none() && att.method == Method::None {
            if let Some((prev, b, _)) = &last {
                let tokens = run.tokens(first.block);
                let q = tokens.partition_point(|t| t.range.start < first.open.start);
                let asked = q > 0 && tokens[q - 1].kind == Kind::End('?');
                if asked && (*b == first.block || *b + 1 == first.block) {
                    att = Attribution::continuing(prev);
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

/// What the manifest makes of a phrase: the source it names, and the
/// sources whose surname it is.
type LookedUp<'a> = (Option<usize>, &'a [usize]);

struct Run<'a> {
    page: &'a Page,
    index: &'a SourceIndex,
    /// Every block's tokens, made once.
    tokens: &'a [Vec<Token>],
    entities: VecDeque<Entity>,
    genders: HashMap<Key, Gender, QuickHash>,
    /// The quote being attributed.
    quote: Option<&'a Quote>,
    /// Its folded words, sorted: made when a pronoun needs them.
    quote_words: Option<Vec<String>>,
    /// Words the page capitalises in mid-sentence: names.
    proper_nouns: std::collections::HashSet<String, QuickHash>,
    /// Each block's quoted stretches (marks included), sorted.
    quoted: Vec<Vec<Range<usize>>>,
    /// The document source (a paper, a report) the text last named before
    /// the quote: who "the authors" are.
    last_document: Option<usize>,
    /// What the manifest makes of each phrase looked up so far — the source
    /// it names and the sources whose surname it is — since a page names
    /// the same few people again and again, and each lookup folds.
    looked_up: RefCell<HashMap<Box<str>, LookedUp<'a>, QuickHash>>,
}

impl<'a> Run<'a> {
    fn block(&self, b: usize) -> &'a Block {
        &self.page.blocks[b]
    }

    /// The tokens of block `b`.
    fn tokens(&self, b: usize) -> &'a [Token] {
        &self.tokens[b]
    }

    /// Everyone who is the subject of a sentence outside the quotes, in
    /// document order: sources named there (by the multi-pattern pass or by
    /// the sentence's leading noun phrase), and people the manifest does not
    /// know but the text names ("Denise Carter, 52, said …", "Price’s
    /// mother"), so that a later "she" does not fall through to someone else.
    fn subjects(&mut self, mentions: &[Mention]) -> Vec<Subject> {
        let quoted = self.quoted.clone();
        let inside = |b: usize, at: usize| {
            let ranges = &quoted[b];
            let i = ranges.partition_point(|r| r.start <= at);
            i > 0 && at < ranges[i - 1].end
        };
        for b in 0..self.page.blocks.len() {
            let tokens = self.tokens(b);
            let text = &self.page.blocks[b].text;
            for pair in tokens.windows(2) {
                let w = &text[pair[1].range.clone()];
                if pair[0].kind == Kind::Word && pair[1].kind == Kind::Word && capitalized(w) {
                    with_folded_word(w, |f| {
                        if !self.proper_nouns.contains(f) {
                            self.proper_nouns.insert(f.to_owned());
                        }
                    });
                }
            }
        }
        let mut out = Vec::new();
        // Where the manifest's names and descriptions start, for a subject
        // the noun phrase reads shorter than the name ("a woman selling
        // mangoes from a folding table": the phrase ends at "woman").
        let mut starts: HashMap<(usize, usize), (usize, usize), QuickHash> = HashMap::default();
        for m in mentions {
            if inside(m.block, m.range.start) {
                continue;
            }
            let longest = starts
                .entry((m.block, m.range.start))
                .or_insert((m.source, 0));
            if m.range.end > longest.1 {
                *longest = (m.source, m.range.end);
            }
            if !self.is_subject_mention(m) {
                continue;
            }
            out.push(Subject {
                block: m.block,
                at: m.range.start,
                who: Who::Source(m.source),
            });
        }
        for b in 0..self.page.blocks.len() {
            if self.page.blocks[b].blockquote.is_some() {
                continue;
            }
            let tokens = self.tokens(b);
            let text = &self.page.blocks[b].text;
            let mut start = 0;
            while start < tokens.len() {
                let end = tokens[start..]
                    .iter()
                    .position(|t| matches!(t.kind, Kind::End(_)))
                    .map_or(tokens.len(), |p| start + p);
                let at = tokens[start].range.start;
                if tokens[start].kind == Kind::Word && !inside(b, at) {
                    let sentence = &tokens[start..end.min(start + 32)];
                    let named = |np: Range<usize>| {
                        starts
                            .get(&(b, np.start))
                            .filter(|&&(_, end)| end >= np.end)
                            .map(|&(s, _)| s)
                    };
                    if let Some(mut who) = self.sentence_subject(text, sentence, named) {
                        // "When I contacted HomeShield, a spokesman
                        // defended the decision": the one organisation the
                        // sentence names speaks through them.
                        // (Remembered as a person, "he" or "she", with
                        // the organisation for source.)
                        if let Who::Unknown(e) = &mut who {
                            let until = sentence.last().map_or(at, |t| t.range.end);
                            if let Some(org) = self.spoken_for(e, mentions, b, at..until) {
                                e.source = Some(org);
                                e.key = Key::Source(org);
                            }
                        }
                        out.push(Subject { block: b, at, who });
                    }
                }
                start = end + 1;
            }
        }
        crate::sort::by_key(&mut out, |s| crate::sort::pair(s.block, s.at));
        out
    }

    /// The organisation an unnamed spokesperson `e` speaks for: the only one
    /// the manifest lists among `mentions` in `block[range]`.
    fn spoken_for(
        &self,
        e: &Entity,
        mentions: &[Mention],
        block: usize,
        range: Range<usize>,
    ) -> Option<usize> {
        let bare = matches!(e.words.as_slice(), [a, noun] if is_in(&["a", "an", "the"], a)
            && is_in(SPOKESPEOPLE, noun));
        if !bare || e.source.is_some() {
            return None;
        }
        let mut orgs = mentions
            .iter()
            .filter(|m| m.block == block && range.contains(&m.range.start))
            .map(|m| m.source)
            .filter(|&s| self.index.class(s) == Class::Organization);
        let org = orgs.next()?;
        orgs.all(|s| s == org).then_some(org)
    }

    /// Is a mention the subject of its sentence? Only titles, determiners
    /// and capitalised words may come before it, they must not make it
    /// someone else ("Gloria Price" is not "Darnell Price"), and it must not
    /// be a possessive ("Price’s mother").
    fn is_subject_mention(&mut self, m: &Mention) -> bool {
        let text = &self.page.blocks[m.block].text;
        let rest = &text[m.range.end..];
        if rest.starts_with("’s") || rest.starts_with("'s") {
            return false;
        }
        let tokens = self.tokens(m.block);
        // "…through Maya Lindqvist, an independent security researcher, who
        // posted …", "there is Amina Sadou, 34, who walked …": someone
        // introduced with a clause of their own is who the story is about.
        let past = tokens.partition_point(|t| t.range.start < m.range.end);
        if tokens.get(past).is_some_and(|t| t.kind == Kind::Punct(',')) {
            let rest = &tokens[past + 1..];
            let who = |k: usize| {
                rest.get(k)
                    .is_some_and(|t| t.kind == Kind::Word && &text[t.range.clone()] == "who")
            };
            let appositive = rest
                .iter()
                .take(10)
                .position(|t| t.kind == Kind::Punct(','))
                .filter(|&c| rest[..c].iter().all(|t| t.kind == Kind::Word));
            if who(0) || appositive.is_some_and(|c| who(c + 1)) {
                return true;
            }
        }
        let at = tokens.partition_point(|t| t.range.start < m.range.start);
        // Back to the sentence's start, or to a comma after a fronted clause
        // ("When the festival began, founder Ruth Adeyemi booked …").
        let before: Vec<&Token> = tokens[..at]
            .iter()
            .rev()
            .take_while(|t| !matches!(t.kind, Kind::End(_) | Kind::Mark | Kind::Punct(',')))
            .collect();
        let clause_start = at - before.len();
        let sentence_start = tokens[..clause_start]
            .iter()
            .rposition(|t| matches!(t.kind, Kind::End(_)))
            .map_or(0, |k| k + 1);
        let after_comma = clause_start > 0 && tokens[clause_start - 1].kind == Kind::Punct(',');
        // "Near the entrance, …", and "Minutes later, …", "Two stalls down
        // from the mangoes, …" by their second or third word.
        let opens = |t: &Token| t.kind == Kind::Word && cues::opens_fronted_phrase(text, t);
        let fronted = after_comma
            && tokens[sentence_start..clause_start]
                .iter()
                .take(4)
                .take_while(|t| t.kind == Kind::Word)
                .any(opens);
        // "The frost came …, and Roland Pellerin remembers …": the subject
        // of a clause joined by a conjunction.
        let mut before = before;
        let joined = after_comma
            && before.last().is_some_and(|t| {
                t.kind == Kind::Word && is_in(&["and", "but", "so", "yet"], &text[t.range.clone()])
            });
        if joined {
            before.pop();
        }
        // "— voluntarily, Ybarra points out, an hour before …": whoever
        // speaks in a clause of their own.
        let end = tokens.partition_point(|t| t.range.start < m.range.end);
        let speaks = cues::is_cue(text, tokens, end);
        if after_comma && !fronted && !joined && !speaks {
            // "Her husband, Walt, a Hollis voter": not a subject.
            return false;
        }
        let words_only = before.len() <= 3
            && before.iter().enumerate().all(|(i, t)| {
                let w = &text[t.range.clone()];
                t.kind == Kind::Word
                    && (capitalized(w)
                        || DETERMINERS.contains(w)
                        || TITLES.contains(w)
                        || (i == 0 && is_role(w))
                        // "Co-founder and CTO Aisha Bello".
                        || (i > 0 && w == "and"))
            });
        if !words_only {
            return false;
        }
        let names_someone_else = before.iter().any(|t| {
            let w = &text[t.range.clone()];
            capitalized(w) && !TITLES.contains(w) && !DETERMINERS.contains(w)
        });
        match before.last() {
            Some(first) if names_someone_else => {
                self.look_up(&text[first.range.start..m.range.end]).0 == Some(m.source)
            }
            _ => true,
        }
    }

    /// Who a sentence is about: its leading noun phrase, else the appositive
    /// after it ("The chief arbiter, Ruth Adeyemi, …", whose gender the
    /// noun phrase may tell: "Her son, Michael, …"), else a topic fronted
    /// with "For" ("For Vega, the weekend was …").
    ///
    /// `named(phrase)`: the source whose name or alias starts where the
    /// phrase does and runs at least as far ("a woman selling mangoes from
    /// a folding table", where the phrase ends at "woman"; not "Price’s
    /// mother").
    fn sentence_subject(
        &self,
        text: &str,
        sentence: &[Token],
        named: impl Fn(Range<usize>) -> Option<usize>,
    ) -> Option<Who> {
        let phrase_of = |np: &[Token]| Some(&text[np.first()?.range.start..np.last()?.range.end]);
        let first = sentence.first()?;
        let lead = &text[first.range.clone()];
        let according = lead.eq_ignore_ascii_case("according")
            && sentence
                .get(1)
                .is_some_and(|t| text[t.range.clone()].eq_ignore_ascii_case("to"));
        if according || is_in(&["for", "like", "unlike"], lead) {
            // "For Vega, the weekend was …", "According to the IOM, …".
            let comma = sentence.iter().position(|t| t.kind == Kind::Punct(','));
            let topic = comma.and_then(|c| phrase_of(&sentence[if according { 2 } else { 1 }..c]));
            if let Some(s) = topic.and_then(|t| self.source_named(t)) {
                return Some(Who::Source(s));
            }
        }
        // A sentence that reports speech is about whoever speaks in it.
        if let Some(f) = cues::speech_subject(text, sentence) {
            let phrase = &text[f.speaker.clone()];
            let appositive = f.appositive.clone().map(|r| &text[r]);
            if !PRONOUNS.contains(phrase) {
                if let Some(who) = self.who_with(phrase, appositive) {
                    return Some(who);
                }
                if self.is_lone_name(phrase) {
                    return Some(Who::Unknown(self.unknown(phrase)));
                }
            }
        }
        let np = cues::leading_np(text, sentence);
        let phrase = phrase_of(np)?;
        let np_end = np.last()?.range.start;
        let at = sentence.iter().position(|t| t.range.start == np_end)? + 1;
        // "Mai and Tuan Nguyen spent the morning …": people named together,
        // whom only "they" can stand for.
        let name = |t: &Token| t.kind == Kind::Word && capitalized(&text[t.range.clone()]);
        let joined = np.iter().all(name)
            && sentence
                .get(at)
                .is_some_and(|t| t.kind == Kind::Word && &text[t.range.clone()] == "and")
            && sentence.get(at + 1).is_some_and(name);
        if joined {
            let more = sentence[at + 1..].iter().take_while(|t| name(t)).count();
            let end = sentence[at + more].range.end;
            let mut entity = self.unknown(&text[np.first()?.range.start..end]);
            entity.plural = true;
            entity.gender = None;
            return Some(Who::Unknown(entity));
        }
        let appositive = match sentence.get(at) {
            Some(t) if t.kind == Kind::Punct(',') => {
                let n = sentence[at + 1..]
                    .iter()
                    .take_while(|t| t.kind == Kind::Word)
                    .count();
                phrase_of(&sentence[at + 1..at + 1 + n])
            }
            _ => None,
        };
        match self.who_with(phrase, appositive) {
            found @ Some(Who::Source(_)) => found,
            found => match named(np.first()?.range.start..np.last()?.range.end) {
                Some(s) => Some(Who::Source(s)),
                None if found.is_none() && self.is_lone_name(phrase) => {
                    Some(Who::Unknown(self.unknown(phrase)))
                }
                None => found,
            },
        }
    }

    /// Who a noun phrase is, or failing that its appositive ("Her rival,
    /// Didier Coppens of the Front wallon, …"; "Her son, Michael, …", where
    /// the phrase tells the gender).
    fn who_with(&self, phrase: &str, appositive: Option<&str>) -> Option<Who> {
        let found = self.who(phrase);
        if let Some(Who::Source(s)) = found {
            return Some(Who::Source(s));
        }
        // A name, perhaps after a role in lower case ("state Rep. David
        // Whitlock").
        let named = appositive
            .filter(|a| {
                let mut words = a.split_whitespace();
                let first = words.next().unwrap_or("");
                capitalized(first)
                    || (!is_in(&["who", "which", "that", "whose", "where", "when"], first)
                        && words.take(2).any(capitalized))
            })
            .and_then(|a| match self.who(a) {
                Some(Who::Source(s)) => Some(Who::Source(s)),
                Some(Who::Unknown(mut e)) => {
                    e.gender = phrase_gender(phrase).or(e.gender);
                    e.words.extend(self.unknown(phrase).words);
                    Some(Who::Unknown(e))
                }
                None => None,
            });
        // "one survivor, a 34-year-old mother of three": the appositive
        // tells who, if not by name.
        let described = || {
            let gender = appositive.and_then(phrase_gender)?;
            let mut e = self.unknown(phrase);
            e.gender = Some(gender);
            Some(Who::Unknown(e))
        };
        named.or(found).or_else(described)
    }

    /// One capitalised word that the page also writes capitalised in
    /// mid-sentence — a name ("Lyle", "Asante"), not a sentence-initial
    /// common noun ("Turnout", "Police", "Critics").
    fn is_lone_name(&self, phrase: &str) -> bool {
        !phrase.contains(' ')
            && capitalized(phrase)
            && !PRONOUNS.contains(phrase)
            && !PLURAL_NOUNS.contains(phrase)
            && with_folded_word(phrase, |f| self.proper_nouns.contains(f))
    }

    /// Who a sentence's leading noun phrase is, if anyone worth remembering.
    fn who(&self, phrase: &str) -> Option<Who> {
        if PRONOUNS.contains(phrase) {
            return None;
        }
        if let Some(s) = self.source_named(phrase) {
            return Some(Who::Source(s));
        }
        let proper = phrase
            .split_whitespace()
            .skip(1)
            .any(|w| capitalized(w) && !DETERMINERS.contains(w));
        if proper {
            return Some(Who::Unknown(self.unknown(phrase)));
        }
        // A common noun phrase is remembered only if it tells a gender or
        // is plural (only "they" can then refer to it).
        if !plural_head(phrase) && phrase_gender(phrase).is_none() {
            return None;
        }
        Some(Who::Unknown(self.unknown(phrase)))
    }

    /// An entity for a speaker the manifest does not know.
    fn unknown(&self, phrase: &str) -> Entity {
        let folded = crate::text::fold::fold(phrase);
        let words: Vec<&str> = folded.split(' ').collect();
        let last = words.last().copied().unwrap_or("");
        let head = singular(last);
        let class = if ORGANIZATION_NOUNS.contains(head) {
            Class::Organization
        } else if TEXT_NOUNS.contains(head) {
            Class::Text
        } else {
            Class::Person
        };
        let plural = plural_head(phrase);
        Entity {
            source: None,
            key: Key::Phrase(
                words
                    .iter()
                    .skip_while(|w| DETERMINERS.contains(w))
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            class,
            words: words.iter().map(|w| singular(w).to_owned()).collect(),
            plural,
            gender: phrase_gender(phrase),
            names: phrase
                .split_whitespace()
                .filter(|w| capitalized(w) && !TITLES.contains(w) && !DETERMINERS.contains(w))
                .map(crate::text::fold::fold)
                .collect(),
        }
    }

    fn remember_subject(&mut self, subject: &Subject) {
        let text = &self.page.blocks[subject.block].text;
        match &subject.who {
            Who::Source(s) => {
                let end = text[subject.at..]
                    .find([',', '.', ';'])
                    .map_or(text.len(), |e| subject.at + e);
                self.remember_source(*s, &text[subject.at..end]);
            }
            Who::Unknown(e) => self.remember(e.clone()),
        }
    }

    fn remember(&mut self, entity: Entity) {
        if let Some(g) = entity.gender {
            self.genders.entry(entity.key.clone()).or_insert(g);
        }
        // Each key is remembered once: the entity moves to the front.
        if let Some(i) = self.entities.iter().position(|e| e.key == entity.key) {
            self.entities.remove(i);
        }
        self.entities.push_back(entity);
        if self.entities.len() > MEMORY {
            self.entities.pop_front();
        }
    }

    fn remember_source(&mut self, source: usize, phrase: &str) {
        let key = Key::Source(source);
        // Only people are "he" or "she": nobody else's gender is asked.
        let person = self.index.class(source) == Class::Person;
        if person && !self.genders.contains_key(&key) {
            if let Some(g) = phrase_gender(phrase).or(self.index.gender(source)) {
                self.genders.insert(key.clone(), g);
            }
        }
        let mut entity = self.entity_of(source);
        // "a HomeShield spokesman defended the decision. “…,” he said": a
        // body named through its spokesperson is "he" or "she" for a while.
        let spokesperson = || {
            phrase
                .split_whitespace()
                .take(4)
                .any(|w| w.starts_with("spokes") && is_in(SPOKESPEOPLE, w))
        };
        if !person && spokesperson() {
            entity.class = Class::Person;
            entity.gender = phrase_gender(phrase);
        }
        self.remember(entity);
    }

    /// The memory's entry for a manifest source.
    fn entity_of(&self, source: usize) -> Entity {
        Entity {
            source: Some(source),
            key: Key::Source(source),
            class: self.index.class(source),
            words: Vec::new(),
            plural: false,
            gender: None,
            names: Vec::new(),
        }
    }

    /// Attribution from a speech verb next to the quote: after it, else
    /// before it in the same sentence — which may have begun in the
    /// previous paragraph when the quote opens this one.
    fn by_cue(&mut self, quote: &Quote) -> Option<Attribution> {
        let (first, last) = (quote.first(), quote.last());
        let text = &self.block(last.block).text;
        // The words' last character, past inner closing marks: “He said, ‘Hit
        // the ball,’” ends in a comma.
        let last_char = text[last.content.clone()]
            .chars()
            .rev()
            .find(|&c| !crate::detect::is_quote_mark(c));

        let tokens = self.tokens(last.block);
        let close_end = last.close.end.max(last.content.end);
        if let Some(f) = cues::after_quote(text, tokens, close_end, last_char) {
            return Some(self.found(last.block, &f));
        }
        let closes_block = text[close_end..].trim().is_empty();
        let text = &self.block(first.block).text;
        let opens_block = text[..first.open.start].trim().is_empty();
        if opens_block
            && first.block == last.block
            && self.block(last.block).kind == BlockKind::Heading
        {
            if let Some(f) = cues::headline_speaker(text, tokens, close_end) {
                return Some(self.found(last.block, &f));
            }
        }
        let tokens = self.tokens(first.block);
        let before = cues::before_quote(text, tokens, first.open.start, &self.quoted[first.block]);
        // "…, and the two agreed to “…” on trade, a readout of the call
        // said.": the attribution ending the sentence, when the cue before
        // the quote names nobody the manifest lists, or there is none.
        // (Not for a name: "the 『Sunflower Akashi』, … according to the
        // operator", "a grizzly known as ‘Marigold’ …, park officials said".)
        let name = text[first.content.clone()]
            .split_whitespace()
            .all(capitalized);
        let finale = (!name)
            .then(|| {
                cues::sentence_final(
                    &self.block(last.block).text,
                    self.tokens(last.block),
                    close_end,
                )
            })
            .flatten();
        if let Some(f) = before {
            let att = self.found(first.block, &f);
            if att.source.is_none() && matches!(att.method, Method::Cue | Method::Description) {
                if let Some(g) = &finale {
                    let alt = self.found(last.block, g);
                    if alt.source.is_some() {
                        return Some(alt);
                    }
                }
            }
            return Some(att);
        }
        if let Some(g) = &finale {
            return Some(self.found(last.block, g));
        }
        if !opens_block {
            return None;
        }
        if let Some(att) = self.cue_ending_block_before(first.block) {
            return Some(att);
        }
        // A paragraph that is only a quote, and the next one says whose:
        // "That is how Mara Lindgren describes …".
        let next = last.block + 1;
        if !closes_block || next >= self.page.blocks.len() || self.block(next).blockquote.is_some()
        {
            return None;
        }
        let text = &self.block(next).text;
        let tokens = self.tokens(next);
        let f = cues::looking_back(text, tokens)?;
        Some(self.found(next, &f))
    }

    /// A cue at the end of the block before block `b`, when that block's
    /// last sentence is unfinished: "She said:" then the quote's paragraph.
    fn cue_ending_block_before(&mut self, b: usize) -> Option<Attribution> {
        let b = b.checked_sub(1)?;
        let prev = &self.block(b).text;
        let unfinished = prev
            .trim_end()
            .chars()
            .last()
            .is_some_and(|c| !".!?”\"’»」』".contains(c));
        if !unfinished || self.block(b).blockquote.is_some() {
            return None;
        }
        let tokens = self.tokens(b);
        let f = cues::before_quote(prev, tokens, prev.len(), &self.quoted[b])?;
        Some(self.found(b, &f))
    }

    /// Resolves a phrase found in block `b`.
    fn found(&mut self, b: usize, f: &cues::Found) -> Attribution {
        let text = &self.page.blocks[b].text;
        let speaker = &text[f.speaker.clone()];
        let cue = text[f.cue.clone()].to_owned();
        if speaker.is_empty() {
            return Attribution {
                source: None,
                speaker: Some(String::new()),
                cue: Some(cue),
                method: Method::Cue,
            };
        }
        let att = self.resolve(speaker, cue.clone(), Method::Cue);
        let appositive = f.appositive.as_ref().map(|r| &text[r.clone()]);
        if let Some(s) = att.source {
            // "A spokeswoman for Brightwave, Dana Kim, said": the person the
            // appositive names, not the organisation the phrase mentions.
            let person = |i: usize| self.index.class(i) == Class::Person;
            if let Some((p, name)) = appositive
                .filter(|_| !person(s))
                .and_then(|a| self.appositive_source(a).map(|p| (p, a)))
                .filter(|&(p, _)| person(p))
            {
                self.remember_source(p, name);
                return Attribution {
                    source: Some(p),
                    ..att
                };
            }
        }
        if att.source.is_some() || att.method == Method::Pronoun {
            return att;
        }
        // "A spokesperson for the Department for Culture, Media and Sport
        // said": the phrase stopped at a comma inside a manifest name.
        if let Some((s, whole)) = self.across_comma(text, f.speaker.clone()) {
            let speaker = &text[whole];
            self.remember_source(s, speaker);
            return Attribution {
                source: Some(s),
                speaker: Some(speaker.to_owned()),
                cue: Some(cue),
                method: Method::Cue,
            };
        }
        // "Her team, Northbridge Cycling, said": the appositive may name it.
        match appositive {
            Some(appositive) => match self.appositive_source(appositive) {
                Some(s) => {
                    self.remember_source(s, appositive);
                    Attribution {
                        source: Some(s),
                        ..att
                    }
                }
                None => att,
            },
            None => att,
        }
    }

    /// The source an appositive names, whole ("Northbridge Cycling") or up
    /// to a phrase that places it ("Emil Sørensen of Nordlys Books").
    fn appositive_source(&self, appositive: &str) -> Option<usize> {
        self.index
            .lookup_exact(appositive)
            .or_else(|| self.index.lookup_exact(placed_head(appositive)?))
    }

    /// A manifest name or alias with a comma in it that `speaker`, cut at
    /// that comma, is one side of: the source and the whole phrase. Only
    /// whole names count, within the clause; the longest wins.
    fn across_comma(&self, text: &str, speaker: Range<usize>) -> Option<(usize, Range<usize>)> {
        // A phrase stops at sentence ends, clause marks and quotation marks
        // (not ’, which is also an apostrophe), and is at most this long.
        const WORDS: usize = 12;
        let stop = |c: char| ".!?;:\"“”«»‘".contains(c);
        let name = |r: Range<usize>| self.index.lookup_exact(&text[r.clone()]).map(|s| (s, r));
        let before = text[..speaker.start].trim_end();
        if let Some(clause) = before.strip_suffix(',') {
            let from = clause
                .rmatch_indices(stop)
                .next()
                .map_or(0, |(i, m)| i + m.len());
            let mut starts: Vec<usize> = std::iter::once(from)
                .chain(clause[from..].match_indices(' ').map(|(i, _)| from + i + 1))
                .collect();
            starts.drain(..starts.len().saturating_sub(WORDS));
            if let Some(found) = starts.into_iter().find_map(|i| name(i..speaker.end)) {
                return Some(found);
            }
        }
        let rest = text[speaker.end..].trim_start().strip_prefix(',')?;
        let from = text.len() - rest.len();
        let clause = &rest[..rest
            .find(|c: char| stop(c) || c == ',')
            .unwrap_or(rest.len())];
        let ends: Vec<Range<usize>> = clause
            .match_indices(' ')
            .map(|(i, _)| i)
            .chain([clause.len()])
            .filter(|&i| !clause[..i].trim().is_empty())
            .take(WORDS)
            .map(|i| speaker.start..from + clause[..i].trim_end().len())
            .collect();
        ends.into_iter().rev().find_map(name)
    }

    /// Attribution of a blockquote: its `<footer>` or dash line ("— Dr.
    /// Naomi Feld, Lakemont University": the name before the comma), else its
    /// `<cite>`, else a cue in the paragraph before (ending in a colon) or in
    /// the first sentence after ("So wrote Judge Whitfield …").
    fn by_blockquote(&mut self, quote: &Quote) -> Option<Attribution> {
        let group = self.block(quote.first().block).blockquote?;
        let blocks: Vec<usize> = (0..self.page.blocks.len())
            .filter(|&b| self.block(b).blockquote == Some(group))
            .collect();
        let lines = blocks.iter().filter_map(|&b| {
            let block = self.block(b);
            (block.footer || crate::detect::is_dash_attribution(&block.text))
                .then_some(block.text.as_str())
        });
        let cites = blocks.iter().flat_map(|&b| {
            let block = self.block(b);
            block.cites.iter().map(|c| &block.text[c.clone()])
        });
        let line = lines
            .map(|l| (attribution_line_name(l), l))
            .chain(cites.map(|c| (attribution_line_name(c), c)))
            .find(|(name, _)| !name.is_empty());
        if let Some((name, line)) = line {
            let cue = crate::text::collapse_whitespace(line.trim_start_matches(DASHES));
            return Some(self.resolve(name, cue, Method::Blockquote));
        }
        let (first, last) = (*blocks.first()?, *blocks.last()?);
        if let Some(b) = first.checked_sub(1) {
            let text = &self.block(b).text;
            if self.block(b).blockquote.is_none() && text.trim_end().ends_with(':') {
                let tokens = self.tokens(b);
                if let Some(f) = cues::before_quote(text, tokens, text.len(), &self.quoted[b]) {
                    return Some(self.found(b, &f));
                }
            }
        }
        let next = last + 1;
        if next < self.page.blocks.len() && self.block(next).blockquote.is_none() {
            let tokens = self.tokens(next);
            if let Some(f) = cues::first_sentence(&self.block(next).text, tokens) {
                return Some(self.found(next, &f));
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

    /// A nickname (Dwayne “The Rock” Johnson) or a title after its noun (the
    /// film “Casablanca”)?
    fn names_a_thing(&self, quote: &Quote) -> bool {
        let first = quote.first();
        let text = &self.block(first.block).text;
        quote.origin == Origin::Marks
            && (nickname(text, first)
                || after_title_noun(text, first)
                || cues::named_by_writer(text, self.tokens(first.block), first.open.start)
                || cues::names_in_relative(text, self.tokens(first.block), first.open.start))
    }

    /// Does a quote opening at `open` in block `b` start the sentence right
    /// after the one that holds `at`?
    fn opens_sentence_after(&self, b: usize, at: usize, open: usize) -> bool {
        let tokens = self.tokens(b);
        let from = tokens.partition_point(|t| t.range.start < at);
        let to = tokens.partition_point(|t| t.range.start < open);
        let ends = tokens[from..to]
            .iter()
            .filter(|t| matches!(t.kind, Kind::End(_)))
            .count();
        ends == 1 && to > 0 && matches!(tokens[to - 1].kind, Kind::End(_))
    }

    /// "She paused. “…”": the pronoun that is the subject of the short
    /// sentence right before `quote`, in its paragraph or ending the one
    /// before, and that sentence (without a quote of its own, and not a
    /// question).
    fn pronoun_before(&self, quote: &Quote) -> Option<(String, String)> {
        let first = quote.first();
        let mut block = first.block;
        let mut q = self
            .tokens(block)
            .partition_point(|t| t.range.start < first.open.start);
        // "Asked about the worst pie she ever tasted, she didn’t hesitate."
        // ending the paragraph before one that opens with the quote.
        if q == 0 && block > 0 && self.block(block - 1).blockquote.is_none() {
            block -= 1;
            q = self.tokens(block).len();
        }
        let tokens = self.tokens(block);
        let text = &self.block(block).text;
        let end = q
            .checked_sub(1)
            .filter(|&e| tokens[e].kind == Kind::End('.'))?;
        let start = tokens[..end]
            .iter()
            .rposition(|t| matches!(t.kind, Kind::End(_)))
            .map_or(0, |k| k + 1);
        let sentence = &tokens[start..end];
        // Its subject, past a fronted phrase ("Asked about …, she didn’t
        // hesitate.").
        let [subject] = cues::leading_np(text, sentence) else {
            return None;
        };
        let clause = &sentence[sentence.iter().position(|t| t.range == subject.range)?..];
        let pronoun = ["he", "she", "they"]
            .into_iter()
            .find(|p| text[subject.range.clone()].eq_ignore_ascii_case(p))?;
        let short = clause.len() <= 12 && clause.get(1).is_some_and(|t| t.kind == Kind::Word);
        let plain = sentence.iter().all(|t| t.kind != Kind::Mark);
        let cue = text[subject.range.start..clause[clause.len() - 1].range.end].to_owned();
        (short && plain).then(|| (pronoun.to_owned(), cue))
    }

    /// Do `prev` and `next` stand in one sentence: same paragraph, no
    /// sentence end between them?
    fn same_sentence(&mut self, prev: &Quote, next: &Quote) -> bool {
        let (p, n) = (prev.last(), next.first());
        if p.block != n.block {
            return false;
        }
        let tokens = self.tokens(n.block);
        let from = tokens.partition_point(|t| t.range.start < p.close.end.max(p.content.end));
        let to = tokens.partition_point(|t| t.range.start < n.open.start);
        // “… “derisory.” Two people …”: a quote that ends its sentence.
        let text = &self.block(n.block).text;
        let ended = from > 0 && cues::closes_sentence(text, tokens, from - 1);
        from <= to
            && !ended
            && !tokens[from..to]
                .iter()
                .any(|t| matches!(t.kind, Kind::End(_)))
    }

    /// Which source a speaker phrase means.
    fn resolve(&mut self, phrase: &str, cue: String, method: Method) -> Attribution {
        let phrase = phrase.trim();
        let pronoun = ["he", "she", "they", "it", "i", "we"]
            .into_iter()
            .find(|p| phrase.eq_ignore_ascii_case(p));
        let mut att = Attribution {
            source: None,
            speaker: Some(phrase.to_owned()),
            cue: Some(cue),
            method,
        };
        if let Some(p @ ("he" | "she" | "they" | "it")) = pronoun {
            att.method = Method::Pronoun;
            if let Some(e) = self.antecedent(p) {
                att.source = e.source;
                self.remember(e);
            }
            return att;
        }
        if pronoun.is_some() {
            // "I", "we": nobody the story has introduced.
            return att;
        }
        if let Some(s) = self.source_named(phrase) {
            att.source = Some(s);
            self.remember_source(s, phrase);
            return att;
        }
        // "Its statement said": the statement of whoever "it" is.
        if let Some(p) = owner_pronoun(phrase) {
            att.method = Method::Pronoun;
            att.source = self.antecedent(p).and_then(|e| e.source);
            return att;
        }
        if let Some(e) = self.description(phrase) {
            att.source = e.source;
            if att.method == Method::Cue {
                att.method = Method::Description;
            }
            self.remember(e);
            return att;
        }
        if let Some(s) = self.organisation_in(phrase) {
            att.source = Some(s);
            self.remember_source(s, phrase);
            return att;
        }
        // Not in the manifest: remember the speaker so "she" and "the
        // diplomat" can find them, but name no source.
        let entity = self.unknown(phrase);
        self.remember(entity);
        att
    }

    /// Who a description is: "the official" (the latest source called an
    /// official), "one of the people", "the authors" (of the paper the text
    /// last named, when no source is called an author), "a report published
    /// last month" (the one source the manifest describes so).
    fn description(&self, phrase: &str) -> Option<Entity> {
        let folded = crate::text::fold::fold(phrase);
        // "one of the people": one of the group the story has introduced.
        let folded = folded.strip_prefix("one of ").unwrap_or(&folded);
        let words: Vec<&str> = folded.split(' ').collect();
        let head = singular(words.last().copied().unwrap_or("")).to_owned();
        // "the European official": a people's adjective may be capitalised,
        // and so may a title ("the Minister added").
        let common = phrase
            .split_whitespace()
            .skip(1)
            .all(|w| !capitalized(w) || cues::is_nationality(w) || TITLES.contains(w));
        if !common || words.len() < 2 {
            return None;
        }
        // "the 24-year-old": the person the story is about at that point.
        let age = head
            .strip_suffix("-year-old")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if age && words.len() == 2 && words[0] == "the" {
            return self
                .entities
                .iter()
                .rev()
                .find(|e| e.class == Class::Person && !e.plural)
                .cloned();
        }
        match words[0] {
            "the" if head == "author" => self
                .described(&head, &words)
                .filter(|e| e.source.is_some())
                .or_else(|| Some(self.entity_of(self.last_document?))),
            "the" | "this" | "that" => self.described(&head, &words),
            // "another official" is someone else, and so is "a developer"
            // once the one developer the manifest lists has spoken or been
            // named: an indefinite article brings in someone new.
            "a" | "an" => self
                .only_source_with(&head, &words)
                .filter(|e| !self.entities.iter().any(|m| m.source == e.source)),
            _ => None,
        }
    }

    /// The source a name means: the whole phrase, else its head before a
    /// preposition ("Inspector Alan McRae of Police Scotland"); a surname
    /// two sources share means whichever of them was last in the story.
    fn source_named(&self, phrase: &str) -> Option<usize> {
        // Council President Michael “Mikey” Donnelly: the nickname goes.
        let cleaned;
        let phrase = if phrase.chars().any(crate::detect::is_quote_mark) {
            cleaned = without_quoted(phrase);
            cleaned.as_str()
        } else {
            phrase
        };
        let head = placed_head(phrase);
        let named = |h: &&str| h.split_whitespace().any(capitalized);
        // The head first: "Didier Coppens of the Front wallon" is Coppens,
        // not the party a shorter tail of the phrase would name.
        let name_head = head.filter(named);
        // Then "the NWS office in Johnston": the body whose office it is;
        // last, a description the manifest lists, placed: "a woman selling
        // mangoes from a folding table".
        let unit = std::iter::once_with(|| without_unit(head.unwrap_or(phrase))).flatten();
        let described = head.filter(|h| !named(h));
        let candidates = name_head
            .into_iter()
            .chain(std::iter::once(phrase))
            .chain(unit)
            .chain(described)
            .chain(std::iter::once_with(|| reduced_head(phrase)).flatten());
        for p in candidates {
            let (source, namesakes) = self.look_up(p);
            if source.is_some() {
                return source;
            }
            if !namesakes.is_empty() {
                // "Ms Kowalczyk" is not the son last quoted.
                let gender = phrase_gender(p);
                return self.entities.iter().rev().find_map(|e| {
                    let known = self.genders.get(&e.key).copied();
                    let fits = gender.is_none() || known.is_none() || known == gender;
                    e.source.filter(|s| namesakes.contains(s) && fits)
                });
            }
        }
        None
    }

    /// [`SourceIndex::lookup`] and [`SourceIndex::namesakes`] of a phrase,
    /// remembered for the rest of the page.
    fn look_up(&self, phrase: &str) -> LookedUp<'a> {
        if let Some(&found) = self.looked_up.borrow().get(phrase) {
            return found;
        }
        let index: &'a SourceIndex = self.index;
        let found = (index.lookup(phrase), index.namesakes(phrase));
        self.looked_up.borrow_mut().insert(phrase.into(), found);
        found
    }

    /// The most recent entity a pronoun can stand for.
    fn antecedent(&mut self, pronoun: &str) -> Option<Entity> {
        let need = match pronoun {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        };
        if self.quote_words.is_none() {
            self.quote_words = Some(
                self.quote
                    .map_or_else(Vec::new, |q| quote_words(self.page, q)),
            );
        }
        let found = self
            .entities
            .iter()
            .rev()
            // Nobody speaks of themselves by name: “Helena was terrifying,”
            // she recalls — "she" is not Helena.
            .filter(|e| !self.named_in_quote(e))
            .find(|e| match pronoun {
                "he" | "she" => {
                    e.class == Class::Person
                        && !e.plural
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

    /// Is this entity named inside the quote being attributed?
    fn named_in_quote(&self, e: &Entity) -> bool {
        // Organisations do name themselves ("Japan’s space industry").
        if e.class != Class::Person {
            return false;
        }
        let names: &[String] = match e.source {
            Some(s) => self.index.name_words(s),
            None => &e.names,
        };
        let quote = self.quote_words.as_deref().unwrap_or_default();
        names
            .iter()
            .any(|n| n.len() >= 3 && quote.binary_search(n).is_ok())
    }

    /// The most recent entity a definite description ("the official",
    /// "the group") fits, else the one source whose words hold its noun.
    fn described(&self, head: &str, words: &[&str]) -> Option<Entity> {
        let class_noun = if ORGANIZATION_NOUNS.contains(head) {
            Some(Class::Organization)
        } else if TEXT_NOUNS.contains(head) {
            Some(Class::Text)
        } else {
            None
        };
        let fits = |e: &Entity| match e.source {
            Some(s) => self.index.has_word(s, head) || class_noun.is_some_and(|c| c == e.class),
            None => e.words.iter().any(|w| w == head),
        };
        if let Some(e) = self.entities.iter().rev().find(|e| fits(e)) {
            return Some(e.clone());
        }
        self.only_source_with(head, words)
    }

    /// The one source whose name, aliases or role hold `noun`, if exactly
    /// one does.
    fn only_source_with(&self, noun: &str, words: &[&str]) -> Option<Entity> {
        // Several sources hold the noun: the one that holds most of the
        // phrase's other words ("the European official"), if one does.
        let overlap = |s: usize| {
            words
                .iter()
                .filter(|w| self.index.has_word(s, singular(w)))
                .count()
        };
        let mut candidates: Vec<(usize, usize)> = self
            .index
            .with_word(noun)
            .map(|s| (overlap(s), s))
            .collect();
        crate::sort::by_key(&mut candidates, |&(overlap, s)| {
            !crate::sort::pair(overlap, s)
        });
        let only = match candidates.as_slice() {
            [] => return None,
            [(_, s)] => *s,
            [(a, s), (b, _), ..] if a > b => *s,
            _ => return None,
        };
        Some(self.entity_of(only))
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
                        .all(|w| !capitalized(w) || DETERMINERS.contains(w))
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
    // "— From the memo", "Source: the report", "Via Reuters".
    let line = ["From ", "from ", "Source: ", "Via ", "via "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .unwrap_or(line);
    line.split([',', '(', ';']).next().unwrap_or("").trim()
}

/// `phrase` without its quoted words: `Michael "Mikey" Donnelly` →
/// `Michael Donnelly`.
fn without_quoted(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    let mut inside = false;
    for c in phrase.chars() {
        if crate::detect::is_quote_mark(c) && c != '\'' && c != '\u{2019}' {
            inside = !inside;
            continue;
        }
        if !inside {
            out.push(c);
        }
    }
    crate::text::collapse_whitespace(&out)
}

/// Dwayne “The Rock” Johnson: a quote between two capitalised words is a
/// nickname, nobody's words.
fn nickname(text: &str, part: &crate::detect::Part) -> bool {
    let before = text[..part.open.start].trim_end_matches(' ');
    let after = text[part.close.end..].trim_start_matches(' ');
    let word_before = before.rsplit(' ').next().unwrap_or("");
    let word_after = after.split(' ').next().unwrap_or("");
    part.open.end > part.open.start
        && before.len() < part.open.start
        && after.len() < text.len() - part.close.end
        && capitalized(word_before)
        && capitalized(word_after)
        && !DETERMINERS.contains(word_before)
        && text[part.content.clone()].split_whitespace().count() <= 3
}

/// "the NWS office" (of "the NWS office in Johnston", its place already cut
/// by [`placed_head`]) → "the NWS", "the FBI field office" → "the FBI": a
/// body's local unit, named by the body.
fn without_unit(phrase: &str) -> Option<&str> {
    const UNITS: &[&str] = &[
        "office",
        "bureau",
        "branch",
        "division",
        "headquarters",
        "field",
        "press",
    ];
    let mut rest = phrase;
    let mut cut = false;
    while let Some((head, last)) = rest.rsplit_once(' ') {
        if !is_in(UNITS, last) {
            break;
        }
        rest = head;
        cut = true;
    }
    // The body must still be named ("the NWS", not "the").
    (cut && rest.split_whitespace().any(capitalized)).then_some(rest)
}

/// "whose book “Crossings”", "the film “Casablanca”", and "“The Salt
/// Year,” the debut that …": a title, not words anyone said.
fn after_title_noun(text: &str, part: &crate::detect::Part) -> bool {
    const TITLED: &[&str] = &[
        "debut",
        "book",
        "novel",
        "film",
        "movie",
        "album",
        "song",
        "single",
        "play",
        "show",
        "series",
        "poem",
        "essay",
        "memoir",
        "documentary",
        "opera",
        "musical",
        "podcast",
        "painting",
        "titled",
        "entitled",
        "headlined",
        "slogan",
        "banner",
        "motto",
        "sign",
        "placard",
    ];
    let before = text[..part.open.start].trim_end_matches(|c: char| !c.is_alphanumeric());
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // Titles are capitalised; "the opening show “overstuffed …”" is a review.
    let content = &text[part.content.clone()];
    let capital = content.chars().next().is_some_and(char::is_uppercase);
    if part.open.end > part.open.start && capital && is_in(TITLED, last) {
        return true;
    }
    // The noun after it, in apposition: every longer word of the quote
    // capitalised, then ", the debut" or ", a novel by …".
    let title_case = content
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 3)
        .all(capitalized);
    let short = content.split_whitespace().count() <= 6;
    let after = text[part.close.end.max(part.content.end)..].trim_start_matches([',', ' ']);
    let mut words = after
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let apposition = words
        .next()
        .is_some_and(|d| is_in(&["the", "a", "an", "his", "her", "their"], d))
        && words.take(3).any(|w| is_in(TITLED, w));
    capital && title_case && short && apposition
}

/// A phrase up to the word that places it: "Didier Coppens" in "Didier
/// Coppens of the Front wallon", "Emil Sørensen" in "Emil Sørensen of
/// Nordlys Books".
fn placed_head(phrase: &str) -> Option<&str> {
    phrase
        .match_indices(' ')
        .find(|&(at, _)| {
            phrase[at + 1..].split(' ').next().is_some_and(|w| {
                matches!(
                    w,
                    "of" | "for" | "at" | "from" | "with" | "who" | "in" | "on" | "near"
                )
            })
        })
        .map(|(at, _)| &phrase[..at])
}

/// A description up to the clause that says which one it is, with no
/// "that" or "which" to open it: "A memo" in "A memo prepared for the
/// board", "A slide deck" in "A slide deck Orrin presented to investors".
fn reduced_head(phrase: &str) -> Option<&str> {
    let words: Vec<(usize, &str)> = phrase
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    if !words
        .first()
        .is_some_and(|&(_, w)| is_in(&["a", "an", "the", "this", "that"], w))
    {
        return None;
    }
    let participle = |w: &str| !capitalized(w) && w.len() > 4 && w.ends_with("ed");
    (2..words.len())
        .find(|&k| {
            let w = words[k].1;
            participle(w)
                || (capitalized(w) && words.get(k + 1).is_some_and(|&(_, n)| participle(n)))
        })
        .map(|k| phrase[..words[k].0].trim_end())
}

/// Does `w` (lower case, right before a name) read as a role or a
/// description: "founder", "landlord", "union leader"? Any word but a verb
/// ("told", "arrested"), a preposition or a word that starts a clause.
fn is_role(w: &str) -> bool {
    !w.is_empty()
        && !capitalized(w)
        && !w.ends_with("ed")
        && !cues::PREPOSITIONS.contains(&w)
        && w != "than"
        && !words::CUE_VERBS.contains(w)
        && !words::CLAUSE_STARTERS.contains(w)
        && !words::NP_STOPPERS.contains(w)
        && !PRONOUNS.contains(w)
}

/// The noun of "the statement", "the release", "the letter": a document
/// that speaks for whoever issued it.
fn document_noun(speaker: &str) -> Option<&'static str> {
    match owned_document(speaker) {
        Some(("the", noun)) => Some(noun),
        _ => None,
    }
}

/// "Its statement", "his letter": the pronoun that stands for whoever
/// issued the document.
fn owner_pronoun(speaker: &str) -> Option<&'static str> {
    match owned_document(speaker)?.0 {
        "its" => Some("it"),
        "his" => Some("he"),
        "her" => Some("she"),
        "their" => Some("they"),
        _ => None,
    }
}

/// A document noun after a determiner or a possessive pronoun: the
/// determiner (in lower case) and the noun.
fn owned_document(speaker: &str) -> Option<(&'static str, &'static str)> {
    const NOUNS: &[&str] = &[
        "statement",
        "release",
        "letter",
        "email",
        "note",
        "post",
        "filing",
    ];
    let (det, noun) = speaker.trim().split_once(' ')?;
    let det = ["the", "its", "his", "her", "their"]
        .into_iter()
        .find(|d| det.eq_ignore_ascii_case(d))?;
    Some((
        det,
        NOUNS
            .iter()
            .copied()
            .find(|n| noun.eq_ignore_ascii_case(n))?,
    ))
}

/// Is the head of `phrase` a common noun in the plural ("officials", "the
/// police"), which only "they" can stand for?
fn plural_head(phrase: &str) -> bool {
    let Some(last) = phrase.split_whitespace().last() else {
        return false;
    };
    !capitalized(last) && with_folded_word(last, |l| singular(l) != l || PLURAL_NOUNS.contains(l))
}

/// Calls `f` with `word` [folded](crate::text::fold::fold), without
/// allocating for the usual plain ASCII word.
fn with_folded_word<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    // Letters and digits only: folding is lower-casing.
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        with_lower(word, f)
    } else {
        f(&crate::text::fold::fold(word))
    }
}

/// Each block's quoted stretches, marks included, sorted by start.
fn quoted_stretches(page: &Page, quotes: &[Quote]) -> Vec<Vec<Range<usize>>> {
    let mut quoted: Vec<Vec<Range<usize>>> = vec![Vec::new(); page.blocks.len()];
    for q in quotes {
        for p in &q.parts {
            quoted[p.block].push(p.open.start..p.close.end.max(p.content.end));
        }
    }
    for ranges in &mut quoted {
        crate::sort::by_key(ranges, |r| r.start as u64);
    }
    quoted
}

/// The words of a quote, folded and sorted, to look names up in.
fn quote_words(page: &Page, quote: &Quote) -> Vec<String> {
    let mut words: Vec<String> = quote
        .parts
        .iter()
        .flat_map(|p| {
            crate::text::fold::fold(&outside_nested(
                &page.blocks[p.block].text[p.content.clone()],
            ))
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
        })
        .collect();
    crate::sort::by(&mut words, |a, b| a.cmp(b));
    words.dedup();
    words
}

/// `words` without the quotes nested in them: "she says, ‘Loretta, I used
/// my grandmother’s recipe.’" names Loretta in someone else's words. Only
/// curly and angled marks count; an apostrophe inside a word closes nothing.
fn outside_nested(words: &str) -> std::borrow::Cow<'_, str> {
    if !words.contains(['‘', '“', '«', '‹', '„', '‚']) {
        return words.into();
    }
    let mut out = String::with_capacity(words.len());
    let mut depth = 0usize;
    let mut chars = words.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '‘' | '“' | '«' | '‹' | '„' | '‚' => depth += 1,
            '’' | '”' | '»' | '›'
                if depth > 0 && !chars.peek().is_some_and(|n| n.is_alphanumeric()) =>
            {
                depth -= 1;
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.into()
}

#[cfg(test)]
mod tests;
