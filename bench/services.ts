/**
 * Other backends: the authenticated `GET /api/v1/projects` of the Python, Go and Bun services
 * (services/) beside the Next.js app's — same database, same session token, same RLS-bound role,
 * runs interleaved. Not measured (a note says which toolchain is missing) on a machine with only
 * Node.js, like `npm run test:services`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort } from "../scripts/lib/embedded-postgres";
import { servicesLoginUrl } from "../services/shared/services-login";
import {
  buildServices,
  SERVICE_NAMES,
  serviceEnvironment,
  startProjectsService,
} from "../tests/contract/support/projects-services";
import type { RunningService } from "../tests/contract/support/service-process";
import { missingToolchains } from "../tests/contract/support/toolchains";
import { OUTPUT_DIR } from "./lib/app";
import { expectResponse } from "./lib/check";
import { formatNumber, formatPercent } from "./lib/report";
import { measureScenarios } from "./lib/scenarios";
import { DEMO_ADMIN } from "./lib/sessions";
import { medianLatencies, noisiest } from "./lib/summaries";
import type { Benchmark, Row } from "./lib/types";

const PATH = "/api/v1/projects";
const CONNECTIONS = 10;
const NAME = "Other backends";

const services: Benchmark = {
  name: "services",
  async run(ctx) {
    const missing = missingToolchains();
    if (missing.length > 0) {
      ctx.note(`${NAME}: not measured; missing ${missing.join("; ")}.`);
      return [];
    }
    const binDir = mkdtempSync(path.join(tmpdir(), "bench-services-"));
    const running: RunningService[] = [];
    try {
      await buildServices(binDir);
      const env = serviceEnvironment({
        keys: ctx.app.sessions.keys,
        authorizedParty: ctx.app.baseUrl,
        databaseUrl: await servicesLoginUrl(ctx.app.databaseUrl, "services_bench"),
      });
      const backends = [{ name: "next", baseUrl: ctx.app.baseUrl }];
      for (const name of SERVICE_NAMES) {
        ctx.log(`starting services/${name}`);
        const logFile = path.join(OUTPUT_DIR, `service-${name}.log`);
        const service = await startProjectsService(name, {
          binDir,
          port: await findFreePort(),
          env,
          logFile,
        });
        running.push(service);
        backends.push({ name, baseUrl: service.baseUrl });
      }
      const bearer = ctx.app.sessions.bearerHeaders(DEMO_ADMIN);
      for (const { baseUrl } of backends) {
        await expectResponse(`${baseUrl}${PATH}`, bearer, { status: 200, bodyIncludes: ['"data":['] });
      }
      const results = await measureScenarios(
        ctx,
        backends.map(({ name, baseUrl }) => ({
          name: `services: ${name}`,
          load: { url: baseUrl, requests: [{ path: PATH, headers: bearer }], connections: CONNECTIONS },
        })),
      );
      const app = results[0];
      if (!app) throw new Error("the Next.js app must have been measured");
      return results.flatMap((result, i): Row[] => [
        {
          benchmark: NAME,
          measure: `${backends[i]?.name}: authenticated GET ${PATH} (${CONNECTIONS} connections): requests/s${i ? ", × the app's" : ""}`,
          result: `${formatNumber(result.requestsPerSecond.median)}${i ? `, ${formatPercent(result.requestsPerSecond.median / app.requestsPerSecond.median)}` : ""}`,
          spread: result.requestsPerSecond,
        },
        {
          benchmark: NAME,
          measure: `${backends[i]?.name}: p50 / p99`,
          result: medianLatencies(result.p50, result.p99),
          spread: noisiest(result.p50, result.p99),
        },
      ]);
    } finally {
      for (const service of running) await service.stop();
      rmSync(binDir, { recursive: true, force: true });
    }
  },
};

export default services;
