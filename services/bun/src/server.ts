/** Entry point: `bun src/server.ts` (from services/bun), configured by the environment. */

import { createApp } from "./app";
import { authenticator } from "./caller";
import { configFromEnv } from "./config";
import { createPool } from "./tenant";

const config = configFromEnv();
const app = createApp({
  authorizedParties: config.authorizedParties,
  authenticate: authenticator(config),
  pool: createPool(config.databaseUrl),
});

export default { port: config.port, hostname: "localhost", fetch: app.fetch };
console.log(`projects service listening on http://localhost:${config.port}`);
