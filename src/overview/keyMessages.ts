/**
 * Key messages ("Hovedbudskaber"): one sentence per key finding, in Danish (default) or English,
 * rendered through the one text catalogue (src/text, "ov.k." keys) — the only place the overview
 * layer's findings become words. Each message keeps its finding (the numbers behind the sentence)
 * and the charts it is read from; every number in a sentence is a field of its finding, so a
 * reader can trace it back. When nothing stands out, the one message says so.
 *
 * @example keyMessages(keyFindings(overview.rows), { lang: "da" }).map((m) => m.text)
 */
import type { ChartRef, KeyFinding } from "./keyFindings.js";
import type { Lang } from "../contract/note.js";
import { isTextKey, text, type OverviewTextKey } from "../text/catalogue.js";
import { formatList, formatPeriodWords } from "../text/format.js";
import { fixedNumber, formatMeasureNumber, formatMeasureValue, measureName, percentText } from "../text/measureWords.js";
import type { OverviewRow } from "./overviewTypes.js";

export interface KeyMessage {
  readonly code: KeyFinding["code"];
  readonly text: string;
  /** The findings the sentence says (one, or several effects without a clear change of one intervention). */
  readonly findings: readonly KeyFinding[];
  readonly charts: readonly ChartRef[];
}

export interface KeyMessageOptions {
  readonly lang?: Lang;
  /** Name of a unit (default: "Regionen"/"The region" for the region, else the unit as given — pass municipality names). */
  readonly unitName?: (level: OverviewRow["level"], unit: string) => string;
  /** Name of an intervention by id (default: the finding's own name). */
  readonly interventionName?: (id: string) => string;
}

function ruleText(lang: Lang, rule: string | undefined, direction: 1 | -1 | 0): string {
  const key = `ov.r.${rule}.${direction}`;
  return isTextKey(key) ? text(lang, key) : (rule ?? "");
}

function signalDirection(signal: string): 1 | -1 | 0 {
  return signal.endsWith("_high") ? 1 : signal.endsWith("_low") ? -1 : 0;
}

function sentence(f: KeyFinding, lang: Lang, name: (level: OverviewRow["level"], unit: string) => string, ivName: (id: string, own: string) => string): string {
  const t = (key: OverviewTextKey, p?: Readonly<Record<string, string | number>>) => text(lang, key, p);
  switch (f.code) {
    case "special_cause": {
      const units = f.units.map((u) =>
        t("ov.k.special_cause.unit", {
          unit: name(u.level, u.unit),
          period: formatPeriodWords(u.period, lang),
          value: formatMeasureValue(u.value, u.kind, u.multiplier, lang),
          rule: ruleText(lang, u.rules[0], signalDirection(u.signal)),
        }),
      );
      return t(`ov.k.special_cause.${f.reading}`, { measure: measureName(f.indicator, f.group, lang), units: formatList(units, lang) });
    }
    case "funnel_outlier": {
      const units = f.units.map((u) => t("ov.k.funnel.unit", { unit: name(f.level, u.unit), value: formatMeasureValue(u.value, u.kind, u.multiplier, lang) }));
      const reading = f.better === null ? "" : t(f.better ? "ov.k.funnel.better" : "ov.k.funnel.worse");
      return t(f.side === "above" ? "ov.k.funnel.above" : "ov.k.funnel.below", { period: formatPeriodWords(f.period, lang), measure: measureName(f.indicator, f.group, lang), units: formatList(units, lang), reading });
    }
    case "target": {
      const units = f.units.map((u) =>
        t("ov.k.target.unit", {
          unit: name(u.level, u.unit),
          target: formatMeasureValue(u.target, u.kind, u.multiplier, lang),
          lower: formatMeasureNumber(u.processLower, u.kind, u.multiplier, lang),
          upper: formatMeasureValue(u.processUpper, u.kind, u.multiplier, lang),
        }),
      );
      const sources = [...new Set(f.units.flatMap((u) => (u.source.kind === "intervention" ? [ivName(u.source.intervention, u.source.intervention)] : [])))];
      const by = sources.length === 0 ? "" : t("ov.k.target.source", { interventions: formatList(sources, lang) });
      return t(`ov.k.target.${f.assurance}`, { measure: measureName(f.indicator, f.group, lang), units: formatList(units, lang) }) + by;
    }
    case "effect": {
      const pct = Math.abs(f.rateRatio - 1) * 100;
      const rounded = fixedNumber(pct, lang, 0);
      const change = rounded === "0" ? t("ov.k.effect.same") : t(f.rateRatio < 1 ? "ov.k.effect.down" : "ov.k.effect.up", { pct: percentText(pct, lang) });
      const level = percentText(f.level * 100, lang);
      const key = f.method === "its" ? "ov.k.effect.its" : f.outcome === "amount" ? "ov.k.effect.didAmount" : "ov.k.effect.did";
      const head = t(key, {
        name: ivName(f.intervention, f.interventionName),
        unit: f.unit === null ? "" : name("cluster", f.unit),
        measure: measureName(f.indicator, f.group, lang),
        change,
        rr: fixedNumber(f.rateRatio, lang, 2),
        level,
        lower: fixedNumber(f.lower, lang, 2),
        upper: fixedNumber(f.upper, lang, 2),
        reading: t(`ov.k.effect.${f.effect}`),
      });
      const caveats: string[] = [];
      if (f.placeboChanges.length > 0) caveats.push(t("ov.k.caveat.placebo", { units: formatList(f.placeboChanges.map((u) => name("cluster", u)), lang) }));
      if (f.preTrend !== null && (f.preTrend.lower > 1 || f.preTrend.upper < 1))
        caveats.push(t("ov.k.caveat.preTrend", { rr: fixedNumber(f.preTrend.rateRatio, lang, 2), lower: fixedNumber(f.preTrend.lower, lang, 2), upper: fixedNumber(f.preTrend.upper, lang, 2) }));
      if (f.breakdown !== null && f.effect !== "no_clear_effect") {
        if (f.breakdown === 0) caveats.push(t("ov.k.caveat.breakdownZero"));
        else if (Number.isFinite(f.breakdown)) caveats.push(t("ov.k.caveat.breakdown", { m: fixedNumber(f.breakdown, lang, f.breakdown < 1 ? 2 : 1) }));
      }
      return caveats.length === 0 ? head : `${head} ${t("ov.k.effect.caveats", { list: caveats.join("; ") })}`;
    }
    case "nothing_stands_out":
      return t("ov.k.nothing", {
        measures: t(f.measures === 1 ? "ov.k.nothing.measures.one" : "ov.k.nothing.measures", { n: f.measures }),
        units: t(f.units === 1 ? "ov.k.nothing.units.one" : "ov.k.nothing.units", { n: f.units }),
        effects: f.effects === 0 ? "" : t(f.effects === 1 ? "ov.k.nothing.effects.one" : "ov.k.nothing.effects", { n: f.effects }),
      });
  }
}

