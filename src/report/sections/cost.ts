/** Cost (Triple Aim): cost per citizen, all citizens and citizens 65+. */
import type { SectionRecipe } from "./recipe.js";
import { trend } from "./trend.js";

export const COST: SectionRecipe = {
  id: "sec-cost",
  dimension: "cost",
  title: "sec.cost",
  intro: ["intro.cost"],
  focus: ["cost", "65+", "0-2"],
  items: [trend("trend-cost-all", "cost_per_citizen", "all", { main: true }), trend("trend-cost-65", "cost_per_citizen", "65+")],
};
