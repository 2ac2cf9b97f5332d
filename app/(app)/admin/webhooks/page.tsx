import { WebhookIcon } from "lucide-react";
import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Empty, EmptyDescription, EmptyHeader, EmptyMedia, EmptyTitle } from "@/components/ui/empty";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePlatformAdminPage } from "@/server/auth/platform-admin";
import { type DeliveryRow, listRecentDeliveries } from "@/server/data/platform";

export const metadata: Metadata = { title: "Webhook deliveries" };

// A delivery log is only useful when it is current.
export const dynamic = "force-dynamic";

const STATUS_BADGE = {
  processed: "success",
  stale: "secondary",
  ignored: "secondary",
  failed: "destructive",
} as const satisfies Record<DeliveryRow["status"], string>;

const formatTime = (date: Date) => date.toISOString().replace("T", " ").slice(0, 19);

export default async function WebhookDeliveriesPage() {
  await requirePlatformAdminPage();
  const deliveries = await listRecentDeliveries(100);
  const failed = deliveries.filter((delivery) => delivery.status === "failed").length;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="font-semibold text-2xl">Clerk webhook deliveries</h1>
        <p className="text-muted-foreground text-sm">
          The {deliveries.length} most recent deliveries, newest first (UTC). {failed} failed. A failed
          delivery is retried by Svix for about a day; <code>npm run sync:clerk</code> catches up on anything
          missed.
        </p>
      </header>
      {deliveries.length === 0 ? (
        <Empty>
          <EmptyHeader>
            <EmptyMedia>
              <WebhookIcon aria-hidden="true" />
            </EmptyMedia>
            <EmptyTitle>No deliveries yet</EmptyTitle>
            <EmptyDescription>
              Try <code>npm run webhook:send -- user.created</code>.
            </EmptyDescription>
          </EmptyHeader>
        </Empty>
      ) : (
        <div className="rounded-lg border bg-card">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="px-4">Received</TableHead>
                <TableHead>Event</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Error</TableHead>
                <TableHead>Svix message id</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {deliveries.map((delivery) => (
                <TableRow key={delivery.svixId}>
                  <TableCell className="px-4 tabular-nums">{formatTime(delivery.receivedAt)}</TableCell>
                  <TableCell className="font-mono text-xs">{delivery.type}</TableCell>
                  <TableCell>
                    <Badge variant={STATUS_BADGE[delivery.status]}>{delivery.status}</Badge>
                  </TableCell>
                  <TableCell className="max-w-md whitespace-normal text-destructive text-xs">
                    {delivery.error}
                  </TableCell>
                  <TableCell className="font-mono text-muted-foreground text-xs">{delivery.svixId}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
