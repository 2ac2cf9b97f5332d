import Link from "next/link";
import type { ReactNode } from "react";
import { AuthProvider } from "@/components/auth-provider";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <AuthProvider>
      <div className="flex min-h-screen flex-col items-center gap-10 px-6 py-16">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Orgs Starter
        </Link>
        <main className="flex w-full max-w-xl flex-col items-center gap-6">{children}</main>
      </div>
    </AuthProvider>
  );
}
