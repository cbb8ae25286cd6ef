//! The `quote-attribution` command line, for publishers' build pipelines.
//!
//! It parses HTML natively ([`html`]), runs the same engine as the widget,
//! and prints. Commands:
//!
//! - `scan --manifest M.json --format json|text PAGE.html` — the quotes of a
//!   page, `{"quotes":[{"text","source","speaker","method",…}]}` in
//!   document order;
//! - `check --manifest M.json PAGE.html…` — a manifest against its pages
//!   ([`check`]): quotes not found, sources unused, speakers missing,
//!   aliases claimed twice, validation problems;
//! - `draft PAGE.html` — a manifest skeleton from the page's speakers
//!   ([`draft`]);
//! - `render --manifest M.json PAGE.html` — the page with its annotations
//!   written in as static HTML, no script needed ([`render`]);
//! - `eval DIR…` — scores the engine on annotated pages (`NN.html`,
//!   `NN.manifest.json`, `NN.expected.json`): detection precision, recall
//!   and F1, and attribution accuracy.
//!
//! Exit codes: 0 done, 1 findings (`check` errors or warnings, `eval` below
//! its goals), 2 unusable input (a missing or unreadable file, a bad
//! manifest), with the reason on stderr.
//!
//! The CLI decides nothing itself: no rule about quotes lives here. Where a
//! command needs an answer the engine keeps to itself (where an explicit
//! quote was found), it asks the same core types through their public API
//! ([`explicit`]); where it proposes manifest text (ids, names, kinds), that
//! is [`speakers`], and it reaches readers only through an editor.

pub mod check;
pub mod draft;
pub mod eval;
pub mod explicit;
pub mod html;
pub mod render;
pub mod speakers;

use crate::manifest::{self, Loaded, Manifest};
use crate::report::Output;
use crate::text::Page;
use crate::Engine;
use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(
    name = "quote-attribution",
    version,
    about = "Finds every quotation in a news page and who said it.",
    long_about = "Finds every quotation in a news page and who said it, linked to the \
        sources of a publisher's JSON manifest (docs/manifest.md)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lists the quotations of a page and their sources.
    #[command(
        after_help = "Example:\n  quote-attribution scan --manifest quotes.json --format json article.html\n  \
        curl -s https://example.org/story | quote-attribution scan --manifest quotes.json -"
    )]
    Scan {
        /// The manifest (JSON). Without one, quotes are found but no source is named.
        #[arg(long, short)]
        manifest: Option<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// CSS selector of the article root (default: the manifest's
        /// options.root, else article, main, body).
        #[arg(long)]
        root: Option<String>,
        /// The page (HTML); `-` reads standard input.
        page: PathBuf,
    },
    /// Checks a manifest against the pages it is for.
    #[command(
        long_about = "Checks a manifest against the pages it is for: manifest quotes not found \
            on a page (with the closest text and its edit distance), sources no quote uses, \
            speakers the page names who are not in the manifest (with the alias or source to \
            add), quotes with no source, names two sources claim, and every validation \
            problem of the manifest.\n\n\
            Exit status: 0 clean (notes only), 1 errors or warnings, 2 a file could not be \
            read.",
        after_help = "Example:\n  quote-attribution check --manifest quotes.json article.html\n  \
        quote-attribution check --format json site/articles/   # each NAME.html with NAME.manifest.json"
    )]
    Check {
        /// The manifest (JSON). Without it, each NAME.html is checked against
        /// NAME.manifest.json beside it.
        #[arg(long, short)]
        manifest: Option<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// CSS selector of the article root (default: the manifest's
        /// options.root, else article, main, body).
        #[arg(long)]
        root: Option<String>,
        /// Worker threads (default: one per core).
        #[arg(long, short, default_value_t = 0)]
        jobs: usize,
        /// The pages (HTML), or directories of them; `-` reads standard input.
        #[arg(required = true)]
        pages: Vec<PathBuf>,
    },
    /// Drafts a manifest from the speakers of a page, for an editor to confirm.
    #[command(
        long_about = "Drafts a v1 manifest from the speakers the engine finds on a page: one \
            source per speaker (slugged id, the name as written with titles kept as role, \
            the aliases the page uses, a guessed kind), and every attributed quote listed with \
            its guessed source for the publisher to confirm. Prints JSON to standard output.",
        after_help = "Example:\n  quote-attribution draft article.html > article.manifest.json\n  \
        quote-attribution check --manifest article.manifest.json article.html"
    )]
    Draft {
        /// CSS selector of the article root (default: article, main, body);
        /// recorded in the manifest's options.
        #[arg(long)]
        root: Option<String>,
        /// The page (HTML); `-` reads standard input.
        page: PathBuf,
    },
    /// Writes a page with its quotes marked and their sources as static HTML.
    #[command(
        long_about = "Writes the page with every quote wrapped in <mark data-qa-mark> and a \
            source badge as <details class=\"qa-badge\"> with the words of the widget's source \
            card, plus a <style> block: for static sites, RSS and readers without JavaScript. \
            The badge follows the quote, or the paragraph (or heading, or link) the quote is in, \
            since HTML allows no <details> inside them. The widget's own <script> tags are left \
            out; nothing else changes.",
        after_help = "Example:\n  quote-attribution render --manifest quotes.json article.html > annotated.html"
    )]
    Render {
        /// The manifest (JSON). Without one, quotes are marked but no source is named.
        #[arg(long, short)]
        manifest: Option<PathBuf>,
        /// CSS selector of the article root (default: the manifest's
        /// options.root, else article, main, body).
        #[arg(long)]
        root: Option<String>,
        /// The page (HTML); `-` reads standard input.
        page: PathBuf,
    },
    /// Scores the engine on annotated pages: NN.html, NN.manifest.json and
    /// NN.expected.json in each directory.
    #[command(after_help = "Example:\n  quote-attribution eval tests/corpus")]
    Eval {
        /// Directories of annotated pages.
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// Print each disagreement.
        #[arg(long, short)]
        verbose: bool,
    },
}

