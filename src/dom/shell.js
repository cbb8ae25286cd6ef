// The DOM layer's JavaScript half: the loops that touch many nodes, run
// where touching a node is cheap. Each call from the wasm costs a crossing
// and its arguments' conversion, and walking the article or building a
// badge from Rust crossed five to thirty times per node or badge; here it
// is one crossing per article (readText) or per badge (Badges.add).
//
// It decides nothing of its own. Which elements break blocks or are skipped
// comes from the core's table (text::ELEMENT_ROLES), handed in as `tags` and
// `codes`; whether a contenteditable value skips an element is asked of the
// core through `editable`; what a badge says, and where it goes, comes from
// write.rs and badge.rs. Every string from the manifest or the page reaches
// the DOM as text or an attribute value, never as markup.

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

/// The badges of one annotate: a button in an open shadow root after each
/// quote, opening a card (a popover). badge.rs says why each attribute is
/// there; this class only builds and removes them.
export class Badges {
  /// `sheet`: the shadow roots' shared stylesheet; `theme`: the manifest's;
  /// `own`: the attribute that marks a badge's host (holding the quote's
  /// index); `onToggle(index, open, card, button, host)`: called as a card
  /// opens or closes (it fills the card on first open).
  constructor(doc, sheet, theme, own, onToggle) {
    this.doc = doc;
    this.sheets = [sheet];
    this.theme = theme;
    this.own = own;
    this.onToggle = onToggle;
    this.hosts = [];
  }

  /// Builds the badge of quote `index` and inserts it at UTF-16 `offset` of
  /// `text`: before or after the node at its edges, else between the two
  /// halves of a split, whose second half it returns (else null).
  add(index, source, label, state, short, text, offset) {
    const doc = this.doc;
    const host = doc.createElement("span");
    host.setAttribute(this.own, String(index));
    if (source !== undefined) host.setAttribute("data-qa-source", source);
    host.setAttribute("data-qa-theme", this.theme);
    const shadow = host.attachShadow({ mode: "open" });
    shadow.adoptedStyleSheets = this.sheets;

    const button = doc.createElement("button");
    button.setAttribute("type", "button");
    button.setAttribute("part", "badge");
    button.setAttribute("aria-label", label);
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "card");
    button.setAttribute("popovertarget", "card");
    button.setAttribute("data-state", state);
    button.textContent = short;

    const card = doc.createElement("div");
    card.id = "card";
    card.className = "card";
    card.popover = "auto";
    card.setAttribute("role", "group");
    card.setAttribute("aria-label", label);

    const print = doc.createElement("span");
    print.className = "print";
    print.setAttribute("aria-hidden", "true");
    print.textContent = ` [${label}]`;
    shadow.append(button, card, print);

    card.addEventListener("beforetoggle", (event) => {
      this.onToggle?.(index, event.newState === "open", card, button, host);
    });

    const parent = text.parentNode;
    if (parent === null) throw new Error("text node has no parent");
    let tail = null;
    if (offset === 0) parent.insertBefore(host, text);
    else if (offset >= text.length) parent.insertBefore(host, text.nextSibling);
    else {
      tail = text.splitText(offset);
      parent.insertBefore(host, tail);
    }
    this.hosts.push(host);
    return tail;
  }

  /// Takes every badge out, closing an open card first; later toggles of a
  /// card a page script kept are ignored.
  remove() {
    this.onToggle = null;
    for (const host of this.hosts) {
      const card = host.shadowRoot?.getElementById("card");
      if (card?.matches(":popover-open")) card.hidePopover();
      host.remove();
    }
    this.hosts = [];
  }
}

/// One static range (which the document never has to update as it
/// changes) from (startNode, startOffset) to (endNode, endOffset), added to
/// `highlight`; returned, to take out again.
export function highlightRange(highlight, startNode, startOffset, endNode, endOffset) {
  const range = new StaticRange({ startContainer: startNode, startOffset, endContainer: endNode, endOffset });
  highlight.add(range);
  return range;
}
