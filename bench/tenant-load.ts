/**
 * A closed-loop load generator: `concurrency` connections, each sending its next request as soon as
 * the previous one answered, for `durationMs` after a warm-up. Latency is measured per request.
 */
import http from "node:http";

export interface LoadWindow {
  /** Latencies (ms) of the successful requests answered inside the window. */
  latencies: number[];
  errors: number;
  /** The first failure, to say what went wrong. */
  firstError: string | null;
}

export interface LoadOptions {
  baseUrl: string;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  /** The next request to send: a path and its headers. */
  nextRequest: () => { path: string; headers: Record<string, string> };
  /** Checks a 200's body (a page can stream an error after its 200); returns why it is wrong, or null. */
  checkBody?: (body: string) => string | null;
}

interface Answer {
  status: number;
  body: string;
}

function send(
  agent: http.Agent,
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  keepBody: boolean,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(path, baseUrl), { agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      if (keepBody) response.on("data", (chunk: Buffer) => chunks.push(chunk));
      else response.resume();
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    request.on("error", reject);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadWindow> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const window: LoadWindow = { latencies: [], errors: 0, firstError: null };
  const measureFrom = performance.now() + options.warmupMs;
  const stopAt = measureFrom + options.durationMs;

  async function worker(): Promise<void> {
    while (performance.now() < stopAt) {
      const { path, headers } = options.nextRequest();
      const sent = performance.now();
      let problem: string | null = null;
      try {
        const answer = await send(agent, options.baseUrl, path, headers, Boolean(options.checkBody));
        if (answer.status !== 200) problem = `${answer.status} for ${path}`;
        else problem = options.checkBody?.(answer.body) ?? null;
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      const done = performance.now();
      if (sent < measureFrom || done > stopAt) continue;
      if (problem === null) {
        window.latencies.push(done - sent);
      } else {
        window.errors++;
        window.firstError ??= problem;
      }
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, worker));
  agent.destroy();
  return window;
}
