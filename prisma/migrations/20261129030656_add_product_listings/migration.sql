-- CreateTable
CREATE TABLE "product_listings" (
    "tenantId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "price" INTEGER NOT NULL,
    "inStock" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "options" TEXT[],

    CONSTRAINT "product_listings_pkey" PRIMARY KEY ("tenantId","productId","currency")
);

-- CreateIndex
CREATE INDEX "product_listings_tenantId_currency_createdAt_productId_idx" ON "product_listings"("tenantId", "currency", "createdAt", "productId");

-- CreateIndex
CREATE INDEX "product_listings_tenantId_currency_inStock_createdAt_produc_idx" ON "product_listings"("tenantId", "currency", "inStock", "createdAt", "productId");

-- CreateIndex
CREATE INDEX "product_listings_tenantId_currency_price_productId_idx" ON "product_listings"("tenantId", "currency", "price", "productId");

-- CreateIndex
CREATE INDEX "collection_products_tenantId_collectionId_position_idx" ON "collection_products"("tenantId", "collectionId", "position");

-- AddForeignKey
ALTER TABLE "product_listings" ADD CONSTRAINT "product_listings_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_listings" ADD CONSTRAINT "product_listings_tenantId_productId_fkey" FOREIGN KEY ("tenantId", "productId") REFERENCES "products"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "product_listings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "product_listings" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "product_listings" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- Storefront listings: filters and sorts at 100k products per store (docs/decisions/010).
-- Written by hand: Prisma's schema language has no functions or triggers.

