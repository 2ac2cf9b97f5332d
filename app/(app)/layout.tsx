import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { AuthProvider } from "@/components/auth-provider";
import { Toaster } from "@/components/toaster";
import { requireSignedInPage } from "@/server/auth/context";
import { isPlatformAdmin } from "@/server/auth/platform-admin";

/**
 * Everything behind sign-in. The middleware already sent signed-out visitors away; this checks again
 * because a layout must never trust that it sits behind the middleware.
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  await requireSignedInPage();
  return (
    <AuthProvider>
      <div className="flex min-h-screen flex-col">
        <AppHeader showAdminLink={await isPlatformAdmin()} />
        {children}
      </div>
      <Toaster closeButton />
    </AuthProvider>
  );
}
