/**
 * The steering-paper pack built from a small generated dataset: files, self-containedness, the
 * table of contents, privacy, atomic replacement of OUT, and the headless-Chromium check.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/io/index.js";
import { buildReport, ReportError } from "../../src/report/index.js";
import { prepareReportData } from "../../src/report/prepareReportData.js";
import { reportSections } from "../../src/report/reportSections.js";
import { type ReportChartItem } from "../../src/report/reportTypes.js";
import { buildFixture, type ReportFixture } from "./fixture.js";

const CHROMIUM = "/usr/bin/chromium";
let fx: ReportFixture;

beforeAll(async () => {
  fx = await buildFixture();
}, 180_000);

afterAll(() => {
  if (fx && !process.env.KLYNGE_KEEP_REPORT) rmSync(fx.root, { recursive: true, force: true });
});

function html(): string {
  return readFileSync(join(fx.outDir, "report.html"), "utf8");
}

/** Chart ids listed in the table of contents. */
function tocChartIds(page: string): string[] {
  return [...page.matchAll(/data-toc-chart="([^"]+)"/g)].map((m) => m[1]);
}

describe("buildReport on a generated dataset", () => {
  it("writes report.html, every chart as SVG and PNG (PDF for the main charts), and a CSV per chart", () => {
    expect(fx.result.outDir).toBe(fx.outDir);
    expect(new Set(fx.result.warnings).size, "each warning once").toBe(fx.result.warnings.length);
    expect(existsSync(join(fx.outDir, "report.html"))).toBe(true);
    const ids = tocChartIds(html());
    expect(ids.length).toBeGreaterThanOrEqual(20);
    for (const id of ids) {
      expect(existsSync(join(fx.outDir, "charts", `${id}.svg`)), id).toBe(true);
      expect(existsSync(join(fx.outDir, "charts", `${id}.png`)), id).toBe(true);
      expect(existsSync(join(fx.outDir, "tables", `${id}.csv`)), id).toBe(true);
    }
    for (const rel of [...fx.result.charts, ...fx.result.tables]) expect(existsSync(join(fx.outDir, rel)), rel).toBe(true);
    // Every listed file is in the result, and nothing else is in charts/ and tables/.
    expect(readdirSync(join(fx.outDir, "charts")).sort()).toEqual(fx.result.charts.map((c) => c.slice("charts/".length)).sort());
    expect(readdirSync(join(fx.outDir, "tables")).sort()).toEqual(fx.result.tables.map((c) => c.slice("tables/".length)).sort());
    const pdfs = fx.result.charts.filter((c) => c.endsWith(".pdf"));
    expect(pdfs.length).toBeGreaterThan(5);
    expect(readFileSync(join(fx.outDir, pdfs[0])).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("writes PNGs at 300 dpi and A4 page width (170 mm → 2008 px)", () => {
    const png = readFileSync(join(fx.outDir, fx.result.charts.find((c) => c.endsWith(".png"))!));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    // IHDR width, big-endian at byte 16; round(170 / 25.4 × 300) = 2008 (render.ts printPixels)
    expect(png.readUInt32BE(16)).toBe(2008);
  });

  it("is self-contained: no external src/href, no scripts, stylesheets, fonts or images from elsewhere", () => {
    const page = html();
    expect(page).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(page).not.toMatch(/<script\b/i);
    expect(page).not.toMatch(/<link\b/i);
    expect(page).not.toMatch(/<img\b/i);
    expect(page).not.toMatch(/@import|@font-face|url\(\s*["']?https?:/i);
    expect(page).toMatch(/<style>/);
  });

  it("has a table of contents by Triple Aim dimension and focus area, and an inline SVG for every chart in it", () => {
    const page = html();
    for (const heading of ["Befolkningens sundhed", "Fokusområder", "Borgerens oplevelse", "Omkostning pr. borger", "Sammenligning på tværs af klynger", "Spredning af indsatser"])
      expect(page).toContain(`>${heading}</a>`);
    for (const id of ["sec-focus-0-2", "sec-focus-65", "sec-preventable", "sec-intervention-frail-elderly-follow-up"]) expect(page).toContain(`href="#${id}"`);
    const ids = tocChartIds(page);
    for (const id of ids) expect(page, id).toMatch(new RegExp(`<svg role="img" aria-label="[^"]*" data-chart-id="${id}"`));
    // Inline SVG ids are unique in the page (clip paths of one chart never resolve to another's).
    const svgIds = [...page.matchAll(/<(?:clipPath|linearGradient|radialGradient|pattern|g|path|rect)\b[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(svgIds).size).toBe(svgIds.length);
  });

  it("shows the intervention's whole spread record in Danish (issue 18)", () => {
    const page = html();
    // timeline chart, targets with their Triple Aim dimension, keys with the seed's questions and a "not chosen" state
    expect(page).toMatch(/data-chart-id="timeline-frail-elderly-follow-up"/);
    expect(page).toContain("Høj patientoplevelse og faglig kvalitet");
    expect(page).toContain("Hvordan skal løsningen overleve og køre i drift, når nyhedseffekten om den nye løsning falder?");
    expect(page).toContain("ikke valgt");
    expect(page).not.toMatch(/\d\/7 keys|af 7 nøgler/);
    // adaptations and protected core-task items, push and pull per receiver
    expect(page).toContain("Beskyttet: aktivitet i kerneopgaven");
    expect(page).toContain("Push og pull pr. modtager");
    expect(page).toContain("Hjemmeplejen i Silkeborg, Skive og Viborg");
    // the decision, the programme, the spread potential and its caveat, the cost per avoided event
    expect(page).toContain("Lokalt initiativ under den fælles ramme «Forløbskoordinering for den ældre medicinske patient»");
    expect(page).toContain("Beslutning om spredning: eget initiativ");
    expect(page).toContain("Potentiale for spredning");
    expect(page).toMatch(/data på klyngeniveau kan ikke adskille indsatsen fra andre lokale ændringer/);
    expect(page).toContain("Kr. pr. undgået");
    expect(page).toContain('href="#sec-programme-frail-elderly-coordination"');
    expect(page).toMatch(/Med \d klynger kan data ikke adskille ét lokalt initiativs effekt/);
    // the Triple Aim status table names the target by its measure, not its id
    const status = page.slice(page.indexOf("Triple Aim-status for indsatsens mål"));
    expect(status.slice(0, 4000)).toContain("Genindlagt inden for 30 dage");
    expect(status.slice(0, 4000)).not.toContain(">fewer-readmissions<");
  });

  it("states the data period, the definitions, the suppression threshold and the load report", () => {
    const page = html();
    expect(page).toContain("Dataperiode: 2019–2021");
    expect(page).toContain("12-timers-reglen");
    expect(page).toMatch(/færre end 5 borgere/);
    expect(page).toMatch(/rækker læst i alt/);
    expect(page).toContain('lang="da"');
  });

  it("never writes patient ids or CPR-shaped strings, in the page or any table", () => {
    const admissions = readFileSync(join(fx.dataDir, "admissions.csv"), "utf8").split("\n");
    const header = admissions[0].split(",");
    const col = header.indexOf("patient_id");
    expect(col).toBeGreaterThanOrEqual(0);
    const ids = [...new Set(admissions.slice(1, 400).map((l) => l.split(",")[col]).filter((x) => x))];
    expect(ids.length).toBeGreaterThan(50);
    const cpr = /\b(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}-?[0-9]{4}\b/;
    const texts = [html(), ...fx.result.tables.map((t) => readFileSync(join(fx.outDir, t), "utf8"))];
    for (const text of texts) {
      for (const id of ids) expect(text.includes(id), id).toBe(false);
      expect(cpr.exec(text)?.[0] ?? null).toBeNull();
    }
    for (const t of fx.result.tables) {
      const head = readFileSync(join(fx.outDir, t), "utf8").split("\n")[0].toLowerCase();
      expect(head, t).not.toMatch(/patient|cpr|pnr/);
    }
  });

  it("reports progress in nine fixed phases (the counter never jumps), charts counted within their phase, ending with where the report is", () => {
    expect(fx.progress.length).toBeGreaterThan(10);
    expect(new Set(fx.progress.map((p) => p.n))).toEqual(new Set([9]));
    expect([...new Set(fx.progress.map((p) => p.i))]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    fx.progress.forEach((p, k) => {
      if (k > 0) expect(p.i - fx.progress[k - 1].i).toBeGreaterThanOrEqual(0);
      if (k > 0) expect(p.i - fx.progress[k - 1].i).toBeLessThanOrEqual(1);
    });
    expect(fx.progress.at(-1)!.step).toContain(fx.outDir);
    const charts = fx.progress.filter((p) => p.step.startsWith("Tegner figur "));
    expect(charts.length).toBe(fx.result.charts.filter((c) => c.endsWith(".svg")).length);
    expect(charts[0].step).toMatch(new RegExp(`^Tegner figur 1/${charts.length}: `));
    expect(charts.every((p) => p.i === 7)).toBe(true);
  });

  it("leaves the previous report intact when a run fails late (failure injected through onProgress)", async () => {
    const before = readFileSync(join(fx.outDir, "report.html"), "utf8");
    const mtime = statSync(join(fx.outDir, "report.html")).mtimeMs;
    let charts = 0;
    const run = buildReport(fx.dataDir, {
      outDir: fx.outDir,
      formats: ["svg"],
      onProgress: (step) => {
        if (step.startsWith("Tegner ") && ++charts === 3) throw new Error("injected failure");
      },
    });
    await expect(run).rejects.toBeInstanceOf(ReportError);
    await expect(run).rejects.toThrow(/Tegner .*fejlede: injected failure.*uændret/);
    expect(readFileSync(join(fx.outDir, "report.html"), "utf8")).toBe(before);
    expect(statSync(join(fx.outDir, "report.html")).mtimeMs).toBe(mtime);
    const leftovers = readdirSync(dirname(fx.outDir)).filter((n) => n.includes(".partial") || n.includes(".old-"));
    expect(leftovers).toEqual([]);
  });

  it("leaves the previous report intact when the data folder does not exist, and names the step", async () => {
    const before = readFileSync(join(fx.outDir, "report.html"), "utf8");
    const run = buildReport(join(fx.root, "no-such-folder"), { outDir: fx.outDir });
    await expect(run).rejects.toThrow(/Indlæser data fejlede: datamappen .*no-such-folder findes ikke.*Den tidligere rapport .* er uændret/);
    expect(readFileSync(join(fx.outDir, "report.html"), "utf8")).toBe(before);
    expect(readdirSync(dirname(fx.outDir)).filter((n) => n.startsWith("."))).toEqual([]);
  });

  it("when there was no previous report, a failure says nothing was written (not that a previous report is unchanged)", async () => {
    const out = join(fx.root, "never-written");
    const run = buildReport(join(fx.root, "no-such-folder"), { outDir: out });
    await expect(run).rejects.toThrow(/findes ikke\. Der er ikke skrevet noget i .*never-written\.$/);
    expect(existsSync(out)).toBe(false);
  });

  it("builds the same sections in English with lang \"en\" (and Danish by default), reusable without rendering", async () => {
    const dataset = await loadDataset(fx.dataDir);
    const data = prepareReportData(dataset, { lang: "en" });
    const en = reportSections(data, { lang: "en" });
    const da = reportSections(data);
    expect(en.map((s) => s.id)).toEqual(da.map((s) => s.id));
    expect(en.find((s) => s.id === "sec-readmissions")!.title).toBe("Acute readmissions within 30 days");
    expect(da.find((s) => s.id === "sec-readmissions")!.title).toBe("Akutte genindlæggelser inden for 30 dage");
    const enCharts = en.flatMap((s) => s.items).filter((i): i is ReportChartItem => i.kind === "chart");
    expect(enCharts.length).toBeGreaterThan(15);
    for (const c of enCharts) expect(c.chart.meta.lang).toBe("en");
    const referral = enCharts.find((c) => c.id === "referral-65")!;
    expect(referral.table.columns.map((c) => c.label)).toEqual(["Referral source", "Count"]);
    // The data behind every chart never has a patient column.
    for (const c of enCharts) for (const row of c.csv.slice(0, 3)) expect(Object.keys(row).join(",")).not.toMatch(/patient|cpr/i);
  });

  it("has a section per focus area answering the minutes' questions in their order, Danish throughout (issue 17)", async () => {
    const dataset = await loadDataset(fx.dataDir);
    const data = prepareReportData(dataset);
    const da = reportSections(data);
    const areas = da.filter((s) => s.id.startsWith("sec-area-"));
    expect(areas.map((s) => s.id)).toEqual(["sec-area-fractures", "sec-area-lower-respiratory-infections", "sec-area-unspecific", "sec-area-0-2"]);
    expect(areas.map((s) => s.title)).toEqual([
      "Fokusområde: brud, borgere 65+",
      "Fokusområde: nedre luftvejsinfektioner, borgere 65+",
      "Fokusområde: uspecifikke diagnoser, borgere 65+",
      "Fokusområde: 0–2-årige",
    ]);
    for (const s of areas) {
      // the seven questions as headings, in the minutes' order
      const headings = s.items.filter((i) => i.kind === "text").map((i) => (i.kind === "text" ? i.paragraphs[0] : "")).filter((p) => /^\d\. /.test(p));
      expect(headings.map((h) => h.slice(0, 2))).toEqual(["1.", "2.", "3.", "4.", "5.", "6.", "7."]);
      expect(headings[0]).toContain("»Hvilke borgere drejer det sig om. Hvordan kan vi beskrive dem ud over alder?«");
      expect(headings[1]).toContain("»Hvor henvises målgruppen fra – almen praksis, plejecenter?«");
      // every table's title and column labels are Danish catalogue texts (no raw keys, no English)
      for (const i of s.items) {
        if (i.kind !== "table") continue;
        expect(i.title).not.toMatch(/\b(t|col|val|q)\.[a-z]/);
        for (const c of i.table.columns) expect(c.label).not.toMatch(/^(col|val)\.|Count|Share/);
      }
    }
    // the area's count in its intro equals the focus-area rate's numerator (one count, one engine)
    const fr = data.indicators.find((r) => r.indicator === "focus_fractures" && r.level === "region" && r.period === String(data.lastYear) && r.group === "65+" && r.sex === "all");
    if (fr && !fr.suppressed) expect(areas[0].intro[0]).toContain(`${fr.numerator} indlæggelser`);
    const en = reportSections(prepareReportData(dataset, { lang: "en" }), { lang: "en" });
    expect(en.find((s) => s.id === "sec-area-0-2")!.title).toBe("Focus area: 0–2-year-olds");
  });

  it("opens with the first page (issue 19): key messages linked to figures of the page, then the overview, before the table of contents", () => {
    const page = html();
    const messages = page.indexOf('<section class="item key-messages" id="key-messages">');
    const overview = page.indexOf('<figure class="chart" data-chart-id="overview">');
    const toc = page.indexOf('<nav class="toc"');
    expect(messages).toBeGreaterThan(0);
    expect(messages).toBeLessThan(overview);
    expect(overview).toBeLessThan(toc);
    // every message links to an element of the page
    const box = page.slice(messages, page.indexOf("</section>", messages));
    const items = [...box.matchAll(/<li data-code="([a-z_]+)">/g)].map((m) => m[1]);
    expect(items.length).toBeGreaterThan(0);
    const links = [...box.matchAll(/<a class="fig" href="#([^"]+)">/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(items.length);
    for (const id of links) expect(page.includes(`id="${id}"`), id).toBe(true);
    // the findings behind the sentences, and the overview's data, are tables of the report
    const csv = readFileSync(join(fx.outDir, "tables", "key-messages.csv"), "utf8").split("\n");
    expect(csv[0]).toBe("n,code,text,charts,numbers");
    expect(csv.filter((l) => /^\d+,/.test(l)).length).toBe(items.length);
    const ov = readFileSync(join(fx.outDir, "tables", "overview.csv"), "utf8");
    expect(ov.split("\n")[0]).toMatch(/^indicator,group,level,unit,period,value,lower,upper,suppressed,baselinePeriod/);
    for (const unit of ["region", "Horsens", "Midt", "Randers", "Vest", "Aarhus"]) expect(ov).toContain(`readmission_30d,65+,${unit === "region" ? "region" : "cluster"},${unit},`);
    expect(ov).not.toMatch(/,municipality,/); // municipalities only on request
    // the legend's symbols are in the overview chart
    const svg = readFileSync(join(fx.outDir, "charts", "overview.svg"), "utf8");
    for (const glyph of ["○", "▲", "▽", "✔", "✘", "≈"]) expect(svg, glyph).toContain(glyph);
  });

  it("--focus makes the paper for one agenda: the first page's measures and the sections shown (the about sections always)", async () => {
    const dataset = await loadDataset(fx.dataDir);
    const data = prepareReportData(dataset);
    const all = reportSections(data).map((s) => s.id);
    const small = reportSections(data, { focus: "0-2" });
    const ids = small.map((s) => s.id);
    expect(ids[0]).toBe("sec-overview");
    expect(ids).toContain("sec-focus-0-2");
    expect(ids).not.toContain("sec-experience");
    expect(ids).not.toContain("sec-questions-65");
    // #17's focus-area sections follow their population: 0–2 keeps its own, 65+ keeps the three 65+ areas
    expect(ids).toContain("sec-area-0-2");
    for (const area of ["sec-area-fractures", "sec-area-lower-respiratory-infections", "sec-area-unspecific"]) expect(ids).not.toContain(area);
    const older = reportSections(data, { focus: "65+" }).map((s) => s.id);
    expect(older.filter((id) => id.startsWith("sec-area-"))).toEqual(["sec-area-fractures", "sec-area-lower-respiratory-infections", "sec-area-unspecific"]);
    expect(reportSections(data, { focus: "experience" }).some((s) => s.id.startsWith("sec-area-"))).toBe(false);
    for (const about of ["sec-definitions", "sec-suppression", "sec-load-report"]) expect(ids).toContain(about);
    expect(ids.length).toBeLessThan(all.length);
    const overview = small[0].items.find((i): i is ReportChartItem => i.kind === "chart")!;
    const measures = new Set((overview.csv as { indicator: string; group: string }[]).map((r) => `${r.indicator}/${r.group}`));
    expect([...measures].sort()).toEqual(["cost_per_citizen/0-2", "focus_admissions_0_2/0-2", "readmission_30d/0-2"]);
    expect(small[0].title).toBe("Fokus: børn 0–2 år");
    // municipalities on request
    const withMunis = reportSections(data, { focus: "0-2", municipalities: true })[0].items.find((i): i is ReportChartItem => i.kind === "chart")!;
    expect((withMunis.csv as { level: string }[]).some((r) => r.level === "municipality")).toBe(true);
    await expect(buildReport(fx.dataDir, { outDir: fx.outDir, focus: "65" as "65+" })).rejects.toThrow(/focus skal være en af all, 65\+, 0-2/);
  });

  it("rejects bad options before touching OUT", async () => {
    await expect(buildReport(fx.dataDir, { outDir: fx.outDir, formats: ["gif" as "svg"] })).rejects.toThrow(/formats må kun indeholde/);
    await expect(buildReport(fx.dataDir, { outDir: fx.outDir, minCount: -1 })).rejects.toThrow(/minCount/);
    await expect(buildReport(fx.dataDir, { outDir: fx.outDir, lang: "de" as "da" })).rejects.toThrow(/lang/);
    expect(existsSync(join(fx.outDir, "report.html"))).toBe(true);
  });
});

describe.skipIf(!existsSync(CHROMIUM))("report.html in headless Chromium", () => {
  it("opens offline with no console errors or network requests, every chart visible; takes a full-page screenshot", async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("request", (r) => {
        if (!r.url().startsWith("file:")) requests.push(r.url());
      });
      await page.goto(`file://${join(fx.outDir, "report.html")}`, { waitUntil: "load" });
      const ids = tocChartIds(html());
      expect(ids.length).toBeGreaterThan(0);
      // One round trip: count, visibility and size of every chart's inline SVG.
      const boxes = (await page.evaluate(
        `${JSON.stringify(ids)}.map((id) => { const all = document.querySelectorAll('svg[data-chart-id="' + id + '"]'); const r = all[0] ? all[0].getBoundingClientRect() : null; const st = all[0] ? getComputedStyle(all[0]) : null; return { id, count: all.length, width: r ? r.width : 0, height: r ? r.height : 0, visible: !!st && st.visibility !== "hidden" && st.display !== "none" }; })`,
      )) as { id: string; count: number; width: number; height: number; visible: boolean }[];
      for (const b of boxes) {
        expect(b.count, b.id).toBe(1);
        expect(b.visible, b.id).toBe(true);
        expect(b.width, b.id).toBeGreaterThan(100);
        expect(b.height, b.id).toBeGreaterThan(50);
      }
      // Playwright's own visibility check on the first and the last chart.
      for (const id of [ids[0], ids[ids.length - 1]]) {
        const svg = page.locator(`svg[data-chart-id="${id}"]`);
        await svg.scrollIntoViewIfNeeded();
        expect(await svg.isVisible(), id).toBe(true);
        expect((await svg.boundingBox())?.width ?? 0, id).toBeGreaterThan(100);
      }
      // Every TOC link resolves to an element of the page.
      const broken = (await page.evaluate(
        `[...document.querySelectorAll("nav.toc a")].map((a) => a.getAttribute("href").slice(1)).filter((id) => !document.getElementById(id))`,
      )) as string[];
      expect(broken).toEqual([]);
      const shot = join(fx.outDir, "report-screenshot.png");
      await page.screenshot({ path: shot, fullPage: true });
      const png = readFileSync(shot);
      expect(png.readUInt32BE(16)).toBe(1100);
      expect(png.readUInt32BE(20)).toBeGreaterThan(5000);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      // The first page (issue 19), as printed on A4 in black and white: the key messages and the
      // start of the overview lie on it; the PDF is written (KLYNGE_KEEP_REPORT=1 keeps the files to look at).
      await page.emulateMedia({ media: "print" });
      await page.addStyleTag({ content: "html { filter: grayscale(100%); }" });
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.evaluate("window.scrollTo(0, 0)");
      const firstPage = (await page.evaluate(
        `(() => { const box = (sel) => { const e = document.querySelector(sel); if (!e) return null; const r = e.getBoundingClientRect(); return { top: r.top + scrollY, bottom: r.bottom + scrollY }; }; return { messages: box("#key-messages"), overview: box('figure[data-chart-id="overview"]'), toc: box("nav.toc") }; })()`,
      )) as { messages: { top: number; bottom: number }; overview: { top: number; bottom: number }; toc: { top: number; bottom: number } };
      expect(firstPage.messages.bottom).toBeLessThan(1123);
      expect(firstPage.overview.top).toBeLessThan(1123);
      expect(firstPage.toc.top).toBeGreaterThan(firstPage.overview.bottom);
      await page.screenshot({ path: join(fx.outDir, "first-page-bw.png"), clip: { x: 0, y: 0, width: 794, height: 1123 } });
      const pdf = await page.pdf({ format: "A4", printBackground: true, pageRanges: "1-2" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(2);
      writeFileSync(join(fx.outDir, "first-pages-bw.pdf"), pdf);
    } finally {
      await browser.close();
    }
  }, 300_000);
});

if (!existsSync(CHROMIUM)) {
  describe("report.html in headless Chromium", () => {
    it.skip(`skipped: ${CHROMIUM} is not installed (apt-get install chromium)`, () => undefined);
  });
}
