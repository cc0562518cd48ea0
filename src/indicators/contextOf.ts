/** Accept a dataset or a prepared context in every indicator function. */
import type { Dataset } from "../contract/dataset.js";
import { prepareIndicators, type IndicatorContext } from "./indicatorContext.js";
import type { IndicatorOptions } from "./indicatorOptions.js";

export type IndicatorInput = Dataset | IndicatorContext;

export function isIndicatorContext(x: IndicatorInput): x is IndicatorContext {
  return (x as IndicatorContext).computed !== undefined && (x as IndicatorContext).units !== undefined;
}

export function contextOf(input: IndicatorInput, options: IndicatorOptions = {}): IndicatorContext {
  return isIndicatorContext(input) ? input : prepareIndicators(input, options);
}
