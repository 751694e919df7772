// A relative path: Vite bundles the files a config imports that way, but hands a package name to
// Node, which can't load the factory's TypeScript.
import { remixAppConfig } from "../../tooling/vite/remix-app.ts";

export default remixAppConfig({ port: 3001 });
