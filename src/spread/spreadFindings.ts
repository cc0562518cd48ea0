/**
 * The findings of the spread analysis as codes with values (the type is in
 * src/contract/spreadFinding.ts); their Danish and English text is in the one catalogue
 * (src/text/spreadFindingTexts.ts).
 */

export type { SpreadFinding, SpreadFindingCode, StatusFinding } from "../contract/spreadFinding.js";
export { spreadFindingText } from "../text/spreadFindingTexts.js";
