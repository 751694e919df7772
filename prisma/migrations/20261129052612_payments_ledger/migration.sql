-- CreateEnum
CREATE TYPE "PayoutSchedule" AS ENUM ('daily', 'weekly', 'monthly', 'manual');

-- CreateEnum
CREATE TYPE "RefundCommissionPolicy" AS ENUM ('reverse', 'keep');

-- CreateEnum
CREATE TYPE "PaymentAccountStatus" AS ENUM ('pending', 'active', 'disconnected');

-- AlterTable
ALTER TABLE "inbox_events" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastError" TEXT;

-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "capturedAmount" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "chargedBackAmount" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "commissionAmount" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "feeAmount" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "refundedAmount" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "payouts" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paidAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "refunds" ADD COLUMN     "commissionReversed" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "failureReason" TEXT,
ADD COLUMN     "requestedBy" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL;

-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "payoutHoldDays" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "payoutSchedule" "PayoutSchedule" NOT NULL DEFAULT 'weekly',
ADD COLUMN     "refundCommission" "RefundCommissionPolicy" NOT NULL DEFAULT 'reverse';

-- CreateTable
CREATE TABLE "payment_accounts" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "provider" "PaymentProvider" NOT NULL,
    "accountId" TEXT NOT NULL,
    "credentials" TEXT NOT NULL,
    "status" "PaymentAccountStatus" NOT NULL DEFAULT 'pending',
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "payment_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconciliation_issues" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "provider" "PaymentProvider" NOT NULL,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "expected" BIGINT,
    "actual" BIGINT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "reconciliation_issues_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payment_accounts_tenantId_provider_key" ON "payment_accounts"("tenantId", "provider");

-- CreateIndex
CREATE UNIQUE INDEX "payment_accounts_provider_accountId_key" ON "payment_accounts"("provider", "accountId");

-- CreateIndex
CREATE INDEX "reconciliation_issues_resolvedAt_day_idx" ON "reconciliation_issues"("resolvedAt", "day");

-- CreateIndex
CREATE UNIQUE INDEX "reconciliation_issues_tenantId_day_kind_reference_key" ON "reconciliation_issues"("tenantId", "day", "kind", "reference");

-- CreateIndex
CREATE INDEX "payouts_status_createdAt_idx" ON "payouts"("status", "createdAt");

-- CreateIndex
CREATE INDEX "refunds_tenantId_paymentId_idx" ON "refunds"("tenantId", "paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "refunds_tenantId_providerRefundId_key" ON "refunds"("tenantId", "providerRefundId");

-- AddForeignKey
ALTER TABLE "payment_accounts" ADD CONSTRAINT "payment_accounts_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reconciliation_issues" ADD CONSTRAINT "reconciliation_issues_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "payment_accounts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "payment_accounts" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "payment_accounts" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "reconciliation_issues" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "reconciliation_issues" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "reconciliation_issues" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- DropIndex
DROP INDEX "ledger_entries_tenantId_accountId_idx";

-- CreateIndex
CREATE INDEX "ledger_entries_tenantId_accountId_createdAt_idx" ON "ledger_entries"("tenantId", "accountId", "createdAt");

-- Written by hand: invariants of money that hold even if code forgets (docs/decisions/013).

-- Every ledger transaction balances per currency. A transaction's entries are written in one
-- INSERT, and each INSERT must leave every transaction it touched balanced. A statement trigger
-- with a transition table, not a deferred constraint trigger: Prisma's schema describer panics on
-- constraint triggers (docs/decisions/001), and one statement per transaction is the rule anyway.
CREATE FUNCTION primestore_assert_ledger_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced text;
BEGIN
  SELECT string_agg(sums."transactionId"::text || ' ' || sums.currency || ' ' || sums.total::text, ', ') INTO unbalanced
  FROM (
    SELECT e."transactionId", e.currency, sum(e.amount) AS total
    FROM "ledger_entries" e
    WHERE (e."tenantId", e."transactionId") IN (SELECT DISTINCT n."tenantId", n."transactionId" FROM inserted n)
    GROUP BY e."transactionId", e.currency
  ) sums
  WHERE sums.total <> 0;
  IF unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'ledger transactions do not balance: %', unbalanced USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER ledger_entries_balanced AFTER INSERT ON "ledger_entries"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION primestore_assert_ledger_balanced();

-- An entry moves a non-zero amount in its account's currency.
CREATE FUNCTION primestore_assert_ledger_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.amount = 0 THEN
    RAISE EXCEPTION 'ledger entry amount must not be zero' USING ERRCODE = 'check_violation';
  END IF;
  IF NOT EXISTS (
    SELECT FROM "ledger_accounts" a
    WHERE a."tenantId" = NEW."tenantId" AND a.id = NEW."accountId" AND a.currency = NEW.currency
  ) THEN
    RAISE EXCEPTION 'ledger entry currency % is not its account''s', NEW.currency USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER ledger_entries_valid BEFORE INSERT ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION primestore_assert_ledger_entry();

-- A payment never gives back more than it took.
CREATE FUNCTION primestore_assert_payment_amounts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."capturedAmount" < 0 OR NEW."refundedAmount" < 0 OR NEW."chargedBackAmount" < 0
     OR NEW."capturedAmount" > NEW.amount
     OR NEW."refundedAmount" + NEW."chargedBackAmount" > NEW."capturedAmount" THEN
    RAISE EXCEPTION 'payment % would refund % and charge back % of % captured',
      NEW.id, NEW."refundedAmount", NEW."chargedBackAmount", NEW."capturedAmount"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER payments_amounts_invariant BEFORE INSERT OR UPDATE ON "payments"
  FOR EACH ROW EXECUTE FUNCTION primestore_assert_payment_amounts();

CREATE FUNCTION primestore_assert_positive_amount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.amount <= 0 THEN
    RAISE EXCEPTION '% amount must be positive', TG_TABLE_NAME USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER refunds_positive_amount BEFORE INSERT OR UPDATE ON "refunds"
  FOR EACH ROW EXECUTE FUNCTION primestore_assert_positive_amount();
CREATE TRIGGER payouts_positive_amount BEFORE INSERT OR UPDATE ON "payouts"
  FOR EACH ROW EXECUTE FUNCTION primestore_assert_positive_amount();


-- Sellers edit their own store's checkout and payout schedule (and nothing else of the tenants
-- row: commission, hold period and refund policy are the platform's). Every store stays readable
-- (hosts resolve before a tenant is known); updates only in the store's own scope. Not FORCEd:
-- the owner role (migrations, seed) and staff (BYPASSRLS) provision tenants.
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenants_readable ON "tenants" FOR SELECT USING (true);
CREATE POLICY tenants_own_settings ON "tenants" FOR UPDATE
  USING ("id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
GRANT UPDATE ("checkout", "payoutSchedule", "updatedAt") ON "tenants" TO primestore_app;
