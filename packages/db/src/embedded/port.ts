import { readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import { z } from "zod";

const rememberedPortSchema = z.object({ port: z.number().int().min(1).max(65535) });

/**
 * The cluster's port, stable across restarts so URLs in `.env` files and tools keep working.
 * An explicit port wins and becomes the remembered one; otherwise the first start picks a free one.
 */
export async function resolvePort(stateFile: string, requested?: number): Promise<number> {
  const remembered = await readRememberedPort(stateFile);
  if (requested !== undefined && requested !== remembered) {
    await writeFile(stateFile, `${JSON.stringify({ port: requested }, null, 2)}\n`);
    return requested;
  }
  if (remembered !== undefined) return remembered;
  const port = await findFreePort();
  await writeFile(stateFile, `${JSON.stringify({ port }, null, 2)}\n`);
  return port;
}

async function readRememberedPort(stateFile: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(stateFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const parsed = rememberedPortSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${stateFile}: expected {"port": <1-65535>}, got ${text.trim()}`);
  return parsed.data.port;
}

/**
 * A random port below the ephemeral range (32768+ on Linux), where an outgoing connection could
 * hold it at a later start; random, so parallel first starts (test files) don't pick the same.
 */
async function findFreePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 10000);
    if (await isPortFree(port)) return port;
  }
  return listenOnce(0);
}

export async function isPortFree(port: number): Promise<boolean> {
  try {
    await listenOnce(port);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") return false;
    throw error;
  }
}

/** Binds the port on loopback and releases it; resolves to the port actually bound. */
function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const bound = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(bound));
    });
  });
}
