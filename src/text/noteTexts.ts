/**
 * Part of the one text catalogue (catalogue.ts): the wording of the notes the layers return as a
 * code plus values (contract/note.ts). A layer never writes the sentence; charts, the report and
 * notebooks render a note with `noteText(note, lang)`. To add a note: add its code to the layer's
 * code union, then one line here in Danish and one in English, with the same `{value}` names.
 */

export const NOTE_DA = {
  // SPC (src/spc): attached to SpcResult.notes and CompletedPeriods.warnings
  "spc.note.missingPeriods": "{count} perioder uden værdi vises som huller, aldrig som 0, og tælles ikke med i serier, kryds eller grænser: {periods}.",
  "spc.note.phaseRule": "Hver fase har egen centerlinje og egne grænser, beregnet alene af fasens egne basispunkter; faser kommer fra virkelige hændelser, aldrig fra automatisk genberegning.",
  "spc.note.varyingLimits": "Grænserne varierer fra punkt til punkt, fordi hvert punkt har sin egen nævner: en større nævner giver smallere grænser. Det er korrekt, ikke en fejl.",
  "spc.note.insertedGaps": "Manglende perioder indsat som huller (ikke som 0): {periods}.",
  "spc.note.zeroDenominator": "Nævner 0 i {periods}: ingen rate kan beregnes, så perioderne vises som huller.",
  "spc.note.excluded": "Udeladt af centerlinje og grænser (vises stadig og testes stadig af reglerne): {periods}.",
  "spc.note.frozenBaseline": "Fase «{phase}»: centerlinje og grænser låst på de første {k} punkter ({used} brugt efter udeladelser og huller); senere punkter vurderes mod dem.",
  "spc.note.fewBaseline": "Fase «{phase}»: kun {n} punkter bestemmer centerlinje og grænser; mindst {min} anbefales, så læs signalerne med forsigtighed.",
  "spc.note.noBaseline": "Fase «{phase}»: intet brugbart punkt at beregne en centerlinje ud fra; punkterne vises uden centerlinje og grænser.",
  "spc.note.fewUseful": "Fase «{phase}»: {n} brugbare punkter (ikke på medianen); Anhøj-reglerne er beregnet til mindst 10.",
  "spc.note.runsSignal": "Fase «{phase}»: ikke-tilfældig variation — længste serie {longest} (grænse {longestMax}), kryds {crossings} (mindst {crossingsMin}).",
  "spc.note.screened": "Fase «{phase}»: {removed} glidende variationsbredder ≥ 3,267 × den gennemsnitlige ({threshold}) udeladt før grænserne blev beregnet (Making Data Count-screening).",
  "spc.note.laneyRecommended": "Fase «{phase}»: sigma_z = {sigmaZ} ved gennemsnitlig nævner {n}; de almindelige grænser forudsætter sigma_z ≈ 1 og er sandsynligvis alt for {too}. Overvej Laneys justerede diagram.",
  "spc.note.laneyApplied": "Fase «{phase}»: Laney-justering, grænserne ganget med sigma_z = {sigmaZ}.",
  "spc.note.conflict": "Punkter markeret af regler, der peger i hver sin retning: {periods}; reglen med højest prioritet afgør farven.",
  "spc.note.tight": "snævre",
  "spc.note.wide": "brede",
  // Spread model (src/spread/interventionEffect.ts); {target} and {indicator} are shown as the target's measure
  "spread.note.noIndicator": "{target}: indikatortabellen har ingen rækker på klyngeniveau for {indicator}, gruppe {group}.",
  "spread.note.yearlyStart": "{target}, {unit}: data er ikke månedlige, så indførelsen {start} tæller fra den første hele periode, {first}.",
  "spread.note.effectAmount":
    "{target}: et beløb, ikke en optælling — forskudt difference-in-differences på log-beløbet pr. borger, vist som forholdet mellem beløb (0,97 = 3 % lavere end forventet); ingen afbrudt tidsserie pr. klynge.",
  "spread.note.effectAmountPartial": "{target}, {unit}: {periods} ligger dels før og dels efter starten og er udeladt af sammenligningen af beløb.",
  // Spread findings (src/spread/spreadFindings.ts), without a final full stop (the report adds it)
  "spread.finding.placeboChange":
    "Forsigtighed: sammenligningsklyngen viser en ændring uden indsatsen ({units}, placebo fra samme dato); tolk effekten varsomt — det er en advarsel om designet, men med 95 %-intervaller sker det også ved tilfældighed i omkring 1 af 20 sammenligningsklynger",
};

