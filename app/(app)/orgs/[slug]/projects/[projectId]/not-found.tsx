"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { projectPaths } from "@/lib/project-paths";

// Also what a person sees for another organization's project id: for them, it does not exist.
export default function ProjectNotFound() {
  const { slug } = useParams<{ slug: string }>();
  return (
    <div className="flex flex-col items-start gap-3 py-12">
      <h1 className="text-2xl font-semibold">Project not found</h1>
      <p className="text-zinc-600">It may have been deleted, or the link is wrong.</p>
      <Link href={projectPaths.list(slug)} className="text-indigo-600 hover:underline">
        Back to projects
      </Link>
    </div>
  );
}
