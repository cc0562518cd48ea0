/** Every builder applied to its fixture, in one list (used by the snapshot and render tests). */
import type { Chart } from "../../src/charts/chart.js";
import type { ChartLang } from "../../src/charts/locale.js";
import { agePyramidChart } from "../../src/charts/agePyramidChart.js";
import { caterpillarChart } from "../../src/charts/caterpillarChart.js";
import { funnelChart } from "../../src/charts/funnelChart.js";
import { heatmapChart } from "../../src/charts/heatmapChart.js";
import { referralChart } from "../../src/charts/referralChart.js";
import { registrationChart } from "../../src/charts/registrationChart.js";
import { spcChart } from "../../src/charts/spcChart.js";
import { spreadMatrixChart } from "../../src/charts/spreadMatrixChart.js";
import { sectorChecklistChart, sectorChecklistRows } from "../../src/charts/sectorChecklistChart.js";
import { spreadTimelineChart, spreadTimelineRows } from "../../src/charts/spreadTimelineChart.js";
import { adoptionTimeline, loadInterventions, recommendationStatusTable } from "../../src/spread/index.js";
import { join } from "node:path";
import { trendsChart } from "../../src/charts/trendsChart.js";
import { tripleAimChart } from "../../src/charts/tripleAimChart.js";
import * as fx from "./fixtures.js";

export function allSampleCharts(lang: ChartLang = "da"): Chart<unknown>[] {
  const da = lang === "da";
  return [
    funnelChart(fx.funnelFixture, { lang, period: "2023", definition: da ? "Genindlæggelse inden for 30 dage efter udskrivelse" : "Readmission within 30 days of discharge" }),
    spcChart(fx.spcFixture, {
      lang,
      title: da ? "Genindlæggelser inden for 30 dage, Klynge Randers" : "30-day readmissions, Randers cluster",
      valueTitle: da ? "Andel genindlagt" : "Proportion readmitted",
      period: "2019-01 – 2022-12",
    }),
    caterpillarChart(fx.caterpillarFixture, { lang, valueTitle: da ? "Indlæggelser pr. 1.000 borgere 65+" : "Admissions per 1,000 citizens 65+", period: "2023" }),
    trendsChart(fx.indicatorFixture, { lang, indicator: "admission_rate", group: "65+", valueTitle: da ? "Pr. 1.000 borgere 65+" : "Per 1,000 citizens 65+", period: "2016–2023" }),
    heatmapChart(fx.heatmapFixture, { lang, period: "2023", definition: da ? "Akutte indlæggelser af borgere 65+" : "Acute admissions of citizens 65+" }),
    referralChart(fx.referralFixture, { lang, period: "2023" }),
    agePyramidChart(fx.ageSexFixture, { lang, period: "2023" }),
    registrationChart(fx.registrationFixture, { lang, valueTitle: da ? "Indlæggelser pr. 1.000 0-2-årige" : "Admissions per 1,000 aged 0–2", period: "2023" }),
    tripleAimChart(fx.tripleAimFixture, { lang, subject: "Klynge Randers", period: "2019–2023" }),
    spreadMatrixChart(fx.spreadFixture, { lang, subtitle: da ? "TOBS i fem klynger; fase i parentes" : "TOBS in five clusters; phase in brackets" }),
    // The spread record of the shipped examples (data/interventions): timeline and sector checklist.
    spreadTimelineChart(spreadTimelineRows(adoptionTimeline(example("frail-elderly-follow-up")), { lang }), { lang, period: "2018–2022" }),
    sectorChecklistChart(sectorChecklistRows(recommendationStatusTable(example("low-back-pain-pathway")).summary, { lang }), { lang, period: "2014–2015" }),
  ];
}

function example(id: string) {
  const iv = loadInterventions(join(__dirname, "..", "..", "data", "interventions")).interventions.find((i) => i.id === id);
  if (iv === undefined) throw new Error(`no example ${id}`);
  return iv;
}
