import { json, noContent } from "@/server/api/route";
import { requireCliKey, revokeCliKey } from "@/server/cli/cli-keys";
import { cliRoute } from "@/server/cli/route";

/** `orgs whoami`: the person, organization and scopes the CLI's credential acts as. */
export const GET = cliRoute(async (request) => json(await requireCliKey(request)));

/** `orgs logout`: the credential is revoked at Clerk, so a copy left anywhere stops working too. */
export const DELETE = cliRoute(async (request) => {
  await revokeCliKey(await requireCliKey(request));
  return noContent();
});
