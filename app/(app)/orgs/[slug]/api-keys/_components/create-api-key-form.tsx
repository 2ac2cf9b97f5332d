"use client";
import { KeyRoundIcon } from "lucide-react";
import { useActionState, useEffect } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, FieldError, FieldGroup, FieldLabel } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeCheckbox } from "@/components/ui/native-checkbox";
import { fieldError, INITIAL_FORM_STATE, submittedValue } from "@/lib/form-state";
import type { CreateApiKeyState } from "../actions";

/**
 * Makes a key. Unlike other forms, success is not only a toast: the secret is shown inline, this
 * once, because nothing can show it again.
 */
export function CreateApiKeyForm({
  action,
  permissions,
}: {
  action: (state: CreateApiKeyState, formData: FormData) => Promise<CreateApiKeyState>;
  permissions: readonly string[];
}) {
  const [state, formAction] = useActionState<CreateApiKeyState, FormData>(action, INITIAL_FORM_STATE);
  useEffect(() => {
    if (state.status === "created")
      void import("sonner").then(({ toast }) => toast.success(`API key “${state.name}” created`));
  }, [state]);
  const formState = state.status === "created" ? INITIAL_FORM_STATE : state;
  const nameError = fieldError(formState, "name");
  const scopesError = fieldError(formState, "scopes");
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>New API key</h2>
        </CardTitle>
        <CardDescription>Choose only the permissions the key's job needs.</CardDescription>
      </CardHeader>
      <CardContent>
        <form action={formAction} className="flex flex-col gap-6" noValidate>
          {state.status === "created" ? (
            <Alert role="status">
              <KeyRoundIcon aria-hidden="true" />
              <AlertTitle>“{state.name}” is ready</AlertTitle>
              <AlertDescription>
                <p>Copy its secret now: it is shown this once.</p>
                <code className="block break-all font-mono text-foreground">{state.secret}</code>
              </AlertDescription>
            </Alert>
          ) : (
            <FormMessage state={formState} />
          )}
          <FieldGroup>
            <Field data-invalid={Boolean(nameError)} className="max-w-md">
              <FieldLabel htmlFor="api-key-name">Name</FieldLabel>
              <Input
                id="api-key-name"
                name="name"
                required
                maxLength={100}
                defaultValue={submittedValue(formState, "name", undefined)}
                aria-invalid={Boolean(nameError)}
                aria-describedby={nameError ? "api-key-name-error" : undefined}
              />
              <FieldError id="api-key-name-error">{nameError}</FieldError>
            </Field>
            <fieldset
              className="flex flex-col gap-3"
              aria-describedby={scopesError ? "api-key-scopes-error" : undefined}
            >
              <legend className="mb-3 font-medium text-sm">Permissions</legend>
              <div className="flex flex-wrap gap-x-6 gap-y-2">
                {permissions.map((permission) => (
                  <Field key={permission} orientation="horizontal" className="w-auto">
                    <NativeCheckbox
                      id={`scope-${permission}`}
                      name="scopes"
                      value={permission}
                      defaultChecked={permission === "projects:read"}
                    />
                    <FieldLabel htmlFor={`scope-${permission}`} className="font-mono font-normal">
                      {permission}
                    </FieldLabel>
                  </Field>
                ))}
              </div>
              <FieldError id="api-key-scopes-error">{scopesError}</FieldError>
            </fieldset>
          </FieldGroup>
          <div>
            <SubmitButton>Create key</SubmitButton>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
