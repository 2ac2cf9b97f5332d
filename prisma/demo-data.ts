/**
 * The demo world of `npm run dev`, and the identities the browser tests sign tokens for.
 * Clerk ids are fixed so a session token minted for `user_demo_alice` in `org_demo_acme` matches rows here.
 */
export const DEMO_SYNCED_AT = new Date("2025-01-01T00:00:00.000Z");

export const demoUsers = [
  { clerkId: "user_demo_alice", email: "alice@acme.example", firstName: "Alice", lastName: "Admin" },
  { clerkId: "user_demo_bob", email: "bob@acme.example", firstName: "Bob", lastName: "Builder" },
  { clerkId: "user_demo_carol", email: "carol@globex.example", firstName: "Carol", lastName: "Chen" },
] as const;

export const demoOrganizations = [
  { clerkId: "org_demo_acme", name: "Acme Inc.", slug: "acme" },
  { clerkId: "org_demo_globex", name: "Globex Corporation", slug: "globex" },
] as const;

type DemoUserId = (typeof demoUsers)[number]["clerkId"];
type DemoOrgId = (typeof demoOrganizations)[number]["clerkId"];

export const demoMemberships: ReadonlyArray<{
  clerkId: string;
  user: DemoUserId;
  org: DemoOrgId;
  role: string;
}> = [
  { clerkId: "orgmem_demo_alice_acme", user: "user_demo_alice", org: "org_demo_acme", role: "org:admin" },
  { clerkId: "orgmem_demo_bob_acme", user: "user_demo_bob", org: "org_demo_acme", role: "org:member" },
  {
    clerkId: "orgmem_demo_alice_globex",
    user: "user_demo_alice",
    org: "org_demo_globex",
    role: "org:member",
  },
  { clerkId: "orgmem_demo_carol_globex", user: "user_demo_carol", org: "org_demo_globex", role: "org:admin" },
];

/**
 * The Clerk Billing plan of each demo organization, as Clerk puts it in session tokens (`pla`, `fea`):
 * Acme pays for Pro, Globex is on the free plan. Same slugs as `server/billing/plans.ts` (a unit test
 * keeps them in step; the seed runs as a plain script and cannot import that server-only table).
 */
export const demoPlans: Readonly<Record<DemoOrgId, { plan: string; features: readonly string[] }>> = {
  org_demo_acme: { plan: "pro", features: ["unlimited_projects", "activity_log", "api_keys"] },
  org_demo_globex: { plan: "free_org", features: [] },
};

/** Demo projects and their tasks, per organization; assignees are members of that organization. */
export const demoProjects: ReadonlyArray<{
  org: DemoOrgId;
  name: string;
  description: string;
  status: "active" | "on_hold" | "completed";
  createdBy: DemoUserId;
  tasks: ReadonlyArray<{ title: string; done?: boolean; assignee?: DemoUserId }>;
}> = [
  {
    org: "org_demo_acme",
    name: "Website relaunch",
    description: "New homepage, faster pages, and a pricing page that answers the questions sales hears.",
    status: "active",
    createdBy: "user_demo_alice",
    tasks: [
      { title: "Draft the new homepage copy", done: true, assignee: "user_demo_bob" },
      { title: "Choose a hosting provider", assignee: "user_demo_alice" },
      { title: "Set up privacy-friendly analytics" },
    ],
  },
  {
    org: "org_demo_acme",
    name: "Customer onboarding checklist",
    description: "What every new customer gets in their first week.",
    status: "on_hold",
    createdBy: "user_demo_bob",
    tasks: [{ title: "Collect the questions support answers most", assignee: "user_demo_bob" }],
  },
  {
    org: "org_demo_globex",
    name: "Supply chain audit",
    description: "Map every supplier and the risks of each.",
    status: "active",
    createdBy: "user_demo_carol",
    tasks: [
      { title: "List tier-one suppliers", done: true, assignee: "user_demo_carol" },
      { title: "Interview the logistics team", assignee: "user_demo_alice" },
    ],
  },
  {
    org: "org_demo_globex",
    name: "Annual report",
    description: "",
    status: "completed",
    createdBy: "user_demo_carol",
    tasks: [],
  },
];
