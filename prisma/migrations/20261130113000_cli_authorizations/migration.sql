-- The CLI's browser sign-in (server/cli/authorization-codes.ts): one row per approval, redeemable once
-- within two minutes by its one-time code (stored as SHA-256 only). Not tenant data, so no row-level
-- security: the CLI redeems a code before it has an organization context. `app_user` gets its
-- privileges from the default privileges of the app_role migration.

-- CreateTable
CREATE TABLE "cli_authorizations" (
    "id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "code_challenge" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "organization_slug" TEXT,
    "scopes" TEXT[],
    "device" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "redeemed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cli_authorizations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cli_authorizations_code_hash_key" ON "cli_authorizations"("code_hash");

-- CreateIndex
CREATE INDEX "cli_authorizations_expires_at_idx" ON "cli_authorizations"("expires_at");
