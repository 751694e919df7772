export { listen } from "./processes.ts";
export { serveRemixApp } from "./remix-app.ts";
export { createWebServer } from "./server.ts";
