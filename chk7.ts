import { simulateStaggeredPanel } from "./src/effects/simulateStaggeredPanel.js";
import { staggeredDid } from "./src/effects/staggeredDid.js";
for (const [eff, x] of [[0.75, 0], [1, 0], [0.75, 0.15]] as const) {
  let c = 0, rej = 0, pb = 0, sc = 0;
  for (let s = 1; s <= 200; s++) { const r = staggeredDid(simulateStaggeredPanel({ seed: s, effect: eff, extraSd: x })); if (r.overall.lower <= eff && eff <= r.overall.upper) c++; if (r.overall.pValue < 0.05) rej++; pb += r.blockDispersion ?? NaN; sc += r.dispersionUsed; }
  console.log(eff, x, "cov", c / 200, "rej", rej / 200, "phiBlock", pb / 200, "scale", sc / 200);
}
