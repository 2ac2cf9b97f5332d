import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Orgs Starter", template: "%s · Orgs Starter" },
  description:
    "A Next.js SaaS starter with Clerk organizations, a tenant-scoped data layer and a webhook sync you can trust.",
};

// `<ClerkProvider>` wraps the (app) and (auth) groups and /cli (components/auth-provider.tsx), not
// the marketing pages.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
