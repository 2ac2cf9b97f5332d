import { UserButton } from "@clerk/nextjs";
import Link from "next/link";
import type { ReactNode } from "react";
import { CHOOSE_ORGANIZATION_PATH } from "@/lib/auth/routes";
import { ClerkWidget } from "./clerk-widget";

/** The bar on top of every signed-in page: the product, what the page adds (the org switcher), the account menu. */
export function AppHeader({ children, showAdminLink }: { children?: ReactNode; showAdminLink: boolean }) {
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-6">
        <Link href={CHOOSE_ORGANIZATION_PATH} className="font-semibold tracking-tight">
          Orgs Starter
        </Link>
        <div className="flex flex-1 items-center gap-4">{children}</div>
        {showAdminLink ? (
          <Link href="/admin" className="text-sm font-medium text-zinc-600 hover:text-zinc-900">
            Platform admin
          </Link>
        ) : null}
        <ClerkWidget compact unavailable="Your account menu">
          <UserButton />
        </ClerkWidget>
      </div>
    </header>
  );
}
