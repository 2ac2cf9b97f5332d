/**
 * `npm run api:generate`: regenerates lib/api-client/schema.ts from the zod schemas, through the
 * OpenAPI document. Run it after changing a schema or a route's description in server/api/openapi.ts;
 * tests/unit/api-client.test.ts fails while the committed file is stale.
 */
import { writeFile } from "node:fs/promises";
import { register } from "node:module";

// `server-only` throws outside React's server build. The react-server condition that silences it
// would also hand next/navigation (which server/data/errors.ts imports) a React without
// createContext, so this process points `server-only` at its empty module, as vitest.config.ts does.
const emptyModule = new URL("../node_modules/server-only/empty.js", import.meta.url).href;
const hook = `export const resolve = (specifier, context, next) =>
  specifier === "server-only" ? { url: ${JSON.stringify(emptyModule)}, shortCircuit: true } : next(specifier, context);`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

const { API_CLIENT_SCHEMA_PATH, renderApiClientSchema } = await import("./lib/api-client-schema");
try {
  await writeFile(API_CLIENT_SCHEMA_PATH, await renderApiClientSchema());
  console.log(`Wrote ${API_CLIENT_SCHEMA_PATH}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
