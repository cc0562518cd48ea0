/**
 * The report's table columns, declared once: each named column has the row key it reads (its
 * accessor), its header (a key of the text catalogue) and how its cells are printed. A table names
 * its columns (`tableColumns(t, ["unitCluster", "value", ["lower", "dec2"]])`); a name may carry
 * another number format or header where a table prints the same quantity differently. Columns
 * whose headers are data (periods, hours, clusters, adopters) are made by `dataColumns`.
 */
import type { ReportTextKey } from "../text/catalogue.js";
import type { ReportCellFormat, ReportTableColumn } from "./reportTable.js";

/** A column of the catalogue: the row key it reads, its header key ("" for none), its cell format. */
export interface ColumnDef {
  readonly key: string;
  readonly header: ReportTextKey | "";
  readonly format: ReportCellFormat;
}

const col = (key: string, header: ReportTextKey | "", format: ReportCellFormat = "text"): ColumnDef => ({ key, header, format });

/** Every named column of the report's tables. */
export const COLUMNS = {
  // units and who
  unit: col("unit", "col.unit"),
  unitCluster: col("unit", "col.cluster"),
  unitMunicipality: col("unit", "col.municipality"),
  cluster: col("cluster", "col.cluster"),
  municipality: col("municipality", "col.municipality"),
  hospital: col("hospital", "col.hospital"),
  adopter: col("adopter", "col.adopter"),
  receiver: col("receiver", "col.receiver"),
  initiative: col("initiative", "col.initiative"),
  series: col("series", "col.series"),
  // what and when
  label: col("label", ""),
  dimension: col("dimension", "col.dimension"),
  tripleAim: col("dimension", "col.tripleAim"),
  measure: col("measure", "col.measure"),
  target: col("target", "col.target"),
  method: col("method", "col.method"),
  kind: col("kind", "col.kind"),
  kindLabel: col("kindLabel", "col.kind"),
  what: col("what", "col.what"),
  why: col("why", "col.why"),
  item: col("item", "col.item"),
  key: col("key", "col.key"),
  question: col("question", "col.question"),
  actor: col("actor", "col.actor"),
  motive: col("motive", "col.motive"),
  incentive: col("incentive", "col.incentive"),
  consequence: col("consequence", "col.consequence"),
  mitigation: col("mitigation", "col.mitigation"),
  file: col("file", "col.file"),
  source: col("source", "col.source"),
  weekday: col("weekday", "col.weekday"),
  ageBand: col("ageBand", "col.ageBand"),
  age: col("age", "col.age"),
  start: col("start", "col.start"),
  date: col("date", "col.start"),
  deadline: col("deadline", "col.deadline"),
  period: col("period", "col.period"),
  year: col("year", "col.period"),
  calendarYear: col("period", "col.year"),
  phase: col("phase", "col.phase"),
  firstPeriod: col("firstPeriod", "col.start"),
  lastPeriod: col("lastPeriod", "col.period"),
  sector: col("sector", "col.unit"),
  lane: col("lane", "col.unit"),
  textWhat: col("text", "col.what"),
  state: col("state", "col.status"),
  status: col("status", "col.status"),
  baselinePeriod: col("baseline", "col.baseline"),
  effect: col("effect", "col.effect"),
  fidelity: col("fidelity", "col.fidelity"),
  keysInPlace: col("keys", "col.keysInPlace"),
  class95: col("class95", "col.class95"),
  class998: col("class998", "col.class998"),
  // numbers
  count: col("count", "col.count", "int"),
  share: col("share", "col.sharePct", "dec1"),
  of: col("of", "col.of", "int"),
  numerator: col("numerator", "col.numerator", "int"),
  denominator: col("denominator", "col.denominator", "int"),
  value: col("value", "col.value", "dec1"),
  lower: col("lower", "col.lower", "dec1"),
  upper: col("upper", "col.upper", "dec1"),
  reference: col("reference", "col.reference", "dec1"),
  rateRatio: col("rateRatio", "col.rateRatio", "dec2"),
  centre: col("centre", "col.centre", "dec1"),
  signals: col("signals", "col.signal", "int"),
  harmonised: col("harmonised", "col.harmonised", "dec1"),
  registered: col("registered", "col.registered", "dec1"),
  difference: col("difference", "col.difference", "dec1"),
  women: col("women", "col.women", "int"),
  men: col("men", "col.men", "int"),
  per1000: col("rate", "col.per1000", "dec1"),
  baselineValue: col("baselineValue", "col.baseline", "dec1"),
  currentValue: col("currentValue", "col.current", "dec1"),
  targetValue: col("targetValue", "col.target", "dec1"),
  change: col("change", "col.change", "pct1"),
  readmitted: col("readmitted", "col.readmitted", "int"),
  indexAdmissions: col("index", "col.indexAdmissions", "int"),
  readmittedPct: col("pct", "col.sharePct", "dec1"),
  adverseEvents: col("events", "col.adverseEvents", "int"),
  shortInpatientPct: col("shortAdmittedPct", "col.shortInpatientPct", "dec1"),
  readmissionRegisteredPct: col("readmissionRegistered", "col.readmissionRegisteredPct", "dec1"),
  deathsAll: col("all", "col.allAdmissions", "int"),
  deathsAllShare: col("allShare", "col.sharePct", "dec1"),
  deathsWeekday: col("weekday", "col.weekdayAdmissions", "int"),
  deathsWeekdayShare: col("weekdayShare", "col.sharePct", "dec1"),
  deathsWeekend: col("weekend", "col.weekendAdmissions", "int"),
  deathsWeekendShare: col("weekendShare", "col.sharePct", "dec1"),
  costTotal: col("cost", "col.costTotal", "int"),
  avoided: col("avoided", "col.avoided", "int"),
  perAvoided: col("perAvoided", "col.perAvoided", "int"),
  perAvoidedShort: col("perAvoided", "col.perAvoidedShort", "int"),
  implemented: col("implemented", "val.checklist.implemented", "int"),
  partly: col("partly", "val.checklist.partly", "int"),
  notImplemented: col("not_implemented", "val.checklist.not_implemented", "int"),
  notRelevant: col("not_relevant", "val.checklist.not_relevant", "int"),
  notReported: col("not_reported", "val.checklist.not_reported", "int"),
  rowsRead: col("rowsRead", "col.rowsRead", "int"),
  rowsAccepted: col("rowsAccepted", "col.rowsAccepted", "int"),
  rowsRejected: col("rowsRejected", "col.rowsRejected", "int"),
  duplicates: col("duplicates", "col.duplicates", "int"),
  warnings: col("warnings", "col.warnings", "int"),
} as const satisfies Readonly<Record<string, ColumnDef>>;

