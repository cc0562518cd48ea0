/** Experience (Triple Aim): the patients' and the relatives' overall satisfaction, half-yearly. */
import type { SectionRecipe } from "./recipe.js";
import { trend } from "./trend.js";

export const EXPERIENCE: SectionRecipe = {
  id: "sec-experience",
  dimension: "experience",
  title: "sec.experience",
  intro: ["intro.experience"],
  focus: ["experience"],
  items: [
    trend("trend-experience", "experience_positive:patient_overall_satisfaction", "all", { main: true, periods: "half" }),
    trend("trend-experience-relatives", "experience_positive:relative_satisfaction", "all", { periods: "half" }),
  ],
};
