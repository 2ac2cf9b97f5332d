import { buildOpenApiDocument } from "@/server/api/openapi";
import { env } from "@/server/env";

// Public: the document describes the API, it holds no data. Built once per server process.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export function GET() {
  document ??= buildOpenApiDocument(env.appUrl);
  return Response.json(document, { headers: { "Cache-Control": "public, max-age=300" } });
}
