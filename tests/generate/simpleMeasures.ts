/**
 * Independent, deliberately simple measurements on generated CSV text, used by the generator
 * tests (not the indicator engine): contacts of a patient ≤ 4 h apart are one stay; a stay
 * ≥ 12 h is an admission (danish-context.md, Sundhedsdatastyrelsen definitions).
 */

export interface Contact {
  patient: string;
  birth: string;
  municipality: number;
  admitted: number; // minutes (Date.UTC of the wall clock / 60000; DST ignored)
  discharged: number; // NaN when still admitted
  acute: boolean;
  inpatient: boolean;
  diagnosis: string; // normalised: no dot, no leading D
}

export interface Stay {
  patient: string;
  municipality: number;
  ageAtStart: number;
  start: number;
  end: number;
  acute: boolean;
  diagnosis: string;
  contacts: Contact[];
}

function minutes(text: string): number {
  if (text === "") return NaN;
  const [d, t] = text.split("T");
  const [y, mo, da] = d.split("-").map(Number);
  const [h, mi] = t.split(":").map(Number);
  return Date.UTC(y, mo - 1, da, h, mi) / 60000;
}

export function normaliseDiagnosis(code: string): string {
  const c = code.replace(".", "").toUpperCase();
  return /^D[A-Z]/.test(c) ? c.slice(1) : c;
}

export function parseAdmissions(text: string): Contact[] {
  const lines = text.split("\n");
  const out: Contact[] = [];
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i];
    if (l === "") continue;
    const f = l.split(",");
    out.push({
      patient: f[0],
      birth: f[1],
      municipality: Number(f[3]),
      admitted: minutes(f[5]),
      discharged: minutes(f[6]),
      acute: f[7] === "acute",
      inpatient: f[8] === "inpatient",
      diagnosis: normaliseDiagnosis(f[9]),
    });
  }
  return out;
}

function ageAt(birth: string, minute: number): number {
  const b = new Date(birth + "T00:00Z");
  const d = new Date(minute * 60000);
  let age = d.getUTCFullYear() - b.getUTCFullYear();
  if (d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

/** Merge contacts of a patient that overlap or lie ≤ 4 h apart into stays. */
export function toStays(contacts: Contact[]): Stay[] {
  const byPatient = new Map<string, Contact[]>();
  for (const c of contacts) {
    let l = byPatient.get(c.patient);
    if (!l) byPatient.set(c.patient, (l = []));
    l.push(c);
  }
  const stays: Stay[] = [];
  for (const list of byPatient.values()) {
    list.sort((a, b) => a.admitted - b.admitted);
    let cur: Stay | null = null;
    for (const c of list) {
      const end = Number.isNaN(c.discharged) ? Infinity : c.discharged;
      if (cur && c.admitted - cur.end <= 240) {
        cur.end = Math.max(cur.end, end);
        cur.contacts.push(c);
      } else {
        cur = { patient: c.patient, municipality: c.municipality, ageAtStart: ageAt(c.birth, c.admitted), start: c.admitted, end, acute: c.acute, diagnosis: c.diagnosis, contacts: [c] };
        stays.push(cur);
      }
    }
  }
  return stays;
}

export function isAdmission(s: Stay): boolean {
  return s.end - s.start >= 720;
}

/** Population counts: key `${year}|${municipality}|${age}` summed over sex (age 100+ → 100). */
export function parsePopulation(text: string): Map<string, number> {
  const m = new Map<string, number>();
  const lines = text.split("\n");
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === "") continue;
    const [y, muni, , age, n] = lines[i].split(",");
    const key = `${y}|${muni}|${parseInt(age, 10)}`;
    m.set(key, (m.get(key) ?? 0) + Number(n));
  }
  return m;
}

export function populationSum(pop: Map<string, number>, keep: (year: number, muni: number, age: number) => boolean): number {
  let s = 0;
  for (const [k, n] of pop) {
    const [y, muni, age] = k.split("|").map(Number);
    if (keep(y, muni, age)) s += n;
  }
  return s;
}

/**
 * Readmission share: among admissions (stays ≥ 12 h) of `filter`, the share followed by an
 * acute admission of the same patient starting within 30 days after discharge. Index stays
 * discharged in the last 30 days before `dataEnd` (minutes) are left out (window not complete).
 */
export function readmissionShare(
  stays: Stay[],
  filter: (s: Stay) => boolean,
  dataEnd = Infinity,
): { index: number; readmitted: number } {
  const byPatient = new Map<string, Stay[]>();
  for (const s of stays) {
    if (!isAdmission(s)) continue;
    let l = byPatient.get(s.patient);
    if (!l) byPatient.set(s.patient, (l = []));
    l.push(s);
  }
  let index = 0;
  let readmitted = 0;
  for (const list of byPatient.values()) {
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      if (!Number.isFinite(s.end) || s.end > dataEnd - 30 * 1440 || !filter(s)) continue;
      index++;
      const next = list[i + 1];
      if (next && next.acute && next.start - s.end <= 30 * 1440) readmitted++;
    }
  }
  return { index, readmitted };
}

/** Read a diagnosis-group file (comment lines start with #): prefixes by group. */
export function parseGroupFile(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const lines = text.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
  for (const l of lines.slice(1)) {
    const f = l.split(",");
    const g = f[0];
    const prefix = f[f.length - 1];
    let list = out.get(g);
    if (!list) out.set(g, (list = []));
    list.push(prefix);
  }
  return out;
}

export function inGroups(code: string, groups: Map<string, string[]>): boolean {
  for (const list of groups.values()) for (const p of list) if (code.startsWith(p)) return true;
  return false;
}

/** Cluster by municipality code from geography.csv text. */
export function parseGeography(text: string): Map<number, string> {
  return new Map(
    text
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => {
        const f = l.split(",");
        return [Number(f[0]), f[2]] as const;
      }),
  );
}

export function utcMinutes(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 60000;
}
