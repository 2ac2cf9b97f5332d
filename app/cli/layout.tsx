import type { ReactNode } from "react";
import { AuthProvider } from "@/components/auth-provider";

/** The CLI's approval page shows Clerk's organization widgets. */
export default function CliLayout({ children }: { children: ReactNode }) {
  return <AuthProvider>{children}</AuthProvider>;
}
