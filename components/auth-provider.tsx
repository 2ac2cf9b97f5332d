import { ClerkProvider } from "@clerk/nextjs";
import type { ReactNode } from "react";
import { clerkAppearance } from "@/components/clerk-appearance";
import { CHOOSE_ORGANIZATION_PATH, SIGN_IN_PATH, SIGN_UP_PATH } from "@/lib/auth/routes";
import { clerkPublishableKey } from "@/lib/config/clerk-publishable-key";

/**
 * Clerk's `<ClerkProvider>` for the route groups that sign people in or act for them: the app, the
 * sign-in pages and the CLI's approval page. Not the root layout: the marketing pages stay outside,
 * so a visitor who only reads them downloads neither Clerk's React bindings (~56 kB gzipped) nor
 * clerk-js from Clerk's CDN (Clerk's documented pattern for marketing route groups).
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  // Keyless demo mode: `<ClerkProvider>` would fail without a key; private pages explain the setup.
  if (!clerkPublishableKey) return children;
  return (
    <ClerkProvider
      publishableKey={clerkPublishableKey}
      appearance={clerkAppearance}
      signInUrl={SIGN_IN_PATH}
      signUpUrl={SIGN_UP_PATH}
      signInFallbackRedirectUrl={CHOOSE_ORGANIZATION_PATH}
      signUpFallbackRedirectUrl={CHOOSE_ORGANIZATION_PATH}
      afterSignOutUrl="/"
    >
      {children}
    </ClerkProvider>
  );
}
