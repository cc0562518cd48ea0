/**
 * Every text of the overview layer — the key messages, the overview's symbols and legend, its
 * column heads and the focus areas — in Danish (default) and English. Layers below return codes
 * and values; the sentences are made here, from templates with `{name}` placeholders.
 * (Kept in one place until the project's one text catalogue lands; then moved there.)
 */
export type OverviewLang = "da" | "en";

const DA = {
  // measures (short names for sentences) and groups
  "n.admission_rate": "indlæggelser",
  "n.readmission_30d": "akutte genindlæggelser inden for 30 dage",
  "n.preventable_admission_rate": "forebyggelige indlæggelser",
  "n.focus_fractures": "akutte indlæggelser med brud",
  "n.focus_lower_respiratory_infections": "akutte indlæggelser med nedre luftvejsinfektion",
  "n.focus_unspecific": "akutte indlæggelser med uspecifik diagnose",
  "n.focus_admissions_0_2": "indlæggelser",
  "n.cost_per_citizen": "sundhedsudgifter pr. borger",
  "n.experience_positive": "positive svar om tilfredshed",
  "n.experience_positive:patient_overall_satisfaction": "patienternes samlede tilfredshed (positive svar)",
  "n.experience_positive:relative_satisfaction": "de pårørendes tilfredshed (positive svar)",
  "g.all": "alle aldre",
  "g.0-2": "0–2 år",
  "g.65+": "65+ år",
  "measure": "{name} ({group})",
  "measureUnit": "{name}, {unit} ({group})",
  "unit.percent": "%",
  "unit.per1000": "pr. 1.000",
  "unit.per": "pr. {m}",
  "unit.amount": "kr.",
  "region": "Regionen",
  "regionShort": "Region",
  "and": "og",
  // value units
  "v.percent": "{v} %",
  "v.per1000": "{v} pr. 1.000",
  "v.per": "{v} pr. {m}",
  "v.amount": "{v} kr.",
  "v.plain": "{v}",
  // periods
  "p.half": "{h}. halvår {y}",
  "p.quarter": "{q}. kvartal {y}",
  // rules (why a point is special cause)
  "r.outside-limits.1": "over den øvre kontrolgrænse",
  "r.outside-limits.-1": "under den nedre kontrolgrænse",
  "r.trend.1": "7 stigende punkter i træk",
  "r.trend.-1": "7 faldende punkter i træk",
  "r.two-of-three.1": "2 af 3 punkter nær den øvre kontrolgrænse",
  "r.two-of-three.-1": "2 af 3 punkter nær den nedre kontrolgrænse",
  "r.shift.1": "mindst 7 punkter i træk over midterlinjen",
  "r.shift.-1": "mindst 7 punkter i træk under midterlinjen",
  "r.runs-longest.1": "et langt løb over medianen",
  "r.runs-longest.-1": "et langt løb under medianen",
  "r.runs-crossings.0": "for få krydsninger af medianen",
  // key messages
  "k.special_cause.concern": "Særlig variation, bekymring: {measure} i seneste periode — {units}.",
  "k.special_cause.improvement": "Særlig variation, forbedring: {measure} i seneste periode — {units}.",
  "k.special_cause.neutral": "Særlig variation (ingen retning er bedre): {measure} i seneste periode — {units}.",
  "k.special_cause.unit": "{unit} ({period}: {value}, {rule})",
  "k.funnel.above": "Over 99,8 %-grænsen i tragtplottet for {period}: {measure} — {units}{reading}.",
  "k.funnel.below": "Under 99,8 %-grænsen i tragtplottet for {period}: {measure} — {units}{reading}.",
  "k.funnel.better": "; bedre end forventet ud fra regionens niveau",
  "k.funnel.worse": "; dårligere end forventet ud fra regionens niveau",
  "k.funnel.unit": "{unit} ({value})",
  "k.target.consistent_fail": "Målet nås ikke uden en ændring af processen: {measure} — {units}: målet ligger uden for kontrolgrænserne på den dårlige side.",
  "k.target.consistent_pass": "Målet nås hver gang, hvis processen fortsætter: {measure} — {units}: målet ligger uden for kontrolgrænserne på den gode side.",
  "k.target.inconsistent": "Målet nås kun tilfældigt (nogle perioder ja, andre nej): {measure} — {units}: målet ligger mellem kontrolgrænserne.",
  "k.target.unit": "{unit} (mål {target}, kontrolgrænser {lower}–{upper})",
  "k.target.source": " Målet er sat af: {interventions}.",
  "k.effect.did": "{name}: {measure} {change} i klyngerne med indsatsen mod klyngerne uden (forskel-i-forskelle; rate ratio {rr}, {level}-interval {lower}–{upper}). {reading}",
  "k.effect.didAmount": "{name}: {measure} {change} i klyngerne med indsatsen mod klyngerne uden (forskel-i-forskelle; forhold {rr}, {level}-interval {lower}–{upper}). {reading}",
  "k.effect.its": "{name} i {unit}: {measure} {change} efter start (afbrudt tidsserie; rate ratio {rr}, {level}-interval {lower}–{upper}). {reading}",
  "k.effect.none": "{name}: ingen klar effekt på {list} — hvert interval rummer 1.",
  "k.effect.noneItem": "{measure} ({rr}; {lower}–{upper})",
  "k.effect.down": "faldt {pct}",
  "k.effect.up": "steg {pct}",
  "k.effect.same": "uændret",
  "k.effect.improvement": "En forbedring ud over tilfældig variation: intervallet ligger helt på den gode side af 1.",
  "k.effect.worse": "En forværring ud over tilfældig variation: intervallet ligger helt på den dårlige side af 1.",
  "k.effect.no_clear_effect": "Intervallet rummer 1: ingen klar effekt.",
  "k.effect.caveats": "Forbehold: {list}.",
  "k.caveat.placebo": "placebo-ændring uden indsatsen i {units}, så designet er i tvivl",
  "k.caveat.preTrend": "klyngerne fulgtes ikke ad før start (placebo før start: {rr}, {lower}–{upper})",
  "k.caveat.breakdown": "effekten holder kun, så længe brud på parallelle trends efter start højst er {m} gange det største før start",
  "k.caveat.breakdownZero": "intervallet rummer allerede 1 uden brud på parallelle trends",
  "k.caveat.drift": "intervallet tager højde for langsom drift i klyngerne",
  "k.nothing": "Intet skiller sig ud: {measures} mål i {units} enheder viser almindelig variation i seneste periode, ingen enhed ligger uden for tragtplottets 99,8 %-grænser, intet mål har et klart udsagn{effects}.",
  "k.nothing.effects": ", og ingen af {n} effektestimater er klare",
  "k.more": "… og {n} fund mere i oversigtstabellen.",
  // the overview's symbols (print in black and white: shape and fill carry the meaning, colour only repeats it)
  "s.common_cause": "Almindelig variation",
  "s.improvement_high": "Særlig variation: forbedring (højt)",
  "s.improvement_low": "Særlig variation: forbedring (lavt)",
  "s.concern_high": "Særlig variation: bekymring (højt)",
  "s.concern_low": "Særlig variation: bekymring (lavt)",
  "s.neutral_high": "Særlig variation, ingen retning er bedre (højt)",
  "s.neutral_low": "Særlig variation, ingen retning er bedre (lavt)",
  "s.neutral": "Særlig variation uden retning (for få krydsninger)",
  "s.too_few_points": "For få punkter til et SPC-kort",
  "s.no_series": "Ingen tidsserie",
  "s.consistent_pass": "Når målet hver gang",
  "s.consistent_fail": "Når ikke målet uden ændring",
  "s.inconsistent": "Når målet tilfældigt",
  "s.not_assessable": "Kan ikke vurderes (intet kontrolkort)",
  "s.noTarget": "Intet mål",
  "s.above_998": "Over 99,8 %-grænsen",
  "s.above_95": "Over 95 %-grænsen",
  "s.within": "Inden for grænserne",
  "s.below_95": "Under 95 %-grænsen",
  "s.below_998": "Under 99,8 %-grænsen",
  "s.noFunnel": "Ikke i tragtplot",
  "s.suppressed": "Undertrykt (lille tal)",
  // phases of an intervention
  "ph.development": "udvikling",
  "ph.spread": "spredning",
  "ph.operation": "drift",
  "ph.entry": "{name}: {phase} fra {start}",
  // column heads and titles
  "c.measure": "Mål",
  "c.unit": "Enhed",
  "c.period": "Periode",
  "c.value": "Seneste værdi",
  "c.interval": "95 %-interval",
  "c.change": "Ændring fra {baseline}",
  "c.variation": "Variation",
  "c.assurance": "Mål­opfyldelse",
  "c.funnel": "Tragtplot",
  "c.interventions": "Indsats (fase)",
  "t.overview": "Oversigt: seneste værdi, udvikling og signaler",
  "t.overviewSub": "Variation og målopfyldelse efter Making Data Count (NHS England); tragtplot for seneste år.",
  "t.keyMessages": "Hovedbudskaber",
  "t.legend": "Tegnforklaring",
  "t.legendVariation": "Variation (SPC-kortets seneste punkt)",
  "t.legendAssurance": "Målopfyldelse (målet mod kontrolgrænserne)",
  "t.legendFunnel": "Tragtplot (seneste år, mod regionens niveau)",
  "t.method": "Variation: seneste punkt i enhedens SPC-kort (samme regler som kortene: uden for kontrolgrænserne, 7 punkter i træk stigende eller faldende, 2 af 3 nær kontrolgrænsen, 7 punkter på samme side af midterlinjen). Målopfyldelse: målet sammenlignet med kontrolgrænserne for seneste punkt (Making Data Count). Undertrykte tal indgår aldrig i et signal.",
  "t.focus": "Fokus: {focus}",
  "t.missing": "Ikke i datasættet: {measures}.",
  // focus areas
  "f.all": "alle (Triple Aim-overblik)",
  "f.65+": "borgere 65+",
  "f.0-2": "børn 0–2 år",
  "f.admissions": "indlæggelser",
  "f.readmissions": "genindlæggelser",
  "f.preventable": "forebyggelige indlæggelser",
  "f.experience": "oplevelse",
  "f.cost": "omkostninger",
};

