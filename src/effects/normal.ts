/**
 * Normal distribution helpers used inside the effects layer (kept private to the layer so it
 * does not depend on the order in which layers are built): the CDF by W. J. Cody's rational
 * Chebyshev approximation of erfc (as R's pnorm) and the quantile by Wichura's AS 241 (as R's
 * qnorm). Both agree with R to ~1e-15.
 */

/** Φ⁻¹(p), Wichura (1988) algorithm AS 241 (PPND16). */
export function effectsNormalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
          13731.693765509461125) * r + 1971.5909503065514427) * r + 133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) * r + 687.1870074920579083) * r + 42.313330701600911252) * r + 1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) * r + 5.7694972214606914055) * r + 4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) * r + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    val =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
        0.29656057182850489123) * r + 1.7848265399172913358) * r + 5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) * r + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -val : val;
}

/**
 * Φ(x): standard normal CDF via the complementary error function (W. J. Cody 1969, "Rational
 * Chebyshev approximations for the error function", Math. Comp. 23:631–637; the coefficients of
 * R's pnorm), accurate to ~1e-15.
 */
export function effectsNormalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const z = Math.abs(x) / Math.SQRT2;
  const half = 0.5 * erfc(z);
  return x < 0 ? half : 1 - half;
}

function erfc(x: number): number {
  // x >= 0. Cody's three ranges.
  if (x < 0.5) {
    const a = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153];
    const b = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
    const y = x * x;
    let num = a[4] * y;
    let den = y;
    for (let i = 0; i < 3; i++) {
      num = (num + a[i]) * y;
      den = (den + b[i]) * y;
    }
    return 1 - (x * (num + a[3])) / (den + b[3]);
  }
  if (x < 4) {
    const c = [0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909,
      1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8];
    const d = [15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963,
      4362.61909014324716, 3439.36767414372164, 1230.33935480374942];
    let num = c[8] * x;
    let den = x;
    for (let i = 0; i < 7; i++) {
      num = (num + c[i]) * x;
      den = (den + d[i]) * x;
    }
    const r = (num + c[7]) / (den + d[7]);
    return Math.exp(-x * x) * r;
  }
  if (x > 27) return 0;
  const p = [0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766,
    6.58749161529837803e-4, 0.0163153871373020978];
  const q = [2.56852019228982242, 1.87295284992346725, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185];
  const y = 1 / (x * x);
  let num = p[5] * y;
  let den = y;
  for (let i = 0; i < 4; i++) {
    num = (num + p[i]) * y;
    den = (den + q[i]) * y;
  }
  const r = (y * (num + p[4])) / (den + q[4]);
  return (Math.exp(-x * x) / x) * (1 / Math.sqrt(Math.PI) - r);
}

/** z for a two-sided level: Φ⁻¹(c + (1 − c)/2). */
export function effectsZ(level: number): number {
  return effectsNormalQuantile(level + (1 - level) / 2);
}
