"use server";
import { RedirectType, redirect } from "next/navigation";
import { cliAuthorizeRequestSchema, loopbackCallbackUrl } from "@/lib/cli-protocol";
import type { FormState } from "@/lib/form-state";
import { runFormAction } from "@/server/actions/form-action";
import { requireOrgContext } from "@/server/auth/context";
import { issueCliCode } from "@/server/cli/authorization-codes";

/**
 * The person approves the CLI's sign-in for the organization the page showed (`slug`, which must
 * still be the session's active one). The browser is sent back to the CLI's loopback listener with a
 * one-time code — never the credential — replacing this page in the history.
 */
export async function approveCliSignInAction(
  slug: string,
  request: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    slug,
    async () => {
      // Bound arguments come back from the browser: checked again, like any input.
      const authorize = cliAuthorizeRequestSchema.parse(request);
      const code = await issueCliCode(await requireOrgContext(), authorize);
      redirect(loopbackCallbackUrl(authorize.port, { code, state: authorize.state }), RedirectType.replace);
    },
    formData,
  );
}
