"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { projectPaths } from "@/lib/project-paths";
import { createProjectSchema } from "@/lib/validation/projects";
import { runFormAction, textFields } from "@/server/actions/form-action";
import { createProject } from "@/server/data/projects";

export async function createProjectAction(
  slug: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    slug,
    async () => {
      const input = createProjectSchema.parse(textFields(formData, ["name", "description", "status"]));
      // Who may create, and in which organization, is decided inside the data access layer.
      const project = await createProject(input);
      revalidatePath(projectPaths.list(slug));
      redirect(projectPaths.detail(slug, project.id));
    },
    formData,
  );
}
