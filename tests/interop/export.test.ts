import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { fromDataFrame, toArrow, toCsv, toDataFrame, toJson, writeTable } from "../../src/interop/index.js";
import { inferColumns } from "../../src/interop/columns.js";

const rows = [
  { indicator: "admission_rate", unit: "Midt", period: "2019", numerator: 1234, value: 121.5, lower: null, suppressed: false, note: 'a "quoted"; text' },
  { indicator: "admission_rate", unit: "Vest", period: "2019", numerator: null, value: null, lower: 3.25, suppressed: true, note: "" },
];

describe("toCsv", () => {
  it("writes standard CSV with decimal point and RFC 4180 quoting", () => {
    const csv = toCsv(rows);
    expect(csv.split("\n")[0]).toBe("indicator,unit,period,numerator,value,lower,suppressed,note");
    expect(csv.split("\n")[1]).toBe('admission_rate,Midt,2019,1234,121.5,,false,"a ""quoted""; text"');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
  });
  it("writes the Danish Excel variant: BOM, semicolon, decimal comma, CRLF", () => {
    const csv = toCsv(rows, { variant: "excel-da" });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[1]).toBe('admission_rate;Midt;2019;1234;121,5;;false;"a ""quoted""; text"');
    expect(lines[2]).toBe("admission_rate;Vest;2019;;;3,25;true;");
  });
  it("refuses patient ids in an output", () => {
    expect(() => toCsv([{ patient_id: "p1", n: 1 }])).toThrow(/never contain patient ids/);
  });
});

describe("toJson and toArrow", () => {
  it("round-trips through Arrow with types and nulls kept", () => {
    const table = tableFromIPC(toArrow(rows));
    expect(table.numRows).toBe(2);
    expect(table.getChild("numerator")?.toArray()[0]).toBe(1234);
    expect(table.getChild("value")?.get(1)).toBeNull();
    expect(table.getChild("suppressed")?.get(1)).toBe(true);
    expect(table.getChild("unit")?.get(1)).toBe("Vest");
  });
  it("writes JSON with non-finite numbers as null", () => {
    expect(JSON.parse(toJson([{ a: Number.NaN, b: 1 }]))).toEqual([{ a: null, b: 1 }]);
  });
  it("infers column kinds", () => {
    expect(inferColumns(rows).map((c) => c.kind)).toEqual(["string", "string", "string", "number", "number", "number", "boolean", "string"]);
  });
});

describe("writeTable", () => {
  it("chooses the format by extension and writes atomically", () => {
    const dir = mkdtempSync(join(tmpdir(), "klynge-export-"));
    writeTable(rows, join(dir, "t.csv"));
    writeTable(rows, join(dir, "t.json"));
    writeTable(rows, join(dir, "t.arrow"));
    expect(readFileSync(join(dir, "t.csv"), "utf8")).toBe(toCsv(rows));
    expect(JSON.parse(readFileSync(join(dir, "t.json"), "utf8"))).toHaveLength(2);
    expect(tableFromIPC(readFileSync(join(dir, "t.arrow"))).numRows).toBe(2);
    expect(() => writeTable(rows, join(dir, "t.xlsx"))).toThrow(/use .csv, .json or .arrow/);
  });
});

describe("danfojs adapter", () => {
  // A stand-in with the same constructor and fields as danfojs' DataFrame (columns, row-major values):
  // danfojs itself does not install from the registry alone (see dependencies.md).
  class FakeDataFrame {
    readonly columns: string[];
    readonly values: unknown[][];
    constructor(data: Record<string, unknown>[], options?: { columns?: string[] }) {
      this.columns = options?.columns ?? Object.keys(data[0] ?? {});
      this.values = data.map((r) => this.columns.map((c) => (r[c] === null ? Number.NaN : r[c])));
    }
  }
  it("round-trips rows through a DataFrame", () => {
    const df = toDataFrame(rows, { DataFrame: FakeDataFrame });
    expect(df.columns).toContain("numerator");
    const back = fromDataFrame(df);
    expect((back[1] as Record<string, unknown>).numerator).toBeNull();
    expect((back[0] as Record<string, unknown>).value).toBe(121.5);
  });
  it("explains what it needs", () => {
    expect(() => toDataFrame(rows, {} as never)).toThrow(/needs the danfojs module/);
    expect(() => fromDataFrame({} as never)).toThrow(/expects a danfojs DataFrame/);
  });
});