type OverviewTextKey = keyof typeof DA;

const EN: Record<OverviewTextKey, string> = {
  "n.admission_rate": "admissions",
  "n.readmission_30d": "acute readmissions within 30 days",
  "n.preventable_admission_rate": "preventable admissions",
  "n.focus_fractures": "acute admissions with a fracture",
  "n.focus_lower_respiratory_infections": "acute admissions with a lower respiratory infection",
  "n.focus_unspecific": "acute admissions with an unspecific diagnosis",
  "n.focus_admissions_0_2": "admissions",
  "n.cost_per_citizen": "health costs per citizen",
  "n.experience_positive": "positive answers on satisfaction",
  "n.experience_positive:patient_overall_satisfaction": "patients' overall satisfaction (positive answers)",
  "n.experience_positive:relative_satisfaction": "relatives' satisfaction (positive answers)",
  "g.all": "all ages",
  "g.0-2": "aged 0–2",
  "g.65+": "aged 65+",
  measure: "{name} ({group})",
  measureUnit: "{name}, {unit} ({group})",
  "unit.percent": "%",
  "unit.per1000": "per 1,000",
  "unit.per": "per {m}",
  "unit.amount": "DKK",
  region: "the region",
  regionShort: "Region",
  and: "and",
  "v.percent": "{v}%",
  "v.per1000": "{v} per 1,000",
  "v.per": "{v} per {m}",
  "v.amount": "DKK {v}",
  "v.plain": "{v}",
  "p.half": "H{h} {y}",
  "p.quarter": "Q{q} {y}",
  "r.outside-limits.1": "above the upper control limit",
  "r.outside-limits.-1": "below the lower control limit",
  "r.trend.1": "7 rising points in a row",
  "r.trend.-1": "7 falling points in a row",
  "r.two-of-three.1": "2 of 3 points near the upper control limit",
  "r.two-of-three.-1": "2 of 3 points near the lower control limit",
  "r.shift.1": "at least 7 points in a row above the centre line",
  "r.shift.-1": "at least 7 points in a row below the centre line",
  "r.runs-longest.1": "a long run above the median",
  "r.runs-longest.-1": "a long run below the median",
  "r.runs-crossings.0": "too few crossings of the median",
  "k.special_cause.concern": "Special cause, concern: {measure} in the latest period — {units}.",
  "k.special_cause.improvement": "Special cause, improvement: {measure} in the latest period — {units}.",
  "k.special_cause.neutral": "Special cause (no direction is better): {measure} in the latest period — {units}.",
  "k.special_cause.unit": "{unit} ({period}: {value}, {rule})",
  "k.funnel.above": "Above the 99.8% limit of the funnel plot for {period}: {measure} — {units}{reading}.",
  "k.funnel.below": "Below the 99.8% limit of the funnel plot for {period}: {measure} — {units}{reading}.",
  "k.funnel.better": "; better than expected from the region's level",
  "k.funnel.worse": "; worse than expected from the region's level",
  "k.funnel.unit": "{unit} ({value})",
  "k.target.consistent_fail": "The target will not be met without a change to the process: {measure} — {units}: the target lies outside the control limits on the worse side.",
  "k.target.consistent_pass": "The target will be met every time if the process continues: {measure} — {units}: the target lies outside the control limits on the better side.",
  "k.target.inconsistent": "The target will be met only by chance (some periods yes, others no): {measure} — {units}: the target lies between the control limits.",
  "k.target.unit": "{unit} (target {target}, control limits {lower}–{upper})",
  "k.target.source": " The target is set by: {interventions}.",
  "k.effect.did": "{name}: {measure} {change} in the clusters with the intervention against those without (difference-in-differences; rate ratio {rr}, {level} interval {lower}–{upper}). {reading}",
  "k.effect.didAmount": "{name}: {measure} {change} in the clusters with the intervention against those without (difference-in-differences; ratio {rr}, {level} interval {lower}–{upper}). {reading}",
  "k.effect.its": "{name} in {unit}: {measure} {change} after the start (interrupted time series; rate ratio {rr}, {level} interval {lower}–{upper}). {reading}",
  "k.effect.none": "{name}: no clear effect on {list} — every interval includes 1.",
  "k.effect.noneItem": "{measure} ({rr}; {lower}–{upper})",
  "k.effect.down": "fell by {pct}",
  "k.effect.up": "rose by {pct}",
  "k.effect.same": "unchanged",
  "k.effect.improvement": "An improvement beyond chance: the interval lies wholly on the better side of 1.",
  "k.effect.worse": "A deterioration beyond chance: the interval lies wholly on the worse side of 1.",
  "k.effect.no_clear_effect": "The interval includes 1: no clear effect.",
  "k.effect.caveats": "Caveats: {list}.",
  "k.caveat.placebo": "a placebo change without the intervention in {units}, so the design is in doubt",
  "k.caveat.preTrend": "the clusters did not move together before the start (placebo before the start: {rr}, {lower}–{upper})",
  "k.caveat.breakdown": "the effect holds only as long as departures from parallel trends after the start are at most {m} times the largest before it",
  "k.caveat.breakdownZero": "the interval already includes 1 without any departure from parallel trends",
  "k.caveat.drift": "the interval allows for slow drift of the clusters",
  "k.nothing": "Nothing stands out: {measures} measures in {units} units show common-cause variation in the latest period, no unit lies outside the funnel plot's 99.8% limits, no target has a clear answer{effects}.",
  "k.nothing.effects": ", and none of {n} effect estimates is clear",
  "k.more": "… and {n} more findings in the overview table.",
  "s.common_cause": "Common cause variation",
  "s.improvement_high": "Special cause: improvement (high)",
  "s.improvement_low": "Special cause: improvement (low)",
  "s.concern_high": "Special cause: concern (high)",
  "s.concern_low": "Special cause: concern (low)",
  "s.neutral_high": "Special cause, no direction is better (high)",
  "s.neutral_low": "Special cause, no direction is better (low)",
  "s.neutral": "Special cause without a direction (too few crossings)",
  "s.too_few_points": "Too few points for an SPC chart",
  "s.no_series": "No time series",
  "s.consistent_pass": "Meets the target every time",
  "s.consistent_fail": "Misses the target without a change",
  "s.inconsistent": "Hits and misses the target by chance",
  "s.not_assessable": "Cannot be assessed (no control chart)",
  "s.noTarget": "No target",
  "s.above_998": "Above the 99.8% limit",
  "s.above_95": "Above the 95% limit",
  "s.within": "Within the limits",
  "s.below_95": "Below the 95% limit",
  "s.below_998": "Below the 99.8% limit",
  "s.noFunnel": "Not in a funnel plot",
  "s.suppressed": "Suppressed (small number)",
  "ph.development": "development",
  "ph.spread": "spread",
  "ph.operation": "operation",
  "ph.entry": "{name}: {phase} from {start}",
  "c.measure": "Measure",
  "c.unit": "Unit",
  "c.period": "Period",
  "c.value": "Latest value",
  "c.interval": "95% interval",
  "c.change": "Change from {baseline}",
  "c.variation": "Variation",
  "c.assurance": "Target",
  "c.funnel": "Funnel plot",
  "c.interventions": "Intervention (phase)",
  "t.overview": "Overview: latest value, change and signals",
  "t.overviewSub": "Variation and assurance as in Making Data Count (NHS England); funnel plot of the latest year.",
  "t.keyMessages": "Key messages",
  "t.legend": "Legend",
  "t.legendVariation": "Variation (the SPC chart's latest point)",
  "t.legendAssurance": "Assurance (the target against the control limits)",
  "t.legendFunnel": "Funnel plot (latest year, against the region's level)",
  "t.method": "Variation: the latest point of the unit's SPC chart (the same rules as the charts: outside the control limits, 7 points in a row rising or falling, 2 of 3 near a control limit, 7 points on one side of the centre line). Assurance: the target compared with the control limits of the latest point (Making Data Count). Suppressed figures never feed a signal.",
  "t.focus": "Focus: {focus}",
  "t.missing": "Not in the dataset: {measures}.",
  "f.all": "all (Triple Aim overview)",
  "f.65+": "citizens aged 65+",
  "f.0-2": "children aged 0–2",
  "f.admissions": "admissions",
  "f.readmissions": "readmissions",
  "f.preventable": "preventable admissions",
  "f.experience": "experience",
  "f.cost": "costs",
};

