#!/usr/bin/env bash
# The README's test command (npm test): build, type-check, the vitest suite, and the notebooks.
# Ends with one line "N passed, N failed[, N skipped]" (vitest tests plus notebooks).
set -uo pipefail
cd "$(dirname "$0")/.."
export TZ=Europe/Copenhagen
mkdir -p out
npm run build --silent || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
# The pinned TypeScript (package.json), called by path: node_modules/.bin/tsc is tslab's fork (5.0.4).
node node_modules/typescript/bin/tsc --noEmit || { echo "type-check failed"; echo "0 passed, 1 failed"; exit 1; }
# The public API against its committed report (api/klynge.api.md, API Extractor): fails when the
# surface changed and the report was not updated (npm run api:update, then commit the report).
api_pass=0; api_fail=0
if bash scripts/api-report.sh check; then api_pass=1; else api_fail=1; fi
npx vitest run --reporter=default --reporter=json --outputFile=out/vitest.json
vitest_rc=$?
nb_pass=0; nb_fail=0; nb_skip=0
if [ -x /usr/bin/jupyter ] && /usr/bin/python3 -c "import nbclient" 2>/dev/null; then
  if scripts/notebooks.sh; then nb_pass=$(ls notebooks/*.ipynb 2>/dev/null | wc -l); else nb_fail=1; fi
elif [ "${CI:-}" = "true" ]; then
  echo "notebooks: Jupyter is missing on a CI machine (.ci/run installs it)"; nb_fail=1
else
  echo "notebooks: skipped — install Debian's jupyter-nbconvert python3-nbclient jupyter-client jupyter-core python3-ipykernel to run them"
  nb_skip=$(ls notebooks/*.ipynb 2>/dev/null | wc -l)
fi
node -e '
const r = require("./out/vitest.json");
const p = r.numPassedTests + Number(process.argv[1]);
const f = r.numFailedTests + Number(process.argv[2]) + (r.numFailedTestSuites || 0);
const s = r.numPendingTests + r.numTodoTests + Number(process.argv[3]);
// Say which tests were skipped and why (their names carry the reason).
for (const file of r.testResults) for (const t of file.assertionResults) {
  if (t.status === "pending" || t.status === "skipped" || t.status === "todo") console.log(`skipped: ${t.fullName}`);
}
console.log(`${p} passed, ${f} failed` + (s ? `, ${s} skipped` : ""));
 ' "$((nb_pass + api_pass))" "$((nb_fail + api_fail))" "$nb_skip"
[ "$vitest_rc" -eq 0 ] && [ "$nb_fail" -eq 0 ] && [ "$api_fail" -eq 0 ]
