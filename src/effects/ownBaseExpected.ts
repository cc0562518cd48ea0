/**
 * Indirect standardisation of a group of units against each unit's own base-window rate: the
 * comparison term of a group-time effect in which only within-unit change over time enters.
 *
 * A group's pooled rate Σ events / Σ person-time shifts when its units differ in level and their
 * person-time shares change between the base and the compared period (units growing at different
 * rates, units joining or leaving) — a composition effect, not a change in any unit's rate
 * (Kitagawa, E. M. (1955). Components of a difference between two rates. JASA 50:1168–1194).
 * Standardising each unit against its own base rate removes it: the expected count of unit u at t
 * is E_u(t)·Y_u(B)/E_u(B), and the group's change is Σ observed / Σ expected, a standardised
 * incidence ratio with every unit its own reference (Breslow, N. E. & Day, N. E. (1987).
 * Statistical Methods in Cancer Research, vol. II, IARC, ch. 2, on indirect standardisation and
 * the SMR). With the same person-time in every period, or a single unit, it equals the pooled ratio.
 */

/** Observed and expected counts of a group at one period, with the gradient of log(expected). */
export interface OwnBaseExpected {
  /** Σ_u Y_u(t): the group's observed events at t. */
  readonly observed: number;
  /** Σ_u E_u(t)·Y_u(B)/E_u(B): expected events at t had every unit kept its own base rate. */
  readonly expected: number;
  /** Keys of the counts Y_u(t) (d log observed / d Y_u(t) = 1/observed). */
  readonly nowKeys: number[];
  /**
   * d log(expected) / d Y_u(b) for every base count: (E_u(t)/E_u(B)) / expected, the person-time at
   * t being fixed. Empty when some unit has no base events (see `zeroBase`).
   */
  readonly baseGradient: { readonly key: number; readonly coef: number }[];
  /** True when some unit has 0 events over its base window: it has no rate to standardise against. */
  readonly zeroBase: boolean;
}

/**
 * Observed and own-base-rate expected counts of `units` at period `t` (indices into a unit × period
 * grid of `nT` periods starting at `minT`, key = unit·nT + (period − minT)), with `base` the periods
 * of the base window.
 * @example
 * // One unit, 100 events over a two-period base of 2,000 person-time, 1,200 person-time at t:
 * const events = Float64Array.from([40, 60, 66]);
 * const exposure = Float64Array.from([1000, 1000, 1200]);
 * ownBaseExpected([0], 2, [0, 1], events, exposure, 3, 0).expected // 60 (= 1200 · 100 / 2000)
 */
export function ownBaseExpected(
  units: readonly number[],
  t: number,
  base: readonly number[],
  events: Float64Array,
  exposure: Float64Array,
  nT: number,
  minT: number,
): OwnBaseExpected {
  let observed = 0;
  let expected = 0;
  let zeroBase = false;
  const nowKeys: number[] = [];
  const share: { keys: number[]; x: number }[] = [];
  for (const u of units) {
    const now = u * nT + (t - minT);
    observed += events[now];
    nowKeys.push(now);
    let yb = 0;
    let eb = 0;
    const keys: number[] = [];
    for (const b of base) {
      const key = u * nT + (b - minT);
      yb += events[key];
      eb += exposure[key];
      keys.push(key);
    }
    if (yb === 0) zeroBase = true;
    // x_u = E_u(t)/E_u(B): the unit's expected count at t per base event.
    const x = exposure[now] / eb;
    expected += x * yb;
    share.push({ keys, x });
  }
  const baseGradient: { key: number; coef: number }[] = [];
  if (!zeroBase && expected > 0) {
    for (const { keys, x } of share) for (const key of keys) baseGradient.push({ key, coef: x / expected });
  }
  return { observed, expected, nowKeys, baseGradient, zeroBase };
}
