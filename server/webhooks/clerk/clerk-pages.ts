import "server-only";

/**
 * Walks one of Clerk's offset-paginated lists to the end. Stops early if a page comes back empty
 * (the list shrank while we read it), so a deletion during the walk cannot loop forever.
 */
export async function* clerkPages<T>(
  fetchPage: (params: { limit: number; offset: number }) => Promise<{ data: T[]; totalCount: number }>,
  limit: number,
): AsyncGenerator<{ items: T[]; seen: number; total: number }> {
  let offset = 0;
  for (;;) {
    const page = await fetchPage({ limit, offset });
    if (page.data.length === 0) return;
    offset += page.data.length;
    yield { items: page.data, seen: offset, total: page.totalCount };
    if (offset >= page.totalCount) return;
  }
}

/** Whether a Clerk Backend API call failed because the object does not exist. */
export function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "status" in error && error.status === 404;
}
