/**
 * Danish region codes of municipalities (`borger_bo_reg` in LPR_A): 1081 Nordjylland,
 * 1082 Midtjylland, 1083 Syddanmark, 1084 Hovedstaden, 1085 Sjælland (Statistics Denmark's
 * region codes; the municipalities per region as in the generator's geography.ts).
 */

const REGIONS: ReadonlyArray<readonly [number, readonly number[]]> = [
  [1081, [773, 787, 810, 813, 820, 825, 840, 846, 849, 851, 860]],
  [1082, [615, 657, 661, 665, 671, 706, 707, 710, 727, 730, 740, 741, 746, 751, 756, 760, 766, 779, 791]],
  [1083, [410, 420, 430, 440, 450, 461, 479, 480, 482, 492, 510, 530, 540, 550, 561, 563, 573, 575, 580, 607, 621, 630]],
  [
    1084,
    [101, 147, 151, 153, 155, 157, 159, 161, 163, 165, 167, 169, 173, 175, 183, 185, 187, 190, 201, 210, 217, 219, 223, 230, 240, 250, 260, 270, 400],
  ],
  [1085, [253, 259, 265, 269, 306, 316, 320, 326, 329, 330, 336, 340, 350, 360, 370, 376, 390]],
];

const BY_MUNICIPALITY = new Map<number, number>();
for (const [region, codes] of REGIONS) for (const c of codes) BY_MUNICIPALITY.set(c, region);

/**
 * The region code of a Danish municipality code (e.g. 751 Aarhus → 1082), or null when the code
 * is not one of the 98 municipalities (e.g. a Norwegian one).
 */
export function regionOfMunicipality(municipality: number): number | null {
  return BY_MUNICIPALITY.get(municipality) ?? null;
}
