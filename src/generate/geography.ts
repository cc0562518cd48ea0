/**
 * Municipalities the generator simulates. Region Midtjylland's 19 municipalities in 5 clusters
 * with their population on 1 January 2013 (Statistics Denmark, via
 * shared/reference/danish-context.md). Annual growth factors are assumptions fitted to the
 * reference's later figures (region ≈ 1.36 million in 2024, Aarhus > 373,000 in 2025).
 *
 * For `scale: "nation"` the other four regions' 79 municipalities are added with their real
 * 3-digit codes and names, but with APPROXIMATE populations (rounded guesses, not Statistics
 * Denmark figures) scaled so that Denmark totals ≈ 5.6 million in 2013 and ≈ 5.9 million in
 * 2023, grouped into SYNTHETIC clusters (two to five per region, named after the region).
 */

/** One simulated municipality. */
export interface GeneratorMunicipality {
  readonly code: number;
  readonly name: string;
  readonly cluster: string;
  readonly hospitalUnit: string;
  /** Citizens on 1 January 2013. */
  readonly population2013: number;
  /** Annual growth factor of the population (1.006 = +0.6 % a year). */
  readonly growth: number;
  /** Age-profile of the population: "city" (young adults), "town", or "rural" (older). */
  readonly profile: "city" | "town" | "rural";
}

/** The hospital units of Region Midtjylland's clusters. */
export const AARHUS_UNIVERSITY_HOSPITAL = "Aarhus Universitetshospital";

const H = "Regionshospitalet Horsens";
const M = "Hospitalsenhed Midt";
const R = "Regionshospitalet Randers";
const V = "Hospitalsenheden Vest";
const A = AARHUS_UNIVERSITY_HOSPITAL;

/** Region Midtjylland: 19 municipalities, 5 clusters (danish-context.md, populations 2013). */
export const MIDTJYLLAND_MUNICIPALITIES: readonly GeneratorMunicipality[] = [
  { code: 766, name: "Hedensted", cluster: "Horsens", hospitalUnit: H, population2013: 45868, growth: 1.006, profile: "town" },
  { code: 615, name: "Horsens", cluster: "Horsens", hospitalUnit: H, population2013: 84871, growth: 1.011, profile: "town" },
  { code: 727, name: "Odder", cluster: "Horsens", hospitalUnit: H, population2013: 21800, growth: 1.005, profile: "town" },
  { code: 746, name: "Skanderborg", cluster: "Horsens", hospitalUnit: H, population2013: 58094, growth: 1.01, profile: "town" },
  { code: 740, name: "Silkeborg", cluster: "Midt", hospitalUnit: M, population2013: 89346, growth: 1.008, profile: "town" },
  { code: 779, name: "Skive", cluster: "Midt", hospitalUnit: M, population2013: 47291, growth: 0.997, profile: "rural" },
  { code: 791, name: "Viborg", cluster: "Midt", hospitalUnit: M, population2013: 94333, growth: 1.005, profile: "town" },
  { code: 710, name: "Favrskov", cluster: "Randers", hospitalUnit: R, population2013: 47156, growth: 1.006, profile: "town" },
  { code: 707, name: "Norddjurs", cluster: "Randers", hospitalUnit: R, population2013: 38035, growth: 0.997, profile: "rural" },
  { code: 730, name: "Randers", cluster: "Randers", hospitalUnit: R, population2013: 96007, growth: 1.004, profile: "town" },
  { code: 706, name: "Syddjurs", cluster: "Randers", hospitalUnit: R, population2013: 41894, growth: 1.004, profile: "rural" },
  { code: 657, name: "Herning", cluster: "Vest", hospitalUnit: V, population2013: 86595, growth: 1.006, profile: "town" },
  { code: 661, name: "Holstebro", cluster: "Vest", hospitalUnit: V, population2013: 57254, growth: 1.002, profile: "town" },
  { code: 756, name: "Ikast-Brande", cluster: "Vest", hospitalUnit: V, population2013: 40468, growth: 1.004, profile: "town" },
  { code: 665, name: "Lemvig", cluster: "Vest", hospitalUnit: V, population2013: 21223, growth: 0.994, profile: "rural" },
  { code: 760, name: "Ringkøbing-Skjern", cluster: "Vest", hospitalUnit: V, population2013: 57259, growth: 0.997, profile: "rural" },
  { code: 671, name: "Struer", cluster: "Vest", hospitalUnit: V, population2013: 21846, growth: 0.996, profile: "rural" },
  { code: 751, name: "Aarhus", cluster: "Aarhus", hospitalUnit: A, population2013: 319094, growth: 1.0131, profile: "city" },
  { code: 741, name: "Samsø", cluster: "Aarhus", hospitalUnit: A, population2013: 3806, growth: 0.99, profile: "rural" },
];

