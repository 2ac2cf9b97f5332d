import "server-only";
import { encodeCursor, type Page, type PageQuery, pageSize } from "@/lib/validation/pagination";
import type { Person } from "@/lib/validation/people";
import { requireFeature } from "../auth/context";
import type { Prisma } from "../generated/prisma/client";
import { cursorId } from "./ids";
import { peopleOfOrganization } from "./people";
import { inTenant } from "./tenant";

export interface ActivityEntry {
  id: string;
  /** A person, or a system actor such as `system:clerk-webhook`. */
  actor: { kind: "person"; person: Person } | { kind: "system"; name: string };
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
      ...page.filter((row) => !row.actor.startsWith("system:")).map((row) => row.actor),
      ...page.flatMap((row) => mentionedUserIds(row.details)),
    ]);
    const last = page.at(-1);
    return {
      data: page.map((row) => ({
        id: row.id,
        actor: row.actor.startsWith("system:")
          ? { kind: "system", name: row.actor.slice("system:".length) }
          : { kind: "person", person: people.get(row.actor) ?? { userId: row.actor, name: null } },
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
