"use client";
import { KeyRoundIcon } from "lucide-react";
import { ConfirmActionForm } from "@/components/forms/confirm-action-form";
import type { FormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";

export function RevokeApiKeyForm({ action, name }: { action: FormAction; name: string }) {
  return (
    <ConfirmActionForm
      action={action}
      trigger={
        <Button variant="outline" size="sm" aria-label={`Revoke “${name}”`}>
          <KeyRoundIcon aria-hidden="true" />
          Revoke
        </Button>
      }
      title={`Revoke “${name}”?`}
      description="Whatever uses this key stops working within 10 seconds. This cannot be undone: a revoked key cannot be turned back on."
      confirmLabel="Revoke key"
      success={`API key “${name}” revoked`}
    />
  );
}
