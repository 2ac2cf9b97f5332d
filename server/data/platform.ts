import "server-only";
import { notFound } from "next/navigation";
import { isPlatformAdmin } from "../auth/platform-admin";
import { db } from "../db";

export interface PlatformOverview {
  users: number;
  organizations: number;
  memberships: number;
  webhookEvents: number;
}

/**
 * Counts across every tenant, for the platform admin area only. It checks the caller itself, so a
 * page that forgets its guard still shows nothing (and the 404 does not reveal the area).
 */
export async function getPlatformOverview(): Promise<PlatformOverview> {
  if (!(await isPlatformAdmin())) notFound();
  const [users, organizations, memberships, webhookEvents] = await Promise.all([
    db.user.count({ where: { deletedAt: null } }),
    db.organization.count({ where: { deletedAt: null } }),
    db.membership.count({ where: { deletedAt: null } }),
    db.webhookEvent.count(),
  ]);
  return { users, organizations, memberships, webhookEvents };
}

export interface DeliveryRow {
  svixId: string;
  type: string;
  status: "processed" | "ignored" | "stale" | "failed";
  error: string | null;
  receivedAt: Date;
  processedAt: Date | null;
}

/** The most recent Clerk webhook deliveries, newest first, for /admin/webhooks (guarded by the page). */
export async function listRecentDeliveries(limit = 100): Promise<DeliveryRow[]> {
  return db.webhookEvent.findMany({
    orderBy: { receivedAt: "desc" },
    take: limit,
    select: { svixId: true, type: true, status: true, error: true, receivedAt: true, processedAt: true },
  });
}
