import net from "node:net";

/**
 * Fails early when a port is taken: the app's server would die with EADDRINUSE, and until then
 * whatever holds the port would answer our /livez probe.
 */
export async function assertPortsFree(ports: Record<string, number>): Promise<void> {
  for (const [variable, port] of Object.entries(ports)) {
    if (!(await isPortFree(port))) {
      throw new Error(`port ${port} is in use by another process: stop it, or set ${variable} to a free port`);
    }
  }
}

/** Binds like the apps' servers do (all interfaces), then lets go. */
function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" ? resolve(false) : reject(error)));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}
