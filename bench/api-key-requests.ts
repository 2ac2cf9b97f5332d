/**
 * A `requestModule` for the auth benchmark's uncached API-key scenario: every request carries the
 * next of many keys, so the server has not seen that key in its cache window (10 s) and must ask
 * Clerk's Backend API (here the run's local stand-in) — the cost of a key on a cold cache. The
 * start is random, so consecutive runs (a fresh load process each) do not replay the same keys.
 */
import type autocannon from "autocannon";

export function createRequests(options: { path: string; secrets: string[] }): autocannon.Request[] {
  let next = Math.floor(Math.random() * options.secrets.length);
  return [
    {
      method: "GET",
      path: options.path,
      setupRequest: (request) => {
        const secret = options.secrets[next++ % options.secrets.length];
        return { ...request, headers: { ...request.headers, authorization: `Bearer ${secret}` } };
      },
    },
  ];
}
