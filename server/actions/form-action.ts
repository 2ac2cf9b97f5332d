import "server-only";
import { unstable_rethrow } from "next/navigation";
import { Failure } from "@/lib/failure";
import { type FormState, failureFormState } from "@/lib/form-state";
import { requireOrgContext } from "../auth/context";
import type { OrgContext } from "../auth/session";
import { classifyFailure } from "../failures/classify";
import { limitCaller } from "../rate-limit/limits";

/**
 * The one entry point of server actions. `slug` is the organization of the page the form was on,
 * bound by the page (`createProjectAction.bind(null, slug)`): the action runs only when it is the
 * session's active organization, so a form left open in one tab cannot write into the organization
 * another tab switched to. Then `work` runs, and whatever goes wrong becomes the form's state
 * (`lib/failure.ts`): per-field messages for invalid input (422) and conflicts (409), a message for
 * not found (404), signed out (401), not allowed (403), too many requests (429, per caller), database
 * unavailable (503, "try again").
 * Next's own control flow (`redirect()`, `notFound()`) passes through.
 *
 *     export async function createProjectAction(slug: string, _state: FormState, formData: FormData) {
 *       return runFormAction(slug, async () => {
 *         await createProject(createProjectSchema.parse(textFields(formData, ["name"])));
 *       }, formData);
 *     }
 */
export async function runFormAction(
  slug: string,
  work: () => Promise<FormState | undefined>,
  submitted?: FormData,
): Promise<FormState> {
  try {
    const context = await requireOrgContext();
    refuseOtherOrganization(slug, context);
    await limitCaller("actions", context);
    return (await work()) ?? { status: "success" };
  } catch (error) {
    unstable_rethrow(error);
    return failureFormState(
      classifyFailure(error, "a server action"),
      submitted ? submittedText(submitted) : undefined,
    );
  }
}

function refuseOtherOrganization(slug: string, context: OrgContext): void {
  if (context.orgSlug === slug) return;
  const active = context.orgSlug ? `“${context.orgSlug}”` : "another organization";
  throw new Failure(
    "conflict",
    `This page is for “${slug}”, but your session has switched to ${active} (in another tab?). ` +
      "Nothing was saved: reload the page to continue.",
  );
}

function submittedText(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) {
    // Next adds its own `$ACTION_…` fields to action forms; they are not the person's input.
    if (typeof value === "string" && !name.startsWith("$")) values[name] = value;
  }
  return values;
}

/** The named text fields of a submitted form; fields that were not sent stay absent. */
export function textFields<K extends string>(
  formData: FormData,
  names: readonly K[],
): Partial<Record<K, string>> {
  const fields: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === "string") fields[name] = value;
  }
  return fields;
}
