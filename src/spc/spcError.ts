/** Error thrown by the SPC layer for invalid input; the text comes from ./messages.ts. */
export class SpcError extends Error {
  override readonly name = "SpcError";
  /** Stable machine-readable code (the key of the message in `spcMessages`). */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
