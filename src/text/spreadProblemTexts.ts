/**
 * Part of the one text catalogue (catalogue.ts): the problems found in an intervention file, as
 * the data group reads them when `klynge interventions` or `klynge report` reads the folder. The
 * spread layer returns a problem as a code plus values (SpreadProblem); the sentence after
 * "file:line: path: " is one of these templates, rendered with `spreadProblemText(code, values,
 * lang)`. Values: texts as given (names and ids quoted by the template; a value found in the file
 * already quoted), lists already quoted and joined, counts as numbers. A few codes have variants
 * (suffix after the code), chosen by spreadProblemText from the values.
 */

export const SPREAD_PROBLEM_DA = {
  // --- reading the file
  "spread.problem.parse_error": "kan ikke læses som YAML eller JSON: {detail}",
  "spread.problem.not_an_object": "skal være en samling af felter (én indsats), fandt {found}",
  // --- structure (from the schema)
  "spread.problem.missing_field": "skal udfyldes",
  "spread.problem.wrong_type": "skal være {expected}, fandt {found}",
  "spread.problem.unknown_field": 'ukendt felt "{key}"',
  "spread.problem.unknown_field_suggestion": 'ukendt felt "{key}"; mente du "{suggestion}"?',
  "spread.problem.invalid_choice": "skal være en af {values}, fandt {found}",
  "spread.problem.invalid_date": "skal være en dato skrevet ÅÅÅÅ-MM-DD, fandt {found}",
  "spread.problem.invalid_id": 'skal være et id af små bogstaver, cifre, "-" og "_" (begyndende med et bogstav eller et ciffer), fandt {found}',
  "spread.problem.invalid_period": 'skal være en periode som "2019", "2019-Q1" eller "2019-01", fandt {found}',
  "spread.problem.invalid_age_group": 'skal være en befolkningsgruppe som "all", "65+" eller "0-2", fandt {found}',
  "spread.problem.empty": "må ikke være tom",
  "spread.problem.too_small": "skal være mindst {minimum}, fandt {found}",
  "spread.problem.too_large": "må højst være {maximum}, fandt {found}",
  "spread.problem.invalid_value": "er ikke gyldig: {found}",
  // --- references and uniqueness
  "spread.problem.duplicate_id": 'id\'et "{id}" er brugt to gange; første gang ved {first}',
  "spread.problem.duplicate_intervention": 'indsatsens id "{id}" er brugt to gange; det bruges også i {firstFile}',
  "spread.problem.duplicate_adoption_cluster": 'klyngen "{cluster}" indfører indsatsen to gange; se også {first}',
  "spread.problem.duplicate_adoption_municipality": 'kommune {municipality} i klyngen "{cluster}" indfører indsatsen to gange; se også {first}',
  "spread.problem.duplicate_adoption_hospital": 'hospitalet "{hospital}" i klyngen "{cluster}" indfører indsatsen to gange; se også {first}',
  "spread.problem.duplicate_fidelity": 'troskab over for kerneelementet "{element}" er registreret to gange; se også {first}',
  "spread.problem.duplicate_recommendation_status": 'status for anbefalingen "{id}" i {year} er registreret to gange; se også {first}',
  "spread.problem.unknown_kernel_element": 'ukendt kerneelement "{id}"; kernen har {known}',
  "spread.problem.unknown_variation": 'ukendt lokal variation "{id}"; rummet for lokal variation har {known}',
  "spread.problem.unknown_recommendation": 'ukendt anbefaling "{id}"; indsatsens anbefalinger er {known}',
  "spread.problem.unknown_indicator": 'ukendt indikator "{id}"; de kendte indikatorer er {known} (tilføj dine egne med indicators-tilvalget)',
  "spread.problem.unknown_cluster": 'ukendt klynge "{name}"; geografien har {known}',
  "spread.problem.unknown_municipality": "ukendt kommune {code}; den findes ikke i geografien",
  "spread.problem.municipality_not_in_cluster": 'kommune {code} hører til klyngen "{actual}", ikke "{cluster}"',
  "spread.problem.unknown_hospital": 'ukendt hospitalsenhed "{name}"; geografien har {known}',
  "spread.problem.hospital_not_in_cluster": 'hospitalsenheden "{name}" betjener ingen kommune i klyngen "{cluster}"',
  "spread.problem.municipality_and_hospital": "en indførelse sker i en klynge, én kommune eller ét hospital: angiv municipality eller hospital, ikke begge",
  "spread.problem.kernel_missing":
    "en indsats skal have mindst ét kerneelement (det, der giver effekten, seed 003); en fælles ramme for lokale initiativer skrives med kind: programme",
  "spread.problem.programme_kernel":
    "et program er en fælles ramme for lokale initiativer og har ingen egen kerne (seed 001); giv hvert lokalt initiativ sin egen fil med sin kerne",
  "spread.problem.programme_adoptions":
    "et program indføres gennem sine lokale initiativer: giv hvert initiativ sin egen fil med programme: <dette id> og sine indførelser",
  "spread.problem.programme_in_programme": "et program kan ikke høre til et andet program",
  "spread.problem.unknown_programme": 'ukendt program "{id}"; mappens programmer er {known}',
  "spread.problem.not_a_programme": '"{id}" er en indsats, ikke et program (kind: programme)',
  "spread.problem.dimension_missing":
    'angiv Triple Aim-dimensionen for indikatoren "{indicator}" (population_health, experience eller cost); klynge kender kun en standard for sine egne indikatorer',
  // --- dates and targets
  "spread.problem.pdsa_end_before_start": "cyklussen slutter ({end}), før den begynder ({start})",
  "spread.problem.baseline_order": "basisperioden begynder ({start}) efter den slutter ({end})",
  "spread.problem.deadline_before_baseline": "fristen {due} ligger ikke efter basisperiodens slutning {end}",
  "spread.problem.target_missing": "angiv target_value eller relative_change",
  "spread.problem.target_both": "angiv target_value eller relative_change, ikke begge",
  "spread.problem.change_against_direction": 'relative_change {value} er i modstrid med direction "{direction}"',
  "spread.problem.key_assessments_out_of_order":
    "vurderingen af {on} ligger ikke efter den forrige ({previous}); skriv vurderingerne i datoorden, én pr. dato",
  "spread.problem.status_before_adoption": "status for {year} er dateret før indførelsen begyndte ({start})",
  // --- warnings
  "spread.problem.fidelity_not_recorded": "troskab er ikke registreret for {n|kerneelementet|kerneelementerne} {elements}",
  "spread.problem.push_pull_missing_push":
    "spredningsplatformen har intet push-incitament; både push og pull skal være til stede, for at en løsning kan spredes (seed 003)",
  "spread.problem.push_pull_missing_pull":
    "spredningsplatformen har intet pull-incitament; både push og pull skal være til stede, for at en løsning kan spredes (seed 003)",
  "spread.problem.push_pull_missing_both":
    "spredningsplatformen har hverken push- eller pull-incitament; både push og pull skal være til stede, for at en løsning kan spredes (seed 003)",
  "spread.problem.file_name_mismatch":
    'filen hedder "{name}", men indsatsens id er "{id}"; kald den "{id}.yaml", så hver indsats har én fast fil',
  "spread.problem.folder_not_found": "mappen med indsatser, {dir}, findes ikke",
  // --- the error
  "spread.problem.error_summary": "{errors} {errors|problem|problemer} i {files} {files|indsatsfil|indsatsfiler}:",
  // --- values
  "spread.problem.none": "(ingen)",
  "spread.found.nothing": "ingenting",
  "spread.found.null": "null",
  "spread.found.list": "en liste",
  "spread.found.mapping": "en samling af felter",
  "spread.type.string": "tekst",
  "spread.type.number": "et tal",
  "spread.type.int": "et helt tal",
  "spread.type.boolean": "true eller false",
  "spread.type.object": "en samling af felter",
  "spread.type.array": "en liste",
} as const;

