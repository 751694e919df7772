// `npm start` / `npm test` on a machine with only Node and git: find (or fetch) pnpm 12, install
// when the lockfile changed since the last install, then run the launcher or the test suite.
// Plain Node, no dependencies: nothing is installed yet when this runs.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PNPM_VERSION = "12.4.2";
const MIN_NODE = [20, 19];
const FORWARDED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const lockfile = path.join(repoRoot, "pnpm-lock.yaml");
const installStamp = path.join(repoRoot, "node_modules", ".primestore-install-stamp");
// Windows installs pnpm/npx as .cmd shims, which only a shell can run.
const useShell = process.platform === "win32";

/** Each task's command line, given how to invoke pnpm. */
const tasks = {
  // Node with tsx's loader rather than `pnpm exec tsx`: pnpm exits 130/143 on Ctrl-C without
  // waiting for the launcher's shutdown, and the tsx CLI SIGKILLs a child slow to acknowledge
  // a signal. One process, so signals and the exit code are the launcher's own.
  start: (_pnpm, extra) => [process.execPath, "--import", "tsx", "tooling/launcher/start.ts", ...extra],
  test: (pnpm, extra) => [...pnpm, "exec", "turbo", "run", "lint", "typecheck", "test:vitest", ...(extra.length ? ["--", ...extra] : [])],
};

function fail(message) {
  process.stderr.write(`bootstrap: ${message}\n`);
  process.exit(1);
}

function checkNodeVersion() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    fail(`Node >= ${MIN_NODE.join(".")} is required, this is ${process.versions.node}.`);
  }
}

/** pnpm from PATH when it is 12.x, otherwise the pinned version through npx (cached after once). */
function findPnpm() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell: useShell });
  const found = probe.status === 0 ? probe.stdout.trim() : undefined;
  if (found?.split(".")[0] === PNPM_VERSION.split(".")[0]) return ["pnpm"];
  process.stderr.write(`bootstrap: pnpm 12 not on PATH (${found ?? "none"}), using npx pnpm@${PNPM_VERSION}\n`);
  return ["npx", "--yes", `pnpm@${PNPM_VERSION}`];
}

function lockfileHash() {
  return createHash("sha256").update(readFileSync(lockfile)).digest("hex");
}

function needsInstall() {
  return !existsSync(installStamp) || readFileSync(installStamp, "utf8").trim() !== lockfileHash();
}

/** Runs a command with inherited stdio, forwarding our signals to it. */
function run([command, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: "inherit", shell: useShell && command !== process.execPath });
    const forward = (signal) => child.kill(signal);
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
    const done = (result) => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
      resolve(result);
    };
    child.once("error", (error) => done({ code: 127, signal: null, error }));
    child.once("exit", (code, signal) => done({ code, signal }));
  });
}

/** Ends this process the way the child ended, so callers see the real status. */
function exitLike({ code, signal, error }, what) {
  if (error) fail(`${what} could not run: ${error.message}`);
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
}

async function main() {
  const [taskName, ...extra] = process.argv.slice(2);
  const task = Object.hasOwn(tasks, taskName ?? "") ? tasks[taskName] : undefined;
  if (!task) fail(`usage: node tooling/launcher/bootstrap.mjs <${Object.keys(tasks).join("|")}> [args...]`);
  checkNodeVersion();
  const pnpm = findPnpm();

  if (needsInstall()) {
    const install = await run([...pnpm, "install", "--frozen-lockfile"]);
    if (install.code !== 0) return exitLike(install, "pnpm install");
    writeFileSync(installStamp, `${lockfileHash()}\n`);
  }
  exitLike(await run(task(pnpm, extra)), taskName);
}

await main();
