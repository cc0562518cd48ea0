/**
 * The cache file format (docs/cache.md), version 1: a loaded Dataset as one file.
 *
 *   bytes 0–7    magic "KLYNGEC" + format byte 1
 *   bytes 8–11   header length H (uint32, little endian); bytes 12–15 zero
 *   bytes 16…    header: UTF-8 JSON (the key, the load report, the small tables, and for each typed
 *                column its name, type, offset and length)
 *   then         the columns' bytes, each starting at a multiple of 8 bytes from the file start
 *
 * Reading is one read of the whole file into one ArrayBuffer and a typed-array view per column:
 * nothing is parsed or copied per row. Text columns are stored as they are held in memory — a
 * dictionary index column plus the dictionary (hospitals and diagnoses in the JSON header; patient
 * ids as UTF-8 bytes with offsets, read lazily as the loader's list is). Measured against Arrow
 * IPC (apache-arrow 21) in bench/cacheFormat.ts.
 */

import type { Dataset, LoadReport } from "../../contract/dataset.js";
import type { ContactTable, PopulationTable } from "../../contract/tables.js";
import { lazyStringList, utf8Bytes } from "../dictionary.js";
import type { FileFingerprint } from "./inputFingerprint.js";

export const CACHE_MAGIC = Buffer.from("KLYNGEC\u0001", "latin1");
const PRELUDE = 16;

type Typed = Int32Array | Int16Array | Uint16Array | Int8Array | Uint8Array | Float32Array | Float64Array;
const TYPES = { i32: Int32Array, i16: Int16Array, u16: Uint16Array, i8: Int8Array, u8: Uint8Array, f32: Float32Array, f64: Float64Array } as const;
type TypeName = keyof typeof TYPES;

function typeName(a: Typed): TypeName {
  if (a instanceof Int32Array) return "i32";
  if (a instanceof Int16Array) return "i16";
  if (a instanceof Uint16Array) return "u16";
  if (a instanceof Int8Array) return "i8";
  if (a instanceof Uint8Array) return "u8";
  if (a instanceof Float32Array) return "f32";
  return "f64";
}

/** What identifies the data of an entry: klynge's version, the cache format, the options, the inputs. */
export interface CacheKey {
  readonly version: string;
  readonly format: number;
  /** The load options that change what is loaded, as JSON. */
  readonly options: string;
  readonly inputs: readonly FileFingerprint[];
}

export interface CacheHeader {
  readonly key: CacheKey;
  /** When the entry was written (ISO time). */
  readonly written: string;
  readonly report: Omit<LoadReport, "dir" | "cache">;
  readonly geography: Dataset["geography"];
  readonly sectorCosts: Dataset["sectorCosts"];
  readonly experience: Dataset["experience"];
  /** adverse_events.csv rows (null: not given). */
  readonly adverseEvents?: Dataset["adverseEvents"];
  /** care_status.csv: rows of patients with no contact (null: not given); its periods are columns. */
  readonly careStatusUnmatched?: number | null;
  readonly contactsLength: number;
  readonly hospitals: readonly string[];
  readonly diagnoses: readonly string[];
  readonly patients: number;
  readonly populationLength: number;
  readonly deathsUnmatched: number | null;
  readonly hasPatientOrder: boolean;
  readonly columns: readonly { readonly name: string; readonly type: TypeName; readonly offset: number; readonly length: number }[];
}

const CONTACT_COLUMNS = ["patient", "birthDate", "sex", "municipality", "hospital", "admittedAt", "dischargedAt", "acute", "inpatient", "diagnosis", "referral", "cost", "sourceLine"] as const;
const POPULATION_COLUMNS = ["year", "municipality", "sex", "age", "ageOpen", "count"] as const;

/** The entry's bytes as a list of buffers to write in order. */
export function encodeDataset(ds: Dataset, key: CacheKey, written: Date): Buffer[] {
  const c = ds.contacts;
  const arrays: [string, Typed][] = CONTACT_COLUMNS.map((k) => [`contacts.${k}`, c[k]]);
  if (c.patientOrder) arrays.push(["contacts.order.start", c.patientOrder.start], ["contacts.order.order", c.patientOrder.order]);
  const ids = utf8Bytes(c.patientIds); // the loader's bytes as they are, when it kept them
  arrays.push(["patientIds.bytes", ids.bytes], ["patientIds.offsets", ids.offsets]);
  for (const k of POPULATION_COLUMNS) arrays.push([`population.${k}`, ds.population[k]]);
  if (ds.deaths !== null) arrays.push(["deaths.diedOnByPatient", ds.deaths.diedOnByPatient]);
  const care = ds.careStatus ?? null;
  if (care !== null) arrays.push(["careStatus.patient", care.patient], ["careStatus.status", care.status], ["careStatus.from", care.from], ["careStatus.to", care.to]);

  // The header's length fixes the columns' offsets: lay out with offsets relative to the data start, then shift.
  const rel: { name: string; type: TypeName; offset: number; length: number }[] = [];
  let at = 0;
  for (const [name, a] of arrays) {
    rel.push({ name, type: typeName(a), offset: at, length: a.length });
    at += Math.ceil(a.byteLength / 8) * 8;
  }
  const { dir: _dir, cache: _cache, ...report } = ds.report;
  const headerOf = (shift: number): CacheHeader => ({
    key,
    written: written.toISOString(),
    report,
    geography: ds.geography,
    sectorCosts: ds.sectorCosts,
    experience: ds.experience,
    adverseEvents: ds.adverseEvents ?? null,
    careStatusUnmatched: care === null ? null : care.unmatched,
    contactsLength: c.length,
    hospitals: c.hospitals,
    diagnoses: c.diagnoses,
    patients: c.patientIds.length,
    populationLength: ds.population.length,
    deathsUnmatched: ds.deaths === null ? null : ds.deaths.unmatched,
    hasPatientOrder: Boolean(c.patientOrder),
    columns: rel.map((r) => ({ ...r, offset: r.offset + shift })),
  });
  // The shift depends on the header's length, which depends on the shift's digits: iterate to a fixed point.
  let shift = 0;
  let json = "";
  for (let k = 0; k < 4; k++) {
    json = JSON.stringify(headerOf(shift));
    const next = Math.ceil((PRELUDE + Buffer.byteLength(json)) / 8) * 8;
    if (next === shift) break;
    shift = next;
  }
  json = JSON.stringify(headerOf(shift));
  const headerBytes = Buffer.from(json, "utf8");
  if (Math.ceil((PRELUDE + headerBytes.length) / 8) * 8 !== shift) throw new Error("cache header layout did not settle");
  const prelude = Buffer.alloc(PRELUDE);
  CACHE_MAGIC.copy(prelude, 0);
  prelude.writeUInt32LE(headerBytes.length, 8);
  const out: Buffer[] = [prelude, headerBytes, Buffer.alloc(shift - PRELUDE - headerBytes.length)];
  for (const [, a] of arrays) {
    out.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    const pad = Math.ceil(a.byteLength / 8) * 8 - a.byteLength;
    if (pad > 0) out.push(Buffer.alloc(pad));
  }
  return out;
}

