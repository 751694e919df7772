import { spawn } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pipePrefixed } from "./output.ts";

const KILL_AFTER_MS = 10_000;

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedChild {
  name: string;
  exited: Promise<ChildExit>;
  /** SIGTERM, then SIGKILL if it is still alive after 10 s. */
  stop(): Promise<void>;
}

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export function spawnManaged(spec: ChildSpec): ManagedChild {
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    // Packages' own bins first, as `pnpm run` would put them.
    env: { ...spec.env, PATH: [path.join(spec.cwd, "node_modules", ".bin"), spec.env.PATH].join(path.delimiter) },
    stdio: ["ignore", "pipe", "pipe"],
    // Own process group: Ctrl-C reaches only the launcher, which stops children in order
    // (apps before their database), and signals reach grandchildren (turbo's build tasks).
    detached: true,
  });
  pipePrefixed(spec.name, child.stdout, process.stdout);
  pipePrefixed(spec.name, child.stderr, process.stderr);

  let closed = false;
  const exited = new Promise<ChildExit>((resolve) => {
    // 'close', not 'exit': the last output lines are still in the pipes when it exits.
    child.once("close", (code, signal) => {
      closed = true;
      resolve({ code, signal });
    });
    child.once("error", (error) => {
      closed = true;
      process.stderr.write(`${spec.name}: ${error.message}\n`);
      resolve({ code: null, signal: null });
    });
  });
  // The whole group, even after its leader exited: a grandchild may still hold the pipes open.
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || closed) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };

  return {
    name: spec.name,
    exited,
    async stop() {
      signalGroup("SIGTERM");
      const timer = new AbortController();
      const stillRunning = await Promise.race([
        exited.then(() => false),
        sleep(KILL_AFTER_MS, true, { signal: timer.signal }).catch(() => false),
      ]);
      timer.abort();
      if (stillRunning) {
        signalGroup("SIGKILL");
        await exited;
      }
    },
  };
}

export function describeExit({ code, signal }: ChildExit): string {
  return signal ? `killed by ${signal}` : `exit code ${code ?? "unknown"}`;
}
