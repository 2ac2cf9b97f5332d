/**
 * The app's main pages, each with who opens it: what the accessibility test checks and the
 * screenshots show. A page added to the product that people use every day belongs here.
 */
import type { Page } from "playwright-core";
import { cliAuthorizePath } from "@/lib/cli-protocol";
import { projectSchema } from "@/lib/validation/projects";
import type { BrowserIdentity } from "./browser";
import { request } from "./http";
import { identities } from "./identities";

export interface MainPage {
  name: string;
  /** A path, or one built from the id of the demo project "Website relaunch". */
  path: string | ((projectId: string) => string);
  as: BrowserIdentity | null;
}

const admin = identities.aliceInAcme;

/** What `orgs login` opens: a well-formed request (nothing listens on the port; the page is only looked at). */
const CLI_AUTHORIZE_EXAMPLE = cliAuthorizePath({
  state: "a".repeat(43),
  code_challenge: "b".repeat(43),
  code_challenge_method: "S256",
  port: 49_152,
  device: "build-laptop",
});

export const MAIN_PAGES: MainPage[] = [
  { name: "landing", path: "/", as: null },
  { name: "sign-in", path: "/sign-in", as: null },
  { name: "setup", path: "/setup", as: null },
  { name: "choose-organization", path: "/orgs", as: identities.aliceWithoutOrganization },
  { name: "dashboard", path: "/orgs/acme", as: admin },
  { name: "projects", path: "/orgs/acme/projects", as: admin },
  { name: "project", path: (id) => `/orgs/acme/projects/${id}`, as: admin },
  { name: "project-new", path: "/orgs/acme/projects/new", as: admin },
  { name: "project-edit", path: (id) => `/orgs/acme/projects/${id}/edit`, as: admin },
  { name: "activity", path: "/orgs/acme/activity", as: admin },
  { name: "activity-upgrade", path: "/orgs/globex/activity", as: identities.carolInGlobex },
  { name: "settings", path: "/orgs/acme/settings", as: admin },
  { name: "api-keys", path: "/orgs/acme/api-keys", as: admin },
  { name: "billing", path: "/orgs/acme/billing", as: admin },
  { name: "cli-authorize", path: CLI_AUTHORIZE_EXAMPLE, as: admin },
  { name: "platform-admin", path: "/admin", as: identities.platformAdmin },
  { name: "webhook-deliveries", path: "/admin/webhooks", as: identities.platformAdmin },
  { name: "payment-attempts", path: "/admin/billing", as: identities.platformAdmin },
  { name: "not-found", path: "/orgs/acme/projects/00000000-0000-7000-8000-000000000000", as: admin },
];

/** The demo project the project pages show. */
export async function demoProjectId(): Promise<string> {
  const name = "Website relaunch";
  const response = await request(`/api/v1/projects?q=${encodeURIComponent(name)}`, { session: admin });
  const { data } = (await response.json()) as { data: unknown[] };
  const project = data.map((item) => projectSchema.parse(item)).find((candidate) => candidate.name === name);
  if (!project) throw new Error(`the demo data has no project named ${name}`);
  return project.id;
}

export function pathOf(page: MainPage, projectId: string): string {
  return typeof page.path === "string" ? page.path : page.path(projectId);
}

/**
 * Resolves once React has hydrated the page: the theme toggle, in every layout, gets its pressed
 * state only after hydration. Before that, keys and clicks reach server-rendered HTML only.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.locator("button[aria-pressed]").first().waitFor();
}

/**
 * Resolves once every list that streams in behind a skeleton (`components/list-skeleton.tsx`) has
 * replaced it. React reveals streamed sections after the load event, so a check run right after
 * `goto` would otherwise look at the skeletons.
 */
export async function streamedIn(page: Page): Promise<void> {
  await page.locator('[aria-busy="true"]').first().waitFor({ state: "detached" });
}