export type { OverviewTextKey };

const CATALOGUE: Record<OverviewLang, Record<OverviewTextKey, string>> = { da: DA, en: EN };

/** True when `key` is a key of the catalogue (for keys built at run time). */
export function isOverviewTextKey(key: string): key is OverviewTextKey {
  return Object.hasOwn(DA, key);
}

/** The text of a key, `{name}` placeholders filled from params. */
export function overviewText(lang: OverviewLang, key: OverviewTextKey, params: Readonly<Record<string, string | number>> = {}): string {
  return CATALOGUE[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : m));
}

/** A number in the language's format (decimal comma and thousands point in Danish). */
export function formatNumber(value: number, lang: OverviewLang, decimals: number): string {
  return value.toLocaleString(lang === "da" ? "da-DK" : "en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A value on a measure's scale with its unit: "14,2 %", "121,3 pr. 1.000", "34.512 kr.". */
export function formatMeasureValue(value: number, kind: "proportion" | "rate" | "amount", multiplier: number, lang: OverviewLang): string {
  if (kind === "amount") return overviewText(lang, "v.amount", { v: formatNumber(value, lang, 0) });
  if (kind === "proportion" && multiplier === 100) return overviewText(lang, "v.percent", { v: formatNumber(value, lang, 1) });
  if (kind === "proportion" && multiplier === 1) return overviewText(lang, "v.percent", { v: formatNumber(value * 100, lang, 1) });
  if (multiplier === 1000) return overviewText(lang, "v.per1000", { v: formatNumber(value, lang, 1) });
  return overviewText(lang, "v.per", { v: formatNumber(value, lang, 1), m: formatNumber(multiplier, lang, 0) });
}

const MONTHS: Record<OverviewLang, readonly string[]> = {
  da: ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** A period label in words: "2023-06" → "juni 2023", "2023-H1" → "1. halvår 2023", "2023" → "2023". */
export function formatPeriod(period: string, lang: OverviewLang): string {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) return `${MONTHS[lang][Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(period);
  if (m) return overviewText(lang, "p.half", { h: m[2], y: m[1] });
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return overviewText(lang, "p.quarter", { q: m[2], y: m[1] });
  return period;
}

/** "genindlæggelser inden for 30 dage (65+ år)": the measure's short name and its group. */
export function measureName(indicator: string, group: string, lang: OverviewLang): string {
  const exact = `n.${indicator}`;
  const base = `n.${indicator.split(":")[0]}`;
  const name = isOverviewTextKey(exact) ? overviewText(lang, exact) : isOverviewTextKey(base) ? overviewText(lang, base) : indicator;
  const g = `g.${group}`;
  return overviewText(lang, "measure", { name, group: isOverviewTextKey(g) ? overviewText(lang, g) : group });
}

/** "indlæggelser, pr. 1.000 (alle aldre)": the measure's short name, the unit of its values and its group. */
export function measureLabel(indicator: string, group: string, kind: "proportion" | "rate" | "amount", multiplier: number, lang: OverviewLang): string {
  const exact = `n.${indicator}`;
  const base = `n.${indicator.split(":")[0]}`;
  const name = isOverviewTextKey(exact) ? overviewText(lang, exact) : isOverviewTextKey(base) ? overviewText(lang, base) : indicator;
  const g = `g.${group}`;
  const unit =
    kind === "amount"
      ? overviewText(lang, "unit.amount")
      : kind === "proportion"
        ? overviewText(lang, "unit.percent")
        : multiplier === 1000
          ? overviewText(lang, "unit.per1000")
          : overviewText(lang, "unit.per", { m: formatNumber(multiplier, lang, 0) });
  return overviewText(lang, "measureUnit", { name, unit, group: isOverviewTextKey(g) ? overviewText(lang, g) : group });
}

/** A value on a measure's scale without its unit (the unit is in the measure's label): "14,2", "12.826". */
export function formatMeasureNumber(value: number, kind: "proportion" | "rate" | "amount", multiplier: number, lang: OverviewLang): string {
  if (kind === "amount") return formatNumber(value, lang, 0);
  return formatNumber(kind === "proportion" && multiplier === 1 ? value * 100 : value, lang, 1);
}

/** "A, B og C". */
export function listText(items: readonly string[], lang: OverviewLang): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${overviewText(lang, "and")} ${items[items.length - 1]}`;
}
