// The merged event view: one real-world occurrence with every article that reported it.

import { counted, h, fill } from "./dom.js";

/**
 * Show a merged event and its member events (each `{id, local_id, article, sources, evidence}`).
 * @param {HTMLElement} container
 * @param {object} merged the merged event
 * @param {object[]} members its member events
 * @param {function(string, string): void} onOpen opens an article at one of its events
 */
export function renderMerged(container, merged, members, onOpen) {
  const where = merged.place ? merged.place.name : "unplaced";
  fill(
    container,
    h("h2", {}, `${merged.type}${merged.mode ? " / " + merged.mode : ""}`),
    h("p", { class: "meta" }, `${merged.date || "undated"} · ${where} · ${counted(merged.source_count, "source")} · confidence ${merged.confidence.toFixed(2)}`),
    h(
      "ol",
      { class: "members" },
      members.map((ev) =>
        h(
          "li",
          {},
          h(
            "button",
            { type: "button", class: "link", onclick: () => onOpen(ev.article, ev.local_id) },
            ev.sources[0]?.title || ev.article,
          ),
          ` ${ev.sources[0]?.published || ""}`,
          (ev.evidence || []).slice(0, 1).map((span) => h("q", {}, span.text)),
        ),
      ),
    ),
  );
}
