-- Generated, then edited by hand: the old roles map onto the new (admin is now manager; a viewer
-- becomes a custom role of its store that grants what viewer did).

-- AlterEnum
BEGIN;
CREATE TYPE "MemberRole_new" AS ENUM ('owner', 'manager', 'staff', 'custom');
ALTER TABLE "memberships" ALTER COLUMN "role" TYPE "MemberRole_new"
  USING ((CASE "role"::text WHEN 'admin' THEN 'manager' WHEN 'viewer' THEN 'custom' ELSE "role"::text END)::"MemberRole_new");
ALTER TYPE "MemberRole" RENAME TO "MemberRole_old";
ALTER TYPE "MemberRole_new" RENAME TO "MemberRole";
DROP TYPE "public"."MemberRole_old";
COMMIT;

-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "roleId" UUID,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "tenant_roles" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "permissions" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tenant_roles_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenant_roles_tenantId_id_key" ON "tenant_roles"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "tenant_roles_tenantId_name_key" ON "tenant_roles"("tenantId", "name");

-- CreateIndex
CREATE INDEX "memberships_tenantId_roleId_idx" ON "memberships"("tenantId", "roleId");

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tenantId_roleId_fkey" FOREIGN KEY ("tenantId", "roleId") REFERENCES "tenant_roles"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tenant_roles" ADD CONSTRAINT "tenant_roles_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Former viewers (before row-level security, which a migration role without BYPASSRLS would meet).
INSERT INTO "tenant_roles" ("id", "tenantId", "name", "permissions", "updatedAt")
SELECT primestore_uuid7(), m."tenantId", 'Viewer', ARRAY['catalog:read', 'orders:read'], now()
FROM "memberships" m WHERE m."role" = 'custom' GROUP BY m."tenantId";
UPDATE "memberships" m SET "roleId" = r."id" FROM "tenant_roles" r
WHERE m."role" = 'custom' AND r."tenantId" = m."tenantId" AND r."name" = 'Viewer';

-- A custom role names the store's role; no other does.
CREATE FUNCTION primestore_assert_custom_role() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."role" = 'custom') <> (NEW."roleId" IS NOT NULL) THEN
    RAISE EXCEPTION '%: a custom role names the store''s role, and no other role does', TG_TABLE_NAME USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER memberships_custom_role BEFORE INSERT OR UPDATE ON "memberships" FOR EACH ROW EXECUTE FUNCTION primestore_assert_custom_role();

-- A signed-in user's session reads the roles of the stores they belong to (as own_memberships).
CREATE POLICY members_read_roles ON "tenant_roles" FOR SELECT USING (EXISTS (
  SELECT 1 FROM "memberships" m WHERE m."tenantId" = "tenant_roles"."tenantId" AND m."userId" = NULLIF(current_setting('app.user_id', true), '')::uuid));

-- RowLevelSecurity
ALTER TABLE "tenant_roles" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenant_roles" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenant_roles" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
