import { describe, expect, it } from "vitest";
import { medianOf, NOISY_CV, percentile } from "../lib/stats";

describe("medianOf", () => {
  it("takes the middle run of an odd number, whatever order they ran in", () => {
    expect(medianOf([30, 10, 20]).median).toBe(20);
  });

  it("averages the two middle runs of an even number", () => {
    expect(medianOf([10, 40, 20, 30]).median).toBe(25);
  });

  it("keeps the runs in the order they ran", () => {
    expect(medianOf([3, 1, 2]).values).toEqual([3, 1, 2]);
  });

  it("reports the coefficient of variation with the sample standard deviation", () => {
    // mean 100, sample variance ((−10)² + 0 + 10²) / 2 = 100, so sd 10 and CV 10%.
    expect(medianOf([90, 100, 110]).cv).toBeCloseTo(0.1, 10);
  });

  it("calls runs noisy only when they disagree by more than 10%", () => {
    expect(NOISY_CV).toBe(0.1);
    expect(medianOf([98, 100, 102]).noisy).toBe(false);
    expect(medianOf([70, 100, 130]).noisy).toBe(true);
  });

  it("does not call a single run noisy, and refuses no runs at all", () => {
    expect(medianOf([42])).toMatchObject({ median: 42, cv: 0, noisy: false });
    expect(() => medianOf([])).toThrow(/at least one run/);
  });
});

describe("percentile", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it("is the smallest value that the given share of values does not exceed (nearest rank)", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });

  it("rounds the rank up on small samples, so p95 of 10 values is the largest", () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 95)).toBe(10);
    expect(percentile(ten, 50)).toBe(5);
    expect(percentile(ten, 0)).toBe(1);
  });

  it("takes the values in any order, without reordering the caller's array", () => {
    const shuffled = [7, 1, 10, 4, 2, 9, 3, 8, 6, 5];
    expect(percentile(shuffled, 50)).toBe(5);
    expect(percentile(shuffled, 95)).toBe(10);
    expect(shuffled[0]).toBe(7);
  });

  it("refuses an empty sample and a percentile outside 0–100", () => {
    expect(() => percentile([], 50)).toThrow(/no values/);
    expect(() => percentile([1], 101)).toThrow(/0–100/);
  });
});
