import { defineConfig } from "prisma/config";

// The datasource URL only matters to CLI commands that talk to a database; migrations run
// through src/migrate (the WebAssembly schema engine), so generate needs none.
export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/primestore" },
});
