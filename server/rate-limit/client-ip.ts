import "server-only";

/**
 * The client's address, for the per-IP limits. Next.js does not hand route handlers the socket; it
 * fills `X-Forwarded-For` from the socket only when the request did not carry one. So:
 * - behind `trustedProxies` proxies (RATE_LIMIT_TRUSTED_PROXIES), each of which appends the address it
 *   received from, the client is that many entries from the right of `X-Forwarded-For`; entries
 *   further left were written by the client and are ignored;
 * - with none configured, `X-Real-IP` (which nginx-style proxies overwrite), else the address Next.js
 *   took from the socket. With nothing in front of the app both headers are the client's to forge, which
 *   is why a deployment puts the app behind a proxy and says how many (README, Security).
 */
export function clientIpOf(headers: Headers, trustedProxies: number): string {
  // An address is at most 45 characters (IPv6 with an embedded IPv4); a longer "address" is made up,
  // and must not become a key too long for the limits' table (which would fail open).
  return clientAddressOf(headers, trustedProxies).slice(0, 64);
}

function clientAddressOf(headers: Headers, trustedProxies: number): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (trustedProxies > 0 && forwarded.length > 0) {
    return forwarded[Math.max(0, forwarded.length - trustedProxies)] as string;
  }
  return headers.get("x-real-ip")?.trim() || forwarded.at(-1) || "unknown";
}
