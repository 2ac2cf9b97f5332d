/**
 * One markdown table for every benchmark, with the machine it ran on: printed, and written to
 * bench/results.md by a full run.
 */
import os from "node:os";
import type { Summary } from "./stats";
import type { Goal, Row } from "./types";

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

export function describeMachine(): Machine {
  return {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

export interface Report {
  /** The goals, each beside its anchor: the table at the top. */
  goals: Goal[];
  rows: Row[];
  notes: string[];
  machine: Machine;
  date: Date;
  /** What was measured: the commit, the mode, the load plan. */
  context: string;
  /** Benchmarks that failed, with why: their rows are missing. */
  failures: string[];
}

export function renderReport(report: Report): string {
  const { machine } = report;
  const lines = [
    "# Benchmark results",
    "",
    `${report.date.toISOString().slice(0, 16).replace("T", " ")} UTC · ${machine.cores} cores (${machine.cpu}) · ${machine.memoryGiB} GiB · Node ${machine.node} · ${machine.platform}`,
    "",
    report.context,
    "",
  ];
  if (report.goals.length > 0) {
    lines.push("## Goals", "", renderGoals(report.goals), "", "## Every figure", "");
  }
  lines.push(renderTable(report.rows));
  if (report.failures.length > 0) {
    lines.push("", "**Failed:**", "", ...report.failures.map((failure) => `- ${failure}`));
  }
  if (report.notes.length > 0) lines.push("", "## Notes", "", ...report.notes.map((note) => `- ${note}`));
  return `${lines.join("\n")}\n`;
}

export function renderTable(rows: readonly Row[]): string {
  const header = ["Benchmark", "Measure", "Result", "Target", "Runs"];
  const body = rows.map((row) => [
    row.benchmark,
    row.measure,
    row.result,
    row.target ? `${row.target.met ? "✅" : "❌"} ${row.target.text}` : "",
    row.spread ? describeSpread(row.spread) : "",
  ]);
  return [header, header.map(() => "---"), ...body]
    .map((cells) => `| ${cells.map(escapeCell).join(" | ")} |`)
    .join("\n");
}

/** The goals: each figure with the anchor it is read against, both measured in this run. */
export function renderGoals(goals: readonly Goal[]): string {
  const header = ["Figure", "Measured (ours, anchor)", "Result", "Goal", "Runs"];
  const body = goals.map((goal) => [
    goal.figure,
    goal.sides,
    goal.result,
    `${goal.target.met ? "✅" : "❌"} ${goal.target.text}`,
    goal.spread ? describeSpread(goal.spread) : "",
  ]);
  return [header, header.map(() => "---"), ...body]
    .map((cells) => `| ${cells.map(escapeCell).join(" | ")} |`)
    .join("\n");
}

/** The figures as numbers under their dotted keys (`auth.protectedOverCeiling` → `{ auth: { … } }`). */
export function nestFigures(figures: ReadonlyMap<string, number>): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  for (const [key, value] of figures) {
    const parts = key.split(".");
    let node = nested;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts.at(-1) as string] = value;
  }
  return nested;
}

export function describeSpread(summary: Summary): string {
  const runs = `median of ${summary.values.length}`;
  const cv = `CV ${(summary.cv * 100).toFixed(0)}%`;
  return summary.noisy ? `⚠️ noisy: ${runs}, ${cv}` : `${runs}, ${cv}`;
}

function escapeCell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/** `1234.5` → `1,235`; `12.34` → `12.3`: enough digits to compare, no false precision. */
export function formatNumber(value: number): string {
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString("en-US");
  return value.toFixed(1);
}

export function formatMs(value: number): string {
  return `${formatNumber(value)} ms`;
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(0)}%`;
}
