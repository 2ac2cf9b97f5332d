"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { projectPaths } from "@/lib/project-paths";

// Also what a person sees for another organization's project id: for them, it does not exist.
export default function ProjectNotFound() {
  const { slug } = useParams<{ slug: string }>();
  return (
    <div className="flex flex-col items-start gap-3 py-12">
      <h1 className="font-semibold text-2xl">Project not found</h1>
      <p className="text-muted-foreground">It may have been deleted, or the link is wrong.</p>
      <Button asChild variant="outline">
        <Link href={projectPaths.list(slug)}>Back to projects</Link>
      </Button>
    </div>
  );
}
