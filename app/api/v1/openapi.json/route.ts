import { buildOpenApiDocument } from "@/server/api/openapi";
import { env } from "@/server/env";
import { publicRoute } from "@/server/rate-limit/public-route";

// Public: the document describes the API, it holds no data. Built once per server process.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = publicRoute(() => {
  document ??= buildOpenApiDocument(env.appUrl);
  return Response.json(document, { headers: { "Cache-Control": "public, max-age=300" } });
});
