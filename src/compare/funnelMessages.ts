/**
 * The one catalogue of user-facing text of the funnel-plot part of the compare layer: errors
 * thrown at the boundary and the notes attached to results and units.
 */
export const funnelMessages = {
  noUnits: (fn: string) => `${fn}: at least one unit is required.`,
  badType: (fn: string, t: unknown) => `${fn}: type must be "proportion", "rate" or "ratio"; received ${JSON.stringify(t)}.`,
  badNumber: (fn: string, name: string, v: unknown) => `${fn}: ${name} must be a finite number >= 0; received ${String(v)}.`,
  badPositive: (fn: string, name: string, v: unknown) => `${fn}: ${name} must be a finite number > 0; received ${String(v)}.`,
  proportionAboveOne: (fn: string, unit: string, x: number, n: number) =>
    `${fn}: unit ${JSON.stringify(unit)} has numerator ${x} above its denominator ${n}; a proportion cannot exceed 1.`,
  targetOutOfRange: (fn: string, t: number) => `${fn}: a proportion target must lie in [0, 1]; received ${t}.`,
  duplicateUnit: (fn: string, unit: string) => `${fn}: unit ${JSON.stringify(unit)} appears more than once.`,
  badTrim: (fn: string, v: unknown) => `${fn}: trim must be a fraction in [0, 0.5); received ${String(v)}.`,
  noRange: (fn: string) => `${fn}: give either denominators or a range (from, to) with 0 < from <= to.`,
  // Notes (not errors).
  methodPhe: () =>
    "Method: PHE/Fingertips unadjusted limits (proportions: Wilson-score based; rates and ratios: exact Poisson).",
  methodSpiegelhalter: (phi: number, tau2: number, trim: string) =>
    `Method: Spiegelhalter overdispersion-adjusted limits (${trim}); phi = ${fmt(phi)}, tau2 = ${fmt(tau2)}.`,
  methodFallback: (phi: number) =>
    `Overdispersion adjustment asked for, but phi = ${fmt(phi)} <= 1 (no overdispersion): unadjusted PHE limits are used.`,
  tooFewForOverdispersion: (n: number) =>
    `Only ${n} unit(s) with a usable z-score: overdispersion cannot be estimated, so unadjusted PHE limits are used.`,
  singleUnit: () => "A single unit: it is compared with the target it defines itself, so it cannot be an outlier unless a target is given.",
  zeroNumerator: () => "Numerator 0: the value is 0; its upper limit comes from the exact Poisson/Wilson interval.",
  zeroNumeratorLogZ: () =>
    "Numerator 0: log(O/E) is undefined, so the z-score uses 0.5 events (continuity correction).",
  zeroDenominator: () => "Denominator 0: no value; the unit is not classed.",
  smallDenominator: (n: number) =>
    `Small denominator (${fmt(n)}): limits are very wide and the unit can rarely be classed as an outlier.`,
  dsrFewEvents: () => "Fewer than 10 events: a directly standardised rate is not classed (PHE convention).",
  classRule: (rule: "proportion" | "expected" | "observed") =>
    rule === "proportion"
      ? "Classes: the value is compared with the limits at the unit's own denominator (PHE assign_funnel_significance)."
      : rule === "expected"
        ? "Classes: the value is compared with the drawn exact Poisson limits of the expected count at the unit's own denominator (FunnelPlotR)."
        : "Classes: the unit's own Poisson interval (exact below 10 events, Byars from 10) is compared with the target (PHE assign_funnel_significance), the test the drawn PHE limits show.",
  classRuleAdjusted: () => "Classes: the value is compared with the overdispersion-adjusted limits at the unit's own denominator (FunnelPlotR).",
} as const;

function fmt(v: number): string {
  return Number.isFinite(v) ? Number(v.toPrecision(6)).toString() : String(v);
}
