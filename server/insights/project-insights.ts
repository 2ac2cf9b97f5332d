import "server-only";
import { auth } from "@clerk/nextjs/server";
import { z } from "zod";
import { personSchema } from "@/lib/validation/people";
import { env } from "../env";

/**
 * The project page's optional insights card, computed by the Python service (services/python).
 * The app calls it from the server with the visitor's own session token, so the service verifies
 * the same caller and row-level security scopes it to the same organization: the app passes no
 * organization and no trust of its own.
 */

const INSIGHTS_TIMEOUT_MS = 2_000;

const projectInsightsSchema = z.object({
  projectId: z.uuid(),
  byAssignee: z.array(
    z.object({ assignee: personSchema.nullable(), open: z.int().nonnegative(), done: z.int().nonnegative() }),
  ),
  createdByWeek: z.array(z.object({ week: z.iso.date(), created: z.int().nonnegative() })),
});
export type ProjectInsights = z.infer<typeof projectInsightsSchema>;

export type ProjectInsightsResult =
  | { state: "ready"; insights: ProjectInsights }
  /** The service is down, slow or answered something unexpected: the page says so and goes on. */
  | { state: "unavailable" };

/** Null when no insights service is configured (the page shows no card). */
export async function getProjectInsights(projectId: string): Promise<ProjectInsightsResult | null> {
  if (!env.insightsServiceUrl) return null;
  const token = await (await auth()).getToken();
  if (!token) return { state: "unavailable" };
  try {
    const response = await fetch(
      `${env.insightsServiceUrl}/api/v1/projects/${encodeURIComponent(projectId)}/insights`,
      {
        headers: { Authorization: `Bearer ${token}` },
        cache: "no-store",
        signal: AbortSignal.timeout(INSIGHTS_TIMEOUT_MS),
      },
    );
    if (!response.ok) throw new Error(`the insights service answered ${response.status}`);
    return { state: "ready", insights: projectInsightsSchema.parse(await response.json()) };
  } catch (error) {
    console.warn("Project insights unavailable:", error instanceof Error ? error.message : error);
    return { state: "unavailable" };
  }
}
