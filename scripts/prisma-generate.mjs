// `prisma generate` (runs on `npm install`). Prisma 7's CLI tries to download its native schema
// engine before every command, which fails offline and in locked-down CI; generating the client
// never needs that engine, so point the CLI at a stand-in. /bin/false, never /bin/true: if anything
// did call it, it must fail loudly rather than pretend to succeed.
import { spawnSync } from "node:child_process";

const result = spawnSync("prisma", ["generate"], {
  stdio: "inherit",
  shell: process.platform === "win32",
  env: {
    ...process.env,
    CHECKPOINT_DISABLE: "1",
    PRISMA_SCHEMA_ENGINE_BINARY:
      process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? (process.platform === "win32" ? "" : "/bin/false"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
