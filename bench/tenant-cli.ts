/**
 * `tsx bench/tenant-cli.ts`: the tenant benchmark on its own (bench/tenant.ts), with a build of its
 * own, printed as a fuller table than `npm run bench` shows.
 *
 * Options (env): BENCH_DURATION_MS (default 15000 per scenario), BENCH_CONCURRENCY (32).
 */
import { runTenantBench, type TenantBenchRow } from "./tenant";

export function formatTenantBench(rows: TenantBenchRow[]): string {
  const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "—");
  const lines = [
    "| scenario | organizations | projects | requests | errors | p50 ms | p95 ms | p99 ms | req/s |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (row) =>
        `| ${row.scenario} | ${row.organizations} | ${row.projects} | ${row.requests} | ${row.errors} | ${fixed(row.p50Ms)} | ${fixed(row.p95Ms)} | ${fixed(row.p99Ms)} | ${fixed(row.requestsPerSecond)} |`,
    ),
  ];
  const scenarios = [...new Set(rows.map((row) => row.scenario))];
  const counts = [...new Set(rows.map((row) => row.organizations))].sort((a, b) => b - a);
  if (counts.length >= 2) {
    const [many, few] = counts as [number, number];
    lines.push(
      "",
      `| scenario | p50 ratio ${many}/${few} orgs | p95 ratio ${many}/${few} orgs | p95 < 50 ms | ratio ≤ 1.3 |`,
    );
    lines.push("|---|---:|---:|---|---|");
    for (const scenario of scenarios) {
      const a = rows.find((row) => row.scenario === scenario && row.organizations === many);
      const b = rows.find((row) => row.scenario === scenario && row.organizations === few);
      if (!a || !b) continue;
      const ratio = a.p95Ms / b.p95Ms;
      const yes = (ok: boolean) => (ok ? "yes" : "no");
      lines.push(
        `| ${scenario} | ${(a.p50Ms / b.p50Ms).toFixed(2)} | ${ratio.toFixed(2)} | ${yes(Math.max(a.p95Ms, b.p95Ms) < 50)} | ${yes(ratio <= 1.3)} |`,
      );
    }
  }
  return lines.join("\n");
}

runTenantBench({
  durationMs: Number(process.env.BENCH_DURATION_MS ?? 15_000),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 32),
})
  .then((rows) => {
    console.log(`\n${formatTenantBench(rows)}\n`);
    console.log(
      "Numbers are from this machine under whatever else it is running: compare the rows side by side.",
    );
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
