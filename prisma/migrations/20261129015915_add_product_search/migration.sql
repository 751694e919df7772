-- CreateTable
CREATE TABLE "product_search_documents" (
    "tenantId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleKey" TEXT NOT NULL,
    "document" tsvector NOT NULL,

    CONSTRAINT "product_search_documents_pkey" PRIMARY KEY ("tenantId","productId","locale")
);

-- AddForeignKey
ALTER TABLE "product_search_documents" ADD CONSTRAINT "product_search_documents_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_search_documents" ADD CONSTRAINT "product_search_documents_tenantId_productId_fkey" FOREIGN KEY ("tenantId", "productId") REFERENCES "products"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "product_search_documents" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "product_search_documents" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "product_search_documents" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- Product search: language-aware, accent-insensitive and typo-tolerant (docs/decisions/008).
-- Written by hand: Prisma's schema language has no extensions, functions, triggers, or the
-- indexes below. All three extensions are trusted (PostgreSQL 13+): an owner without superuser
-- may create them.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public;

-- unaccent() is only STABLE because it finds its dictionary through search_path at run time.
-- Naming the schema and the dictionary pins both, which makes IMMUTABLE honest, and IMMUTABLE is
-- what lets an index expression or generated column use it and the planner fold it for constants.
CREATE FUNCTION primestore_unaccent(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, input) $$;

