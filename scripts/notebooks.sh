#!/usr/bin/env bash
# Runs every notebook in notebooks/ headless with the tslab (TypeScript) kernel.
#   scripts/notebooks.sh            execute into out/notebooks/ and check the outputs equal the committed ones
#   scripts/notebooks.sh --update   execute in place (refresh the committed outputs)
#   scripts/notebooks.sh [check|--update] NAME.ipynb …   only these notebooks
# Needs Debian's jupyter-nbconvert, python3-nbclient, jupyter-client, jupyter-core, python3-ipykernel
# (.ci/run installs them) and a built package (npm run build).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export TZ=Europe/Copenhagen
# Use Debian's python3 (the pyenv one first on PATH here has no Jupyter).
export PATH=/usr/bin:$PATH
# Register the tslab kernel against this checkout's tslab binary.
kdir=$(mktemp -d)
cat > "$kdir/kernel.json" <<JSON
{"argv": ["$root/node_modules/.bin/tslab", "kernel", "--config-path", "{connection_file}"],
 "display_name": "TypeScript (tslab)", "language": "typescript"}
JSON
/usr/bin/jupyter kernelspec install --user --name tslab "$kdir" >/dev/null
# Notebooks import "klynge" as a user would; type-checking in tslab resolves it through node_modules.
[ -e node_modules/klynge ] || ln -s .. node_modules/klynge
# 05-danfojs needs the real danfojs-node, installed with its two overrides by scripts/danfo-test.sh.
danfo=$root/out/danfo/node_modules/danfojs-node
if [ -d "$danfo" ]; then ln -sfn "$danfo" node_modules/danfojs-node; fi
mode=check
if [ "${1:-}" = "--update" ] || [ "${1:-}" = "check" ]; then mode=$1; shift; fi
only=" $* "
status=0
mkdir -p out/notebooks
for nb in notebooks/*.ipynb; do
  name=$(basename "$nb")
  if [ "$only" != "  " ] && [[ "$only" != *" $name "* ]]; then continue; fi
  if [ "$name" = "05-danfojs.ipynb" ] && [ ! -d "$danfo" ]; then
    if [ "${CI:-}" = "true" ]; then echo "FAILED: $name needs danfojs-node (run scripts/danfo-test.sh first)"; status=1; continue; fi
    echo "notebook $name: skipped — danfojs-node is not installed (scripts/danfo-test.sh installs it in out/danfo/)"
    continue
  fi
  echo "notebook $name"
  if [ "$mode" = "--update" ]; then
    (cd notebooks && /usr/bin/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.kernel_name=tslab "$name")
    python3 scripts/strip-notebook-metadata.py "$nb"
  else
    if ! (cd notebooks && /usr/bin/jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.kernel_name=tslab --output-dir "$root/out/notebooks" "$name"); then
      echo "FAILED: $name did not run"; status=1; continue
    fi
    python3 scripts/strip-notebook-metadata.py "out/notebooks/$name"
    if ! python3 scripts/compare-notebooks.py "$nb" "out/notebooks/$name"; then status=1; fi
  fi
done
exit $status
