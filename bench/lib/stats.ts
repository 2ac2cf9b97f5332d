/**
 * Every figure in the results is the median of several runs, with how much the runs disagreed: a
 * benchmark on a shared machine is only worth reading when it says how noisy it was.
 */

/** Runs whose coefficient of variation passes this are flagged "noisy" in the results. */
export const NOISY_CV = 0.1;

export interface Summary {
  /** One value per run, in the order they ran. */
  values: number[];
  median: number;
  /** Sample standard deviation ÷ mean; 0 for a single run. */
  cv: number;
  noisy: boolean;
}

export function medianOf(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error("medianOf() needs at least one run");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  const cv = coefficientOfVariation(values);
  return { values: [...values], median, cv, noisy: cv > NOISY_CV };
}

function coefficientOfVariation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  if (mean === 0) return 0;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance) / Math.abs(mean);
}

/**
 * The nearest-rank percentile (`p` in 0–100) of `values`, in any order: the smallest value that at
 * least p% of the values do not exceed. The one percentile of the bench: every p50/p95/p99 in its
 * results is this one.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile() of no values");
  if (p < 0 || p > 100) throw new Error(`percentile must be within 0–100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}
