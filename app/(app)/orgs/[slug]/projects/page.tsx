import { FolderKanbanIcon, PlusIcon, SearchIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/list-skeleton";
import { Button } from "@/components/ui/button";
import {
  Empty,
  EmptyContent,
  EmptyDescription,
  EmptyHeader,
  EmptyMedia,
  EmptyTitle,
} from "@/components/ui/empty";
import { Input } from "@/components/ui/input";
import { projectPaths } from "@/lib/project-paths";
import { projectListQuerySchema } from "@/lib/validation/pagination";
import { hasPermission, requireOrgPage } from "@/server/auth/context";
import { listProjects } from "@/server/data/projects";
import { forPage } from "@/server/failures/page";
import { StatusBadge } from "./_components/status-badge";

export const metadata: Metadata = { title: "Projects" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ProjectsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: SearchParams;
}) {
  const { slug } = await params;
  const context = await requireOrgPage("projects:read");
  const query = parseQuery(await searchParams);
  const canCreate = hasPermission(context, "projects:create");
  const listPath = projectPaths.list(slug);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-semibold text-2xl">Projects</h1>
        {canCreate && <NewProjectButton slug={slug} />}
      </div>

      <form action={listPath} className="flex w-full max-w-md gap-2">
        <label htmlFor="q" className="sr-only">
          Search projects by name
        </label>
        <Input
          id="q"
          name="q"
          type="search"
          defaultValue={query.q}
          placeholder="Search projects by name"
          maxLength={100}
        />
        <Button type="submit" variant="outline">
          <SearchIcon aria-hidden="true" />
          Search
        </Button>
      </form>

      {/* The list streams in behind a skeleton; the checks above already ran, so a refusal is still a 404. */}
      <Suspense key={`${query.q}:${query.cursor}`} fallback={<ListSkeleton label="Loading projects" />}>
        <ProjectList query={query} slug={slug} canCreate={canCreate} />
      </Suspense>
    </div>
  );
}

async function ProjectList({
  query,
  slug,
  canCreate,
}: {
  query: ReturnType<typeof parseQuery>;
  slug: string;
  canCreate: boolean;
}) {
  const page = await forPage(listProjects(query));
  const listPath = projectPaths.list(slug);
  return (
    <>
      {page.data.length === 0 ? (
        <NoProjects searched={Boolean(query.q) || Boolean(query.cursor)} canCreate={canCreate} slug={slug} />
      ) : (
        <ul
          className="divide-y rounded-lg border bg-card text-card-foreground shadow-xs"
          aria-label="Projects"
        >
          {page.data.map((project) => (
            <li
              key={project.id}
              className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3"
            >
              <div className="min-w-0 flex-1">
                <Link
                  href={projectPaths.detail(slug, project.id)}
                  className="rounded-sm font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
                >
                  {project.name}
                </Link>
                {project.description && (
                  <p className="truncate text-muted-foreground text-sm">{project.description}</p>
                )}
              </div>
              <div className="flex shrink-0 items-center gap-3 text-muted-foreground text-sm">
                <span>
                  {project.openTaskCount} open / {project.taskCount} tasks
                </span>
                <StatusBadge status={project.status} />
              </div>
            </li>
          ))}
        </ul>
      )}

      <nav aria-label="Pagination" className="flex gap-2">
        {query.cursor && (
          <Button asChild variant="outline" size="sm">
            <Link href={withQuery(listPath, { q: query.q })}>← First page</Link>
          </Button>
        )}
        {page.nextCursor && (
          <Button asChild variant="outline" size="sm">
            <Link href={withQuery(listPath, { q: query.q, cursor: page.nextCursor })}>Next page →</Link>
          </Button>
        )}
      </nav>
    </>
  );
}

function NewProjectButton({ slug, label = "New project" }: { slug: string; label?: string }) {
  return (
    <Button asChild>
      <Link href={projectPaths.create(slug)}>
        <PlusIcon aria-hidden="true" />
        {label}
      </Link>
    </Button>
  );
}

function NoProjects({ searched, canCreate, slug }: { searched: boolean; canCreate: boolean; slug: string }) {
  return (
    <Empty>
      <EmptyHeader>
        <EmptyMedia>
          <FolderKanbanIcon aria-hidden="true" />
        </EmptyMedia>
        <EmptyTitle>{searched ? "No projects match your search" : "No projects yet"}</EmptyTitle>
        <EmptyDescription>
          {searched
            ? "Try another name, or clear the search."
            : canCreate
              ? "Create the first one for your organization."
              : "Projects your team creates show up here."}
        </EmptyDescription>
      </EmptyHeader>
      {canCreate && !searched && (
        <EmptyContent>
          <NewProjectButton slug={slug} label="Create the first project" />
        </EmptyContent>
      )}
    </Empty>
  );
}

/** A bad cursor or limit in a hand-edited URL shows the first page rather than an error. */
function parseQuery(searchParams: Awaited<SearchParams>) {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = projectListQuerySchema.safeParse({
    q: first(searchParams.q) || undefined,
    cursor: first(searchParams.cursor) || undefined,
  });
  if (parsed.success) return parsed.data;
  const q = projectListQuerySchema.shape.q.safeParse(first(searchParams.q) || undefined);
  return { limit: undefined, cursor: undefined, q: q.success ? q.data : undefined };
}

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
