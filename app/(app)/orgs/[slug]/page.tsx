import type { Metadata } from "next";
import { requireOrgPage } from "@/server/auth/context";
import { getOrganizationOverview } from "@/server/data/organization";

export const metadata: Metadata = { title: "Dashboard" };

const roleLabels: Record<string, string> = { "org:admin": "Admin", "org:member": "Member" };

export default async function OrganizationDashboardPage() {
  // The layout checked the slug; each page still asks for its own context (layouts do not re-run
  // on every navigation, and a page must never rely on its layout for authorization).
  const context = await requireOrgPage();
  // Pages verify sessions only (API keys are for the REST API), so a person's role is always there.
  const role = context.orgRole ?? "";
  const organization = await getOrganizationOverview();

  if (!organization) {
    return (
      <section className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{context.orgSlug}</h1>
        <p role="status" className="text-zinc-600">
          This organization has not reached the database yet. Clerk's webhook syncs it within seconds of its
          creation; reload in a moment.
        </p>
      </section>
    );
  }

  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{organization.name}</h1>
        <p className="text-sm text-zinc-500">
          You are {roleLabels[role]?.toLowerCase() ?? role} of this organization · {organization.memberCount}{" "}
          {organization.memberCount === 1 ? "member" : "members"}
        </p>
      </div>
      <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Members</caption>
          <thead className="bg-zinc-50 text-zinc-500">
            <tr>
              <th className="px-4 py-2 font-medium">Name</th>
              <th className="px-4 py-2 font-medium">Email</th>
              <th className="px-4 py-2 font-medium">Role</th>
            </tr>
          </thead>
          <tbody>
            {organization.members.map((member) => (
              <tr key={member.userId} className="border-t border-zinc-100">
                <td className="px-4 py-2">
                  {member.name}
                  {member.isYou ? <span className="ml-2 text-xs text-zinc-400">(you)</span> : null}
                </td>
                <td className="px-4 py-2 text-zinc-600">{member.email ?? "—"}</td>
                <td className="px-4 py-2">{roleLabels[member.role] ?? member.role}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {organization.memberCount > organization.members.length ? (
        <p className="text-sm text-zinc-500">
          Showing {organization.members.length} of {organization.memberCount} members.
        </p>
      ) : null}
    </section>
  );
}
