import { benchmarkRoute, probeResponse } from "@/server/benchmark/auth-probe";

// A cached answer would measure the cache, not the request path.
export const dynamic = "force-dynamic";

export const GET = benchmarkRoute(probeResponse);
