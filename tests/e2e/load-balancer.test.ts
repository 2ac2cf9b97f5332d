/**
 * The app is stateless: two `next start` instances of the run's one build, behind HAProxy
 * (round-robin), serve a signed-in browser's server actions and Clerk's webhooks as one app does,
 * with consecutive requests landing on different instances. The instances share one database (their
 * own, made for this file) and one NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, as a deployment's would.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed";
import { findFreePort } from "../../scripts/lib/embedded-postgres";
import { deployMigrationsInChildProcess } from "../support/deploy-migrations";
import { type RunningLoadBalancer, SERVED_BY_HEADER, startLoadBalancer } from "../support/haproxy";
import { type RunningServer, startNextServer } from "../support/next-server";
import { readSyncedTables, withClient } from "../support/synced-tables";
import { databaseUrl, uniqueDatabaseName, withAdminClient } from "../support/test-database";
import { assertConvergence } from "../support/webhook-convergence";
import { postSignedDelivery } from "../support/webhook-http";
import { launchChromium, newAppContext, newAppPage, signIn } from "./support/browser";
import { e2eContext } from "./support/e2e-context";
import { identities } from "./support/identities";

const INSTANCES = ["app-1", "app-2"] as const;
const database = uniqueDatabaseName("load_balanced");
let ownerUrl = "";
let servers: RunningServer[] = [];
let balancer: RunningLoadBalancer | undefined;

const servedBy = (headers: Headers | Record<string, string>): string | null =>
  (headers instanceof Headers ? headers.get(SERVED_BY_HEADER) : headers[SERVED_BY_HEADER]) ?? null;

beforeAll(async () => {
  const { appEnv, ownerDatabaseUrl, outputDir } = e2eContext();
  await withAdminClient(ownerDatabaseUrl, (client) => client.query(`CREATE DATABASE "${database}"`));
  ownerUrl = databaseUrl(ownerDatabaseUrl, database);
  await deployMigrationsInChildProcess(ownerUrl);
  await seedDatabase(ownerUrl);

  const balancerPort = await findFreePort();
  const ports = [await findFreePort(), await findFreePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...appEnv,
    DATABASE_URL: databaseUrl(appEnv.DATABASE_URL as string, database),
    // Browsers and Clerk's tokens know the load balancer's address, never an instance's.
    APP_URL: `http://localhost:${balancerPort}`,
    // One key for every instance, as docs/deploying.md asks of a deployment: what one instance encrypts
    // into a form (an inline action's closure), the other must decrypt.
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  const started = await Promise.allSettled(
    ports.map((port, index) =>
      startNextServer({ env, port, logFile: path.join(outputDir, `load-balanced-${INSTANCES[index]}.log`) }),
    ),
  );
  // Whatever started is stopped by afterAll, even when its twin did not start.
  servers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failure = started.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
  balancer = await startLoadBalancer({
    port: balancerPort,
    instances: Object.fromEntries(INSTANCES.map((name, index) => [name, ports[index] as number])),
    logFile: path.join(outputDir, "haproxy.log"),
  });
}, 120_000);

afterAll(async () => {
  await balancer?.stop();
  await Promise.all(servers.map((server) => server.stop()));
  await withAdminClient(e2eContext().ownerDatabaseUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
  );
});

function balancerUrl(): string {
  if (!balancer) throw new Error("the load balancer is not running");
  return balancer.baseUrl;
}

/** Which instance answers a plain request through the load balancer. */
async function probe(): Promise<string | null> {
  const response = await fetch(new URL("/api/health", balancerUrl()));
  await response.body?.cancel();
  return servedBy(response.headers);
}

/**
 * Round-robin alternates, so once a probe lands on `instance`, the browser's next request goes to the
 * other one: the server action then runs on an instance that did not render its form.
 */
async function sendNextRequestAwayFrom(page: Page, instance: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  for (let step = 0; step < INSTANCES.length; step += 1) {
    if ((await probe()) === instance) return;
  }
  throw new Error(`no request through the load balancer landed on ${instance}`);
}

/**
 * Loads `pagePath`, fills its form, and clicks `button` — and, for a destructive action, the
 * confirmation dialog's `confirm` button — so that the server action runs on the other instance;
 * returns which instance rendered the form and which ran the action.
 */
