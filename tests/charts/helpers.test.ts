import { describe, expect, it } from "vitest";
import { chartFootnote, levelLabel, periodStart, wrapText } from "../../src/charts/chart.js";
import { placeLabels } from "../../src/charts/labelPlacement.js";

describe("chart helpers", () => {
  it("wraps text at spaces within the width", () => {
    const lines = wrapText("Kilde: klynge. Periode: 2019–2023. Definition: genindlæggelse inden for 30 dage.", 30);
    expect(lines.every((l) => l.length <= 30)).toBe(true);
    expect(lines.join(" ")).toBe("Kilde: klynge. Periode: 2019–2023. Definition: genindlæggelse inden for 30 dage.");
  });

  it("reads period labels as UTC dates of their first day", () => {
    expect(periodStart("2019")).toBe("2019-01-01");
    expect(periodStart("2019-Q3")).toBe("2019-07-01");
    expect(periodStart("2019-03")).toBe("2019-03-01");
    expect(periodStart("uge 12")).toBeNull();
  });

  it("writes levels in the chart language", () => {
    expect(levelLabel(0.998)).toBe("99,8 %");
    expect(levelLabel(0.95, "en")).toBe("95%");
  });

  it("builds the footnote from source, period, definition, notes and the suppression rule", () => {
    expect(chartFootnote({ source: "LPR", period: "2023", definition: "Akutte indlæggelser.", suppressionMin: 3, notes: ["Note."] })).toBe(
      "Kilde: LPR. Periode: 2023. Definition: Akutte indlæggelser. Note. Værdier bygget på færre end 3 borgere er undertrykt og vist som «undertrykt», aldrig som 0.",
    );
  });
});

describe("placeLabels", () => {
  it("moves labels that would collide when all put right-above their points", () => {
    // Three pairs of units close together (like two clusters of similar size and rate).
    const points = [
      { x: 100, y: 0.12, text: "Klynge Silkeborg" },
      { x: 140, y: 0.12, text: "Klynge Randers" },
      { x: 200, y: 0.09, text: "Klynge Viborg" },
      { x: 230, y: 0.091, text: "Klynge Herning" },
      { x: 300, y: 0.15, text: "Klynge Aarhus" },
      { x: 305, y: 0.14, text: "Klynge Horsens" },
    ];
    const xd: [number, number] = [0, 400];
    const yd: [number, number] = [0, 0.2];
    const box = (x: number, y: number, side: "left" | "right", text: string) => {
      const px = (x / 400) * 400;
      const py = (1 - y / 0.2) * 300;
      const w = text.length * 9 * 0.6;
      return side === "right" ? { x0: px, x1: px + w, y0: py - 9, y1: py } : { x0: px - w, x1: px, y0: py - 9, y1: py };
    };
    const overlaps = (boxes: { x0: number; x1: number; y0: number; y1: number }[]) => {
      let n = 0;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          if (a.x0 < b.x1 - 1e-6 && a.x1 > b.x0 + 1e-6 && a.y0 < b.y1 - 1e-6 && a.y1 > b.y0 + 1e-6) n++;
        }
      return n;
    };
    const naive = points.map((p) => box(p.x + (6 / 400) * 400, p.y + (5 / 300) * 0.2, "right", p.text));
    expect(overlaps(naive)).toBeGreaterThan(0);
    const placed = placeLabels(points, xd, yd, 400, 300);
    expect(overlaps(placed.map((p, i) => box(p.labelX, p.labelY, p.side, points[i].text)))).toBe(0);
  });
});
