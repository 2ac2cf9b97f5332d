import type { Metadata } from "next";
import { projectPaths } from "@/lib/project-paths";
import { requireOrgPage } from "@/server/auth/context";
import { getProject } from "@/server/data/projects";
import { forPage } from "@/server/failures/page";
import { BackLink } from "../../_components/back-link";
import { ProjectForm } from "../../_components/project-form";
import { updateProjectAction } from "./actions";

export const metadata: Metadata = { title: "Edit project" };

export default async function EditProjectPage({
  params,
}: {
  params: Promise<{ slug: string; projectId: string }>;
}) {
  const { slug, projectId } = await params;
  await requireOrgPage("projects:update");
  const project = await forPage(getProject(projectId));
  return (
    <div className="flex flex-col gap-6">
      <div>
        <BackLink href={projectPaths.detail(slug, project.id)}>{project.name}</BackLink>
        <h1 className="mt-2 font-semibold text-2xl">Edit project</h1>
      </div>
      <ProjectForm
        action={updateProjectAction.bind(null, slug, project.id)}
        initial={project}
        submitLabel="Save changes"
        success="Changes saved"
        cancelHref={projectPaths.detail(slug, project.id)}
      />
    </div>
  );
}
