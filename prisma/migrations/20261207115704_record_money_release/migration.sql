-- CreateEnum
CREATE TYPE "MoneyReleaseStatus" AS ENUM ('pending', 'released');

-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "moneyReleaseDate" TIMESTAMP(3),
ADD COLUMN     "moneyReleaseStatus" "MoneyReleaseStatus";

-- CreateIndex
CREATE INDEX "payments_provider_moneyReleaseStatus_moneyReleaseDate_idx" ON "payments"("provider", "moneyReleaseStatus", "moneyReleaseDate");
