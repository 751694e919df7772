/** The demo stores: one per launch locale/currency, each with a seller. */
export interface DemoProduct {
  slug: string;
  title: string;
  description: string;
  translations?: Record<string, { title: string; description: string }>;
  /** Options and their values; one variant per combination. */
  options?: Array<{ name: string; values: string[] }>;
  /** Combinations seeded without stock, so storefronts show unavailable choices. */
  soldOut?: Array<Record<string, string>>;
  /** Slugs of the store's categories it belongs to. */
  categories?: string[];
  /** Minor units per currency, for every variant. */
  prices: Record<string, number>;
  stock: number;
  weightGrams: number;
}

/** A shipping rate (see core/shipping/rates.ts for what each kind charges). */
export interface DemoShippingRate {
  name: string;
  kind: "flat" | "by_weight" | "free_over";
  currency: string;
  amount: number;
  thresholdAmount?: number;
  countries?: string[];
}

export interface DemoTenant {
  slug: string;
  name: string;
  defaultLocale: string;
  locales: string[];
  defaultCurrency: string;
  currencies: string[];
  primaryColor: string;
  seller: { email: string; name: string };
  products: DemoProduct[];
  /** Parents before children; names in the default locale, `translations` in the others. */
  categories?: Array<{ slug: string; name: string; translations?: Record<string, string>; parent?: string }>;
  /** Products by slug, in their curated order. */
  collections?: Array<{ slug: string; name: string; translations?: Record<string, string>; featured?: boolean; products: string[] }>;
  shippingRates: DemoShippingRate[];
  /** `tenants.checkout`, validated by core's checkoutSettingsSchema. */
  checkout: Record<string, unknown>;
}

export const DEMO_PASSWORD = "primestore-demo";
export const DEMO_STAFF = { email: "staff@primestore.example", name: "Paula Plataforma" };

