/**
 * Everything dated in one or more interventions as one time-ordered event list: adoption
 * starts, key assessments (with how many of the seven keys are in place), PDSA cycles (start and
 * end), milestones, status reports and target deadlines — the data behind a timeline chart and
 * the phase splits of the analysis. Sorted by date, then intervention, then the kind order below.
 */
import type { Intervention } from "./interventionSchema.js";
import { IMPLEMENTATION_KEYS } from "./vocabulary.js";

export const TimelineEventKind = {
  adoption_start: "adoption_start",
  key_assessment: "key_assessment",
  pdsa_cycle: "pdsa_cycle",
  milestone: "milestone",
  status_report: "status_report",
  target_deadline: "target_deadline",
} as const;
export type TimelineEventKind = keyof typeof TimelineEventKind;
const KIND_ORDER = Object.keys(TimelineEventKind);

export interface TimelineEvent {
  readonly intervention: string;
  readonly date: string;
  /** End date of a PDSA cycle; null otherwise. */
  readonly end: string | null;
  readonly kind: TimelineEventKind;
  readonly cluster: string | null;
  readonly municipality: number | null;
  /** Id of the cycle, milestone or target; null for adoption starts, key assessments and reports. */
  readonly id: string | null;
  readonly label: string;
  /** Adoption phase, milestone state, or "k/7 keys in place"; null otherwise. */
  readonly state: string | null;
}

/**
 * @example adoptionTimeline(frail).filter((e) => e.kind === "adoption_start").map((e) => e.cluster)
 */
export function adoptionTimeline(input: Intervention | readonly Intervention[]): TimelineEvent[] {
  const list: readonly Intervention[] = Array.isArray(input) ? input : [input as Intervention];
  const ev: TimelineEvent[] = [];
  for (const iv of list) {
    const base = { intervention: iv.id, end: null, cluster: null, municipality: null, id: null, state: null };
    for (const a of iv.adoptions) {
      const who = { cluster: a.cluster, municipality: a.municipality ?? null };
      const name = a.municipality === undefined ? a.cluster : `${a.cluster} / ${a.municipality}`;
      ev.push({ ...base, ...who, date: a.start, kind: "adoption_start", label: `${name} starts`, state: a.phase });
      for (const k of a.key_assessments) {
        const inPlace = IMPLEMENTATION_KEYS.filter((key) => k.keys[key]?.state === "in_place").length;
        const assessed = IMPLEMENTATION_KEYS.filter((key) => k.keys[key] !== undefined).length;
        ev.push({
          ...base,
          ...who,
          date: k.date,
          kind: "key_assessment",
          label: `${name}: ${assessed} of 7 implementation keys assessed`,
          state: `${inPlace}/7 keys in place`,
        });
      }
    }
    for (const c of iv.pdsa_cycles)
      ev.push({ ...base, cluster: c.cluster ?? null, date: c.start, end: c.end ?? null, kind: "pdsa_cycle", id: c.id, label: c.plan });
    for (const m of iv.milestones) ev.push({ ...base, date: m.date, kind: "milestone", id: m.id, label: m.description, state: m.state });
    for (const r of iv.status_reports) ev.push({ ...base, cluster: r.cluster ?? null, date: r.date, kind: "status_report", label: r.text });
    for (const t of iv.targets)
      ev.push({ ...base, date: t.deadline, kind: "target_deadline", id: t.id, label: `${t.indicator} (${t.group})` });
  }
  const order = new Map(list.map((iv, i) => [iv.id, i]));
  return ev
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : 0) ||
        (order.get(a.e.intervention) ?? 0) - (order.get(b.e.intervention) ?? 0) ||
        KIND_ORDER.indexOf(a.e.kind) - KIND_ORDER.indexOf(b.e.kind) ||
        a.i - b.i,
    )
    .map((x) => x.e);
}
