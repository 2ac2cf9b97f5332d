import { describe, expect, it } from "vitest";
import { parseRunOptions, UsageError } from "../lib/runner";
import type { Benchmark } from "../lib/types";

const benchmark = (name: string): Benchmark => ({ name, run: async () => [] });
const all = [benchmark("auth"), benchmark("pages"), benchmark("bundle")];

describe("npm run bench options", () => {
  it("runs every benchmark, 3 measured runs of 10 s after a warm-up, by default", () => {
    const options = parseRunOptions([], all);
    expect(options.selected.map((b) => b.name)).toEqual(["auth", "pages", "bundle"]);
    expect(options).toMatchObject({ smoke: false, plan: { runs: 3, durationSeconds: 10, warmupSeconds: 5 } });
  });

  it("--smoke keeps 3 runs but makes each a few requests per connection, with no warm-up", () => {
    const { smoke, plan } = parseRunOptions(["--smoke"], all);
    expect(smoke).toBe(true);
    expect(plan).toMatchObject({ runs: 3, warmupSeconds: 0, requestsPerConnection: 5 });
  });

  it("--only picks benchmarks by name, in the suite's order", () => {
    expect(parseRunOptions(["--only", "bundle,auth"], all).selected.map((b) => b.name)).toEqual([
      "auth",
      "bundle",
    ]);
  });

  it("names the benchmarks to choose from when --only names an unknown one", () => {
    expect(() => parseRunOptions(["--only", "webhook"], all)).toThrow(
      new UsageError("Unknown benchmark webhook: choose from auth, pages, bundle"),
    );
  });

  it("refuses fewer than 3 runs for figures that claim to be medians", () => {
    expect(() => parseRunOptions(["--runs", "2"], all)).toThrow(/at least 3/);
    expect(parseRunOptions(["--runs", "5", "--duration", "20"], all).plan).toMatchObject({
      runs: 5,
      durationSeconds: 20,
    });
  });

  it("refuses a run count or duration that is not a whole number, and unknown flags", () => {
    expect(() => parseRunOptions(["--duration", "0.5"], all)).toThrow(/--duration must be a whole number/);
    expect(() => parseRunOptions(["--fast"], all)).toThrow(/--fast/);
  });
});
