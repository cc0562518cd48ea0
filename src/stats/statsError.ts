/** Error thrown by the stats layer for invalid input; the text comes from ./messages.ts. */
export class StatsError extends Error {
  override readonly name = "StatsError";
  /** What went wrong, for code that handles it (e.g. "rank_deficient"); "invalid_input" by default. */
  readonly code: string;
  /** Facts about the failure (e.g. the aliased columns of a rank-deficient design). */
  readonly details: Readonly<Record<string, unknown>>;
  constructor(message: string, code = "invalid_input", details: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}
