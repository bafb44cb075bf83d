// The dashboard: wires the filter form, map, timeline, event table, article view and flags to the API.

import { getJSON } from "./api.js";
import { renderArticle } from "./article.js";
import { counted, fill, h } from "./dom.js";
import { renderFlags } from "./flags.js";
import { WorldMap } from "./map.js";
import { renderMerged } from "./merged.js";
import { EventTable } from "./table.js";
import { Timeline } from "./timeline.js";
import { features } from "./topo.js";

const MAP_LIMIT = Number(document.body.dataset.mapLimit) || 1000;
const PAGE = Number(document.body.dataset.pageSize) || 50;
const FILTERS = ["type", "place", "country", "admin1", "near", "since", "until", "actor", "q"];

const form = document.getElementById("filters");
const articlePanel = document.getElementById("article");
const flagsPanel = document.getElementById("flags");
const state = { offset: 0 };

const map = new WorldMap(document.getElementById("map"), {
  tilesUrl: document.body.dataset.tiles || "",
  onPick: (group) => {
    form.elements.place.value = group.name;
    search();
  },
});
const timeline = new Timeline(document.getElementById("timeline"), {
  onPick: (since, until) => {
    form.elements.since.value = since;
    form.elements.until.value = until;
    search();
  },
});
const table = new EventTable(document.getElementById("table"), {
  onSelect: (ev) => (merged() ? showMerged(ev) : openArticle(ev.article, ev.local_id)),
  onPage: (offset) => {
    state.offset = offset;
    refresh(false);
  },
});

function merged() {
  return form.elements.merged.checked;
}

function filters() {
  const out = {};
  for (const name of FILTERS) out[name] = form.elements[name].value.trim();
  return out;
}

function showError(error) {
  const box = document.getElementById("error");
  box.textContent = error ? String(error.message || error) : "";
  box.hidden = !error;
}

function showTab(name) {
  articlePanel.hidden = name !== "article";
  flagsPanel.hidden = name !== "flags";
  document.getElementById("tab-article").classList.toggle("active", name === "article");
  document.getElementById("tab-flags").classList.toggle("active", name === "flags");
}

/** Events grouped by place coordinates, for the map's markers. */
function byPlace(events) {
  const groups = new Map();
  for (const ev of events) {
    const place = ev.place;
    if (!place || place.lat === null || place.lon === null) continue;
    const key = `${place.lat.toFixed(3)},${place.lon.toFixed(3)}`;
    if (!groups.has(key)) groups.set(key, { key, name: place.name, lat: place.lat, lon: place.lon, events: [] });
    groups.get(key).events.push(ev);
  }
  return [...groups.values()];
}

async function refresh(fit = true) {
  showError(null);
  const path = merged() ? "/merged-events" : "/events";
  try {
    const [page, all] = await Promise.all([
      getJSON(path, { ...filters(), limit: PAGE, offset: state.offset }),
      getJSON(path, { ...filters(), limit: MAP_LIMIT }),
    ]);
    table.render(page);
    const groups = byPlace(all.items);
    map.setPlaces(groups, fit);
    timeline.setEvents(all.items);
    const shown = all.total > all.items.length ? ` (map and timeline show the newest ${all.items.length})` : "";
    document.getElementById("counts").textContent =
      `${counted(all.total, merged() ? "merged event" : "event")} at ${counted(groups.length, "place")}${shown}`;
    document.body.dataset.ready = "true";
  } catch (error) {
    showError(error);
  }
}

function search() {
  state.offset = 0;
  refresh(true);
}

async function openArticle(id, eventId = null) {
  showTab("article");
  try {
    const doc = await getJSON(`/articles/${encodeURIComponent(id)}`);
    renderArticle(articlePanel, doc, { event: eventId, onEvent: (local) => openArticle(id, local) });
    const hash = new URLSearchParams({ article: id, ...(eventId ? { event: eventId } : {}) });
    history.replaceState(null, "", `#${hash}`);
    map.highlight(new Set((doc.places || []).map((p) => p.name)));
  } catch (error) {
    fill(articlePanel, h("p", { class: "error" }, String(error.message || error)));
  }
}

async function showMerged(ev) {
  showTab("article");
  try {
    const members = await Promise.all(ev.events.map((id) => getJSON(`/events/${id}`)));
    renderMerged(articlePanel, ev, members, openArticle);
  } catch (error) {
    fill(articlePanel, h("p", { class: "error" }, String(error.message || error)));
  }
}

async function loadFlags() {
  try {
    renderFlags(flagsPanel, await getJSON("/flags", { limit: 200 }), (id) => openArticle(id));
  } catch (error) {
    fill(flagsPanel, h("p", { class: "error" }, String(error.message || error)));
  }
}

async function loadBasemap() {
  const response = await fetch("/static/world-110m.json");
  map.setBasemap(features(await response.json(), "countries"));
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  search();
});
form.addEventListener("reset", () => setTimeout(search));
form.elements.merged.addEventListener("change", search);
document.getElementById("zoom-in").addEventListener("click", () => map.zoom(0.66));
document.getElementById("zoom-out").addEventListener("click", () => map.zoom(1.5));
document.getElementById("zoom-fit").addEventListener("click", () => map.refit());
document.getElementById("tab-article").addEventListener("click", () => showTab("article"));
document.getElementById("tab-flags").addEventListener("click", () => showTab("flags"));

showTab("article");
const initial = new URLSearchParams(window.location.hash.slice(1));
await Promise.all([loadBasemap(), refresh(true), loadFlags()]);
if (initial.get("article")) openArticle(initial.get("article"), initial.get("event"));
