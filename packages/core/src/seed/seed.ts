import { createDbClient, withTenant, type Db, type Tx } from "@primestore/db";
import { hashPassword } from "../auth/password.ts";
import { checkoutSettingsSchema } from "../orders/checkout-settings.ts";
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
      checkout: checkoutSettingsSchema.parse(demo.checkout),
    },
  });
  const seller = await db.user.create({ data: { email: demo.seller.email, name: demo.seller.name, passwordHash, locale: demo.defaultLocale } });
  await withTenant(db, tenant.id, async (tx) => {
    await tx.tenantDomain.create({ data: { tenantId: tenant.id, host: `${demo.slug}.${domain}`, isPrimary: true } });
    await tx.membership.create({ data: { tenantId: tenant.id, userId: seller.id, role: "owner" } });
    const location = await tx.stockLocation.create({ data: { tenantId: tenant.id, name: "Main", kind: "own" } });
    await tx.shippingRate.createMany({ data: demo.shippingRates.map((rate) => ({ tenantId: tenant.id, ...rate })) });
    const categoryIds = await seedCategories(tx, tenant.id, demo.categories ?? []);
    const productIds = new Map<string, string>();
    for (const [position, product] of demo.products.entries()) {
      const productId = await seedProduct(tx, tenant.id, location.id, product, position);
      productIds.set(product.slug, productId);
      await tx.productCategory.createMany({
        data: (product.categories ?? []).map((slug) => ({ tenantId: tenant.id, productId, categoryId: required(categoryIds, slug) })),
      });
    }
    for (const [position, collection] of (demo.collections ?? []).entries()) {
      const { id } = await tx.collection.create({
        data: {
          tenantId: tenant.id,
          slug: collection.slug,
          name: collection.name,
          translations: collection.translations ?? {},
          featured: collection.featured ?? false,
          position,
        },
      });
      await tx.collectionProduct.createMany({
        data: collection.products.map((slug, index) => ({ tenantId: tenant.id, collectionId: id, productId: required(productIds, slug), position: index })),
      });
    }
  });
}

function required(ids: Map<string, string>, slug: string): string {
  const id = ids.get(slug);
  if (!id) throw new Error(`demo data names an unknown slug: ${slug}`);
  return id;
}

async function seedCategories(tx: Tx, tenantId: string, categories: NonNullable<DemoTenant["categories"]>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [position, category] of categories.entries()) {
    const created = await tx.category.create({
      data: {
        tenantId,
        slug: category.slug,
        name: category.name,
        translations: category.translations ?? {},
        parentId: category.parent ? required(ids, category.parent) : null,
        position,
      },
    });
    ids.set(category.slug, created.id);
  }
  return ids;
}

async function seedProduct(tx: Tx, tenantId: string, locationId: string, demo: DemoProduct, position: number): Promise<string> {
  const product = await tx.product.create({
    data: { tenantId, slug: demo.slug, title: demo.title, description: demo.description, status: "active" },
  });
  for (const [locale, text] of Object.entries(demo.translations ?? {})) {
    await tx.productTranslation.create({ data: { tenantId, productId: product.id, locale, ...text } });
  }
  const options = demo.options ?? [];
  for (const [optionPosition, { name, values }] of options.entries()) {
    const option = await tx.productOption.create({ data: { tenantId, productId: product.id, name, position: optionPosition } });
    await tx.productOptionValue.createMany({
      data: values.map((value, index) => ({ tenantId, optionId: option.id, value, position: index })),
    });
  }
  for (const [index, combination] of combinations(options).entries()) {
    const values = Object.values(combination);
    const soldOut = demo.soldOut?.some((sold) => Object.entries(sold).every(([name, value]) => combination[name] === value));
    const variant = await tx.variant.create({
      data: {
        tenantId,
        productId: product.id,
        sku: `${demo.slug}-${values.length ? values.join("-") : "default"}`.toUpperCase().replace(/[^A-Z0-9]+/g, "-"),
        title: values.length ? values.join(" / ") : demo.title,
        options: combination,
        weightGrams: demo.weightGrams,
        position: index,
      },
    });
    await tx.variantPrice.createMany({
      data: Object.entries(demo.prices).map(([currency, amount]) => ({ tenantId, variantId: variant.id, currency, amount })),
    });
    await tx.inventoryLevel.create({ data: { tenantId, variantId: variant.id, locationId, onHand: soldOut ? 0 : demo.stock } });
  }
  // Two views each, so product pages have a gallery.
  await tx.productImage.createMany({
    data: [0, 1].map((view) => ({ tenantId, productId: product.id, url: placeholderImage(demo.title, position + view * 3), alt: demo.title, position: view })),
  });
  return product.id;
}

/** Every combination of the options' values, first option slowest; one empty combination without options. */
function combinations(options: NonNullable<DemoProduct["options"]>): Array<Record<string, string>> {
  return options.reduce<Array<Record<string, string>>>(
    (partial, { name, values }) => partial.flatMap((combination) => values.map((value) => ({ ...combination, [name]: value }))),
    [{}],
  );
}

/** An inline SVG, so the demo needs no image host. */
function placeholderImage(title: string, seed: number): string {
  const hue = (seed * 67 + title.length * 13) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600"><rect width="600" height="600" fill="hsl(${hue},55%,82%)"/><text x="300" y="310" font-family="sans-serif" font-size="30" text-anchor="middle" fill="hsl(${hue},40%,25%)">${title.replace(/[<&>]/g, "")}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
