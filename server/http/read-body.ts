import "server-only";

export type RawBody = { ok: true; text: string } | { ok: false; reason: "too-large" };

/**
 * Reads a request body as the exact text that was sent (and, for webhooks, signed), refusing to
 * buffer more than `maxBytes` — for the webhook route and the REST API alike:
 * a declared Content-Length over the limit is refused before reading anything, and a body sent
 * without one (chunked) is cut off as soon as it passes the limit.
 */
export async function readRawBody(request: Request, maxBytes: number): Promise<RawBody> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: "too-large" };
  if (!request.body) return { ok: true, text: "" };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: "too-large" };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}
