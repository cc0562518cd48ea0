/** Population groups by age: "all", closed bands "A-B" and open bands "A+". */
import { indicatorMessages } from "./messages.js";

export interface AgeGroup {
  readonly label: string;
  /** First age in the group (completed years). */
  readonly lo: number;
  /** Last age in the group, Infinity for open bands. */
  readonly hi: number;
}

/**
 * Parse a group label: "all" → every age; "0-2" → ages 0 to 2 inclusive; "65+" → 65 and older.
 * @throws RangeError quoting the label when it is not one of these forms.
 */
export function parseAgeGroup(label: string): AgeGroup {
  const t = label.trim();
  if (t === "all") return { label: t, lo: 0, hi: Infinity };
  let m = /^(\d+)\+$/.exec(t);
  if (m) return { label: t, lo: Number(m[1]), hi: Infinity };
  m = /^(\d+)\s*-\s*(\d+)$/.exec(t);
  if (m && Number(m[1]) <= Number(m[2])) return { label: t, lo: Number(m[1]), hi: Number(m[2]) };
  throw new RangeError(indicatorMessages.badAgeGroup(label));
}

/** True when an age belongs to the group. */
export function inAgeGroup(age: number, g: AgeGroup): boolean {
  return age >= g.lo && age <= g.hi;
}
