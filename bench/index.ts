/**
 * `npm run bench`: every benchmark against one production server, in this order. See
 * docs/benchmarks.md for what each measures and bench/lib/index.ts for how to add one.
 */
import { exitWithError } from "../scripts/lib/database-url";
import auth from "./auth";
import bundle from "./bundle";
import { runBenchmarks } from "./lib/runner";
import pages from "./pages";
import services from "./services";
import { tenant, webhooks } from "./suites";

runBenchmarks([auth, pages, bundle, webhooks, tenant, services], process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch(exitWithError);
