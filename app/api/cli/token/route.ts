import { cliTokenRequestSchema } from "@/lib/cli-protocol";
import { readJsonBody } from "@/server/api/request";
import { json } from "@/server/api/route";
import { redeemCliCode } from "@/server/cli/authorization-codes";
import { createCliKey } from "@/server/cli/cli-keys";
import { cliRoute } from "@/server/cli/route";

/** The CLI redeems its one-time code (with the PKCE verifier) for its credential: by POST, never in a URL. */
export const POST = cliRoute(async (request) => {
  const grant = await redeemCliCode(await readJsonBody(request, cliTokenRequestSchema));
  return json(await createCliKey(grant));
});
