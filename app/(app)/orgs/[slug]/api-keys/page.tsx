import type { Metadata } from "next";
import { requireOrgPage } from "@/server/auth/context";
import { PERMISSIONS } from "@/server/auth/permissions";
import { listApiKeys } from "@/server/data/api-keys";
import { forPage } from "@/server/failures/page";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";
import { CreateApiKeyForm } from "./create-api-key-form";
import { RevokeApiKeyForm } from "./revoke-api-key-form";

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
  const keys = await forPage(listApiKeys());
  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">API keys</h1>
        <p className="text-sm text-zinc-500">
          Keys act for this organization on the REST API (<code>Authorization: Bearer ak_…</code>), with the
          permissions you choose. A revoked key stops working within 10 seconds.
        </p>
      </div>
      <CreateApiKeyForm
        action={createApiKeyAction.bind(null, slug)}
        permissions={PERMISSIONS.filter((permission) => context.permissions.includes(permission))}
      />
      {keys.length === 0 ? (
        <p className="text-sm text-zinc-600">No API keys yet.</p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-zinc-200 bg-white text-left text-sm">
          <caption className="sr-only">API keys</caption>
          <thead className="bg-zinc-50 text-zinc-500">
            <tr>
              <th className="px-4 py-2 font-medium">Name</th>
              <th className="px-4 py-2 font-medium">Permissions</th>
              <th className="px-4 py-2 font-medium">Created</th>
              <th className="px-4 py-2 font-medium">Last used</th>
              <th className="px-4 py-2 font-medium">Expires</th>
              <th className="px-4 py-2" />
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id} className="border-t border-zinc-100">
                <td className="px-4 py-2">{key.name}</td>
                <td className="px-4 py-2">
                  {key.scopes.length ? key.scopes.join(", ") : "projects:read (no scopes)"}
                </td>
                <td className="px-4 py-2">{dateOf(key.createdAt)}</td>
                <td className="px-4 py-2">{dateOf(key.lastUsedAt)}</td>
                <td className="px-4 py-2">{key.expiresAt ? dateOf(key.expiresAt) : "never"}</td>
                <td className="px-4 py-2 text-right">
                  <RevokeApiKeyForm action={revokeApiKeyAction.bind(null, slug, key.id)} name={key.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
