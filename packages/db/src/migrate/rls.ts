// Prisma emits `CREATE TABLE "Name" (` with one column per line and `);` on its own line.
const CREATE_TABLE = /^CREATE TABLE ((?:"[^"]+"\.)?"[^"]+") \(\n([\s\S]*?)\n\);/gm;
const TENANT_ID_COLUMN = /^\s*"tenantId"\s/m;

// The app sets `app.tenant_id` per transaction; unset (or reset to '') it matches no rows.
const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/** Quoted names of the tables `sql` creates with a `"tenantId"` column. */
export function tenantTablesCreatedBy(sql: string): string[] {
  return [...sql.matchAll(CREATE_TABLE)].flatMap(([, table, columns]) =>
    table && columns && TENANT_ID_COLUMN.test(columns) ? [table] : [],
  );
}

function tenantIsolation(table: string): string {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;`,
    // Without FORCE the table owner (the role that migrates and seeds) silently bypasses the policy.
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;`,
    `CREATE POLICY tenant_isolation ON ${table} USING ("tenantId" = ${CURRENT_TENANT}) WITH CHECK ("tenantId" = ${CURRENT_TENANT});`,
  ].join("\n");
}

/**
 * Appends tenant isolation for every tenant-owned table the migration creates, so no new table
 * ships without it. Tables altered later keep the policy they were created with.
 */
export function appendRowLevelSecurity(migrationSql: string): string {
  const tables = tenantTablesCreatedBy(migrationSql);
  if (tables.length === 0) return migrationSql;
  const statements = tables.map((table) => `-- RowLevelSecurity\n${tenantIsolation(table)}`);
  return `${migrationSql.trimEnd()}\n\n${statements.join("\n\n")}\n`;
}
