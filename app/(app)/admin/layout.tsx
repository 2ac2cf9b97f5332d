import type { ReactNode } from "react";
import { requirePlatformAdminPage } from "@/server/auth/platform-admin";

/** The platform admin area: for the people who run the SaaS. Everyone else gets a 404. */
export default async function PlatformAdminLayout({ children }: { children: ReactNode }) {
  await requirePlatformAdminPage();
  return <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-8">{children}</main>;
}
