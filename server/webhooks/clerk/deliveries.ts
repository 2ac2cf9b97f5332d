import "server-only";
import { db } from "../../db";

export interface DeliveryRow {
  svixId: string;
  type: string;
  status: "processed" | "ignored" | "stale" | "failed";
  error: string | null;
  receivedAt: Date;
  processedAt: Date | null;
}

/** The most recent webhook deliveries, newest first, for the platform admins' view. */
export async function listRecentDeliveries(limit = 100): Promise<DeliveryRow[]> {
  return db.webhookEvent.findMany({
    orderBy: { receivedAt: "desc" },
    take: limit,
    select: { svixId: true, type: true, status: true, error: true, receivedAt: true, processedAt: true },
  });
}
