// `prisma generate` offline: the CLI insists on a schema-engine binary it would download, but
// generating the client never runs it. Point it at a stub that explains itself if ever called.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = join(tmpdir(), "primestore-prisma");
mkdirSync(dir, { recursive: true });
const stub = join(dir, "schema-engine-stub");
writeFileSync(
  stub,
  "#!/bin/sh\necho 'Prime Store runs migrations through the WebAssembly schema engine: use pnpm db:migrate / db:deploy / db:drift' >&2\nexit 1\n",
);
chmodSync(stub, 0o755);

const result = spawnSync("prisma", ["generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
