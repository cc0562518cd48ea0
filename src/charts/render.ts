/**
 * Headless rendering of klynge charts: SVG (vega), PNG at print resolution (resvg with the shipped
 * DejaVu Sans font), and PDF with the font embedded (pdfkit + svg-to-pdfkit).
 *
 * Pipeline: vega-lite spec → vega-lite compile → vega View (renderer "none") → SVG string
 *           → resvg (PNG) | svg-to-pdfkit (PDF).
 *
 * vega and vega-lite are ESM-only; they are loaded lazily with `import()` inside the async
 * functions, so the functions work from the CommonJS build (tslab notebooks) and from ESM.
 * Text widths are measured with the real DejaVu Sans metrics (via pdfkit's font engine) instead
 * of vega's default estimate (0.8 em per character), so labels are laid out for the font that
 * is drawn.
 */
import { createRequire } from "node:module";
import type { Chart } from "./chart.js";

/** Print presets: A4 column and page widths in millimetres. */
export const PRINT_WIDTHS_MM = { column: 85, page: 170 } as const;
export type PrintWidth = keyof typeof PRINT_WIDTHS_MM;

export interface RenderSvgOptions {
  /** Scale factor of the SVG's width and height (default 1). */
  readonly scale?: number;
}

export interface RenderPngOptions {
  /** Dots per inch (default 300). Used with `widthMm`/`preset`. */
  readonly dpi?: number;
  /** Output width in millimetres (default: the page preset, 170 mm). */
  readonly widthMm?: number;
  /** "column" (85 mm) or "page" (170 mm); ignored when `widthMm` or `width` is given. */
  readonly preset?: PrintWidth;
  /** Output width in pixels (overrides dpi × widthMm). */
  readonly width?: number;
}

export interface RenderPdfOptions {
  /** Page width in millimetres (default 170 mm); the height follows the chart. */
  readonly widthMm?: number;
  readonly preset?: PrintWidth;
}

export interface CompiledChart {
  /** The compiled vega spec. */
  readonly vega: unknown;
  /** Warnings of vega-lite's compiler (an empty list for a clean spec). */
  readonly warnings: string[];
}

// `require` that works in the ESM source and in the CommonJS bundle (tsup shims import.meta.url).
const localRequire = createRequire(import.meta.url);

/** Paths of the shipped font files (DejaVu Sans regular and bold, from `dejavu-fonts-ttf`). */
export function chartFontFiles(): { regular: string; bold: string } {
  return {
    regular: localRequire.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
    bold: localRequire.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
  };
}

/** Pixel width of a print width at a resolution: round(mm / 25.4 × dpi). */
export function printPixels(widthMm: number, dpi: number): number {
  return Math.round((widthMm / 25.4) * dpi);
}

type VegaModule = typeof import("vega");
type VegaLiteModule = typeof import("vega-lite");

interface PdfDoc {
  registerFont(name: string, src: string): PdfDoc;
  font(name: string): PdfDoc;
  fontSize(size: number): PdfDoc;
  widthOfString(text: string): number;
  on(event: string, cb: (chunk?: Buffer) => void): PdfDoc;
  end(): void;
}
type PdfDocCtor = new (options?: Record<string, unknown>) => PdfDoc;
type SvgToPdf = (doc: PdfDoc, svg: string, x: number, y: number, options: Record<string, unknown>) => void;

let loaded: Promise<{ vega: VegaModule; vl: VegaLiteModule }> | undefined;