-- Units of a variant that can be sold now, over every location: on hand and not reserved
-- (the rule of core's availableUnits, for the statements that need it in SQL).
CREATE FUNCTION primestore_available_units(store uuid, variant uuid) RETURNS integer
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(sum(greatest(il."onHand" - il."reserved", 0)), 0)::integer
    FROM "inventory_levels" il WHERE il."tenantId" = store AND il."variantId" = variant
  $$;

-- Redoes the listing rows of these products: one per currency some variant is priced in, if the
-- product is active. Runs with the caller's rights (row-level security applies). Products are
-- picked by id, never joined, for the reason given in migration add_product_search.
CREATE FUNCTION primestore_refresh_product_listings(stores uuid[], product_ids uuid[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM "product_listings" WHERE "tenantId" = ANY (stores) AND "productId" = ANY (product_ids);
  INSERT INTO "product_listings" ("tenantId", "productId", "currency", "price", "inStock", "createdAt", "options")
    SELECT p."tenantId", p."id", vp."currency", min(vp."amount"),
           bool_or(primestore_available_units(v."tenantId", v."id") > 0), p."createdAt",
           coalesce((
             SELECT array_agg(DISTINCT o.key || chr(31) || o.value)
             FROM "variants" ov CROSS JOIN LATERAL jsonb_each_text(ov."options") AS o(key, value)
             WHERE ov."tenantId" = p."tenantId" AND ov."productId" = p."id"
           ), '{}')
    FROM "products" p
    JOIN "variants" v ON v."tenantId" = p."tenantId" AND v."productId" = p."id"
    JOIN "variant_prices" vp ON vp."tenantId" = v."tenantId" AND vp."variantId" = v."id"
    WHERE p."id" = ANY (product_ids) AND p."status" = 'active'
    GROUP BY p."tenantId", p."id", vp."currency";
END
$$;

-- Products of these variants (the price and stock tables name variants, the listing products).
CREATE FUNCTION primestore_refresh_variant_listings(stores uuid[], variant_ids uuid[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM primestore_refresh_product_listings(stores, ARRAY(
    SELECT DISTINCT v."productId" FROM "variants" v WHERE v."tenantId" = ANY (stores) AND v."id" = ANY (variant_ids)
  ));
END
$$;

-- Statement-level triggers with transition tables, as for search: a bulk import refreshes once.
CREATE FUNCTION primestore_products_listing_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stores uuid[];
  product_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."tenantId"), array_agg(n."id") INTO stores, product_ids FROM changed_rows n;
  ELSE
    SELECT array_agg(DISTINCT n."tenantId"), array_agg(n."id") INTO stores, product_ids
    FROM changed_rows n JOIN previous_rows o ON o."id" = n."id"
    WHERE (n."status", n."createdAt") IS DISTINCT FROM (o."status", o."createdAt");
  END IF;
  IF product_ids IS NOT NULL THEN
    PERFORM primestore_refresh_product_listings(stores, product_ids);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER products_listing_insert AFTER INSERT ON "products"
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_products_listing_sync();
CREATE TRIGGER products_listing_update AFTER UPDATE ON "products"
  REFERENCING OLD TABLE AS previous_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_products_listing_sync();

-- Variants change a product's options, prices and stock; a deleted product's rows go by cascade.
CREATE FUNCTION primestore_variants_listing_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stores uuid[];
  product_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."tenantId"), array_agg(DISTINCT n."productId") INTO stores, product_ids FROM changed_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."tenantId"), array_agg(DISTINCT o."productId") INTO stores, product_ids FROM previous_rows o;
  ELSE
    SELECT array_agg(DISTINCT t."tenantId"), array_agg(DISTINCT t."productId") INTO stores, product_ids FROM (
      SELECT n."tenantId", n."productId" FROM changed_rows n JOIN previous_rows o ON o."id" = n."id"
      WHERE (n."options", n."productId") IS DISTINCT FROM (o."options", o."productId")
      UNION ALL
      SELECT o."tenantId", o."productId" FROM changed_rows n JOIN previous_rows o ON o."id" = n."id"
      WHERE n."productId" IS DISTINCT FROM o."productId"
    ) t;
  END IF;
  IF product_ids IS NOT NULL THEN
    PERFORM primestore_refresh_product_listings(stores, product_ids);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER variants_listing_insert AFTER INSERT ON "variants"
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_variants_listing_sync();
CREATE TRIGGER variants_listing_update AFTER UPDATE ON "variants"
  REFERENCING OLD TABLE AS previous_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_variants_listing_sync();
CREATE TRIGGER variants_listing_delete AFTER DELETE ON "variants"
  REFERENCING OLD TABLE AS previous_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_variants_listing_sync();

-- Prices and stock levels: both name a variant. Updates that change no listed fact (most stock
-- movements at checkout) cost a comparison, nothing more. Rows keep their keys on update (the
-- catalog never moves a price or a level to another variant).
CREATE FUNCTION primestore_variant_rows_listing_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stores uuid[];
  variant_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."tenantId"), array_agg(DISTINCT n."variantId") INTO stores, variant_ids FROM changed_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."tenantId"), array_agg(DISTINCT o."variantId") INTO stores, variant_ids FROM previous_rows o;
  ELSIF TG_TABLE_NAME = 'variant_prices' THEN
    SELECT array_agg(DISTINCT n."tenantId"), array_agg(DISTINCT n."variantId") INTO stores, variant_ids
    FROM changed_rows n JOIN previous_rows o ON (o."tenantId", o."variantId", o."currency") = (n."tenantId", n."variantId", n."currency")
    WHERE n."amount" IS DISTINCT FROM o."amount";
  ELSE
    -- A listing holds "in stock" only: an update matters when a level crosses zero available.
    SELECT array_agg(DISTINCT n."tenantId"), array_agg(DISTINCT n."variantId") INTO stores, variant_ids
    FROM changed_rows n JOIN previous_rows o ON (o."tenantId", o."variantId", o."locationId") = (n."tenantId", n."variantId", n."locationId")
    WHERE (n."onHand" > n."reserved") IS DISTINCT FROM (o."onHand" > o."reserved");
  END IF;
  IF variant_ids IS NOT NULL THEN
    PERFORM primestore_refresh_variant_listings(stores, variant_ids);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER variant_prices_listing_insert AFTER INSERT ON "variant_prices"
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_variant_rows_listing_sync();
CREATE TRIGGER variant_prices_listing_update AFTER UPDATE ON "variant_prices"
  REFERENCING OLD TABLE AS previous_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_variant_rows_listing_sync();
CREATE TRIGGER variant_prices_listing_delete AFTER DELETE ON "variant_prices"
  REFERENCING OLD TABLE AS previous_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_variant_rows_listing_sync();
CREATE TRIGGER inventory_levels_listing_insert AFTER INSERT ON "inventory_levels"
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_variant_rows_listing_sync();
CREATE TRIGGER inventory_levels_listing_update AFTER UPDATE ON "inventory_levels"
  REFERENCING OLD TABLE AS previous_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_variant_rows_listing_sync();
CREATE TRIGGER inventory_levels_listing_delete AFTER DELETE ON "inventory_levels"
  REFERENCING OLD TABLE AS previous_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_variant_rows_listing_sync();

-- Products that exist before this migration, each store in its own scope (row-level security is
-- forced even on the owner that runs migrations).
DO $$
DECLARE
  store uuid;
BEGIN
  FOR store IN SELECT "id" FROM "tenants" LOOP
    PERFORM set_config('app.tenant_id', store::text, true);
    PERFORM primestore_refresh_product_listings(ARRAY[store], ARRAY(SELECT "id" FROM "products" WHERE "tenantId" = store));
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END
$$;
