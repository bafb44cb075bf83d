// The event table: one row per event (or merged event), headers that sort (by the API's `sort` keys),
// a choice of columns, a page size and a pager.

import { counted, h, fill } from "./dom.js";
import { placeText, sizeText } from "./card.js";

function party(p) {
  return p ? p.name || p.text || "" : "";
}

function source(ev) {
  if (ev.source_count === undefined) return ev.sources[0]?.title || "";
  return counted(ev.source_count, "source");
}

/** The columns: key, heading, the API sort key (null: not sortable), the cell's text. */
export const COLUMNS = [
  ["date", "Date", "date", (ev) => ev.date || ""],
  ["type", "Type", "type", (ev) => (ev.mode ? `${ev.type} / ${ev.mode}` : ev.type)],
  ["acled", "ACLED", null, (ev) => (ev.acled ? ev.acled.event_type : "")],
  ["actor", "Actor", "actor", (ev) => party(ev.actor)],
  ["recipient", "Recipient", null, (ev) => party(ev.recipient)],
  ["place", "Place", "place", (ev) => (ev.place ? ev.place.name : "")],
  ["region", "Region", null, (ev) => placeText(ev.place).split(", ").slice(1).join(", ")],
  ["status", "Status", "status", (ev) => ev.status || ""],
  ["fatalities", "Fatalities", "dead", (ev) => (ev.size && ev.size.dead !== null ? String(ev.size.dead) : "")],
  ["size", "Size", null, sizeText],
  ["confidence", "Confidence", "confidence", (ev) => ev.confidence.toFixed(2)],
  ["source", "Source", null, source],
];

/** The columns shown when none are chosen: fewer on a phone's width. */
export const DEFAULT_COLUMNS = window.matchMedia("(max-width: 700px)").matches
  ? ["date", "type", "actor", "place", "fatalities"]
  : ["date", "type", "actor", "recipient", "place", "status", "fatalities", "source"];

export const PAGE_SIZES = [10, 25, 50, 100];

export class EventTable {
  /**
   * @param {HTMLElement} container where the table and pager go
   * @param {{onSelect: function(object): void, onPage: function(number): void, onSort: function(string): void,
   *   onPageSize: function(number): void, onColumns: function(string[]): void}} options
   */
  constructor(container, options) {
    this.container = container;
    this.options = options;
  }

  /** Show one page (`{total, limit, offset, items}`) sorted by `sort`, with the `columns` chosen and the
   * selected event's row marked. */
  render(page, sort, columns, isSelected = () => false) {
    const shown = COLUMNS.filter(([key]) => columns.includes(key));
    const rows = page.items.map((ev) => {
      const row = h(
        "tr",
        {
          class: isSelected(ev) ? "event-row selected" : "event-row",
          tabindex: 0,
          dataset: { id: String(ev.id) },
          onclick: () => this.select(row, ev),
          onkeydown: (e) => e.key === "Enter" && this.select(row, ev),
        },
        shown.map(([key, , , cell]) => h("td", { class: `col-${key}` }, cell(ev))),
      );
      return row;
    });
    const head = shown.map(([key, name, sortKey]) => {
      if (!sortKey) return h("th", { scope: "col", class: `col-${key}` }, name);
      const way = sort === sortKey ? "ascending" : sort === `-${sortKey}` ? "descending" : "none";
      const next = way === "descending" ? sortKey : `-${sortKey}`;
      const mark = way === "ascending" ? " ▲" : way === "descending" ? " ▼" : "";
      return h(
        "th",
        { scope: "col", class: `col-${key}`, "aria-sort": way },
        h("button", { type: "button", class: "sort", dataset: { sort: sortKey }, onclick: () => this.options.onSort(next) }, name + mark),
      );
    });
    const table = h(
      "table",
      { class: "events" },
      h("thead", {}, h("tr", {}, head)),
      h("tbody", {}, rows.length ? rows : h("tr", {}, h("td", { colspan: shown.length }, "No events match."))),
    );
    fill(this.container, this.controls(page, columns), h("div", { class: "scroll" }, table), this.pager(page));
  }

  /** The page size and the column choice. */
  controls(page, columns) {
    const size = h(
      "select",
      { name: "page-size", onchange: (e) => this.options.onPageSize(Number(e.target.value)) },
      PAGE_SIZES.map((n) => h("option", { value: n, selected: n === page.limit }, `${n} a page`)),
    );
    const boxes = COLUMNS.map(([key, name]) =>
      h(
        "label",
        {},
        h("input", {
          type: "checkbox",
          name: `col-${key}`,
          checked: columns.includes(key),
          onchange: (e) => {
            const keep = COLUMNS.map(([k]) => k).filter((k) => (k === key ? e.target.checked : columns.includes(k)));
            if (keep.length) this.options.onColumns(keep);
          },
        }),
        ` ${name}`,
      ),
    );
    return h(
      "div",
      { class: "table-controls" },
      h("label", {}, "Rows ", size),
      h("details", { class: "columns" }, h("summary", {}, "Columns"), h("div", { class: "choices" }, boxes)),
    );
  }

  pager(page) {
    const last = Math.min(page.offset + page.items.length, page.total);
    return h(
      "div",
      { class: "pager" },
      h("button", { type: "button", disabled: page.offset === 0, onclick: () => this.options.onPage(Math.max(0, page.offset - page.limit)) }, "‹ Previous"),
      h("span", { class: "range" }, page.total ? `${page.offset + 1}–${last} of ${page.total}` : "0 of 0"),
      h("button", { type: "button", disabled: last >= page.total, onclick: () => this.options.onPage(page.offset + page.limit) }, "Next ›"),
    );
  }

  select(row, ev) {
    for (const other of this.container.querySelectorAll("tr.selected")) other.classList.remove("selected");
    row.classList.add("selected");
    this.options.onSelect(ev);
  }
}
