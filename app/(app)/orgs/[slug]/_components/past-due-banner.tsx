import { TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { organizationPath } from "@/lib/auth/routes";

/** For those who manage billing, on every page of the organization while a payment is past due. */
export function PastDueBanner({ slug }: { slug: string }) {
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
