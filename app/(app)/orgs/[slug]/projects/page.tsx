import type { Metadata } from "next";
import Link from "next/link";
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
  const page = await forPage(listProjects(query));
  const canCreate = hasPermission(context, "projects:create");
  const listPath = projectPaths.list(slug);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Projects</h1>
        {canCreate && (
          <Link
            href={projectPaths.create(slug)}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
          >
            New project
          </Link>
        )}
      </div>

      <form action={listPath} className="flex gap-2">
        <label htmlFor="q" className="sr-only">
          Search projects by name
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query.q}
          placeholder="Search projects by name"
          maxLength={100}
          className="w-72 rounded-md border border-zinc-300 px-3 py-1.5"
        />
        <button type="submit" className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm">
          Search
        </button>
      </form>

      {page.data.length === 0 ? (
        <EmptyState searched={Boolean(query.q) || Boolean(query.cursor)} canCreate={canCreate} slug={slug} />
      ) : (
        <ul
          className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white"
          aria-label="Projects"
        >
          {page.data.map((project) => (
            <li key={project.id} className="flex items-center justify-between gap-4 px-4 py-3">
              <div className="min-w-0">
                <Link href={projectPaths.detail(slug, project.id)} className="font-medium hover:underline">
                  {project.name}
                </Link>
                {project.description && (
                  <p className="truncate text-sm text-zinc-600">{project.description}</p>
                )}
              </div>
              <div className="flex shrink-0 items-center gap-3 text-sm text-zinc-600">
                <span>
                  {project.openTaskCount} open / {project.taskCount} tasks
                </span>
                <StatusBadge status={project.status} />
              </div>
            </li>
          ))}
        </ul>
      )}

      <nav aria-label="Pagination" className="flex gap-4 text-sm">
        {query.cursor && (
          <Link href={withQuery(listPath, { q: query.q })} className="hover:underline">
            ← First page
          </Link>
        )}
        {page.nextCursor && (
          <Link
            href={withQuery(listPath, { q: query.q, cursor: page.nextCursor })}
            className="hover:underline"
          >
            Next page →
          </Link>
        )}
      </nav>
    </div>
  );
}

function EmptyState({ searched, canCreate, slug }: { searched: boolean; canCreate: boolean; slug: string }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center">
      {searched ? (
        <p className="text-zinc-600">No projects match your search.</p>
      ) : (
        <>
          <p className="font-medium">No projects yet</p>
          <p className="mt-1 text-sm text-zinc-600">
            {canCreate
              ? "Create the first one for your organization."
              : "Projects your team creates show up here."}
          </p>
          {canCreate && (
            <Link
              href={projectPaths.create(slug)}
              className="mt-4 inline-block text-indigo-600 hover:underline"
            >
              New project
            </Link>
          )}
        </>
      )}
    </div>
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
