import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as klynge from "../../src/index.js";

// The package's public surface (src/index.ts → each layer's index, by name). The exact list is
// pinned by the API report (api/klynge.api.md, checked in npm test); these tests check its rules.

const root = join(import.meta.dirname, "..", "..");

/** Every name exported from src/index.ts with its declaration (aliases followed). */
function publicDeclarations(): { name: string; decl: ts.Declaration; isFunction: boolean }[] {
  const file = join(root, "src", "index.ts");
  const program = ts.createProgram([file], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  return checker.getExportsOfModule(moduleSymbol).map((e) => {
    let s = e;
    while (s.flags & ts.SymbolFlags.Alias) s = checker.getAliasedSymbol(s);
    return { name: e.name, decl: s.declarations![0], isFunction: (s.flags & ts.SymbolFlags.Function) !== 0 };
  });
}

describe("public API", () => {
  const exported = publicDeclarations();

  it("is exported by name: no layer index re-exports a whole module", () => {
    const layers = readdirSync(join(root, "src"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    const star: string[] = [];
    for (const layer of layers) {
      let text: string;
      try {
        text = readFileSync(join(root, "src", layer, "index.ts"), "utf8");
      } catch {
        continue; // cli/ has no index: it is the command line, not the library
      }
      if (/^\s*export\s+(type\s+)?\*/m.test(text)) star.push(layer);
    }
    expect(star).toEqual([]);
  });

  it("gives every exported function a JSDoc comment with an example", () => {
    const missing = exported
      .filter((e) => e.isFunction)
      .filter((e) => !ts.getJSDocTags(e.decl).some((t) => t.tagName.text === "example"))
      .map((e) => e.name);
    expect(missing).toEqual([]);
    expect(exported.filter((e) => e.isFunction).length).toBeGreaterThan(80);
  });

  it("keeps internals internal", () => {
    const names = new Set(exported.map((e) => e.name));
    for (const internal of [
      "staySource",
      "sortContacts",
      "sortContactsOrIdentity",
      "sameContact",
      "findRelations",
      "withAtomicDirectory",
      "D2_TWO",
      "decideSuppression",
      "blankRows",
      "suppressRows",
      "orderByPatient",
      "groupRows",
      "seededRandom",
      "Random",
      "hashLabel",
      "parsePatientId",
      "looksLikeCpr",
    ]) {
      expect(names.has(internal), internal).toBe(false);
      expect(internal in klynge, internal).toBe(false);
    }
    // SuppressOptions.inPlace was an internal switch of computeIndicators.
    const suppressOptions = exported.find((e) => e.name === "SuppressOptions")!.decl as ts.InterfaceDeclaration;
    expect(suppressOptions.members.map((m) => m.name?.getText())).not.toContain("inPlace");
  });

  it("has the functions the README, the notebooks and the examples call", () => {
    for (const name of ["loadDataset", "computeIndicators", "computeStays", "suppressTable", "funnelPlotData", "pChart", "spcChart", "trendsChart", "renderSvg", "renderPng", "buildReport", "demoDataDir", "writeTable", "staggeredDid", "interruptedTimeSeries", "poissonGlm"] as const) {
      expect(typeof klynge[name], name).toBe("function");
    }
    expect(exported.length).toBeLessThan(400);
  });
});
