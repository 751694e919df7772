import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The Remix servers run with NODE_ENV=production, where the config refuses the built-in dev
 * secrets. Keep one random secret per checkout and name, so sign-ins and encrypted provider
 * credentials survive restarts.
 */
export async function localSecret(dataDir: string, name: string, encoding: "hex" | "base64"): Promise<string> {
  const file = path.join(dataDir, name);
  try {
    return (await readFile(file, "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(32).toString(encoding);
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
