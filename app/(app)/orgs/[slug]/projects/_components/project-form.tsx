import {
  PROJECT_DESCRIPTION_MAX,
  PROJECT_NAME_MAX,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
} from "@/lib/validation/projects";
import { ProjectFormFields, type ProjectFormProps } from "./project-form-fields";

/**
 * Create and edit share one form: the fields, limits and messages come from the shared zod schema.
 * This half stays on the server so that the schema's module, and zod with it, is not shipped to the
 * browser for a few numbers and labels; the form itself is the client component it renders.
 */
export function ProjectForm(props: ProjectFormProps) {
  return (
    <ProjectFormFields
      {...props}
      limits={{ name: PROJECT_NAME_MAX, description: PROJECT_DESCRIPTION_MAX }}
      statuses={PROJECT_STATUSES.map((value) => ({ value, label: PROJECT_STATUS_LABELS[value] }))}
    />
  );
}
