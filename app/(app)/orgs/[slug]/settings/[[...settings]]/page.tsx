import { OrganizationProfile } from "@clerk/nextjs";
import type { Metadata } from "next";
import { ClerkWidget } from "@/components/clerk-widget";
import { CHOOSE_ORGANIZATION_PATH, organizationPath } from "@/lib/auth/routes";
import { requireOrgPage } from "@/server/auth/context";

export const metadata: Metadata = { title: "Organization settings" };

/** Members, invitations and roles, managed in Clerk's own component. Admins only; others get a 404. */
export default async function OrganizationSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  await requireOrgPage("organization:manage");
  const { slug } = await params;
  return (
    <section className="flex flex-col gap-6">
      <h1 className="font-bold text-2xl">Settings</h1>
      <ClerkWidget unavailable="Organization settings">
        <OrganizationProfile
          path={organizationPath(slug, "settings")}
          routing="path"
          afterLeaveOrganizationUrl={CHOOSE_ORGANIZATION_PATH}
        />
      </ClerkWidget>
    </section>
  );
}
