import pg from "pg";

/**
 * Grows one tenant's catalog to `count` active products (one variant each with a colour and a size,
 * priced in BRL and USD, most in stock), in ten categories under one parent and a featured
 * collection, with set-based SQL (a minute or two for 100k, most of it the search and listing
 * triggers). Runs as the owner.
 */
export async function scaleCatalog(ownerUrl: string, tenantSlug: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const tenant = await client.query<{ id: string }>("SELECT id FROM tenants WHERE slug = $1", [tenantSlug]);
    const tenantId = tenant.rows[0]?.id;
    if (!tenantId) throw new Error(`no tenant ${tenantSlug}`);
    const location = await client.query<{ id: string }>(`SELECT id FROM stock_locations WHERE "tenantId" = $1 LIMIT 1`, [tenantId]);
    await client.query("BEGIN");
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    // Names from small word lists, so search has realistic, overlapping vocabulary.
    await client.query(
      `CREATE TEMP TABLE bench_products ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS product_id, gen_random_uuid() AS variant_id,
              (ARRAY['Camiseta','Vestido','Bolsa','Calça','Jaqueta','Saia','Sandália','Chapéu','Blusa','Bermuda'])[1 + n % 10] || ' ' ||
              (ARRAY['algodão','linho','couro','seda','jeans','lã','malha','palha'])[1 + (n / 10) % 8] || ' ' ||
              (ARRAY['azul','verde','preta','branca','vermelha','amarela','rosa','cinza','bege'])[1 + (n / 80) % 9] || ' ' || n AS title
       FROM generate_series(1, $1::int) AS n`,
      [count],
    );
    await client.query(
      `INSERT INTO products (id, "tenantId", slug, status, title, description, "createdAt", "updatedAt")
       SELECT product_id, $1, 'bench-' || n, 'active', title,
              -- A description as sellers write them (~600 bytes of headings, paragraphs and a list),
              -- without the words the search scenario looks for.
              '<h2>' || title || '</h2><p>Peça confeccionada com <strong>fibras naturais</strong> e acabamento à mão, '
                || 'pensada para o uso diário &amp; para durar muitas estações.</p><p>Modelagem confortável, '
                || 'costuras reforçadas e tecido que respira nos dias quentes.</p><ul><li>Composição: fibras naturais certificadas</li>'
                || '<li>Lavar à mão ou na máquina, ciclo delicado</li><li>Não usar alvejante</li><li>Secar à sombra</li>'
                || '<li>Produzido no Brasil</li></ul><p><em>As cores podem variar levemente conforme a tela.</em></p>', now() - (n || ' seconds')::interval, now() FROM bench_products`,
      [tenantId],
    );
    await client.query(
      `INSERT INTO variants (id, "tenantId", "productId", sku, title, options, "createdAt", "updatedAt")
       SELECT variant_id, $1, product_id, 'BENCH-' || n, title,
              jsonb_build_object('Cor', (ARRAY['Azul','Verde','Preta','Branca','Vermelha'])[1 + n % 5], 'Tamanho', (ARRAY['P','M','G','GG'])[1 + n % 4]),
              now(), now()
       FROM bench_products`,
      [tenantId],
    );
    await client.query(
      `INSERT INTO variant_prices ("tenantId", "variantId", currency, amount)
       SELECT $1, variant_id, c.currency, 1000 + (n * 37) % 90000 FROM bench_products, (VALUES ('BRL'), ('USD')) AS c(currency)`,
      [tenantId],
    );
    await client.query(
      `INSERT INTO inventory_levels ("tenantId", "variantId", "locationId", "onHand", reserved, "updatedAt")
       SELECT $1, variant_id, $2, n % 50, 0, now() FROM bench_products`,
      [tenantId, location.rows[0]!.id],
    );
    // A category per garment under one parent (10k products each), and a featured collection of 500.
    await client.query(
      `WITH parent AS (
         INSERT INTO categories (id, "tenantId", slug, name) VALUES (gen_random_uuid(), $1, 'bench', 'Bench') RETURNING id
       )
       INSERT INTO categories (id, "tenantId", "parentId", slug, name, position)
       SELECT gen_random_uuid(), $1, parent.id, 'bench-' || k, 'Bench ' || k, k FROM parent, generate_series(0, 9) AS k`,
      [tenantId],
    );
    await client.query(
      `INSERT INTO product_categories ("tenantId", "productId", "categoryId")
       SELECT $1, b.product_id, c.id FROM bench_products b JOIN categories c ON c."tenantId" = $1 AND c.slug = 'bench-' || (b.n % 10)`,
      [tenantId],
    );
    await client.query(
      `WITH collection AS (
         INSERT INTO collections (id, "tenantId", slug, name, featured) VALUES (gen_random_uuid(), $1, 'bench-featured', 'Bench featured', true) RETURNING id
       )
       INSERT INTO collection_products ("tenantId", "collectionId", "productId", position)
       SELECT $1, collection.id, b.product_id, b.n FROM collection, bench_products b WHERE b.n % 200 = 0`,
      [tenantId],
    );
    await client.query("COMMIT");
    // A store's catalog is measured as it runs, not in the wake of its bulk load: vacuum sets the
    // hint bits and visibility map (so reads don't dirty pages and autovacuum doesn't start its
    // own pass mid-run) and the checkpoint writes the load out before anything is timed.
    await client.query("VACUUM (ANALYZE)");
    await client.query("CHECKPOINT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
