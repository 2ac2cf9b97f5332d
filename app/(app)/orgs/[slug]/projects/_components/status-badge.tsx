import { PROJECT_STATUS_LABELS, type ProjectStatus } from "@/lib/validation/projects";

const COLORS: Record<ProjectStatus, string> = {
  active: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  on_hold: "bg-amber-50 text-amber-700 ring-amber-200",
  completed: "bg-zinc-100 text-zinc-600 ring-zinc-200",
};

export function StatusBadge({ status }: { status: ProjectStatus }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${COLORS[status]}`}>
      {PROJECT_STATUS_LABELS[status]}
    </span>
  );
}
