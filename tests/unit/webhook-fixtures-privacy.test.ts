/**
 * The webhook fixtures are real Clerk deliveries and public examples, committed to a public
 * repository: they must not carry a real person's email address or network address. Shapes stay
 * real; personal values are replaced with reserved ones (RFC 2606 domains, RFC 5737 / 3849 addresses).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const FIXTURES = path.resolve("tests/fixtures/clerk-webhooks");

const fixtureFiles = readdirSync(FIXTURES, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".json"))
  .map((file) => ({ file, text: readFileSync(path.join(FIXTURES, file), "utf8") }));

const RESERVED_EMAIL_DOMAIN = /@(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|[a-z0-9-]+\.example)$/i;
// Documentation ranges, and addresses that name no one (unspecified, private, loopback).
const HARMLESS_IP =
  /^(?:192\.0\.2\.|198\.51\.100\.|203\.0\.113\.|2001:db8:|0\.0\.0\.0$|10\.|192\.168\.|127\.|::1$)/i;

describe("the captured webhook fixtures", () => {
  it("are there to check", () => {
    expect(fixtureFiles.filter(({ file }) => file.startsWith("real-captured")).length).toBeGreaterThan(0);
  });

  it.each(fixtureFiles)("$file holds no email address outside the reserved example domains", ({ text }) => {
    const emails = text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi) ?? [];
    expect(emails.filter((email) => !RESERVED_EMAIL_DOMAIN.test(email))).toEqual([]);
  });

  it.each(fixtureFiles)(
    "$file holds no client IP outside the documentation and private ranges",
    ({ text }) => {
      const ips = [...text.matchAll(/"client_ip":\s*"([^"]*)"/g)].map((match) => match[1] ?? "");
      expect(ips.filter((ip) => ip !== "" && !HARMLESS_IP.test(ip))).toEqual([]);
    },
  );
});
