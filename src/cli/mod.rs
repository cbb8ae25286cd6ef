//! The `quote-attribution` command line, for publishers' build pipelines.
//!
//! It parses HTML natively ([`html`]), runs the same engine as the widget,
//! and prints. Commands:
//!
//! - `scan --manifest M.json --format json|text PAGE.html` — the quotes of a
//!   page, `{"quotes":[{"text","source","speaker","method",…}]}` in
//!   document order;
//! - `eval DIR…` — scores the engine on annotated pages (`NN.html`,
//!   `NN.manifest.json`, `NN.expected.json`): detection precision, recall
//!   and F1, and attribution accuracy.
//!
//! Exit codes: 0 done, 1 findings (`eval` below its goals), 2 unusable input
//! (a missing or unreadable file, a bad manifest), with the reason on stderr.
//! The CLI decides nothing itself: no rule about quotes lives here.

pub mod eval;
pub mod html;

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

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// For people.
    Text,
    /// `{"quotes":[…]}`, as the JS API returns.
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

fn io_reason(e: &std::io::Error) -> String {
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
