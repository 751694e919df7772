const registry = globalThis as typeof globalThis & { __primestoreSingletons?: Map<string, unknown> };

/** One instance per process that survives Vite's dev-time module reloads (no pool per reload). */
export function singleton<T>(name: string, create: () => T): T {
  const instances = (registry.__primestoreSingletons ??= new Map());
  if (!instances.has(name)) instances.set(name, create());
  return instances.get(name) as T;
}
