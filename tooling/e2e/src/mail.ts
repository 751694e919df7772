import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * What `find` reads out of the first email in `dir` that has it, polling: the worker writes mail
 * from a queue, so it lands a while after the page that caused it has answered. `what` names the
 * email in the error when none comes.
 */
export async function findMail<T>(dir: string, what: string, find: (eml: string) => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // The worker creates the directory with its first email.
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const file of files) {
      const found = find(await readFile(join(dir, file), "utf8"));
      if (found !== undefined) return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no ${what} in ${dir}`);
}

/** The first email in `dir` whose text contains `text`, whole. */
export function mailContaining(dir: string, text: string): Promise<string> {
  return findMail(dir, `email containing ${text}`, (eml) => (eml.includes(text) ? eml : undefined));
}
