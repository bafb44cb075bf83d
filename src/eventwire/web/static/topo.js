// A small TopoJSON decoder: quantized, delta-encoded arcs to polygons of [lon, lat] rings.

function decodeArcs(topology) {
  const [sx, sy] = topology.transform ? topology.transform.scale : [1, 1];
  const [tx, ty] = topology.transform ? topology.transform.translate : [0, 0];
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

function ring(arcs, indexes) {
  const points = [];
  for (const index of indexes) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

/** The features of one object of a topology: `[{id, name, polygons: [[ring, …], …]}]`. */
export function features(topology, objectName) {
  const arcs = decodeArcs(topology);
  return topology.objects[objectName].geometries.map((geometry) => {
    let polygons = [];
    if (geometry.type === "Polygon") polygons = [geometry.arcs];
    else if (geometry.type === "MultiPolygon") polygons = geometry.arcs;
    return {
      id: geometry.id,
      name: geometry.properties ? geometry.properties.name : "",
      polygons: polygons.map((rings) => rings.map((indexes) => ring(arcs, indexes))),
    };
  });
}
