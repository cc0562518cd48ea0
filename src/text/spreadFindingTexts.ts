/**
 * The wording of the spread findings (src/contract/spreadFinding.ts) in Danish (default) and
 * English — part of the one text catalogue, so that the report and the notebooks show the same
 * sentences. Numbers with the catalogue's formatters (decimal comma in Danish), dates in words,
 * targets by their measure and group, never by their id.
 */

import { note } from "../contract/note.js";
import type { SpreadFinding, SpreadFindingCode } from "../contract/spreadFinding.js";
import { daysFromCivil } from "../contract/time.js";
import { isTextKey, noteText, text, type ReportLang as SpreadLang } from "./catalogue.js";
import { formatDate, formatNumber } from "./format.js";

const num = (x: number, lang: SpreadLang): string => formatNumber(x, lang, 2);
const pct = (x: number, lang: SpreadLang): string => (lang === "da" ? `${Math.round(x * 100)} %` : `${Math.round(x * 100)}%`);
const names = (xs: readonly string[]): string => (xs.length === 0 ? "" : ` (${xs.join(", ")})`);

type Texts = { readonly [C in SpreadFindingCode]: (f: Extract<SpreadFinding, { code: C }>, lang: SpreadLang) => string };

const signed = (x: number, lang: SpreadLang): string => `${x > 0 ? "+" : ""}${formatNumber(x * 100, lang, 1)} %`;
/** A date written YYYY-MM-DD in words: "31. december 2021" (da), "31 December 2021" (en). */
const day = (iso: string, lang: SpreadLang): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m === null ? iso : formatDate(daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])), lang);
};
/** A target as readers know it: its measure and population group ("Genindlagt inden for 30 dage, %, 65+ år"), never its id. */
const targetName = (f: { target: string; indicator?: string; group?: string }, lang: SpreadLang): string => {
  if (f.indicator === undefined) return f.target;
  const measure = `m.${f.indicator.split(":")[0]}`;
  const group = `g.${f.group ?? "all"}`;
  if (!isTextKey(measure)) return f.target;
  return `${text(lang, measure)}, ${isTextKey(group) ? text(lang, group) : (f.group ?? "all")}`;
};
const goal = (f: { relative: number | null; value: number | null }, lang: SpreadLang): string =>
  f.relative !== null ? signed(f.relative, lang) : f.value !== null ? num(f.value, lang) : "–";

const DA: Texts = {
  no_target: () => "Indsatsen har intet Triple Aim-mål med tælledata: ingen effekt kan estimeres",
  effect: (f) =>
    `Effekt i ${f.withEffect.length} af ${f.adopting} indførende enheder${names(f.withEffect)}` +
    (f.full > 0 ? `; i ${f.fullWithEffect} af ${f.full}, der fastholdt hele kernen` : "; ingen fastholdt hele kernen"),
  dropped: (f) => `Hvor kerneelementet «${f.element.replace(/\.$/, "")}» blev droppet eller kun delvist fastholdt${names(f.units)}: effekt i ${f.withEffect} af ${f.units.length}`,
  comparison: (f) => `I de ikke-indførende sammenligningsenheder sås en forbedring ud over tilfældighed fra samme dato i ${f.changed} af ${f.n}`,
  placebo_change: (f, l) => noteText(note("spread.finding.placeboChange", { units: f.units }), l),
  did: (f, l) => `På tværs af alle klynger er det forskudte forskel-i-forskelle-estimat en rate ratio på ${num(f.rateRatio, l)} (${num(f.lower, l)}–${num(f.upper, l)})`,
  pre_trend: (f, l) =>
    `Forsigtighed: før starten adskilte de indførende enheder sig allerede fra de øvrige (placebo-rate ratio ${num(f.rateRatio, l)}, ${num(f.lower, l)}–${num(f.upper, l)})`,
  keys: (f, l) =>
    `Af de implementeringsnøgler, hver enhed valgte, var i gennemsnit ${pct(f.withEffect, l)} på plads, hvor der var effekt, og ${pct(f.without, l)} andre steder`,
  few_clusters: (f) =>
    `Forsigtighed: kun ${f.n} indførende ${f.n === 1 ? "enhed" : "enheder"} — data på klyngeniveau kan ikke adskille indsatsen fra andre lokale ændringer i samme periode`,
  small_numbers: (f) => `Forsigtighed: færre end ${f.min} hændelser siden starten i ${f.units.join(", ")} — intervallerne er brede`,
  push_pull: (f) =>
    f.push === 0 && f.pull === 0
      ? "Spredningsplatformen mangler både push og pull: begge skal være til stede for at en løsning kan spredes (model for spredning)"
      : f.push === 0
        ? `Spredningsplatformen mangler push: begge skal være til stede (model for spredning); ${f.pull} pull-incitamenter er registreret`
        : f.pull === 0
          ? `Ingen modtager har registreret pull: begge skal være til stede (model for spredning); ${f.push} push-incitamenter er registreret`
          : `Spredningsplatformen har ${f.push} push- og ${f.pull} pull-incitamenter` +
            (f.withoutPull.length > 0 ? `; uden registreret pull: ${f.withoutPull.join(", ")}` : ""),
  status_target: (f, l) =>
    `${targetName(f, l)}, mål ${goal(f, l)} senest ${day(f.deadline, l)}: nået i ${f.met.length} af ${f.adopting} indførende enheder${names(f.met)}` +
    (f.onTrack.length > 0 ? `; på vej i ${f.onTrack.length}${names(f.onTrack)}` : "") +
    (f.notMet.length > 0 ? `; ikke nået i ${f.notMet.length}${names(f.notMet)}` : "") +
    (f.unmeasurable.length > 0 ? `; kan endnu ikke måles i ${f.unmeasurable.length}${names(f.unmeasurable)}` : "") +
    (f.comparison === 0 ? "; der er ingen sammenligningsenheder" : `; i de ${f.comparison} sammenligningsenheder blev samme ændring nået i ${f.comparisonReached.length}${names(f.comparisonReached)}`),
  status_no_data: (f, l) => `${targetName(f, l)}: indikatortabellen har ingen rækker for målet`,
  pilot_scope: () =>
    "En pilot i én kommune eller ved ét hospital sammenlignes med resten af regionen; et hospitals pilot måles på borgerne i dets optageområde, også dem der indlægges andre steder",
  programme_caveat: (f) =>
    `Med ${f.clusters} klynger kan data ikke adskille ét lokalt initiativs effekt fra andre lokale ændringer i samme klynge og periode: overblikket viser, hvor der skete en ændring, ikke hvilket initiativ der skabte den`,
};

