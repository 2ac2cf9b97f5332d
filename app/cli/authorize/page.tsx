import { OrganizationList, OrganizationSwitcher } from "@clerk/nextjs";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ClerkWidget } from "@/components/clerk-widget";
import { cliAuthorizePath, cliAuthorizeRequestSchema, loopbackCallbackUrl } from "@/lib/cli-protocol";
import { requireSignedInPage } from "@/server/auth/context";
import { CLI_KEY_LIFETIME_SECONDS } from "@/server/cli/cli-keys";
import { ApproveForm } from "./_components/approve-form";
import { approveCliSignInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in the CLI" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Where `orgs login` sends the browser: the signed-in person sees which organization the CLI will act
 * for, with which permissions, and approves or declines. Signed-out visitors are sent to sign in first
 * and come back here (the middleware keeps the URL).
 */
export default async function CliAuthorizePage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireSignedInPage();
  const parsed = cliAuthorizeRequestSchema.safeParse(await searchParams);
  if (!parsed.success) {
    return (
      <Frame title="This sign-in link is incomplete">
        <p className="text-zinc-600">
          {parsed.error.issues[0]?.message}. Run <code>orgs login</code> again and open the link it prints.
        </p>
      </Frame>
    );
  }
  const request = parsed.data;
  // Clerk's organization widgets come back here after a switch, with the same request.
  const here = cliAuthorizePath(request);
  const declineHref = loopbackCallbackUrl(request.port, { error: "access_denied", state: request.state });
  const device = request.device ? ` on ${request.device}` : "";

  if (session.state !== "in-organization") {
    return (
      <Frame title="Choose an organization for the CLI">
        <p className="text-zinc-600">The CLI acts for one organization. Pick the one it should work in.</p>
        <ClerkWidget unavailable="The list of your organizations">
          <OrganizationList
            hidePersonal
            afterSelectOrganizationUrl={here}
            afterCreateOrganizationUrl={here}
          />
        </ClerkWidget>
        <a href={declineHref} className="text-sm text-zinc-600 hover:underline">
          Cancel
        </a>
      </Frame>
    );
  }

  const { context } = session;
  const organization = context.orgSlug ?? context.orgId;
  return (
    <Frame title="Sign in the orgs CLI">
      <p className="text-zinc-700">
        The <strong>orgs</strong> command-line tool{device} asks to act as you in{" "}
        <strong data-testid="cli-organization">{organization}</strong> for {CLI_KEY_LIFETIME_SECONDS / 86_400}{" "}
        days, with the permissions of your role ({context.orgRole}):
      </p>
      <ul className="flex flex-wrap gap-2 text-sm">
        {context.permissions.map((permission) => (
          <li key={permission} className="rounded bg-zinc-100 px-2 py-0.5 font-mono">
            {permission}
          </li>
        ))}
      </ul>
      <div className="flex items-center gap-2 text-sm text-zinc-600">
        Another organization?
        <ClerkWidget unavailable="The organization switcher" compact>
          <OrganizationSwitcher hidePersonal afterSelectOrganizationUrl={here} />
        </ClerkWidget>
      </div>
      <p className="text-sm text-amber-800">
        Approve only if you just ran <code>orgs login</code> yourself. <code>orgs logout</code> revokes the
        credential.
      </p>
      <ApproveForm
        action={approveCliSignInAction.bind(null, context.orgSlug ?? "", request)}
        declineHref={declineHref}
      />
    </Frame>
  );
}

function Frame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="mx-auto flex w-full max-w-xl flex-col gap-5 px-6 py-16">
      <h1 className="text-2xl font-bold">{title}</h1>
      {children}
    </main>
  );
}
