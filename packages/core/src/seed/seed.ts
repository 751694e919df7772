import { createDbClient, withTenant, type Db, type Tx } from "@primestore/db";
import { hashPassword } from "../auth/password.ts";
import { DEMO_PASSWORD, DEMO_STAFF, demoTenants, type DemoProduct, type DemoTenant } from "./demo-data.ts";

export interface SeedResult {
  created: boolean;
  tenants: Array<{ slug: string; host: string; name: string }>;
  logins: Array<{ role: string; email: string; password: string }>;
}

export interface SeedOptions {
  /** Hosts are `<slug>.<platformDomain>`. */
  platformDomain?: string;
}

/**
 * Demo stores for a first run. Needs a connection that may write platform tables (the owner);
 * tenant rows go through tenant-scoped transactions like any other write. Idempotent: an
 * existing `aurora` means the demo is already there.
 */
export async function seedDemoData(ownerUrl: string, options: SeedOptions = {}): Promise<SeedResult> {
  const domain = options.platformDomain ?? "localhost";
  const result: SeedResult = {
    created: false,
    tenants: demoTenants.map((t) => ({ slug: t.slug, host: `${t.slug}.${domain}`, name: t.name })),
    logins: [
      ...demoTenants.map((t) => ({ role: `seller (${t.slug})`, email: t.seller.email, password: DEMO_PASSWORD })),
      { role: "platform staff", email: DEMO_STAFF.email, password: DEMO_PASSWORD },
    ],
  };
  const db = createDbClient(ownerUrl, { poolSize: 2, applicationName: "primestore-seed" });
  try {
    if (await db.tenant.findUnique({ where: { slug: demoTenants[0]!.slug } })) return result;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const tenant of demoTenants) await seedTenant(db, tenant, domain, passwordHash);
    const staff = await db.user.create({ data: { email: DEMO_STAFF.email, name: DEMO_STAFF.name, passwordHash, locale: "pt-BR" } });
    await db.staffMember.create({ data: { userId: staff.id, role: "admin" } });
    result.created = true;
    return result;
  } finally {
    await db.$disconnect();
  }
}

async function seedTenant(db: Db, demo: DemoTenant, domain: string, passwordHash: string): Promise<void> {
  const tenant = await db.tenant.create({
    data: {
      slug: demo.slug,
      name: demo.name,
      defaultLocale: demo.defaultLocale,
      locales: demo.locales,
      defaultCurrency: demo.defaultCurrency,
      currencies: demo.currencies,
      branding: { primaryColor: demo.primaryColor },
    },
  });
  const seller = await db.user.create({ data: { email: demo.seller.email, name: demo.seller.name, passwordHash, locale: demo.defaultLocale } });
  await withTenant(db, tenant.id, async (tx) => {
    await tx.tenantDomain.create({ data: { tenantId: tenant.id, host: `${demo.slug}.${domain}`, isPrimary: true } });
    await tx.membership.create({ data: { tenantId: tenant.id, userId: seller.id, role: "owner" } });
    const location = await tx.stockLocation.create({ data: { tenantId: tenant.id, name: "Main", kind: "own" } });
    await tx.shippingRate.create({
      data: { tenantId: tenant.id, name: "Standard", kind: "flat", currency: demo.defaultCurrency, amount: 1500 },
    });
    for (const [position, product] of demo.products.entries()) await seedProduct(tx, tenant.id, location.id, product, position);
  });
}

async function seedProduct(tx: Tx, tenantId: string, locationId: string, demo: DemoProduct, position: number): Promise<void> {
  const product = await tx.product.create({
    data: { tenantId, slug: demo.slug, title: demo.title, description: demo.description, status: "active" },
  });
  for (const [locale, text] of Object.entries(demo.translations ?? {})) {
    await tx.productTranslation.create({ data: { tenantId, productId: product.id, locale, ...text } });
  }
  const values = demo.option?.values ?? [null];
  if (demo.option) {
    const option = await tx.productOption.create({ data: { tenantId, productId: product.id, name: demo.option.name } });
    await tx.productOptionValue.createMany({
      data: demo.option.values.map((value, index) => ({ tenantId, optionId: option.id, value, position: index })),
    });
  }
  for (const [index, value] of values.entries()) {
    const variant = await tx.variant.create({
      data: {
        tenantId,
        productId: product.id,
        sku: `${demo.slug}-${value ?? "default"}`.toUpperCase().replace(/[^A-Z0-9]+/g, "-"),
        title: value ?? demo.title,
        options: demo.option && value ? { [demo.option.name]: value } : {},
        weightGrams: demo.weightGrams,
        position: index,
      },
    });
    await tx.variantPrice.createMany({
      data: Object.entries(demo.prices).map(([currency, amount]) => ({ tenantId, variantId: variant.id, currency, amount })),
    });
    await tx.inventoryLevel.create({ data: { tenantId, variantId: variant.id, locationId, onHand: demo.stock } });
  }
  await tx.productImage.create({
    data: { tenantId, productId: product.id, url: placeholderImage(demo.title, position), alt: demo.title, position: 0 },
  });
}

/** An inline SVG, so the demo needs no image host. */
function placeholderImage(title: string, seed: number): string {
  const hue = (seed * 67 + title.length * 13) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600"><rect width="600" height="600" fill="hsl(${hue},55%,82%)"/><text x="300" y="310" font-family="sans-serif" font-size="30" text-anchor="middle" fill="hsl(${hue},40%,25%)">${title.replace(/[<&>]/g, "")}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
