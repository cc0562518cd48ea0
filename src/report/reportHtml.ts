/**
 * Writes the report as one self-contained HTML page: inline CSS, every chart as inline SVG (ids
 * made unique per chart so that clip paths of one chart never resolve to another's), tables with
 * the report language's number format, no scripts, no external fonts, images or links — it opens
 * offline from a file and prints on A4.
 */
import { reportText, type ReportLang } from "../text/catalogue.js";
import { formatReportCell, isSuppressedCell, suppressedMark, type ReportCellFormat, type ReportTable } from "./reportTable.js";
import { REPORT_DIMENSIONS, type ReportChartItem, type ReportDocument, type ReportItem, type ReportMessagesItem, type ReportSection } from "./reportTypes.js";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * Makes the ids of an SVG unique in a page: every id="x" becomes id="prefix-x", and every
 * reference to it (url(#x), href="#x", xlink:href="#x") follows.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  const ids = new Set<string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) ids.add(m[1]);
  if (ids.size === 0) return svg;
  const scoped = (id: string) => (ids.has(id) ? `${prefix}-${id}` : id);
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (_m, a: string, id: string, b: string) => `${a}${scoped(id)}${b}`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${scoped(id)})`)
    .replace(/((?:xlink:)?href=")#([^"]+)(")/g, (_m, a: string, id: string, b: string) => `${a}#${scoped(id)}${b}`);
}

/**
 * Shortens the long decimals vega writes (coordinates such as 48.1234567891, tooltip values such
 * as 18,1234567891) to three decimals: a smaller file, and no run of ten digits that a privacy
 * scan for CPR-shaped strings would flag. Three decimals of a CSS pixel are far below what any
 * screen or printer draws.
 */
export function trimSvgNumbers(svg: string): string {
  return svg.replace(/(\d[.,]\d{3})\d+/g, "$1");
}

/** Prepares a rendered chart SVG for inlining: scoped ids, an accessible name, the XML prolog removed. */
export function inlineSvg(svg: string, id: string, title: string): string {
  const body = scopeSvgIds(svg.replace(/^<\?xml[^>]*>\s*/, ""), `c-${id}`);
  return body.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(title)}" data-chart-id="${escapeHtml(id)}"`);
}

const CSS = `
:root { --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --accent: #0072b2; --band: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); background: #fff; line-height: 1.45; font-size: 15px; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 32px 64px; }
header.doc { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 20px; }
header.doc h1 { font-size: 28px; margin: 0 0 4px; }
header.doc p { margin: 2px 0; color: var(--muted); }
h2 { font-size: 22px; margin: 40px 0 8px; padding-top: 8px; border-top: 1px solid var(--rule); color: var(--accent); }
h3 { font-size: 18px; margin: 28px 0 6px; }
h4 { font-size: 15px; margin: 18px 0 6px; }
h4.figure-label { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 22px 0 0; }
nav.toc { background: var(--band); border: 1px solid var(--rule); padding: 12px 20px; margin: 16px 0 24px; }
nav.toc h2 { border: 0; margin: 0 0 6px; padding: 0; font-size: 18px; color: var(--ink); }
nav.toc ol { margin: 2px 0; padding-left: 20px; }
nav.toc li { margin: 1px 0; }
nav.toc ol ol { font-size: 13px; }
nav.toc a { color: var(--accent); text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
.warnings { border-left: 4px solid #e69f00; background: #fff8e6; padding: 8px 14px; margin: 12px 0; }
.warnings ul { margin: 4px 0; padding-left: 18px; }
figure.chart { margin: 18px 0 6px; page-break-inside: avoid; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; margin: 4px 0 4px; }
table.key { border-collapse: collapse; font-size: 12.5px; margin: 0; min-width: 40%; }
table.key caption { text-align: left; font-weight: bold; font-size: 13px; padding: 2px 0 4px; color: var(--muted); caption-side: top; }
table.key th, table.key td { border-bottom: 1px solid var(--rule); padding: 3px 8px; }
table.key th { background: var(--band); text-align: left; font-weight: bold; }
table.key td.num, table.key th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.key td.suppressed { color: var(--muted); font-style: italic; }
table.key.compact { font-size: 10.5px; }
table.key.compact th, table.key.compact td { padding: 2px 3px; }
p.files, p.legend, p.note { font-size: 12px; color: var(--muted); margin: 2px 0 8px; }
p.files code { font-size: 11.5px; }
ul.definitions li { margin: 4px 0; }
section.item { margin-bottom: 22px; }
section.key-messages { border: 2px solid var(--ink); padding: 8px 16px 10px; margin: 8px 0 18px; }
section.key-messages h3 { margin: 2px 0 6px; font-size: 19px; }
section.key-messages ol { margin: 0; padding-left: 22px; }
section.key-messages li { margin: 5px 0; }
section.key-messages a.fig { font-size: 12px; white-space: nowrap; color: var(--ink); }
#dim-overview { border-top: 0; margin-top: 12px; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { page-break-before: always; }
  #dim-overview { page-break-before: avoid; }
  nav.toc { page-break-before: always; page-break-after: always; }
  body { font-size: 12.5px; }
  a { color: inherit; }
}
`;

