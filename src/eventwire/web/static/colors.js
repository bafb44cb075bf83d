// One colour per PLOVER event type, shared by the map's markers, the timeline's stacks and the legends.

const PALETTE = [
  // in PLOVER's order: cooperation in blues and greens, dissent in purples, pressure in greys, force in reds
  "#1f77b4", "#17becf", "#2ca02c", "#98df8a", "#aec7e8", "#637939", "#bcbd22", "#9467bd",
  "#c5b0d5", "#8c564b", "#e377c2", "#ff7f0e", "#7f7f7f", "#393b79", "#ad494a", "#d62728",
];

/** The PLOVER types in the ontology's order, as the page lists them in the type filter. */
function types() {
  return [...document.querySelectorAll("select[name=type] option")].map((o) => o.value).filter(Boolean);
}

/** The colour of an event type (by its place in the ontology, so it never changes between views). */
export function typeColor(type) {
  const index = types().indexOf(type);
  return index < 0 ? "#555555" : PALETTE[index % PALETTE.length];
}
