/**
 * Published reference series for the SPC tests, each with its source.
 */

/**
 * NHSRplotthedots integration test "ae_all attendances spc returns expected values"
 * (tests/testthat/_snaps/integration_tests.md, R-serialised snapshot decoded): monthly A&E
 * attendances, all England, 36 months (NHSRdatasets::ae_attendances summed by period, Apr 2016 –
 * Mar 2019), improvement_direction "increase", screen_outliers TRUE.
 */
export const AE_ATTENDANCES: readonly number[] = [
  1867781, 2070340, 1958802, 2079034, 1932901, 1952464, 2001816, 1907871, 1944567, 1895272, 1735619, 2015834,
  1949762, 2066789, 1994056, 2073944, 1924663, 1925961, 2044137, 1976971, 2003954, 2000086, 1820012, 2049785,
  1984369, 2164458, 2093942, 2179896, 1997854, 2005695, 2079492, 2037847, 2047518, 2113413, 1954947, 2167550,
];

/** Month labels 2016-04 … 2019-03 for AE_ATTENDANCES. */
export const AE_MONTHS: readonly string[] = AE_ATTENDANCES.map((_, i) => {
  const m = 3 + i; // 0-based month index from January 2016
  return `${2016 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
});

/**
 * Montgomery, Introduction to Statistical Quality Control, Example 7.1 (orange-juice cans; qcc
 * dataset `orangejuice`, NIST/SEMATECH e-Handbook 6.3.3.2): 30 samples of n = 50 cans, number of
 * nonconforming cans. Total 347.
 */
export const ORANGE_JUICE_D: readonly number[] = [
  12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6,
];

/**
 * Montgomery, Introduction to Statistical Quality Control (2nd ed. 1991, pp. 183–184; qcc dataset
 * `dyedcloth`): nonconformities in 10 rolls of dyed cloth, inspection unit 50 m², with the number of
 * inspection units per roll (varying exposure). Σx = 153, Σn = 107.5.
 */
export const DYED_CLOTH_X: readonly number[] = [14, 12, 20, 11, 7, 10, 21, 16, 19, 23];
export const DYED_CLOTH_N: readonly number[] = [10, 8, 13, 10, 9.5, 10, 12, 10.5, 12, 12.5];
