//! The engine: a manifest compiled once, applied to pages.

use crate::detect::detect;
use crate::manifest::Manifest;
use crate::report::{Annotation, Method, Report, Span};
use crate::text::{collapse_whitespace, Page};

/// A manifest made ready to annotate pages.
#[derive(Clone, Debug)]
pub struct Engine {
    manifest: Manifest,
}

impl Engine {
    /// Compiles `manifest`.
    pub fn new(manifest: Manifest) -> Engine {
        Engine { manifest }
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Finds and attributes every quotation on `page`.
    pub fn analyze(&self, page: &Page) -> Report {
        let quotes = detect(page)
            .into_iter()
            .map(|q| {
                let parts: Vec<Span> = q
                    .parts
                    .iter()
                    .map(|p| Span {
                        block: p.block,
                        range: p.content.clone(),
                    })
                    .collect();
                let text = parts
                    .iter()
                    .map(|s| collapse_whitespace(&page.blocks[s.block].text[s.range.clone()]))
                    .collect::<Vec<_>>()
                    .join(" ");
                let last = q.last();
                Annotation {
                    anchor: (last.block, last.close.end.max(last.content.end)),
                    parts,
                    text,
                    source: None,
                    speaker: None,
                    cue: None,
                    method: Method::None,
                    explicit: None,
                    origin: Some(q.origin),
                }
            })
            .collect();
        Report { quotes }
    }
}
