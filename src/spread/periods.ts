/** Period labels ("2019", "2019-H1", "2019-Q1", "2019-01") as date ranges; internal to the spread layer. */
import { daysInMonth } from "../contract/time.js";

const pad = (n: number): string => String(n).padStart(2, "0");

/** First day (YYYY-MM-DD) of a period label. */
export function periodStartDate(label: string): string {
  const y = label.slice(0, 4);
  if (label.length === 4) return `${y}-01-01`;
  if (label[5] === "Q") return `${y}-${pad((Number(label[6]) - 1) * 3 + 1)}-01`;
  if (label[5] === "H") return `${y}-${pad((Number(label[6]) - 1) * 6 + 1)}-01`;
  return `${y}-${label.slice(5, 7)}-01`;
}

/** Last day (YYYY-MM-DD) of a period label. */
export function periodEndDate(label: string): string {
  const y = Number(label.slice(0, 4));
  const m =
    label.length === 4 ? 12 : label[5] === "Q" ? Number(label[6]) * 3 : label[5] === "H" ? Number(label[6]) * 6 : Number(label.slice(5, 7));
  return `${label.slice(0, 4)}-${pad(m)}-${pad(daysInMonth(y, m))}`;
}
