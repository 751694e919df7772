-- CreateTable
CREATE TABLE "member_invites" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "roleId" UUID,
    "invitedBy" UUID,
    "tokenHash" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "member_invites_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "member_invites_tokenHash_key" ON "member_invites"("tokenHash");

-- CreateIndex
CREATE INDEX "member_invites_tenantId_roleId_idx" ON "member_invites"("tenantId", "roleId");

-- CreateIndex
CREATE UNIQUE INDEX "member_invites_tenantId_email_key" ON "member_invites"("tenantId", "email");

-- AddForeignKey
ALTER TABLE "member_invites" ADD CONSTRAINT "member_invites_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_invites" ADD CONSTRAINT "member_invites_invitedBy_fkey" FOREIGN KEY ("invitedBy") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_invites" ADD CONSTRAINT "member_invites_tenantId_roleId_fkey" FOREIGN KEY ("tenantId", "roleId") REFERENCES "tenant_roles"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An invite to a custom role names the store's role, as a membership does.
CREATE TRIGGER member_invites_custom_role BEFORE INSERT OR UPDATE ON "member_invites" FOR EACH ROW EXECUTE FUNCTION primestore_assert_custom_role();

-- RowLevelSecurity
ALTER TABLE "member_invites" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "member_invites" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "member_invites" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
