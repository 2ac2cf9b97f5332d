import { ClerkProvider } from "@clerk/nextjs";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { clerkAppearance } from "@/components/clerk-appearance";
import { ThemeProvider } from "@/components/theme-provider";
import { Toaster } from "@/components/toaster";
import { CHOOSE_ORGANIZATION_PATH, SIGN_IN_PATH, SIGN_UP_PATH } from "@/lib/auth/routes";
import { clerkPublishableKey } from "@/lib/config/clerk-publishable-key";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Orgs Starter", template: "%s · Orgs Starter" },
  description:
    "A Next.js SaaS starter with Clerk organizations, a tenant-scoped data layer and a webhook sync you can trust.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const page = (
    // next-themes sets the `dark` class on <html> before React hydrates: the mismatch is expected.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen font-sans">
        <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
          {children}
          <Toaster closeButton />
        </ThemeProvider>
      </body>
    </html>
  );
  // Keyless demo mode: `<ClerkProvider>` would fail without a key; private pages explain the setup.
  if (!clerkPublishableKey) return page;
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
      {page}
    </ClerkProvider>
  );
}
