/**
 * What the REST API test files (tests/integration/api-v1-*.test.ts) share: the demo callers, a fresh
 * demo tenant without projects, a project created through the API, and an error body in its one shape.
 * Import `./app-clerk-env` first in the test file, so the app reads this run's Clerk keys.
 */
import { expect } from "vitest";
import { apiErrorSchema } from "@/lib/validation/api-error";
import { projectSchema } from "@/lib/validation/projects";
import { seedDemoData } from "@/prisma/seed";
import { db } from "@/server/db";
import { apiCall } from "./api-routes";
import { withOwnerClient } from "./owner-db";
import { authorizationFor, callers } from "./tenant-callers";

export const asAlice = authorizationFor(callers.aliceAdminOfAcme);
export const asBob = authorizationFor(callers.bobMemberOfAcme);

export async function resetDemoTenant() {
  await seedDemoData(db);
  await withOwnerClient((client) => client.query("TRUNCATE projects, tasks, audit_events"));
}

export async function createViaApi(name: string, headers = asAlice) {
  const response = await apiCall("POST", "/projects", { headers, body: { name } });
  expect(response.status).toBe(201);
  return projectSchema.parse(await response.json());
}

export async function errorOf(response: Response) {
  return apiErrorSchema.parse(await response.json()).error;
}
