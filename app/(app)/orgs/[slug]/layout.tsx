import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { OrganizationSwitcher } from "@/components/organization-switcher";
import { organizationPath } from "@/lib/auth/routes";
import { hasPermission, requireSignedInPage } from "@/server/auth/context";
import { pastDueNoticeForCaller } from "@/server/data/billing";
import { listMyOrganizations } from "@/server/data/organization";
import { type NavItem, OrganizationNav } from "./_components/organization-nav";
import { PastDueBanner } from "./_components/past-due-banner";

/**
 * The tenant app. The middleware has already asked Clerk to make the URL's organization the active
 * one; if that did not happen (not a member, a stale tab, Clerk unreachable) the URL names an
 * organization the session does not act for, and the answer is a 404 — never another
 * organization's page, and no hint that it exists.
 */
export default async function OrganizationLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const session = await requireSignedInPage();
  if (session.state !== "in-organization" || session.context.orgSlug !== slug) notFound();
  const { context } = session;

  const items: NavItem[] = [
    { href: organizationPath(slug), label: "Dashboard" },
    { href: organizationPath(slug, "projects"), label: "Projects" },
  ];
  if (hasPermission(context, "organization:read-activity")) {
    items.push({ href: organizationPath(slug, "activity"), label: "Activity" });
  }
  if (hasPermission(context, "organization:manage")) {
    items.push({ href: organizationPath(slug, "settings"), label: "Settings" });
    items.push({ href: organizationPath(slug, "api-keys"), label: "API keys" });
  }
  const managesBilling = hasPermission(context, "organization:manage-billing");
  if (managesBilling) items.push({ href: organizationPath(slug, "billing"), label: "Billing" });
  // A banner must not take the page down with it: if the database is unreachable, the page says so.
  const pastDue = managesBilling && (await pastDueNoticeForCaller().catch(() => false));

  return (
    <>
      <div className="border-b bg-background">
        <div className="mx-auto flex h-12 max-w-6xl items-center gap-3 px-4 sm:px-6">
          <OrganizationSwitcher current={slug} organizations={await listMyOrganizations()} />
        </div>
        <OrganizationNav items={items} />
      </div>
      {pastDue && <PastDueBanner slug={slug} />}
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-8">{children}</main>
    </>
  );
}
