/**
 * A local stand-in for Clerk's Backend API (api.clerk.com cannot be reached from CI), serving the
 * list and lookup endpoints the reconcile uses, in Clerk's shapes: `/users` answers a bare array plus
 * `/users/count`; the organization endpoints answer `{ data, total_count }`; and the API-key
 * endpoints (`clerk-api-keys.ts`). The real `@clerk/backend` client talks to it over HTTP.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerApiKeys, type StoredApiKey } from "./clerk-api-keys";

type Json = Record<string, unknown> & { id: string };

export interface ClerkInstance {
  users: Json[];
  organizations: Json[];
  memberships: Array<Json & { organization: Json }>;
  /**
   * Ids left out of the instance-wide lists while still found by direct lookup and in their
   * organization's own list: what offset paging can do when something is deleted mid-walk.
   */
  hiddenFromLists: Set<string>;
  /** API keys with their secrets, as Clerk stores them. */
  apiKeys: StoredApiKey[];
  /** While true, every request is answered 503, as during an outage of Clerk. */
  down: boolean;
  /** Clerk Billing subscriptions by organization id (`GET /organizations/:id/billing/subscription`). */
  subscriptions: Map<string, Json>;
}

export interface ClerkApiServer {
  apiUrl: string;
  secretKey: string;
  instance: ClerkInstance;
  requests: string[];
  close(): Promise<void>;
}

/** Answers requests made with `secretKey` (the instance's; another instance's key gets a 401). */
export async function startClerkApiServer(
  secretKey = "sk_test_standin0000000000000000000000000000",
): Promise<ClerkApiServer> {
  const instance: ClerkInstance = {
    users: [],
    organizations: [],
    memberships: [],
    hiddenFromLists: new Set(),
    apiKeys: [],
    down: false,
    subscriptions: new Map(),
  };
  const requests: string[] = [];

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    requests.push(`${request.method} ${url.pathname}${url.search}`);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const notFound = () => send(404, { errors: [{ code: "resource_not_found", message: "not found" }] });
    if (instance.down) return send(503, { errors: [{ code: "service_unavailable", message: "outage" }] });
    if (request.headers.authorization !== `Bearer ${secretKey}`) {
      return send(401, { errors: [{ code: "authentication_invalid", message: "invalid secret key" }] });
    }
    const apiKeys = answerApiKeys(instance.apiKeys, request.method ?? "GET", url, await jsonBody(request));
    if (apiKeys) return send(apiKeys.status, apiKeys.body);
    const limit = Number(url.searchParams.get("limit") ?? 10);
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const listed = <T extends Json>(items: T[]) =>
      items.filter((item) => !instance.hiddenFromLists.has(item.id));
    const page = <T extends Json>(items: T[]) => listed(items).slice(offset, offset + limit);
    const paginated = <T extends Json>(items: T[]) => ({
      data: page(items),
      total_count: listed(items).length,
    });
    const [, version, resource, id, sub] = url.pathname.split("/");
    if (version !== "v1" || request.method !== "GET") return notFound();

    if (resource === "users" && id === "count") {
      return send(200, { object: "total_count", total_count: listed(instance.users).length });
    }
    if (resource === "users" && !id) return send(200, page(instance.users));
    if (resource === "users") {
      const user = instance.users.find((candidate) => candidate.id === id);
      return user ? send(200, user) : notFound();
    }
    if (resource === "organizations" && !id) return send(200, paginated(instance.organizations));
    if (resource === "organizations") {
      const organization = instance.organizations.find((candidate) => candidate.id === id);
      if (!organization) return notFound();
      if (sub === "billing") {
        const subscription = instance.subscriptions.get(organization.id);
        return subscription ? send(200, subscription) : notFound();
      }
      if (sub === "memberships") {
        const members = instance.memberships.filter((m) => m.organization.id === id);
        return send(200, { data: members.slice(offset, offset + limit), total_count: members.length });
      }
      return send(200, organization);
    }
    if (resource === "organization_memberships") return send(200, paginated(instance.memberships));
    return notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    secretKey,
    instance,
    requests,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

async function jsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Clerk-shaped JSON for the stand-in's instance. */
export const clerkJson = {
  user: (id: string, updatedAt: number, name = "Ada") => ({
    object: "user",
    id,
    first_name: name,
    last_name: "Lovelace",
    image_url: `https://img.example.com/${id}`,
    primary_email_address_id: `idn_${id}`,
    email_addresses: [
      {
        object: "email_address",
        id: `idn_${id}`,
        email_address: `${id}@example.com`,
        linked_to: [],
        verification: null,
      },
    ],
    created_at: updatedAt,
    updated_at: updatedAt,
  }),
  organization: (id: string, updatedAt: number, slug = id.replace("_", "-")) => ({
    object: "organization",
    id,
    name: `Org ${id}`,
    slug,
    image_url: null,
    created_at: updatedAt,
    updated_at: updatedAt,
  }),
  membership: (id: string, user: Json, organization: Json, updatedAt: number, role = "org:member") => ({
    object: "organization_membership",
    id,
    role,
    permissions: [],
    public_metadata: {},
    created_at: updatedAt,
    updated_at: updatedAt,
    organization,
    public_user_data: {
      user_id: user.id,
      first_name: user.first_name,
      last_name: user.last_name,
      image_url: user.image_url,
      identifier: `${user.id}@example.com`,
    },
  }),
};
