import { TASK_TITLE_MAX } from "@/lib/validation/tasks";
import { AddTaskFormFields, type AddTaskFormProps } from "./add-task-form-fields";

/** Adds a task to a project. Stays on the server so that zod (in the schema's module) is not shipped. */
export function AddTaskForm(props: AddTaskFormProps) {
  return <AddTaskFormFields {...props} titleMax={TASK_TITLE_MAX} />;
}
