/** Message catalogue of the register-shape writer. */
export const REGISTER_SHAPE_MESSAGES = {
  unknownFormat: (format: string): string =>
    `writeRegisterFiles: unknown format "${format}"; expected one of lpr3-a, lpr3-f, lpr2, npr`,
  badDelimiter: (d: string): string => `writeRegisterFiles: delimiter must be "," or ";", got "${d}"`,
  badDateStyle: (s: string): string => `writeRegisterFiles: dateStyle must be "iso" or "sas", got "${s}"`,
  badUnitPrice: (p: number): string => `writeRegisterFiles: unitPrice must be a positive number, got ${p}`,
  cprShaped: (what: string): string =>
    `writeRegisterFiles: a ${what} is shaped like a CPR number; register-shaped files are written only from pseudonymous data`,
  tooManyRows: (n: number): string => `writeRegisterFiles: ${n} contacts is more than the running ids can number without a CPR-shaped id`,
} as const;
