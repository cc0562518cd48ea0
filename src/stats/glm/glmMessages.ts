/**
 * Message text of the Poisson GLM (stats/glm): input checks and fitting failures. The effects
 * layer reuses the input-check wording for its own functions (EffectsMessage spreads these).
 */
export const GlmMessage = {
  emptyData: (fn: string) => `${fn} requires at least one observation`,
  lengthMismatch: (fn: string, what: string, expected: number, received: number) =>
    `${fn}: ${what} has ${received} values, expected ${expected} (one per observation)`,
  notFinite: (fn: string, what: string, index: number, value: unknown) =>
    `${fn}: ${what}[${index}] is ${String(value)}; expected a finite number`,
  negativeCount: (fn: string, index: number, value: number) =>
    `${fn}: count y[${index}] is ${value}; Poisson counts must be >= 0`,
  rankDeficient: (columns: readonly string[]) =>
    `poissonGlm: the design matrix is rank deficient — column(s) ${columns.map((c) => `"${c}"`).join(", ")} ` +
    `are linear combinations of earlier columns (aliased). Remove them or merge the categories.`,
  tooFewObservations: (fn: string, n: number, p: number) =>
    `${fn}: ${n} observations for ${p} coefficients; at least as many observations as coefficients are needed`,
  divergence: () =>
    `poissonGlm: the deviance could not be made finite by step-halving; the model cannot be fitted to these data`,
};
