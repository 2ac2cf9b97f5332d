import { HistoryIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/list-skeleton";
import { Button } from "@/components/ui/button";
import { Empty, EmptyDescription, EmptyHeader, EmptyMedia, EmptyTitle } from "@/components/ui/empty";
import { projectPaths } from "@/lib/project-paths";
import { cursorSchema } from "@/lib/validation/pagination";
import { hasFeature, hasPermission, requireOrgPage } from "@/server/auth/context";
import { type ActivityEntry, isPersonField, listActivity } from "@/server/data/activity";
import { forPage } from "@/server/failures/page";
import { UpgradeNotice } from "../_components/upgrade-notice";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ cursor?: string | string[] }>;
}) {
  const { slug } = await params;
  // Members get the not-found page: the activity log's existence is an admin matter.
  const context = await requireOrgPage("organization:read-activity");
  // A paid feature: on a plan without it, say what upgrading unlocks (the DAL refuses with a 402 too).
  if (!hasFeature(context, "activity_log")) {
    return (
      <div className="flex flex-col gap-6">
        <h1 className="font-semibold text-2xl">Activity</h1>
        <UpgradeNotice
          slug={slug}
          feature="activity_log"
          canManageBilling={hasPermission(context, "organization:manage-billing")}
        />
      </div>
    );
  }
  const rawCursor = (await searchParams).cursor;
  const cursor = cursorSchema.safeParse(Array.isArray(rawCursor) ? rawCursor[0] : rawCursor);
  const after = cursor.success ? cursor.data : undefined;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-semibold text-2xl">Activity</h1>
      <Suspense key={after} fallback={<ListSkeleton label="Loading activity" />}>
        <ActivityList slug={slug} cursor={after} />
      </Suspense>
    </div>
  );
}

async function ActivityList({ slug, cursor }: { slug: string; cursor: string | undefined }) {
  const page = await forPage(listActivity({ cursor, limit: 50 }));
  if (page.data.length === 0) {
    return (
      <Empty>
        <EmptyHeader>
          <EmptyMedia>
            <HistoryIcon aria-hidden="true" />
          </EmptyMedia>
          <EmptyTitle>No activity yet</EmptyTitle>
          <EmptyDescription>Nothing has happened in this organization yet.</EmptyDescription>
        </EmptyHeader>
      </Empty>
    );
  }
  return (
    <>
      <ol className="divide-y rounded-lg border bg-card text-card-foreground shadow-xs" aria-label="Activity">
        {page.data.map((entry) => (
          <li
            key={entry.id}
            className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm"
          >
            <span>
              <strong className="font-medium">{actorName(entry)}</strong> {describe(entry)}
            </span>
            <time dateTime={entry.createdAt} className="text-muted-foreground">
              {new Date(entry.createdAt).toLocaleString("en", { dateStyle: "medium", timeStyle: "short" })}
            </time>
          </li>
        ))}
      </ol>
      {page.nextCursor && (
        <Button asChild variant="outline" size="sm" className="w-fit">
          <Link href={`${projectPaths.activity(slug)}?cursor=${encodeURIComponent(page.nextCursor)}`}>
            Older activity →
          </Link>
        </Button>
      )}
    </>
  );
}

function actorName(entry: ActivityEntry): string {
  switch (entry.actor.kind) {
    case "system":
      return entry.actor.name === "clerk-webhook" ? "Clerk sync" : entry.actor.name;
    case "api-key":
      return `API key ${entry.actor.keyId}`;
    case "person":
      return entry.actor.person.name ?? entry.actor.person.userId;
  }
}

const VERBS: Record<string, string> = {
  created: "created",
  updated: "changed",
  deleted: "deleted",
};

function describe(entry: ActivityEntry): string {
  const [object = entry.target.type, verb = ""] = entry.action.split(".");
  const label = entry.target.label ? `“${entry.target.label}”` : entry.target.id;
  const changes = changeList(entry);
  const what = `${VERBS[verb] ?? verb} ${object} ${label}`;
  return changes ? `${what}: ${changes}` : what;
}

const FIELD_NAMES: Record<string, string> = { assigneeId: "assignee" };

function changeList(entry: ActivityEntry): string {
  const { details } = entry;
  if (!details || typeof details !== "object" || Array.isArray(details)) return "";
  const changes = details.changes;
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return "";
  return Object.entries(changes)
    .map(([field, change]) => {
      const to = change && typeof change === "object" && !Array.isArray(change) ? change.to : change;
      const person = isPersonField(field) && typeof to === "string" ? entry.people[to] : undefined;
      const shown = to === null ? "none" : (person?.name ?? String(to));
      return `${FIELD_NAMES[field] ?? field} → ${shown}`;
    })
    .join(", ");
}
