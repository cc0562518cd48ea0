import { describe, expect, it } from "vitest";
import { note } from "../../src/contract/note.js";
import { compareNotes } from "../../src/compare/compareMessages.js";
import { funnelNotes } from "../../src/compare/funnelMessages.js";
import { EffectsNotes } from "../../src/effects/messages.js";
import { NOTE_DA, NOTE_EN } from "../../src/text/noteTexts.js";
import { noteText } from "../../src/text/catalogue.js";

// Item 3 of issue #13: the effects, compare and spread layers return notes as codes plus values;
// their Danish and English wording is here, word for word, with Danish number and date formatting.

describe("notes of the effects, compare and spread layers", () => {
  it("read word for word in Danish (decimal comma) and English", () => {
    const over = EffectsNotes.dispersion(2.0571);
    expect(noteText(over, "da")).toBe("Overspredning phi = 2,057 > 1: standardfejlene er ganget med √phi (kvasi-Poisson).");
    expect(noteText(over, "en")).toBe("Dispersion phi = 2.057 > 1: standard errors are multiplied by √phi (quasi-Poisson).");
    const gaps = EffectsNotes.gaps(["2020-04"]);
    expect(noteText(gaps, "da")).toBe("1 manglende periode i serien (2020-04); de er udeladt af modellen og aldrig læst som 0.");
    expect(noteText(gaps, "en")).toBe("1 missing period in the series (2020-04); they are left out of the fit, never read as 0.");
    const od = funnelNotes.methodSpiegelhalter(2.05704, 0.000274325, "winsorise", 0.1, 19);
    expect(noteText(od, "da")).toBe("Metode: Spiegelhalters grænser justeret for overspredning (winsoriseret 10 % i hver ende, n = 19); phi = 2,057, tau² = 0,000274.");
    expect(noteText(od, "en")).toBe("Method: Spiegelhalter overdispersion-adjusted limits (winsorised 10 % at each end, n = 19); phi = 2.057, tau² = 0.000274.");
    expect(noteText(funnelNotes.smallDenominator(1234.5), "da")).toBe("Lille nævner (1.234,5): grænserne er meget brede, og enheden kan sjældent klassificeres som afviger.");
    expect(noteText(compareNotes.trendTooShort("Midt", 2), "da")).toBe("Midt: 2 perioder med befolkning; en trend kræver mindst 3.");
    expect(noteText(compareNotes.trendTooShort("Midt", 1), "en")).toBe("Midt: 1 period with population; a trend needs at least 3.");
    const late = note("spread.status.notMetDeadline", { change: -0.034, deadline: "2021-12-31" });
    expect(noteText(late, "da")).toBe("Fristen 31. december 2021 er overskredet, og målet er ikke nået (−3,4 % mod basis).");
    expect(noteText(late, "en")).toBe("The deadline 31 December 2021 has passed and the target is not reached (−3.4 % against the baseline).");
  });

  it("have a Danish wording of their own, never the English sentence", () => {
    const codes = Object.keys(NOTE_DA).filter((c) => /^(stats|effects|compare|funnel|spread\.status|spread\.note)\./.test(c)) as (keyof typeof NOTE_DA)[];
    expect(codes.length).toBeGreaterThan(50);
    const english = /\b(the|and|is|are|of|with|not|no|from|which|cannot)\b/;
    for (const code of codes) {
      expect(NOTE_DA[code], code).not.toBe(NOTE_EN[code]);
      // Words such as "phi", "tau²", "ATT" and "FunnelPlotR" are names; English sentence words are not.
      expect(NOTE_DA[code].replace(/\{[^}]*\}|\([^)]*assign_funnel_significance\)|options\.directions|excludeUnitFromReference|baseWindow/g, ""), code).not.toMatch(english);
    }
  });
});
