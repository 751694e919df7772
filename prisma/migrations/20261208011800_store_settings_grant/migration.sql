-- Sellers also edit their store's name, look, languages and currencies (the portal's store
-- settings). Commission, hold period, refund policy and status stay the platform's.
GRANT UPDATE ("name", "branding", "locales", "defaultLocale", "currencies", "defaultCurrency") ON "tenants" TO primestore_app;

-- A seller changing their own store's languages runs the search rebuild in that store's scope
-- already: redo its products there. primestore_rebuild_store_search picks its own scope, which
-- only the platform's roles may do (platform staff change languages without a tenant scope).
CREATE OR REPLACE FUNCTION primestore_tenants_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('app.tenant_id', true) = NEW."id"::text THEN
    PERFORM primestore_refresh_product_search(ARRAY[NEW."id"], ARRAY(SELECT "id" FROM "products" WHERE "tenantId" = NEW."id"));
  ELSE
    PERFORM primestore_rebuild_store_search(NEW."id");
  END IF;
  RETURN NULL;
END
$$;
