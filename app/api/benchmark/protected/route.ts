import { apiRoute } from "@/server/api/route";
import { benchmarkRoute, probeResponse } from "@/server/benchmark/auth-probe";

// A cached answer would measure the cache, not the request path.
export const dynamic = "force-dynamic";

const probe = apiRoute(probeResponse);

/** The public route's work behind the same checks every tenant API route makes (`apiRoute`). */
export const GET = (request: Request) =>
  benchmarkRoute(() => probe(request, { params: Promise.resolve({}) }))();