-- The form titles and queries are compared in by trigrams: case and accents never count as typos.
CREATE FUNCTION primestore_search_key(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(primestore_unaccent(input)) $$;

-- One text search configuration per language with unaccent in front of the stemmer, in documents
-- and queries alike, so "algodao" meets "algodão" (the unaccent documentation's recipe). Inside
-- the parser it costs a fraction of calling unaccent() on the text first.
CREATE TEXT SEARCH CONFIGURATION primestore_portuguese (COPY = pg_catalog.portuguese);
ALTER TEXT SEARCH CONFIGURATION primestore_portuguese ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, portuguese_stem;
CREATE TEXT SEARCH CONFIGURATION primestore_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION primestore_english ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION primestore_spanish (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION primestore_spanish ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION primestore_simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION primestore_simple ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, simple;

-- Stemming follows the language of the text; a language without a stemmer still matches whole words.
CREATE FUNCTION primestore_search_config(locale text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT CASE split_part(lower(locale), '-', 1)
      WHEN 'pt' THEN 'public.primestore_portuguese'::regconfig
      WHEN 'en' THEN 'public.primestore_english'::regconfig
      WHEN 'es' THEN 'public.primestore_spanish'::regconfig
      ELSE 'public.primestore_simple'::regconfig
    END
  $$;

-- Title weighs more than description in ranking. Descriptions are sanitised HTML: the parser skips
-- tags, so markup never becomes words.
CREATE FUNCTION primestore_search_document(locale text, title text, description text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT setweight(to_tsvector(primestore_search_config(locale), title), 'A')
        || setweight(to_tsvector(primestore_search_config(locale), description), 'B')
  $$;

-- What product_search_documents should hold for these products: each one, if active, in each of
-- its store's languages, with the catalog's fallback (a missing translation shows, and so is
-- searched as, the default-locale text). It runs with the caller's rights, so row-level security
-- applies to what it reads. Products are picked by id, never joined: right after a bulk insert the
-- planner's statistics still describe the old table, and a join could then rescan the store once
-- per product.
CREATE FUNCTION primestore_product_search_rows(product_ids uuid[]) RETURNS SETOF "product_search_documents"
  LANGUAGE sql STABLE
  AS $$
    SELECT p."tenantId", p."id", l.locale,
           coalesce(tr."title", p."title"),
           primestore_search_key(coalesce(tr."title", p."title")),
           primestore_search_document(l.locale, coalesce(tr."title", p."title"), coalesce(nullif(tr."description", ''), p."description"))
    FROM "products" p
    JOIN "tenants" t ON t."id" = p."tenantId"
    CROSS JOIN LATERAL (SELECT DISTINCT unnest(array_append(t."locales", t."defaultLocale"))) AS l(locale)
    LEFT JOIN "product_translations" tr
      ON tr."tenantId" = p."tenantId" AND tr."productId" = p."id" AND tr."locale" = l.locale
    WHERE p."id" = ANY (product_ids) AND p."status" = 'active'
  $$;

-- Redoes the documents of these products of these stores. PL/pgSQL rather than SQL so its plans
-- are cached across calls.
CREATE FUNCTION primestore_refresh_product_search(stores uuid[], product_ids uuid[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM "product_search_documents" WHERE "tenantId" = ANY (stores) AND "productId" = ANY (product_ids);
  INSERT INTO "product_search_documents" SELECT * FROM primestore_product_search_rows(product_ids);
END
$$;

-- Statement-level triggers with transition tables: an import of 100k rows refreshes in one pass
-- instead of 100k. Updates that leave the searched columns alone cost a comparison, nothing more.
CREATE FUNCTION primestore_products_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stores uuid[];
  product_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."tenantId"), array_agg(n."id") INTO stores, product_ids FROM changed_rows n;
  ELSE
    SELECT array_agg(DISTINCT n."tenantId"), array_agg(n."id") INTO stores, product_ids
    FROM changed_rows n JOIN previous_rows o ON o."id" = n."id"
    WHERE (n."title", n."description", n."status") IS DISTINCT FROM (o."title", o."description", o."status");
  END IF;
  IF product_ids IS NOT NULL THEN
    PERFORM primestore_refresh_product_search(stores, product_ids);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER products_search_insert AFTER INSERT ON "products"
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_products_search_sync();
CREATE TRIGGER products_search_update AFTER UPDATE ON "products"
  REFERENCING OLD TABLE AS previous_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_products_search_sync();

CREATE FUNCTION primestore_product_translations_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stores uuid[];
  product_ids uuid[];
BEGIN
  -- Each event has only its own transition tables; PL/pgSQL plans a branch only when it runs.
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."tenantId"), array_agg(DISTINCT n."productId") INTO stores, product_ids FROM changed_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o."tenantId"), array_agg(DISTINCT o."productId") INTO stores, product_ids FROM previous_rows o;
  ELSE
    SELECT array_agg(DISTINCT t."tenantId"), array_agg(DISTINCT t."productId") INTO stores, product_ids FROM (
      SELECT "tenantId", "productId" FROM changed_rows UNION ALL SELECT "tenantId", "productId" FROM previous_rows
    ) t;
  END IF;
  IF product_ids IS NOT NULL THEN
    PERFORM primestore_refresh_product_search(stores, product_ids);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER product_translations_search_insert AFTER INSERT ON "product_translations"
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_product_translations_search_sync();
CREATE TRIGGER product_translations_search_update AFTER UPDATE ON "product_translations"
  REFERENCING OLD TABLE AS previous_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_product_translations_search_sync();
CREATE TRIGGER product_translations_search_delete AFTER DELETE ON "product_translations"
  REFERENCING OLD TABLE AS previous_rows
  FOR EACH STATEMENT EXECUTE FUNCTION primestore_product_translations_search_sync();

-- Redoes a whole store, scoped to it: row-level security is forced even on the owner that runs
-- migrations, and platform staff change a store's languages without a tenant scope.
CREATE FUNCTION primestore_rebuild_store_search(store uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  caller_scope text := current_setting('app.tenant_id', true);
BEGIN
  PERFORM set_config('app.tenant_id', store::text, true);
  PERFORM primestore_refresh_product_search(ARRAY[store], ARRAY(SELECT "id" FROM "products" WHERE "tenantId" = store));
  PERFORM set_config('app.tenant_id', coalesce(caller_scope, ''), true);
END
$$;
-- It picks its own scope, so only the roles that may change stores get to call it.
REVOKE ALL ON FUNCTION primestore_rebuild_store_search(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION primestore_rebuild_store_search(uuid) TO primestore_admin;

-- A store that adds a language or changes its default one needs every product redone (rare).
CREATE FUNCTION primestore_tenants_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM primestore_rebuild_store_search(NEW."id");
  RETURN NULL;
END
$$;
CREATE TRIGGER tenants_search_sync AFTER UPDATE OF "locales", "defaultLocale" ON "tenants"
  FOR EACH ROW WHEN (OLD."locales" IS DISTINCT FROM NEW."locales" OR OLD."defaultLocale" IS DISTINCT FROM NEW."defaultLocale")
  EXECUTE FUNCTION primestore_tenants_search_sync();

-- The language a store searches in: the one asked for if the store offers it, else its default
-- (as the catalog falls back to default-locale text). Null without a store.
CREATE FUNCTION primestore_store_search_locale(store uuid, requested text) RETURNS text
  LANGUAGE sql STABLE
  AS $$
    SELECT CASE WHEN requested = ANY (t."locales") THEN requested ELSE t."defaultLocale" END
    FROM "tenants" t WHERE t."id" = store
  $$;

-- Up to sample_size documents of a store and language whose title is within trigram distance of
-- search_key (at the caller's pg_trgm.word_similarity_threshold), in no particular order: typo
-- candidates, scored by the caller. Only through the trigram index: for a LIMIT the planner likes
-- to read the store's rows (in table or title order) until enough pass, but every row read costs
-- a trigram comparison, and matches cluster in title order ("sandália…" sorts last).
CREATE FUNCTION primestore_close_titles(store uuid, search_locale text, search_key text, sample_size integer)
  RETURNS SETOF "product_search_documents"
  LANGUAGE sql STABLE
  SET enable_seqscan = off
  SET enable_indexscan = off
  AS $$
    SELECT d.* FROM "product_search_documents" d
    WHERE d."tenantId" = store AND d."locale" = search_locale AND search_key <% d."titleKey"
    LIMIT sample_size
  $$;

-- Searching happens in the next two functions, with their owner's rights (decision 008). Under
-- row-level security the planner may use an index only for LEAKPROOF operators, and neither @@
-- nor pg_trgm's operators are, so a query bound by the policy reads every document of the store.
-- They filter by the caller's store themselves, from the setting the policy reads, and return
-- product ids and titles that the caller joins to products through row-level security.
-- Custom plans: a generic one can't tell a word in every title from a rare one.
CREATE FUNCTION primestore_search_products(search text, requested_locale text, page_size integer, page_offset integer)
  RETURNS TABLE (product_id uuid)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  SET plan_cache_mode = force_custom_plan
  -- Looser than suggestions: typo matches only follow the real ones ("camizetas" is 0.4 from "camiseta").
  SET pg_trgm.word_similarity_threshold = 0.4
  AS $$
DECLARE
  store uuid := NULLIF(current_setting('app.tenant_id', true), '')::uuid;
  search_locale text := primestore_store_search_locale(store, requested_locale);
  search_query tsquery := websearch_to_tsquery(primestore_search_config(search_locale), search);
  search_key text := primestore_search_key(search);
  returned integer;
  matched integer;
BEGIN
  IF store IS NULL THEN
    RETURN;  -- no store in scope, nothing to search
  END IF;
  RETURN QUERY
    SELECT d."productId" FROM "product_search_documents" d
    WHERE d."tenantId" = store AND d."locale" = search_locale AND d."document" @@ search_query
    ORDER BY ts_rank(d."document", search_query) DESC, d."productId" DESC
    LIMIT page_size OFFSET page_offset;
  GET DIAGNOSTICS returned = ROW_COUNT;
  IF returned = page_size THEN
    RETURN;
  END IF;
  -- The full-text matches ran out on this page; titles merely close to the query (typos) follow.
  IF returned > 0 OR page_offset = 0 THEN
    matched := page_offset + returned;
  ELSE
    SELECT count(*) INTO matched FROM "product_search_documents" d
    WHERE d."tenantId" = store AND d."locale" = search_locale AND d."document" @@ search_query;
  END IF;
  -- Scored among at most 1,000 candidates: a misspelt common word is close to thousands of titles,
  -- nearly all equally close, and scoring them all would cost more than the full-text search.
  RETURN QUERY
    SELECT candidate."productId" FROM primestore_close_titles(store, search_locale, search_key, 1000) candidate
    WHERE NOT candidate."document" @@ search_query
    ORDER BY word_similarity(search_key, candidate."titleKey") DESC, candidate."productId" DESC
    LIMIT page_size - returned OFFSET greatest(page_offset - matched, 0);
END
$$;

CREATE FUNCTION primestore_suggest_products(search text, requested_locale text, max_results integer)
  RETURNS TABLE (product_id uuid, title text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  SET plan_cache_mode = force_custom_plan
  -- A suggestion list is short and shown unasked: only close titles make it.
  SET pg_trgm.word_similarity_threshold = 0.5
  AS $$
DECLARE
  store uuid := NULLIF(current_setting('app.tenant_id', true), '')::uuid;
  search_locale text := primestore_store_search_locale(store, requested_locale);
  search_key text := primestore_search_key(search);
  -- LIKE's wildcards in what was typed are plain characters.
  starts_with text := replace(replace(replace(search_key, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  returned integer;
BEGIN
  IF store IS NULL THEN
    RETURN;  -- no store in scope, nothing to suggest
  END IF;
  -- Titles that start with the text, read from the prefix index in its order: a handful of rows
  -- however many titles match.
  RETURN QUERY
    SELECT d."productId", d."title" FROM "product_search_documents" d
    WHERE d."tenantId" = store AND d."locale" = search_locale AND d."titleKey" LIKE starts_with
    ORDER BY d."titleKey" USING ~<~
    LIMIT max_results;
  GET DIAGNOSTICS returned = ROW_COUNT;
  IF returned = max_results THEN
    RETURN;
  END IF;
  -- Then titles with a word like it (further in, or misspelt), best first among a bounded sample:
  -- a few letters can be close to thousands of titles, and typing on costs one more keystroke.
  RETURN QUERY
    SELECT candidate."productId", candidate."title" FROM primestore_close_titles(store, search_locale, search_key, 200) candidate
    WHERE candidate."titleKey" NOT LIKE starts_with
    ORDER BY word_similarity(search_key, candidate."titleKey") DESC, candidate."title"
    LIMIT max_results - returned;
END
$$;

-- Definer functions are for the apps' roles only.
REVOKE ALL ON FUNCTION primestore_search_products(text, text, integer, integer), primestore_suggest_products(text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION primestore_search_products(text, text, integer, integer), primestore_suggest_products(text, text, integer)
  TO primestore_app, primestore_admin;

-- Products that exist before this migration.
SELECT primestore_rebuild_store_search("id") FROM "tenants";

-- Built after the backfill, in one pass each. Store and language lead every index, so one store's
-- search never wades through another's documents (btree_gin lets GIN take the equality columns).
-- The always-true predicates hide them from Prisma's schema describer, which can't express them
-- and would otherwise report drift; each query's strict operator implies its index's predicate.
CREATE INDEX "product_search_documents_fulltext_idx" ON "product_search_documents"
  USING GIN ("tenantId", "locale", "document") WHERE "document" IS NOT NULL;
CREATE INDEX "product_search_documents_title_trigram_idx" ON "product_search_documents"
  USING GIN ("tenantId", "locale", "titleKey" gin_trgm_ops) WHERE "titleKey" IS NOT NULL;
-- Suggestions read titles that start with the typed text in index order and stop after a few.
CREATE INDEX "product_search_documents_title_prefix_idx" ON "product_search_documents"
  ("tenantId", "locale", "titleKey" text_pattern_ops) WHERE "titleKey" IS NOT NULL;
