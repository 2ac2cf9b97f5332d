/**
 * One request before the load: a benchmark must first prove it hits what it claims to measure (the
 * signed-in dashboard, not a redirect to sign-in; a protected route that really refuses strangers).
 */
export interface Expectation {
  status: number;
  /** Texts the body must contain. */
  bodyIncludes?: string[];
}

export class CheckFailedError extends Error {
  override name = "CheckFailedError";
}

export async function expectResponse(
  url: string,
  headers: Record<string, string>,
  expectation: Expectation,
): Promise<string> {
  const response = await fetch(url, { headers, redirect: "manual" });
  const body = await response.text();
  const missing = (expectation.bodyIncludes ?? []).filter((text) => !body.includes(text));
  if (response.status !== expectation.status || missing.length > 0) {
    const location = response.headers.get("location");
    throw new CheckFailedError(
      [
        `GET ${new URL(url).pathname} answered ${response.status}${location ? ` → ${location}` : ""}`,
        `expected ${expectation.status}${missing.length ? ` with ${missing.map((text) => JSON.stringify(text)).join(", ")} in the body` : ""}`,
        `body starts: ${body.slice(0, 200).replaceAll(/\s+/g, " ")}`,
      ].join("; "),
    );
  }
  return body;
}
