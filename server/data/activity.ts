import "server-only";
import { encodeCursor, type Page, type PageQuery, pageSize } from "@/lib/validation/pagination";
import type { Person } from "@/lib/validation/people";
import { requireFeature } from "../auth/context";
import { apiKeyIdOfActor } from "../auth/session";
import type { Prisma } from "../generated/prisma/client";
import { cursorId } from "./ids";
import { peopleOfOrganization } from "./people";
import { inTenant } from "./tenant";

export interface ActivityEntry {
  id: string;
  /** A person, an organization API key (`key:<id>`), or a system actor such as `system:clerk-webhook`. */
  actor:
    | { kind: "person"; person: Person }
    | { kind: "api-key"; keyId: string }
    | { kind: "system"; name: string };
  action: string;
  target: { type: string; id: string; label: string };
  details: Prisma.JsonValue;
  /** The people a change names in a person field (`PERSON_FIELDS`), by Clerk user id, for display. */
  people: Record<string, Person>;
  createdAt: string;
}

/** The organization's audit log, newest first. Admins only (`organization:read-activity`). */
export function listActivity(query: Partial<PageQuery> = {}): Promise<Page<ActivityEntry>> {
  const { cursor: rawCursor } = query;
  const cursor = cursorId(rawCursor);
  const limit = pageSize(query.limit);
  return inTenant("organization:read-activity", async (tx, { organizationId, context }) => {
    // A paid feature: the log is written on every plan, and readable once the organization upgrades.
    requireFeature(context, "activity_log");
    const rows = await tx.auditEvent.findMany({
      where: { organizationId, ...(cursor ? { id: { lt: cursor } } : {}) },
      orderBy: { id: "desc" },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const people = await peopleOfOrganization(tx, organizationId, [
      ...page.filter((row) => isPerson(row.actor)).map((row) => row.actor),
      ...page.flatMap((row) => mentionedUserIds(row.details)),
    ]);
    const last = page.at(-1);
    return {
      data: page.map((row) => ({
        id: row.id,
        actor: actorOf(row.actor, people),
        action: row.action,
        target: { type: row.targetType, id: row.targetId, label: row.targetLabel },
        details: row.details,
        people: Object.fromEntries(
          mentionedUserIds(row.details).map((userId) => [
            userId,
            people.get(userId) ?? { userId, name: null },
          ]),
        ),
        createdAt: row.createdAt.toISOString(),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
    };
  });
}

const SYSTEM_ACTOR_PREFIX = "system:";

// Only people are looked up, and only among the organization's members (never another tenant's).
const isPerson = (actor: string) => !actor.startsWith(SYSTEM_ACTOR_PREFIX) && apiKeyIdOfActor(actor) === null;

function actorOf(actor: string, people: Map<string, Person>): ActivityEntry["actor"] {
  if (actor.startsWith(SYSTEM_ACTOR_PREFIX)) {
    return { kind: "system", name: actor.slice(SYSTEM_ACTOR_PREFIX.length) };
  }
  const keyId = apiKeyIdOfActor(actor);
  if (keyId) return { kind: "api-key", keyId };
  return { kind: "person", person: people.get(actor) ?? { userId: actor, name: null } };
}

/**
 * The change-set fields whose values are Clerk user ids: a task's assignee, a membership's member.
 * Every other field holds free text a user typed (a project or task renamed to `user_…` is still just
 * a name), so only these are ever looked up as people.
 */
const PERSON_FIELDS: readonly string[] = ["assigneeId", "member"];

export function isPersonField(field: string): boolean {
  return PERSON_FIELDS.includes(field);
}

/** Clerk user ids in a change set's person fields, before and after. */
function mentionedUserIds(details: Prisma.JsonValue): string[] {
  const changes = isObject(details) ? details.changes : null;
  if (!isObject(changes)) return [];
  return PERSON_FIELDS.flatMap((field) => {
    const change = changes[field];
    return isObject(change)
      ? [change.from, change.to].filter((value): value is string => typeof value === "string")
      : [];
  });
}

function isObject(value: Prisma.JsonValue | undefined): value is Prisma.JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
