import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
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
        <h1 className="font-bold text-2xl">{context.orgSlug}</h1>
        <p role="status" className="text-muted-foreground">
          This organization has not reached the database yet. Clerk's webhook syncs it within seconds of its
          creation; reload in a moment.
        </p>
      </section>
    );
  }

  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 className="font-bold text-2xl">{organization.name}</h1>
        <p className="text-muted-foreground text-sm">
          You are {roleLabels[role]?.toLowerCase() ?? role} of this organization · {organization.memberCount}{" "}
          {organization.memberCount === 1 ? "member" : "members"}
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Members</h2>
          </CardTitle>
          <CardDescription>Who can see this organization's projects.</CardDescription>
        </CardHeader>
        <CardContent>
          <Table>
            <TableCaption className="sr-only">Members</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Email</TableHead>
                <TableHead>Role</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {organization.members.map((member) => (
                <TableRow key={member.userId}>
                  <TableCell>
                    {member.name}
                    {member.isYou ? <span className="ml-2 text-muted-foreground text-xs">(you)</span> : null}
                  </TableCell>
                  <TableCell className="text-muted-foreground">{member.email ?? "—"}</TableCell>
                  <TableCell>
                    <Badge variant={member.role === "org:admin" ? "default" : "secondary"}>
                      {roleLabels[member.role] ?? member.role}
                    </Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {organization.memberCount > organization.members.length ? (
            <p className="mt-4 text-muted-foreground text-sm">
              Showing {organization.members.length} of {organization.memberCount} members.
            </p>
          ) : null}
        </CardContent>
      </Card>
    </section>
  );
}