const EN: Texts = {
  no_target: () => "The intervention has no Triple Aim target with count data: no effect can be estimated",
  effect: (f) =>
    `Effect in ${f.withEffect.length} of ${f.adopting} adopting units${names(f.withEffect)}` +
    (f.full > 0 ? `; in ${f.fullWithEffect} of ${f.full} that kept the whole kernel` : "; none kept the whole kernel"),
  dropped: (f) => `Where kernel element "${f.element.replace(/\.$/, "")}" was dropped or kept only partly${names(f.units)}: effect in ${f.withEffect} of ${f.units.length}`,
  comparison: (f) => `In the non-adopting comparison units an improvement beyond chance from the same date was seen in ${f.changed} of ${f.n}`,
  placebo_change: (f, l) => noteText(note("spread.finding.placeboChange", { units: f.units }), l),
  did: (f, l) => `Across all clusters the staggered difference-in-differences estimate is a rate ratio of ${num(f.rateRatio, l)} (${num(f.lower, l)}–${num(f.upper, l)})`,
  pre_trend: (f, l) =>
    `Caution: before the starts the adopting units already differed from the others (placebo rate ratio ${num(f.rateRatio, l)}, ${num(f.lower, l)}–${num(f.upper, l)})`,
  keys: (f, l) => `Of the implementation keys each unit chose, on average ${pct(f.withEffect, l)} were in place where there was an effect, ${pct(f.without, l)} elsewhere`,
  few_clusters: (f) =>
    `Caution: ${f.n} adopting unit${f.n === 1 ? "" : "s"} only — cluster-level data cannot separate the intervention from other local changes at the same time`,
  small_numbers: (f) => `Caution: fewer than ${f.min} events since the start in ${f.units.join(", ")} — intervals are wide`,
  push_pull: (f) =>
    f.push === 0 && f.pull === 0
      ? "The spread platform lacks push and pull: both must be present for a solution to spread (spread model)"
      : f.push === 0
        ? `The spread platform lacks push: both must be present (spread model); ${f.pull} pull incentives are recorded`
        : f.pull === 0
          ? `No receiver has recorded pull: both must be present (spread model); ${f.push} push incentives are recorded`
          : `The spread platform has ${f.push} push and ${f.pull} pull incentives` + (f.withoutPull.length > 0 ? `; no pull recorded in ${f.withoutPull.join(", ")}` : ""),
  status_target: (f, l) =>
    `${targetName(f, l)}, target ${goal(f, l)} by ${day(f.deadline, l)}: met in ${f.met.length} of ${f.adopting} adopting units${names(f.met)}` +
    (f.onTrack.length > 0 ? `; on track in ${f.onTrack.length}${names(f.onTrack)}` : "") +
    (f.notMet.length > 0 ? `; not met in ${f.notMet.length}${names(f.notMet)}` : "") +
    (f.unmeasurable.length > 0 ? `; not yet measurable in ${f.unmeasurable.length}${names(f.unmeasurable)}` : "") +
    (f.comparison === 0 ? "; there are no comparison units" : `; in the ${f.comparison} comparison units the same change was reached in ${f.comparisonReached.length}${names(f.comparisonReached)}`),
  status_no_data: (f, l) => `${targetName(f, l)}: the indicator table has no rows for the target`,
  pilot_scope: () =>
    "A pilot in one municipality or at one hospital is compared with the rest of the region; a hospital's pilot is measured on the citizens of its catchment area, including those admitted elsewhere",
  programme_caveat: (f) =>
    `With ${f.clusters} clusters the data cannot separate one local initiative's effect from other local changes in the same cluster and period: the overview shows where a change happened, not which initiative caused it`,
};

/**
 * The text of a finding.
 * @example spreadFindingText({ code: "few_clusters", n: 3 }, "da")
 */
export function spreadFindingText(finding: SpreadFinding, lang: SpreadLang = "da"): string {
  const texts = lang === "en" ? EN : DA;
  return (texts[finding.code] as (f: SpreadFinding, l: SpreadLang) => string)(finding, lang);
}
