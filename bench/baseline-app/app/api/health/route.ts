// What the shared launcher (tests/support/next-server.ts) waits for before it hands the server over.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}
