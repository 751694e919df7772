import pg from "pg";
import { ADMIN_DB_ROLE, APP_DB_ROLE } from "@primestore/config";

export interface RolePasswords {
  appPassword: string;
  adminPassword: string;
}

/**
 * Login roles the apps use. Cluster-wide, so this runs with a superuser (the launcher, tests,
 * or a DBA in production); migrations only GRANT to these names.
 * - primestore_app: owns nothing, no BYPASSRLS: every tenant row goes through RLS.
 * - primestore_admin: BYPASSRLS, for platform staff and cross-tenant schedulers only.
 */
export async function ensureDatabaseRoles(ownerUrl: string, passwords: RolePasswords): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const roles: Array<[string, string, string]> = [
      [APP_DB_ROLE, passwords.appPassword, "NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE"],
      [ADMIN_DB_ROLE, passwords.adminPassword, "NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE"],
    ];
    // Serialise concurrent callers (parallel test files): CREATE ROLE races on pg_authid.
    await client.query("SELECT pg_advisory_lock(hashtext('primestore.ensure_roles'))");
    for (const [name, password, attributes] of roles) {
      const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [name]);
      const verb = exists.rowCount ? "ALTER" : "CREATE";
      const literal = client.escapeLiteral(password);
      await client.query(`${verb} ROLE ${client.escapeIdentifier(name)} LOGIN ${attributes} PASSWORD ${literal}`);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext('primestore.ensure_roles'))").catch(() => {});
    await client.end();
  }
}
