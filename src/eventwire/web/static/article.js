// The article view: the cleaned text, paragraph by paragraph, with entity and place mentions, event
// evidence and flag evidence highlighted by their offsets. Every piece of text goes in as a text node.

import { h, fill, safeLink } from "./dom.js";

/** An event's actor and recipient as "actor → recipient" (their text as the article words them). */
function parties(ev) {
  const [actor, recipient] = [ev.actor, ev.recipient].map((p) => (p ? p.text || p.name || "" : ""));
  return recipient ? `${actor || "?"} → ${recipient}` : actor;
}

/** Every highlight of a document: `[{start, end, kind, cls, label, event?}]`. */
export function annotations(doc, currentEvent) {
  const out = [];
  for (const entity of doc.entities || []) {
    for (const m of entity.mentions || []) {
      out.push({ ...m, kind: "entity", cls: `entity entity-${entity.type}`, label: `${entity.type}: ${entity.name}` });
    }
  }
  for (const place of doc.places || []) {
    for (const m of place.mentions || []) {
      const where = [place.name, place.admin1, place.country_code].filter(Boolean).join(", ");
      out.push({ ...m, kind: "place", cls: "place", label: `place: ${where}` });
    }
  }
  for (const ev of doc.events || []) {
    for (const span of ev.evidence || []) {
      const current = ev.id === currentEvent;
      out.push({
        ...span,
        kind: "evidence",
        cls: current ? "evidence current" : "evidence",
        label: `evidence of ${ev.type}${ev.mode ? " / " + ev.mode : ""} (${ev.id})`,
        event: ev.id,
      });
    }
  }
  for (const flag of doc.flags || []) {
    for (const span of flag.evidence || []) {
      out.push({ ...span, kind: "flag", cls: "flag-evidence", label: `flag: ${flag.kind}` });
    }
  }
  return out.filter((a) => Number.isInteger(a.start) && Number.isInteger(a.end) && a.end > a.start);
}

/** The nodes of `text[start:end]`, cut wherever an annotation starts or ends. */
export function segments(text, start, end, notes) {
  const inside = notes.filter((a) => a.start < end && a.end > start);
  const cuts = new Set([start, end]);
  for (const a of inside) {
    cuts.add(Math.max(a.start, start));
    cuts.add(Math.min(a.end, end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = inside.filter((n) => n.start <= a && n.end >= b);
    if (!covering.length) {
      nodes.push(piece);
      continue;
    }
    const classes = new Set(covering.flatMap((n) => n.cls.split(" ")));
    const events = covering.filter((n) => n.event).map((n) => n.event);
    nodes.push(
      h(
        "mark",
        {
          class: [...classes].join(" "),
          title: covering.map((n) => n.label).join("\n"),
          dataset: events.length ? { events: events.join(" ") } : {},
        },
        piece,
      ),
    );
  }
  return nodes;
}

function paragraphNode(doc, paragraph, notes) {
  const tag = paragraph.kind === "title" ? "h3" : "p";
  return h(tag, { class: `para para-${paragraph.kind}` }, segments(doc.text, paragraph.start, paragraph.end, notes));
}

/**
 * Render a document into the container.
 * @param {HTMLElement} container
 * @param {object} doc an `eventwire.document/1` object
 * @param {{event: string|null, onEvent: function(string): void}} options the event to emphasize
 */
export function renderArticle(container, doc, { event = null, onEvent = () => {} } = {}) {
  const notes = annotations(doc, event);
  const paragraphs = doc.paragraphs && doc.paragraphs.length
    ? doc.paragraphs
    : [{ index: 0, kind: "body", start: 0, end: doc.text.length }];
  const meta = h(
    "p",
    { class: "meta" },
    doc.published ? `published ${doc.published}` : "publication date unknown",
    doc.source && doc.source.url ? [" · ", safeLink(doc.source.url, "source")] : null,
    " · ",
    h("code", {}, doc.id.slice(0, 19)),
  );
  const events = h(
    "ul",
    { class: "article-events" },
    (doc.events || []).map((ev) =>
      h(
        "li",
        { class: ev.id === event ? "current" : "" },
        h(
          "button",
          { type: "button", class: "link", onclick: () => onEvent(ev.id) },
          `${ev.type}${ev.mode ? " / " + ev.mode : ""}`,
        ),
        ` ${[parties(ev), ev.date || "undated", ev.status].filter(Boolean).join(" · ")}`,
      ),
    ),
  );
  const flags = (doc.flags || []).map((flag) => h("li", { class: "flag" }, h("strong", {}, flag.kind), " ", flag.message));
  const legend = h(
    "p",
    { class: "legend" },
    h("mark", { class: "evidence current" }, "selected event's evidence"),
    " ",
    h("mark", { class: "evidence" }, "other evidence"),
    " ",
    h("mark", { class: "entity" }, "entity"),
    " ",
    h("mark", { class: "place" }, "place"),
    " ",
    h("mark", { class: "flag-evidence" }, "flagged"),
  );
  fill(
    container,
    h("h2", { class: "article-title" }, doc.title || "(no title)"),
    meta,
    legend,
    events.childElementCount ? [h("h4", {}, "Events"), events] : null,
    flags.length ? [h("h4", {}, "Flags"), h("ul", { class: "flags" }, flags)] : null,
    h("div", { class: "article-text" }, paragraphs.map((p) => paragraphNode(doc, p, notes))),
  );
  const first = container.querySelector("mark.evidence.current");
  if (first) first.scrollIntoView({ block: "center" });
}
