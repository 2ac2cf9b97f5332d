-- The role the application connects as (DATABASE_URL), separate from the role that owns the tables
-- and runs migrations (MIGRATION_DATABASE_URL). Row-level security binds `app_user`: it is not a
-- superuser, does not own the tables and has no BYPASSRLS, and it may read and write rows but not
-- change the schema or the policies.
--
-- NOLOGIN here: a deployment either gives it a password (`ALTER ROLE app_user LOGIN PASSWORD '…'`)
-- or grants it to its own login role (`CREATE ROLE my_app LOGIN PASSWORD '…' IN ROLE app_user`).
-- Where the migration role may not create roles, create `app_user` beforehand; this then skips it.
-- See docs/database-roles.md.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'app_user') THEN
    CREATE ROLE app_user NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO app_user', current_schema());
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO app_user', current_schema());
  -- Every table later migrations create (run by this same role) gets the same grants.
  EXECUTE format(
    'ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO app_user',
    current_schema()
  );
  -- The migration history is the owner's business.
  IF to_regclass('_prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON TABLE _prisma_migrations FROM app_user;
  END IF;
END
$$;
