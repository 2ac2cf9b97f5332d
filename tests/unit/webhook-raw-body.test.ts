import { describe, expect, it } from "vitest";
import { readRawBody } from "@/server/http/read-body";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readRawBody", () => {
  it("returns the exact text, multi-byte characters included", async () => {
    const text = '{"name":"Zoë — 東京"}';
    expect(await readRawBody(post(text), 100)).toEqual({ ok: true, text });
  });

  it("accepts a body of exactly the limit", async () => {
    expect(await readRawBody(post("x".repeat(10)), 10)).toEqual({ ok: true, text: "x".repeat(10) });
  });

  it("refuses a body one byte over the limit, counting bytes rather than characters", async () => {
    expect(await readRawBody(post("é".repeat(6)), 11)).toEqual({ ok: false, reason: "too-large" });
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    let pulled = false;
    // highWaterMark 0: the stream is only pulled when someone reads it.
    const stream = new ReadableStream(
      {
        pull() {
          pulled = true;
        },
      },
      { highWaterMark: 0 },
    );
    expect(await readRawBody(post(stream, { "content-length": "11" }), 10)).toEqual({
      ok: false,
      reason: "too-large",
    });
    expect(pulled).toBe(false);
  });

  it("returns an empty text for a request without a body", async () => {
    expect(await readRawBody(new Request("http://localhost/", { method: "POST" }), 10)).toEqual({
      ok: true,
      text: "",
    });
  });
});
