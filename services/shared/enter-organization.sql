-- The tenant step every service runs first in its transaction: find the caller's organization by
-- its Clerk id and make it the transaction's `app.org_id`. `set_config(…, true)` is local to the
-- transaction, so a pooled connection carries no tenant afterwards. Row-level security on the
-- tenant tables reads this setting: from here on, other organizations' rows are invisible.
-- $1: the Clerk organization id from the verified token.
SELECT id::text AS id,
       deleted_at IS NOT NULL AS deleted,
       set_config('app.org_id', id::text, true) AS scoped
FROM organizations
WHERE clerk_id = $1
