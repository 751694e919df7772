/** The demo stores: one per launch locale/currency, each with a seller. */
export interface DemoProduct {
  slug: string;
  title: string;
  description: string;
  translations?: Record<string, { title: string; description: string }>;
  /** Option name and its values; one variant per value. */
  option?: { name: string; values: string[] };
  /** Minor units per currency, for every variant. */
  prices: Record<string, number>;
  stock: number;
  weightGrams: number;
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
    products: [
      {
        slug: "camiseta-algodao-organico",
        title: "Camiseta de algodão orgânico",
        description: "<p>Macia, respirável e feita no Brasil com <strong>algodão orgânico</strong>.</p>",
        translations: {
          en: { title: "Organic cotton T-shirt", description: "<p>Soft, breathable and made in Brazil from <strong>organic cotton</strong>.</p>" },
          es: { title: "Camiseta de algodón orgánico", description: "<p>Suave, transpirable y hecha en Brasil con <strong>algodón orgánico</strong>.</p>" },
        },
        option: { name: "Tamanho", values: ["P", "M", "G"] },
        prices: { BRL: 8990, USD: 1890 },
        stock: 25,
        weightGrams: 180,
      },
      {
        slug: "vestido-linho-aurora",
        title: "Vestido de linho Aurora",
        description: "<p>Linho leve para os dias quentes.</p>",
        translations: { en: { title: "Aurora linen dress", description: "<p>Light linen for warm days.</p>" } },
        option: { name: "Tamanho", values: ["P", "M"] },
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
      },
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
    products: [
      {
        slug: "trail-backpack-28l",
        title: "Trail backpack 28 L",
        description: "<p>Water-resistant pack with a ventilated back panel.</p>",
        translations: { es: { title: "Mochila de sendero 28 L", description: "<p>Mochila resistente al agua con espalda ventilada.</p>" } },
        option: { name: "Color", values: ["Forest", "Slate"] },
        prices: { USD: 8900, EUR: 8200 },
        stock: 12,
        weightGrams: 900,
      },
      {
        slug: "merino-beanie",
        title: "Merino beanie",
        description: "<p>Warm, itch-free merino wool.</p>",
        prices: { USD: 2900, EUR: 2700 },
        stock: 40,
        weightGrams: 80,
      },
    ],
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
    products: [
      {
        slug: "cuenco-ceramica",
        title: "Cuenco de cerámica",
        description: "<p>Hecho a mano en Talavera.</p>",
        translations: { en: { title: "Ceramic bowl", description: "<p>Handmade in Talavera.</p>" } },
        option: { name: "Tamaño", values: ["Pequeño", "Grande"] },
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
      },
    ],
  },
];
