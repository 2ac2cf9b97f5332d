import { db } from "../../../../db";

export const dynamic = "force-dynamic";

const MEMBERS_SHOWN = 50;

/**
 * The framework ceiling of the product's dashboard (`/orgs/[slug]`): the organization and its
 * members read from the same database and rendered by a server component, with no middleware and
 * no auth.
 */
export default async function DashboardCeilingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const organization = await db().organization.findFirst({
    where: { slug, deletedAt: null },
    include: {
      memberships: { where: { deletedAt: null }, include: { user: true }, take: MEMBERS_SHOWN },
      _count: { select: { memberships: { where: { deletedAt: null } } } },
    },
  });
  if (!organization) return <h1>No organization {slug}</h1>;
  return (
    <section>
      <h1>{organization.name}</h1>
      <p>{organization._count.memberships} members</p>
      <table>
        <tbody>
          {organization.memberships.map((membership) => (
            <tr key={membership.id}>
              <td>{[membership.user.firstName, membership.user.lastName].filter(Boolean).join(" ")}</td>
              <td>{membership.user.email ?? "—"}</td>
              <td>{membership.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
