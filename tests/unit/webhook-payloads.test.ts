import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  paymentAttemptSnapshotSchema,
  subscriptionItemSnapshotSchema,
  subscriptionSnapshotSchema,
} from "@/server/webhooks/clerk/billing-payloads";
import {
  deletedObjectSchema,
  membershipSnapshotSchema,
  organizationSnapshotSchema,
  primaryEmail,
  userSnapshotSchema,
} from "@/server/webhooks/clerk/payloads";

const FIXTURES = new URL("../fixtures/clerk-webhooks/", import.meta.url);
const allFixtures = readdirSync(FIXTURES, { recursive: true, encoding: "utf8" })
  .filter((path) => path.endsWith(".json"))
  .map((path) => ({ path, event: JSON.parse(readFileSync(new URL(path, FIXTURES), "utf8")) }));

const schemaFor = (type: string) => {
  if (type === "user.deleted" || type === "organization.deleted") return deletedObjectSchema;
  if (type.startsWith("user.")) return userSnapshotSchema;
  if (type.startsWith("organization.")) return organizationSnapshotSchema;
  if (type.startsWith("organizationMembership.")) return membershipSnapshotSchema;
  if (type.startsWith("subscription.")) return subscriptionSnapshotSchema;
  if (type.startsWith("subscriptionItem.")) return subscriptionItemSnapshotSchema;
  if (type.startsWith("paymentAttempt.")) return paymentAttemptSnapshotSchema;
  return null;
};

describe("Clerk payload schemas", () => {
  it.each(
    allFixtures.filter(({ event }) => schemaFor(event.type)).map(({ path, event }) => [path, event] as const),
  )("accepts the public example %s", (_, event) => {
    const schema = schemaFor(event.type);
    expect(schema?.safeParse(event.data).success).toBe(true);
  });

  it("reads an organization payer from Clerk Billing payloads, and a user's own subscription as no organization's", () => {
    const subscription = (payer: unknown) =>
      subscriptionSnapshotSchema.parse({ id: "csub_1", status: "active", updated_at: 1, payer, items: [] });
    expect(subscription({ organization_id: "org_1", organization_name: "Acme" }).payer).toEqual({
      kind: "organization",
      organization: { clerkId: "org_1", name: "Acme", imageUrl: null },
    });
    expect(subscription({ organization_id: "", user_id: "user_1" }).payer).toEqual({ kind: "user" });
  });

  it("reads Clerk's millisecond updated_at as a Date", () => {
    const user = userSnapshotSchema.parse({ id: "user_1", updated_at: 1748751899113 });
    expect(user.clerkUpdatedAt.toISOString()).toBe("2025-06-01T04:24:59.113Z");
  });

  it("refuses a user without an id or an updated_at", () => {
    expect(userSnapshotSchema.safeParse({ updated_at: 1 }).success).toBe(false);
    expect(userSnapshotSchema.safeParse({ id: "user_1" }).success).toBe(false);
  });

  it("refuses a fractional or negative updated_at", () => {
    expect(organizationSnapshotSchema.safeParse({ id: "org_1", name: "A", updated_at: 1.5 }).success).toBe(
      false,
    );
    expect(organizationSnapshotSchema.safeParse({ id: "org_1", name: "A", updated_at: -1 }).success).toBe(
      false,
    );
  });

  it("stores empty names as null rather than empty strings", () => {
    const user = userSnapshotSchema.parse({ id: "user_1", first_name: "", last_name: null, updated_at: 1 });
    expect(user).toMatchObject({ firstName: null, lastName: null });
  });

  it("keeps a membership's identifier as the placeholder's email only when it is an email address", () => {
    const base = {
      id: "orgmem_1",
      role: "org:member",
      updated_at: 1,
      organization: { id: "org_1", name: "Org" },
    };
    const withEmail = membershipSnapshotSchema.parse({
      ...base,
      public_user_data: { user_id: "user_1", identifier: "ada@example.com" },
    });
    const withUsername = membershipSnapshotSchema.parse({
      ...base,
      public_user_data: { user_id: "user_1", identifier: "ada_lovelace" },
    });
    expect(withEmail.user.email).toBe("ada@example.com");
    expect(withUsername.user.email).toBeNull();
  });

  it("refuses a deletion that is not marked deleted", () => {
    expect(deletedObjectSchema.safeParse({ id: "user_1", deleted: false }).success).toBe(false);
  });
});

describe("primaryEmail", () => {
  const addresses = [
    { id: "idn_a", email_address: "first@example.com" },
    { id: "idn_b", email_address: "primary@example.com" },
  ];

  it("takes the address whose id is primary_email_address_id, not the first one", () => {
    expect(primaryEmail(addresses, "idn_b")).toBe("primary@example.com");
  });

  it("is null when no primary is set or the primary is not in the list", () => {
    expect(primaryEmail(addresses, null)).toBeNull();
    expect(primaryEmail(addresses, "idn_missing")).toBeNull();
  });
});
