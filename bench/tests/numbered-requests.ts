/**
 * A `requestModule` for the load-generator test: every request carries the next number, the way a
 * webhook benchmark signs every delivery afresh.
 */
import type autocannon from "autocannon";

export function createRequests(options: { prefix: string }): autocannon.Request[] {
  let sent = 0;
  return [
    {
      method: "POST",
      path: "/numbered",
      setupRequest: (request) => ({ ...request, body: `${options.prefix}-${++sent}` }),
    },
  ];
}
