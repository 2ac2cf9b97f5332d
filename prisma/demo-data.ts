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
