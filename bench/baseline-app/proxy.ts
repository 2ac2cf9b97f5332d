import { NextResponse } from "next/server";

/**
 * Not part of the baseline: Turbopack looks for the proxy (middleware) file in this folder and then
 * in its parents, and would otherwise bundle the product's middleware.ts into this app. This one
 * matches no path the benchmarks request, so no request runs it.
 */
export function proxy() {
  return NextResponse.next();
}

export const config = { matcher: "/_no-proxy-here" };
