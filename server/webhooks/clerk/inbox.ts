import "server-only";
import { db } from "../../db";
import { type DeliveryOutcome, handleClerkDelivery } from "./dispatcher";

/** Applies a verified delivery with the app's database client (the route's entry into `server/`). */
export function processClerkDelivery(delivery: { svixId: string; body: string }): Promise<DeliveryOutcome> {
  return handleClerkDelivery(db, delivery);
}
