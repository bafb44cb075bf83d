// The timeline: events by day, week or month as SVG bars stacked by type, a labelled time axis, a brush
// (drag across bins, or click one) that picks a date range, and the undated events counted beside it.
// An event dated no closer than a bin (a month-precision event in weekly bins) is spread over the bins
// its date covers, in a lighter shade, rather than piled on its first day.
//
// Our own SVG rather than a chart library: stacking with spread shares, bins that follow ISO weeks and
// calendar months, and a brush that snaps to them are each a few lines here and would be custom code
// around uPlot's or Plot's own model anyway; the whole chart stays smaller than either library.

import { counted, s } from "./dom.js";
import { typeColor } from "./colors.js";

const DAY = 86400000;
const HEIGHT = 120;
const AXIS = 20;
const TOP = 14;
const LEFT = 30;
const MIN_BINS = 7;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function toTime(day) {
  return Date.parse(`${day}T00:00:00Z`);
}

function iso(time) {
  return new Date(time).toISOString().slice(0, 10);
}

function monthStart(time, add = 0) {
  const d = new Date(time);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1);
}

function monday(time) {
  return time - ((new Date(time).getUTCDay() + 6) % 7) * DAY;
}

/** The first and last day an ISO 8601 date of any contract precision may mean, as times; null if none. */
export function dayRange(date, end = null) {
  if (!date) return null;
  let m;
  let first;
  let last;
  if (/^\d{4}-\d{2}-\d{2}/.test(date)) first = last = toTime(date.slice(0, 10));
  else if ((m = /^(\d{4})-W(\d{2})$/.exec(date))) {
    first = monday(Date.UTC(Number(m[1]), 0, 4)) + (Number(m[2]) - 1) * 7 * DAY;
    last = first + 6 * DAY;
  } else if (/^\d{4}-\d{2}$/.test(date)) {
    first = toTime(`${date}-01`);
    last = monthStart(first, 1) - DAY;
  } else if (/^\d{4}$/.test(date)) {
    first = Date.UTC(Number(date), 0, 1);
    last = Date.UTC(Number(date), 11, 31);
  } else if ((m = /^(\d{3})X$/.exec(date))) {
    first = Date.UTC(Number(m[1]) * 10, 0, 1);
    last = Date.UTC(Number(m[1]) * 10 + 9, 11, 31);
  } else return null;
  if (end) {
    const until = dayRange(end);
    if (until) last = Math.max(last, until[1]);
  }
  return [first, last];
}

/** The bin size for a span of days when none is chosen: days up to 45, weeks up to 400, else months. */
export function autoUnit(days) {
  if (days <= 45) return "day";
  return days <= 400 ? "week" : "month";
}

function shift(t, unit, n) {
  return unit === "month" ? monthStart(t, n) : t + n * (unit === "week" ? 7 : 1) * DAY;
}

/** The starts of the bins from `first` to `last`, at least `MIN_BINS` of them (padded on both sides, so
 * that one day of events is a bar among days, not the whole chart). */
function binStarts(first, last, unit) {
  const starts = [];
  for (let t = unit === "month" ? monthStart(first) : unit === "week" ? monday(first) : first; t <= last; ) {
    starts.push(t);
    t = shift(t, unit, 1);
  }
  while (starts.length < MIN_BINS) {
    starts.push(shift(starts[starts.length - 1], unit, 1));
    if (starts.length < MIN_BINS) starts.unshift(shift(starts[0], unit, -1));
  }
  return starts;
}

/**
 * The bins of a list of events: `{unit, bins: [{start, end, total, types: Map(type → {whole, spread})}],
 * undated}`. An event within one bin counts 1 there (`whole`); one spanning several bins gives each the
 * share of its days that falls in it (`spread`).
 */
export function bins(events, unit = "") {
  const ranges = [];
  let undated = 0;
  for (const ev of events) {
    const range = dayRange(ev.date, ev.date_end);
    if (range) ranges.push([range, ev.type]);
    else undated += 1;
  }
  if (!ranges.length) return { unit: unit || "day", bins: [], undated };
  const first = Math.min(...ranges.map(([r]) => r[0]));
  const last = Math.max(...ranges.map(([r]) => r[1]));
  unit = unit || autoUnit((last - first) / DAY + 1);
  const starts = binStarts(first, last, unit);
  const out = starts.map((start, i) => ({
    start: iso(start),
    end: iso((starts[i + 1] ?? shift(start, unit, 1)) - DAY),
    total: 0,
    types: new Map(),
  }));
  for (const [[a, b], type] of ranges) {
    const days = (b - a) / DAY + 1;
    for (const bin of out) {
      const lo = Math.max(a, toTime(bin.start));
      const hi = Math.min(b, toTime(bin.end));
      if (hi < lo) continue;
      const share = ((hi - lo) / DAY + 1) / days;
      const slot = bin.types.get(type) || { whole: 0, spread: 0 };
      if (share === 1) slot.whole += 1;
      else slot.spread += share;
      bin.types.set(type, slot);
      bin.total += share;
    }
  }
  return { unit, bins: out, undated };
}

function label(day, unit, withYear) {
  const d = new Date(toTime(day));
  const month = MONTHS[d.getUTCMonth()];
  if (unit === "month") return withYear ? `${month} ${d.getUTCFullYear()}` : month;
  return withYear ? `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}` : `${d.getUTCDate()} ${month}`;
}

function round(n) {
  return Math.round(n * 10) / 10;
}