export type SpreadProblemTextKey = keyof typeof SPREAD_PROBLEM_DA;

export const SPREAD_PROBLEM_EN: Record<SpreadProblemTextKey, string> = {
  "spread.problem.parse_error": "cannot be read as YAML or JSON: {detail}",
  "spread.problem.not_an_object": "must be a mapping of fields (one intervention), found {found}",
  "spread.problem.missing_field": "is required",
  "spread.problem.wrong_type": "must be {expected}, found {found}",
  "spread.problem.unknown_field": 'unknown field "{key}"',
  "spread.problem.unknown_field_suggestion": 'unknown field "{key}"; did you mean "{suggestion}"?',
  "spread.problem.invalid_choice": "must be one of {values}, found {found}",
  "spread.problem.invalid_date": "must be a date written YYYY-MM-DD, found {found}",
  "spread.problem.invalid_id": 'must be an id of lower-case letters, digits, "-" and "_" (starting with a letter or digit), found {found}',
  "spread.problem.invalid_period": 'must be a period such as "2019", "2019-Q1" or "2019-01", found {found}',
  "spread.problem.invalid_age_group": 'must be a population group such as "all", "65+" or "0-2", found {found}',
  "spread.problem.empty": "must not be empty",
  "spread.problem.too_small": "must be at least {minimum}, found {found}",
  "spread.problem.too_large": "must be at most {maximum}, found {found}",
  "spread.problem.invalid_value": "is not valid: {found}",
  "spread.problem.duplicate_id": 'duplicate id "{id}"; it is first used at {first}',
  "spread.problem.duplicate_intervention": 'duplicate intervention id "{id}"; it is also used in {firstFile}',
  "spread.problem.duplicate_adoption_cluster": 'cluster "{cluster}" adopts the intervention twice; see also {first}',
  "spread.problem.duplicate_adoption_municipality": 'municipality {municipality} of cluster "{cluster}" adopts the intervention twice; see also {first}',
  "spread.problem.duplicate_adoption_hospital": 'hospital "{hospital}" of cluster "{cluster}" adopts the intervention twice; see also {first}',
  "spread.problem.duplicate_fidelity": 'fidelity to kernel element "{element}" is recorded twice; see also {first}',
  "spread.problem.duplicate_recommendation_status": 'status of recommendation "{id}" for {year} is recorded twice; see also {first}',
  "spread.problem.unknown_kernel_element": 'unknown kernel element "{id}"; the kernel has {known}',
  "spread.problem.unknown_variation": 'unknown local variation "{id}"; the room for local variation has {known}',
  "spread.problem.unknown_recommendation": 'unknown recommendation "{id}"; the intervention\'s recommendations are {known}',
  "spread.problem.unknown_indicator": 'unknown indicator "{id}"; known indicators are {known} (add your own with the indicators option)',
  "spread.problem.unknown_cluster": 'unknown cluster "{name}"; the geography has {known}',
  "spread.problem.unknown_municipality": "unknown municipality {code}; it is not in the geography",
  "spread.problem.municipality_not_in_cluster": 'municipality {code} belongs to cluster "{actual}", not "{cluster}"',
  "spread.problem.unknown_hospital": 'unknown hospital unit "{name}"; the geography has {known}',
  "spread.problem.hospital_not_in_cluster": 'hospital unit "{name}" serves no municipality of cluster "{cluster}"',
  "spread.problem.municipality_and_hospital": "an adoption is by a cluster, one municipality or one hospital: give municipality or hospital, not both",
  "spread.problem.kernel_missing":
    "an intervention needs at least one kernel element (what gives the effect, seed 003); a common frame for local initiatives is written with kind: programme",
  "spread.problem.programme_kernel":
    "a programme is a common frame for local initiatives and has no kernel of its own (seed 001); give each local initiative its own file with its kernel",
  "spread.problem.programme_adoptions":
    "a programme is adopted through its local initiatives: give each initiative its own file with programme: <this id> and its adoptions",
  "spread.problem.programme_in_programme": "a programme cannot belong to another programme",
  "spread.problem.unknown_programme": 'unknown programme "{id}"; the folder\'s programmes are {known}',
  "spread.problem.not_a_programme": '"{id}" is an intervention, not a programme (kind: programme)',
  "spread.problem.dimension_missing":
    'give the Triple Aim dimension of indicator "{indicator}" (population_health, experience or cost); klynge knows a default only for its own indicators',
  "spread.problem.pdsa_end_before_start": "the cycle ends ({end}) before it starts ({start})",
  "spread.problem.baseline_order": "the baseline starts ({start}) after it ends ({end})",
  "spread.problem.deadline_before_baseline": "the deadline {due} is not after the end of the baseline period {end}",
  "spread.problem.target_missing": "give target_value or relative_change",
  "spread.problem.target_both": "give target_value or relative_change, not both",
  "spread.problem.change_against_direction": 'relative_change {value} contradicts direction "{direction}"',
  "spread.problem.key_assessments_out_of_order":
    "the assessment of {on} is not after the previous one ({previous}); list assessments in date order, one per date",
  "spread.problem.status_before_adoption": "status for {year} is dated before the adoption started ({start})",
  "spread.problem.fidelity_not_recorded": "fidelity is not recorded for kernel {n|element|elements} {elements}",
  "spread.problem.push_pull_missing_push":
    "the spread platform has no push incentive; both push and pull must be present for a solution to spread (seed 003)",
  "spread.problem.push_pull_missing_pull":
    "the spread platform has no pull incentive; both push and pull must be present for a solution to spread (seed 003)",
  "spread.problem.push_pull_missing_both":
    "the spread platform has no push and no pull incentive; both push and pull must be present for a solution to spread (seed 003)",
  "spread.problem.file_name_mismatch":
    'the file is named "{name}" but the intervention id is "{id}"; name it "{id}.yaml" to keep one stable file per intervention',
  "spread.problem.folder_not_found": "the interventions folder {dir} does not exist",
  "spread.problem.error_summary": "{errors} {errors|problem|problems} in {files} intervention {files|file|files}:",
  "spread.problem.none": "(none)",
  "spread.found.nothing": "nothing",
  "spread.found.null": "null",
  "spread.found.list": "a list",
  "spread.found.mapping": "a mapping",
  "spread.type.string": "text",
  "spread.type.number": "a number",
  "spread.type.int": "a whole number",
  "spread.type.boolean": "true or false",
  "spread.type.object": "a mapping of fields",
  "spread.type.array": "a list",
};
