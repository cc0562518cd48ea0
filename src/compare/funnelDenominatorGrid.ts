/**
 * `points` denominators spaced evenly on a log scale from `from` to `to` (both included), the
 * spacing that keeps a funnel's curved small-denominator end smooth (PHE uses a similar geometric
 * sequence of 100 points).
 */
export function funnelDenominatorGrid(from: number, to: number, points = 100): number[] {
  if (points <= 1 || from === to) return [from];
  const a = Math.log(from);
  const step = (Math.log(to) - a) / (points - 1);
  const out: number[] = [];
  for (let i = 0; i < points; i++) out.push(i === points - 1 ? to : Math.exp(a + i * step));
  return out;
}
