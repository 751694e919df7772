import type { Env } from "@primestore/config";

/** The parts of seedDemoData's result worth showing. */
export interface SeedSummary {
  tenants: { host: string; name: string }[];
  logins: { role: string; email: string; password: string }[];
}

export function formatSummary(env: Env, seed: SeedSummary): string {
  const storefronts = seed.tenants.map((tenant) => `    ${tenant.name.padEnd(24)} http://${tenant.host}:${env.STOREFRONT_PORT}/`);
  const logins = seed.logins.map((login) => `    ${login.role.padEnd(24)} ${login.email}  /  ${login.password}`);
  return [
    "",
    "Prime Store is running.",
    "  Storefronts:",
    ...storefronts,
    `  Seller portal              http://localhost:${env.PORTAL_PORT}/`,
    `  Platform staff             http://localhost:${env.PORTAL_PORT}/staff`,
    ...(logins.length ? ["  Demo logins:", ...logins] : []),
    "Press Ctrl-C to stop.",
    "",
  ].join("\n");
}
