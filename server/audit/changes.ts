import "server-only";

type Scalar = string | number | boolean | null;
export type FieldChanges = Record<string, { from: Scalar; to: Scalar }>;

/** The fields an update really changed, as `{ field: { from, to } }` for the audit log. */
export function changedFields<T extends object>(
  before: T,
  update: { [K in keyof T]?: Scalar },
): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, to] of Object.entries(update) as [keyof T & string, Scalar | undefined][]) {
    if (to === undefined) continue;
    const from = (before[field] ?? null) as Scalar;
    if (from !== to) changes[field] = { from, to };
  }
  return changes;
}
