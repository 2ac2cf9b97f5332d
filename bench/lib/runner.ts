/**
 * `npm run bench [-- --smoke] [--only auth,pages] [--runs 5] [--duration 15] [--profile]`: starts the app once,
 * runs the chosen benchmarks in order against it, stops everything, prints one table and writes it
 * to bench/results.md (a full run of every benchmark) or under test-results/bench/ (anything less).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { enableLocalAppRole } from "../../scripts/lib/app-role";
import { OUTPUT_DIR, PROJECT_ROOT, startBenchApp } from "./app";
import { hotspots, newestProfileSince, readCpuProfile } from "./cpu-profile";
import { stopEverything, stopEverythingOnSignals } from "./processes";
import { describeMachine, formatPercent, nestFigures, renderReport } from "./report";
import type { BenchContext, Benchmark, Goal, LoadPlan, Row } from "./types";

const FULL_PLAN: LoadPlan = { runs: 3, durationSeconds: 10, warmupSeconds: 5 };
// Every code path runs, under the same concurrency, in seconds: enough to catch a broken benchmark.
const SMOKE_PLAN: LoadPlan = { runs: 3, durationSeconds: 1, warmupSeconds: 0, requestsPerConnection: 5 };
export const RESULTS_FILE = path.join(PROJECT_ROOT, "bench/results.md");
// Where `next start` writes its profile when NEXT_CPU_PROF is set (chosen by Next.js, not by us).
const PROFILES_DIR = path.join(PROJECT_ROOT, ".next-profiles");

export class UsageError extends Error {
  override name = "UsageError";
}

interface RunOptions {
  smoke: boolean;
  /** Record a CPU profile of the server and sum it up in the notes. */
  profile: boolean;
  selected: Benchmark[];
  plan: LoadPlan;
}

