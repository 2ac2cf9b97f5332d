import { checkHealth } from "@/server/health";
import { publicRoute } from "@/server/rate-limit/public-route";

// Always run: a cached health answer would hide an outage from the load balancer.
export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
});
