-- The rate limits' counters (`server/rate-limit/`), in the shape rate-limiter-flexible's
-- RateLimiterPostgres expects: it inserts `VALUES (key, points, expire)` positionally, so the column
-- order matters. Created here rather than by the library so the app's role needs no DDL.
-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- Not tenant data: no row-level security. The app counts (upsert), reads, and deletes expired rows.
-- The `*_app_role` migration's default privileges already cover a table this owner creates; the
-- grant says it where the table is made, and holds if a different role runs this migration.
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "rate_limits" TO app_user;
