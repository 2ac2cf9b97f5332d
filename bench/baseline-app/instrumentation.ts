/**
 * Not part of the baseline: Turbopack looks for instrumentation.ts in this folder and then in its
 * parents, and would otherwise run the product's start-up checks in this app.
 */
export function register() {}
