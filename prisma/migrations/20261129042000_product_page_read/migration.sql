-- The product page's data in one round trip (docs/decisions/011). The function scopes itself to
-- the store exactly as withTenant does (set_config(..., true): transaction-local, so in autocommit
-- it ends with this statement) and reads with the caller's rights: row-level security still
-- decides what it sees. Called inside a transaction already scoped to another store, it refuses
-- rather than re-scope the rest of that transaction.
CREATE FUNCTION primestore_product_page(store uuid, product_slug text, price_currency char(3), text_locale text) RETURNS json
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  AS $$
DECLARE
  scope text := coalesce(current_setting('app.tenant_id', true), '');
  page json;
BEGIN
  IF scope NOT IN ('', store::text) THEN
    RAISE EXCEPTION 'primestore_product_page: transaction is scoped to another store' USING ERRCODE = '42501';
  END IF;
  PERFORM set_config('app.tenant_id', store::text, true);
  SELECT row_to_json(product) INTO page FROM (
    SELECT p."id", p."slug", coalesce(tr."title", p."title") AS "title",
           coalesce(nullif(tr."description", ''), p."description") AS "description",
           (SELECT coalesce(json_agg(json_build_object('url', i."url", 'alt', i."alt") ORDER BY i."position", i."id"), '[]')
            FROM "product_images" i WHERE i."tenantId" = p."tenantId" AND i."productId" = p."id") AS "images",
           (SELECT coalesce(json_agg(json_build_object('name', o."name", 'values', (
                     SELECT coalesce(json_agg(ov."value" ORDER BY ov."position", ov."value"), '[]')
                     FROM "product_option_values" ov WHERE ov."tenantId" = o."tenantId" AND ov."optionId" = o."id"
                   )) ORDER BY o."position", o."name"), '[]')
            FROM "product_options" o WHERE o."tenantId" = p."tenantId" AND o."productId" = p."id") AS "options",
           (SELECT coalesce(json_agg(json_build_object(
                     'id', v."id", 'sku', v."sku", 'title', v."title", 'options', v."options",
                     'price', vp."amount", 'available', primestore_available_units(v."tenantId", v."id")
                   ) ORDER BY v."position", v."id"), '[]')
            FROM "variants" v
            LEFT JOIN "variant_prices" vp ON vp."tenantId" = v."tenantId" AND vp."variantId" = v."id" AND vp."currency" = price_currency
            WHERE v."tenantId" = p."tenantId" AND v."productId" = p."id") AS "variants"
    FROM "products" p
    LEFT JOIN "product_translations" tr ON tr."tenantId" = p."tenantId" AND tr."productId" = p."id" AND tr."locale" = text_locale
    WHERE p."tenantId" = store AND p."slug" = product_slug AND p."status" = 'active'
  ) product;
  RETURN page;
END
$$;

GRANT EXECUTE ON FUNCTION primestore_product_page(uuid, text, char(3), text) TO primestore_app, primestore_admin;
