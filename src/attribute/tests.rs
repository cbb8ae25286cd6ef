//! One row per attribution pattern: paragraphs, and for each quote in
//! order the expected source id (or "-" for none) and method.

use crate::manifest::{Manifest, Source, SourceKind};
use crate::text::Page;
use crate::Engine;

fn source(id: &str, name: &str, kind: SourceKind, aliases: &[&str], role: Option<&str>) -> Source {
    Source {
        id: id.into(),
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        role: role.map(Into::into),
        affiliation: None,
        url: None,
        description: None,
        image: None,
    }
}

fn engine() -> Engine {
    use SourceKind::*;
    Engine::new(Manifest {
        sources: vec![
            source(
                "us-official",
                "Unnamed US official",
                Anonymous,
                &["a US official", "an American official"],
                None,
            ),
            source("hrw", "Human Rights Watch", Organization, &["HRW"], None),
            source(
                "resolution",
                "UN resolution 74/247",
                Document,
                &["the resolution"],
                None,
            ),
            source(
                "ruiz",
                "Elena Ruiz",
                Person,
                &[],
                Some("Mayor of Portsmouth"),
            ),
            source(
                "okafor",
                "Daniel Okafor",
                Person,
                &[],
                Some("harbour master"),
            ),
            source(
                "ministry",
                "Ministry of Finance",
                Organization,
                &["the finance ministry"],
                None,
            ),
            source("report", "Audit Office report", Document, &[], None),
            source(
                "court",
                "Fourth District Appellate Court",
                Organization,
                &["an Illinois appeals court", "the court"],
                None,
            ),
            source(
                "pacc",
                "Pan-American Chess Confederation",
                Organization,
                &["the confederation"],
                None,
            ),
            source(
                "dufresne",
                "Marc Dufresne",
                Person,
                &["her sports director"],
                None,
            ),
            source("jansen", "Femke Jansen", Person, &[], None),
            source("teresa", "Teresa Kowalczyk", Person, &[], None),
            source("michael", "Michael Kowalczyk", Person, &[], None),
            source("mcrae", "Alan McRae", Person, &[], None),
            source("coppens", "Didier Coppens", Person, &[], None),
            source(
                "dcms",
                "Department for Culture, Media and Sport",
                Organization,
                &[],
                None,
            ),
            source("vandam", "Pieter van Dam", Person, &[], None),
            source("kim", "Dana Kim", Person, &[], None),
            source(
                "brightwave",
                "Brightwave Inc.",
                Organization,
                &["Brightwave"],
                None,
            ),
            source("complaint", "The complaint", Document, &["the suit"], None),
            source("note", "Kessler Brandt note", Document, &["the note"], None),
            source(
                "vendor",
                "Unnamed fruit vendor",
                Anonymous,
                &["a woman selling mangoes"],
                None,
            ),
            source(
                "firefighter",
                "Unnamed firefighter",
                Anonymous,
                &["a firefighter"],
                None,
            ),
            source("mallory", "Dean Mallory", Person, &[], Some("head coach")),
            source(
                "alvarez",
                "Kenji Alvarez",
                Person,
                &[],
                Some("app developer"),
            ),
            source(
                "memo",
                "Board memo",
                Document,
                &["a memo", "the memo"],
                None,
            ),
            source("gulf", "Gulf States Power", Organization, &[], None),
            source("lachlan", "Fiona Lachlan", Person, &[], None),
        ],
        ..Manifest::default()
    })
}

type Row = (
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
);

