/** URLs of the projects feature, in one place so pages, actions and tests agree. */
const org = (slug: string) => `/orgs/${encodeURIComponent(slug)}`;

export const projectPaths = {
  list: (slug: string) => `${org(slug)}/projects`,
  create: (slug: string) => `${org(slug)}/projects/new`,
  detail: (slug: string, projectId: string) => `${org(slug)}/projects/${encodeURIComponent(projectId)}`,
  edit: (slug: string, projectId: string) => `${org(slug)}/projects/${encodeURIComponent(projectId)}/edit`,
  activity: (slug: string) => `${org(slug)}/activity`,
};
