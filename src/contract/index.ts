export { REFERRAL_SOURCES, SECTORS } from "./codes.js";
export type { ReferralSource, Sector } from "./codes.js";
export type { CacheNote, Dataset, LoadReport, Problem, TableReport } from "./dataset.js";
export type { ContactTable, DeathTable, ExperienceRow, GeographyRow, PopulationTable, SectorCostRow } from "./tables.js";
export { MINUTES_PER_DAY, MISSING, civilFromDays, dayOfMinutes, daysFromCivil, elapsedMinutes, formatDay, formatLocalMinutes, localMinutes, weekdayOfDays, yearOfMinutes } from "./time.js";
export type { CodeCount } from "./dataset.js";
export type { PatientOrder } from "./patientOrder.js";
export type { SchemaContext } from "./schemas/cell.js";
