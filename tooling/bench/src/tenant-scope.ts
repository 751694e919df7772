// What a tenant-scoped read costs the API process: client CPU and wall time per read for a bare
// statement (the baseline), an empty withTenant transaction, and the product page read through
// withTenant and through its self-scoping SQL function (docs/decisions/011). CPU per operation is
// steadier than latency on a shared machine. Run: pnpm --filter @primestore/bench exec tsx src/tenant-scope.ts
import { getProductPage } from "@primestore/core/catalog";
import { seedDemoData } from "@primestore/core/seed";
import { withTenant } from "@primestore/db";
import { createTestDatabase } from "@primestore/db/testing";

const OPERATIONS = Number(process.env.BENCH_OPERATIONS ?? 3000);
process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

const database = await createTestDatabase();
try {
  await seedDemoData(database.ownerUrl);
  const db = database.app;
  const { id: tenantId } = await database.admin.tenant.findUniqueOrThrow({ where: { slug: "aurora" } });
  const slug = "camiseta-algodao-organico";

  async function measure(name: string, read: () => Promise<unknown>) {
    for (let i = 0; i < 200; i++) await read();
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for (let i = 0; i < OPERATIONS; i++) await read();
    const used = process.cpuUsage(cpu);
    const wallUs = Number(process.hrtime.bigint() - started) / 1000 / OPERATIONS;
    return { name, "wall µs/read": Math.round(wallUs), "client CPU µs/read": Math.round((used.user + used.system) / OPERATIONS) };
  }

  const rows = [
    await measure("bare statement (baseline)", () => db.$queryRaw`SELECT 1`),
    await measure("withTenant, one statement", () => withTenant(db, tenantId, (tx) => tx.$queryRaw`SELECT 1`)),
    await measure("product page inside withTenant", () => withTenant(db, tenantId, (tx) => getProductPage(tx, tenantId, slug, "BRL", "pt-BR"))),
    await measure("product page, self-scoping function", () => getProductPage(db, tenantId, slug, "BRL", "pt-BR")),
  ];
  const baseline = rows[0]!["client CPU µs/read"];
  console.log(`\n${OPERATIONS} sequential reads each, one connection in use at a time\n`);
  console.table(rows.map((row) => ({ ...row, "CPU / baseline": Number((row["client CPU µs/read"] / baseline).toFixed(1)) })));
} finally {
  await database.drop();
}
