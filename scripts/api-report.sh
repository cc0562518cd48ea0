#!/usr/bin/env bash
# The public API report: API Extractor (pinned in package.json) reads the built declarations
# (dist/index.d.ts, so run the full build first: npm run build) and compares the exported surface
# with the committed api/klynge.api.md.
#   scripts/api-report.sh check    fail when the surface differs from the report (npm test, CI)
#   scripts/api-report.sh update   rewrite the report after a change made on purpose (npm run api:update)
set -uo pipefail
cd "$(dirname "$0")/.."
mode=${1:-check}
[ -f dist/index.d.ts ] || { echo "api report: dist/index.d.ts is missing — run npm run build first"; exit 1; }
mkdir -p out
case "$mode" in
  check)
    if node node_modules/@microsoft/api-extractor/bin/api-extractor run > out/api-extractor.log 2>&1; then
      echo "api report: the public API matches api/klynge.api.md"
    else
      cat out/api-extractor.log
      echo "api report: FAILED — the public API differs from api/klynge.api.md (diff it with out/api/klynge.api.md)."
      echo "  If the change is on purpose: npm run api:update, and commit api/klynge.api.md."
      exit 1
    fi
    ;;
  update)
    node node_modules/@microsoft/api-extractor/bin/api-extractor run --local > out/api-extractor.log 2>&1 || { cat out/api-extractor.log; exit 1; }
    echo "api report: api/klynge.api.md updated"
    ;;
  *) echo "usage: scripts/api-report.sh check|update"; exit 2 ;;
esac
