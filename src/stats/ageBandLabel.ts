/**
 * The label of the age band ("0-4", "85-89", "90+", …) that contains a completed age, from a list of
 * band labels of the form "a-b" (inclusive) or "a+" (open top band). Returns null when no band
 * contains the age. Use it to map single years of age (population tables) to the bands of a
 * standard population such as {@link EUROPEAN_STANDARD_POPULATION_2013}.
 * @example ageBandLabel(67, ["0-64", "65-74", "75+"]) // "65-74"
 */
export function ageBandLabel(age: number, bands: readonly string[]): string | null {
  for (const band of bands) {
    const open = /^(\d+)\+$/.exec(band);
    if (open) {
      if (age >= Number(open[1])) return band;
      continue;
    }
    const closed = /^(\d+)-(\d+)$/.exec(band);
    if (closed && age >= Number(closed[1]) && age <= Number(closed[2])) return band;
  }
  return null;
}
