/** The shipped diagnosis-group files under data/diagnosis-groups/ (read once, cached). */
import { readDiagnosisGroups, type DiagnosisGroup } from "../stays/diagnosisGroups.js";
import { dataPath } from "../contract/packageRoot.js";

const cache = new Map<string, DiagnosisGroup[]>();

function read(file: string): DiagnosisGroup[] {
  let g = cache.get(file);
  if (!g) cache.set(file, (g = readDiagnosisGroups(dataPath("diagnosis-groups", file))));
  return g;
}

/** The nine preventable-admission groups of the elderly (danish-context.md). */
export function defaultPreventableGroups(): DiagnosisGroup[] {
  return read("preventable-admissions.csv");
}

/** The focus-area diagnosis groups of seed 002 (fractures, lower respiratory infections, unspecific). */
export function defaultFocusGroups(): DiagnosisGroup[] {
  return read("focus-areas.csv");
}
