//! Reading a DOM subtree into the text model.
//!
//! One iterative depth-first walk (no recursion: 5,000 nested elements must
//! not overflow the stack). Which elements break blocks or are skipped is
//! the core's decision ([`element_role`]); this file only asks the DOM.

use crate::text::{element_role, skipped_by_attributes, ElementRole, NodeId, Page, PageBuilder};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Text};

/// A page read from the DOM, and the text nodes its [`NodeId`]s index.
pub struct DomPage {
    /// The text model.
    pub page: Page,
    /// `nodes[id]` is the text node with that id.
    pub nodes: Vec<Text>,
}

/// Reads `root`, leaving out elements matching any of `exclude` (CSS
/// selectors; one the browser cannot parse excludes nothing).
pub fn read(root: &Element, exclude: &[String]) -> DomPage {
    let mut builder = PageBuilder::new();
    let mut nodes: Vec<Text> = Vec::new();
    let root_role = role_of(root, exclude);
    if root_role == ElementRole::Skip {
        return DomPage {
            page: builder.finish(),
            nodes,
        };
    }
    builder.open(root_role);
    // Roles of the elements entered, innermost last, to close them in turn.
    let mut open: Vec<ElementRole> = Vec::new();
    let root_node: &Node = root.as_ref();
    let mut next = root_node.first_child();
    while let Some(node) = next {
        let mut descend = false;
        match node.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                if let Ok(text) = node.clone().dyn_into::<Text>() {
                    let id = nodes.len() as NodeId;
                    builder.text(id, &text.data());
                    nodes.push(text);
                }
            }
            Node::ELEMENT_NODE => {
                if let Some(el) = node.dyn_ref::<Element>() {
                    let role = role_of(el, exclude);
                    if role != ElementRole::Skip {
                        builder.open(role);
                        if node.has_child_nodes() {
                            open.push(role);
                            descend = true;
                        } else {
                            builder.close(role);
                        }
                    }
                }
            }
            _ => {}
        }
        next = if descend {
            node.first_child()
        } else {
            following(&node, root_node, &mut open, &mut builder)
        };
    }
    builder.close(root_role);
    DomPage {
        page: builder.finish(),
        nodes,
    }
}

/// The next node in document order after `node`'s subtree, closing the
/// elements left on the way up; `None` back at `root`.
fn following(
    node: &Node,
    root: &Node,
    open: &mut Vec<ElementRole>,
    builder: &mut PageBuilder,
) -> Option<Node> {
    let mut current = node.clone();
    loop {
        if let Some(sibling) = current.next_sibling() {
            return Some(sibling);
        }
        let parent = current.parent_node()?;
        if &parent == root {
            return None;
        }
        if let Some(role) = open.pop() {
            builder.close(role);
        }
        current = parent;
    }
}

fn role_of(el: &Element, exclude: &[String]) -> ElementRole {
    if skipped_by_attributes(|name| el.get_attribute(name)) {
        return ElementRole::Skip;
    }
    if exclude.iter().any(|sel| el.matches(sel).unwrap_or(false)) {
        return ElementRole::Skip;
    }
    element_role(&el.local_name().to_ascii_lowercase())
}
