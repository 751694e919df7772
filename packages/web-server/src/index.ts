export { serveRemixApp } from "./remix-app.ts";
export { createWebServer, type FetchHandler } from "./server.ts";
export { StaticFiles } from "./static-files.ts";
export { listen } from "./processes.ts";
