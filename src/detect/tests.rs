//! One row per pattern: the paragraphs, and the quotes expected (parts of a
//! multi-paragraph quote joined by " | ").

use super::*;
use crate::text::{ElementRole, PageBuilder};

fn texts(page: &Page) -> Vec<String> {
    detect(page)
        .iter()
        .map(|q| {
            q.parts
                .iter()
                .map(|p| &page.blocks[p.block].text[p.content.clone()])
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

const CASES: &[(&str, &[&str], &[&str])] = &[
    ("curly double", &["“Yes,” she said."], &["Yes,"]),
    (
        "straight double",
        &[r#"He said "no way" and left."#],
        &["no way"],
    ),
    (
        "british single with nested double",
        &["‘He told me “never” again,’ she said."],
        &["He told me “never” again,"],
    ),
    (
        "straight single",
        &["'It's over,' he said."],
        &["It's over,"],
    ),
    (
        "apostrophe inside",
        &["“It’s the United States’ interests,” he said."],
        &["It’s the United States’ interests,"],
    ),
    (
        "possessive plural inside british quote",
        &["‘The Joneses’ house is gone,’ she said."],
        &["The Joneses’ house is gone,"],
    ),
    (
        "scare quote ending in s, then of",
        &["The so-called ‘reforms’ of recent years, she said, ‘changed nothing.’"],
        &["reforms", "changed nothing."],
    ),
    (
        "decade apostrophe",
        &["‘Back in the ’60s we marched,’ he said."],
        &["Back in the ’60s we marched,"],
    ),
    (
        "rock n roll",
        &["‘I grew up on rock ’n’ roll,’ he said."],
        &["I grew up on rock ’n’ roll,"],
    ),
    (
        "feet and inches",
        &[r#"The suspect is 5'10" tall, police said, and "armed.""#],
        &["armed."],
    ),
    ("inch mark alone", &[r#"A 12" screen."#], &[]),
    (
        "french guillemets",
        &["« C’est fini », a-t-il dit."],
        &["C’est fini"],
    ),
    (
        "german low-high",
        &["„Das ist gut“, sagte sie, und ‚nie‘ wieder."],
        &["Das ist gut", "nie"],
    ),
    ("reversed guillemets", &["»Nein«, sagte er."], &["Nein"]),
    (
        "single guillemets",
        &["Il a parlé de ‹ réforme › hier."],
        &["réforme"],
    ),
    ("cjk corners", &["他说「我们赢了」。"], &["我们赢了"]),
    ("cjk white corners", &["书名『三体』很长。"], &["三体"]),
    ("swedish", &["”Vi vann”, sa hon."], &["Vi vann"]),
    (
        "split quote",
        &["“We won,” Ruiz said, “and we will win again.”"],
        &["We won,", "and we will win again."],
    ),
    (
        "multi-paragraph",
        &[
            "“The first part runs on.",
            "“The second part ends,” she said.",
        ],
        &["The first part runs on. | The second part ends,"],
    ),
    (
        "unbalanced stops at paragraph end",
        &[
            "He said “this never closes.",
            "The next paragraph is narration.",
            "“Then a real one,” he said.",
        ],
        &["this never closes.", "Then a real one,"],
    ),
    (
        "stray closing mark ignored",
        &["A stray ” here and “a real quote” there."],
        &["a real quote"],
    ),
    (
        "scare quote",
        &["countries defining criticism as “criminal.”"],
        &["criminal."],
    ),
    (
        "nickname",
        &["Dwayne “The Rock” Johnson arrived."],
        &["The Rock"],
    ),
    (
        "two quotes one paragraph",
        &["He called it “a farce” and “a disgrace.”"],
        &["a farce", "a disgrace."],
    ),
    (
        "mixed curly open straight close",
        &["“Mixed up,\" she said."],
        &["Mixed up,"],
    ),
    ("elision em", &["He said 'em all were fine."], &[]),
    (
        "apostrophe in straight single",
        &["'The Smiths' van broke,' he said."],
        &["The Smiths' van broke,"],
    ),
    (
        "quote after dash",
        &["It was—“in his words”—absurd."],
        &["in his words"],
    ),
    (
        "quote in parentheses",
        &["The group (“our people”) met."],
        &["our people"],
    ),
];

#[test]
fn table() {
    let mut failures = Vec::new();
    for (name, paragraphs, expected) in CASES {
        let page = Page::from_paragraphs(paragraphs.iter().copied());
        let got = texts(&page);
        if got != *expected {
            failures.push(format!("{name}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn q_elements_and_marks_inside_them() {
    let p = ElementRole::Block(BlockKind::Paragraph);
    let mut b = PageBuilder::new();
    b.open(p);
    b.text(0, "She called it ");
    b.open(ElementRole::InlineQuote);
    b.text(1, "a “so-called” plan");
    b.close(ElementRole::InlineQuote);
    b.text(2, ".");
    b.close(p);
    assert_eq!(texts(&b.finish()), ["a “so-called” plan"]);
}

#[test]
fn blockquote_is_one_quote_without_its_attribution() {
    let p = ElementRole::Block(BlockKind::Paragraph);
    let mut b = PageBuilder::new();
    b.open(p);
    b.text(0, "Before.");
    b.close(p);
    b.open(ElementRole::Blockquote);
    b.open(p);
    b.text(1, "“First paragraph.");
    b.close(p);
    b.open(p);
    b.text(2, "“Second paragraph.”");
    b.close(p);
    b.open(ElementRole::Footer);
    b.text(3, "— Jane Doe");
    b.close(ElementRole::Footer);
    b.close(ElementRole::Blockquote);
    b.open(ElementRole::Blockquote);
    b.open(p);
    b.text(4, "Poetry is what gets lost. — ");
    b.open(ElementRole::Cite);
    b.text(5, "Robert Frost");
    b.close(ElementRole::Cite);
    b.close(p);
    b.close(ElementRole::Blockquote);
    let page = b.finish();
    assert_eq!(
        texts(&page),
        [
            "First paragraph. | Second paragraph.",
            "Poetry is what gets lost."
        ]
    );
    assert!(detect(&page).iter().all(|q| q.origin == Origin::Blockquote));
}

#[test]
fn parts_record_their_marks() {
    let page = Page::from_paragraphs(["A “b” c"]);
    let q = &detect(&page)[0];
    let t = &page.blocks[0].text;
    assert_eq!(&t[q.first().open.clone()], "“");
    assert_eq!(&t[q.first().close.clone()], "”");
}
