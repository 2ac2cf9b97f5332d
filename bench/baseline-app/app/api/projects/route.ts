import { db } from "../../../db";

// A cached answer would measure the cache, not the request path.
export const dynamic = "force-dynamic";

interface ProjectRow {
  id: string;
  name: string;
  description: string;
  status: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  taskCount: number;
  openTaskCount: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

/**
 * The framework ceiling of `GET /api/v1/projects`: the same first page for an organization — each
 * project with its task counts and its creator's name, the same JSON — in one database round trip,
 * without the middleware, the session check, the rate limit or the tenant-scoped transaction.
 */
export async function GET(request: Request) {
  const slug = new URL(request.url).searchParams.get("org") ?? "";
  const rows = await db().$queryRaw<ProjectRow[]>`
    SELECT p.id::text AS id, p.name, p.description, p.status::text AS status, p.created_by AS "createdBy",
           p.created_at AS "createdAt", p.updated_at AS "updatedAt",
           coalesce(t.total, 0)::int AS "taskCount", coalesce(t.open, 0)::int AS "openTaskCount",
           u.first_name AS "firstName", u.last_name AS "lastName", u.email
    FROM organizations o
    JOIN projects p ON p.organization_id = o.id
    LEFT JOIN LATERAL (
      SELECT count(*) AS total, count(*) FILTER (WHERE NOT done) AS open
      FROM tasks WHERE tasks.organization_id = p.organization_id AND tasks.project_id = p.id
    ) t ON true
    LEFT JOIN users u ON u.clerk_id = p.created_by
    WHERE o.slug = ${slug}
    ORDER BY p.id DESC LIMIT 21`;
  const data = rows.slice(0, 20).map(({ firstName, lastName, email, createdBy, ...project }) => ({
    ...project,
    createdBy: { userId: createdBy, name: [firstName, lastName].filter(Boolean).join(" ") || email },
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  }));
  return Response.json({ data, nextCursor: null });
}
