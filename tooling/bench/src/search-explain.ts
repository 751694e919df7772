// Product search at 100k products in one store: how long the search and suggestion functions take
// and which indexes their statements use (auto_explain inside the functions). A check, not a
// load test. Run: pnpm --filter @primestore/bench exec tsx src/search-explain.ts
// Connects as a superuser (LOAD 'auto_explain') to TEST_DATABASE_URL, default the local server,
// where it builds and drops a database of its own.
import { seedDemoData } from "@primestore/core/seed";
import { createTestDatabase } from "@primestore/db/testing";
import pg from "pg";
import { scaleCatalog } from "./scale-catalog.ts";

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const RUNS = 7;
process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

const queries = [
  "SELECT * FROM primestore_search_products('camisetas', 'pt-BR', 25, 0)",
  "SELECT * FROM primestore_search_products('camisetas', 'pt-BR', 25, 975)",
  "SELECT * FROM primestore_search_products('jaqueta de couro preta', 'pt-BR', 25, 0)",
  "SELECT * FROM primestore_search_products('camizeta', 'pt-BR', 25, 0)",
  "SELECT * FROM primestore_search_products('vestdo de lino', 'pt-BR', 25, 0)",
  "SELECT * FROM primestore_search_products('geladeira', 'pt-BR', 25, 0)",
  "SELECT * FROM primestore_suggest_products('ca', 'pt-BR', 6)",
  "SELECT * FROM primestore_suggest_products('jaqueta de co', 'pt-BR', 6)",
  "SELECT * FROM primestore_suggest_products('algod', 'pt-BR', 6)",
  "SELECT * FROM primestore_suggest_products('sandalai', 'pt-BR', 6)",
];

const database = await createTestDatabase();
const client = new pg.Client({ connectionString: database.ownerUrl });
try {
  await seedDemoData(database.ownerUrl);
  const started = Date.now();
  await scaleCatalog(database.ownerUrl, "aurora", PRODUCTS);
  console.log(`${PRODUCTS} products inserted, search documents included, in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  await client.connect();
  await client.query("VACUUM ANALYZE product_search_documents");
  const sizes = await client.query(
    `SELECT relname AS relation, pg_size_pretty(pg_relation_size(oid)) AS size FROM pg_class
     WHERE relname LIKE 'product_search_documents%' ORDER BY relname`,
  );
  console.table(sizes.rows);
  const store = await client.query<{ id: string }>("SELECT id FROM tenants WHERE slug = 'aurora'");
  await client.query("SELECT set_config('app.tenant_id', $1, false)", [store.rows[0]!.id]);
  // The functions' own statements, with their plans, arrive as notices.
  await client.query(`LOAD 'auto_explain'`);
  await client.query("SET auto_explain.log_nested_statements = on; SET auto_explain.log_analyze = on; SET auto_explain.log_level = notice");
  const plans: string[] = [];
  client.on("notice", (notice) => plans.push(notice.message ?? ""));

  const rows = [];
  for (const sql of queries) {
    await client.query("SET auto_explain.log_min_duration = -1");
    const timings: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      await client.query(sql);
      timings.push(performance.now() - start);
    }
    await client.query("SET auto_explain.log_min_duration = 0");
    plans.length = 0;
    const { rowCount } = await client.query(sql);
    const plan = plans.join("\n");
    const indexes = new Set([...plan.matchAll(/(?:Index Scan using|Bitmap Index Scan on) (product_search_\w+)/g)].map((match) => match[1]));
    timings.sort((a, b) => a - b);
    rows.push({
      query: sql.replace(/^SELECT \* FROM primestore_/, ""),
      rows: rowCount,
      "median ms": Math.round(timings[Math.floor(RUNS / 2)]! * 10) / 10,
      "max ms": Math.round(timings.at(-1)! * 10) / 10,
      indexes: [...indexes].join(", "),
      "seq scans": (plan.match(/Seq Scan on product_search_documents/g) ?? []).length,
    });
  }
  console.table(rows);
} finally {
  await client.end().catch(() => {});
  await database.drop();
}
