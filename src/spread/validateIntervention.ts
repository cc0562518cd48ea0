/**
 * Validates one intervention (already read from its file) and collects every problem:
 * first the structure (the zod schema, with catalogue messages and "did you mean" for unknown
 * fields), then — when the structure is sound — the cross-references and date rules:
 *
 * - ids are unique within each list (kernel, local variation, targets, PDSA cycles, milestones,
 *   critical success factors, risks, recommendations); one adoption per cluster (+ municipality);
 * - fidelity names kernel elements, adaptations name local-variation items, annual statuses
 *   name recommendations; a target names a known indicator (KNOWN_INDICATORS + options.indicators);
 * - with a geography (or a cluster list) every cluster named exists and an adopting
 *   municipality lies in its cluster;
 * - dates: a PDSA cycle does not end before it starts; a baseline does not start after it ends;
 *   a target's deadline is after its baseline; key assessments of an adoption are in strictly
 *   increasing date order (assessments before the adoption's start are allowed: they are
 *   readiness assessments of the spread platform); an annual recommendation status is not for
 *   a year before the adoption's start year;
 * - a target gives exactly one of target_value / relative_change, and a relative change agrees
 *   with the direction of improvement.
 * Warnings (never errors): fidelity not recorded for some kernel element of an adoption past
 * development; a spread platform without push or without pull once the intervention is spreading.
 */
import type { z } from "zod";
import type { GeographyRow } from "../contract/tables.js";
import { InterventionSchema } from "./interventionSchema.js";
import type { Intervention } from "./interventionSchema.js";
import { indicatorDescriptor } from "../indicators/descriptor.js";
import { KNOWN_INDICATORS, isKnownIndicator } from "./knownIndicators.js";
import { describeFound, formatSpreadPath, quotedList } from "./messages.js";
import type { NoteValue } from "../contract/note.js";
import type { SpreadMessageCode } from "./messages.js";
import { periodEndDate, periodOf, periodStartDate } from "../contract/period.js";
import { schemaIssueProblems } from "./schemaIssues.js";
import type { LineOf } from "./schemaIssues.js";
import { spreadProblem } from "./spreadProblem.js";
import type { SpreadProblem } from "./spreadProblem.js";

export interface InterventionCheckOptions {
  /** Indicator ids a target may name besides KNOWN_INDICATORS (the caller's own indicators). */
  readonly indicators?: readonly string[];
  /** Cluster names that exist; when neither this nor `geography` is given, clusters are not checked. */
  readonly clusters?: readonly string[];
  /** The dataset's geography: its clusters exist and each municipality lies in its cluster. */
  readonly geography?: readonly GeographyRow[];
  /** Line of a path in the source file (set by loadInterventions for YAML/JSON files). */
  readonly lineOf?: LineOf;
}

export interface InterventionCheck {
  /** The parsed intervention (defaults filled in), or null when the structure is wrong. */
  readonly intervention: Intervention | null;
  /** Every error and warning, in file order. */
  readonly problems: readonly SpreadProblem[];
  /** True when there is no error (warnings allowed). */
  readonly ok: boolean;
}

type Path = readonly (string | number)[];

/**
 * Checks one intervention object and returns every problem (never throws).
 * @example validateIntervention(YAML.parse(text), "tobs.yaml").ok
 */
export function validateIntervention(raw: unknown, file = "<input>", options: InterventionCheckOptions = {}): InterventionCheck {
  const lineOf: LineOf = options.lineOf ?? (() => null);
  const parsed = InterventionSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = schemaIssueProblems(parsed.error.issues, raw, file, lineOf);
    return { intervention: null, problems: sortProblems(problems), ok: false };
  }
  const problems = crossChecks(parsed.data, file, options, lineOf);
  const ok = problems.every((p) => p.severity !== "error");
  return { intervention: withDimensions(parsed.data), problems: sortProblems(problems), ok };
}

