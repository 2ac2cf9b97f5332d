import { TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { organizationPath } from "@/lib/auth/routes";
import { pastDueNoticeForCaller } from "@/server/data/billing";

/**
 * For those who manage billing, on every page of the organization while a payment is past due. It
 * reads the billing rows itself, so the layout can return at once and React renders this read
 * beside the page's own instead of before it.
 */
export async function PastDueBanner({ slug }: { slug: string }) {
  // A banner must not take the page down with it: if the database is unreachable, the page says so.
  if (!(await pastDueNoticeForCaller().catch(() => false))) return null;
  return (
    <div className="mx-auto w-full max-w-6xl px-4 pt-4 sm:px-6">
      <Alert variant="warning">
        <TriangleAlertIcon aria-hidden="true" />
        <AlertDescription>
          <p>
            A payment for your plan is past due. Paid features are read-only until the payment method is
            updated.{" "}
            <Link
              href={organizationPath(slug, "billing")}
              className="font-medium underline underline-offset-4"
            >
              Go to billing
            </Link>
          </p>
        </AlertDescription>
      </Alert>
    </div>
  );
}