const ROWS: &[Row] = &[
    (
        "a source right after a fronted phrase's comma is the sentence's subject",
        &[
            "“Not yet,” Ruiz said.",
            "Later, the finance ministry closes its doors. “People ask us,” it says.",
        ],
        &[("ruiz", "cue"), ("ministry", "pronoun")],
    ),
    (
        "a speech verb after an article is a noun",
        &["“We see no catalyst,” the note said. According to the note, cuts were “not sufficient.”"],
        &[("note", "cue"), ("note", "cue")],
    ),
    (
        "a decimal point ends no sentence",
        &["Late on Wednesday, Ruiz told ABC’s 7.30: “We will build.”"],
        &[("ruiz", "cue")],
    ),
    (
        "the writer's own name for something is nobody's words",
        &[
            "Ruiz spoke of a procedure known as “en banc” review.",
            "MPs in the so-called ‘mortgage belt’ have urged Ruiz to compromise.",
            "Ruiz said the plan, dubbed “Route 2027,” was ahead of schedule.",
            "Ruiz dubbed it “death by a thousand trailers.”",
        ],
        &[("-", "none"), ("-", "none"), ("-", "none"), ("ruiz", "cue")],
    ),
    (
        "a listed description longer than the noun phrase, after a fronted place",
        &[
            "Near the entrance, a woman selling mangoes from a folding table has found her rhythm.",
            "“Two for five!” she calls.",
        ],
        &[("vendor", "pronoun")],
    ),
    (
        "a speaker placed by on or near",
        &["A firefighter on the line near Upper Juniper, who asked not to be named, described the fire as “running.”"],
        &[("firefighter", "cue")],
    ),
    (
        "a possessive document is its owner's",
        &["The finance ministry held rates. Its statement said inflation “has eased.”"],
        &[("ministry", "pronoun")],
    ),
    (
        "a parenthesis between subject and verb",
        &["Human Rights Watch (HRW), a New York group, called the law “a rogue’s gallery.”"],
        &[("hrw", "cue")],
    ),
    (
        "blamed on, accused of with an object, and accused of without one",
        &[
            "Okafor blamed the delays on “years of neglect.”",
            "In her dissent, Ruiz accused the majority of having “tied the hands of police.”",
            "Okafor accused of “caving in” to developers.",
        ],
        &[("okafor", "cue"), ("ruiz", "cue"), ("-", "none")],
    ),
    (
        "a source speaking in a clause of its own is the subject for a pronoun",
        &[
            "“Clean offices,” Okafor said.",
            "By 11 p.m. the music has stopped — voluntarily, Ruiz points out, an hour early. She stacks tables.",
            "“We’ll be back,” she says.",
        ],
        &[("okafor", "cue"), ("ruiz", "pronoun")],
    ),
    (
        "a paragraph of quote, and the next says whose",
        &["“I set out to survive the winter.”", "That is how Elena Ruiz describes the book's origins."],
        &[("ruiz", "cue")],
    ),
    (
        "a quote right after a sentence whose subject is a source",
        &["Asked what comes next, Ruiz laughed. “Something warmer.”"],
        &[("ruiz", "continuation")],
    ),
    (
        "not after a sentence about someone the manifest does not know",
        &["Ruiz left early. Her neighbour Walter Brandt shrugged. “Something warmer.”"],
        &[("-", "none")],
    ),
    (
        "an appositive with a phrase that places the person",
        &["Her publisher, Dana Kim of Nordlys Books, said it was “well under way.”"],
        &[("kim", "cue")],
    ),
    (
        "the statement is the last speaker's, when it was theirs",
        &["HRW said in a statement that it had “grave concerns.” “Nobody should wonder,” the statement said."],
        &[("hrw", "cue"), ("hrw", "description")],
    ),
    (
        "a statement nobody issued is nobody's",
        &["HRW said it had “grave concerns.” “Nobody should wonder,” the statement said."],
        &[("hrw", "cue"), ("-", "cue")],
    ),
    (
        "a namesake introduced in an appositive after a role",
        &[
            "Teresa Kowalczyk said the state knew. “Poor!” she said.",
            "Her husband, state Rep. Michael Kowalczyk, agreed. “Not overnight,” Rep. Kowalczyk said.",
        ],
        &[("teresa", "pronoun"), ("michael", "cue")],
    ),
    (
        "one of a group the story introduced",
        &["Ruiz met a US official. “We fear it,” one of the officials said."],
        &[("us-official", "description")],
    ),
    (
        "a title with its noun in apposition",
        &["Ruiz described the origins of “The Salt Year,” the debut that won the prize."],
        &[("-", "none")],
    ),
    (
        "pronoun: a role and a name after a fronted clause",
        &["When the festival began, founder Elena Ruiz booked the bands. “We had a field,” she recalled."],
        &[("ruiz", "pronoun")],
    ),
    (
        "pronoun: a lower-case description before a name after a fronted phrase",
        &[
            "“Hello,” said Marc Dufresne.",
            "At the Red Lion, landlord Daniel Okafor was drying chairs. “We’ll open Wednesday,” he said.",
        ],
        &[("dufresne", "cue"), ("okafor", "pronoun")],
    ),
    (
        "pronoun: a name used as an adjective in an appositive is no subject",
        &["Her husband, Walt, a Ruiz voter, shrugged. “Close only counts,” he said."],
        &[("-", "pronoun")],
    ),
    (
        "a name with a comma, cue before",
        &["A spokesperson for the Department for Culture, Media and Sport said: “It is local.”"],
        &[("dcms", "cue")],
    ),
    (
        "a name with a comma, cue after",
        &["“It is local,” said the Department for Culture, Media and Sport, in a statement."],
        &[("dcms", "cue")],
    ),
    (
        "a comma that joins two names is not one name",
        &["Culture, Media and Sport said: “It is local.”"],
        &[("-", "cue")],
    ),
    (
        "a named spokesperson, not the organisation",
        &["A spokeswoman for Brightwave, Dana Kim, said it “strongly disagrees.”"],
        &[("kim", "cue")],
    ),
    (
        "an organisation's unnamed spokesperson",
        &["A spokeswoman for Brightwave said it “strongly disagrees.”"],
        &[("brightwave", "cue")],
    ),
    (
        "a participle ends the phrase after according to",
        &["It was “reckless,” according to the complaint filed in federal court."],
        &[("complaint", "cue")],
    ),
    (
        "alleges, far from the quote",
        &["The suit alleges that the company knew from its own research, but “chose growth.”"],
        &[("complaint", "cue")],
    ),
    (
        "compound surname",
        &["“As long as it takes,” Van Dam said."],
        &[("vandam", "cue")],
    ),
    (
        "cue after, alias",
        &["“We fear it,” a US official said."],
        &[("us-official", "cue")],
    ),
    (
        "alias typography",
        &["“We fear it,” a U.S. official said."],
        &[("us-official", "cue")],
    ),
    (
        "inversion",
        &["“We will build,” said Elena Ruiz."],
        &[("ruiz", "cue")],
    ),
    (
        "title and surname",
        &["“We will build,” said Mayor Ruiz."],
        &[("ruiz", "cue")],
    ),
    (
        "appositive",
        &["“The tide is late,” Okafor, the harbour master, said."],
        &[("okafor", "cue")],
    ),
    (
        "cue before with object",
        &["Human Rights Watch called the list “a rogue’s gallery.”"],
        &[("hrw", "cue")],
    ),
    (
        "according to",
        &["According to HRW, “the law is draconian.”"],
        &[("hrw", "cue")],
    ),
    (
        "document",
        &["The panel will set up “a convention,” the resolution said."],
        &[("resolution", "cue")],
    ),
    (
        "pronoun after speaker",
        &[
            "“A first thing,” a US official said.",
            "Any treaty would be “inimical,” he said.",
        ],
        &[("us-official", "cue"), ("us-official", "pronoun")],
    ),
    (
        "pronoun skips a speaker of the other gender",
        &[
            "“We will build,” Ms Ruiz said.",
            "“The tide is late,” Mr Okafor said.",
            "“Not for long,” she said.",
        ],
        &[("ruiz", "cue"), ("okafor", "cue"), ("ruiz", "pronoun")],
    ),
    (
        "pronoun to a subject mention",
        &["Elena Ruiz opened the meeting on Monday. “We are ready,” she said."],
        &[("ruiz", "pronoun")],
    ),
    (
        "it for an organisation",
        &[
            "HRW published its findings.",
            "“The abuses are systematic,” it said.",
        ],
        &[("hrw", "pronoun")],
    ),
    (
        "continuation next paragraph",
        &[
            "“We will build,” said Elena Ruiz.",
            "“And we will build it fast, whatever the cost.”",
        ],
        &[("ruiz", "cue"), ("ruiz", "continuation")],
    ),
    (
        "continuation same paragraph",
        &["“We will build,” Ruiz said. “It will take three years.”"],
        &[("ruiz", "cue"), ("ruiz", "continuation")],
    ),
    (
        "split quote",
        &["“We will build,” Ruiz said, “and it will be fast.”"],
        &[("ruiz", "cue"), ("ruiz", "cue")],
    ),
    (
        "description",
        &[
            "“We fear it,” a US official said.",
            "“It is code,” the official added.",
        ],
        &[("us-official", "cue"), ("us-official", "description")],
    ),
    (
        "description by class noun",
        &[
            "“Cuts are needed,” the finance ministry said.",
            "“No one is spared,” the ministry added.",
        ],
        &[("ministry", "cue"), ("ministry", "description")],
    ),
    (
        "description by role",
        &["“We will build,” Ruiz said.", "“Soon,” the mayor added."],
        &[("ruiz", "cue"), ("ruiz", "description")],
    ),
    (
        "scare quote",
        &["Countries define criticism as “criminal.”"],
        &[("-", "none")],
    ),
    (
        "title of a work",
        &["She watched the film “Casablanca” twice."],
        &[("-", "none")],
    ),
    (
        "nickname",
        &["Dwayne “The Rock” Johnson arrived."],
        &[("-", "none")],
    ),
    (
        "speaker not in the manifest",
        &["“We disagree,” said John Smith."],
        &[("-", "cue")],
    ),
    (
        "unknown speaker is not a wrong source",
        &[
            "“We will build,” Ruiz said.",
            "“We disagree,” a senior diplomat said.",
        ],
        &[("ruiz", "cue"), ("-", "cue")],
    ),
    (
        "pronoun after unknown speaker stays unknown",
        &[
            "“We will build,” Ruiz said.",
            "“We disagree,” said Mr John Smith.",
            "“Strongly,” he added.",
        ],
        &[("ruiz", "cue"), ("-", "cue"), ("-", "pronoun")],
    ),
    (
        "organisation through a spokesperson",
        &["“It is unlawful,” a spokeswoman for Human Rights Watch said."],
        &[("hrw", "cue")],
    ),
    (
        "british comma outside the mark",
        &["‘We will build’, said Ruiz."],
        &[("ruiz", "cue")],
    ),
    (
        "scare quote after attributed one is not a continuation",
        &[
            "“We will build,” Ruiz said.",
            "Critics call the plan “madness” in private.",
        ],
        &[("ruiz", "cue"), ("-", "cue")],
    ),
    (
        "participle after a dateline",
        &["SPRINGFIELD, Ill. — An Illinois appeals court on Monday overturned the conviction of Darnell Price, who has spent 19 years in prison, ruling that the fire science had been “thoroughly discredited.”"],
        &[("court", "cue")],
    ),
    (
        "naming verb with a definite subject after a fronted phrase",
        &["In a statement, the confederation called Volkova’s victory “a landmark for the game.”"],
        &[("pacc", "cue")],
    ),
    (
        "pronoun after a subject introduced by an alias and an appositive",
        &[
            "“I felt good all day,” Jansen told reporters.",
            "Her sports director at Team Veloria, Marc Dufresne, said he had told her to wait. “She didn't listen,” he said.",
        ],
        &[("jansen", "cue"), ("dufresne", "pronoun")],
    ),
    (
        "a shared surname means the namesake last in the story",
        &[
            "HAMTRAMCK, Mich. — At 4:15 every morning, Teresa Kowalczyk has unlocked the bakery.",
            "“People keep asking me if I’m sad,” Kowalczyk says.",
            "Her son, Michael Kowalczyk, 49, works alongside her. “Flour’s up,” he says.",
            "“My knees hurt,” Ms Kowalczyk says.",
        ],
        &[("teresa", "cue"), ("michael", "pronoun"), ("teresa", "cue")],
    ),
    (
        "a name before a prepositional phrase",
        &["“They did the right thing,” Inspector Alan McRae of Police Scotland, who led the search, told reporters."],
        &[("mcrae", "cue")],
    ),
    (
        "a plural subject takes they",
        &[
            "“A delicate stage,” a US official said.",
            "French officials, speaking in Boulogne, said the boat was full. ‘It was designed for fifteen,’ they said.",
        ],
        &[("us-official", "cue"), ("-", "pronoun")],
    ),
    (
        "a second quote in the same sentence",
        &["In a statement, Elena Ruiz said “we deeply regret” the breach and that the city had “moved immediately.”"],
        &[("ruiz", "cue"), ("ruiz", "cue")],
    ),
    (
        "a sentence that began in the previous paragraph",
        &["Elena Ruiz, the mayor, described the ruling as", "“long overdue.” She said more later."],
        &[("ruiz", "cue")],
    ),
    (
        "a noun in -ing is not a participle",
        &["Elena Ruiz liked the ruling and “the end of a long wait.”"],
        &[("-", "none")],
    ),
    (
        "an appositive with a preposition names the subject",
        &["Her rival, Didier Coppens of the Front wallon, conceded nothing. He called the result « a farce »."],
        &[("coppens", "pronoun")],
    ),
    (
        "a source cited with according to at a sentence's end is who it is",
        &["“We are ready,” said Elena Ruiz. The storm crossed the coast at about 2:10 p.m., according to Human Rights Watch. It described the surge as “historic.”"],
        &[("ruiz", "cue"), ("hrw", "pronoun")],
    ),
    (
        "a relative clause on a fronted phrase goes with it",
        &["“It is out,” said Daniel Okafor. At the fairgrounds, which has been turned into a shelter, Dale Ferris, 72, sat by his cat. “I’ve been through four of these,” he said."],
        &[("okafor", "cue"), ("-", "pronoun")],
    ),
    (
        "people named together are they",
        &["“We are ready,” said Elena Ruiz.", "Mai and Tuan Nguyen, who run a bait shop, tied their skiff to the porch. “We’ve got a boat,” they said."],
        &[("ruiz", "cue"), ("-", "pronoun")],
    ),
    (
        "a pronoun before a colon",
        &["Ruiz told the crowd the port had “kept us alive.” Then she turned to the manager: “Can we go over time?”"],
        &[("ruiz", "cue"), ("ruiz", "pronoun")],
    ),
    (
        "a time phrase between the subject and its verb",
        &["Elena Ruiz on Thursday urged councils to keep “every library open.”"],
        &[("ruiz", "cue")],
    ),
    (
        "an appositive and a relative clause before the verb",
        &["Dana Kim, chief of cardiology at a Chicago hospital, who was not involved in the research, called the results “genuinely important.”"],
        &[("kim", "cue")],
    ),
    (
        "a relative clause with commas of its own before the verb",
        &["The Audit Office report, which rates schools on scores, attendance and graduation, describes the results as “well below expectations.”"],
        &[("report", "cue")],
    ),
    (
        "a relative clause closed by a dash",
        &["Okafor, who tested it on waste — carpet, nets, tights — told reporters the results were “messier, but encouraging.”"],
        &[("okafor", "cue")],
    ),
    (
        "a quote in a relative clause, then reported speech, is no inversion",
        &["Daniel Okafor, who described the port as “a key link”, said the state would extend the quay."],
        &[("okafor", "cue")],
    ),
    (
        "put speaks only as put it",
        &["Ruiz wrote in a note to clients that the price put the glasses in “the same bracket as headsets.”"],
        &[("ruiz", "cue")],
    ),
    (
        "an earlier verb in a phrase of its own does not take the quote",
        &["In a statement released after the keynote, Brightwave said its store would launch with “more than 300 apps.”"],
        &[("brightwave", "cue")],
    ),
    (
        "a name with an ampersand in an appositive",
        &["Dana Kim, an analyst at Barlow & Finch, wrote that the price was “full but defensible.”"],
        &[("kim", "cue")],
    ),
    (
        "a progressive speech verb",
        &["Even as Brightwave was publicly promising a “swift and limited rollout,” staff were leaving."],
        &[("brightwave", "cue")],
    ),
    (
        "whose reply it was, before a colon",
        &["Asked whether the closure could be reversed, Okafor’s reply was brief: “We will see.”"],
        &[("okafor", "cue")],
    ),
    (
        "a name given in a relative clause is nobody's words",
        &["Brightwave said its app includes a cooking guide it calls “Sous.”"],
        &[("-", "none")],
    ),
    (
        "remembering saying it",
        &["“We’re going to lose the whole block,” Okafor remembers saying to his wife."],
        &[("okafor", "cue")],
    ),
    (
        "a quote that ends its sentence ends it for the next quote",
        &["The bid was one Brightwave dismissed as “derisory.” Two people familiar with it said it was worth less, a figure one of them called “frankly insulting.”"],
        &[("brightwave", "cue"), ("-", "none")],
    ),
    (
        "a cue-less answer to a question the writer asks",
        &["“We need a striker,” Okafor said.", "Had the owners sanctioned a bid? “Ask them.” Had he spoken to the agent? “Next question.”"],
        &[("okafor", "cue"), ("okafor", "continuation"), ("okafor", "continuation")],
    ),
    (
        "a colon after the clause that speaks, not the one before",
        &["The second time, after Ruiz objected, Okafor was blunt: “Save it.”"],
        &[("okafor", "cue")],
    ),
    (
        "the authors of the paper the text last named",
        &["The Audit Office report was published on Monday. In it, the authors write that councils “cut too deep.”"],
        &[("report", "description")],
    ),
    (
        "a second verb after the quote belongs to the sentence's subject",
        &["The complaint alleges that the ditches “function as conveyances,” and asks the court to act."],
        &[("complaint", "cue")],
    ),
    (
        "a body's office in a place",
        &["On Thursday the HRW office in Geneva issued a warning of “grave abuses” in the camps."],
        &[("hrw", "cue")],
    ),
    (
        "a capitalised title as a description",
        &["Mayor Elena Ruiz said: “No farmer will be displaced.” “We have nothing to hide,” the Mayor added."],
        &[("ruiz", "cue"), ("ruiz", "description")],
    ),
    (
        "the subject of a clause joined by a conjunction is remembered",
        &["The frost came in April, and Daniel Okafor remembers the sound of it. By three the blossoms were browning. “We will lose the block,” he said."],
        &[("okafor", "pronoun")],
    ),
    (
        "a lower-case title word before a role and a name",
        &["Saints head coach Dean Mallory was in no mood to apologise. ‘We’ll take it’, he told reporters."],
        &[("mallory", "pronoun")],
    ),
    (
        "an indefinite description of someone already named is someone else",
        &[
            "“It works,” said a developer at the launch.",
            "“It really works,” said Kenji Alvarez.",
            "“It is a screen strapped to a battery,” said a developer at a Seattle studio.",
        ],
        &[("alvarez", "description"), ("alvarez", "cue"), ("-", "cue")],
    ),
    (
        "an inversion after reported words makes its speaker the subject",
        &[
            "“Fine,” Okafor said.",
            "Changing a metric is not improper in itself, said Elena Ruiz, who teaches accounting. “Doing it quietly is,” she said.",
        ],
        &[("okafor", "cue"), ("ruiz", "pronoun")],
    ),
    (
        "a description up to a clause without that or which",
        &[
            "A memo prepared for the board in December acknowledged growth “driven by reactivation campaigns.”",
            "A memo Brightwave circulated to investors described “steady growth.”",
        ],
        &[("memo", "cue"), ("memo", "cue")],
    ),
    (
        "a name in apposition to a description before a colon",
        &["The harbour master, Daniel Okafor, sees no reason to change course: “The figures speak.”"],
        &[("okafor", "cue")],
    ),
    (
        "States after a capital is a name, not the verb",
        &["Gulf States Power said in a statement that crews would work “as soon as winds drop.”"],
        &[("gulf", "cue")],
    ),
    (
        "quoted as saying",
        &[
            "The Herald quoted Mayor Elena Ruiz, who leads the delegation, as saying that the city “will never accept” it.",
            "Okafor was quoted by the Herald as saying the port “is safe.”",
        ],
        &[("ruiz", "cue"), ("okafor", "cue")],
    ),
    (
        "a fronted phrase known by its second word",
        &[
            "“Oh, he has holed it!” said Daniel Okafor.",
            "Minutes later, standing behind the green with his cap pushed back, Marc Dufresne tried to explain. “I told myself to breathe,” he said.",
        ],
        &[("okafor", "cue"), ("dufresne", "pronoun")],
    ),
    (
        "a quote after a short sentence whose subject is a pronoun",
        &[
            "“Were you there?” Okafor asked. “Yes,” Elena Ruiz said.",
            "“Were you wearing them?” Okafor asked.",
            "She paused. “No. They were in my bag.”",
        ],
        &[("okafor", "cue"), ("ruiz", "cue"), ("okafor", "cue"), ("ruiz", "pronoun")],
    ),
    (
        "a clause on a participle belongs to the subject before it",
        &["A memo issued after the ministers met in Geneva said they were “gravely concerned.”"],
        &[("memo", "cue")],
    ),
    (
        "the attribution that ends the sentence, not for a name",
        &[
            "Crews would begin restoring service “as soon as winds drop” on Monday, Gulf States Power said.",
            "Ruiz held a call with the minister, and the two agreed to “keep talking” on trade, a memo of the call said.",
            "Crews watched a grizzly, ‘Marigold’ to the crowds, cross the line on Sunday, Gulf States Power said.",
            "The two agreed to “keep talking” on trade, a memo of the call released by the ministry said.",
            "Converters are known among scrap buyers as “cats” and fetch $150 apiece, Gulf States Power said.",
        ],
        &[("gulf", "cue"), ("memo", "cue"), ("-", "none"), ("memo", "cue"), ("-", "none")],
    ),
    (
        "an age as a description is the person the story is on",
        &["Okafor bowled 24 overs unchanged. “I was only trying to bowl in the right areas,” the 24-year-old said."],
        &[("okafor", "description")],
    ),
    (
        "repeated, radioed and hails are cues",
        &[
            "“No,” Okafor said.",
            "“At this time,” Elena Ruiz repeated.",
            "Ruiz hails “fearless” lower order",
        ],
        &[("okafor", "cue"), ("ruiz", "cue"), ("ruiz", "cue")],
    ),
    (
        "the verb after a quote may come past a long appositive",
        &["“We are looking at the fastest displacement in a decade,” Elena Ruiz, a spokesperson for the UN Office for the Coordination of Humanitarian Affairs (OCHA), told reporters at a briefing."],
        &[("ruiz", "cue")],
    ),
    (
        "someone introduced with a who-clause is who the story is about",
        &[
            "“Fine,” Dana Kim said.",
            "Among those sheltering there is Elena Ruiz, 34, who walked for four days from a village.",
            "“We heard the shooting at night,” she said.",
        ],
        &[("kim", "cue"), ("ruiz", "pronoun")],
    ),
    (
        "a fronted participle phrase is skipped for the subject",
        &["Writing in the Herald, the critic Elena Ruiz called it ‘handsome and heartfelt’, and argued that the ghost ‘explains too much’."],
        &[("ruiz", "cue"), ("ruiz", "cue")],
    ),
    (
        "and between titles before a name",
        &[
            "“Fine,” Elena Ruiz said.",
            "Co-founder and CTO Dana Kim struck a personal note on LinkedIn. “Three years ago I was an engineer,” she wrote.",
        ],
        &[("ruiz", "cue"), ("kim", "pronoun")],
    ),
    (
        "a participle with its agent introduces no quote",
        &["Okafor said convoys could not pass, and that the so-called “corridor” announced by the authorities existed “largely on paper.”"],
        &[("-", "none"), ("okafor", "cue")],
    ),
    (
        "a pronoun with a verb after it is no subject of a later cue",
        &[
            "Elena Ruiz told the committee the errors were “unacceptable.”",
            "But she resisted calls from senators for a licence, warning that one would “hand the future to three companies.”",
        ],
        &[("ruiz", "cue"), ("ruiz", "pronoun")],
    ),
    (
        "an appositive with figures",
        &["A spokesperson for Brightwave, a Boston rival that raised a $30 million round last fall, said the company “welcomes the attention.”"],
        &[("brightwave", "cue")],
    ),
    (
        "a quote opening a paragraph after a short sentence whose subject is a pronoun",
        &[
            "“Little bites,” said Elena Ruiz.",
            "Asked about the worst pie she ever tasted, she didn’t hesitate.",
            "“Oh, 1986. A lemon meringue.”",
        ],
        &[("ruiz", "cue"), ("ruiz", "pronoun")],
    ),
    (
        "a name in a quote nested in the quote is someone else's words",
        &[
            "“Fine,” said Elena Ruiz.",
            "“She came up to me and said, ‘Elena, I used my grandmother’s recipe.’ I said no,” she said.",
        ],
        &[("ruiz", "cue"), ("ruiz", "pronoun")],
    ),
    (
        "a reported clause far from its verb",
        &["Ruiz noted that notice of the hearing had been published on a Friday evening for a hearing on the following Monday, and that of the 3,112 objections received, the final order dealt with “not one in particular”."],
        &[("ruiz", "cue")],
    ),
    (
        "a court holding that, after a dateline with a colon",
        &["BENGALURU: The court on Thursday quashed an order that had permitted the felling of 1,840 trees, holding that the hearing had been “reduced to an empty ritual”."],
        &[("court", "cue")],
    ),
    (
        "an unnamed spokesman of the one body the sentence names",
        &["When I contacted Brightwave, a spokesman defended the decision. “The terms are clear,” he said."],
        &[("brightwave", "pronoun")],
    ),
    (
        "a clause opened by when after a quote is not its attribution",
        &["Okafor told the justices the records were “business records like any other,” and when Ruiz asked whether that was so, he conceded it."],
        &[("okafor", "cue")],
    ),
    (
        "a speech verb after a name is no plural noun",
        &["Lachlan agrees the picture is mixed, but says first-home buyers took a “modestly higher” share."],
        &[("lachlan", "cue")],
    ),
];

