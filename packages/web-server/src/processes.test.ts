import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import net, { type AddressInfo } from "node:net";
import { join } from "node:path";
import { expect, it } from "vitest";

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const spawnFixture = (port: number, env: Record<string, string> = {}) =>
  spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "fixtures", "two-processes.ts")], {
    env: { ...process.env, ...env, PORT: String(port) },
    // Its own process group, so the test can press Ctrl-C on all of its processes at once.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });

async function startTwoProcesses(port: number): Promise<ChildProcess> {
  const child = spawnFixture(port);
  let output = "";
  for await (const chunk of child.stdout!) {
    output += chunk;
    if (output.includes("(2 processes)")) return child;
  }
  throw new Error(`the server exited before listening: ${output}`);
}

/** A new connection each time, so the primary hands each request to the next process. */
const get = (port: number, path: string) => fetch(`http://127.0.0.1:${port}${path}`, { headers: { Connection: "close" } });

it("answers from every process and lets requests in flight finish on SIGTERM, even with Ctrl-C on top", { timeout: 30_000 }, async () => {
  const port = await freePort();
  const server = await startTwoProcesses(port);
  try {
    const pids = new Set<string>();
    for (let i = 0; i < 10; i++) pids.add(await (await get(port, "/")).text());
    expect(pids.size).toBe(2);

    const slow = get(port, "/slow");
    await new Promise((resolve) => setTimeout(resolve, 150));
    const exited = once(server, "exit");
    // As when the launcher stops it on Ctrl-C: SIGTERM from the launcher, SIGINT from the terminal.
    server.kill("SIGTERM");
    process.kill(-server.pid!, "SIGINT");
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(pids.has(await answer.text())).toBe(true);
    const [code] = await exited;
    expect(code).toBe(0);
  } finally {
    server.kill("SIGKILL");
  }
});

it("stops with an error instead of restarting processes that cannot start", { timeout: 30_000 }, async () => {
  const server = spawnFixture(await freePort(), { FIXTURE_FAIL_START: "1" });
  let errors = "";
  server.stderr!.on("data", (chunk: Buffer) => (errors += chunk));
  const [code] = await once(server, "exit");
  expect(code).toBe(1);
  expect(errors).toContain("a server process failed to start");
});
