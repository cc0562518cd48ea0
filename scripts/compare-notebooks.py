"""Checks that a freshly executed notebook has the same outputs as the committed one, and no errors."""
import json, sys

def outputs(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    result = []
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        outs = []
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                raise SystemExit(f"{path}: cell {i} raised {o.get('ename')}: {o.get('evalue')}")
            o = {k: v for k, v in o.items() if k not in ("execution_count", "metadata")}
            outs.append(o)
        result.append(outs)
    return result

committed, fresh = outputs(sys.argv[1]), outputs(sys.argv[2])
if committed != fresh:
    for i, (a, b) in enumerate(zip(committed, fresh)):
        if a != b:
            print(f"{sys.argv[1]}: code cell {i} output differs from the committed notebook (run scripts/notebooks.sh --update)")
            print("  committed:", json.dumps(a)[:400])
            print("  fresh:    ", json.dumps(b)[:400])
            break
    else:
        print(f"{sys.argv[1]}: number of code cells differs")
    raise SystemExit(1)
print(f"{sys.argv[1]}: outputs match")