/** The five clusters of Region Midtjylland, in the order of danish-context.md. */
export const MIDTJYLLAND_CLUSTERS = ["Horsens", "Midt", "Randers", "Vest", "Aarhus"] as const;

// Other regions: real municipality codes and names; approximate 2013 populations (thousands,
// rounded guesses for plausibility only); synthetic clusters. Scaled below to the national total.
type Row = [number, string, number, string];
const OTHER_REGIONS: Readonly<Record<string, readonly Row[]>> = {
  Hovedstaden: [
    [101, "København", 560, "Hovedstaden Syd"], [147, "Frederiksberg", 103, "Hovedstaden Syd"],
    [151, "Ballerup", 48, "Hovedstaden Vest"], [153, "Brøndby", 34, "Hovedstaden Vest"],
    [155, "Dragør", 14, "Hovedstaden Syd"], [157, "Gentofte", 74, "Hovedstaden Nord"],
    [159, "Gladsaxe", 66, "Hovedstaden Nord"], [161, "Glostrup", 22, "Hovedstaden Vest"],
    [163, "Herlev", 27, "Hovedstaden Vest"], [165, "Albertslund", 28, "Hovedstaden Vest"],
    [167, "Hvidovre", 52, "Hovedstaden Vest"], [169, "Høje-Taastrup", 48, "Hovedstaden Vest"],
    [173, "Lyngby-Taarbæk", 54, "Hovedstaden Nord"], [175, "Rødovre", 37, "Hovedstaden Vest"],
    [183, "Ishøj", 21, "Hovedstaden Vest"], [185, "Tårnby", 42, "Hovedstaden Syd"],
    [187, "Vallensbæk", 15, "Hovedstaden Vest"], [190, "Furesø", 39, "Hovedstaden Nord"],
    [201, "Allerød", 24, "Hovedstaden Nord"], [210, "Fredensborg", 40, "Hovedstaden Nord"],
    [217, "Helsingør", 62, "Hovedstaden Nord"], [219, "Hillerød", 49, "Hovedstaden Nord"],
    [223, "Hørsholm", 25, "Hovedstaden Nord"], [230, "Rudersdal", 55, "Hovedstaden Nord"],
    [240, "Egedal", 42, "Hovedstaden Nord"], [250, "Frederikssund", 44, "Hovedstaden Nord"],
    [260, "Halsnæs", 31, "Hovedstaden Nord"], [270, "Gribskov", 41, "Hovedstaden Nord"],
    [400, "Bornholm", 40, "Hovedstaden Bornholm"],
  ],
  Sjælland: [
    [253, "Greve", 48, "Sjælland Øst"], [259, "Køge", 58, "Sjælland Øst"],
    [265, "Roskilde", 85, "Sjælland Øst"], [269, "Solrød", 21, "Sjælland Øst"],
    [306, "Odsherred", 33, "Sjælland Vest"], [316, "Holbæk", 70, "Sjælland Vest"],
    [320, "Faxe", 35, "Sjælland Syd"], [326, "Kalundborg", 49, "Sjælland Vest"],
    [329, "Ringsted", 33, "Sjælland Vest"], [330, "Slagelse", 78, "Sjælland Vest"],
    [336, "Stevns", 22, "Sjælland Øst"], [340, "Sorø", 29, "Sjælland Vest"],
    [350, "Lejre", 27, "Sjælland Øst"], [360, "Lolland", 45, "Sjælland Syd"],
    [370, "Næstved", 82, "Sjælland Syd"], [376, "Guldborgsund", 62, "Sjælland Syd"],
    [390, "Vordingborg", 45, "Sjælland Syd"],
  ],
  Syddanmark: [
    [410, "Middelfart", 37, "Syddanmark Fyn"], [420, "Assens", 41, "Syddanmark Fyn"],
    [430, "Faaborg-Midtfyn", 51, "Syddanmark Fyn"], [440, "Kerteminde", 24, "Syddanmark Fyn"],
    [450, "Nyborg", 31, "Syddanmark Fyn"], [461, "Odense", 193, "Syddanmark Fyn"],
    [479, "Svendborg", 58, "Syddanmark Fyn"], [480, "Nordfyns", 29, "Syddanmark Fyn"],
    [482, "Langeland", 13, "Syddanmark Fyn"], [492, "Ærø", 6, "Syddanmark Fyn"],
    [510, "Haderslev", 56, "Syddanmark Sønderjylland"], [530, "Billund", 26, "Syddanmark Vejle"],
    [540, "Sønderborg", 75, "Syddanmark Sønderjylland"], [550, "Tønder", 38, "Syddanmark Sønderjylland"],
    [561, "Esbjerg", 115, "Syddanmark Sydvest"], [563, "Fanø", 3, "Syddanmark Sydvest"],
    [573, "Varde", 50, "Syddanmark Sydvest"], [575, "Vejen", 42, "Syddanmark Sydvest"],
    [580, "Aabenraa", 59, "Syddanmark Sønderjylland"], [607, "Fredericia", 50, "Syddanmark Vejle"],
    [621, "Kolding", 90, "Syddanmark Vejle"], [630, "Vejle", 109, "Syddanmark Vejle"],
  ],
  Nordjylland: [
    [773, "Morsø", 21, "Nordjylland Thy-Mors"], [787, "Thisted", 44, "Nordjylland Thy-Mors"],
    [810, "Brønderslev", 36, "Nordjylland Nord"], [813, "Frederikshavn", 61, "Nordjylland Nord"],
    [820, "Vesthimmerlands", 37, "Nordjylland Syd"], [825, "Læsø", 2, "Nordjylland Nord"],
    [840, "Rebild", 29, "Nordjylland Syd"], [846, "Mariagerfjord", 42, "Nordjylland Syd"],
    [849, "Jammerbugt", 38, "Nordjylland Nord"], [851, "Aalborg", 203, "Nordjylland Aalborg"],
    [860, "Hjørring", 66, "Nordjylland Nord"],
  ],
};

