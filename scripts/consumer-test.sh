#!/usr/bin/env bash
# The package as a user gets it: npm pack (prepack builds the full package), the tarball's contents
# checked, then installed into fresh ESM and CommonJS TypeScript projects (module node16, strict,
# skipLibCheck false) that type-check and run a script loading the bundled demo via demoDataDir().
# Needs the npm registry (or the npm cache) for klynge's dependencies. Prints "consumer test: OK".
#   scripts/consumer-test.sh [klynge-x.y.z.tgz]    (default: npm pack here)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/klynge-consumer-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "consumer test: FAILED — $*"; exit 1; }

if [ $# -ge 1 ]; then
  tgz=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
else
  echo "consumer test: npm pack (prepack runs the full build)"
  npm pack --silent --pack-destination "$work" >/dev/null
  tgz=$(ls "$work"/klynge-*.tgz)
fi
tar -tzf "$tgz" > "$work/files.txt"
for f in package/dist/index.d.ts package/dist/index.d.cts package/dist/index.cjs package/dist/index.js package/dist/rangeWorker.js package/dist/rangeWorker.cjs package/bin/klynge.cjs package/docs/registers.md package/data/demo/population.csv; do
  grep -qx "$f" "$work/files.txt" || fail "$f is not in the tarball"
done
if grep -q '\.map$' "$work/files.txt"; then fail "the tarball carries source maps"; fi
if grep -qx 'package/nation' "$work/files.txt"; then fail "the stray file nation is in the tarball"; fi
# Every relative link of the packaged README points at a file in the package.
tar -xzf "$tgz" -C "$work" package/README.md
for link in $(grep -o '](\([^)#]*\)' "$work/package/README.md" | sed 's/^](//' | grep -v '^https\?:' | sort -u); do
  grep -qx "package/$link" "$work/files.txt" || fail "README links to $link, which is not in the package"
done
echo "consumer test: tarball $(du -k "$tgz" | cut -f1) KB, $(wc -l < "$work/files.txt") files, no source maps, README links resolve"

# One install shared by both projects (node resolves node_modules upwards from esm/ and cjs/).
cat > "$work/package.json" <<'EOF'
{ "name": "klynge-consumers", "private": true }
EOF
ts=$(node -p 'require("./package.json").devDependencies.typescript')
types=$(node -p 'require("./package.json").devDependencies["@types/node"]')
(cd "$work" && npm install --no-audit --no-fund --prefer-offline --loglevel=error "$tgz" "typescript@$ts" "@types/node@$types" >/dev/null)

tsconfig='{
  "compilerOptions": {
    "module": "node16", "moduleResolution": "node16", "target": "es2022",
    "strict": true, "skipLibCheck": false, "types": ["node"], "outDir": "out", "rootDir": "."
  },
  "files": ["main.ts"]
}'
body='  const dir = demoDataDir();
  if (dir === null) throw new Error("demoDataDir() found no demo");
  const dataset = await loadDataset(dir);
  if (!dataset.report.ok) throw new Error("the bundled demo did not load cleanly");
  const rows: IndicatorRow[] = computeIndicators(dataset, { levels: ["region"], period: "year", groups: ["65+"], indicators: ["admission_rate"] });
  const chart: Chart<TrendsChartRow> = trendsChart(computeIndicators(dataset, { levels: ["region", "cluster"], period: "year", groups: ["65+"], indicators: ["admission_rate"] }));
  const spec: VegaLiteSpec = chart.spec;
  // The parser threads (dist/rangeWorker.js or .cjs) from the installed package: same result as one thread.
  const plain = mkdtempSync(join(process.cwd(), "plain-")); // inside the test folder, removed at the end
  await generateDataset({ outDir: plain, seed: 1, scale: "region", years: [2023, 2023], fraction: 0.05, gzip: false });
  const one = await loadDataset(plain, { cache: false, workers: 1 });
  const two = await loadDataset(plain, { cache: false, workers: 2, chunkSize: 65536 });
  if (JSON.stringify(one.report) !== JSON.stringify(two.report) || one.contacts.length !== two.contacts.length) throw new Error("workers: 2 loaded something else");
  console.log(`KIND: ${dataset.contacts.length} contacts, ${rows.length} region rows, ${chart.data.length} chart rows, spec ${typeof spec.$schema}; ${two.contacts.length} contacts with 2 parser threads, as with 1`);'
imports='{ computeIndicators, demoDataDir, generateDataset, loadDataset, trendsChart, type Chart, type IndicatorRow, type TrendsChartRow, type VegaLiteSpec }'

mkdir -p "$work/esm" "$work/cjs"
echo '{ "name": "consumer-esm", "private": true, "type": "module" }' > "$work/esm/package.json"
echo '{ "name": "consumer-cjs", "private": true, "type": "commonjs" }' > "$work/cjs/package.json"
echo "$tsconfig" > "$work/esm/tsconfig.json"
echo "$tsconfig" > "$work/cjs/tsconfig.json"
nodeImports='import { mkdtempSync } from "node:fs";\nimport { join } from "node:path";\n'
printf "$nodeImports"'import %s from "klynge";\n\n%s\n' "$imports" "${body//KIND/esm}" > "$work/esm/main.ts"
printf "$nodeImports"'import %s from "klynge";\n\nasync function main(): Promise<void> {\n%s\n}\nmain().catch((e: unknown) => {\n  console.error(e);\n  process.exitCode = 1;\n});\n' "$imports" "${body//KIND/cjs}" > "$work/cjs/main.ts"

for kind in esm cjs; do
  echo "consumer test: $kind project — tsc $(node "$work/node_modules/typescript/bin/tsc" -v) (strict, skipLibCheck false)"
  (cd "$work/$kind" && node ../node_modules/typescript/bin/tsc -p .) || fail "the $kind project does not type-check"
  out=$(cd "$work/$kind" && node out/main.js) || fail "the $kind project does not run"
  echo "  $out"
  case "$out" in "$kind: "*contacts*) ;; *) fail "the $kind script printed: $out" ;; esac
done
# The CLI from the installed package.
(cd "$work" && npx --no-install klynge --version) | grep -q '^klynge ' || fail "npx klynge --version"
echo "consumer test: OK"
