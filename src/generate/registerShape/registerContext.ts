/**
 * What the per-format writers share: the contact table (read, never copied), the dictionaries
 * pre-encoded as CSV field bytes, the date style, the patient order, and how files are opened.
 */

import { join } from "node:path";
import type { ContactTable } from "../../contract/tables.js";
import { ByteOutput, asciiBytes, type ByteDictionary } from "./byteOutput.js";
import type { PatientContactOrder } from "./patientContactOrder.js";
import type { RegisterDateText } from "./registerDateText.js";

export interface RegisterContext {
  readonly contacts: ContactTable;
  /** Field separator. */
  readonly d: string;
  /** Field separator byte. */
  readonly sep: number;
  readonly dates: RegisterDateText;
  /** Patient ids by patient index, as CSV fields. */
  readonly ids: ByteDictionary;
  /** Diagnoses by index as ICD-10 (`J189`), as CSV fields. */
  readonly icd: ByteDictionary;
  /** Diagnoses by index as SKS (`DJ189`), as CSV fields. */
  readonly sks: ByteDictionary;
  /** Hospitals by index, as CSV fields. */
  readonly hospitals: ByteDictionary;
  readonly order: PatientContactOrder;
  readonly outDir: string;
  readonly gzip: boolean;
  readonly unitPrice: number | null;
}

/** Open `name.csv` (or `.csv.gz`) in the output folder and write its header. */
export function openRegisterFile(ctx: RegisterContext, name: string, columns: readonly string[]): { out: ByteOutput; path: string } {
  const path = join(ctx.outDir, `${name}.csv${ctx.gzip ? ".gz" : ""}`);
  const out = new ByteOutput(path, ctx.gzip);
  out.ascii(columns.join(ctx.d));
  out.byte(10);
  return { out, path };
}

/** Cached bytes of a municipality text per code (Int16 range), built on first use. */
export function municipalityBytes(format: (code: number) => string): (code: number) => Uint8Array {
  const cache: Uint8Array[] = new Array<Uint8Array>(65536);
  return (code: number): Uint8Array => {
    const k = code + 32768;
    let s = cache[k];
    if (s === undefined) {
      s = asciiBytes(format(code));
      cache[k] = s;
    }
    return s;
  };
}
