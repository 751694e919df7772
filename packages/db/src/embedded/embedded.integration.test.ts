import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./index.ts";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("startEmbeddedPostgres", { timeout: 60_000 }, () => {
  let dataDir: string;
  const running: EmbeddedPostgres[] = [];
  const start = async (port?: number) => {
    const server = await startEmbeddedPostgres({ dataDir, port });
    running.push(server);
    return server;
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "primestore-embedded-"));
    // mkdtemp makes it 0700; as root, PostgreSQL runs as OS user `postgres` and must enter it.
    await chmod(dataDir, 0o755);
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.stop()));
    await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps its port and data across restarts", async () => {
    const first = await start();
    expect(first.url).toMatch(/^postgresql:\/\/postgres:postgres@127\.0\.0\.1:\d+\/primestore$/);
    expect(first.url).not.toContain(":5432/");
    expect(await query(first.url, "select 1 as one")).toEqual([{ one: 1 }]);
    await query(first.url, "create table kept (id int); insert into kept values (42)");
    await first.stop();

    const second = await start();
    expect(second.url).toBe(first.url);
    expect(await query(second.url, "select id from kept")).toEqual([{ id: 42 }]);
    const remembered = JSON.parse(await readFile(path.join(dataDir, "postgres.json"), "utf8"));
    expect(second.url).toContain(`:${remembered.port}/`);
    await second.stop();
  });

  it("refuses a second server on the same cluster, naming the running one", async () => {
    await start();
    await expect(start()).rejects.toThrow(/already running \(pid \d+\)/);
  });

  it("starts after a crash left postmaster.pid naming a live, unrelated process", async () => {
    const first = await start();
    await first.stop();
    // A reused PID: alive, so PostgreSQL alone would refuse ("Is another postmaster running?")
    // whenever it may signal that process (same OS user).
    const unrelated = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"]);
    try {
      await writeFile(path.join(dataDir, "postgres", "postmaster.pid"), `${unrelated.pid}\n${dataDir}/postgres\n`);
      const second = await start();
      expect(await query(second.url, "select 1 as one")).toEqual([{ one: 1 }]);
    } finally {
      unrelated.kill();
    }
  });

  it("fails clearly when something else holds the remembered port", async () => {
    const first = await start();
    await first.stop();
    const port = Number(new URL(first.url).port);
    const squatter = net.createServer().listen(port, "127.0.0.1");
    await new Promise((resolve) => squatter.once("listening", resolve));
    try {
      await expect(start()).rejects.toThrow(`port ${port} (remembered in ${path.join(dataDir, "postgres.json")}) is taken`);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it("reports a crashed server through `exited`, and stop() still returns", async () => {
    const server = await start();
    const pid = Number((await readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")).split("\n", 1)[0]);
    process.kill(pid, "SIGKILL");
    await server.exited;
    await server.stop();
  });
});
