import { z } from "zod";

/** A Clerk user id as Clerk issues it: how people are named in requests and responses. */
export const clerkUserIdSchema = z
  .string()
  .max(64, "Must be a Clerk user id like user_2abc…")
  .regex(/^user_[A-Za-z0-9_]+$/, "Must be a Clerk user id like user_2abc…");

export const personSchema = z.object({
  userId: clerkUserIdSchema,
  /** Null until the person's profile has been synced from Clerk. */
  name: z.string().nullable(),
});
export type Person = z.infer<typeof personSchema>;
