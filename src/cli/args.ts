/** Small helpers for the CLI's options: parse, check and explain. */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A year range "2016-2023" (or a single year) as [from, to]. */
export function parseYears(text: string): [number, number] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(text.trim());
  if (!m) throw new UsageError(`--years expects YYYY or YYYY-YYYY, found "${text}"`);
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  if (to < from) throw new UsageError(`--years: ${to} is before ${from}`);
  return [from, to];
}

export function parseInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} expects a whole number, found "${text}"`);
  return n;
}

export function parseNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} expects a number, found "${text}"`);
  return n;
}

export function oneOf<T extends string>(name: string, text: string | undefined, allowed: readonly T[], fallback: T): T {
  if (text === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(text)) {
    throw new UsageError(`--${name} expects one of ${allowed.join(", ")}, found "${text}"`);
  }
  return text as T;
}
