export { createDbClient, PrismaClient, type Db, type ClientOptions } from "./client.ts";
export { databaseErrorOf, type DatabaseErrorReport } from "./database-error.ts";
export { runPrepared, type PreparedStatement } from "./prepared-statement.ts";
export { withTenant, withUser, type Tx, type TransactionOptions } from "./tenant-transaction.ts";
export { ensureDatabaseRoles, type RolePasswords } from "./roles.ts";
export { Prisma } from "./generated/prisma/client.ts";
export * from "./generated/prisma/enums.ts";
export type * from "./generated/prisma/models.ts";