export const demoTenants: DemoTenant[] = [
  {
    slug: "aurora",
    name: "Aurora Moda",
    defaultLocale: "pt-BR",
    locales: ["pt-BR", "en", "es"],
    defaultCurrency: "BRL",
    currencies: ["BRL", "USD"],
    primaryColor: "#7c3aed",
    seller: { email: "ana@aurora.example", name: "Ana Souza" },
    shippingRates: [
      { name: "Econômico", kind: "free_over", currency: "BRL", amount: 1990, thresholdAmount: 29900, countries: ["BR"] },
      { name: "Expresso", kind: "by_weight", currency: "BRL", amount: 1490, countries: ["BR"] },
      { name: "International", kind: "flat", currency: "USD", amount: 2500 },
    ],
    checkout: { paymentMethods: ["pix", "boleto", "card"], installments: { max: 12, interestFree: 3, monthlyInterestBps: 199 }, pixExpiryMinutes: 30, boletoDueDays: 3 },
    products: [
      {
        slug: "camiseta-algodao-organico",
        title: "Camiseta de algodão orgânico",
        description: "<p>Macia, respirável e feita no Brasil com <strong>algodão orgânico</strong>.</p>",
        translations: {
          en: { title: "Organic cotton T-shirt", description: "<p>Soft, breathable and made in Brazil from <strong>organic cotton</strong>.</p>" },
          es: { title: "Camiseta de algodón orgánico", description: "<p>Suave, transpirable y hecha en Brasil con <strong>algodón orgánico</strong>.</p>" },
        },
        options: [{ name: "Tamanho", values: ["P", "M", "G"] }],
        categories: ["camisetas"],
        prices: { BRL: 8990, USD: 1890 },
        stock: 25,
        weightGrams: 180,
      },
      {
        slug: "vestido-linho-aurora",
        title: "Vestido de linho Aurora",
        description: "<p>Linho leve para os dias quentes.</p>",
        translations: { en: { title: "Aurora linen dress", description: "<p>Light linen for warm days.</p>" } },
        options: [{ name: "Tamanho", values: ["P", "M"] }],
        categories: ["vestidos"],
        prices: { BRL: 25990, USD: 5290 },
        stock: 8,
        weightGrams: 350,
      },
      {
        slug: "bolsa-de-palha",
        title: "Bolsa de palha artesanal",
        description: "<p>Trançada à mão no Ceará.</p>",
        prices: { BRL: 14900, USD: 2990 },
        stock: 1,
        weightGrams: 400,
        categories: ["acessorios"],
      },
      {
        slug: "jaqueta-jeans",
        title: "Jaqueta jeans",
        description: "<p>Denim resistente com lavagem clássica.</p>",
        translations: { en: { title: "Denim jacket", description: "<p>Sturdy denim with a classic wash.</p>" } },
        options: [
          { name: "Cor", values: ["Azul", "Preta"] },
          { name: "Tamanho", values: ["P", "M", "G"] },
        ],
        soldOut: [{ Cor: "Preta", Tamanho: "G" }],
        prices: { BRL: 31990, USD: 6490 },
        stock: 4,
        weightGrams: 700,
        categories: ["roupas"],
      },
    ],
    categories: [
      { slug: "roupas", name: "Roupas", translations: { en: "Clothing", es: "Ropa" } },
      { slug: "camisetas", name: "Camisetas", translations: { en: "T-shirts" }, parent: "roupas" },
      { slug: "vestidos", name: "Vestidos", translations: { en: "Dresses", es: "Vestidos" }, parent: "roupas" },
      { slug: "acessorios", name: "Acessórios", translations: { en: "Accessories", es: "Accesorios" } },
    ],
    collections: [
      {
        slug: "novidades",
        name: "Novidades",
        translations: { en: "New in", es: "Novedades" },
        featured: true,
        products: ["jaqueta-jeans", "camiseta-algodao-organico", "vestido-linho-aurora"],
      },
      { slug: "verao", name: "Verão", translations: { en: "Summer" }, featured: true, products: ["vestido-linho-aurora", "bolsa-de-palha"] },
    ],
  },
  {
    slug: "summit",
    name: "Summit Outdoor",
    defaultLocale: "en",
    locales: ["en", "es"],
    defaultCurrency: "USD",
    currencies: ["USD", "EUR"],
    primaryColor: "#0f766e",
    seller: { email: "sam@summit.example", name: "Sam Carter" },
    shippingRates: [
      { name: "Standard", kind: "flat", currency: "USD", amount: 900, countries: ["US"] },
      { name: "Expedited", kind: "by_weight", currency: "USD", amount: 1200, countries: ["US"] },
      { name: "International", kind: "flat", currency: "USD", amount: 2900 },
      { name: "International", kind: "flat", currency: "EUR", amount: 2700 },
    ],
    checkout: { paymentMethods: ["card"], installments: { max: 6, interestFree: 3, monthlyInterestBps: 149 } },
    products: [
      {
        slug: "trail-backpack-28l",
        title: "Trail backpack 28 L",
        description: "<p>Water-resistant pack with a ventilated back panel.</p>",
        translations: { es: { title: "Mochila de sendero 28 L", description: "<p>Mochila resistente al agua con espalda ventilada.</p>" } },
        options: [{ name: "Color", values: ["Forest", "Slate"] }],
        prices: { USD: 8900, EUR: 8200 },
        stock: 12,
        weightGrams: 900,
        categories: ["packs"],
      },
      {
        slug: "merino-beanie",
        title: "Merino beanie",
        description: "<p>Warm, itch-free merino wool.</p>",
        prices: { USD: 2900, EUR: 2700 },
        stock: 40,
        weightGrams: 80,
        categories: ["apparel"],
      },
    ],
    categories: [
      { slug: "packs", name: "Packs", translations: { es: "Mochilas" } },
      { slug: "apparel", name: "Apparel", translations: { es: "Ropa" } },
    ],
    collections: [{ slug: "trail-essentials", name: "Trail essentials", translations: { es: "Básicos de sendero" }, featured: true, products: ["trail-backpack-28l", "merino-beanie"] }],
  },
  {
    slug: "sol",
    name: "Sol Artesanía",
    defaultLocale: "es",
    locales: ["es", "en"],
    defaultCurrency: "EUR",
    currencies: ["EUR"],
    primaryColor: "#c2410c",
    seller: { email: "lucia@sol.example", name: "Lucía García" },
    shippingRates: [
      { name: "Gratis desde 60 €", kind: "free_over", currency: "EUR", amount: 695, thresholdAmount: 6000, countries: ["ES", "PT"] },
      { name: "Internacional", kind: "flat", currency: "EUR", amount: 1900 },
    ],
    checkout: { paymentMethods: ["card"] },
    products: [
      {
        slug: "cuenco-ceramica",
        title: "Cuenco de cerámica",
        description: "<p>Hecho a mano en Talavera.</p>",
        translations: { en: { title: "Ceramic bowl", description: "<p>Handmade in Talavera.</p>" } },
        options: [{ name: "Tamaño", values: ["Pequeño", "Grande"] }],
        prices: { EUR: 2450 },
        stock: 15,
        weightGrams: 600,
      },
      {
        slug: "manta-lana",
        title: "Manta de lana",
        description: "<p>Lana merina tejida en telar.</p>",
        prices: { EUR: 8900 },
        stock: 5,
        weightGrams: 1200,
        categories: ["hogar"],
      },
    ],
    categories: [{ slug: "hogar", name: "Hogar", translations: { en: "Home" } }],
    collections: [{ slug: "hecho-a-mano", name: "Hecho a mano", translations: { en: "Handmade" }, featured: true, products: ["cuenco-ceramica", "manta-lana"] }],
  },
];
