/** Message catalogue of the stays layer: every user-facing text in one place. */

export const staysMessages = {
  negativeOption: (name: string, value: number) =>
    `stays option ${name} must be a non-negative number, got ${String(value)}`,
  unknownRegistration: (value: string) =>
    `stays option registration must be "harmonised" or "as-registered", got "${value}"`,
  groupFileMissing: (path: string) =>
    `diagnosis group file not found: ${path} (pass the groups in the options or restore the file under data/diagnosis-groups/)`,
  groupFileColumns: (path: string, found: string) =>
    `diagnosis group file ${path} needs the columns group and code_prefix, found: ${found}`,
} as const;
