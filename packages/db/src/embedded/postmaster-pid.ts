import { readFile, unlink } from "node:fs/promises";
import path from "node:path";

/**
 * After a crash `postmaster.pid` survives. PostgreSQL ignores it only if that PID is dead; in
 * containers PIDs are reused fast, so a live unrelated process makes it refuse to start.
 * Remove the file unless the PID really is a PostgreSQL serving this cluster.
 */
export async function clearStalePostmasterPid(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  let pid: number;
  try {
    pid = Number.parseInt((await readFile(pidFile, "utf8")).split("\n", 1)[0] ?? "", 10);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && (await servesCluster(pid, clusterDir))) {
    throw new Error(
      `Embedded PostgreSQL for ${clusterDir} is already running (pid ${pid}), probably from another ` +
        `\`pnpm start\` or one that was killed. Stop it (kill ${pid}) and try again.`,
    );
  }
  await unlink(pidFile);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function servesCluster(pid: number, clusterDir: string): Promise<boolean> {
  // Without /proc (macOS) a live PID may be ours: refusing beats a second postmaster.
  if (process.platform !== "linux") return true;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  return cmdline.split("\0").includes(clusterDir);
}
