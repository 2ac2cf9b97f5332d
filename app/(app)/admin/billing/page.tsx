import type { Metadata } from "next";
import { requirePlatformAdminPage } from "@/server/auth/platform-admin";
import { listRecentPaymentAttempts, type PaymentAttemptRow } from "@/server/data/billing";

export const metadata: Metadata = { title: "Payment attempts" };

// Like the delivery log, only useful when current.
export const dynamic = "force-dynamic";

const STATUS_STYLE: Record<string, string> = {
  paid: "bg-emerald-50 text-emerald-700",
  pending: "bg-zinc-100 text-zinc-600",
  failed: "bg-red-50 text-red-700",
};

const formatTime = (date: Date | null) => (date ? date.toISOString().replace("T", " ").slice(0, 19) : "—");

function formatAmount({ amount, currency }: PaymentAttemptRow): string {
  if (amount === null) return "—";
  return new Intl.NumberFormat("en", { style: "currency", currency: currency ?? "USD" }).format(amount / 100);
}

/** Clerk Billing's payment attempts (`paymentAttempt.*` webhooks), newest first, for platform admins. */
export default async function PaymentAttemptsPage() {
  await requirePlatformAdminPage();
  const attempts = await listRecentPaymentAttempts(100);
  const failed = attempts.filter((attempt) => attempt.status === "failed").length;

  return (
    <section className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">Payment attempts</h1>
        <p className="text-sm text-zinc-600">
          The {attempts.length} most recent charges Clerk Billing attempted, newest first (UTC). {failed}{" "}
          failed: Clerk retries them, and the organization's subscription shows as past due meanwhile.
        </p>
      </header>
      {attempts.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-zinc-600">
          No payment attempts yet. Try <code>npm run webhook:send -- paymentAttempt.updated</code>.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase text-zinc-500">
              <tr>
                <th className="px-4 py-2">Updated</th>
                <th className="px-4 py-2">Organization</th>
                <th className="px-4 py-2">Charge</th>
                <th className="px-4 py-2">Amount</th>
                <th className="px-4 py-2">Status</th>
                <th className="px-4 py-2">Reason</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {attempts.map((attempt) => (
                <tr key={attempt.clerkId}>
                  <td className="whitespace-nowrap px-4 py-2 tabular-nums">
                    {formatTime(attempt.clerkUpdatedAt)}
                  </td>
                  <td className="px-4 py-2">{attempt.organization ?? "(a user's own)"}</td>
                  <td className="px-4 py-2">{attempt.chargeType}</td>
                  <td className="px-4 py-2 tabular-nums">{formatAmount(attempt)}</td>
                  <td className="px-4 py-2">
                    <span
                      className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[attempt.status] ?? STATUS_STYLE.pending}`}
                    >
                      {attempt.status}
                    </span>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{attempt.failedReason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
