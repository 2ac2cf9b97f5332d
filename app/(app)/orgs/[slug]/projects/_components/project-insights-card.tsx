import { CloudOffIcon } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getProjectInsights } from "@/server/insights/project-insights";

/** Task figures from the insights service; nothing when none is configured, a note when it is down. */
export async function ProjectInsightsCard({ projectId }: { projectId: string }) {
  const result = await getProjectInsights(projectId);
  if (!result) return null;
  return (
    <Card role="region" aria-labelledby="insights-heading">
      <CardHeader>
        <CardTitle>
          <h2 id="insights-heading">Insights</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        {result.state === "unavailable" ? (
          <p className="flex items-center gap-2 text-muted-foreground text-sm">
            <CloudOffIcon className="size-4 shrink-0" aria-hidden="true" />
            Insights are unavailable right now. Everything else on this page is up to date.
          </p>
        ) : (
          <div className="grid items-start gap-6 sm:grid-cols-2">
            <Table aria-label="Tasks by assignee">
              <TableHeader>
                <TableRow>
                  <TableHead>Assignee</TableHead>
                  <TableHead className="text-right">Open</TableHead>
                  <TableHead className="text-right">Done</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.insights.byAssignee.map(({ assignee, open, done }) => (
                  <TableRow key={assignee?.userId ?? "unassigned"}>
                    <TableCell>{assignee ? (assignee.name ?? assignee.userId) : "Unassigned"}</TableCell>
                    <TableCell className="text-right tabular-nums">{open}</TableCell>
                    <TableCell className="text-right tabular-nums">{done}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Table aria-label="Tasks created by week">
              <TableHeader>
                <TableRow>
                  <TableHead>Week of</TableHead>
                  <TableHead className="text-right">Tasks created</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.insights.createdByWeek.map(({ week, created }) => (
                  <TableRow key={week}>
                    <TableCell>
                      <time dateTime={week}>{week}</time>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{created}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
