/**
 * A report section as a recipe: its id, Triple Aim dimension, title and intro (catalogue keys),
 * the focus areas it serves (`--focus`), and its items — each item a builder that selects its rows
 * and draws its chart and table, or returns null when there is nothing to show. Sections whose
 * number or intro depend on the data (one per intervention, per focus area, the SPC charts) are
 * generators of built sections instead. `runRecipes` builds them in order and keeps those in focus.
 */
import type { FocusArea } from "../../overview/focusAreas.js";
import type { ReportTextKey } from "../../text/catalogue.js";
import type { ReportDimension, ReportItem, ReportSection } from "../reportTypes.js";
import type { SectionCtx } from "./context.js";

/** Builds one item (or a few, or none) of a section. */
export type ItemRecipe = (ctx: SectionCtx) => ReportItem | readonly ReportItem[] | null;

/** A built section with the focus areas it serves (none given: not tied to one, always shown). */
export interface BuiltSection {
  readonly section: ReportSection;
  readonly focus?: readonly FocusArea[];
}

export interface SectionRecipe {
  readonly id: string;
  readonly dimension: ReportDimension;
  readonly title: ReportTextKey;
  /** Intro paragraphs: catalogue keys, or the paragraphs made from the context. */
  readonly intro: readonly ReportTextKey[] | ((ctx: SectionCtx) => readonly string[]);
  readonly focus: readonly FocusArea[];
  readonly items: readonly ItemRecipe[];
}

/** Sections built from the data, yielded one at a time (each is in the report before the next is built). */
export interface SectionGenerator {
  readonly generate: (ctx: SectionCtx, focus: FocusArea) => Iterable<BuiltSection>;
}

export type SectionPart = SectionRecipe | SectionGenerator;

/** The section a recipe describes, built. */
export function buildSection(ctx: SectionCtx, recipe: SectionRecipe): BuiltSection {
  const items = recipe.items.flatMap((item) => item(ctx) ?? []);
  const intro = typeof recipe.intro === "function" ? recipe.intro(ctx) : recipe.intro.map((key) => ctx.t(key));
  return { section: { id: recipe.id, dimension: recipe.dimension, title: ctx.t(recipe.title), intro: [...intro], items }, focus: recipe.focus };
}

/**
 * A section is shown when the focus is "all", when it serves the focus, or when it is not tied to
 * one (definitions, suppression, loading; a section without tags).
 */
function inFocus(built: BuiltSection, focus: FocusArea): boolean {
  if (focus === "all" || built.section.dimension === "about") return true;
  return built.focus === undefined || built.focus.includes(focus);
}

/**
 * Builds the parts in order and returns the sections in focus. Every recipe is built, also one out
 * of focus (its charts stay known to the first page); `onSection` is called for each section kept.
 */
export function runRecipes(ctx: SectionCtx, parts: readonly SectionPart[], focus: FocusArea, onSection: (id: string) => void): ReportSection[] {
  const out: ReportSection[] = [];
  const keep = (built: BuiltSection) => {
    if (!inFocus(built, focus)) return;
    onSection(built.section.id);
    out.push(built.section);
  };
  for (const part of parts) {
    if ("generate" in part) for (const built of part.generate(ctx, focus)) keep(built);
    else keep(buildSection(ctx, part));
  }
  return out;
}
