import "server-only";
import { z } from "zod";

/**
 * What the sync reads from Clerk's JSON (webhook `data` and Backend API resources have the same shape).
 * Only the fields the tables hold are validated: Clerk adds fields over time and payloads vary between
 * the Dashboard examples, the OpenAPI examples and real deliveries, so everything else passes through.
 */

// Clerk's `updated_at` is in milliseconds; the tables keep millisecond precision to compare it exactly.
export const clerkTime = z
  .number()
  .int()
  .nonnegative()
  .transform((ms) => new Date(ms));
export const optionalText = z
  .string()
  .nullish()
  .transform((value) => value || null);

export interface UserSnapshot {
  clerkId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  imageUrl: string | null;
  clerkUpdatedAt: Date;
}

export const userSnapshotSchema = z
  .object({
    id: z.string().min(1),
    email_addresses: z.array(z.object({ id: z.string(), email_address: z.string() })).nullish(),
    primary_email_address_id: z.string().nullish(),
    first_name: optionalText,
    last_name: optionalText,
    image_url: optionalText,
    updated_at: clerkTime,
  })
  .transform(
    (user): UserSnapshot => ({
      clerkId: user.id,
      email: primaryEmail(user.email_addresses ?? [], user.primary_email_address_id),
      firstName: user.first_name,
      lastName: user.last_name,
      imageUrl: user.image_url,
      clerkUpdatedAt: user.updated_at,
    }),
  );

/** The primary address is the one Clerk names, wherever it sits in the list (not necessarily first). */
export function primaryEmail(
  addresses: ReadonlyArray<{ id: string; email_address: string }>,
  primaryId: string | null | undefined,
): string | null {
  if (!primaryId) return null;
  return addresses.find((address) => address.id === primaryId)?.email_address ?? null;
}

export interface OrganizationSnapshot {
  clerkId: string;
  name: string;
  slug: string | null;
  imageUrl: string | null;
  clerkUpdatedAt: Date;
}

export const organizationSnapshotSchema = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    slug: optionalText,
    image_url: optionalText,
    updated_at: clerkTime,
  })
  .transform(
    (org): OrganizationSnapshot => ({
      clerkId: org.id,
      name: org.name,
      slug: org.slug,
      imageUrl: org.image_url,
      clerkUpdatedAt: org.updated_at,
    }),
  );

/** `user.deleted` and `organization.deleted` carry only the id (no `updated_at`): a deletion is final. */
export const deletedObjectSchema = z
  .object({ id: z.string().min(1), deleted: z.literal(true) })
  .transform((object) => ({ clerkId: object.id }));

/** What a membership payload tells about its user: enough for a placeholder until `user.*` arrives. */
export interface UserPlaceholder {
  clerkId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  imageUrl: string | null;
}

/** What a membership payload tells about its organization: enough for a placeholder row. */
export interface OrganizationPlaceholder {
  clerkId: string;
  name: string;
  imageUrl: string | null;
}

export interface MembershipSnapshot {
  clerkId: string;
  /** Stored exactly as Clerk sends it: `org:admin`, `org:member`, a custom `org:*` key, or a legacy key. */
  role: string;
  clerkUpdatedAt: Date;
  user: UserPlaceholder;
  organization: OrganizationPlaceholder;
}

// `identifier` is the user's sign-in identifier: an email address, or a username or phone number.
const emailOrNull = (identifier: string | null) =>
  z.email().safeParse(identifier).success ? identifier : null;

export const membershipSnapshotSchema = z
  .object({
    id: z.string().min(1),
    role: z.string().min(1),
    updated_at: clerkTime,
    organization: z.object({ id: z.string().min(1), name: z.string(), image_url: optionalText }),
    public_user_data: z.object({
      user_id: z.string().min(1),
      identifier: optionalText,
      first_name: optionalText,
      last_name: optionalText,
      image_url: optionalText,
    }),
  })
  .transform(
    (membership): MembershipSnapshot => ({
      clerkId: membership.id,
      role: membership.role,
      clerkUpdatedAt: membership.updated_at,
      user: {
        clerkId: membership.public_user_data.user_id,
        email: emailOrNull(membership.public_user_data.identifier),
        firstName: membership.public_user_data.first_name,
        lastName: membership.public_user_data.last_name,
        imageUrl: membership.public_user_data.image_url,
      },
      organization: {
        clerkId: membership.organization.id,
        name: membership.organization.name,
        imageUrl: membership.organization.image_url,
      },
    }),
  );

/** The envelope every Clerk webhook shares; `data` is validated by the handler of its `type`. */
export const clerkEventSchema = z.object({
  type: z.string().min(1),
  data: z.unknown(),
});
