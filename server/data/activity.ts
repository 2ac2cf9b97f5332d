import "server-only";
import { encodeCursor, type Page, type PageQuery, pageSize } from "@/lib/validation/pagination";
import type { Person } from "@/lib/validation/people";
import type { Prisma } from "../generated/prisma/client";
import { cursorId } from "./ids";
import { peopleByClerkId } from "./people";
import { inTenant } from "./tenant";

export interface ActivityEntry {
  id: string;
  /** A person, or a system actor such as `system:clerk-webhook`. */
  actor: { kind: "person"; person: Person } | { kind: "system"; name: string };
  action: string;
  target: { type: string; id: string; label: string };
  details: Prisma.JsonValue;
  /** People the details name by Clerk user id (an assignee before and after), for display. */
  people: Record<string, Person>;
  createdAt: string;
}

/** The organization's audit log, newest first. Admins only (`organization:read-activity`). */
export function listActivity(query: Partial<PageQuery> = {}): Promise<Page<ActivityEntry>> {
  const { cursor: rawCursor } = query;
  const cursor = cursorId(rawCursor);
  const limit = pageSize(query.limit);
  return inTenant("organization:read-activity", async (tx, { organizationId }) => {
    const rows = await tx.auditEvent.findMany({
      where: { organizationId, ...(cursor ? { id: { lt: cursor } } : {}) },
      orderBy: { id: "desc" },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const people = await peopleByClerkId(tx, [
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

/** Clerk user ids in a change set's `from`/`to` values (e.g. a task's assignee). */
function mentionedUserIds(details: Prisma.JsonValue): string[] {
  const changes = isObject(details) ? details.changes : null;
  if (!isObject(changes)) return [];
  return Object.values(changes).flatMap((change) =>
    isObject(change)
      ? [change.from, change.to].filter(
          (value): value is string => typeof value === "string" && value.startsWith("user_"),
        )
      : [],
  );
}

function isObject(value: Prisma.JsonValue | undefined): value is Prisma.JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
