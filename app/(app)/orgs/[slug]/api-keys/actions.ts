"use server";
import { revalidatePath } from "next/cache";
import { organizationPath } from "@/lib/auth/routes";
import type { FormState } from "@/lib/form-state";
import { runFormAction, textFields } from "@/server/actions/form-action";
import { createApiKey, createApiKeySchema, revokeApiKey } from "@/server/data/api-keys";

/** A form's state, or a key just made: its secret is shown this once. */
export type CreateApiKeyState = FormState | { status: "created"; name: string; secret: string };

// Who may manage keys, and for which organization, is decided inside the data access layer.

export async function createApiKeyAction(
  slug: string,
  _state: CreateApiKeyState,
  formData: FormData,
): Promise<CreateApiKeyState> {
  let created: { name: string; secret: string } | undefined;
  const state = await runFormAction(
    slug,
    async () => {
      const { name } = textFields(formData, ["name"]);
      const input = createApiKeySchema.parse({ name, scopes: formData.getAll("scopes") });
      const { key, secret } = await createApiKey(input);
      created = { name: key.name, secret };
      revalidatePath(organizationPath(slug, "api-keys"));
    },
    formData,
  );
  return created ? { status: "created", ...created } : state;
}

export async function revokeApiKeyAction(
  slug: string,
  apiKeyId: string,
  _state: FormState,
  _formData: FormData,
): Promise<FormState> {
  return runFormAction(slug, async () => {
    await revokeApiKey(apiKeyId);
    revalidatePath(organizationPath(slug, "api-keys"));
  });
}