function table(t: ReportTable, lang: ReportLang, caption: string): string {
  const mark = suppressedMark(lang);
  let anySuppressed = false;
  const compact = t.columns.length > 12 ? " compact" : "";
  const head = t.columns.map((c) => `<th scope="col"${c.format === "text" ? "" : ' class="num"'}>${escapeHtml(c.label)}</th>`).join("");
  const body = t.rows
    .map((row) => {
      const cells = t.columns.map((c, i) => {
        if (isSuppressedCell(row, c.key, c.format)) {
          anySuppressed = true;
          return `<td class="num suppressed" title="${escapeHtml(mark.title)}" aria-label="${escapeHtml(mark.title)}">${mark.text}</td>`;
        }
        const rowFormat = typeof row.format === "string" && c.format !== "text" ? (row.format as ReportCellFormat) : c.format;
        const text = escapeHtml(formatReportCell(row[c.key], rowFormat, lang));
        if (i === 0) return `<th scope="row">${text}</th>`;
        return c.format === "text" ? `<td>${text}</td>` : `<td class="num">${text}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  const cap = caption ? `<caption>${escapeHtml(caption)}</caption>` : "";
  const legend = anySuppressed ? `<p class="legend">${mark.text} = ${escapeHtml(mark.title)}</p>` : "";
  return `<div class="table-wrap"><table class="key${compact}">${cap}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>${legend}`;
}

function notes(list: readonly string[] | undefined): string {
  return (list ?? []).filter((n) => n).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join("\n");
}

function chartItem(item: ReportChartItem, svg: string, files: readonly string[], lang: ReportLang, figure: number): string {
  const t = (k: Parameters<typeof reportText>[1], p?: Record<string, string>) => reportText(lang, k, p);
  const fileText = files.length > 0 ? `<p class="files">${escapeHtml(t("doc.files", { files: files.join(", "), csv: `tables/${item.id}.csv` }))}</p>` : "";
  return [
    `<section class="item" id="${escapeHtml(item.id)}">`,
    `<h4 class="figure-label">${escapeHtml(t("doc.figure", { n: String(figure) }))}</h4>`,
    `<figure class="chart" data-chart-id="${escapeHtml(item.id)}">${inlineSvg(svg, item.id, item.chart.meta.title)}</figure>`,
    table(item.table, lang, t("doc.keyTable")),
    notes(item.notes),
    fileText,
    `</section>`,
  ].join("\n");
}

/** Key messages: a numbered list, each sentence followed by links to the figures it is read from. */
function messagesHtml(item: ReportMessagesItem, lang: ReportLang, figures: ReadonlyMap<string, number>): string {
  const t = (k: Parameters<typeof reportText>[1], p?: Record<string, string>) => reportText(lang, k, p);
  const link = (id: string) => {
    const n = figures.get(id);
    const label = id === "overview" ? t("doc.messageOverview") : n === undefined ? id : t("doc.messageFigure", { n: String(n) });
    return `<a class="fig" href="#${escapeHtml(id)}">→ ${escapeHtml(label)}</a>`;
  };
  const li = item.messages.map((m) => `<li data-code="${escapeHtml(m.code)}">${escapeHtml(m.text)} ${m.hrefs.map(link).join(" ")}</li>`).join("\n");
  return [`<section class="item key-messages" id="${escapeHtml(item.id)}">`, `<h3>${escapeHtml(item.title)}</h3>`, `<ol>${li}</ol>`, `<p class="files"><code>tables/${escapeHtml(item.id)}.csv</code></p>`, `</section>`].join("\n");
}

function itemHtml(item: ReportItem, svgs: ReadonlyMap<string, string>, files: ReadonlyMap<string, readonly string[]>, lang: ReportLang, figures: ReadonlyMap<string, number>): string {
  if (item.kind === "messages") return messagesHtml(item, lang, figures);
  if (item.kind === "text") {
    if (item.list) return `<ul class="definitions">${item.paragraphs.map((p) => `<li>${escapeHtml(p)}</li>`).join("\n")}</ul>`;
    return item.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  }
  if (item.kind === "table") {
    return [`<section class="item" id="${escapeHtml(item.id)}">`, item.title ? `<h4>${escapeHtml(item.title)}</h4>` : "", table(item.table, lang, ""), notes(item.notes), `<p class="files"><code>tables/${escapeHtml(item.id)}.csv</code></p>`, `</section>`].join("\n");
  }
  const svg = svgs.get(item.id);
  if (svg === undefined) return "";
  return chartItem(item, svg, files.get(item.id) ?? [], lang, figures.get(item.id) ?? 0);
}

function sectionHtml(s: ReportSection, svgs: ReadonlyMap<string, string>, files: ReadonlyMap<string, readonly string[]>, lang: ReportLang, figures: ReadonlyMap<string, number>): string {
  return [
    `<section class="section" id="${escapeHtml(s.id)}">`,
    `<h3>${escapeHtml(s.title)}</h3>`,
    ...s.intro.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...s.items.map((i) => itemHtml(i, svgs, files, lang, figures)),
    `</section>`,
  ].join("\n");
}

function toc(doc: ReportDocument, svgs: ReadonlyMap<string, string>): string {
  const t = (k: Parameters<typeof reportText>[1]) => reportText(doc.lang, k);
  const parts: string[] = [`<nav class="toc" aria-label="${escapeHtml(t("doc.toc"))}"><h2>${escapeHtml(t("doc.toc"))}</h2><ol>`];
  for (const dim of REPORT_DIMENSIONS) {
    const sections = doc.sections.filter((s) => s.dimension === dim);
    if (sections.length === 0) continue;
    parts.push(`<li><a href="#dim-${dim}">${escapeHtml(t(`dim.${dim}`))}</a><ol>`);
    for (const s of sections) {
      const charts = s.items.filter((i): i is ReportChartItem => i.kind === "chart" && svgs.has(i.id));
      const sub = charts.length === 0 ? "" : `<ol>${charts.map((c) => `<li><a href="#${escapeHtml(c.id)}" data-toc-chart="${escapeHtml(c.id)}">${escapeHtml(c.chart.meta.title)}</a></li>`).join("")}</ol>`;
      parts.push(`<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>${sub}</li>`);
    }
    parts.push(`</ol></li>`);
  }
  parts.push(`</ol></nav>`);
  return parts.join("\n");
}

/**
 * The whole report page.
 * @param svgs rendered SVG of each chart item by id (an item without an SVG is left out)
 * @param files other rendered files of each chart by id (e.g. "charts/x.png"), named under the table
 */
export function reportHtml(doc: ReportDocument, svgs: ReadonlyMap<string, string>, files: ReadonlyMap<string, readonly string[]> = new Map()): string {
  const t = (k: Parameters<typeof reportText>[1], p?: Record<string, string>) => reportText(doc.lang, k, p);
  const body: string[] = [];
  const figures = new Map<string, number>();
  for (const dim of REPORT_DIMENSIONS)
    for (const s of doc.sections.filter((x) => x.dimension === dim))
      for (const i of s.items) if (i.kind === "chart" && svgs.has(i.id)) figures.set(i.id, figures.size + 1);
  const first: string[] = [];
  for (const dim of REPORT_DIMENSIONS) {
    const sections = doc.sections.filter((s) => s.dimension === dim);
    if (sections.length === 0) continue;
    // The overview (key messages and the overview chart) is the first page, before the table of contents.
    const into = dim === "overview" ? first : body;
    into.push(`<h2 id="dim-${dim}">${escapeHtml(t(`dim.${dim}`))}</h2>`);
    for (const s of sections) into.push(sectionHtml(s, svgs, files, doc.lang, figures));
  }
  const warnings =
    doc.warnings.length === 0 ? "" : `<div class="warnings" role="note"><ul>${doc.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul></div>`;
  return `<!DOCTYPE html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header class="doc">
<h1>${escapeHtml(doc.title)}</h1>
<p>${escapeHtml(doc.subtitle)}</p>
<p>${escapeHtml(t("doc.period", { period: doc.period }))} · ${escapeHtml(t("doc.dataset", { dir: doc.dataset }))}</p>
</header>
${warnings}
${first.join("\n")}
${toc(doc, svgs)}
${body.join("\n")}
</main>
</body>
</html>
`;
}
