import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { organizationPath } from "@/lib/auth/routes";
import { hasPermission, requireSignedInPage } from "@/server/auth/context";
import { MyOrganizationsSwitcher } from "./_components/my-organizations-switcher";
import { type NavItem, OrganizationNav } from "./_components/organization-nav";
import { PastDueBanner } from "./_components/past-due-banner";

/**
 * The tenant app. The middleware has already asked Clerk to make the URL's organization the active
 * one; if that did not happen (not a member, a stale tab, Clerk unreachable) the URL names an
 * organization the session does not act for, and the answer is a 404 — never another
 * organization's page, and no hint that it exists.
 *
 * The layout awaits only the session (no database): the switcher and the banner read their rows in
 * components of their own, which React renders concurrently with the page — awaited here, they
 * would hold the page's reads back by their round trips.
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

  return (
    <>
      <div className="border-b bg-background">
        <div className="mx-auto flex h-12 max-w-6xl items-center gap-3 px-4 sm:px-6">
          <MyOrganizationsSwitcher current={slug} />
        </div>
        <OrganizationNav items={items} />
      </div>
      {managesBilling && <PastDueBanner slug={slug} />}
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-8">{children}</main>
    </>
  );
}
