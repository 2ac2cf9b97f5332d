import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
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
      <h1 className="font-bold text-2xl">Platform admin</h1>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {figures.map((figure) => (
          // A card per figure; <dt>/<dd> sit directly in it, the one wrapper a <dl> allows.
          <Card key={figure.label} className="gap-1 px-4 py-4">
            <dt className="text-muted-foreground text-sm">{figure.label}</dt>
            <dd className="font-semibold text-2xl tabular-nums">{figure.value}</dd>
          </Card>
        ))}
      </dl>
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="outline" className="w-fit">
          <Link href="/admin/webhooks">Recent webhook deliveries →</Link>
        </Button>
        <Button asChild variant="outline" className="w-fit">
          <Link href="/admin/billing">Recent payment attempts →</Link>
        </Button>
      </div>
    </section>
  );
}
