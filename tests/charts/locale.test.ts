import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { chartLabel } from "../../src/text/catalogue.js";
import { chartLocale, formatChartNumber, weekdayName } from "../../src/charts/locale.js";
import { chartConfig } from "../../src/charts/theme.js";

const require = createRequire(import.meta.url);
const readJson = (p: string): unknown => JSON.parse(readFileSync(require.resolve(p), "utf8"));

describe("chart locale", () => {
  it("embeds d3-format and d3-time-format's da-DK and en-US locale files verbatim", () => {
    expect(chartLocale("da").number).toEqual(readJson("d3-format/locale/da-DK"));
    expect(chartLocale("da").time).toEqual(readJson("d3-time-format/locale/da-DK"));
    expect(chartLocale("en").number).toEqual(readJson("d3-format/locale/en-US"));
    expect(chartLocale("en").time).toEqual(readJson("d3-time-format/locale/en-US"));
  });

  it("puts number AND time locale into every chart config", () => {
    const loc = chartConfig("da").locale as { number: { decimal: string }; time: { months: string[] } };
    expect(loc.number.decimal).toBe(",");
    expect(loc.time.months[2]).toBe("marts");
  });

  it("names weekdays Monday first (0 = Monday, src/contract/time.ts)", () => {
    expect(weekdayName(0)).toBe("mandag");
    expect(weekdayName(6)).toBe("søndag");
    expect(weekdayName(0, "en")).toBe("Monday");
    expect(weekdayName(5, "da", true)).toBe("lør");
  });

  it("formats numbers with decimal comma and thousands point in Danish", () => {
    expect(formatChartNumber(1234.5)).toBe("1.234,5");
    expect(formatChartNumber(1234.5, "en")).toBe("1,234.5");
    expect(formatChartNumber(1234567.891, "da", 2)).toBe("1.234.567,89");
    expect(formatChartNumber(-0.25, "da", 2)).toBe("−0,25");
    expect(formatChartNumber(1.84, "da", 2)).toBe("1,84");
  });

  it("fills label templates in both languages", () => {
    expect(chartLabel("da", "funnel.limit", { level: "95 %" })).toBe("95 %-grænse");
    expect(chartLabel("en", "funnel.limit", { level: "95%" })).toBe("95% limit");
    expect(chartLabel("da", "suppressed")).toBe("undertrykt");
    expect(chartLabel("en", "suppressed")).toBe("suppressed");
  });
});
