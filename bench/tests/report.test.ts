import { describe, expect, it } from "vitest";
import { formatKb, formatNumber, nestFigures, renderReport, renderTable } from "../lib/report";
import { medianOf } from "../lib/stats";

const machine = { cores: 2, cpu: "Test CPU", memoryGiB: 24, node: "v20.20.2", platform: "Linux 6" };

describe("the results table", () => {
  it("shows each row's verdict, target and how many runs agreed how well", () => {
    const table = renderTable([
      {
        benchmark: "Auth overhead",
        measure: "protected ÷ public throughput",
        result: "91%",
        target: { text: "≥ 85%", met: true },
        spread: medianOf([0.9, 0.91, 0.92]),
      },
      {
        benchmark: "Signed-in page",
        measure: "p50 / p95",
        result: "20 ms / 80 ms",
        target: { text: "p95 < 60 ms", met: false },
        spread: medianOf([60, 80, 100]),
      },
    ]);
    const [header, rule, met, missed] = table.split("\n");
    expect(header).toBe("| Benchmark | Measure | Result | Target | Runs |");
    expect(rule).toBe("| --- | --- | --- | --- | --- |");
    expect(met).toBe(
      "| Auth overhead | protected ÷ public throughput | 91% | ✅ ≥ 85% | median of 3, CV 1% |",
    );
    expect(missed).toBe(
      "| Signed-in page | p50 / p95 | 20 ms / 80 ms | ❌ p95 < 60 ms | ⚠️ noisy: median of 3, CV 25% |",
    );
  });

  it("keeps a cell that contains a pipe or a line break inside its column", () => {
    const table = renderTable([{ benchmark: "B", measure: "a | b\nc", result: "1" }]);
    expect(table.split("\n")[2]).toBe("| B | a \\| b c | 1 |  |  |");
  });

  it("heads the report with the machine, the Node.js version and the date", () => {
    const report = renderReport({
      goals: [],
      rows: [],
      notes: ["The dashboard's p95 misses its target."],
      failures: ["pages: no response"],
      machine,
      date: new Date("2026-11-22T10:30:00Z"),
      context: "`npm run bench` at commit abc1234.",
    });
    expect(report).toContain("2026-11-22 10:30 UTC · 2 cores (Test CPU) · 24 GiB · Node v20.20.2");
    expect(report).toContain("- pages: no response");
    expect(report).toContain("## Notes\n\n- The dashboard's p95 misses its target.");
  });
});

describe("the goals", () => {
  it("head the report, each figure beside the anchor it is read against", () => {
    const report = renderReport({
      goals: [
        {
          key: "auth.protectedOverCeiling",
          figure: "protected API route ÷ its no-middleware ceiling",
          sides: "300 ÷ 600 req/s",
          value: 0.5,
          result: "0.50",
          target: { text: "≥ 0.50", met: true },
          spread: medianOf([0.5, 0.48, 0.52]),
        },
      ],
      rows: [{ benchmark: "Auth overhead", measure: "requests/s", result: "300" }],
      notes: [],
      failures: [],
      machine,
      date: new Date("2026-11-30T12:00:00Z"),
      context: "`npm run bench` at commit abc1234.",
    });
    const goals = report.indexOf("## Goals");
    expect(goals).toBeGreaterThan(0);
    expect(report.indexOf("| Auth overhead | requests/s")).toBeGreaterThan(goals);
    expect(report).toContain(
      "| protected API route ÷ its no-middleware ceiling | 300 ÷ 600 req/s | 0.50 | ✅ ≥ 0.50 | median of 3, CV 4% |",
    );
  });

  it("go to results.json as numbers under their dotted keys", () => {
    const figures = new Map([
      ["auth.protectedOverCeiling", 0.5],
      ["bundle.landingKb", 133.1],
      ["bundle.barePageKb", 132.6],
    ]);
    expect(nestFigures(figures)).toEqual({
      auth: { protectedOverCeiling: 0.5 },
      bundle: { landingKb: 133.1, barePageKb: 132.6 },
    });
  });
});

describe("number formats", () => {
  it("rounds large figures to whole numbers and keeps one decimal for small ones", () => {
    expect(formatNumber(1234.56)).toBe("1,235");
    expect(formatNumber(12.345)).toBe("12.3");
  });

  it("counts kilobytes as Next.js does, in thousands of bytes", () => {
    expect(formatKb(120_000)).toBe("120.0 kB");
  });
});