export type NoteTextKey = keyof typeof NOTE_DA;

export const NOTE_EN: Record<NoteTextKey, string> = {
  "spc.note.missingPeriods": "{count} periods have no value and are shown as gaps, never as zeros; they are not counted in runs, crossings or limits: {periods}.",
  "spc.note.phaseRule": "Each phase has its own centre and limits, computed only from that phase's own baseline points; phases come from real events, never from automatic rebasing.",
  "spc.note.varyingLimits": "The limits vary from point to point because each point has its own denominator: a larger denominator gives narrower limits. This is correct, not an error.",
  "spc.note.insertedGaps": "Missing periods inserted as gaps (not zeros): {periods}.",
  "spc.note.zeroDenominator": "Denominator 0 in {periods}: no rate can be computed, so these periods are gaps.",
  "spc.note.excluded": "Excluded from the centre and limits (still plotted and still tested by the rules): {periods}.",
  "spc.note.frozenBaseline": "Phase “{phase}”: centre and limits frozen on its first {k} points ({used} used after exclusions and gaps); later points are judged against them.",
  "spc.note.fewBaseline": "Phase “{phase}”: only {n} points set the centre and limits; at least {min} are recommended, so read its signals with care.",
  "spc.note.noBaseline": "Phase “{phase}”: no usable point to compute a centre line from; its points are shown without centre or limits.",
  "spc.note.fewUseful": "Phase “{phase}”: {n} useful points (not on the median); the Anhøj rules are meant for at least 10.",
  "spc.note.runsSignal": "Phase “{phase}”: non-random variation — longest run {longest} (limit {longestMax}), crossings {crossings} (minimum {crossingsMin}).",
  "spc.note.screened": "Phase “{phase}”: {removed} moving ranges ≥ 3.267 × the mean ({threshold}) left out before the limits were computed (Making Data Count screening).",
  "spc.note.laneyRecommended": "Phase “{phase}”: sigma_z = {sigmaZ} with mean denominator {n}; the plain limits assume sigma_z ≈ 1 and are likely far too {too}. Consider Laney's adjusted chart.",
  "spc.note.laneyApplied": "Phase “{phase}”: Laney adjustment, limits multiplied by sigma_z = {sigmaZ}.",
  "spc.note.conflict": "Points flagged by rules pointing in opposite directions: {periods}; the highest-priority rule decides the colour.",
  "spc.note.tight": "tight",
  "spc.note.wide": "wide",
  "spread.note.noIndicator": "{target}: the indicator table has no cluster-level rows of {indicator} for group {group}.",
  "spread.note.yearlyStart": "{target}, {unit}: the data are not monthly, so the adoption of {start} counts from the first whole period, {first}.",
  "spread.note.effectAmount":
    "{target}: an amount, not a count — staggered difference-in-differences on the log amount per citizen, reported as a ratio of amounts (0.97 = 3 % lower than expected); no per-cluster interrupted time series.",
  "spread.note.effectAmountPartial": "{target}, {unit}: {periods} partly before and partly after the start, left out of the amount comparison.",
  "spread.finding.placeboChange":
    "Caution: the comparison cluster shows a change without the intervention ({units}, placebo from the same date); interpret the effect with care — it is a warning about the design, though with 95 % intervals it also happens by chance in about 1 in 20 comparison clusters",
};