#[test]
fn table() {
    let engine = engine();
    let ids =
        |s: Option<usize>| s.map_or("-".to_owned(), |i| engine.manifest().sources[i].id.clone());
    let mut failures = Vec::new();
    for (name, paragraphs, expected) in ROWS {
        let page = Page::from_paragraphs(paragraphs.iter().copied());
        let report = engine.analyze(&page);
        let got: Vec<(String, String)> = report
            .quotes
            .iter()
            .map(|q| (ids(q.source), q.method.as_str().to_owned()))
            .collect();
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(s, m)| (s.to_string(), m.to_string()))
            .collect();
        if got != want {
            let detail: Vec<String> = report
                .quotes
                .iter()
                .map(|q| format!("{:?} speaker={:?} cue={:?}", q.text, q.speaker, q.cue))
                .collect();
            failures.push(format!(
                "{name}:\n   expected {want:?}\n   got      {got:?}\n   {detail:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_headline_quote_then_a_colon_names_its_speaker() {
    use crate::text::{BlockKind, ElementRole, PageBuilder};
    let mut b = PageBuilder::new();
    let blocks = [
        (
            BlockKind::Heading,
            "‘I wrote it to stay sane’: Elena Ruiz on her debut",
        ),
        (
            BlockKind::Paragraph,
            "‘It was cold’: the winter, as she tells it, was long.",
        ),
    ];
    for (i, (kind, text)) in blocks.into_iter().enumerate() {
        b.open(ElementRole::Block(kind));
        b.text(i as crate::text::NodeId, text);
        b.close(ElementRole::Block(kind));
    }
    let engine = engine();
    let report = engine.analyze(&b.finish());
    let sources: Vec<Option<&str>> = report
        .quotes
        .iter()
        .map(|q| q.source.map(|i| engine.manifest().sources[i].id.as_str()))
        .collect();
    // Only a heading reads that way; in a paragraph the colon says nothing.
    assert_eq!(sources, [Some("ruiz"), None]);
}
