/**
 * Everything dated in one or more interventions as one time-ordered event list: adoption
 * starts, key assessments (which chosen keys are in place — never a score out of seven: the keys
 * are a selection, seed 003), PDSA cycles (start and end), milestones, status reports, the
 * decision to spread and target deadlines — the data behind a timeline chart and
 * the phase splits of the analysis. Sorted by date, then intervention, then the kind order below.
 */
import type { Intervention } from "./interventionSchema.js";
import { IMPLEMENTATION_KEYS } from "./vocabulary.js";
import type { ImplementationKey } from "./vocabulary.js";

export const TimelineEventKind = {
  decision: "decision",
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
  /** Hospital unit of a hospital adoption; null otherwise. */
  readonly hospital: string | null;
  /** Id of the cycle, milestone or target; null for adoption starts, key assessments and reports. */
  readonly id: string | null;
  readonly label: string;
  /** Adoption phase, milestone state, decision basis; null otherwise. */
  readonly state: string | null;
  /** Key assessments: the keys chosen (not "not_chosen"), and of those the keys in place. */
  readonly keysChosen: readonly ImplementationKey[];
  readonly keysInPlace: readonly ImplementationKey[];
  /** True when the source marks the item as illustrative. */
  readonly illustrative: boolean;
}

/**
 * @example adoptionTimeline(frail).filter((e) => e.kind === "adoption_start").map((e) => e.cluster)
 */
export function adoptionTimeline(input: Intervention | readonly Intervention[]): TimelineEvent[] {
  const list: readonly Intervention[] = Array.isArray(input) ? input : [input as Intervention];
  const ev: TimelineEvent[] = [];
  for (const iv of list) {
    const base = {
      intervention: iv.id,
      end: null,
      cluster: null,
      municipality: null,
      hospital: null,
      id: null,
      state: null,
      keysChosen: [],
      keysInPlace: [],
      illustrative: false,
    };
    if (iv.decision?.date !== undefined)
      ev.push({ ...base, date: iv.decision.date, kind: "decision", label: iv.decision.approved_by ?? iv.decision.basis, state: iv.decision.basis });
    for (const a of iv.adoptions) {
      const who = { cluster: a.cluster, municipality: a.municipality ?? null, hospital: a.hospital ?? null, illustrative: a.illustrative === true };
      const name = a.municipality !== undefined ? `${a.cluster} / ${a.municipality}` : a.hospital !== undefined ? `${a.cluster} / ${a.hospital}` : a.cluster;
      ev.push({ ...base, ...who, date: a.start, kind: "adoption_start", label: name, state: a.phase });
      for (const k of a.key_assessments) {
        const chosen = IMPLEMENTATION_KEYS.filter((key) => k.keys[key] !== undefined && k.keys[key]?.state !== "not_chosen");
        ev.push({
          ...base,
          ...who,
          date: k.date,
          kind: "key_assessment",
          label: name,
          keysChosen: chosen,
          keysInPlace: chosen.filter((key) => k.keys[key]?.state === "in_place"),
        });
      }
    }
    for (const c of iv.pdsa_cycles)
      ev.push({ ...base, cluster: c.cluster ?? null, date: c.start, end: c.end ?? null, kind: "pdsa_cycle", id: c.id, label: c.plan });
    for (const m of iv.milestones)
      ev.push({ ...base, date: m.date, kind: "milestone", id: m.id, label: m.description, state: m.state, illustrative: m.illustrative === true });
    for (const r of iv.status_reports) ev.push({ ...base, cluster: r.cluster ?? null, date: r.date, kind: "status_report", label: r.text });
    for (const t of iv.targets)
      ev.push({ ...base, date: t.deadline, kind: "target_deadline", id: t.id, label: `${t.indicator} (${t.group})`, illustrative: t.illustrative === true });
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
