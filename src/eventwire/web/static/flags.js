// The flags panel: what a careful reader would question, each with its evidence and its article.

import { h, fill } from "./dom.js";

/**
 * Show a page of flags (`{items: [{kind, message, evidence, article, title, published}]}`).
 * @param {HTMLElement} container
 * @param {object} page
 * @param {function(string): void} onOpen opens an article by id
 */
export function renderFlags(container, page, onOpen) {
  const items = page.items.map((flag) =>
    h(
      "li",
      { class: `flag flag-${flag.kind}` },
      h("span", { class: "kind" }, flag.kind),
      " ",
      flag.message,
      (flag.evidence || []).slice(0, 2).map((span) => h("q", {}, span.text)),
      h("button", { type: "button", class: "link", onclick: () => onOpen(flag.article) }, flag.title || "(no title)"),
    ),
  );
  fill(
    container,
    h("h2", {}, `Flags (${page.total})`),
    items.length ? h("ul", { class: "flags" }, items) : h("p", {}, "Nothing flagged."),
  );
}
