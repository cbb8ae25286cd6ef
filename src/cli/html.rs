//! Reading an HTML file into the text model, natively.
//!
//! html5ever (through `scraper`) parses the page the way a browser does, and
//! one iterative walk feeds the same [`PageBuilder`] the DOM layer feeds, with
//! the same [`element_role`] decisions and the same root choice as the embed
//! script, so `scan` and the widget see the same text.
//!
//! [`read_document`] also keeps the parsed tree and, for each text node the
//! page was read from, its place in that tree, so `render` can write
//! annotations back into the very nodes the engine read.
//!
//! This module reads; it never decides what is a quote or who said it.

use crate::text::{element_role, skipped_by_attributes, ElementRole, NodeId, Page, PageBuilder};
use scraper::{ElementRef, Html, Node, Selector};
use std::fmt;

/// Why a page could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlError {
    /// The bytes are not UTF-8 (nor UTF-16 with a byte-order mark).
    Encoding {
        /// Offset of the first bad byte.
        offset: usize,
        /// Charset the page declares, if any.
        declared: Option<String>,
    },
    /// The bytes are not text at all (a PDF, an image, a compressed file).
    Binary {
        /// What the bytes look like, when the first bytes tell ("a PDF file").
        looks_like: Option<&'static str>,
    },
    /// The file is empty.
    Empty,
    /// The root selector matches nothing.
    NoRoot(String),
    /// A CSS selector the parser cannot read.
    BadSelector {
        /// Where it came from ("options.exclude[1]", "--root").
        origin: String,
        /// The selector.
        selector: String,
    },
}

impl fmt::Display for HtmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HtmlError::Encoding { offset, declared } => {
                write!(f, "not UTF-8 text (invalid byte at offset {offset})")?;
                match declared {
                    Some(cs) => write!(
                        f,
                        "; the page declares charset {cs}: convert it first, e.g. `iconv -f {cs} -t utf-8`"
                    ),
                    None => f.write_str("; convert it to UTF-8 first, e.g. `iconv -f windows-1252 -t utf-8`"),
                }
            }
            HtmlError::Binary { looks_like } => {
                f.write_str("not an HTML page: the file holds binary data")?;
                if let Some(kind) = looks_like {
                    write!(f, " (it looks like {kind})")?;
                }
                Ok(())
            }
            HtmlError::Empty => f.write_str("the page is empty"),
            HtmlError::NoRoot(sel) => write!(f, "the root selector \"{sel}\" matches no element"),
            HtmlError::BadSelector { origin, selector } => {
                write!(
                    f,
                    "{origin}: \"{selector}\" is not a CSS selector this tool can read"
                )
            }
        }
    }
}

impl std::error::Error for HtmlError {}

/// Decodes page bytes: UTF-8 (a BOM is dropped) or UTF-16 with a BOM.
/// Empty input and binary files (a PDF, an image, a gzip archive passed by
/// mistake) are refused with a message saying so.
pub fn decode(bytes: &[u8]) -> Result<String, HtmlError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode(rest);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(HtmlError::Empty);
    }
    let utf16 = |le: bool, rest: &[u8]| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| HtmlError::Encoding {
            offset: 2,
            declared: Some("utf-16".into()),
        })
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(true, rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(false, rest);
    }
    if let Some(looks_like) = binary(bytes) {
        return Err(HtmlError::Binary { looks_like });
    }
    std::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|e| HtmlError::Encoding {
            offset: e.valid_up_to(),
            declared: declared_charset(bytes),
        })
}

/// `Some` when `bytes` are binary rather than text: a NUL byte in the first
/// 8 KB (text never has one; UTF-16 was handled before, by its BOM), or a
/// well-known file signature. The inner value names the format when known.
fn binary(bytes: &[u8]) -> Option<Option<&'static str>> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF file"),
        (b"\x1f\x8b", "a gzip-compressed file: decompress it first"),
        (b"PK\x03\x04", "a zip archive (a .docx or .epub?)"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (
            b"\x28\xB5\x2F\xFD",
            "a zstd-compressed file: decompress it first",
        ),
    ];
    if let Some((_, kind)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(Some(kind));
    }
    bytes[..bytes.len().min(8192)].contains(&0).then_some(None)
}

/// The charset a `<meta>` declares, read crudely from the first 2 KB.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let value: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!value.is_empty() && value != "utf-8" && value != "utf8").then_some(value)
}

/// A parsed page: the tree, the article text read from it, and where each
/// text node of that text is in the tree.
pub struct Document {
    /// The parsed document, as a browser would build it.
    pub html: Html,
    /// The article text.
    pub page: Page,
    /// `nodes[id]` is the tree node of the text the page calls `id`.
    pub nodes: Vec<ego_tree::NodeId>,
}

/// Reads the article text of `html`. The root is `root` (a CSS selector),
/// else the first `article`, else `main`, else `body` — the embed script's
/// choice. Elements matching any of `exclude` are left out.
pub fn read_page(html: &str, root: Option<&str>, exclude: &[String]) -> Result<Page, HtmlError> {
    read_document(html, root, exclude).map(|d| d.page)
}

