/** `orgs projects list|create|show`: the REST API through the generated client, with the CLI's key. */
import { createApiClient, type Project } from "../lib/api-client";
import { printResult } from "./output";
import { type CliContext, requireCredential } from "./session-commands";

async function apiOf(context: CliContext) {
  const { credential } = await requireCredential(context);
  return createApiClient({ baseUrl: context.apiUrl, apiKey: credential.token });
}

const line = (project: Project) => `${project.id}  ${project.status.padEnd(9)}  ${project.name}`;

export async function listProjectsCommand(
  context: CliContext,
  options: { query?: string; limit?: number; cursor?: string },
): Promise<void> {
  const api = await apiOf(context);
  const page = await api.projects.list({ q: options.query, limit: options.limit, cursor: options.cursor });
  printResult(context.output, page, ({ data, nextCursor }) =>
    [
      data.length ? data.map(line).join("\n") : "No projects.",
      ...(nextCursor ? [`More: orgs projects list --cursor ${nextCursor}`] : []),
    ].join("\n"),
  );
}

export async function createProjectCommand(
  context: CliContext,
  name: string,
  options: { description?: string },
): Promise<void> {
  const api = await apiOf(context);
  const project = await api.projects.create({ name, description: options.description });
  printResult(context.output, project, (created) => `Created ${line(created)}`);
}

export async function showProjectCommand(context: CliContext, projectId: string): Promise<void> {
  const api = await apiOf(context);
  const project = await api.projects.get(projectId);
  printResult(context.output, project, (shown) =>
    [line(shown), ...(shown.description ? ["", shown.description] : [])].join("\n"),
  );
}
