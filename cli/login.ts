/**
 * `orgs login`: the browser half of the sign-in (RFC 8252's loopback redirect, with PKCE). The CLI
 * listens on a random port of 127.0.0.1, sends the person to the app's /cli/authorize page with a
 * one-time `state` and a PKCE challenge, and waits for the browser to come back with a one-time code.
 * It then redeems the code by POST, with the verifier only it knows, for the credential itself — so
 * the credential is never in a URL, a browser history or a server log.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import {
  CALLBACK_PATH,
  CLI_TOKEN_PATH,
  type CliTokenResponse,
  cliAuthorizeUrl,
  codeChallengeOf,
  LOOPBACK_HOST,
  randomToken,
} from "../lib/cli-protocol";
import { CliError, EXIT, errorOfResponse } from "./output";

export interface LoginOptions {
  apiUrl: string;
  /** Shows the sign-in URL to the person (the CLI prints it on stderr). */
  announce: (url: string) => void;
  /** Tries to open the URL in a browser; the printed URL is the fallback. */
  openBrowser?: (url: string) => Promise<void>;
  /** How long to wait for the person to approve. */
  timeoutMs?: number;
}

type Callback = { code: string } | { error: string };

export async function login(options: LoginOptions): Promise<CliTokenResponse> {
  const state = randomToken();
  const verifier = randomToken();
  const { server, callback } = await listenForCallback(state, options.timeoutMs ?? 5 * 60_000);
  try {
    const url = cliAuthorizeUrl(options.apiUrl, {
      state,
      code_challenge: codeChallengeOf(verifier),
      code_challenge_method: "S256",
      port: (server.address() as AddressInfo).port,
      device: deviceName(),
    });
    options.announce(url);
    await options.openBrowser?.(url).catch(() => undefined);
    const answer = await callback;
    if ("error" in answer) {
      throw new CliError("The sign-in was declined in the browser.", EXIT.failure, "access_denied");
    }
    return await redeem(options.apiUrl, { code: answer.code, code_verifier: verifier, state });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/**
 * The loopback listener: resolves with the first request to /callback that carries our `state`
 * (anything else on this port — another local process guessing — is refused and ignored).
 */
async function listenForCallback(
  state: string,
  timeoutMs: number,
): Promise<{ server: Server; callback: Promise<Callback> }> {
  let settle: (answer: Callback) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const callback = new Promise<Callback>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", `http://${LOOPBACK_HOST}`);
    if (url.pathname !== CALLBACK_PATH || url.searchParams.get("state") !== state) {
      response.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Not this sign-in.\n");
      return;
    }
    const code = url.searchParams.get("code");
    const answer: Callback = code ? { code } : { error: url.searchParams.get("error") ?? "no_code" };
    response
      .writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
      .end(callbackPage("code" in answer));
    settle(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK_HOST, resolve));
  const timer = setTimeout(
    () =>
      fail(new CliError(`No answer from the browser within ${timeoutMs / 1000} s.`, EXIT.failure, "timeout")),
    timeoutMs,
  );
  callback.finally(() => clearTimeout(timer)).catch(() => undefined);
  return { server, callback };
}

async function redeem(
  apiUrl: string,
  body: { code: string; code_verifier: string; state: string },
): Promise<CliTokenResponse> {
  const response = await fetch(new URL(CLI_TOKEN_PATH, apiUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await errorOfResponse(response, "The sign-in could not be completed");
  return (await response.json()) as CliTokenResponse;
}

function callbackPage(approved: boolean): string {
  const message = approved
    ? "The orgs CLI is signed in. You can close this tab and return to the terminal."
    : "The sign-in was cancelled. You can close this tab.";
  return `<!doctype html><meta charset="utf-8"><title>orgs CLI</title><p style="font:16px system-ui;margin:4rem auto;max-width:32rem">${message}</p>\n`;
}

/** This machine's name for the approval page and the key's name, in the characters the app accepts. */
function deviceName(): string | undefined {
  const name = hostname()
    .replace(/[^\w .@()-]/g, "")
    .slice(0, 64);
  return name || undefined;
}