/** Loads vega and vega-lite once, and installs the DejaVu Sans text metrics. */
async function loadVega(): Promise<{ vega: VegaModule; vl: VegaLiteModule }> {
  loaded ??= (async () => {
    const [vega, vl] = await Promise.all([import("vega"), import("vega-lite")]);
    installTextMetrics(vega);
    return { vega, vl };
  })();
  return loaded;
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

/** Replaces vega's width estimate with DejaVu Sans advance widths (as vl-convert does with its own). */
function installTextMetrics(vega: VegaModule): void {
  const PDFDocument = localRequire("pdfkit") as PdfDocCtor;
  const fonts = chartFontFiles();
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.registerFont("r", fonts.regular);
  doc.registerFont("b", fonts.bold);
  const cache = new Map<string, number>();
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics;
  metrics.width = (item: TextItem, text: unknown): number => {
    const size = item.fontSize != null ? +item.fontSize || 0 : 11;
    const s = text == null ? "" : String(text).trim();
    if (size <= 0 || s.length === 0) return 0;
    const w = item.fontWeight;
    const bold = w === "bold" || w === "bolder" || (typeof w === "number" && w >= 600) || (typeof w === "string" && Number(w) >= 600);
    const key = `${bold ? "b" : "r"}${size}|${s}`;
    let width = cache.get(key);
    if (width === undefined) {
      width = doc.font(bold ? "b" : "r").fontSize(size).widthOfString(s);
      cache.set(key, width);
    }
    // vega truncates labels with a limit: the drawn text is never wider than the limit.
    return item.limit != null && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
}

/** Compiles a chart's vega-lite spec to vega, collecting the compiler's warnings. */
export async function compileChart(chart: Chart<unknown>): Promise<CompiledChart> {
  const { vl } = await loadVega();
  const warnings: string[] = [];
  let level = 0;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: readonly unknown[]) {
      throw new Error(args.map(String).join(" "));
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(" "));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  const compiled = vl.compile(chart.spec as unknown as Parameters<VegaLiteModule["compile"]>[0], { logger: logger as never });
  return { vega: compiled.spec, warnings };
}

/**
 * Renders a chart to an SVG string (vega's headless SVG renderer, all text in DejaVu Sans).
 * @example const svg = await renderSvg(funnelChart(result));
 */
export async function renderSvg(chart: Chart<unknown>, options: RenderSvgOptions = {}): Promise<string> {
  const { vega } = await loadVega();
  const { vega: spec } = await compileChart(chart);
  const view = new vega.View(vega.parse(spec as never), { renderer: "none" });
  try {
    return roundSvgNumbers(await view.toSVG(options.scale ?? 1));
  } finally {
    view.finalize();
  }
}

/** Attributes whose values are text, names or colours, never geometry: left as they are. */
const TEXT_ATTRIBUTE = /^(aria-.*|role|class|id|font-family|font-weight|font-style|href|xlink:href|fill|stroke|style|clip-path|mask|filter|marker-.*)$/i;
/** A number with a fraction or exponent (path commands may precede it: "h103.83"), not inside another number. */
const SVG_NUMBER = /(?<![\d.#])-?(?:\d*\.\d+(?:e[-+]?\d+)?|\d+e[-+]?\d+)/gi;

/**
 * Rounds every number in the geometry attributes of an SVG (path data, x/y, width/height,
 * transform, …) to at most `decimals` decimals (default 2, i.e. 1/100 px). vega writes up to 16
 * digits; runs of ten digits can look like CPR numbers in committed notebooks and
 * snapshots, and are far below any visible precision. Text content and aria labels are untouched
 * (they carry formatted values only).
 * @example roundSvgNumbers('<g transform="translate(-48.1234567891,-36.25)">') // '<g transform="translate(-48.12,-36.25)">'
 */
export function roundSvgNumbers(svg: string, decimals = 2): string {
  const f = 10 ** decimals;
  const round = (token: string): string => {
    const v = Math.round(Number(token) * f) / f;
    return Number.isFinite(v) ? String(v === 0 ? 0 : v) : token;
  };
  return svg.replace(/<[^<>!?/][^<>]*>/g, (tag) =>
    tag.replace(/(\s)([\w:-]+)="([^"]*)"/g, (m, space: string, name: string, value: string) =>
      TEXT_ATTRIBUTE.test(name) ? m : `${space}${name}="${value.replace(SVG_NUMBER, round)}"`,
    ),
  );
}

/** Width and height in px of an SVG string (from its width/height attributes). */
export function svgSize(svg: string): { width: number; height: number } {
  const head = /<svg[^>]*>/.exec(svg)?.[0] ?? "";
  const width = Number(/\swidth="([\d.]+)"/.exec(head)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(head)?.[1]);
  if (!Number.isFinite(width) || !Number.isFinite(height)) throw new Error("renderPng: the SVG has no width/height attributes");
  return { width, height };
}

/**
 * Renders a chart to PNG at print resolution with resvg, using the DejaVu Sans font files shipped
 * in `dejavu-fonts-ttf` (system fonts are not loaded, so the output is the same on every machine
 * and text can never silently vanish). Width: `width` px, or round(widthMm / 25.4 × dpi) with
 * dpi = 300 and widthMm = 170 (page) or 85 (column); the height keeps the aspect ratio.
 * @example const png = await renderPng(chart, { dpi: 300, preset: "column" }); // 1004 px wide
 */
export async function renderPng(chart: Chart<unknown>, options: RenderPngOptions = {}): Promise<Buffer> {
  const svg = await renderSvg(chart);
  const { Resvg } = (await import("@resvg/resvg-js")) as typeof import("@resvg/resvg-js");
  const fonts = chartFontFiles();
  const dpi = options.dpi ?? 300;
  const px = options.width ?? printPixels(options.widthMm ?? PRINT_WIDTHS_MM[options.preset ?? "page"], dpi);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: Math.round(px) },
    background: "white",
    font: { fontFiles: [fonts.regular, fonts.bold], loadSystemFonts: false, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    dpi,
  });
  return Buffer.from(resvg.render().asPng());
}

