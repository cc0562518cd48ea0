/**
 * The cache's own format against Arrow IPC (apache-arrow, already a dependency) on the same
 * contact columns (docs/cache.md): time to write the file, to read it back into typed columns, and
 * its size. `npx tsx bench/cacheFormat.ts DIR [--runs N]` (DIR: a dataset folder).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeTable, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";
import { loadDataset } from "../src/index.js";
import { decodeDataset, encodeDataset, readHeader } from "../src/io/cache/datasetCodec.js";

const COLUMNS = ["patient", "birthDate", "sex", "municipality", "hospital", "admittedAt", "dischargedAt", "acute", "inpatient", "diagnosis", "referral", "cost", "sourceLine"] as const;

async function main(): Promise<void> {
  const dir = process.argv[2];
  const runs = Number(process.argv[process.argv.indexOf("--runs") + 1] || 3);
  const ds = await loadDataset(dir, { cache: false });
  const tmp = mkdtempSync(join(tmpdir(), "klynge-cacheformat-"));
  const own = join(tmp, "own.klc");
  const arrow = join(tmp, "contacts.arrow");
  const arrowIds = join(tmp, "ids.arrow");
  const key = { version: "bench", format: 1, options: "{}", inputs: [] };
  const t = { ownWrite: [] as number[], ownRead: [] as number[], arrowWrite: [] as number[], arrowRead: [] as number[] };
  let check = 0;
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now();
    writeFileSync(own, Buffer.concat(encodeDataset(ds, key, new Date())));
    t.ownWrite.push(performance.now() - t0);
    t0 = performance.now();
    const raw = readFileSync(own);
    const data = new Uint8Array(new ArrayBuffer(raw.length));
    data.set(raw);
    const header = readHeader(Buffer.from(data.buffer), () => Buffer.from(data.buffer));
    const back = decodeDataset(header!, data, dir);
    check += back.contacts.admittedAt[back.contacts.length - 1];
    t.ownRead.push(performance.now() - t0);

    t0 = performance.now();
    const table = makeTable(Object.fromEntries(COLUMNS.map((c) => [c, ds.contacts[c]])) as never) as unknown as Parameters<typeof tableToIPC>[0];
    // The patient ids as a second Arrow file (a table's columns share one length).
    const ids = new Table({ id: vectorFromArray(Array.from(ds.contacts.patientIds), new Utf8()) });
    writeFileSync(arrow, tableToIPC(table, "file"));
    writeFileSync(arrowIds, tableToIPC(ids, "file"));
    t.arrowWrite.push(performance.now() - t0);
    t0 = performance.now();
    const read = tableFromIPC(readFileSync(arrow));
    const cols = COLUMNS.map((c) => read.getChild(c)!.toArray());
    const idsBack = tableFromIPC(readFileSync(arrowIds)).getChild("id")!;
    check += idsBack.length;
    check += (cols[5] as Int32Array)[ds.contacts.length - 1];
    t.arrowRead.push(performance.now() - t0);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  console.log(`contacts: ${ds.contacts.length.toLocaleString("en")} (check ${check})`);
  console.log(`own format (whole dataset):  write ${med(t.ownWrite).toFixed(0)} ms, read ${med(t.ownRead).toFixed(0)} ms, ${(statSync(own).size / 1e6).toFixed(1)} MB`);
  console.log(`Arrow IPC (contact columns + patient ids): write ${med(t.arrowWrite).toFixed(0)} ms, read ${med(t.arrowRead).toFixed(0)} ms, ${((statSync(arrow).size + statSync(arrowIds).size) / 1e6).toFixed(1)} MB`);
  rmSync(tmp, { recursive: true, force: true });
}

void main();
