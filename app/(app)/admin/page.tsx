import type { Metadata } from "next";
import Link from "next/link";
import { getPlatformOverview } from "@/server/data/platform";

export const metadata: Metadata = { title: "Platform admin" };

export default async function PlatformAdminPage() {
  const overview = await getPlatformOverview();
  const figures = [
    { label: "Users", value: overview.users },
    { label: "Organizations", value: overview.organizations },
    { label: "Memberships", value: overview.memberships },
    { label: "Webhook deliveries", value: overview.webhookEvents },
  ];
  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Platform admin</h1>
      <dl className="grid gap-4 sm:grid-cols-4">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-lg border border-zinc-200 bg-white p-4">
            <dt className="text-sm text-zinc-500">{figure.label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{figure.value}</dd>
          </div>
        ))}
      </dl>
      <Link href="/admin/webhooks" className="font-medium text-indigo-600 hover:underline">
        Recent webhook deliveries →
      </Link>
      <Link href="/admin/billing" className="font-medium text-indigo-600 hover:underline">
        Recent payment attempts →
      </Link>
    </section>
  );
}
