// Safe DOM building: data only ever reaches the page as text nodes or checked attributes, never as HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

function apply(node, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) {
      node.addEventListener(key.slice(2), value);
    } else if (key === "text") {
      node.textContent = String(value);
    } else if (key === "dataset") {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(key, String(value));
    }
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: `h("td", {class: "x", onclick: f}, "text", otherNode)`. Strings become text nodes. */
export function h(tag, props, ...children) {
  const node = document.createElement(tag);
  apply(node, props);
  return append(node, children);
}

/** An SVG element, built like `h`. */
export function s(tag, props, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  apply(node, props);
  return append(node, children);
}

/** A count with its noun, plural unless it is one: `counted(1, "source")` is "1 source". */
export function counted(n, noun, plural = `${noun}s`) {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** Remove every child of a node, then append the given ones. */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** A link to an http(s) URL, or plain text when the URL has any other scheme. */
export function safeLink(url, label) {
  try {
    const parsed = new URL(url, window.location.href);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") {
      return h("a", { href: parsed.href, rel: "noopener noreferrer", target: "_blank" }, label);
    }
  } catch {
    // not a URL: shown as text below
  }
  return h("span", {}, label);
}
