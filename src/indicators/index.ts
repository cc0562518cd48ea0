// Re-exports of the indicators layer.
export * from "./table.js";
export * from "./columnLabels.js";
export * from "./ageGroup.js";
export * from "./indicatorOptions.js";
export { prepareIndicators, type IndicatorContext, type Unit as IndicatorUnit, type Period as IndicatorPeriod } from "./indicatorContext.js";
export * from "./admissionRate.js";
export * from "./readmission30d.js";
export * from "./preventableAdmissionRate.js";
export * from "./focusAreaRates.js";
export * from "./costPerCitizen.js";
export * from "./experiencePositive.js";
export * from "./computeIndicators.js";
export * from "./suppressTable.js";
export * from "./auditDisclosure.js";
export { disclosureModel, quantitiesOf, STANDARD_GROUPS, type DisclosureModel, type RowQuantities } from "./disclosureModel.js";
export { defaultFocusGroups, defaultPreventableGroups } from "./diagnosisGroupFiles.js";
export { indicatorMessages } from "./messages.js";
export * from "./questionTables.js";
export * from "./registrationPractice.js";
export {
  INDICATOR_DESCRIPTORS,
  describeIndicator,
  indicatorDescriptor,
  describeIndicators,
  indicatorFamily,
  ownIndicatorDescriptor,
  type IndicatorDescriptor,
  type IndicatorKind,
  type BetterDirection,
  type IndicatorDimension,
  type IndicatorTableDescriptor,
  type PresentIndicator,
} from "./descriptor.js";