/** The header of an entry from its first bytes, or null when they are not a cache entry of this format. */
export function readHeader(head: Buffer, readMore: (length: number) => Buffer): CacheHeader | null {
  if (head.length < PRELUDE || !head.subarray(0, CACHE_MAGIC.length).equals(CACHE_MAGIC)) return null;
  const len = head.readUInt32LE(8);
  const bytes = head.length >= PRELUDE + len ? head.subarray(PRELUDE, PRELUDE + len) : readMore(PRELUDE + len).subarray(PRELUDE, PRELUDE + len);
  try {
    return JSON.parse(bytes.toString("utf8")) as CacheHeader;
  } catch {
    return null;
  }
}

/** The Dataset of an entry: `data` holds the whole file (at byte offset 0 of its ArrayBuffer, for aligned views). */
export function decodeDataset(header: CacheHeader, data: Uint8Array, dir: string): Dataset {
  if (data.byteOffset % 8 !== 0) throw new Error("cache data not aligned");
  const col = new Map<string, Typed>();
  for (const c of header.columns) {
    const T = TYPES[c.type];
    if (c.offset % 8 !== 0 || c.offset + c.length * T.BYTES_PER_ELEMENT > data.byteLength) throw new Error(`cache column ${c.name} out of range`);
    col.set(c.name, new T(data.buffer as ArrayBuffer, data.byteOffset + c.offset, c.length));
  }
  const get = <T extends Typed>(name: string): T => {
    const a = col.get(name);
    if (a === undefined) throw new Error(`cache column ${name} missing`);
    return a as T;
  };
  const idb = get<Uint8Array>("patientIds.bytes");
  const ido = get<Int32Array>("patientIds.offsets");
  const view = Buffer.from(idb.buffer as ArrayBuffer, idb.byteOffset, idb.byteLength);
  const n = header.patients;
  const contacts: ContactTable = {
    length: header.contactsLength,
    patient: get("contacts.patient"),
    patientIds: lazyStringList(() => n, (i) => view.toString("utf8", ido[i], ido[i + 1])),
    birthDate: get("contacts.birthDate"),
    sex: get("contacts.sex"),
    municipality: get("contacts.municipality"),
    hospital: get("contacts.hospital"),
    hospitals: header.hospitals,
    admittedAt: get("contacts.admittedAt"),
    dischargedAt: get("contacts.dischargedAt"),
    acute: get("contacts.acute"),
    inpatient: get("contacts.inpatient"),
    diagnosis: get("contacts.diagnosis"),
    diagnoses: header.diagnoses,
    referral: get("contacts.referral"),
    cost: get("contacts.cost"),
    sourceLine: get("contacts.sourceLine"),
    ...(header.hasPatientOrder ? { patientOrder: { start: get<Int32Array>("contacts.order.start"), order: get<Int32Array>("contacts.order.order") } } : {}),
  };
  const population: PopulationTable = {
    length: header.populationLength,
    year: get("population.year"),
    municipality: get("population.municipality"),
    sex: get("population.sex"),
    age: get("population.age"),
    ageOpen: get("population.ageOpen"),
    count: get("population.count"),
  };
  const deaths = header.deathsUnmatched === null ? null : { diedOnByPatient: get<Int32Array>("deaths.diedOnByPatient"), unmatched: header.deathsUnmatched };
  return {
    dir,
    contacts,
    population,
    geography: header.geography,
    deaths,
    sectorCosts: header.sectorCosts,
    experience: header.experience,
    adverseEvents: header.adverseEvents ?? null,
    careStatus:
      header.careStatusUnmatched === null || header.careStatusUnmatched === undefined
        ? null
        : { patient: get<Int32Array>("careStatus.patient"), status: get<Uint8Array>("careStatus.status"), from: get<Int32Array>("careStatus.from"), to: get<Int32Array>("careStatus.to"), unmatched: header.careStatusUnmatched },
    report: { ...header.report, dir },
  };
}
