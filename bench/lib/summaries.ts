import { formatMs } from "./report";
import type { Summary } from "./stats";

/** For a row that shows several figures: the spread of the least steady one. */
export function noisiest(...summaries: Summary[]): Summary {
  const [first, ...rest] = summaries;
  if (!first) throw new Error("noisiest() of no summaries");
  return rest.reduce((worst, summary) => (summary.cv > worst.cv ? summary : worst), first);
}

/** "4.1 ms / 9.8 ms" from the medians. */
export function medianLatencies(...summaries: Summary[]): string {
  return summaries.map((summary) => formatMs(summary.median)).join(" / ");
}
