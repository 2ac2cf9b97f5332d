"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { projectPaths } from "@/lib/project-paths";
import { updateProjectSchema } from "@/lib/validation/projects";
import { runFormAction, textFields } from "@/server/actions/form-action";
import { updateProject } from "@/server/data/projects";

export async function updateProjectAction(
  slug: string,
  projectId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    slug,
    async () => {
      const changes = updateProjectSchema.parse(textFields(formData, ["name", "description", "status"]));
      const project = await updateProject(projectId, changes);
      revalidatePath(projectPaths.list(slug));
      redirect(projectPaths.detail(slug, project.id));
    },
    formData,
  );
}
