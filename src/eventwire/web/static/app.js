// The dashboard: the view lives in the address (state.js); this wires the filter form, map, timeline,
// summary, export link, event table, article view and flags to the API and to the browser's history.

import { getJSON } from "./api.js";
import { renderArticle } from "./article.js";
import { eventCard } from "./card.js";
import { counted, fill, h } from "./dom.js";
import { renderFlags } from "./flags.js";
import { EventMap } from "./map.js";
import { renderMerged } from "./merged.js";
import { FILTERS, readState, record } from "./state.js";
import { DEFAULT_COLUMNS, EventTable } from "./table.js";
import { Timeline, dayRange } from "./timeline.js";
import { features } from "./topo.js";

const MAP_LIMIT = Number(document.body.dataset.mapLimit) || 1000;
const PAGE = Number(document.body.dataset.pageSize) || 50;
const DAY = 86400000;
/** The parts of the view that change what is fetched (the others only change what is selected). */
const DATA_KEYS = ["merged", "sort", "limit", "offset", "cols", "bins"];

const form = document.getElementById("filters");
const articlePanel = document.getElementById("article");
const flagsPanel = document.getElementById("flags");
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
// A link from before the view moved into the query (#article=…&event=…) still opens its article.
if (/^#article=/.test(window.location.hash)) history.replaceState(null, "", `?${window.location.hash.slice(1)}`);
let state = readState();
let newest = null;

const map = new EventMap(document.getElementById("map"), {
  tilesUrl: document.body.dataset.tiles || "",
  legend: document.getElementById("legend"),
  card: (ev) =>
    eventCard(ev, select, (place) => go({ filters: { ...state.filters, place: place.name }, offset: "" })),
});
const timeline = new Timeline(document.getElementById("timeline"), document.getElementById("undated"), {
  onBrush: (since, until) => go({ filters: { ...state.filters, since, until }, offset: "" }, { fit: false }),
});
const table = new EventTable(document.getElementById("table"), {
  onSelect: (ev) => select(ev),
  onPage: (offset) => go({ offset: offset ? String(offset) : "" }, { fit: false }),
  onSort: (sort) => go({ sort: sort === "-date" ? "" : sort, offset: "" }, { fit: false }),
  onPageSize: (n) => go({ limit: n === PAGE ? "" : String(n), offset: "" }, { fit: false }),
  onColumns: (cols) => go({ cols: cols.join(",") === DEFAULT_COLUMNS.join(",") ? "" : cols.join(",") }, { fit: false }),
});

function merged() {
  return state.merged === "1";
}

function columns() {
  return state.cols ? state.cols.split(",") : DEFAULT_COLUMNS;
}

/** The filters the form describes, as query values. */
function formFilters() {
  const out = {};
  for (const name of FILTERS) {
    const field = form.elements[name];
    out[name] = field && field.type !== "checkbox" ? field.value.trim() : "";
  }
  const boxes = [...form.querySelectorAll(".statuses input")];
  const kept = boxes.filter((b) => b.checked).map((b) => b.value);
  out.status = kept.length && kept.length < boxes.length ? kept.join(",") : "";
  out.disputed = form.elements.disputed.checked ? "1" : "";
  return out;
}

/** Show a view's filters in the form. */
function fillForm() {
  for (const name of FILTERS) {
    const field = form.elements[name];
    if (field && field.type !== "checkbox") field.value = state.filters[name];
  }
  const kept = state.filters.status ? state.filters.status.split(",") : null;
  for (const box of form.querySelectorAll(".statuses input")) box.checked = !kept || kept.includes(box.value);
  form.elements.disputed.checked = Boolean(state.filters.disputed);
  form.elements.merged.checked = merged();
  form.elements.preset.value = "";
  document.getElementById("bins").value = state.bins;
  showCountryName();
  showDivisionName();
}

function showCountryName() {
  const code = form.elements.country.value.trim().toUpperCase();
  let name = "";
  try {
    name = /^[A-Z]{2}$/.test(code) ? regionNames.of(code) : "";
  } catch {
    name = "";
  }
  document.getElementById("country-name").textContent = name && name !== code ? name : "";
}

/** Show the name of the division whose code is in the Region field (nothing when no division has it). */
async function showDivisionName() {
  const code = form.elements.admin1.value.trim();
  const out = document.getElementById("admin1-name");
  if (!code) return (out.textContent = "");
  const response = await fetch(`/divisions/${encodeURIComponent(code)}`);
  if (form.elements.admin1.value.trim() !== code) return null;
  out.textContent = response.ok ? (await response.json()).name : "";
  return null;
}

/** Move to a new view: record it in the history, then fetch what changed. */
function go(changes, { replace = false, fit = true } = {}) {
  const before = state;
  state = { ...state, ...changes };
  record(state, replace);
  fillForm();
  show(before, fit, true);
}

/** Draw the view `state` after `before`: data when filters or list settings changed, then the selection. */
async function show(before, fit, user = false) {
  const dataChanged =
    !before || FILTERS.some((k) => before.filters[k] !== state.filters[k]) || DATA_KEYS.some((k) => before[k] !== state[k]);
  if (dataChanged) await refresh(fit);
  await showSelection(user);
}

function showError(error) {
  const box = document.getElementById("error");
  box.textContent = error ? String(error.message || error) : "";
  box.hidden = !error;
}

function places(events) {
  const keys = new Set();
  for (const ev of events) if (ev.place && ev.place.lat !== null) keys.add(`${ev.place.lat.toFixed(3)},${ev.place.lon.toFixed(3)}`);
  return keys.size;
}

async function refresh(fit) {
  showError(null);
  const path = merged() ? "/merged-events" : "/events";
  const filters = state.filters;
  const undated = { ...filters, since: "", until: "" };
  const dated = filters.since || filters.until;
  try {
    const [page, all, span, summary] = await Promise.all([
      getJSON(path, { ...filters, sort: state.sort, limit: state.limit || PAGE, offset: state.offset || 0 }),
      getJSON(path, { ...filters, limit: MAP_LIMIT }),
      dated ? getJSON(path, { ...undated, limit: MAP_LIMIT }) : null,
      getJSON("/summary", { ...filters, merged: merged() ? "true" : "" }),
    ]);
    table.render(page, state.sort || "-date", columns(), isSelected);
    map.setEvents(all.items, fit);
    timeline.setEvents((span || all).items, state.bins, filters.since, filters.until);
    const shown = all.total > all.items.length ? ` (map and timeline show the newest ${all.items.length})` : "";
    const noun = merged() ? "merged event" : "event";
    document.getElementById("counts").textContent = `${counted(all.total, noun)} at ${counted(places(all.items), "place")}${shown}`;
    document.getElementById("summary").textContent = [
      counted(summary.events, noun),
      counted(summary.fatalities, "fatality", "fatalities"),
      counted(summary.countries, "country", "countries"),
      counted(summary.sources, "source"),
    ].join(" · ");
    exportLink();
    document.body.dataset.ready = "true";
  } catch (error) {
    showError(error);
    document.body.dataset.ready = "true";
  }
}

function exportLink() {
  const format = document.getElementById("export-format").value;
  const query = new URLSearchParams({ format });
  for (const name of FILTERS) if (state.filters[name]) query.set(name, state.filters[name]);
  if (merged()) query.set("merged", "true");
  document.getElementById("export").href = `/export?${query}`;
}

/** Whether an event is the one selected. */
function isSelected(ev) {
  if (ev.source_count !== undefined) return String(ev.id) === state.merged_event;
  return ev.article === state.article && ev.local_id === state.event;
}

function showTab(name) {
  articlePanel.hidden = name !== "article";
  flagsPanel.hidden = name !== "flags";
  document.getElementById("tab-article").classList.toggle("active", name === "article");
  document.getElementById("tab-flags").classList.toggle("active", name === "flags");
}

/** Select an event (from the table or a map pop-up): its article, or the merged event's sources. */
function select(ev) {
  if (ev.source_count !== undefined) go({ merged_event: String(ev.id), article: "", event: "", tab: "" }, { fit: false });
  else go({ article: ev.article, event: ev.local_id, merged_event: "", tab: "" }, { fit: false });
}

async function showSelection(user) {
  showTab(state.tab === "flags" ? "flags" : "article");
  if (state.tab === "flags") return;
  if (state.merged_event) await showMerged(state.merged_event);
  else if (state.article) await openArticle(state.article, state.event || null);
  else fill(articlePanel, h("p", { class: "hint" }, "Click an event to read its article with the evidence highlighted."));
  const box = articlePanel.getBoundingClientRect();
  if (user && (state.article || state.merged_event) && (box.top < 0 || box.top > window.innerHeight - 80)) {
    articlePanel.scrollIntoView({ block: "start" });
  }
}

async function openArticle(id, eventId = null) {
  try {
    const doc = await getJSON(`/articles/${encodeURIComponent(id)}`);
    renderArticle(articlePanel, doc, {
      event: eventId,
      onEvent: (local) => go({ article: id, event: local, merged_event: "", tab: "" }, { fit: false }),
    });
  } catch (error) {
    fill(articlePanel, h("p", { class: "error" }, String(error.message || error)));
  }
}

async function showMerged(id) {
  try {
    const ev = await getJSON(`/merged-events/${encodeURIComponent(id)}`);
    const members = await Promise.all(ev.events.map((member) => getJSON(`/events/${member}`)));
    renderMerged(articlePanel, ev, members, (article, local) =>
      go({ article, event: local, merged_event: "", tab: "" }, { fit: false }),
    );
  } catch (error) {
    fill(articlePanel, h("p", { class: "error" }, String(error.message || error)));
  }
}

async function loadFlags() {
  try {
    renderFlags(flagsPanel, await getJSON("/flags", { limit: 200 }), (id) => go({ article: id, event: "", merged_event: "", tab: "" }, { fit: false }));
  } catch (error) {
    fill(flagsPanel, h("p", { class: "error" }, String(error.message || error)));
  }
}

async function loadBasemap() {
  const response = await fetch("/static/world-110m.json");
  map.setBasemap(features(await response.json(), "countries"));
}

/** The pickers' choices: actor names and the countries of the stored places, shown by name. */
async function loadChoices() {
  const [actors, placesPage, latest] = await Promise.all([
    getJSON("/actors", { limit: MAP_LIMIT }),
    getJSON("/places", { limit: MAP_LIMIT }),
    getJSON("/events", { limit: 1 }),
  ]);
  fill(document.getElementById("actor-names"), actors.items.map((a) => h("option", { value: a.name }, `${a.events} events`)));
  const codes = [...new Set(placesPage.items.map((p) => p.country_code).filter(Boolean))].sort();
  fill(document.getElementById("country-codes"), codes.map((c) => h("option", { value: c }, regionNames.of(c))));
  const range = latest.items.length ? dayRange(latest.items[0].date, latest.items[0].date_end) : null;
  newest = range ? range[1] : null;
}

function applyPreset(days) {
  if (!days || newest === null) return;
  form.elements.until.value = new Date(newest).toISOString().slice(0, 10);
  form.elements.since.value = new Date(newest - (Number(days) - 1) * DAY).toISOString().slice(0, 10);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  go({ filters: formFilters(), offset: "", merged: form.elements.merged.checked ? "1" : "", merged_event: "" });
});
form.addEventListener("reset", () =>
  setTimeout(() => go({ filters: readState("").filters, offset: "", merged: "", merged_event: "" })),
);
form.elements.merged.addEventListener("change", () => form.requestSubmit());
form.elements.preset.addEventListener("change", (e) => {
  applyPreset(e.target.value);
  form.requestSubmit();
});
form.elements.country.addEventListener("input", showCountryName);
form.elements.admin1.addEventListener("change", showDivisionName);
document.getElementById("bins").addEventListener("change", (e) => go({ bins: e.target.value }, { fit: false }));
document.getElementById("clear-dates").addEventListener("click", () =>
  go({ filters: { ...state.filters, since: "", until: "" }, offset: "" }, { fit: false }),
);
document.getElementById("export-format").addEventListener("change", exportLink);
document.getElementById("tab-article").addEventListener("click", () => go({ tab: "" }, { fit: false }));
document.getElementById("tab-flags").addEventListener("click", () => go({ tab: "flags" }, { fit: false }));
window.addEventListener("popstate", () => {
  const before = state;
  state = readState();
  fillForm();
  show(before, true);
});

if (window.matchMedia("(max-width: 700px)").matches) document.getElementById("filter-box").open = false;
fillForm();
await Promise.all([loadBasemap(), loadChoices(), loadFlags()]);
await show(null, true);