type EffectFinding = Extract<KeyFinding, { code: "effect" }>;

/** An effect without a clear change and without caveats: said together with the others of its intervention. */
function plainNoEffect(f: KeyFinding): f is EffectFinding {
  return f.code === "effect" && f.effect === "no_clear_effect" && f.placeboChanges.length === 0 && !(f.preTrend !== null && (f.preTrend.lower > 1 || f.preTrend.upper < 1));
}

function noEffectSentence(fs: readonly EffectFinding[], lang: Lang, ivName: (id: string, own: string) => string): string {
  const items = fs.map((f) =>
    text(lang, "ov.k.effect.noneItem", { measure: measureName(f.indicator, f.group, lang), rr: fixedNumber(f.rateRatio, lang, 2), lower: fixedNumber(f.lower, lang, 2), upper: fixedNumber(f.upper, lang, 2) }),
  );
  return text(lang, "ov.k.effect.none", { name: ivName(fs[0].intervention, fs[0].interventionName), list: formatList(items, lang) });
}

/**
 * The key messages of a list of findings (keyFindings), in its order. Effects of one intervention
 * that show no clear change (and carry no caveat) are said in one sentence, at the place of the first.
 * @example keyMessages(keyFindings(overviewTable(rows).rows), { lang: "da" }).map((m) => m.text)
 */
export function keyMessages(findings: readonly KeyFinding[], options: KeyMessageOptions = {}): KeyMessage[] {
  const lang = options.lang ?? "da";
  const name = options.unitName ?? ((level: OverviewRow["level"], unit: string) => (level === "region" ? text(lang, "ov.region") : unit));
  const ivName = (id: string, own: string) => options.interventionName?.(id) ?? own;
  const out: KeyMessage[] = [];
  const done = new Set<KeyFinding>();
  for (const f of findings) {
    if (done.has(f)) continue;
    if (plainNoEffect(f)) {
      const group = findings.filter((g): g is EffectFinding => plainNoEffect(g) && g.intervention === f.intervention);
      for (const g of group) done.add(g);
      if (group.length > 1) {
        out.push({ code: "effect", text: noEffectSentence(group, lang, ivName), findings: group, charts: [...new Map(group.flatMap((g) => g.charts).map((c) => [JSON.stringify(c), c])).values()] });
        continue;
      }
    }
    out.push({ code: f.code, text: sentence(f, lang, name, ivName), findings: [f], charts: f.charts });
  }
  return out;
}
