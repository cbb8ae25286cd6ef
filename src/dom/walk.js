// The DOM layer's walk over the article, in JavaScript: one call from the
// wasm reads the whole root, where walking it from Rust crossed into
// JavaScript five to ten times per node. See read.rs, which calls it.
//
// It decides nothing of its own. Which elements break blocks or are
// skipped comes from the core's table (text::ELEMENT_ROLES), handed in as
// `tags` and `codes`; whether a contenteditable value skips an element is
// asked of the core through `editable`. It only reads: it never changes the
// page.

const INLINE = 0; // role code of an element that does not break text
const SKIP = 1; // role code of an element whose contents are not read
const TEXT = 0; // event kinds, in an event's low two bits
const OPEN = 1;
const CLOSE = 2;

/// Reads the text under `root` (the root included).
///
/// - `tags`, `codes`: lower-case local names and their role codes; any
///   other element is inline (code 0). Code 1 skips the element.
/// - `exclude`: the manifest's CSS selectors; one the browser cannot parse
///   excludes nothing.
/// - `own`: the attribute our badges carry (never read back in).
/// - `editable(value)`: does this contenteditable value skip the element?
///
/// Returns { text, events, nodes }: the text of every text node read,
/// concatenated; one event per text node (its UTF-16 length × 4), element
/// opened (code × 4 + 1) or closed (code × 4 + 2), inline elements left
/// out; and the text nodes, in order.
export function readText(root, tags, codes, exclude, own, editable) {
  const roles = new Map();
  for (let i = 0; i < tags.length; i++) roles.set(tags[i], codes[i]);
  const valid = exclude.filter((selector) => {
    try {
      root.matches(selector);
      return true;
    } catch {
      return false;
    }
  });
  const excluded = valid.length > 0 ? valid.join(", ") : null;
  const role = (el) => {
    if (el.hasAttribute(own)) return SKIP;
    const value = el.getAttribute("contenteditable");
    if (value !== null && editable(value)) return SKIP;
    if (excluded !== null && el.matches(excluded)) return SKIP;
    const name = el.localName;
    return roles.get(name) ?? roles.get(name.toLowerCase()) ?? INLINE;
  };

  const text = [];
  const events = [];
  const nodes = [];
  const rootRole = role(root);
  if (rootRole === SKIP) return { text: "", events: new Uint32Array(0), nodes };
  if (rootRole !== INLINE) events.push(rootRole * 4 + OPEN);
  const open = []; // roles of the elements entered, innermost last
  let node = root.firstChild;
  while (node !== null) {
    let descend = false;
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      text.push(node.data);
      events.push(node.length * 4 + TEXT);
      nodes.push(node);
    } else if (type === 1) {
      const r = role(node);
      if (r !== SKIP) {
        if (r !== INLINE) events.push(r * 4 + OPEN);
        if (node.firstChild !== null) {
          open.push(r);
          descend = true;
        } else if (r !== INLINE) {
          events.push(r * 4 + CLOSE);
        }
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // The next node after this one's subtree, closing elements on the way up.
    while (node.nextSibling === null) {
      node = node.parentNode;
      if (node === root || node === null) {
        node = null;
        break;
      }
      const r = open.pop();
      if (r !== INLINE) events.push(r * 4 + CLOSE);
    }
    if (node !== null) node = node.nextSibling;
  }
  if (rootRole !== INLINE) events.push(rootRole * 4 + CLOSE);
  return { text: text.join(""), events: Uint32Array.from(events), nodes };
}
