// The event map: an offline SVG basemap (country borders from the packaged TopoJSON) in Web Mercator,
// one marker per located place, wheel zoom and drag pan; raster tiles underneath only when configured.

import { s } from "./dom.js";

const WORLD = 256;
const MAX_LAT = 85.0511;
const MARKER_PX = 5;

/** Web Mercator: [lon, lat] in degrees to [x, y] in a 256-unit world square. */
export function project([lon, lat]) {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const phi = (clamped * Math.PI) / 180;
  const y = (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
  return [((lon + 180) / 360) * WORLD, y * WORLD];
}

function pathData(polygons) {
  const parts = [];
  for (const rings of polygons) {
    for (const ring of rings) {
      parts.push(
        "M" + ring.map((point) => project(point).map((v) => v.toFixed(2)).join(",")).join("L") + "Z",
      );
    }
  }
  return parts.join("");
}

export class WorldMap {
  /**
   * @param {SVGSVGElement} svg the element to draw in
   * @param {{tilesUrl: string, onPick: function(object): void}} options onPick gets a place group
   */
  constructor(svg, { tilesUrl = "", onPick = () => {} } = {}) {
    this.svg = svg;
    this.tilesUrl = tilesUrl;
    this.onPick = onPick;
    this.view = { x: 0, y: 30, w: WORLD, h: 170 };
    this.ocean = s("rect", { class: "ocean", x: 0, y: 0, width: WORLD, height: WORLD });
    this.land = s("g", { class: "countries" });
    this.tiles = s("g", { class: "tiles" });
    this.markers = s("g", { class: "markers" });
    svg.append(this.ocean, this.land, this.tiles, this.markers);
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    this.listen();
    this.apply();
  }

  /** Draw the countries (features from topo.js). */
  setBasemap(countries) {
    this.land.replaceChildren(
      ...countries.map((country) =>
        s("path", { d: pathData(country.polygons), class: "country" }, s("title", {}, country.name || "")),
      ),
    );
  }

  /**
   * Draw one marker per place: `groups` is `[{key, name, lat, lon, events: [...]}]`.
   * The view is fitted to the markers when `fit` is true.
   */
  setPlaces(groups, fit = true) {
    this.groups = groups;
    const most = Math.max(1, ...groups.map((g) => g.events.length));
    this.markers.replaceChildren(
      ...groups.map((group) => {
        const [x, y] = project([group.lon, group.lat]);
        const label = `${group.name}: ${group.events.length} event${group.events.length === 1 ? "" : "s"}`;
        const marker = s(
          "circle",
          {
            class: "marker",
            cx: x.toFixed(3),
            cy: y.toFixed(3),
            tabindex: 0,
            role: "button",
            "aria-label": label,
            dataset: { place: group.name, weight: String(Math.sqrt(group.events.length / most)) },
            onclick: () => this.onPick(group),
            onkeydown: (event) => event.key === "Enter" && this.onPick(group),
          },
          s("title", {}, label),
        );
        return marker;
      }),
    );
    if (fit) this.refit();
    else this.apply();
  }

  /** Zoom by a factor around the view's centre (below 1 zooms in). */
  zoom(factor) {
    const { x, y, w, h } = this.view;
    this.view = this.clamp({ x: x + (w * (1 - factor)) / 2, y: y + (h * (1 - factor)) / 2, w: w * factor, h: h * factor });
    this.apply();
  }

  /** Fit the view to the markers (or the inhabited world when there are none). */
  refit() {
    if (this.groups && this.groups.length) this.fit(this.groups.map((g) => project([g.lon, g.lat])));
    else this.view = this.clamp({ x: 0, y: 30, w: WORLD, h: 170 });
    this.apply();
  }

  /** Mark the markers of the given place names as selected. */
  highlight(names) {
    for (const marker of this.markers.children) {
      marker.classList.toggle("selected", names.has(marker.dataset.place));
    }
  }

  fit(points) {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const pad = 6;
    let w = Math.max(Math.max(...xs) - Math.min(...xs) + 2 * pad, 24);
    let h = Math.max(Math.max(...ys) - Math.min(...ys) + 2 * pad, 16);
    const aspect = this.aspect();
    if (w / h > aspect) h = w / aspect;
    else w = h * aspect;
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    this.view = this.clamp({ x: cx - w / 2, y: cy - h / 2, w, h });
  }

  aspect() {
    const box = this.svg.getBoundingClientRect();
    return box.width && box.height ? box.width / box.height : 2;
  }

  clamp(view) {
    const w = Math.min(Math.max(view.w, 0.05), WORLD);
    const h = Math.min(Math.max(view.h, 0.05), WORLD);
    return {
      w,
      h,
      x: Math.min(Math.max(view.x, 0), WORLD - w),
      y: Math.min(Math.max(view.y, 0), WORLD - h),
    };
  }

  apply() {
    const { x, y, w, h } = this.view;
    this.svg.setAttribute("viewBox", `${x} ${y} ${w} ${h}`);
    const unit = this.unit();
    for (const marker of this.markers.children) {
      const weight = Number(marker.dataset.weight) || 0;
      marker.setAttribute("r", ((MARKER_PX + 9 * weight) * unit).toFixed(4));
    }
    this.drawTiles(unit);
  }

  /** World units per screen pixel in the current view. */
  unit() {
    const box = this.svg.getBoundingClientRect();
    return box.width && box.height ? Math.max(this.view.w / box.width, this.view.h / box.height) : this.view.w / 600;
  }

  drawTiles(unit) {
    if (!this.tilesUrl) return;
    const zoom = Math.max(0, Math.min(18, Math.ceil(Math.log2(1 / unit))));
    const size = WORLD / 2 ** zoom;
    const { x, y, w, h } = this.view;
    const images = [];
    for (let ty = Math.floor(y / size); ty <= Math.floor((y + h) / size) && ty < 2 ** zoom; ty++) {
      for (let tx = Math.floor(x / size); tx <= Math.floor((x + w) / size) && tx < 2 ** zoom; tx++) {
        const href = this.tilesUrl.replace("{z}", zoom).replace("{x}", tx).replace("{y}", ty);
        images.push(s("image", { href, x: tx * size, y: ty * size, width: size, height: size }));
      }
    }
    this.tiles.replaceChildren(...images);
  }

  listen() {
    this.svg.addEventListener(
      "wheel",
      (event) => {
        event.preventDefault();
        const factor = event.deltaY > 0 ? 1.25 : 0.8;
        const [px, py] = this.toWorld(event);
        const { x, y, w, h } = this.view;
        this.view = this.clamp({
          x: px - (px - x) * factor,
          y: py - (py - y) * factor,
          w: w * factor,
          h: h * factor,
        });
        this.apply();
      },
      { passive: false },
    );
    let drag = null;
    this.svg.addEventListener("pointerdown", (event) => {
      if (event.target.classList.contains("marker")) return;
      drag = { x: event.clientX, y: event.clientY, view: { ...this.view }, unit: this.unit() };
      this.svg.setPointerCapture(event.pointerId);
    });
    this.svg.addEventListener("pointermove", (event) => {
      if (!drag) return;
      this.view = this.clamp({
        ...drag.view,
        x: drag.view.x - (event.clientX - drag.x) * drag.unit,
        y: drag.view.y - (event.clientY - drag.y) * drag.unit,
      });
      this.apply();
    });
    const stop = () => {
      drag = null;
    };
    this.svg.addEventListener("pointerup", stop);
    this.svg.addEventListener("pointercancel", stop);
    window.addEventListener("resize", () => this.apply());
  }

  toWorld(event) {
    const point = this.svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    const local = point.matrixTransform(this.svg.getScreenCTM().inverse());
    return [local.x, local.y];
  }
}