export class Timeline {
  /**
   * @param {SVGSVGElement} svg the element to draw in
   * @param {HTMLElement} side where the undated count goes
   * @param {{onBrush: function(string, string): void}} options onBrush gets the first and last day picked
   */
  constructor(svg, side, { onBrush = () => {} } = {}) {
    this.svg = svg;
    this.side = side;
    this.onBrush = onBrush;
    this.data = { unit: "day", bins: [], undated: 0 };
    this.listen();
  }

  /** Draw these events in bins of `unit` (day, week, month; "" to choose by the span); mark the picked range. */
  setEvents(events, unit = "", since = "", until = "") {
    this.data = bins(events, unit);
    this.since = since;
    this.until = until;
    this.draw();
  }

  draw() {
    const { bins: data, unit, undated } = this.data;
    this.side.textContent = `${counted(undated, "undated event")} not drawn · by ${unit}`;
    this.side.dataset.undated = String(undated);
    const width = Math.max(this.svg.getBoundingClientRect().width || 600, 200);
    this.width = width;
    this.svg.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    if (!data.length) {
      this.svg.replaceChildren(s("text", { x: LEFT, y: HEIGHT / 2, class: "empty" }, "no dated events"));
      return;
    }
    const most = Math.max(...data.map((b) => b.total));
    const plot = HEIGHT - AXIS - TOP;
    this.step = (width - LEFT) / data.length;
    const step = this.step;
    const typeOrder = [...new Set(data.flatMap((b) => [...b.types.keys()]))].sort();
    const groups = data.map((bin, i) => {
      const x = LEFT + i * step;
      let y = HEIGHT - AXIS;
      const parts = [];
      for (const type of typeOrder) {
        const slot = bin.types.get(type);
        if (!slot) continue;
        for (const kind of ["whole", "spread"]) {
          if (!slot[kind]) continue;
          const hgt = (plot * slot[kind]) / most;
          y -= hgt;
          const rect = s("rect", {
            class: `bar ${kind}`,
            x: x + step * 0.1,
            y,
            width: Math.max(step * 0.8, 1),
            height: Math.max(hgt, 0.5),
            dataset: { type },
          });
          rect.style.fill = typeColor(type);
          parts.push(rect);
        }
      }
      const picked = this.since && this.until && bin.start >= this.since && bin.end <= this.until;
      const what = [...bin.types].map(([t, v]) => `${t} ${round(v.whole + v.spread)}`).join(", ");
      return s(
        "g",
        { class: picked ? "bin picked" : "bin", dataset: { start: bin.start, end: bin.end } },
        s("rect", { class: "hit", x, y: TOP, width: step, height: plot }),
        ...parts,
        s("title", {}, `${bin.start}${bin.end !== bin.start ? ` to ${bin.end}` : ""}: ${round(bin.total)} events${what ? ` (${what})` : ""}`),
      );
    });
    this.brush = s("rect", { class: "brush", x: 0, y: TOP, width: 0, height: plot, visibility: "hidden" });
    this.svg.replaceChildren(...groups, ...this.axis(data, unit, most, width), this.brush);
  }

  /** The time axis (ticks at bin starts, spaced to fit, the year on the first and at each new year) and
   * the count axis (0 and the tallest bin). */
  axis(data, unit, most, width) {
    const base = HEIGHT - AXIS;
    const every = Math.max(1, Math.ceil(70 / this.step));
    const out = [
      s("line", { class: "axis", x1: LEFT, x2: width, y1: base, y2: base }),
      s("line", { class: "axis", x1: LEFT, x2: LEFT, y1: TOP, y2: base }),
      s("text", { class: "tick y", x: LEFT - 4, y: base }, "0"),
      s("text", { class: "tick y", x: LEFT - 4, y: TOP + 8 }, String(round(most))),
    ];
    let year = "";
    data.forEach((bin, i) => {
      if (i % every) return;
      const x = LEFT + i * this.step;
      const withYear = bin.start.slice(0, 4) !== year;
      year = bin.start.slice(0, 4);
      out.push(
        s("line", { class: "axis", x1: x, x2: x, y1: base, y2: base + 4 }),
        s("text", { class: "tick x", x: x + 1, y: HEIGHT - 4 }, label(bin.start, unit, withYear)),
      );
    });
    return out;
  }

  /** The bin under a pointer event, by index. */
  index(event) {
    const box = this.svg.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * this.width - LEFT;
    return Math.max(0, Math.min(this.data.bins.length - 1, Math.floor(x / this.step)));
  }

  listen() {
    let from = null;
    this.svg.addEventListener("pointerdown", (event) => {
      if (!this.data.bins.length) return;
      from = this.index(event);
      this.svg.setPointerCapture(event.pointerId);
      this.paint(from, from);
    });
    this.svg.addEventListener("pointermove", (event) => {
      if (from !== null) this.paint(from, this.index(event));
    });
    this.svg.addEventListener("pointerup", (event) => {
      if (from === null) return;
      const to = this.index(event);
      const [lo, hi] = [Math.min(from, to), Math.max(from, to)];
      from = null;
      this.brush.setAttribute("visibility", "hidden");
      const picked = this.data.bins.slice(lo, hi + 1);
      if (picked.some((b) => b.total > 0)) this.onBrush(picked[0].start, picked[picked.length - 1].end);
    });
  }

  paint(a, b) {
    const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
    this.brush.setAttribute("x", LEFT + lo * this.step);
    this.brush.setAttribute("width", (hi - lo + 1) * this.step);
    this.brush.setAttribute("visibility", "visible");
  }
}