/** Denmark's population on 1 January 2013 (≈ 5.60 million), the nation-scale target. */
export const DENMARK_POPULATION_2013 = 5_602_628;

/** The 98 municipalities of the nation scale (19 real + 79 with approximate populations). */
export function nationMunicipalities(): GeneratorMunicipality[] {
  const region = MIDTJYLLAND_MUNICIPALITIES.reduce((s, m) => s + m.population2013, 0);
  const rows: [string, Row][] = [];
  for (const [regionName, list] of Object.entries(OTHER_REGIONS)) for (const r of list) rows.push([regionName, r]);
  const guessed = rows.reduce((s, [, r]) => s + r[2] * 1000, 0);
  const factor = (DENMARK_POPULATION_2013 - region) / guessed;
  const others = rows.map(([, [code, name, thousands, cluster]]): GeneratorMunicipality => {
    const pop = Math.round(thousands * 1000 * factor);
    return {
      code,
      name,
      cluster,
      hospitalUnit: `${cluster} (synthetic hospital unit)`,
      population2013: pop,
      growth: pop > 150_000 ? 1.009 : pop > 40_000 ? 1.005 : 1.001,
      profile: pop > 150_000 ? "city" : pop > 40_000 ? "town" : "rural",
    };
  });
  return [...MIDTJYLLAND_MUNICIPALITIES, ...others];
}

/** Expected citizens of a municipality on 1 January of a year (before sampling). */
export function expectedPopulation(m: GeneratorMunicipality, year: number): number {
  return m.population2013 * Math.pow(m.growth, year - 2013);
}
