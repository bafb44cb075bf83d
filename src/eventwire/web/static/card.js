// The event card: what an event is, who did it to whom, where, when, how big, who claims it, and its
// sources, as shown in the map's pop-ups. Text nodes only.

import { counted, h } from "./dom.js";

function party(p) {
  return p ? p.name || p.text || "" : "";
}

/** The event's size figures as words: "5 dead, 45 counted". */
export function sizeText(ev) {
  const words = { dead: "dead", injured: "injured", arrested: "arrested", count: "counted" };
  return Object.entries(words)
    .filter(([key]) => ev.size && ev.size[key] !== null && ev.size[key] !== undefined)
    .map(([key, word]) => `${ev.size[key]} ${word}`)
    .join(", ");
}

/** The place as "name, division, country code". */
export function placeText(place) {
  return place ? [place.name, place.admin1, place.country_code].filter(Boolean).join(", ") : "";
}

/**
 * The card of an event or merged event.
 * @param {object} ev the event
 * @param {function(object): void} onOpen opens the event's article (or merged event)
 * @param {function(object): void} onPlace filters the view to the event's place
 */
export function eventCard(ev, onOpen, onPlace) {
  const who = [party(ev.actor), party(ev.recipient)].filter(Boolean).join(" → ");
  const rows = [
    ["When", ev.date ? `${ev.date}${ev.date_end ? ` to ${ev.date_end}` : ""}` : "undated"],
    ["Who", who],
    ["Where", placeText(ev.place)],
    ["Status", ev.status],
    ["Size", sizeText(ev)],
    ["ACLED", ev.acled ? `${ev.acled.event_type} / ${ev.acled.sub_event_type}` : ""],
    ["Claims", (ev.claims || []).map((c) => `${c.speaker} (${c.stance})`).join("; ")],
    ["Sources", sourcesText(ev)],
    ["Confidence", ev.confidence.toFixed(2)],
  ].filter(([, value]) => value);
  return h(
    "div",
    { class: "event-card", dataset: { id: String(ev.id) } },
    h("h3", {}, ev.mode ? `${ev.type} / ${ev.mode}` : ev.type),
    h("dl", {}, rows.flatMap(([key, value]) => [h("dt", {}, key), h("dd", {}, value)])),
    h(
      "p",
      { class: "actions" },
      h("button", { type: "button", class: "link open", onclick: () => onOpen(ev) }, "Read the article"),
      ev.place ? h("button", { type: "button", class: "link here", onclick: () => onPlace(ev.place) }, `Only ${ev.place.name}`) : null,
    ),
  );
}

function sourcesText(ev) {
  const titles = (ev.sources || []).map((s) => s.title || s.path || s.article);
  const n = ev.source_count ?? titles.length;
  return `${counted(n, "source")}: ${titles.join("; ")}`;
}
