/**
 * Errors of the charts layer: a code and a message from one catalogue (English, like the other
 * layers' errors; chart TEXT lives in labels.ts).
 */
export const CHART_MESSAGES = {
  no_units: "funnelChart requires at least one unit; the FunnelResult has none.",
  no_points: "spcChart requires at least one point; the SpcResult has none.",
  no_indicator_rows: "trendsChart found no cluster rows for indicator {indicator}, group {group} and sex \"all\" with a year, quarter or month period.",
} as const;
export type ChartErrorCode = keyof typeof CHART_MESSAGES;

export class ChartError extends Error {
  readonly code: ChartErrorCode;
  constructor(code: ChartErrorCode, values: Record<string, string> = {}) {
    super(CHART_MESSAGES[code].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? JSON.stringify(values[k]) : m)));
    this.name = "ChartError";
    this.code = code;
  }
}
