import { OrganizationList } from "@clerk/nextjs";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ClerkWidget } from "@/components/clerk-widget";
import { organizationPath } from "@/lib/auth/routes";
import { requireSignedInPage } from "@/server/auth/context";

export const metadata: Metadata = { title: "Choose an organization" };

/** Where signed-in people without an active organization land: pick one, or create one. */
export default async function ChooseOrganizationPage() {
  const session = await requireSignedInPage();
  if (session.state === "in-organization" && session.context.orgSlug) {
    redirect(organizationPath(session.context.orgSlug));
  }
  return (
    <main className="mx-auto flex w-full max-w-xl flex-col items-center gap-6 px-6 py-16">
      <div className="text-center">
        <h1 className="font-bold text-2xl">Choose an organization</h1>
        <p className="mt-2 text-muted-foreground">
          Everything in the app belongs to an organization. Pick one, or create one.
        </p>
      </div>
      <ClerkWidget unavailable="The list of your organizations">
        <OrganizationList
          hidePersonal
          afterSelectOrganizationUrl="/orgs/:slug"
          afterCreateOrganizationUrl="/orgs/:slug"
        />
      </ClerkWidget>
    </main>
  );
}
