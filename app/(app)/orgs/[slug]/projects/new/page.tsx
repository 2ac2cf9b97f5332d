import type { Metadata } from "next";
import { projectPaths } from "@/lib/project-paths";
import { requireOrgPage } from "@/server/auth/context";
import { BackLink } from "../_components/back-link";
import { ProjectForm } from "../_components/project-form";
import { createProjectAction } from "./actions";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireOrgPage("projects:create");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <BackLink href={projectPaths.list(slug)}>Projects</BackLink>
        <h1 className="mt-2 font-semibold text-2xl">New project</h1>
      </div>
      <ProjectForm
        action={createProjectAction.bind(null, slug)}
        submitLabel="Create project"
        success="Project created"
        cancelHref={projectPaths.list(slug)}
      />
    </div>
  );
}
