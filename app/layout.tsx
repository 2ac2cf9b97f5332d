import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ThemeProvider } from "@/components/theme-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Orgs Starter", template: "%s · Orgs Starter" },
  description:
    "A Next.js SaaS starter with Clerk organizations, a tenant-scoped data layer and a webhook sync you can trust.",
};

// `<ClerkProvider>` wraps the (app) and (auth) groups and /cli (components/auth-provider.tsx), not
// the marketing pages; so does the toast outlet, in the layouts whose forms toast ((app), /cli).
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // next-themes sets the `dark` class on <html> before React hydrates: the mismatch is expected.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen font-sans">
        <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
          {children}
        </ThemeProvider>
      </body>
    </html>
  );
}
