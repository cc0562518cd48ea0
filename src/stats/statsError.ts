/** Error thrown by the stats layer for invalid input; the text comes from ./messages.ts. */
export class StatsError extends Error {
  override readonly name = "StatsError";
  constructor(message: string) {
    super(message);
  }
}
