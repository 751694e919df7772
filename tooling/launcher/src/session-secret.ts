import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The Remix servers run with NODE_ENV=production, where the config refuses the built-in dev
 * secret. Keep one random secret per checkout so sign-ins survive restarts.
 */
export async function localSessionSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "session-secret");
  try {
    return (await readFile(file, "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(32).toString("hex");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
