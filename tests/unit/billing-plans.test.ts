import { describe, expect, it } from "vitest";
import { demoPlans } from "@/prisma/demo-data";
import { DEFAULT_PLAN_SLUG, FEATURES, featuresOfPlan, PLANS, planUnlocking } from "@/server/billing/plans";

describe("the plans table", () => {
  it("gives the default plan, which every organization starts on, no paid feature", () => {
    expect(featuresOfPlan(DEFAULT_PLAN_SLUG)).toEqual([]);
  });

  it("lets a plan slug it does not know unlock nothing", () => {
    expect(featuresOfPlan("enterprise-from-the-dashboard")).toEqual([]);
    expect(featuresOfPlan(null)).toEqual([]);
  });

  it("has a plan that unlocks each feature, so every upgrade notice points somewhere", () => {
    for (const feature of FEATURES) expect(planUnlocking(feature)?.slug).toBe("pro");
  });

  it("names the demo world's plans and features as the table does (the seed cannot import it)", () => {
    for (const { plan, features } of Object.values(demoPlans)) {
      expect(PLANS.map((known) => known.slug)).toContain(plan);
      expect([...features].sort()).toEqual([...featuresOfPlan(plan)].sort());
    }
  });
});
