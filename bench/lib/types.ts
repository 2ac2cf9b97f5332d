import type { BenchApp } from "./app";
import type { Summary } from "./stats";

/** How long each load scenario runs: long in a full run, tiny in `--smoke`. */
export interface LoadPlan {
  /** Measured runs per scenario; every figure is their median. */
  runs: number;
  /** Seconds of each measured run. */
  durationSeconds: number;
  /** Seconds of unmeasured load first: JIT, connection pools and Next.js's caches warm up. */
  warmupSeconds: number;
  /**
   * `--smoke`: each run sends this many requests per connection instead of lasting
   * `durationSeconds`, so a slow or busy machine still gets responses in every run.
   */
  requestsPerConnection?: number;
}

export interface BenchContext {
  /** `--smoke`: only checks that the benchmark still runs; its figures mean nothing. */
  smoke: boolean;
  plan: LoadPlan;
  /** The production server every benchmark shares, started once by bench/index.ts. */
  app: BenchApp;
  log(line: string): void;
  /** Adds a sentence to the closing notes under the table (what costs the most, what would fix it). */
  note(text: string): void;
  /** A line of the goals table at the top of the results; its value also goes to results.json. */
  goal(goal: Goal): void;
  /** A number for results.json only, under a dotted key (`bundle.barePageKb`). */
  figure(key: string, value: number): void;
}

/** One of the goals: the product's figure read against its anchor, measured in the same run. */
export interface Goal {
  /** Its dotted key in results.json, e.g. `auth.protectedOverCeiling`. */
  key: string;
  /** What it compares, in a reader's words. */
  figure: string;
  /** The two sides as measured, with their units: `212 ÷ 601 req/s`. */
  sides: string;
  /** The figure itself (a ratio, kB, ms), as written to results.json. */
  value: number;
  /** `value`, formatted for the table. */
  result: string;
  target: Target;
  spread?: Summary;
}

export interface Target {
  /** As the issue states it: "≥ 85% of the public route", "< 60 ms". */
  text: string;
  met: boolean;
}

/** One line of the results table. */
export interface Row {
  /** The benchmark's name, the same on each of its rows. */
  benchmark: string;
  /** What this line measures, in a reader's words. */
  measure: string;
  /** The figure with its unit, formatted. */
  result: string;
  target?: Target;
  /** The runs behind the figure; the table shows their count and spread, and flags noisy ones. */
  spread?: Summary;
}

/** A benchmark module's default export. */
export interface Benchmark {
  /** Also the name `--only` selects it by. */
  name: string;
  run(ctx: BenchContext): Promise<Row[]>;
}
