import { getProjectInsights } from "@/server/insights/project-insights";

/** Task figures from the insights service; nothing when none is configured, a note when it is down. */
export async function ProjectInsightsCard({ projectId }: { projectId: string }) {
  const result = await getProjectInsights(projectId);
  if (!result) return null;
  return (
    <section
      className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4"
      aria-labelledby="insights-heading"
    >
      <h2 id="insights-heading" className="font-semibold">
        Insights
      </h2>
      {result.state === "unavailable" ? (
        <p className="text-sm text-zinc-600">
          Insights are unavailable right now. Everything else on this page is up to date.
        </p>
      ) : (
        <div className="grid items-start gap-4 sm:grid-cols-2">
          <table className="text-sm" aria-label="Tasks by assignee">
            <thead className="text-left text-zinc-500">
              <tr>
                <th className="font-normal">Assignee</th>
                <th className="font-normal">Open</th>
                <th className="font-normal">Done</th>
              </tr>
            </thead>
            <tbody>
              {result.insights.byAssignee.map(({ assignee, open, done }) => (
                <tr key={assignee?.userId ?? "unassigned"}>
                  <td>{assignee ? (assignee.name ?? assignee.userId) : "Unassigned"}</td>
                  <td>{open}</td>
                  <td>{done}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="text-sm" aria-label="Tasks created by week">
            <thead className="text-left text-zinc-500">
              <tr>
                <th className="font-normal">Week of</th>
                <th className="font-normal">Tasks created</th>
              </tr>
            </thead>
            <tbody>
              {result.insights.createdByWeek.map(({ week, created }) => (
                <tr key={week}>
                  <td>
                    <time dateTime={week}>{week}</time>
                  </td>
                  <td>{created}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
