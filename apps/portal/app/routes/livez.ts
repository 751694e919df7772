/** Liveness: the process answers. Touches nothing else, so a database outage never restarts pods. */
export const loader = () => new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
