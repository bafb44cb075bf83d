// The dashboard's view as URL query parameters: filters, sort, page, columns, selected event and tab.
// Every change is a history entry (pushState), so Back and Forward walk through views and a reloaded or
// shared address shows the same view.

/** The event filters the API takes, by query parameter name. */
export const FILTERS = [
  "type", "acled_type", "place", "country", "admin1", "near", "since", "until", "actor", "q",
  "status", "min_dead", "min_confidence", "disputed",
];

const VIEW = ["merged", "sort", "limit", "offset", "cols", "bins", "article", "event", "merged_event", "tab"];

/** The view an address describes: `{filters: {...}, merged, sort, limit, offset, cols, bins, article, event,
 * merged_event, tab}` (absent values are empty strings). */
export function readState(search = window.location.search) {
  const query = new URLSearchParams(search);
  const filters = {};
  for (const name of FILTERS) filters[name] = query.get(name) || "";
  const view = {};
  for (const name of VIEW) view[name] = query.get(name) || "";
  return { filters, ...view };
}

/** The address of a view: only the values that are set. */
export function address(state) {
  const query = new URLSearchParams();
  for (const name of FILTERS) if (state.filters[name]) query.set(name, state.filters[name]);
  for (const name of VIEW) if (state[name]) query.set(name, String(state[name]));
  const text = query.toString();
  return text ? `?${text}` : window.location.pathname;
}

/** Record a view as a new history entry (or replace the current one), unless it is the current one. */
export function record(state, replace = false) {
  const next = address(state);
  if (next === (window.location.search || window.location.pathname)) return;
  if (replace) history.replaceState(null, "", next);
  else history.pushState(null, "", next);
}
