import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { ShadowSafePgAdapterFactory } from "./pg-adapter-factory.ts";

/** The Prisma schema the engine reads `datasource` and models from. */
export interface SchemaFile {
  path: string;
  content: string;
}

// Node has WebAssembly at runtime, but neither lib ES2023 nor @types/node 20 declare it.
interface WasmModule {
  readonly __brand: "WebAssembly.Module";
}
interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  instantiate(module: WasmModule, imports: Record<string, Record<string, unknown>>): Promise<{ exports: Record<string, unknown> }>;
  Module: { imports(module: WasmModule): { module: string; name: string }[] };
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

type SetTimer = (...args: unknown[]) => NodeJS.Timeout;

// The engine arms a timer for each of its timeouts and never clears one (the bindings don't even
// import clearTimeout): ref'd, they hold the process open ~10 s after the work is done.
function unrefTimers(setTimer: SetTimer): SetTimer {
  return (...args) => setTimer(...args).unref();
}

let wasmReady: Promise<void> | undefined;

// A Rust panic inside the engine reports its message through this global before the wasm traps;
// without it the trap hides the message behind "Cannot read properties of undefined".
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    console.error(`Prisma schema engine panicked: ${message}`);
  },
};

/**
 * The package is built for bundlers (`import * as wasm from "./x.wasm"`), which Node can't load,
 * so we instantiate the module by hand. The bindings hold a single module-level instance, hence
 * once per process.
 */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The .wasm file is not in the package's `exports`: resolve its sibling JS module instead.
    // require.resolve, not import.meta.resolve: vitest's module runner (Vite 6) lacks the latter.
    const bindingsPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const module = await WebAssembly.compile(await readFile(join(dirname(bindingsPath), "schema_engine_bg.wasm")));
    const bindings: Record<string, unknown> = wasmBindings;
    const imports: Record<string, Record<string, unknown>> = {};
    for (const { module: namespace, name } of WebAssembly.Module.imports(module)) {
      const binding = bindings[name];
      (imports[namespace] ??= {})[name] =
        name.startsWith("__wbg_setTimeout_") && typeof binding === "function" ? unrefTimers(binding as SetTimer) : binding;
    }
    const { exports } = await WebAssembly.instantiate(module, imports);
    wasmBindings.__wbg_set_wasm(exports);
    const start = exports.__wbindgen_start;
    if (typeof start !== "function") throw new Error("schema engine wasm: __wbindgen_start export missing");
    start();
  })();
  return wasmReady;
}

/** The engine logs JSON lines; only warnings and errors are worth a user's attention. */
function reportEngineLog(line: string): void {
  try {
    const { level } = JSON.parse(line) as { level?: string };
    if (level === "WARN" || level === "ERROR") console.warn(line.trimEnd());
  } catch {
    console.warn(line.trimEnd());
  }
}

/**
 * Runs `use` with a schema engine connected to `databaseUrl` (the owner connection; shadow
 * databases are created on the same server), then frees the engine and every pool it opened.
 * `schema` may be omitted for commands that only read the migrations folder.
 */
export async function withSchemaEngine<T>(
  options: { databaseUrl: string; schema?: SchemaFile },
  use: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const adapterFactory = new ShadowSafePgAdapterFactory(options.databaseUrl);
  try {
    const datamodels: [string, string][] | undefined = options.schema && [[options.schema.path, options.schema.content]];
    const engine = await wasmBindings.SchemaEngine.new(
      { datamodels },
      reportEngineLog,
      bindMigrationAwareSqlAdapterFactory(adapterFactory),
    );
    try {
      return await use(engine);
    } finally {
      engine.free();
    }
  } finally {
    // free() drops the engine but not the pg pools behind its adapters.
    await adapterFactory.close();
  }
}