async function submitOnTheOtherInstance(
  page: Page,
  pagePath: string,
  button: string,
  { fill = async () => {}, confirm }: { fill?: () => Promise<void>; confirm?: string } = {},
) {
  const pageResponse = await page.goto(pagePath);
  const renderedBy = pageResponse && servedBy(pageResponse.headers());
  if (!renderedBy) throw new Error(`${pagePath} came without ${SERVED_BY_HEADER}`);
  await fill();
  let submit = page.getByRole("button", { name: button });
  if (confirm) {
    // The dialog opens first (its code may load through the balancer too), then the next request is aimed.
    await submit.click();
    submit = page.getByRole("alertdialog").getByRole("button", { name: confirm });
    await submit.waitFor();
  }
  await sendNextRequestAwayFrom(page, renderedBy);
  const [action] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST"),
    submit.click(),
  ]);
  return { renderedBy, ranOn: servedBy(action.headers()) };
}

const projectRow = (id: string) =>
  withClient(ownerUrl, async (client) => {
    const { rows } = await client.query("SELECT name, status FROM projects WHERE id = $1", [id]);
    return rows[0] ?? null;
  });

describe("two instances behind a round-robin load balancer", () => {
  it("sends consecutive requests to different instances", async () => {
    const answers: Array<string | null> = [];
    for (let request = 0; request < 6; request += 1) answers.push(await probe());
    expect(new Set(answers)).toEqual(new Set(INSTANCES));
    for (let index = 1; index < answers.length; index += 1)
      expect(answers[index]).not.toBe(answers[index - 1]);
  });

  it("creates, edits and deletes a project in a signed-in browser, each action on the instance that did not render its form", async () => {
    const browser = await launchChromium();
    try {
      const context = await newAppContext(browser, balancerUrl());
      await signIn(context, identities.aliceInAcme);
      const page = await newAppPage(context);

      const created = await submitOnTheOtherInstance(page, "/orgs/acme/projects/new", "Create project", {
        fill: () => page.getByLabel("Name", { exact: true }).fill("Load balanced"),
      });
      expect(created.ranOn).not.toBe(created.renderedBy);
      await page.waitForURL(/\/orgs\/acme\/projects\/[0-9a-f-]{36}$/);
      const projectPath = new URL(page.url()).pathname;
      const projectId = projectPath.split("/").pop() as string;
      expect(await projectRow(projectId)).toEqual({ name: "Load balanced", status: "active" });

      const edited = await submitOnTheOtherInstance(page, `${projectPath}/edit`, "Save changes", {
        fill: () => page.getByLabel("Name", { exact: true }).fill("Load balanced, edited"),
      });
      expect(edited.ranOn).not.toBe(edited.renderedBy);
      await page.waitForURL((url) => url.pathname === projectPath);
      expect(await projectRow(projectId)).toMatchObject({ name: "Load balanced, edited" });

      const deleted = await submitOnTheOtherInstance(page, projectPath, "Delete project", {
        confirm: "Delete project",
      });
      expect(deleted.ranOn).not.toBe(deleted.renderedBy);
      await page.waitForURL((url) => url.pathname === "/orgs/acme/projects");
      expect(await projectRow(projectId)).toBeNull();
    } finally {
      await browser.close();
    }
  });

  // Last in the file: it empties the synced tables (and what hangs off them) between delivery orders.
  it("converges for 9 delivery orders with duplicates sent over HTTP, alternating between the instances", async () => {
    const { webhookSigningSecret } = e2eContext();
    const answeredBy: Array<string | null> = [];
    const orders = await assertConvergence(
      {
        async deliver(event) {
          const result = await postSignedDelivery(balancerUrl(), event.body, {
            svixId: event.svixId,
            secret: webhookSigningSecret,
          });
          answeredBy.push(servedBy(result.headers));
          return result;
        },
        clear: () =>
          withClient(ownerUrl, (client) =>
            client.query("TRUNCATE memberships, users, organizations, webhook_events CASCADE"),
          ).then(() => undefined),
        read: () => readSyncedTables(ownerUrl),
      },
      { histories: 3, schedulesPerHistory: 3, eventsPerHistory: 16, seed: 20261130 },
    );
    expect(orders).toBe(9);
    for (let index = 1; index < answeredBy.length; index += 1) {
      expect(answeredBy[index]).not.toBe(answeredBy[index - 1]);
    }
  }, 180_000);
});
