import { describe, expect, it } from "vitest";
import { appendRowLevelSecurity, tenantTablesCreatedBy } from "./rls.ts";

// Shaped like the engine's output (see migrate.integration.test.ts for the real thing).
const migration = `-- CreateTable
CREATE TABLE "Tenant" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" UUID NOT NULL,
    "tenantIdHint" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
`;

const productPolicy = `ALTER TABLE "Product" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Product" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Product" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);`;

describe("tenantTablesCreatedBy", () => {
  it("finds created tables with a tenantId column, not lookalike columns or foreign keys", () => {
    expect(tenantTablesCreatedBy(migration)).toEqual(['"Product"']);
  });

  it("keeps the schema qualifier", () => {
    const sql = 'CREATE TABLE "shop"."Order" (\n    "tenantId" UUID NOT NULL\n);\n';
    expect(tenantTablesCreatedBy(sql)).toEqual(['"shop"."Order"']);
  });

  it("ignores tables that only gain a tenantId later", () => {
    expect(tenantTablesCreatedBy('ALTER TABLE "Tenant" ADD COLUMN "tenantId" UUID;\n')).toEqual([]);
  });
});

describe("appendRowLevelSecurity", () => {
  it("appends the tenant isolation policy after the migration", () => {
    const sql = appendRowLevelSecurity(migration);
    expect(sql.startsWith(migration.trimEnd())).toBe(true);
    expect(sql.slice(migration.trimEnd().length)).toBe(`\n\n-- RowLevelSecurity\n${productPolicy}\n`);
  });

  it("covers every tenant table", () => {
    const twoTables = `${migration}\nCREATE TABLE "Order" (\n    "tenantId" UUID NOT NULL\n);\n`;
    expect(appendRowLevelSecurity(twoTables).match(/CREATE POLICY tenant_isolation ON "(\w+)"/g)).toEqual([
      'CREATE POLICY tenant_isolation ON "Product"',
      'CREATE POLICY tenant_isolation ON "Order"',
    ]);
  });

  it("leaves migrations without tenant tables untouched", () => {
    const sql = 'ALTER TABLE "Tenant" ADD COLUMN "name" TEXT;\n';
    expect(appendRowLevelSecurity(sql)).toBe(sql);
  });
});