export function parseRunOptions(argv: string[], benchmarks: Benchmark[]): RunOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: "boolean", default: false },
      only: { type: "string" },
      runs: { type: "string" },
      duration: { type: "string" },
      profile: { type: "boolean", default: false },
    },
    strict: true,
  });
  const smoke = values.smoke ?? false;
  const names = values.only?.split(",").map((name) => name.trim()) ?? benchmarks.map((b) => b.name);
  const unknown = names.filter((name) => !benchmarks.some((b) => b.name === name));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown benchmark ${unknown.join(", ")}: choose from ${benchmarks.map((b) => b.name).join(", ")}`,
    );
  }
  const base = smoke ? SMOKE_PLAN : FULL_PLAN;
  const runs = positiveInteger("--runs", values.runs) ?? base.runs;
  if (runs < 3 && !smoke)
    throw new UsageError("--runs must be at least 3: every figure is a median of ≥ 3 runs");
  return {
    smoke,
    profile: values.profile ?? false,
    selected: benchmarks.filter((b) => names.includes(b.name)),
    plan: {
      ...base,
      runs,
      durationSeconds: positiveInteger("--duration", values.duration) ?? base.durationSeconds,
    },
  };
}

function positiveInteger(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError(`${flag} must be a whole number ≥ 1, got "${raw}"`);
  return value;
}

/** Runs `benchmarks` as the command line asks; resolves with the process exit code. */
export async function runBenchmarks(benchmarks: Benchmark[], argv: string[]): Promise<number> {
  const options = parseRunOptions(argv, benchmarks);
  const { smoke, selected, plan, profile } = options;
  const log = (line: string) => console.log(`[bench] ${line}`);
  stopEverythingOnSignals();
  const started = performance.now();
  // Before the build: the commit the measured build was made from, whatever is committed meanwhile.
  const commit = describeCommit();

  const rows: Row[] = [];
  const goals: Goal[] = [];
  const figures = new Map<string, number>();
  const notes: string[] = [];
  const failures: string[] = [];
  let buildNote = "";
  try {
    const app = await startBenchApp({
      log,
      serverEnv: profile ? { NEXT_CPU_PROF: "1" } : {},
      // As in production: the server connects as the role row-level security binds, not as the owner.
      serverDatabaseUrl: enableLocalAppRole,
    });
    buildNote = app.build.reused
      ? "reused the current production build"
      : `production build in ${app.build.seconds.toFixed(0)} s`;
    const figure = (key: string, value: number) => figures.set(key, value);
    const ctx: BenchContext = {
      smoke,
      plan,
      app,
      log,
      note: (text) => notes.push(text),
      goal: (goal) => {
        goals.push(goal);
        figure(goal.key, goal.value);
      },
      figure,
    };
    for (const benchmark of selected) {
      log(`▸ ${benchmark.name}`);
      try {
        rows.push(...(await benchmark.run(ctx)));
      } catch (error) {
        failures.push(`${benchmark.name}: ${error instanceof Error ? error.message : String(error)}`);
        log(`✖ ${benchmark.name} failed; going on with the others`);
      }
    }
  } finally {
    await stopEverything();
  }
  if (profile) notes.push(describeProfile(started));

  const seconds = (performance.now() - started) / 1000;
  const mode = smoke
    ? "`npm run bench -- --smoke` (figures mean nothing: it only checks that the benchmarks run)"
    : "`npm run bench`";
  const date = new Date();
  const report = renderReport({
    goals,
    rows,
    notes,
    failures,
    machine: describeMachine(),
    date,
    context: [
      `${mode} at ${commit.text}; ${selected.map((b) => b.name).join(", ")}.`,
      `Load: ${plan.runs} runs × ${plan.requestsPerConnection ? `${plan.requestsPerConnection} requests per connection` : `${plan.durationSeconds} s`} per scenario${plan.warmupSeconds ? ` after a ${plan.warmupSeconds} s warm-up` : ""}, interleaved; load generator (autocannon) in its own process on the same machine.`,
      `Total ${formatDuration(seconds)} (${buildNote}).`,
    ].join(" "),
  });
  console.log(`\n${report}`);

  // A profiled run is slower than a plain one: its figures do not belong in the results.
  const complete = !smoke && !profile && selected.length === benchmarks.length && failures.length === 0;
  const file = complete
    ? RESULTS_FILE
    : path.join(OUTPUT_DIR, smoke ? "results-smoke.md" : "results-partial.md");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, report);
  const json = {
    commit: commit.sha,
    dirty: commit.dirty,
    date: date.toISOString(),
    smoke,
    ...nestFigures(figures),
  };
  // The same figures for tools, beside the table: bench/results.json after a full run.
  writeFileSync(file.replace(/\.md$/, ".json"), `${JSON.stringify(json, null, 2)}\n`);
  log(
    `written to ${path.relative(PROJECT_ROOT, file)} and .json${complete ? "" : " (bench/results.md is only written by a full run of every benchmark)"}`,
  );
  return failures.length > 0 ? 1 : 0;
}

function describeProfile(startedAt: number): string {
  const file = newestProfileSince(PROFILES_DIR, performance.timeOrigin + startedAt);
  if (!file)
    return `--profile: the server wrote no CPU profile into ${path.relative(PROJECT_ROOT, PROFILES_DIR)}/.`;
  const summary = hotspots(readCpuProfile(file))
    .map((spot) => `${formatPercent(spot.share)} ${spot.where}`)
    .join(", ");
  return `CPU profile of the server over the whole run (${path.relative(PROJECT_ROOT, file)}; open it in Chrome DevTools → Performance): ${summary}.`;
}

function describeCommit(): { sha: string | null; dirty: boolean; text: string } {
  try {
    const git = (...args: string[]) =>
      execFileSync("git", args, {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim();
    const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
    const sha = git("rev-parse", "--short", "HEAD");
    return { sha, dirty, text: `commit ${sha}${dirty ? " with uncommitted changes" : ""}` };
  } catch {
    return { sha: null, dirty: false, text: "an unknown commit (not a git checkout)" };
  }
}

function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${seconds.toFixed(0)} s`;
}
