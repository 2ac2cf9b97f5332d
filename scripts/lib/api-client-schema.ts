import openapiTS, { astToString } from "openapi-typescript";
import { buildOpenApiDocument } from "@/server/api/openapi";

/** Where the generated types live; `npm run api:generate` writes it, a unit test compares it. */
export const API_CLIENT_SCHEMA_PATH = "lib/api-client/schema.ts";

const HEADER = `/**
 * Generated from the OpenAPI document of /api/v1 (server/api/openapi.ts) by openapi-typescript.
 * Do not edit: change the zod schemas or the document, then run \`npm run api:generate\`.
 */

`;

/**
 * The TypeScript types of the API, rendered from the same document the app serves at
 * /api/v1/openapi.json. Deterministic, so a test can regenerate it and compare with the committed file.
 */
export async function renderApiClientSchema(): Promise<string> {
  // The server URL only fills `servers`, which the types do not use.
  const document = buildOpenApiDocument("https://app.example.com");
  const nodes = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], {
    // Fields with a default are optional in request bodies; the default applies on the server.
    defaultNonNullable: false,
    silent: true,
  });
  return HEADER + astToString(nodes);
}
