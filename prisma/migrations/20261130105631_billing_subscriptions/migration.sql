-- Clerk Billing mirrors (subscriptions, their plan items, payment attempts), synced by the webhook route.
-- No row-level security: like memberships they are Clerk's data, read by the data access layer filtered by
-- the session's organization. app_user gets access through the default privileges of 20261122120000_app_role.

-- CreateTable
CREATE TABLE "billing_subscriptions" (
    "id" UUID NOT NULL,
    "clerk_id" TEXT NOT NULL,
    "organization_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "past_due_at" TIMESTAMPTZ(3),
    "clerk_updated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "billing_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing_subscription_items" (
    "id" UUID NOT NULL,
    "clerk_id" TEXT NOT NULL,
    "subscription_clerk_id" TEXT,
    "organization_id" UUID,
    "status" TEXT NOT NULL,
    "plan_slug" TEXT,
    "plan_name" TEXT,
    "period_start" TIMESTAMPTZ(3),
    "period_end" TIMESTAMPTZ(3),
    "past_due_at" TIMESTAMPTZ(3),
    "canceled_at" TIMESTAMPTZ(3),
    "clerk_updated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "billing_subscription_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing_payment_attempts" (
    "id" UUID NOT NULL,
    "clerk_id" TEXT NOT NULL,
    "organization_id" UUID,
    "status" TEXT NOT NULL,
    "charge_type" TEXT NOT NULL,
    "amount" INTEGER,
    "currency" TEXT,
    "failed_reason" TEXT,
    "billing_date" TIMESTAMPTZ(3),
    "clerk_updated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "billing_payment_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "billing_subscriptions_clerk_id_key" ON "billing_subscriptions"("clerk_id");

-- CreateIndex
CREATE INDEX "billing_subscriptions_organization_id_idx" ON "billing_subscriptions"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "billing_subscription_items_clerk_id_key" ON "billing_subscription_items"("clerk_id");

-- CreateIndex
CREATE INDEX "billing_subscription_items_organization_id_idx" ON "billing_subscription_items"("organization_id");

-- CreateIndex
CREATE INDEX "billing_subscription_items_subscription_clerk_id_idx" ON "billing_subscription_items"("subscription_clerk_id");

-- CreateIndex
CREATE UNIQUE INDEX "billing_payment_attempts_clerk_id_key" ON "billing_payment_attempts"("clerk_id");

-- CreateIndex
CREATE INDEX "billing_payment_attempts_clerk_updated_at_idx" ON "billing_payment_attempts"("clerk_updated_at" DESC);

-- AddForeignKey
ALTER TABLE "billing_subscriptions" ADD CONSTRAINT "billing_subscriptions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing_subscription_items" ADD CONSTRAINT "billing_subscription_items_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing_payment_attempts" ADD CONSTRAINT "billing_payment_attempts_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
