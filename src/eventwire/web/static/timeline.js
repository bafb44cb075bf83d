// The timeline: events counted by day (by month over long spans) as SVG bars; a bar click picks its days.

import { s } from "./dom.js";

const DAY = 86400000;
const HEIGHT = 90;
const AXIS = 16;
const TOP = 12;

function toTime(day) {
  return Date.parse(`${day}T00:00:00Z`);
}

function iso(time) {
  return new Date(time).toISOString().slice(0, 10);
}

/** The first day an ISO 8601 date of any contract precision may mean (day, week, month, year, decade). */
export function firstDay(date) {
  if (!date) return null;
  let m;
  if (/^\d{4}-\d{2}-\d{2}/.test(date)) return date.slice(0, 10);
  if ((m = /^(\d{4})-W(\d{2})$/.exec(date))) {
    const jan4 = Date.UTC(Number(m[1]), 0, 4);
    const monday = jan4 - (((new Date(jan4).getUTCDay() + 6) % 7) * DAY);
    return iso(monday + (Number(m[2]) - 1) * 7 * DAY);
  }
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  if ((m = /^(\d{3})X$/.exec(date))) return `${m[1]}0-01-01`;
  return null;
}

/** The bins of a list of events: `[{start, end, label, count}]` in date order, by day or by month. */
export function bins(events) {
  const days = events.map((ev) => firstDay(ev.date)).filter(Boolean).sort();
  if (!days.length) return [];
  const first = toTime(days[0]);
  const last = toTime(days[days.length - 1]);
  const byMonth = (last - first) / DAY > 120;
  const key = (day) => (byMonth ? day.slice(0, 7) : day);
  const counts = new Map();
  for (const day of days) counts.set(key(day), (counts.get(key(day)) || 0) + 1);
  const out = [];
  for (let t = first; t <= last; ) {
    const day = iso(t);
    const start = byMonth ? `${day.slice(0, 7)}-01` : day;
    const next = byMonth ? Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth() + 1, 1) : t + DAY;
    out.push({ start, end: iso(next - DAY), label: key(day), count: counts.get(key(day)) || 0 });
    t = next;
  }
  return out;
}

export class Timeline {
  /**
   * @param {SVGSVGElement} svg the element to draw in
   * @param {{onPick: function(string, string): void}} options onPick gets the first and last day of a bar
   */
  constructor(svg, { onPick = () => {} } = {}) {
    this.svg = svg;
    this.onPick = onPick;
  }

  /** Draw the bars for these events (by the first day of each one's `date`). */
  setEvents(events) {
    const data = bins(events);
    const width = Math.max(this.svg.getBoundingClientRect().width || 600, 200);
    this.svg.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    if (!data.length) {
      this.svg.replaceChildren(s("text", { x: 8, y: HEIGHT / 2, class: "empty" }, "no dated events"));
      return;
    }
    const most = Math.max(...data.map((b) => b.count));
    const step = width / data.length;
    const bars = data.map((bin, i) => {
      const h = bin.count ? Math.max(2, ((HEIGHT - AXIS - TOP) * bin.count) / most) : 0;
      const label = `${bin.label}: ${bin.count} event${bin.count === 1 ? "" : "s"}`;
      return s(
        "g",
        { class: "bin", dataset: { start: bin.start }, onclick: () => bin.count && this.onPick(bin.start, bin.end) },
        s("rect", { class: "hit", x: i * step, y: 0, width: step, height: HEIGHT - AXIS }),
        s("rect", {
          class: "bar",
          x: i * step + step * 0.1,
          y: HEIGHT - AXIS - h,
          width: Math.max(step * 0.8, 1),
          height: h,
        }),
        bin.count && step >= 14
          ? s("text", { class: "count", x: i * step + step / 2, y: HEIGHT - AXIS - h - 2 }, bin.count)
          : null,
        s("title", {}, label),
      );
    });
    const axis = [
      s("line", { class: "axis", x1: 0, x2: width, y1: HEIGHT - AXIS, y2: HEIGHT - AXIS }),
      s("text", { x: 2, y: HEIGHT - 3, class: "tick" }, data[0].label),
      s("text", { x: width - 2, y: HEIGHT - 3, class: "tick end" }, data[data.length - 1].label),
    ];
    this.svg.replaceChildren(...bars, ...axis);
  }
}
