import type { ReactNode } from "react";
import { AuthProvider } from "@/components/auth-provider";
import { Toaster } from "@/components/toaster";

/** The CLI's approval page shows Clerk's organization widgets, and toasts when the approval fails. */
export default function CliLayout({ children }: { children: ReactNode }) {
  return (
    <AuthProvider>
      {children}
      <Toaster closeButton />
    </AuthProvider>
  );
}
