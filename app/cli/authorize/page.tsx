import { OrganizationList, OrganizationSwitcher } from "@clerk/nextjs";
import { TerminalIcon, TriangleAlertIcon } from "lucide-react";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ClerkWidget } from "@/components/clerk-widget";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
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
      <Frame
        title="This sign-in link is incomplete"
        description={
          <>
            {parsed.error.issues[0]?.message}. Run <code>orgs login</code> again and open the link it prints.
          </>
        }
      />
    );
  }
  const request = parsed.data;
  // Clerk's organization widgets come back here after a switch, with the same request.
  const here = cliAuthorizePath(request);
  const declineHref = loopbackCallbackUrl(request.port, { error: "access_denied", state: request.state });
  const device = request.device ? ` on ${request.device}` : "";

  if (session.state !== "in-organization") {
    return (
      <Frame
        title="Choose an organization for the CLI"
        description="The CLI acts for one organization. Pick the one it should work in."
        footer={
          <Button asChild variant="ghost">
            <a href={declineHref}>Cancel</a>
          </Button>
        }
      >
        <ClerkWidget unavailable="The list of your organizations">
          <OrganizationList
            hidePersonal
            afterSelectOrganizationUrl={here}
            afterCreateOrganizationUrl={here}
          />
        </ClerkWidget>
      </Frame>
    );
  }

  const { context } = session;
  const organization = context.orgSlug ?? context.orgId;
  return (
    <Frame
      title="Sign in the orgs CLI"
      description={
        <>
          The <strong>orgs</strong> command-line tool{device} asks to act as you in{" "}
          <strong data-testid="cli-organization">{organization}</strong> for{" "}
          {CLI_KEY_LIFETIME_SECONDS / 86_400} days, with the permissions of your role ({context.orgRole}):
        </>
      }
      footer={
        <ApproveForm
          action={approveCliSignInAction.bind(null, context.orgSlug ?? "", request)}
          declineHref={declineHref}
        />
      }
    >
      <ul aria-label="Permissions" className="flex flex-wrap gap-2">
        {context.permissions.map((permission) => (
          <li key={permission}>
            <Badge variant="secondary" className="font-mono">
              {permission}
            </Badge>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-2 text-muted-foreground text-sm">
        Another organization?
        <ClerkWidget unavailable="The organization switcher" compact>
          <OrganizationSwitcher hidePersonal afterSelectOrganizationUrl={here} />
        </ClerkWidget>
      </div>
      <Alert variant="warning" role="note">
        <TriangleAlertIcon aria-hidden="true" />
        <AlertDescription>
          <p>
            Approve only if you just ran <code>orgs login</code> yourself. <code>orgs logout</code> revokes
            the credential.
          </p>
        </AlertDescription>
      </Alert>
    </Frame>
  );
}

function Frame({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <main className="mx-auto flex w-full max-w-xl flex-col px-4 py-10 sm:px-6 sm:py-16">
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <TerminalIcon className="size-5 text-muted-foreground" aria-hidden="true" />
            <h1 className="font-semibold text-2xl">{title}</h1>
          </CardTitle>
          <CardDescription>{description}</CardDescription>
        </CardHeader>
        {children && <CardContent className="flex flex-col gap-5">{children}</CardContent>}
        {footer && <CardFooter>{footer}</CardFooter>}
      </Card>
    </main>
  );
}
