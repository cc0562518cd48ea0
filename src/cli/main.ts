/** The klynge command line. */
export async function main(argv: readonly string[]): Promise<number> {
  console.log(`klynge: ${argv.join(" ")}`);
  return 0;
}
