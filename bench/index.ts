/**
 * `npm run bench`: every benchmark against one production server, in this order. See
 * bench/README.md for what each measures and bench/lib/index.ts for how to add one.
 */
import { runScript } from "../scripts/lib/script-exit";
import auth from "./auth";
import bundle from "./bundle";
import { runBenchmarks } from "./lib/runner";
import pages from "./pages";
import services from "./services";
import { tenant, webhooks } from "./suites";
import tail from "./tail";

runScript(() =>
  runBenchmarks([auth, pages, tail, bundle, webhooks, tenant, services], process.argv.slice(2)),
);
