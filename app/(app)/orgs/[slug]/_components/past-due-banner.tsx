import Link from "next/link";
import { organizationPath } from "@/lib/auth/routes";

/** For those who manage billing, on every page of the organization while a payment is past due. */
export function PastDueBanner({ slug }: { slug: string }) {
  return (
    <div role="alert" className="border-b border-amber-200 bg-amber-50">
      <p className="mx-auto max-w-6xl px-6 py-2 text-sm text-amber-900">
        A payment for your plan is past due. Paid features are read-only until the payment method is updated.{" "}
        <Link href={organizationPath(slug, "billing")} className="font-medium underline">
          Go to billing
        </Link>
      </p>
    </div>
  );
}
