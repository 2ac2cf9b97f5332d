/**
 * A small simulated Clerk: it performs random but realistic operations (sign-ups, profile edits,
 * organizations created, renamed, re-slugged and deleted, members added, promoted, removed and
 * re-added, users deleted) and emits the webhooks Clerk would, in the order Clerk would.
 * It also knows the truth (./clerk-history-state.ts): what the synced tables must hold once every
 * event has been applied.
 * Used by the convergence property test and by the benchmark.
 */

import {
  expectedTables,
  membershipJson,
  orgJson,
  type SimMembership,
  type SimOrg,
  type SimUser,
  type SyncedTables,
  userJson,
} from "./clerk-history-state";

// The tables' shape and order are part of what callers import from here.
export { type SyncedTables, sortTables } from "./clerk-history-state";

/** One webhook as Svix would deliver it: its message id and the exact body bytes. */
export interface HistoryEvent {
  svixId: string;
  type: string;
  body: string;
}

export interface History {
  events: HistoryEvent[];
  expected: SyncedTables;
}

const FIRST = ["Ada", "Grace", "Alan", "Linus", "Barbara", "Ken", null];
const LAST = ["Lovelace", "Hopper", "Turing", "Torvalds", "Liskov", "Thompson", null];
const ORG_NAMES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark"];
// A small pool on purpose: slugs get freed and taken again, which is where ordering bugs hide.
const SLUGS = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne"];
const ROLES = ["org:admin", "org:member", "org:billing_manager"];

/** A deterministic PRNG (mulberry32): the same seed replays the same history. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function simulateClerkHistory(seed: number, steps: number, idPrefix = ""): History {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const users: SimUser[] = [];
  const orgs: SimOrg[] = [];
  const memberships: SimMembership[] = [];
  const events: HistoryEvent[] = [];
  let clock = 1_735_689_600_000;
  let serial = 0;
  const tick = () => {
    clock += 1 + Math.floor(random() * 900);
    return clock;
  };
  const id = (prefix: string) => `${prefix}_${idPrefix}${(++serial).toString(36).padStart(4, "0")}`;
  const emit = (type: string, data: unknown) =>
    events.push({
      svixId: `msg_${idPrefix}${events.length.toString(36).padStart(5, "0")}_${seed}`,
      type,
      body: JSON.stringify({ data, object: "event", type, timestamp: clock, instance_id: "ins_sim" }),
    });

  const liveUsers = () => users.filter((user) => !user.deleted);
  const liveOrgs = () => orgs.filter((org) => !org.deleted);
  const liveMemberships = () => memberships.filter((membership) => !membership.deleted);
  const freeSlug = () => {
    const taken = new Set(liveOrgs().map((org) => org.slug));
    const free = SLUGS.filter((slug) => !taken.has(slug));
    return free.length ? pick(free) : id("team");
  };
  const endMembership = (membership: SimMembership) => {
    membership.deleted = true;
    // Whether Clerk bumps `updated_at` on removal, and whether it sends a removal for each membership
    // of a deleted user or organization, is not documented: both ways must converge.
    if (random() < 0.5) membership.updatedAt = tick();
    emit("organizationMembership.deleted", membershipJson(membership, clock));
  };
  const addMembership = (org: SimOrg, user: SimUser, role: string) => {
    const membership = { id: id("orgmem"), org, user, role, updatedAt: tick(), deleted: false };
    memberships.push(membership);
    emit("organizationMembership.created", membershipJson(membership, clock));
  };
  const newEmails = (user: { id: string }) => {
    const count = 1 + Math.floor(random() * 3);
    const emails = Array.from({ length: count }, (_, index) => ({
      id: id("idn"),
      email_address: `${user.id}.${index}.${serial}@example.com`,
    }));
    return { emails, primary: pick(emails).id };
  };

  const operations: Array<[weight: number, run: () => void]> = [
    [
      3,
      () => {
        const user: SimUser = {
          id: id("user"),
          emails: [],
          primary: "",
          first: pick(FIRST),
          last: pick(LAST),
          image: `https://img.example.com/${serial}`,
          updatedAt: tick(),
          deleted: false,
        };
        Object.assign(user, newEmails(user));
        users.push(user);
        emit("user.created", userJson(user, clock));
      },
    ],
    [
      2,
      () => {
        const user = liveUsers().length ? pick(liveUsers()) : undefined;
        if (!user) return;
        if (random() < 0.5) Object.assign(user, newEmails(user));
        user.first = pick(FIRST);
        user.image = `https://img.example.com/${serial}`;
        user.updatedAt = tick();
        emit("user.updated", userJson(user, clock));
      },
    ],
    [
      1,
      () => {
        const user = liveUsers().length ? pick(liveUsers()) : undefined;
        if (!user) return;
        user.deleted = true;
        tick();
        emit("user.deleted", { object: "user", id: user.id, deleted: true });
        for (const membership of liveMemberships().filter((m) => m.user === user)) {
          if (random() < 0.5) endMembership(membership);
          else membership.deleted = true;
        }
      },
    ],
    [
      2,
      () => {
        const creator = liveUsers().length ? pick(liveUsers()) : undefined;
        if (!creator) return;
        const org: SimOrg = {
          id: id("org"),
          name: pick(ORG_NAMES),
          slug: freeSlug(),
          image: `https://img.example.com/org/${serial}`,
          updatedAt: tick(),
          deleted: false,
        };
        orgs.push(org);
        emit("organization.created", orgJson(org, clock));
        // Clerk makes the creator an admin milliseconds later, in a separate event.
        addMembership(org, creator, "org:admin");
      },
    ],
    [
      2,
      () => {
        const org = liveOrgs().length ? pick(liveOrgs()) : undefined;
        if (!org) return;
        org.name = `${pick(ORG_NAMES)} ${serial}`;
        if (random() < 0.6) org.slug = freeSlug();
        org.updatedAt = tick();
        emit("organization.updated", orgJson(org, clock));
      },
    ],
    [
      1,
      () => {
        const org = liveOrgs().length ? pick(liveOrgs()) : undefined;
        if (!org) return;
        org.deleted = true;
        tick();
        emit("organization.deleted", { object: "organization", id: org.id, slug: org.slug, deleted: true });
        for (const membership of liveMemberships().filter((m) => m.org === org)) {
          if (random() < 0.5) endMembership(membership);
          else membership.deleted = true;
        }
      },
    ],
    [
      4,
      () => {
        const org = liveOrgs().length ? pick(liveOrgs()) : undefined;
        const members = new Set(liveMemberships().map((m) => `${m.org.id}/${m.user.id}`));
        const candidates = liveUsers().filter((user) => org && !members.has(`${org.id}/${user.id}`));
        if (!org || candidates.length === 0) return;
        addMembership(org, pick(candidates), pick(ROLES));
      },
    ],
    [
      2,
      () => {
        const membership = liveMemberships().length ? pick(liveMemberships()) : undefined;
        if (!membership) return;
        membership.role = pick(ROLES.filter((role) => role !== membership.role));
        membership.updatedAt = tick();
        emit("organizationMembership.updated", membershipJson(membership, clock));
      },
    ],
    [
      2,
      () => {
        const membership = liveMemberships().length ? pick(liveMemberships()) : undefined;
        if (membership) endMembership(membership);
      },
    ],
  ];
  const totalWeight = operations.reduce((sum, [weight]) => sum + weight, 0);
  while (events.length < steps) {
    let roll = random() * totalWeight;
    for (const [weight, run] of operations) {
      roll -= weight;
      if (roll < 0) {
        run();
        break;
      }
    }
  }

  return { events, expected: expectedTables(users, orgs, memberships) };
}