/// [`read_page`], keeping the tree and the text nodes' places in it.
pub fn read_document(
    html: &str,
    root: Option<&str>,
    exclude: &[String],
) -> Result<Document, HtmlError> {
    let doc = Html::parse_document(html);
    let selector = |origin: String, s: &str| {
        Selector::parse(s).map_err(|_| HtmlError::BadSelector {
            origin,
            selector: s.to_owned(),
        })
    };
    let excludes = exclude
        .iter()
        .enumerate()
        .map(|(i, s)| selector(format!("options.exclude[{i}]"), s))
        .collect::<Result<Vec<_>, _>>()?;
    let root = match root {
        Some(r) => doc
            .select(&selector("root".into(), r)?)
            .next()
            .ok_or_else(|| HtmlError::NoRoot(r.to_owned()))?,
        None => ["article", "main", "body"]
            .iter()
            .find_map(|s| {
                Selector::parse(s)
                    .ok()
                    .and_then(|sel| doc.select(&sel).next())
            })
            .unwrap_or_else(|| doc.root_element()),
    };
    let (page, nodes) = walk(root, &excludes);
    Ok(Document {
        html: doc,
        page,
        nodes,
    })
}

fn walk(root: ElementRef<'_>, excludes: &[Selector]) -> (Page, Vec<ego_tree::NodeId>) {
    use ego_tree::iter::Edge;
    let mut builder = PageBuilder::new();
    let mut nodes = Vec::new();
    let mut open: Vec<ElementRole> = Vec::new();
    // Depth inside a skipped element; 0 when reading.
    let mut skipping = 0usize;
    let mut next_id: NodeId = 0;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) if skipping == 0 => {
                    builder.text(next_id, text);
                    nodes.push(node.id());
                    next_id += 1;
                }
                Node::Element(_) => {
                    if skipping > 0 {
                        skipping += 1;
                        continue;
                    }
                    let Some(el) = ElementRef::wrap(node) else {
                        continue;
                    };
                    let role = role_of(el, excludes);
                    if role == ElementRole::Skip {
                        skipping = 1;
                    } else {
                        builder.open(role);
                        open.push(role);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if !node.value().is_element() {
                    continue;
                }
                if skipping > 0 {
                    skipping -= 1;
                } else if let Some(role) = open.pop() {
                    builder.close(role);
                }
            }
        }
    }
    (builder.finish(), nodes)
}

fn role_of(el: ElementRef<'_>, excludes: &[Selector]) -> ElementRole {
    let value = el.value();
    if skipped_by_attributes(|name| value.attr(name).map(str::to_owned)) {
        return ElementRole::Skip;
    }
    if excludes.iter().any(|s| s.matches(&el)) {
        return ElementRole::Skip;
    }
    element_role(&value.name().to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str, exclude: &[&str]) -> Vec<String> {
        let exclude: Vec<String> = exclude.iter().map(|s| s.to_string()).collect();
        read_page(html, None, &exclude)
            .unwrap()
            .blocks
            .iter()
            .map(|b| crate::text::collapse_whitespace(&b.text))
            .collect()
    }

    #[test]
    fn blocks_inline_skipped_and_excluded() {
        let html = "<html><body><nav>Menu “x”</nav><article><h1>Title</h1>\
            <p>A <em>b</em> <a href=#>c</a>.<br>Line &amp; “d”</p>\
            <script>var s = \"“no”\";</script><div class=ad>Buy “now”</div>\
            <p contenteditable>typed “text”</p><ul><li>one</li><li>two</li></ul></article></body></html>";
        assert_eq!(
            texts(html, &[".ad"]),
            ["Title", "A b c. Line & “d”", "one", "two"]
        );
    }

    #[test]
    fn root_falls_back_to_main_then_body() {
        let html = "<body><main><p>in main</p></main><p>outside</p></body>";
        assert_eq!(texts(html, &[]), ["in main"]);
        let html = "<body><p>only body</p></body>";
        assert_eq!(texts(html, &[]), ["only body"]);
    }

    #[test]
    fn decoding() {
        assert_eq!(decode(b"\xEF\xBB\xBFok").unwrap(), "ok");
        assert_eq!(decode(b"\xFF\xFEo\0k\0").unwrap(), "ok");
        let err = decode(b"<meta charset=\"windows-1252\">caf\xE9").unwrap_err();
        assert_eq!(
            err.to_string(),
            "not UTF-8 text (invalid byte at offset 32); the page declares charset windows-1252: \
             convert it first, e.g. `iconv -f windows-1252 -t utf-8`"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "<article>{}“deep,” he said{}</article>",
            "<span>".repeat(5000),
            "</span>".repeat(5000)
        );
        let page = read_page(&html, None, &[]).unwrap();
        assert_eq!(page.blocks.len(), 1);
    }
}
