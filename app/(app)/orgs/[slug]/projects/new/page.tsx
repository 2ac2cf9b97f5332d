import type { Metadata } from "next";
import Link from "next/link";
import { projectPaths } from "@/lib/project-paths";
import { requireOrgPage } from "@/server/auth/context";
import { ProjectForm } from "../_components/project-form";
import { createProjectAction } from "./actions";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireOrgPage("projects:create");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href={projectPaths.list(slug)} className="text-sm text-zinc-600 hover:underline">
          ← Projects
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">New project</h1>
      </div>
      <ProjectForm
        action={createProjectAction.bind(null, slug)}
        submitLabel="Create project"
        cancelHref={projectPaths.list(slug)}
      />
    </div>
  );
}
