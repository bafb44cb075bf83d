// The event map, drawn by Leaflet (vendored, global `L`) with Leaflet.markercluster: the packaged
// country borders as a GeoJSON layer (no tiles unless a tile server is configured), one circle per
// located event, coloured by type and sized by its dead, clustered where dense, with a pop-up card.

import { counted, h } from "./dom.js";
import { typeColor } from "./colors.js";

const FIT_MAX_ZOOM = 6;
const MAX_ZOOM = 10;

/** The radius of an event's circle: larger with more dead (by the square root, so area follows). */
export function radius(ev) {
  const dead = ev.size && ev.size.dead ? ev.size.dead : 0;
  return Math.min(6 + 2.5 * Math.sqrt(dead), 30);
}

/** Features of topo.js (`{name, polygons}`) as a GeoJSON FeatureCollection. */
function geojson(countries) {
  return {
    type: "FeatureCollection",
    features: countries.map((c) => ({
      type: "Feature",
      properties: { name: c.name || "" },
      geometry: { type: "MultiPolygon", coordinates: c.polygons },
    })),
  };
}

export class EventMap {
  /**
   * @param {HTMLElement} container the element Leaflet draws in
   * @param {{tilesUrl: string, card: function(object): HTMLElement, legend: HTMLElement}} options
   *   `card` builds an event's pop-up; `legend` is where the colours are explained
   */
  constructor(container, { tilesUrl = "", card, legend }) {
    this.card = card;
    this.legend = legend;
    this.map = L.map(container, { worldCopyJump: true, maxZoom: MAX_ZOOM, minZoom: 1, zoomSnap: 0.5 });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Borders: Natural Earth (public domain) via world-atlas · Leaflet");
    if (tilesUrl) L.tileLayer(tilesUrl, { maxZoom: MAX_ZOOM, className: "tiles" }).addTo(this.map);
    this.map.setView([20, 10], 2);
    this.map.on("zoomend", () => (container.dataset.zoom = String(this.map.getZoom())));
    container.dataset.zoom = String(this.map.getZoom());
    this.clusters = L.markerClusterGroup({
      maxClusterRadius: 40,
      showCoverageOnHover: false,
      iconCreateFunction: (cluster) => this.clusterIcon(cluster),
    });
    this.clusters.addTo(this.map);
    this.byId = new Map();
  }

  /** Draw the country borders (features from topo.js) under the events. */
  setBasemap(countries) {
    const layer = L.geoJSON(geojson(countries), {
      style: { className: "country", weight: 0.6, fillOpacity: 1 },
      onEachFeature: (feature, shape) => shape.bindTooltip(h("span", {}, feature.properties.name), { sticky: true }),
      interactive: true,
    });
    layer.addTo(this.map);
    layer.bringToBack();
  }

  /** Show these events (those with coordinates); fit the view to them when `fit`. */
  setEvents(events, fit = true) {
    this.clusters.clearLayers();
    this.byId.clear();
    const markers = [];
    for (const ev of events) {
      const place = ev.place;
      if (!place || place.lat === null || place.lon === null) continue;
      const marker = L.circleMarker([place.lat, place.lon], {
        radius: radius(ev),
        color: "#ffffff",
        weight: 1,
        fillColor: typeColor(ev.type),
        fillOpacity: 0.85,
        className: "marker",
      });
      marker.event = ev;
      // Leaflet writes a string tooltip as HTML: the place's name goes in as a text node instead.
      marker.bindTooltip(h("span", {}, `${ev.type} · ${place.name}${ev.date ? ` · ${ev.date}` : ""}`));
      marker.bindPopup(() => this.card(ev), { maxWidth: 320, className: "event-popup" });
      marker.on("add", () => {
        const path = marker.getElement();
        if (path) Object.assign(path.dataset, { id: String(ev.id), type: ev.type, place: place.name });
      });
      markers.push(marker);
      this.byId.set(String(ev.id), marker);
    }
    this.clusters.addLayers(markers);
    this.drawLegend(events.filter((ev) => ev.place && ev.place.lat !== null));
    if (fit) this.fit();
    return markers.length;
  }

  /** Fit the view to the events shown, never closer than a region's scale. */
  fit() {
    const bounds = this.clusters.getBounds();
    if (bounds.isValid()) this.map.fitBounds(bounds, { maxZoom: FIT_MAX_ZOOM, padding: [30, 30], animate: false });
    else this.map.setView([20, 10], 2, { animate: false });
  }

  /** Open one event's pop-up (zooming into its cluster if need be). */
  show(id) {
    const marker = this.byId.get(String(id));
    if (!marker) return;
    this.clusters.zoomToShowLayer(marker, () => marker.openPopup());
  }

  /** A cluster's icon: its count, in the colour of its commonest type, with every type in the tooltip. */
  clusterIcon(cluster) {
    const types = new Map();
    for (const m of cluster.getAllChildMarkers()) types.set(m.event.type, (types.get(m.event.type) || 0) + 1);
    const [top] = [...types.entries()].sort((a, b) => b[1] - a[1])[0];
    const n = cluster.getChildCount();
    const title = [...types].map(([t, c]) => `${t}: ${c}`).join(", ");
    const inner = h("div", { class: "cluster-inner", title }, h("span", {}, String(n)));
    inner.style.background = typeColor(top);
    return L.divIcon({ html: inner, className: "cluster", iconSize: L.point(34, 34) });
  }

  /** The legend: a swatch and count per type shown, and what the circles' size means. */
  drawLegend(events) {
    const counts = new Map();
    for (const ev of events) counts.set(ev.type, (counts.get(ev.type) || 0) + 1);
    const items = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([type, n]) => {
      const swatch = h("span", { class: "swatch" });
      swatch.style.background = typeColor(type);
      return h("li", { dataset: { type } }, swatch, `${type} ${n}`);
    });
    this.legend.replaceChildren(
      h("ul", {}, items),
      h("p", {}, `${counted(events.length, "event")} placed · circle size: dead`),
    );
  }
}
