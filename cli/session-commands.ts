/** `orgs login`, `orgs logout`, `orgs whoami`: the credential's life on this machine. */
import open from "open";
import { CLI_SESSION_PATH, type CliIdentity } from "../lib/cli-protocol";
import type { CredentialStore, Storage, StoredCredential } from "./credential-store";
import { login } from "./login";
import { CliError, EXIT, errorOfResponse, type Output, printResult } from "./output";

export interface CliContext {
  apiUrl: string;
  output: Output;
  store: CredentialStore;
}

export async function loginCommand(context: CliContext, options: { browser: boolean }): Promise<void> {
  const { apiUrl, output, store } = context;
  const issued = await login({
    apiUrl,
    announce: (url) =>
      output.stderr(`Sign in and approve in the browser:\n\n  ${url}\n\nWaiting for the browser…\n`),
    openBrowser: options.browser ? openInBrowser : undefined,
  });
  const { token, ...identity } = issued;
  const previous = await store.load(apiUrl);
  const storage = await store.save({ apiUrl, token, ...identity });
  // Signing in again replaces the credential: the old key is revoked rather than left working unseen.
  const replaced = previous ? await revokeQuietly(context, previous.credential) : undefined;
  printResult(output, { ...identity, storage, ...(replaced ? { replaced } : {}) }, () =>
    [
      `Signed in as ${identity.userId} in ${identity.organization.slug ?? identity.organization.id}` +
        (identity.expiresAt ? ` until ${identity.expiresAt}.` : "."),
      storedWhere(storage),
      ...(replaced?.revoked ? [`The previous credential (${replaced.keyId}) is revoked.`] : []),
    ].join("\n"),
  );
}

/** Revokes an old credential if the app still accepts it; an expired or unreachable one is left to expire. */
async function revokeQuietly(
  context: CliContext,
  credential: StoredCredential,
): Promise<{ keyId: string; revoked: boolean }> {
  try {
    await sessionRequest(context, credential, "DELETE");
    return { keyId: credential.keyId, revoked: true };
  } catch {
    return { keyId: credential.keyId, revoked: false };
  }
}

export async function whoamiCommand(context: CliContext): Promise<void> {
  const { credential, storage } = await requireCredential(context);
  const identity = (await sessionRequest(context, credential, "GET")) as CliIdentity;
  printResult(output(context), { ...identity, apiUrl: context.apiUrl, storage }, (me) =>
    [
      `${me.userId} in ${me.organization.slug ?? me.organization.id} (${me.organization.id}) at ${me.apiUrl}`,
      `scopes: ${me.scopes.join(", ") || "(none)"}`,
      `expires: ${me.expiresAt ?? "never"}`,
      storedWhere(storage),
    ].join("\n"),
  );
}

/** Revokes the credential at the app (so every copy stops working), then forgets it here. */
export async function logoutCommand(context: CliContext): Promise<void> {
  const stored = await context.store.load(context.apiUrl);
  if (!stored) {
    printResult(
      output(context),
      { signedOut: true, revoked: false },
      () => `Not signed in to ${context.apiUrl}.`,
    );
    return;
  }
  let revoked = true;
  try {
    await sessionRequest(context, stored.credential, "DELETE");
  } catch (error) {
    // Already revoked or expired: nothing left to revoke, only the local copy to forget.
    if (!(error instanceof CliError && error.exitCode === EXIT.signedOut)) throw error;
    revoked = false;
  }
  await context.store.remove(context.apiUrl);
  printResult(output(context), { signedOut: true, revoked }, () =>
    revoked
      ? `Signed out of ${context.apiUrl}; the credential is revoked.`
      : `Signed out of ${context.apiUrl}; the app had already stopped accepting the credential.`,
  );
}

/** The stored credential for the context's app, or exit 3 when there is none or it has expired. */
export async function requireCredential(
  context: CliContext,
): Promise<{ credential: StoredCredential; storage: Storage }> {
  const stored = await context.store.load(context.apiUrl);
  if (!stored) {
    throw new CliError(
      `Not signed in to ${context.apiUrl}: run \`orgs login\`.`,
      EXIT.signedOut,
      "not_signed_in",
    );
  }
  const { expiresAt } = stored.credential;
  if (expiresAt && Date.parse(expiresAt) <= Date.now()) {
    throw new CliError(
      `The credential expired at ${expiresAt}: run \`orgs login\`.`,
      EXIT.signedOut,
      "expired",
    );
  }
  return stored;
}

async function sessionRequest(context: CliContext, credential: StoredCredential, method: "GET" | "DELETE") {
  const response = await fetch(new URL(CLI_SESSION_PATH, context.apiUrl), {
    method,
    headers: { authorization: `Bearer ${credential.token}` },
  });
  if (!response.ok) throw await errorOfResponse(response, method === "GET" ? "whoami" : "logout");
  return response.status === 204 ? null : response.json();
}

function storedWhere(storage: Storage): string {
  return storage.kind === "keychain"
    ? `Credential kept in the OS keychain (${storage.location}).`
    : `No OS keychain here: credential kept in ${storage.location} (readable only by you).`;
}

const output = (context: CliContext) => context.output;

async function openInBrowser(url: string): Promise<void> {
  const child = await open(url);
  // No browser (a server over SSH): the printed URL is the way; the spawn error is not a failure.
  child.on("error", () => undefined);
}