/** Fills in each target's documented default Triple Aim dimension: a known indicator's descriptor's (src/indicators/descriptor.ts), else population_health. */
function defaultDimension(indicator: string): Intervention["targets"][number]["dimension"] {
  const d = isKnownIndicator(indicator) ? indicatorDescriptor(indicator).dimension : null;
  return d === "experience" || d === "cost" ? d : "population_health";
}

function withDimensions(iv: z.infer<typeof InterventionSchema>): Intervention {
  return {
    ...iv,
    targets: iv.targets.map((t) => ({
      ...t,
      dimension: t.dimension ?? defaultDimension(t.indicator),
    })),
  };
}

function sortProblems(ps: SpreadProblem[]): SpreadProblem[] {
  // Stable: by line when known, else keep order.
  return ps
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map((x) => x.p);
}

function crossChecks(iv: z.infer<typeof InterventionSchema>, file: string, options: InterventionCheckOptions, lineOf: LineOf): SpreadProblem[] {
  const out: SpreadProblem[] = [];
  type Values = Readonly<Record<string, NoteValue>>;
  const err = (code: SpreadMessageCode, path: Path, values: Values, expected: string, found: string) =>
    out.push(spreadProblem(code, "error", file, lineOf(path), path, values, expected, found));
  const warn = (code: SpreadMessageCode, path: Path, values: Values, expected: string, found: string) =>
    out.push(spreadProblem(code, "warning", file, lineOf(path), path, values, expected, found));

  const uniqueIds = (list: readonly { id: string }[], key: string): string[] => {
    const first = new Map<string, number>();
    list.forEach((x, i) => {
      const f = first.get(x.id);
      if (f === undefined) first.set(x.id, i);
      else err("duplicate_id", [key, i, "id"], { id: x.id, first: formatSpreadPath([key, f, "id"]) }, "a unique id", x.id);
    });
    return [...first.keys()];
  };
  // Kind: an intervention has a kernel; a programme is a frame (no kernel, no adoptions of its own).
  if (iv.kind === "intervention" && iv.kernel.length === 0)
    err("kernel_missing", ["kernel"], {}, "at least one kernel element", "none");
  if (iv.kind === "programme") {
    if (iv.kernel.length > 0) err("programme_kernel", ["kernel"], {}, "no kernel", `${iv.kernel.length} elements`);
    if (iv.adoptions.length > 0)
      err("programme_adoptions", ["adoptions"], {}, "no adoptions", `${iv.adoptions.length} adoptions`);
    if (iv.programme !== undefined) err("programme_in_programme", ["programme"], {}, "no programme field", describeFound(iv.programme));
  }
  const kernelIds = uniqueIds(iv.kernel, "kernel");
  const variationIds = uniqueIds(iv.local_variation, "local_variation");
  uniqueIds(iv.targets, "targets");
  uniqueIds(iv.pdsa_cycles, "pdsa_cycles");
  uniqueIds(iv.milestones, "milestones");
  uniqueIds(iv.critical_success_factors, "critical_success_factors");
  uniqueIds(iv.risks, "risks");
  const recommendationIds = uniqueIds(iv.recommendations, "recommendations");

  // Clusters and municipalities.
  const geo = options.geography;
  const clusterList = geo ? [...new Set(geo.map((g) => g.cluster))] : options.clusters ? [...options.clusters] : null;
  const municipalityCluster = geo ? new Map(geo.map((g) => [g.municipality_code, g.cluster])) : null;
  const hospitalClusters = geo ? new Map<string, Set<string>>() : null;
  if (geo && hospitalClusters) for (const g of geo) (hospitalClusters.get(g.hospital_unit) ?? hospitalClusters.set(g.hospital_unit, new Set()).get(g.hospital_unit))!.add(g.cluster);
  const checkCluster = (name: string | undefined, path: Path) => {
    if (name === undefined || clusterList === null || clusterList.includes(name)) return;
    err("unknown_cluster", path, { name, known: quotedList(clusterList) }, clusterList.join(", "), describeFound(name));
  };
  iv.target_population.clusters.forEach((c, i) => checkCluster(c, ["target_population", "clusters", i]));
  iv.pdsa_cycles.forEach((c, i) => checkCluster(c.cluster, ["pdsa_cycles", i, "cluster"]));
  iv.status_reports.forEach((r, i) => checkCluster(r.cluster, ["status_reports", i, "cluster"]));

  // Targets.
  const indicators = [...KNOWN_INDICATORS, ...(options.indicators ?? [])];
  iv.targets.forEach((t, i) => {
    const at = (...rest: (string | number)[]): Path => ["targets", i, ...rest];
    if (!indicators.includes(t.indicator))
      err("unknown_indicator", at("indicator"), { id: t.indicator, known: quotedList(indicators) }, "a known indicator id", describeFound(t.indicator));
    else if (t.dimension === undefined && !isKnownIndicator(t.indicator))
      err("dimension_missing", at("dimension"), { indicator: t.indicator }, "population_health, experience or cost", "nothing");
    const bStart = periodStartDate(periodOf(t.baseline.start));
    const bEnd = periodEndDate(periodOf(t.baseline.end));
    if (bStart > periodStartDate(periodOf(t.baseline.end)))
      err("baseline_order", at("baseline"), { start: t.baseline.start, end: t.baseline.end }, "start <= end", `${t.baseline.start} > ${t.baseline.end}`);
    else if (t.deadline <= bEnd)
      err("deadline_before_baseline", at("deadline"), { due: t.deadline, end: bEnd }, `after ${bEnd}`, t.deadline);
    const hasValue = t.target_value !== undefined;
    const hasChange = t.relative_change !== undefined;
    if (!hasValue && !hasChange) err("target_missing", at(), {}, "target_value or relative_change", "neither");
    if (hasValue && hasChange) err("target_both", at(), {}, "one of them", "both");
    if (hasChange) {
      const c = t.relative_change as number;
      if ((t.direction === "decrease" && c > 0) || (t.direction === "increase" && c < 0))
        err("change_against_direction", at("relative_change"), { value: String(c), direction: t.direction }, `a change towards ${t.direction}`, String(c));
    }
  });

  // PDSA cycles.
  iv.pdsa_cycles.forEach((c, i) => {
    if (c.end !== undefined && c.end < c.start)
      err("pdsa_end_before_start", ["pdsa_cycles", i, "end"], { end: c.end, start: c.start }, `on or after ${c.start}`, c.end);
  });

  // Spread platform: push and pull both present once spreading (seed 003); pull may be recorded per receiver.
  if (iv.phase !== "development" && iv.kind === "intervention") {
    const sp = iv.spread_platform;
    const anyPull = (sp !== undefined && sp.pull.length > 0) || iv.adoptions.some((a) => a.pull.length > 0);
    const missing = [sp && sp.push.length > 0 ? null : "push", anyPull ? null : "pull"].filter((x): x is string => x !== null);
    if (missing.length > 0) {
      const what = missing.join(" and no ");
      warn("push_pull_missing", ["spread_platform"], { missing: missing.length === 2 ? "both" : missing[0] }, "push and pull", `no ${what}`);
    }
  }

  // Adoptions.
  const firstAdoption = new Map<string, number>();
  iv.adoptions.forEach((a, i) => {
    const at = (...rest: (string | number)[]): Path => ["adoptions", i, ...rest];
    const who =
      a.municipality !== undefined
        ? `municipality ${a.municipality} of cluster "${a.cluster}"`
        : a.hospital !== undefined
          ? `hospital "${a.hospital}" of cluster "${a.cluster}"`
          : `cluster "${a.cluster}"`;
    const whoValues: Values =
      a.municipality !== undefined
        ? { municipality: String(a.municipality), cluster: a.cluster }
        : a.hospital !== undefined
          ? { hospital: a.hospital, cluster: a.cluster }
          : { cluster: a.cluster };
    const key = `${a.cluster}\u0000${a.municipality ?? ""}\u0000${a.hospital ?? ""}`;
    if (a.municipality !== undefined && a.hospital !== undefined)
      err("municipality_and_hospital", at("hospital"), {}, "municipality or hospital, not both", "both");
    if (a.hospital !== undefined && hospitalClusters !== null) {
      const cs = hospitalClusters.get(a.hospital);
      if (cs === undefined)
        err("unknown_hospital", at("hospital"), { name: a.hospital, known: quotedList([...hospitalClusters.keys()]) }, "a hospital_unit of the geography", describeFound(a.hospital));
      else if (!cs.has(a.cluster))
        err("hospital_not_in_cluster", at("hospital"), { name: a.hospital, cluster: a.cluster }, `a hospital unit of ${a.cluster}`, describeFound(a.hospital));
    }
    const f = firstAdoption.get(key);
    if (f === undefined) firstAdoption.set(key, i);
    else err("duplicate_adoption", at(), { ...whoValues, first: formatSpreadPath(["adoptions", f]) }, "one adoption per cluster or municipality", who);

    checkCluster(a.cluster, at("cluster"));
    if (a.municipality !== undefined && municipalityCluster !== null) {
      const actual = municipalityCluster.get(a.municipality);
      if (actual === undefined) err("unknown_municipality", at("municipality"), { code: String(a.municipality) }, "a municipality of the geography", String(a.municipality));
      else if (actual !== a.cluster)
        err("municipality_not_in_cluster", at("municipality"), { code: String(a.municipality), cluster: a.cluster, actual }, `a municipality of ${a.cluster}`, String(a.municipality));
    }

    const firstElement = new Map<string, number>();
    a.fidelity.forEach((fi, j) => {
      const p = at("fidelity", j, "element");
      if (!kernelIds.includes(fi.element))
        err("unknown_kernel_element", p, { id: fi.element, known: quotedList(kernelIds) }, "a kernel element id", describeFound(fi.element));
      const fe = firstElement.get(fi.element);
      if (fe === undefined) firstElement.set(fi.element, j);
      else err("duplicate_fidelity", p, { element: fi.element, first: formatSpreadPath(at("fidelity", fe)) }, "one entry per kernel element", fi.element);
    });
    if (a.phase !== "development") {
      const notRecorded = kernelIds.filter((k) => !firstElement.has(k));
      if (notRecorded.length > 0)
        warn("fidelity_not_recorded", at("fidelity"), { n: notRecorded.length, elements: quotedList(notRecorded) }, kernelIds.join(", "), [...firstElement.keys()].join(", "));
    }

    a.adaptations.forEach((ad, j) => {
      if (ad.variation !== undefined && !variationIds.includes(ad.variation))
        err("unknown_variation", at("adaptations", j, "variation"), { id: ad.variation, known: quotedList(variationIds) }, "a local variation id", describeFound(ad.variation));
    });

    a.key_assessments.forEach((k, j) => {
      if (j > 0 && k.date <= a.key_assessments[j - 1].date) {
        const prev = a.key_assessments[j - 1].date;
        err("key_assessments_out_of_order", at("key_assessments", j, "date"), { on: k.date, previous: prev }, `after ${prev}`, k.date);
      }
    });

    const startYear = Number(a.start.slice(0, 4));
    const firstStatus = new Map<string, number>();
    a.recommendation_status.forEach((s, j) => {
      const p = at("recommendation_status", j);
      if (!recommendationIds.includes(s.recommendation))
        err("unknown_recommendation", [...p, "recommendation"], { id: s.recommendation, known: quotedList(recommendationIds) }, "a recommendation id", describeFound(s.recommendation));
      if (s.year < startYear)
        err("status_before_adoption", [...p, "year"], { year: String(s.year), start: a.start }, `${startYear} or later`, String(s.year));
      const k = `${s.year}\u0000${s.recommendation}`;
      const fs = firstStatus.get(k);
      if (fs === undefined) firstStatus.set(k, j);
      else
        err("duplicate_recommendation_status", p, { year: String(s.year), id: s.recommendation, first: formatSpreadPath(at("recommendation_status", fs)) }, "one status per year and recommendation", `${s.year} ${s.recommendation}`);
    });
  });
  return out;
}