/// How a command prints.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// `{"quotes":[…]}`, as the JS API returns.
    Json,
}

/// How `check` prints.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum CheckFormat {
    /// One line per finding (`file: [path: ]severity: message`), then a summary.
    Text,
    /// `{"pages", "findings", "summary"}`, for scripts (docs/cli.md).
    Json,
}

/// A failure that makes the input unusable (exit code 2).
#[derive(Debug)]
pub struct Unusable(pub String);

impl std::fmt::Display for Unusable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Runs the CLI on `args` (program name first) and returns the exit code.
pub fn main(args: Vec<OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let result = match cli.command {
        Command::Scan {
            manifest,
            format,
            root,
            page,
        } => scan(manifest.as_deref(), format, root.as_deref(), &page),
        Command::Check {
            manifest,
            format,
            root,
            jobs,
            pages,
        } => check::run(&check::Args {
            manifest: manifest.as_deref(),
            pages: &pages,
            root: root.as_deref(),
            format: match format {
                CheckFormat::Text => Format::Text,
                CheckFormat::Json => Format::Json,
            },
            jobs,
        }),
        Command::Draft { root, page } => draft_command(root.as_deref(), &page),
        Command::Render {
            manifest,
            root,
            page,
        } => render::run(manifest.as_deref(), root.as_deref(), &page),
        Command::Eval { dirs, verbose } => eval::run(&dirs, verbose),
    };
    match result {
        Ok(code) => code,
        Err(Unusable(message)) => {
            eprintln!("quote-attribution: {message}");
            2
        }
    }
}

/// Reads a file, or standard input for `-`.
pub fn read_input(path: &Path) -> Result<Vec<u8>, Unusable> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Unusable(format!("cannot read standard input: {e}")))?;
        return Ok(bytes);
    }
    std::fs::read(path)
        .map_err(|e| Unusable(format!("cannot read {}: {}", path.display(), io_reason(&e))))
}

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Loads and validates a manifest file, printing its warnings to stderr.
pub fn load_manifest(path: Option<&Path>) -> Result<Manifest, Unusable> {
    let Some(path) = path else {
        return Ok(Manifest::default());
    };
    let bytes = read_input(path)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Unusable(format!(
            "{}: the manifest is not UTF-8 text",
            path.display()
        ))
    })?;
    let Loaded {
        manifest, warnings, ..
    } = manifest::parse(&text).map_err(|problems| {
        let list: Vec<String> = problems.0.iter().map(|p| format!("  {p}")).collect();
        Unusable(format!(
            "{}: the manifest has {} problem{}:\n{}",
            path.display(),
            list.len(),
            if list.len() == 1 { "" } else { "s" },
            list.join("\n")
        ))
    })?;
    for w in warnings {
        eprintln!("quote-attribution: {}: warning: {w}", path.display());
    }
    Ok(manifest)
}

