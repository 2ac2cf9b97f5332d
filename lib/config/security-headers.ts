import { parsePublishableKey } from "@clerk/shared/keys";

/**
 * The security headers of every response, set from `next.config.ts` `headers()`: that applies to
 * pages, API routes and the webhook route alike (the webhook route skips the middleware), and needs
 * no per-request work, so static pages stay static.
 *
 * The Content-Security-Policy is static, so it cannot carry a per-request nonce. Next.js's App Router
 * bootstraps each page with inline `<script>` tags (the RSC payload, `self.__next_f.push(…)`), so
 * `script-src` needs `'unsafe-inline'` — Next.js's documented CSP "without nonces". A nonce-based
 * policy would force dynamic rendering of every page. What the policy still buys: scripts load from
 * this origin and Clerk only, nothing can frame the app (clickjacking of one-click actions), forms post
 * only here, no plugins, no `<base>` hijack.
 *
 * Clerk's hosts, from Clerk's CSP guide: its Frontend API (clerk-js loads from there and talks to
 * it), Cloudflare's bot protection, Clerk's fraud protection (served on other ports, hence `:*`),
 * img.clerk.com for avatars and logos, `blob:` workers and inline styles (runtime CSS-in-JS).
 * Clerk Billing's `<PricingTable>` and checkout load Stripe.js and its frames: the Stripe hosts of
 * @clerk/nextjs's own default policy (`content-security-policy.js`).
 */

const CLOUDFLARE_CHALLENGES = "https://challenges.cloudflare.com";
const STRIPE_JS = ["https://js.stripe.com", "https://*.js.stripe.com"];
const CLERK_PROTECTION = "https://*.protect.clerk.com";

export interface SecurityHeaderOptions {
  /** `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY` at build time; unset in the keyless demo mode. */
  publishableKey: string | undefined;
  /** `next build`: HSTS on, no `'unsafe-eval'` (React's development build needs it for stack traces). */
  production: boolean;
}

export function contentSecurityPolicy({ publishableKey, production }: SecurityHeaderOptions): string {
  const frontendApi = publishableKey ? parsePublishableKey(publishableKey)?.frontendApi : undefined;
  const clerk = frontendApi ? [`https://${frontendApi}`] : [];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      "'unsafe-inline'",
      ...(production ? [] : ["'unsafe-eval'"]),
      ...clerk,
      CLOUDFLARE_CHALLENGES,
      CLERK_PROTECTION,
      ...STRIPE_JS,
    ],
    "connect-src": [
      "'self'",
      ...clerk,
      `${CLERK_PROTECTION}:*`,
      "https://clerk-telemetry.com",
      "https://*.clerk-telemetry.com",
      "https://api.stripe.com",
    ],
    "img-src": ["'self'", "https://img.clerk.com"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "font-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "frame-src": [
      "'self'",
      CLOUDFLARE_CHALLENGES,
      CLERK_PROTECTION,
      ...STRIPE_JS,
      "https://hooks.stripe.com",
    ],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Array<{ key: string; value: string }> {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(options) },
    // For browsers that predate `frame-ancestors`.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // Only where the app is served over HTTPS: a browser ignores HSTS over plain HTTP anyway, and in
    // development it would pin localhost to HTTPS for every other project on that host.
    ...(options.production
      ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
      : []),
  ];
}
