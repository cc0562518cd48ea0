"""Removes run-dependent metadata (timings, kernel versions) so that executed notebooks are deterministic."""
import json, sys

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    nb = json.load(f)
nb.get("metadata", {}).pop("widgets", None)
for cell in nb.get("cells", []):
    md = cell.get("metadata", {})
    md.pop("execution", None)
    if cell.get("cell_type") == "code":
        for out in cell.get("outputs", []):
            out.get("metadata", {}).pop("execution", None)
with open(path, "w", encoding="utf-8") as f:
    json.dump(nb, f, indent=1, ensure_ascii=False, sort_keys=True)
    f.write("\n")
