import type { Metadata } from "next";
import { requirePlatformAdminPage } from "@/server/auth/platform-admin";
import { type DeliveryRow, listRecentDeliveries } from "@/server/data/platform";

export const metadata: Metadata = { title: "Webhook deliveries" };

// A delivery log is only useful when it is current.
export const dynamic = "force-dynamic";

const STATUS_STYLE: Record<DeliveryRow["status"], string> = {
  processed: "bg-emerald-50 text-emerald-700",
  stale: "bg-zinc-100 text-zinc-600",
  ignored: "bg-zinc-100 text-zinc-600",
  failed: "bg-red-50 text-red-700",
};

const formatTime = (date: Date) => date.toISOString().replace("T", " ").slice(0, 19);

export default async function WebhookDeliveriesPage() {
  await requirePlatformAdminPage();
  const deliveries = await listRecentDeliveries(100);
  const failed = deliveries.filter((delivery) => delivery.status === "failed").length;

  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 px-6 py-10">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">Clerk webhook deliveries</h1>
        <p className="text-sm text-zinc-600">
          The {deliveries.length} most recent deliveries, newest first (UTC). {failed} failed. A failed
          delivery is retried by Svix for about a day; <code>npm run sync:clerk</code> catches up on anything
          missed.
        </p>
      </header>
      {deliveries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-zinc-600">
          No deliveries yet. Try <code>npm run webhook:send -- user.created</code>.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase text-zinc-500">
              <tr>
                <th className="px-4 py-2">Received</th>
                <th className="px-4 py-2">Event</th>
                <th className="px-4 py-2">Status</th>
                <th className="px-4 py-2">Error</th>
                <th className="px-4 py-2">Svix message id</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {deliveries.map((delivery) => (
                <tr key={delivery.svixId}>
                  <td className="whitespace-nowrap px-4 py-2 tabular-nums">
                    {formatTime(delivery.receivedAt)}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{delivery.type}</td>
                  <td className="px-4 py-2">
                    <span
                      className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[delivery.status]}`}
                    >
                      {delivery.status}
                    </span>
                  </td>
                  <td className="max-w-md px-4 py-2 text-xs text-red-700">{delivery.error}</td>
                  <td className="px-4 py-2 font-mono text-xs text-zinc-500">{delivery.svixId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