export type ColumnName = keyof typeof COLUMNS;

/**
 * A column as a table names it: a catalogue name; or a name with the row key, number format or
 * header this table uses instead; or a column whose header is data (see `dataColumns`).
 */
export type ColumnRef =
  | ColumnName
  | readonly [ColumnName, ReportCellFormat]
  | { readonly name: ColumnName; readonly key?: string; readonly format?: ReportCellFormat; readonly header?: ReportTextKey }
  | ReportTableColumn;

type Translate = (key: ReportTextKey) => string;

type NamedRef = Extract<ColumnRef, { readonly name: ColumnName }>;

function named(ref: ColumnRef): NamedRef | ReportTableColumn {
  if (typeof ref === "string") return { name: ref };
  if (isFormatted(ref)) return { name: ref[0], format: ref[1] };
  return ref;
}

function isFormatted(ref: ColumnRef): ref is readonly [ColumnName, ReportCellFormat] {
  return Array.isArray(ref);
}

function resolve(t: Translate, ref: ColumnRef): ReportTableColumn {
  const r = named(ref);
  if ("label" in r) return r;
  const def: ColumnDef = COLUMNS[r.name];
  const header = r.header ?? def.header;
  return { key: r.key ?? def.key, label: header === "" ? "" : t(header), format: r.format ?? def.format };
}

/** The columns of a table, in the report language. */
export function tableColumns(t: Translate, refs: readonly ColumnRef[]): ReportTableColumn[] {
  return refs.map((ref) => resolve(t, ref));
}

/** Columns whose headers are data: one per key, the header its label (periods, hours, clusters). */
export function dataColumns(keys: readonly string[], format: ReportCellFormat, label: (key: string, i: number) => string = (k) => k): ReportTableColumn[] {
  return keys.map((key, i) => ({ key, label: label(key, i), format }));
}
