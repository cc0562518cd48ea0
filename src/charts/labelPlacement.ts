/**
 * Greedy placement of point labels so they do not overlap (vega-lite has no label-collision
 * avoidance): each label tries, in order, right-above, right-below, left-above, left-below of its
 * point, and takes the first box that overlaps neither a label already placed nor a point (else the
 * first candidate).
 * Positions are worked out in pixels from the scale domains and returned as data-space
 * coordinates plus a side, so the spec stays declarative.
 */

export interface LabelPoint {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

export interface PlacedLabel {
  readonly labelX: number;
  readonly labelY: number;
  readonly side: "left" | "right";
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Places labels of `points` for a plot of `width` × `height` px with the given linear domains. */
export function placeLabels(
  points: readonly LabelPoint[],
  xDomain: readonly [number, number],
  yDomain: readonly [number, number],
  width: number,
  height: number,
  fontSize = 9,
): PlacedLabel[] {
  const px = (x: number) => ((x - xDomain[0]) / (xDomain[1] - xDomain[0])) * width;
  const py = (y: number) => (1 - (y - yDomain[0]) / (yDomain[1] - yDomain[0])) * height;
  const charWidth = fontSize * 0.6;
  const candidates: { dx: number; dy: number; side: "left" | "right" }[] = [
    { dx: 6, dy: -5, side: "right" },
    { dx: 6, dy: 5 + fontSize, side: "right" },
    { dx: -6, dy: -5, side: "left" },
    { dx: -6, dy: 5 + fontSize, side: "left" },
  ];
  // The points themselves are obstacles too (radius ≈ 4 px).
  const placed: Box[] = points.map((p) => ({ x0: px(p.x) - 4, x1: px(p.x) + 4, y0: py(p.y) - 4, y1: py(p.y) + 4 }));
  const overlaps = (b: Box) => placed.some((p) => b.x0 < p.x1 && b.x1 > p.x0 && b.y0 < p.y1 && b.y1 > p.y0);
  // Place in order of x so neighbours are decided left to right (deterministic).
  const order = points.map((_, i) => i).sort((a, b) => points[a].x - points[b].x || points[a].y - points[b].y);
  const result: PlacedLabel[] = new Array(points.length);
  for (const i of order) {
    const p = points[i];
    const x = px(p.x);
    const y = py(p.y);
    const w = p.text.length * charWidth;
    const boxes = candidates.map((c) => {
      const bx0 = c.side === "right" ? x + c.dx : x + c.dx - w;
      const box: Box = { x0: bx0, x1: bx0 + w, y0: y + c.dy - fontSize, y1: y + c.dy };
      return { c, box, inside: box.x0 >= 0 && box.x1 <= width + 40 };
    });
    const pick = boxes.find((b) => b.inside && !overlaps(b.box)) ?? boxes.find((b) => !overlaps(b.box)) ?? boxes[0];
    placed.push(pick.box);
    result[i] = {
      labelX: p.x + (pick.c.dx / width) * (xDomain[1] - xDomain[0]),
      labelY: p.y - (pick.c.dy / height) * (yDomain[1] - yDomain[0]),
      side: pick.c.side,
    };
  }
  return result;
}
