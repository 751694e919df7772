import pg from "pg";

export type SessionState = "executing" | "waiting on a lock" | "in transaction, waiting for the API" | "idle";

/**
 * Where the API's database sessions spend a scenario: pg_stat_activity sampled every `everyMs`
 * for the sessions of `applicationNames`, averaged to how many sessions were in each state. Many
 * sessions "in transaction, waiting for the API" means round trips to the API process dominate;
 * many "waiting on a lock" means transactions queue behind the same rows.
 */
export async function sampleSessions(serverUrl: string, applicationNames: string[], everyMs = 50) {
  const client = new pg.Client({ connectionString: serverUrl, application_name: "bench-sampler" });
  await client.connect();
  const totals: Record<SessionState, number> = { executing: 0, "waiting on a lock": 0, "in transaction, waiting for the API": 0, idle: 0 };
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ state: string | null; wait: string | null }>(
        "SELECT state, wait_event_type AS wait FROM pg_stat_activity WHERE application_name = ANY($1)",
        [applicationNames],
      );
      samples++;
      for (const { state, wait } of rows) {
        if (state === "active") totals[wait === "Lock" ? "waiting on a lock" : "executing"]++;
        else if (state?.startsWith("idle in transaction")) totals["in transaction, waiting for the API"]++;
        else totals.idle++;
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    /** Average sessions in each state over the samples. */
    async stop(): Promise<Record<SessionState, number>> {
      running = false;
      await loop;
      await client.end();
      const average = (count: number) => Math.round((count / Math.max(1, samples)) * 10) / 10;
      return {
        executing: average(totals.executing),
        "waiting on a lock": average(totals["waiting on a lock"]),
        "in transaction, waiting for the API": average(totals["in transaction, waiting for the API"]),
        idle: average(totals.idle),
      };
    },
  };
}
