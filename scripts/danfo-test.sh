#!/usr/bin/env bash
# The danfojs adapter against the real danfojs-node, in a separate small project (out/danfo/) that
# installs danfojs-node 1.2.0 from the registry with the two overrides it needs (its xlsx tarball
# lives outside the registry; tfjs-node downloads libtensorflow at install time):
#   xlsx → 0.18.5, @tensorflow/tfjs-node → npm:@tensorflow/tfjs@3.21.0   (about 340 MB)
# and the klynge tarball (argument 1, else npm pack here). Runs scripts/danfo/roundtrip.mjs.
# The project is kept, so that notebooks/05-danfojs.ipynb can use it (scripts/notebooks.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dir=$root/out/danfo
mkdir -p "$dir"
if [ $# -ge 1 ]; then
  tgz=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
else
  npm pack --silent --pack-destination "$dir" >/dev/null
  tgz=$(ls "$dir"/klynge-*.tgz | head -1)
fi
cat > "$dir/package.json" <<'JSON'
{
  "name": "klynge-danfo-check",
  "private": true,
  "type": "module",
  "dependencies": {
    "danfojs-node": "1.2.0"
  },
  "overrides": {
    "xlsx": "0.18.5",
    "@tensorflow/tfjs-node": "npm:@tensorflow/tfjs@3.21.0"
  }
}
JSON
started=$(date +%s)
(cd "$dir" && npm install --no-audit --no-fund --loglevel=error --no-save danfojs-node@1.2.0 "$tgz" >/dev/null)
echo "danfo test: danfojs-node 1.2.0 with the two overrides installed in $(( $(date +%s) - started )) s ($(du -sm "$dir/node_modules" | cut -f1) MB)"
cp scripts/danfo/roundtrip.mjs "$dir/roundtrip.mjs"
(cd "$dir" && node roundtrip.mjs)
