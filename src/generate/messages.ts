/** Message catalogue of the generate layer. */
export const GENERATE_MESSAGES = {
  invalidOptions: (details: string): string => `generateDataset: invalid options: ${details}`,
  unknownCluster: (cluster: string): string =>
    `generateDataset: intervention adoption names cluster "${cluster}", which is not in the generated geography`,
} as const;
