import { describe, expect, it } from "vitest";
import { ContactBuilder } from "../../src/io/contactBuilder.js";
import { municipalityNumbering, putPatientsByMunicipality } from "../../src/io/patientsByMunicipality.js";
import { groupRowsByTime } from "../../src/contract/patientOrder.js";

describe("patients numbered by municipality (io/patientsByMunicipality)", () => {
  it("numbers patients by their first contact's municipality, ties in order of first appearance", () => {
    // patient (file order of first appearance), municipality, admitted_at: p0's first contact by
    // time is in 751 though its first row in the file is in 101.
    const rows: [string, number, number][] = [
      ["p0", 101, 500],
      ["p1", 101, 100],
      ["p2", 751, 300],
      ["p0", 751, 200],
      ["p3", 101, 50],
      ["p4", 751, 10],
      ["p5", 101, 70],
      ["p2", 101, 400],
    ];
    const build = () => {
      const b = new ContactBuilder(16);
      for (let k = 0; k < rows.length; k++) {
        const [id, muni, at] = rows[k];
        b.push(b.patients.id(id), 0, 1, muni, -1, at, at + 60, 1, 1, 0, -1, Number.NaN, k + 2);
      }
      return { table: b.finish(), dictionary: b.patients };
    };
    const { table, dictionary } = build();
    const grouping = () => groupRowsByTime(table.patient, table.admittedAt, table.length, table.patientIds.length);
    const numbering = municipalityNumbering(table, grouping());
    // first contacts: p0 751, p1 101, p2 751, p3 101, p4 751, p5 101 (six runs, two municipalities)
    // new order: p1, p3, p5 (101), then p0, p2, p4 (751), each in order of first appearance
    expect(Array.from(numbering!.newIndex)).toEqual([3, 0, 4, 1, 5, 2]);
    expect(Array.from(numbering!.start)).toEqual([0, 1, 2, 3, 5, 7, 8]);

    // the rows moved into that order, each patient's by time, the patient column and ids renumbered
    const g = grouping();
    const out = putPatientsByMunicipality(table, dictionary, { start: g.start, order: g.order });
    const c = out.table;
    expect(Array.from(c.sourceLine)).toEqual([3, 6, 8, 5, 2, 4, 9, 7]);
    expect(Array.from(c.patient)).toEqual([0, 1, 2, 3, 3, 4, 4, 5]);
    for (let r = 0; r < c.length; r++) expect(c.patientIds[c.patient[r]]).toBe(rows[c.sourceLine[r] - 2][0]);
    expect(out.patientIndex.get("p1")).toBe(0);
    expect(out.patientIndex.get("p4")).toBe(5);
    expect(out.patientIndex).toBe(dictionary);
    // patients in runs by municipality already (two runs here): no new numbering, no move
    const again = groupRowsByTime(c.patient, c.admittedAt, c.length, c.patientIds.length);
    expect(municipalityNumbering(c, again)).toBeNull();

    // another look-up (a register import's: raw id → index) is wrapped, the ids permuted alike
    const second = build();
    const raw = new Map([...new Set(rows.map((r) => r[0]))].map((id, i) => [`raw-${id}`, i] as const));
    const g2 = groupRowsByTime(second.table.patient, second.table.admittedAt, second.table.length, second.table.patientIds.length);
    const out2 = putPatientsByMunicipality(second.table, raw, { start: g2.start, order: g2.order });
    expect(out2.patientIndex.get("raw-p1")).toBe(0);
    expect(out2.patientIndex.get("raw-p0")).toBe(3);
    expect(out2.patientIndex.get("nobody")).toBeUndefined();
    for (let r = 0; r < c.length; r++) expect(out2.table.patientIds[out2.table.patient[r]]).toBe(rows[out2.table.sourceLine[r] - 2][0]);
  });
});
