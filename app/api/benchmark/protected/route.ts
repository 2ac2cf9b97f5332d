import { withOrgContext } from "@/server/auth/responses";
import { benchmarkRoute, probeResponse } from "@/server/benchmark/auth-probe";

// A cached answer would measure the cache, not the request path.
export const dynamic = "force-dynamic";

/** The public route's work behind the same checks every tenant API route makes. */
export const GET = benchmarkRoute(() => withOrgContext(undefined, probeResponse));