/**
 * pdfkit rejects dash patterns with a zero length (vega writes "1,0" for a solid line in a
 * strokeDash legend/scale): a pattern whose gaps are all 0 is solid, so the attribute is dropped;
 * other zero lengths become a hairline 0.001.
 */
function pdfSafeDashes(svg: string): string {
  return svg.replace(/\sstroke-dasharray="([^"]*)"/g, (m, value: string) => {
    const parts = value.split(/[\s,]+/).filter((p) => p.length > 0).map(Number);
    if (parts.length === 0 || parts.every((p) => p === 0)) return "";
    if (!parts.some((p) => p === 0)) return m;
    if (parts.every((p, i) => i % 2 === 0 || p === 0) && parts.length % 2 === 0) return "";
    return ` stroke-dasharray="${parts.map((p) => (p === 0 ? 0.001 : p)).join(",")}"`;
  });
}

/**
 * Renders a chart to a one-page PDF (pdfkit + svg-to-pdfkit) with DejaVu Sans embedded (a subset
 * of the TTF is written into the file). Page width `widthMm` (default 170 mm); height follows.
 * @example writeFileSync("trends.pdf", await renderPdf(trendsChart(rows), { widthMm: 170 }))
 */
export async function renderPdf(chart: Chart<unknown>, options: RenderPdfOptions = {}): Promise<Buffer> {
  const svg = await renderSvg(chart);
  const size = svgSize(svg);
  const widthPt = ((options.widthMm ?? PRINT_WIDTHS_MM[options.preset ?? "page"]) / 25.4) * 72;
  const heightPt = (size.height / size.width) * widthPt;
  const PDFDocument = localRequire("pdfkit") as PdfDocCtor;
  const svgToPdf = localRequire("svg-to-pdfkit") as SvgToPdf;
  const fonts = chartFontFiles();
  const doc = new PDFDocument({
    size: [widthPt, heightPt],
    margin: 0,
    info: { Title: chart.meta.title, Creator: "klynge", CreationDate: new Date(Date.UTC(2000, 0, 1)) },
  });
  doc.registerFont("DejaVu Sans", fonts.regular);
  doc.registerFont("DejaVu Sans-Bold", fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk) => chunks.push(chunk as Buffer));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", (e) => reject(e));
  });
  svgToPdf(doc, pdfSafeDashes(svg), 0, 0, {
    width: widthPt,
    height: heightPt,
    assumePt: true,
    fontCallback: (_family: string, bold: boolean) => (bold ? "DejaVu Sans-Bold" : "DejaVu Sans"),
  });
  doc.end();
  return done;
}
