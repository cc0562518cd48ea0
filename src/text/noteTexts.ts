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
    "{target}: et beløb, ikke en optælling — forskudt forskel-i-forskelle på log-beløbet pr. borger, vist som forholdet mellem beløb (0,97 = 3 % lavere end forventet); ingen afbrudt tidsserie pr. klynge.",
  "spread.note.effectAmountPartial": "{target}, {unit}: {periods} ligger dels før og dels efter starten og er udeladt af sammenligningen af beløb.",
  // Effects (src/effects): ItsResult.notes, StaggeredDidResult.notes, AmountDidResult.notes
  "effects.note.gaps": "{count} {count|manglende periode|manglende perioder} i serien ({periods}); de er udeladt af modellen og aldrig læst som 0.",
  "effects.note.seasonIndex": "Perioderne er heltal: månedens plads i året (til sæsonen) er taget som indeks modulo 12 (indeks 0 = januar).",
  "effects.note.underdispersion": "Spredning phi = {phi} ≤ 1: Poisson-standardfejl bruges (ingen nedjustering).",
  "effects.note.overdispersion": "Overspredning phi = {phi} > 1: standardfejlene er ganget med √phi (kvasi-Poisson).",
  "effects.note.blockDispersion":
    "Spredningen af summer over {block} perioder, phi = {phi}, er større end spredningen pr. periode: en enheds perioder efter hinanden hænger sammen (fx de samme skrøbelige patienter), så standardfejlene er ganget med √{phi}.",
  "effects.note.drift":
    "Klyngernes drift (variogram på log-skala): nugget {nugget}, AR(1)-varians {stationary} med rho {rho}, random walk-varians {walk} pr. periode; lagt til Poisson-variansen.",
  "effects.note.glmNotConverged": "Modellen konvergerede ikke på {iterations} iterationer; estimaterne kan være upålidelige (rater nær 0 eller separation).",
  "effects.note.noSensitivity": "Intet estimat før basisvinduet, så robustheden over for brud på antagelsen om parallelle trends (Rambachan & Roth 2023) kan ikke beregnes.",
  "effects.note.noControls": "ATT({cohort}, {period}) kan ikke bestemmes: ingen enhed uden indsatsen (endnu) i den periode.",
  "effects.note.zeroCell": "ATT({cohort}, {period}) kan ikke estimeres: en kohorte- eller kontrolcelle har 0 hændelser, så dens log-rate er udefineret.",
  "effects.note.noBase": "Kohorte {cohort}: ingen observeret basisperiode før starten, så den er udeladt.",
  "effects.note.smallBase":
    "Kohorte {cohort}: basis har kun {events} {events|hændelse|hændelser}, så hvert ATT({cohort}, t) hviler på ét lille tal; en længere basis (baseWindow: 12 for månedsdata) giver mindre skæve og smallere estimater.",
  "effects.note.noTreatedUnits": "Ingen enhed har en startperiode for indsatsen, så der er ingen effekt at estimere.",
  "effects.note.amountNoBase": "{unit} har ingen observeret periode før sin start og er udeladt.",
  "effects.note.amountNoControlCells":
    "{count} {count|periode|perioder} efter start hos indførende enheder havde ingen sammenligningsenhed (uden indsatsen eller endnu ikke startet) observeret i basis og i perioden og er udeladt.",
  "effects.note.amountNoCells": "Ingen indførende enhed har en basisperiode og en periode efter start med en sammenligningsenhed; ingen effekt kan estimeres.",
  "effects.note.amountTooFewControls": "Kun {n} {n|sammenligningsenhed|sammenligningsenheder} (uden indsatsen eller endnu ikke startet); mindst {min} kræves for et estimat.",
  "effects.note.amountTooFewDf":
    "{cells} enhed-perioder uden indsatsen giver {df} frihedsgrader til støjen i sammenligningsenhedernes ændringer fra periode til periode; mindst {min} kræves (for få sammenligningsenheder eller perioder før start).",
  "effects.note.amountInterval":
    "Interval: t-interval ({df} frihedsgrader) ud fra residualvariansen af log-beløbet i en model med enhed og periode for de {cells} enhed-perioder uden indsatsen (enheder uden indsatsen og indførende før deres start) — placebo-variationen i sammenligningsenhedernes ændringer; med så få klynger forudsætter det uafhængig støj med ens varians og er omtrentligt.",
  "effects.note.twfe":
    "Tovejs fixed effects-Poisson-estimat, vist kun som kontrast: det er skævt ved forskudt indførelse, når effekten ændrer sig over tid, fordi enheder, der allerede har indsatsen, bruges som sammenligning.",
  "effects.note.tooFewPre": "{pre} {pre|periode|perioder} før starten; mindst {min} kræves for at estimere den trend, effekten måles mod, så der gives intet estimat.",
  "effects.note.tooFewPreEvents": "Kun {events} {events|hændelse|hændelser} før starten; mindst {min} kræves for en basis, så der gives intet estimat.",
  "effects.note.notFitted": "Modellen kunne ikke tilpasses disse data; der gives intet estimat.",
  // Stats (src/stats): Estimate.note, PoissonGlmFit.notes
  "stats.note.zeroDenominator": "Nævner 0: ingen værdi kan beregnes.",
  "stats.note.dsrTooFewEvents":
    "Direkte standardiseret rate ikke beregnet: {observed} {observed|hændelse|hændelser} i alt, færre end {min}; Dobson-intervallet er upålideligt ved færre end {min} hændelser (PHE-konvention).",
  "stats.note.zeroExpected": "Forventet antal 0: forholdet mellem observeret og forventet er udefineret.",
  "stats.note.glmNotConverged": "Modellen (Poisson-regression) konvergerede ikke på {iterations} iterationer; estimaterne kan være upålidelige (rater nær 0 eller separation).",
  // Compare (src/compare): compareToReference, clusterProfile, rankIntervals
  "compare.note.referenceIncludesUnit":
    "Når referencen omfatter enhederne (fx regionen og dens klynger), behandler intervallerne for forskellen de to som uafhængige og er lidt for brede; brug excludeUnitFromReference for at sammenligne hver enhed med resten.",
  "compare.note.zeroPopulation": "{unit} har befolkning 0: ingen rate, forskel eller trend.",
  "compare.note.zeroExpected": "{unit}: det forventede antal er 0, så forholdet mellem observeret og forventet er udefineret.",
  "compare.note.trendTooShort": "{unit}: {n} {n|periode|perioder} med befolkning; en trend kræver mindst 3.",
  "compare.note.trendFailed": "{unit}: trenden kunne ikke estimeres.",
  "compare.note.profileNoReference": "Ingen referencerække for {indicator}, {period}, gruppe {group}, køn {sex}: ikke sammenlignet.",
  "compare.note.profileNoDirection": "For {indicator} kendes ikke retningen, der er bedre; angiv den i options.directions.",
  "compare.note.rankSkipped": "{unit} har ingen værdi (diskretioneret eller ikke beregnet) og er udeladt af rangordningen.",
  "compare.note.rankNote": "Rangpladser er usikre: læs hver enheds interval for rangplads, ikke dens plads på listen; overlappende intervaller betyder, at rækkefølgen ikke er fastslået.",
  // Funnel plots (src/compare/funnelPlotData.ts): FunnelPlotResult.notes and FunnelUnit.notes
  "funnel.note.methodPhe": "Metode: PHE/Fingertips' ujusterede grænser (andele: Wilson-score; rater og ratioer: eksakt Poisson).",
  "funnel.note.methodSpiegelhalter":
    "Metode: Spiegelhalters grænser justeret for overspredning ({trimMethod} {trim} % i hver ende, n = {n}); phi = {phi}, tau² = {tau2}.",
  "funnel.note.winsorised": "winsoriseret",
  "funnel.note.truncated": "trunkeret",
  "funnel.note.methodFallback": "Justering for overspredning ønsket, men phi = {phi} ≤ 1 (ingen overspredning): PHE's ujusterede grænser bruges.",
  "funnel.note.tooFewForOverdispersion": "Kun {n} {n|enhed|enheder} med brugbar z-score: overspredningen kan ikke estimeres, så PHE's ujusterede grænser bruges.",
  "funnel.note.singleUnit": "Én enhed: den sammenlignes med det mål, den selv definerer, så den kan ikke være en afviger, medmindre et mål er givet.",
  "funnel.note.zeroNumerator": "Tæller 0: værdien er 0; dens øvre grænse kommer fra det eksakte Poisson-/Wilson-interval.",
  "funnel.note.zeroNumeratorLogZ": "Tæller 0: log(O/E) er udefineret, så z-scoren bruger 0,5 hændelser (kontinuitetskorrektion).",
  "funnel.note.zeroDenominator": "Nævner 0: ingen værdi; enheden klassificeres ikke.",
  "funnel.note.smallDenominator": "Lille nævner ({n}): grænserne er meget brede, og enheden kan sjældent klassificeres som afviger.",
  "funnel.note.dsrFewEvents": "Færre end 10 hændelser: en direkte standardiseret rate klassificeres ikke (PHE-konvention).",
  "funnel.note.classProportion": "Klasser: værdien sammenlignes med grænserne ved enhedens egen nævner (PHE assign_funnel_significance).",
  "funnel.note.classExpected": "Klasser: værdien sammenlignes med de tegnede eksakte Poisson-grænser for det forventede antal ved enhedens egen nævner (FunnelPlotR).",
  "funnel.note.classObserved":
    "Klasser: enhedens eget Poisson-interval (eksakt under 10 hændelser, Byars fra 10) sammenlignes med målet (PHE assign_funnel_significance) — den test, de tegnede PHE-grænser viser.",
  "funnel.note.classAdjusted": "Klasser: værdien sammenlignes med grænserne justeret for overspredning ved enhedens egen nævner (FunnelPlotR).",
  // Triple Aim status (src/spread/tripleAimStatus.ts): TripleAimStatusRow.reason; {indicator} is shown as the measure
  "spread.status.noIndicator": "Indikatortabellen har ingen rækker på klyngeniveau for {indicator}, gruppe {group}.",
  "spread.status.noBaseline": "Ingen data i basisperioden {from}–{to}.",
  "spread.status.noCurrent": "Ingen data siden starten.",
  "spread.status.tooFewPeriods": "Kun {n} {n|periode|perioder} med data siden starten (mindst {min} kræves).",
  "spread.status.tooFewEvents": "Kun {n} hændelser i det aktuelle vindue (mindst {min} kræves): for få til at vurdere.",
  "spread.status.met": "Målet er nået ({change} mod basis), og forbedringen er større end tilfældighed.",
  "spread.status.onTrackInterval": "Forbedret ud over tilfældighed ({change}), men målet er endnu ikke nået; fristen er ikke overskredet.",
  "spread.status.onTrackSignal": "Forbedret ({change}) med et SPC-signal om forbedring siden starten; fristen er ikke overskredet.",
  "spread.status.notMetDeadline": "Fristen {deadline} er overskredet, og målet er ikke nået ({change} mod basis).",
  "spread.status.notMetNoChange": "Endnu ingen forbedring ud over tilfældighed ({change} mod basis).",
  "spread.status.notMetWorse": "Dårligere end basis ({change}).",
  "spread.status.targetReachedNotClear": "Punktestimatet når målet ({change}), men intervallet omfatter basis: ikke ud over tilfældighed.",
  // Effect rows (src/spread/interventionEffect.ts): InterventionEffectRow.notes
  "spread.note.noCurrent": "{unit}: ingen data siden starten.",
  "spread.note.effectFailed": "{unit}: intet estimat.",
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
  "effects.note.gaps": "{count} missing {count|period|periods} in the series ({periods}); they are left out of the fit, never read as 0.",
  "effects.note.seasonIndex": "The periods are integer indices: the month of year for seasonality is taken as index mod 12 (index 0 = January).",
  "effects.note.underdispersion": "Dispersion phi = {phi} ≤ 1: Poisson standard errors are used (no deflation).",
  "effects.note.overdispersion": "Dispersion phi = {phi} > 1: standard errors are multiplied by √phi (quasi-Poisson).",
  "effects.note.blockDispersion":
    "The dispersion of {block}-period sums, phi = {phi}, exceeds the per-period one: successive periods of a unit are correlated (e.g. the same frail patients), so standard errors are multiplied by √{phi}.",
  "effects.note.drift":
    "Cluster drift (variogram, log scale): nugget {nugget}, AR(1) variance {stationary} with rho {rho}, random-walk variance {walk} per period; added to the Poisson variance.",
  "effects.note.glmNotConverged": "The model did not converge in {iterations} iterations; the estimates may be unreliable (rates near 0 or separation).",
  "effects.note.noSensitivity": "No pre-period estimate before the base window, so the parallel-trends breakdown value (Rambachan & Roth 2023) cannot be computed.",
  "effects.note.noControls": "ATT({cohort}, {period}) not identified: no never-treated or not-yet-treated unit at that period.",
  "effects.note.zeroCell": "ATT({cohort}, {period}) not estimable: a cohort or control cell has 0 events, so its log rate is undefined.",
  "effects.note.noBase": "Cohort {cohort}: no observed base period before the start, so it is left out.",
  "effects.note.smallBase":
    "Cohort {cohort}: its base has only {events} {events|event|events}, so every ATT({cohort}, t) leans on one small count; a longer base (baseWindow: 12 for monthly data) gives less biased, tighter estimates.",
  "effects.note.noTreatedUnits": "No unit has a start of the intervention, so there is no effect to estimate.",
  "effects.note.amountNoBase": "{unit} has no observed period before its start, so it is left out.",
  "effects.note.amountNoControlCells":
    "{count} post-start {count|period|periods} of adopting units had no never-treated or not-yet-treated control observed at the base and that period, so they are left out.",
  "effects.note.amountNoCells": "No adopting unit has a base period and a post period with a control; no effect can be estimated.",
  "effects.note.amountTooFewControls": "Only {n} control {n|unit|units} (never-treated or not yet treated); at least {min} are needed for an estimate.",
  "effects.note.amountTooFewDf":
    "{cells} untreated unit-periods leave {df} residual degrees of freedom for the noise of the controls' period-to-period changes; at least {min} are needed (too few controls or pre-periods).",
  "effects.note.amountInterval":
    "Interval: t-interval (df {df}) from the residual variance of log amount in a unit + period model of the {cells} untreated unit-periods (never-treated units, adopters before their start) — the placebo variability of the controls' period-to-period changes; with this few clusters it assumes independent, equal-variance noise and is approximate.",
  "effects.note.twfe":
    "Two-way fixed-effects Poisson estimate, shown only as a contrast: it is biased under staggered adoption when effects vary over time, because already-treated units serve as controls.",
  "effects.note.tooFewPre": "{pre} {pre|period|periods} before the start; at least {min} are needed to estimate the trend the effect is measured against, so no estimate is given.",
  "effects.note.tooFewPreEvents": "Only {events} {events|event|events} before the start; at least {min} are needed for a baseline, so no estimate is given.",
  "effects.note.notFitted": "The model could not be fitted to these data; no estimate is given.",
  "stats.note.zeroDenominator": "Denominator 0: no value can be computed.",
  "stats.note.dsrTooFewEvents":
    "Directly standardised rate not calculated: {observed} {observed|event|events} in total, fewer than {min}; the Dobson interval is unreliable for fewer than {min} events (PHE convention).",
  "stats.note.zeroExpected": "Expected count 0: the ratio of observed to expected is undefined.",
  "stats.note.glmNotConverged": "The model (Poisson regression) did not converge in {iterations} iterations; the estimates may be unreliable (fitted rates near 0 or separation).",
  "compare.note.referenceIncludesUnit":
    "When the reference includes the units (e.g. the region and its clusters), the intervals of the difference treat the two as independent and are somewhat too wide; use excludeUnitFromReference to compare each unit with the rest.",
  "compare.note.zeroPopulation": "{unit} has population 0: no rate, difference or trend.",
  "compare.note.zeroExpected": "{unit}: the expected count is 0, so the ratio of observed to expected is undefined.",
  "compare.note.trendTooShort": "{unit}: {n} {n|period|periods} with population; a trend needs at least 3.",
  "compare.note.trendFailed": "{unit}: the trend could not be estimated.",
  "compare.note.profileNoReference": "No reference row for {indicator}, {period}, group {group}, sex {sex}: compared with nothing.",
  "compare.note.profileNoDirection": "No direction of improvement is known for {indicator}; give it in options.directions.",
  "compare.note.rankSkipped": "{unit} has no value (suppressed or not computed) and is left out of the ranking.",
  "compare.note.rankNote": "Ranks are uncertain: read each unit's rank interval, not its position in the list; overlapping intervals mean the order is not established.",
  "funnel.note.methodPhe": "Method: PHE/Fingertips unadjusted limits (proportions: Wilson score; rates and ratios: exact Poisson).",
  "funnel.note.methodSpiegelhalter": "Method: Spiegelhalter overdispersion-adjusted limits ({trimMethod} {trim} % at each end, n = {n}); phi = {phi}, tau² = {tau2}.",
  "funnel.note.winsorised": "winsorised",
  "funnel.note.truncated": "truncated",
  "funnel.note.methodFallback": "Overdispersion adjustment asked for, but phi = {phi} ≤ 1 (no overdispersion): unadjusted PHE limits are used.",
  "funnel.note.tooFewForOverdispersion": "Only {n} {n|unit|units} with a usable z-score: overdispersion cannot be estimated, so unadjusted PHE limits are used.",
  "funnel.note.singleUnit": "A single unit: it is compared with the target it defines itself, so it cannot be an outlier unless a target is given.",
  "funnel.note.zeroNumerator": "Numerator 0: the value is 0; its upper limit comes from the exact Poisson/Wilson interval.",
  "funnel.note.zeroNumeratorLogZ": "Numerator 0: log(O/E) is undefined, so the z-score uses 0.5 events (continuity correction).",
  "funnel.note.zeroDenominator": "Denominator 0: no value; the unit is not classed.",
  "funnel.note.smallDenominator": "Small denominator ({n}): limits are very wide and the unit can rarely be classed as an outlier.",
  "funnel.note.dsrFewEvents": "Fewer than 10 events: a directly standardised rate is not classed (PHE convention).",
  "funnel.note.classProportion": "Classes: the value is compared with the limits at the unit's own denominator (PHE assign_funnel_significance).",
  "funnel.note.classExpected": "Classes: the value is compared with the drawn exact Poisson limits of the expected count at the unit's own denominator (FunnelPlotR).",
  "funnel.note.classObserved":
    "Classes: the unit's own Poisson interval (exact below 10 events, Byars from 10) is compared with the target (PHE assign_funnel_significance), the test the drawn PHE limits show.",
  "funnel.note.classAdjusted": "Classes: the value is compared with the overdispersion-adjusted limits at the unit's own denominator (FunnelPlotR).",
  "spread.status.noIndicator": "The indicator table has no cluster-level rows of {indicator} for group {group}.",
  "spread.status.noBaseline": "No data in the baseline period {from}–{to}.",
  "spread.status.noCurrent": "No data since the start.",
  "spread.status.tooFewPeriods": "Only {n} {n|period|periods} of data since the start (at least {min} needed).",
  "spread.status.tooFewEvents": "Only {n} events in the current window (at least {min} needed): too few to judge.",
  "spread.status.met": "The target is reached ({change} against the baseline) and the improvement is beyond chance.",
  "spread.status.onTrackInterval": "Improved beyond chance ({change}), target not yet reached; the deadline has not passed.",
  "spread.status.onTrackSignal": "Improved ({change}) with an SPC improvement signal since the start; the deadline has not passed.",
  "spread.status.notMetDeadline": "The deadline {deadline} has passed and the target is not reached ({change} against the baseline).",
  "spread.status.notMetNoChange": "No improvement beyond chance yet ({change} against the baseline).",
  "spread.status.notMetWorse": "Worse than the baseline ({change}).",
  "spread.status.targetReachedNotClear": "The point estimate reaches the target ({change}) but the interval includes the baseline: not beyond chance.",
  "spread.note.noCurrent": "{unit}: no data since the start.",
  "spread.note.effectFailed": "{unit}: no estimate.",
  "spread.finding.placeboChange":
    "Caution: the comparison cluster shows a change without the intervention ({units}, placebo from the same date); interpret the effect with care — it is a warning about the design, though with 95 % intervals it also happens by chance in about 1 in 20 comparison clusters",
};