/// Reads a page file into the text model.
pub fn load_page(path: &Path, root: Option<&str>, manifest: &Manifest) -> Result<Page, Unusable> {
    let bytes = read_input(path)?;
    let html = html::decode(&bytes).map_err(|e| Unusable(format!("{}: {e}", path.display())))?;
    let root = root.or(manifest.options.root.as_deref());
    html::read_page(&html, root, &manifest.options.exclude)
        .map_err(|e| Unusable(format!("{}: {e}", path.display())))
}

/// The report of one page, as the JS API would return it.
pub fn scan_page(engine: &Engine, page: &Page) -> Output {
    engine.analyze(page).to_output(engine.manifest())
}

fn scan(
    manifest: Option<&Path>,
    format: Format,
    root: Option<&str>,
    page: &Path,
) -> Result<i32, Unusable> {
    let manifest = load_manifest(manifest)?;
    let page = load_page(page, root, &manifest)?;
    let engine = Engine::new(manifest);
    let output = scan_page(&engine, &page);
    let mut out = std::io::stdout().lock();
    let written = match format {
        Format::Json => match serde_json::to_string_pretty(&output) {
            Ok(json) => writeln!(out, "{json}"),
            Err(e) => Err(std::io::Error::other(e)),
        },
        Format::Text => write_text(&mut out, &output, engine.manifest()),
    };
    // A closed pipe (`| head`) is not an error worth a message.
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Unusable(format!("cannot write the output: {e}")))
        }
        _ => Ok(0),
    }
}

fn write_text(out: &mut impl Write, output: &Output, manifest: &Manifest) -> std::io::Result<()> {
    if output.quotes.is_empty() {
        return writeln!(out, "No quotations found.");
    }
    for q in &output.quotes {
        writeln!(out, "{:>3}. “{}”", q.index + 1, q.text)?;
        let who = match (&q.source, &q.speaker) {
            (Some(id), _) => {
                let name = manifest
                    .sources
                    .iter()
                    .find(|s| &s.id == id)
                    .map_or("", |s| s.name.as_str());
                format!("{name} [{id}]")
            }
            (None, Some(speaker)) => format!("{speaker} (not in the manifest)"),
            (None, None) => "unattributed".to_owned(),
        };
        let how = match &q.cue {
            Some(cue) => format!("{}: “{cue}”", q.method),
            None => q.method.to_owned(),
        };
        writeln!(out, "     — {who}; {how}")?;
    }
    Ok(())
}

/// `draft`: the manifest on standard output, what was left out on stderr.
fn draft_command(root: Option<&str>, path: &Path) -> Result<i32, Unusable> {
    let page = load_page(path, root, &Manifest::default())?;
    let drafted = draft::draft(&page, root);
    let json = serde_json::to_string_pretty(&drafted)
        .map_err(|e| Unusable(format!("cannot write the manifest: {e}")))?;
    write_stdout(&format!("{json}\n"))?;
    let n = drafted.left_out.len();
    eprintln!(
        "quote-attribution: drafted {} source{} and {} quote{}{}; review every entry, then run \
         `quote-attribution check`",
        drafted.sources.len(),
        if drafted.sources.len() == 1 { "" } else { "s" },
        drafted.quotes.len(),
        if drafted.quotes.len() == 1 { "" } else { "s" },
        if n > 0 {
            format!(
                " ({n} quote{} left out: no source found; `check` lists them)",
                if n == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        }
    );
    Ok(0)
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
pub(crate) fn write_stdout(text: &str) -> Result<(), Unusable> {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Unusable(format!("cannot write the output: {e}")))
        }
        _ => Ok(()),
    }
}
