import { CreditCardIcon } from "lucide-react";
import type { Metadata } from "next";
import { Suspense } from "react";
import { ListSkeleton } from "@/components/list-skeleton";
import { Badge } from "@/components/ui/badge";
import { Empty, EmptyDescription, EmptyHeader, EmptyMedia, EmptyTitle } from "@/components/ui/empty";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { requirePlatformAdminPage } from "@/server/auth/platform-admin";
import { listRecentPaymentAttempts, type PaymentAttemptRow } from "@/server/data/billing";

export const metadata: Metadata = { title: "Payment attempts" };

// Like the delivery log, only useful when current.
export const dynamic = "force-dynamic";

const STATUS_BADGE: Record<string, "success" | "secondary" | "destructive"> = {
  paid: "success",
  pending: "secondary",
  failed: "destructive",
};

const formatTime = (date: Date | null) => (date ? date.toISOString().replace("T", " ").slice(0, 19) : "—");

function formatAmount({ amount, currency }: PaymentAttemptRow): string {
  if (amount === null) return "—";
  return new Intl.NumberFormat("en", { style: "currency", currency: currency ?? "USD" }).format(amount / 100);
}

/** Clerk Billing's payment attempts (`paymentAttempt.*` webhooks), newest first, for platform admins. */
export default async function PaymentAttemptsPage() {
  await requirePlatformAdminPage();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-semibold text-2xl">Payment attempts</h1>
      {/* The check above already ran, so a refusal is still a 404 while the list streams in. */}
      <Suspense fallback={<ListSkeleton label="Loading payment attempts" />}>
        <PaymentAttempts />
      </Suspense>
    </div>
  );
}

async function PaymentAttempts() {
  const attempts = await listRecentPaymentAttempts(100);
  const failed = attempts.filter((attempt) => attempt.status === "failed").length;
  if (attempts.length === 0) {
    return (
      <Empty>
        <EmptyHeader>
          <EmptyMedia>
            <CreditCardIcon aria-hidden="true" />
          </EmptyMedia>
          <EmptyTitle>No payment attempts yet</EmptyTitle>
          <EmptyDescription>
            Try <code>npm run webhook:send -- paymentAttempt.updated</code>.
          </EmptyDescription>
        </EmptyHeader>
      </Empty>
    );
  }
  return (
    <>
      <p className="text-muted-foreground text-sm">
        The {attempts.length} most recent charges Clerk Billing attempted, newest first (UTC). {failed}{" "}
        failed: Clerk retries them, and the organization's subscription shows as past due meanwhile.
      </p>
      <div className="rounded-lg border bg-card">
        <Table>
          <TableCaption className="sr-only">Payment attempts</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead className="px-4">Updated</TableHead>
              <TableHead>Organization</TableHead>
              <TableHead>Charge</TableHead>
              <TableHead>Amount</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Reason</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {attempts.map((attempt) => (
              <TableRow key={attempt.clerkId}>
                <TableCell className="px-4 tabular-nums">{formatTime(attempt.clerkUpdatedAt)}</TableCell>
                <TableCell>{attempt.organization ?? "(a user's own)"}</TableCell>
                <TableCell>{attempt.chargeType}</TableCell>
                <TableCell className="tabular-nums">{formatAmount(attempt)}</TableCell>
                <TableCell>
                  <Badge variant={STATUS_BADGE[attempt.status] ?? "secondary"}>{attempt.status}</Badge>
                </TableCell>
                <TableCell className="max-w-md whitespace-normal font-mono text-destructive text-xs">
                  {attempt.failedReason}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
