import { readdirSync, readFileSync } from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** Fields after the command name, which may itself hold spaces: state is 0, ppid 1, utime 11, stime 12. */
function statFields(pid: number | string): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  } catch {
    return undefined;
  }
}

/**
 * CPU time (user + system) a process and all its descendants have used so far, in ms; NaN where
 * /proc can't tell. A server may answer from several worker processes under one primary.
 */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined || !statFields(pid)) return Number.NaN;
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (!fields) continue;
    const id = Number(entry);
    cpu.set(id, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    const parent = Number(fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), id]);
  }
  let total = 0;
  for (const queue = [pid]; queue.length; ) {
    const id = queue.pop()!;
    total += cpu.get(id) ?? 0;
    queue.push(...(children.get(id) ?? []));
  }
  return total;
}
