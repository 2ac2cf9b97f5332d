/**
 * The app calls the Python service from the server with the visitor's own session token, and shows
 * what it computes on the project page — or a readable note when the service is down.
 */
import { describe, expect, it } from "vitest";
import { mintSession } from "../support/clerk-tokens";
import { ALICE, contract, projectIdNamed } from "./support/requests";

/** A top-level page load with Clerk's cookies, as a signed-in browser sends it. */
async function projectPage(baseUrl: string, projectId: string): Promise<{ status: number; html: string }> {
  const { token, issuedAt } = mintSession(contract.jwtPrivateKey, {
    ...ALICE,
    authorizedParty: contract.appOrigin,
  });
  const response = await fetch(`${baseUrl}/orgs/${ALICE.orgSlug}/projects/${projectId}`, {
    headers: {
      Accept: "text/html",
      "Sec-Fetch-Dest": "document",
      Cookie: `__clerk_db_jwt=dvb_contract_test; __session=${token}; __client_uat=${issuedAt}`,
    },
    redirect: "manual",
  });
  return { status: response.status, html: await response.text() };
}

/** The rows of one of the card's tables, as "cell|cell|cell" strings (React's text separators removed). */
function tableRows(html: string, label: string): string[] {
  const table =
    html.match(new RegExp(`<table[^>]*aria-label="${label}"[^>]*>([\\s\\S]*?)</table>`))?.[1] ?? "";
  const body = table.match(/<tbody[^>]*>([\s\S]*?)<\/tbody>/)?.[1] ?? "";
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...(row ?? "").matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)]
      .map(([, cell]) => (cell ?? "").replace(/<!-- -->|<[^>]+>/g, ""))
      .join("|"),
  );
}

describe("the project page's insights card", () => {
  it("shows the Python service's figures, computed for the visitor's own session", async () => {
    const app = contract.backends.find((backend) => backend.name === "next");
    const page = await projectPage(
      app?.baseUrl as string,
      await projectIdNamed(ALICE.orgId, "Website relaunch"),
    );
    expect(page.status).toBe(200);
    // Demo data: one open task for Alice, one done for Bob, one open and unassigned.
    expect(tableRows(page.html, "Tasks by assignee")).toEqual([
      "Alice Admin|1|0",
      "Bob Builder|0|1",
      "Unassigned|1|0",
    ]);
    expect(tableRows(page.html, "Tasks created by week").length).toBeGreaterThan(0);
  });

  it("says insights are unavailable, and shows the rest of the page, when the service is down", async () => {
    const projectId = await projectIdNamed(ALICE.orgId, "Website relaunch");
    const page = await projectPage(contract.appWithInsightsDownUrl, projectId);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Insights are unavailable right now.");
    expect(page.html).toContain('id="tasks-heading"');
  });
});
