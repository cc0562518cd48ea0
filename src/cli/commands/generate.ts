/** `klynge generate`: write a synthetic dataset in the data contract. */

import { rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { generateDataset, writeRegisterFiles } from "../../generate/index.js";
import { loadDataset, REGISTER_FORMATS } from "../../io/index.js";
import { oneOf, parseCommandArgs, parseInteger, parseNumber, parseYears, requireOutFolder, UsageError } from "../args.js";
import { checkReplaceable, withAtomicDirectory } from "../../report/atomicOutput.js";

export const generateHelp = `klynge generate --out DIR [--seed N] [--years 2016-2023] [--scale region|nation]
                 [--fraction F] [--gzip] [--effect RR] [--format lpr3-a|lpr3-f|lpr2|npr [--date-style iso|sas]]
  Writes a complete synthetic dataset (admissions, population, geography, deaths, sector costs,
  experience, truth.json) for Region Midtjylland (region) or a Denmark-sized country (nation).
  The same seed gives byte-identical files. --fraction samples citizens (0 < F <= 1);
  --effect sets the injected intervention's rate ratio on 30-day readmissions of 65+ (1 = none).
  --format writes the contacts in the shape of a register extract instead (docs/registers.md), to
  try \`klynge import\` on; person ids are the synthetic pseudonymous ids. The folder holding DIR must exist.
  DIR is written atomically and replaced only when it is new, empty, or an earlier klynge generate
  holding only klynge's files; --force replaces another folder (never the current folder).`;

export async function generateCommand(argv: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      out: { type: "string" },
      seed: { type: "string" },
      years: { type: "string" },
      scale: { type: "string" },
      fraction: { type: "string" },
      gzip: { type: "boolean" },
      effect: { type: "string" },
      format: { type: "string" },
      "date-style": { type: "string" },
      force: { type: "boolean" },
    },
    false,
  );
  if (!values.out) throw new UsageError("needsOut", { command: "generate", what: "DIR" });
  requireOutFolder(values.out);
  const started = Date.now();
  let last = 0;
  const format = values.format === undefined ? null : oneOf("format", values.format, REGISTER_FORMATS, "lpr3-a");
  const dateStyle = oneOf("date-style", values["date-style"], ["iso", "sas"] as const, "iso");
  const out = values.out;
  const safety = { kind: "generate" as const, force: values.force === true };
  // Refuse a DIR that may not be replaced before generating (minutes at national scale), not after.
  checkReplaceable(out, safety);
  const truth = await withAtomicDirectory(
    out,
    async (staging) => {
      const contractDir = format === null ? staging : join(staging, ".contract");
      const t = await generateDataset({
        outDir: contractDir,
        seed: parseInteger("seed", values.seed, 1),
        years: values.years ? parseYears(values.years) : [2016, 2023],
        scale: oneOf("scale", values.scale, ["region", "nation"] as const, "region"),
        fraction: parseNumber("fraction", values.fraction, 1),
        gzip: values.gzip ?? false,
        interventionRateRatio: parseNumber("effect", values.effect, 0.75),
        progress: (p) => {
          const now = Date.now();
          if (now - last > 1000 || p.municipalitiesDone === p.municipalitiesTotal) {
            last = now;
            process.stderr.write(`\r  generating: ${p.municipalitiesDone}/${p.municipalitiesTotal} municipalities, ${p.contacts.toLocaleString("en")} contacts   `);
          }
        },
      });
      process.stderr.write("\n");
      if (format !== null) {
        const ds = await loadDataset(contractDir);
        const r = await writeRegisterFiles(ds, format, staging, { dateStyle, gzip: values.gzip ?? false });
        rmSync(contractDir, { recursive: true, force: true }); // inside the staging folder: klynge's own
        console.log(`wrote ${r.files.map((f) => join(out, relative(staging, resolve(staging, f)))).join(", ")} (${r.rows.toLocaleString("en")} contacts) as ${format}`);
      }
      return t;
    },
    safety,
  );
  console.log(`wrote a synthetic dataset to ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${truth.seed ?? values.seed ?? 1})`);
  return 0;
}
