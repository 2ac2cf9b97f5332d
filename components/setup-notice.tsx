import Link from "next/link";
import { CLERK_SETUP_PATH } from "@/lib/auth/routes";

/** Shown where a Clerk component would be, while the app runs without Clerk keys. */
export function SetupNotice({ what }: { what: string }) {
  return (
    <div
      role="status"
      className="w-full rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      {what} needs Clerk, and this server has no Clerk keys yet.{" "}
      <Link href={CLERK_SETUP_PATH} className="font-medium underline">
        See what to set
      </Link>
      .
    </div>
  );
}
