import { TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { CLERK_SETUP_PATH } from "@/lib/auth/routes";

/** Shown where a Clerk component would be, while the app runs without Clerk keys. */
export function SetupNotice({ what }: { what: string }) {
  return (
    <Alert variant="warning" role="status">
      <TriangleAlertIcon aria-hidden="true" />
      <AlertDescription>
        <p>
          {what} needs Clerk, and this server has no Clerk keys yet.{" "}
          <Link href={CLERK_SETUP_PATH} className="font-medium underline underline-offset-4">
            See what to set
          </Link>
          .
        </p>
      </AlertDescription>
    </Alert>
  );
}
