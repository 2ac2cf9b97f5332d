import { KeyRoundIcon } from "lucide-react";
import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/list-skeleton";
import { Badge } from "@/components/ui/badge";
import { Empty, EmptyDescription, EmptyHeader, EmptyMedia, EmptyTitle } from "@/components/ui/empty";
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
import { PERMISSIONS } from "@/server/auth/permissions";
import { listApiKeys } from "@/server/data/api-keys";
import { forPage } from "@/server/failures/page";
import { CreateApiKeyForm } from "./_components/create-api-key-form";
import { RevokeApiKeyForm } from "./_components/revoke-api-key-form";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

const dateOf = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString("en", { dateStyle: "medium", timeStyle: "short" }) : "—";

/**
 * The organization's API keys, rendered on the server (Clerk's own API Keys page inside
 * `<OrganizationProfile>` needs Clerk's browser components). Admins only; others get a 404.
 */
export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await requireOrgPage("organization:manage");
  const { slug } = await params;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="font-semibold text-2xl">API keys</h1>
        <p className="text-muted-foreground text-sm">
          Keys act for this organization on the REST API (<code>Authorization: Bearer ak_…</code>), with the
          permissions you choose. A revoked key stops working within 10 seconds.
        </p>
      </div>
      <CreateApiKeyForm
        action={createApiKeyAction.bind(null, slug)}
        permissions={PERMISSIONS.filter((permission) => context.permissions.includes(permission))}
      />
      {/* The checks above already ran, so a refusal is still a 404 while the list streams in. */}
      <Suspense fallback={<ListSkeleton label="Loading API keys" rows={2} />}>
        <ApiKeyList slug={slug} />
      </Suspense>
    </div>
  );
}

async function ApiKeyList({ slug }: { slug: string }) {
  const keys = await forPage(listApiKeys());
  if (keys.length === 0) {
    return (
      <Empty>
        <EmptyHeader>
          <EmptyMedia>
            <KeyRoundIcon aria-hidden="true" />
          </EmptyMedia>
          <EmptyTitle>No API keys yet</EmptyTitle>
          <EmptyDescription>
            Create one above for a script or a service that calls the REST API for this organization.
          </EmptyDescription>
        </EmptyHeader>
      </Empty>
    );
  }
  return (
    <div className="rounded-lg border bg-card text-card-foreground shadow-xs">
      <Table>
        <TableCaption className="sr-only">API keys</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Permissions</TableHead>
            <TableHead>Created</TableHead>
            <TableHead>Last used</TableHead>
            <TableHead>Expires</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {keys.map((key) => (
            <TableRow key={key.id}>
              <TableCell className="font-medium">{key.name}</TableCell>
              <TableCell>
                <div className="flex flex-wrap gap-1">
                  {(key.scopes.length ? key.scopes : ["projects:read (no scopes)"]).map((scope) => (
                    <Badge key={scope} variant="secondary" className="font-mono">
                      {scope}
                    </Badge>
                  ))}
                </div>
              </TableCell>
              <TableCell>{dateOf(key.createdAt)}</TableCell>
              <TableCell>{dateOf(key.lastUsedAt)}</TableCell>
              <TableCell>{key.expiresAt ? dateOf(key.expiresAt) : "never"}</TableCell>
              <TableCell className="text-right">
                <RevokeApiKeyForm action={revokeApiKeyAction.bind(null, slug, key.id)} name={key.name} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
