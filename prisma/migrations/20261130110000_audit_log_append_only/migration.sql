-- The audit log is append-only for the app: `app_user` records events (INSERT) and reads them, but may
-- not rewrite or erase history. The `*_app_role` migration granted UPDATE and DELETE on every table;
-- take them back here. Deleting an organization still removes its events: foreign-key cascades run
-- with the table owner's rights. The server refuses to start when its role can still do either
-- (server/database-role.ts).
REVOKE UPDATE, DELETE, TRUNCATE ON TABLE "audit_events" FROM app_user;
