import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";

const LABEL_WIDTH = "storefront".length;

export function label(name: string): string {
  return `[${name}]`.padEnd(LABEL_WIDTH + 2);
}

/** Copies a child's output line by line, each line prefixed with the child's name. */
export function pipePrefixed(name: string, from: Readable, to: Writable): void {
  createInterface({ input: from, crlfDelay: Infinity }).on("line", (line) => to.write(`${label(name)} ${line}\n`));
}

export function say(message: string): void {
  process.stdout.write(`${label("launcher")} ${message}\n`);
}
