-- Generated, then the platform-event trigger and policy added by hand.
-- AlterTable
ALTER TABLE "outbox_events" ALTER COLUMN "tenantId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "user_password_resets" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_password_resets_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_password_resets_eventId_key" ON "user_password_resets"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "user_password_resets_tokenHash_key" ON "user_password_resets"("tokenHash");

-- CreateIndex
CREATE INDEX "user_password_resets_userId_createdAt_idx" ON "user_password_resets"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "user_password_resets" ADD CONSTRAINT "user_password_resets_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The platform's own events (no store) may be written by the app, and only those: a store's
-- event always names its store. No app policy reads them; the relay reads with BYPASSRLS.
-- (A trigger, not a CHECK: Prisma's schema engine can't read CHECK constraints back.)
CREATE FUNCTION primestore_assert_platform_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."tenantId" IS NULL AND NEW."type" NOT LIKE 'user.%' THEN
    RAISE EXCEPTION 'outbox_events: only platform events (user.*) belong to no store' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER outbox_events_platform_type BEFORE INSERT OR UPDATE ON "outbox_events" FOR EACH ROW EXECUTE FUNCTION primestore_assert_platform_event();
CREATE POLICY platform_events ON "outbox_events" FOR INSERT WITH CHECK ("tenantId" IS NULL AND "type" LIKE 'user.%');
