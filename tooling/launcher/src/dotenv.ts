import { readFile } from "node:fs/promises";
import { parseEnv } from "node:util";

/** Loads a `.env` file into process.env; variables already set (even to "") win. */
export async function loadDotenv(file: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  for (const [key, value] of Object.entries(parseEnv(text))) {
    process.env[key] ??= value;
  }
  return true;
}
