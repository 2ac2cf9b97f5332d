import Link from "next/link";
import type { ReactNode } from "react";
import { AuthProvider } from "@/components/auth-provider";
import { ThemeToggle } from "@/components/theme-toggle";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <AuthProvider>
      <div className="flex min-h-screen flex-col items-center gap-10 px-4 py-12 sm:px-6 sm:py-16">
        <header className="flex w-full max-w-xl items-center justify-between">
          <Link href="/" className="font-semibold text-lg tracking-tight">
            Orgs Starter
          </Link>
          <ThemeToggle />
        </header>
        <main className="flex w-full max-w-xl flex-col items-center gap-6">{children}</main>
      </div>
    </AuthProvider>
  );
}
