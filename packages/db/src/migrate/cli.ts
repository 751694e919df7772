import { relative } from "node:path";
import { databaseUrls } from "@primestore/config";
import { checkDrift, createMigration, deployMigrations } from "./index.ts";

const USAGE = `Usage:
  tsx src/migrate/cli.ts create <name>   write a migration for schema changes (pnpm db:migrate <name>)
  tsx src/migrate/cli.ts deploy          apply pending migrations (pnpm db:deploy)
  tsx src/migrate/cli.ts drift           fail when the schema has changes no migration captures (pnpm db:drift)
All commands connect with DATABASE_URL (owner role); create and drift build a throwaway shadow database on that server.`;

async function create(name: string | undefined): Promise<number> {
  if (!name) {
    console.error(`Missing migration name.\n\n${USAGE}`);
    return 2;
  }
  const migration = await createMigration({ name, databaseUrl: databaseUrls().owner });
  if (!migration) {
    console.log("Schema and migrations agree: no migration created.");
    return 0;
  }
  console.log(`Created ${relative(process.cwd(), migration.dir)}/migration.sql:\n\n${migration.sql}`);
  return 0;
}

async function deploy(): Promise<number> {
  const { applied } = await deployMigrations(databaseUrls().owner);
  console.log(applied.length ? `Applied:\n${applied.map((name) => `  ${name}`).join("\n")}` : "No pending migrations.");
  return 0;
}

async function drift(): Promise<number> {
  const { drift, sql } = await checkDrift({ databaseUrl: databaseUrls().owner });
  if (!drift) {
    console.log("No drift: the migrations produce the schema.");
    return 0;
  }
  console.error(`Drift: prisma/schema.prisma has changes no migration captures. Run \`pnpm db:migrate <name>\`.\nMissing SQL:\n\n${sql}`);
  return 1;
}

async function main([command, ...args]: string[]): Promise<number> {
  switch (command) {
    case "create":
      return create(args.join(" ") || undefined);
    case "deploy":
      return deploy();
    case "drift":
      return drift();
    default:
      console.error(USAGE);
      return 2;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
