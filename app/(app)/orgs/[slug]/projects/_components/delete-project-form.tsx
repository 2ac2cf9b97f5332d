"use client";
import { Trash2Icon } from "lucide-react";
import { ConfirmActionForm } from "@/components/forms/confirm-action-form";
import type { FormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";

export function DeleteProjectForm({
  action,
  projectName,
  taskCount,
}: {
  action: FormAction;
  projectName: string;
  taskCount: number;
}) {
  return (
    <ConfirmActionForm
      action={action}
      trigger={
        <Button variant="destructive">
          <Trash2Icon aria-hidden="true" />
          Delete project
        </Button>
      }
      title={`Delete “${projectName}”?`}
      description={`The project and its ${taskCount} ${taskCount === 1 ? "task" : "tasks"} are deleted for everyone in the organization. This cannot be undone.`}
      confirmLabel="Delete project"
      success={`Project “${projectName}” deleted`}
    />
  );
}
