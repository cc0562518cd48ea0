/**
 * Population health (Triple Aim): admissions, 30-day readmissions and preventable admissions —
 * each a trend of the region and the clusters.
 */
import type { SectionRecipe } from "./recipe.js";
import { trend } from "./trend.js";

export const POPULATION_HEALTH: readonly SectionRecipe[] = [
  {
    id: "sec-admissions",
    dimension: "health",
    title: "sec.admissions",
    intro: ["intro.admissions"],
    focus: ["admissions", "65+"],
    items: [trend("trend-admission-all", "admission_rate", "all", { main: true }), trend("trend-admission-65", "admission_rate", "65+")],
  },
  {
    id: "sec-readmissions",
    dimension: "health",
    title: "sec.readmissions",
    intro: ["intro.readmissions"],
    focus: ["readmissions", "65+", "0-2"],
    items: [trend("trend-readmission-65", "readmission_30d", "65+", { main: true }), trend("trend-readmission-all", "readmission_30d", "all")],
  },
  {
    id: "sec-preventable",
    dimension: "health",
    title: "sec.preventable",
    intro: ["intro.preventable"],
    focus: ["preventable", "65+"],
    items: [trend("trend-preventable-65", "preventable_admission_rate", "65+", { main: true })],
  },
];
