/**
 * The SPC layer's notes (English text from src/spc/messages.ts) in the chart's language. Each known
 * note kind is recognised by its English template and rewritten from the charts' label catalogue
 * (Danish or English), with its facts (phase, periods, counts) carried over. Notes that repeat what
 * the chart already states (missing periods, the per-phase rule, varying limits) are left out.
 * Unknown notes are kept verbatim in English charts and left out of Danish ones, so a Danish
 * footnote never carries English text.
 */
import { chartLabel, type ChartLabelKey } from "./labels.js";
import { formatChartNumber, type ChartLang } from "./locale.js";

type NoteRule = {
  readonly pattern: RegExp;
  /** null: the chart states this itself; otherwise the catalogue key and the values from the match. */
  readonly key: ChartLabelKey | null;
  readonly values?: (m: RegExpExecArray, lang: ChartLang) => Record<string, string>;
};

const PHASE = String.raw`Phase ("(?:[^"\\]|\\.)*")`;
const phase = (quoted: string): string => {
  try {
    return String(JSON.parse(quoted));
  } catch {
    return quoted;
  }
};
const num = (s: string, lang: ChartLang, digits: number) => formatChartNumber(Number(s), lang, digits);

const RULES: readonly NoteRule[] = [
  { pattern: /^\d+ period\(s\) have no value and are shown as gaps, never as zeros;/, key: null },
  { pattern: /^Each phase has its own centre and limits, computed only from that phase's own baseline points;/, key: null },
  { pattern: /^The limits vary from point to point because each point has its own denominator/, key: null },
  { pattern: /^(\d+) missing period\(s\) inserted as gaps \(not zeros\): (.+)\.$/, key: "spc.note.insertedGaps", values: (m) => ({ periods: m[2] }) },
  { pattern: /^Denominator 0 in (.+): no rate can be computed, so these periods are gaps\.$/, key: "spc.note.zeroDenominator", values: (m) => ({ periods: m[1] }) },
  {
    pattern: /^Excluded from the centre and limits \(still plotted and still tested by the rules\): (.+)\.$/,
    key: "spc.note.excluded",
    values: (m) => ({ periods: m[1] }),
  },
  {
    pattern: new RegExp(`^${PHASE}: centre and limits frozen on its first (\\d+) point\\(s\\) \\((\\d+) used after exclusions and gaps\\); later points are judged against them\\.$`),
    key: "spc.note.frozenBaseline",
    values: (m) => ({ phase: phase(m[1]), k: m[2], used: m[3] }),
  },
  {
    pattern: new RegExp(`^${PHASE}: only (\\d+) point\\(s\\) set the centre and limits; at least (\\d+) are recommended, so read its signals with care\\.$`),
    key: "spc.note.fewBaseline",
    values: (m) => ({ phase: phase(m[1]), n: m[2], min: m[3] }),
  },
  {
    pattern: new RegExp(`^${PHASE}: no usable point to compute a centre line from; its points are shown without centre or limits\\.$`),
    key: "spc.note.noBaseline",
    values: (m) => ({ phase: phase(m[1]) }),
  },
  {
    pattern: new RegExp(`^${PHASE}: (\\d+) useful point\\(s\\) \\(not on the median\\); the Anhøj rules are meant for at least 10\\.$`),
    key: "spc.note.fewUseful",
    values: (m) => ({ phase: phase(m[1]), n: m[2] }),
  },
  {
    pattern: new RegExp(`^${PHASE}: non-random variation — longest run (\\d+) \\(limit (\\d+)\\), crossings (\\d+) \\(minimum (\\d+)\\)\\.$`),
    key: "spc.note.runsSignal",
    values: (m) => ({ phase: phase(m[1]), longest: m[2], longestMax: m[3], crossings: m[4], crossingsMin: m[5] }),
  },
  {
    pattern: new RegExp(`^${PHASE}: (\\d+) moving range\\(s\\) ≥ 3\\.267 × the mean moving range \\(([-\\d.e+]+)\\) left out before the limits were computed \\(Making Data Count screening\\)\\.$`),
    key: "spc.note.screened",
    values: (m, lang) => ({ phase: phase(m[1]), removed: m[2], threshold: num(m[3], lang, 2) }),
  },
  {
    pattern: new RegExp(`^${PHASE}: sigma_z = ([-\\d.]+) with mean denominator (\\d+); the plain limits assume sigma_z ≈ 1 and are likely far too (tight|wide)\\.`),
    key: "spc.note.laneyRecommended",
    values: (m, lang) => ({ phase: phase(m[1]), sigmaZ: num(m[2], lang, 2), n: num(m[3], lang, 0), too: chartLabel(lang, m[4] === "tight" ? "spc.note.tight" : "spc.note.wide") }),
  },
  {
    pattern: new RegExp(`^${PHASE}: Laney adjustment, limits multiplied by sigma_z = ([-\\d.e+]+)\\.$`),
    key: "spc.note.laneyApplied",
    values: (m, lang) => ({ phase: phase(m[1]), sigmaZ: num(m[2], lang, 2) }),
  },
  {
    pattern: /^Point\(s\) flagged by rules pointing in opposite directions: (.+); the highest-priority rule decides the colour and the point is marked signalConflict\.$/,
    key: "spc.note.conflict",
    values: (m) => ({ periods: m[1] }),
  },
];

/**
 * The notes of an SpcResult for a chart footnote in `lang`: known kinds translated from the label
 * catalogue, the ones the chart states itself dropped, unknown ones kept only in English.
 * @example spcChartNotes(['Denominator 0 in 2020-04: no rate can be computed, so these periods are gaps.'], "da")
 * // ["Nævner 0 i 2020-04: ingen rate kan beregnes, så perioderne vises som huller."]
 */
export function spcChartNotes(notes: readonly string[], lang: ChartLang): string[] {
  const out: string[] = [];
  for (const note of notes) {
    const text = note.trim();
    let handled = false;
    for (const rule of RULES) {
      const m = rule.pattern.exec(text);
      if (!m) continue;
      handled = true;
      if (rule.key) out.push(chartLabel(lang, rule.key, rule.values ? rule.values(m, lang) : {}));
      break;
    }
    if (!handled && lang === "en") out.push(text);
  }
  return out;
}
