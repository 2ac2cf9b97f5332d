import { UserButton } from "@clerk/nextjs";
import { ShieldIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/theme-toggle";
import { Button } from "@/components/ui/button";
import { CHOOSE_ORGANIZATION_PATH } from "@/lib/auth/routes";
import { ClerkWidget } from "./clerk-widget";

/** The bar on top of every signed-in page: the product, what the page adds, the theme and the account menu. */
export function AppHeader({ children, showAdminLink }: { children?: ReactNode; showAdminLink: boolean }) {
  return (
    <header className="border-b bg-background">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
        <Link href={CHOOSE_ORGANIZATION_PATH} className="font-semibold tracking-tight">
          Orgs Starter
        </Link>
        <div className="flex flex-1 items-center gap-4">{children}</div>
        {showAdminLink ? (
          <Button asChild variant="ghost" size="sm">
            <Link href="/admin">
              <ShieldIcon aria-hidden="true" />
              <span>
                <span className="sr-only sm:not-sr-only">Platform </span>admin
              </span>
            </Link>
          </Button>
        ) : null}
        <ThemeToggle />
        <ClerkWidget compact unavailable="Your account menu">
          <UserButton />
        </ClerkWidget>
      </div>
    </header>
  );
}
