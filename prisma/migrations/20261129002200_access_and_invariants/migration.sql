-- Who may touch what. Written by hand: Prisma's schema language has no roles, grants,
-- extra policies or CHECK constraints. See docs/decisions/003-tenant-isolation.md.

-- Group roles the login roles are made from (login, passwords and BYPASSRLS are set by
-- `ensureDatabaseRoles`, which needs a superuser; migrations only need the names to exist).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'primestore_app') THEN
    CREATE ROLE primestore_app NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'primestore_admin') THEN
    CREATE ROLE primestore_admin NOLOGIN;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO primestore_app, primestore_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO primestore_app, primestore_admin;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO primestore_app, primestore_admin;
-- Absent when a diff replays migrations into a scratch database.
DO $$
BEGIN
  IF to_regclass('public._prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM primestore_app, primestore_admin;
  END IF;
END
$$;

-- Tenants are provisioned by platform staff; a storefront or seller can't create or rename one.
REVOKE INSERT, UPDATE, DELETE ON "tenants", "staff_members" FROM primestore_app;

-- The ledger is append-only for everyone but the owner.
REVOKE UPDATE, DELETE ON "ledger_transactions", "ledger_entries" FROM primestore_app, primestore_admin;

-- Host -> tenant is public knowledge (it is DNS): any request may look a host up before it
-- knows its tenant. Writes still need the tenant scope (tenant_isolation's WITH CHECK).
CREATE POLICY host_lookup ON "tenant_domains" FOR SELECT USING (true);

-- A signed-in user lists their own memberships across stores to pick one in the portal.
CREATE POLICY own_memberships ON "memberships" FOR SELECT
  USING ("userId" = NULLIF(current_setting('app.user_id', true), '')::uuid);

-- Invariants the database keeps even if code forgets. Triggers rather than CHECK constraints:
-- Prisma's WebAssembly schema describer panics on CHECK constraints (docs/decisions/001).
CREATE FUNCTION primestore_assert_stock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."onHand" < 0 OR NEW."reserved" < 0 OR NEW."reserved" > NEW."onHand" THEN
    RAISE EXCEPTION 'stock invariant violated for variant % at location %', NEW."variantId", NEW."locationId"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER inventory_levels_stock_invariant BEFORE INSERT OR UPDATE ON "inventory_levels"
  FOR EACH ROW EXECUTE FUNCTION primestore_assert_stock();

CREATE FUNCTION primestore_assert_positive_quantity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."quantity" <= 0 THEN
    RAISE EXCEPTION '% quantity must be positive', TG_TABLE_NAME USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER cart_lines_positive_quantity BEFORE INSERT OR UPDATE ON "cart_lines"
  FOR EACH ROW EXECUTE FUNCTION primestore_assert_positive_quantity();
CREATE TRIGGER order_lines_positive_quantity BEFORE INSERT OR UPDATE ON "order_lines"
  FOR EACH ROW EXECUTE FUNCTION primestore_assert_positive_quantity();
CREATE TRIGGER inventory_reservations_positive_quantity BEFORE INSERT OR UPDATE ON "inventory_reservations"
  FOR EACH ROW EXECUTE FUNCTION primestore_assert_positive_quantity();

-- The relay scans only what is still unpublished.
CREATE INDEX "outbox_events_unpublished_idx" ON "outbox_events" ("createdAt") WHERE "publishedAt" IS NULL;
