/** Plain HTTP requests to the built app, with a session carried the way a browser or an API client would. */
import { type MintOptions, mintSession } from "../../support/clerk-tokens";
import { e2eContext } from "./e2e-context";

export type Carrier =
  /** `Authorization: Bearer <token>`: API clients. Clerk never answers these with a handshake. */
  | "bearer"
  /** Clerk's cookies on a top-level page load (`Sec-Fetch-Dest: document`), as a browser sends them. */
  | "cookie-document"
  /** Clerk's cookies on a fetch from a page (client navigation, `fetch()`): `Sec-Fetch-Dest: empty`. */
  | "cookie-fetch";

export interface RequestOptions {
  session?: Omit<MintOptions, "authorizedParty"> & { authorizedParty?: string };
  carrier?: Carrier;
  method?: string;
  /** A token made elsewhere (another key, a tampered one), sent as is. */
  rawToken?: string;
  headers?: Record<string, string>;
}

/** Requests `path` without following redirects, so a test sees where the app sends the caller. */
export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const { baseUrl, jwtPrivateKey } = e2eContext();
  const carrier = options.carrier ?? "bearer";
  const headers = new Headers(options.headers);
  if (!headers.has("Accept")) headers.set("Accept", carrier === "cookie-document" ? "text/html" : "*/*");
  headers.set("Sec-Fetch-Dest", carrier === "cookie-document" ? "document" : "empty");

  let token = options.rawToken;
  let issuedAt = Math.floor(Date.now() / 1000) - 60;
  if (options.session) {
    const minted = mintSession(jwtPrivateKey, { authorizedParty: baseUrl, ...options.session });
    token = minted.token;
    issuedAt = minted.issuedAt;
  }
  const cookies = ["__clerk_db_jwt=dvb_e2e_test"];
  if (token && carrier === "bearer") headers.set("Authorization", `Bearer ${token}`);
  if (token && carrier !== "bearer") cookies.push(`__session=${token}`, `__client_uat=${issuedAt}`);
  headers.set("Cookie", cookies.join("; "));

  return fetch(new URL(path, baseUrl), { method: options.method ?? "GET", headers, redirect: "manual" });
}
