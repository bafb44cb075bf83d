// The event table: one row per event (or merged event), a pager, and row selection.

import { counted, h, fill } from "./dom.js";

function size(ev) {
  const parts = [];
  for (const key of ["dead", "injured", "arrested", "count"]) {
    if (ev.size && ev.size[key] !== null && ev.size[key] !== undefined) parts.push(`${key} ${ev.size[key]}`);
  }
  return parts.join(", ");
}

function party(p) {
  return p ? p.name || p.text || "" : "";
}

function source(ev) {
  if (ev.source_count === undefined) return ev.sources[0]?.title || "";
  return counted(ev.source_count, "source");
}

const COLUMNS = [
  ["Date", (ev) => ev.date || ""],
  ["Type", (ev) => (ev.mode ? `${ev.type} / ${ev.mode}` : ev.type)],
  ["Actor", (ev) => party(ev.actor)],
  ["Recipient", (ev) => party(ev.recipient)],
  ["Place", (ev) => (ev.place ? ev.place.name : "")],
  ["Status", (ev) => ev.status || ""],
  ["Size", size],
  ["Source", source],
];

export class EventTable {
  /**
   * @param {HTMLElement} container where the table and pager go
   * @param {{onSelect: function(object): void, onPage: function(number): void}} options
   */
  constructor(container, { onSelect = () => {}, onPage = () => {} } = {}) {
    this.container = container;
    this.onSelect = onSelect;
    this.onPage = onPage;
  }

  /** Show one page: `{total, limit, offset, items}`. */
  render(page) {
    const rows = page.items.map((ev) => {
      const row = h(
        "tr",
        {
          class: "event-row",
          tabindex: 0,
          dataset: { id: String(ev.id) },
          onclick: () => this.select(row, ev),
          onkeydown: (e) => e.key === "Enter" && this.select(row, ev),
        },
        COLUMNS.map(([name, cell]) => h("td", { class: `col-${name.toLowerCase()}` }, cell(ev))),
      );
      return row;
    });
    const table = h(
      "table",
      { class: "events" },
      h("thead", {}, h("tr", {}, COLUMNS.map(([name]) => h("th", { scope: "col" }, name)))),
      h("tbody", {}, rows.length ? rows : h("tr", {}, h("td", { colspan: COLUMNS.length }, "No events match."))),
    );
    const last = Math.min(page.offset + page.items.length, page.total);
    const pager = h(
      "div",
      { class: "pager" },
      h("button", { type: "button", disabled: page.offset === 0, onclick: () => this.onPage(Math.max(0, page.offset - page.limit)) }, "‹ Previous"),
      h("span", { class: "range" }, page.total ? `${page.offset + 1}–${last} of ${page.total}` : "0 of 0"),
      h("button", { type: "button", disabled: last >= page.total, onclick: () => this.onPage(page.offset + page.limit) }, "Next ›"),
    );
    fill(this.container, table, pager);
  }

  select(row, ev) {
    for (const other of this.container.querySelectorAll("tr.selected")) other.classList.remove("selected");
    row.classList.add("selected");
    this.onSelect(ev);
  }
}
