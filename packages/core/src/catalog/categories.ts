import type { Tx } from "@primestore/db";
import { AppError } from "../errors/index.ts";
import { localizedName } from "./localized-name.ts";
import type { CategoryLink, CategoryPage } from "./schemas.ts";

interface CategoryRow {
  id: string;
  parentId: string | null;
  slug: string;
  name: string;
  translations: unknown;
}

/** A store's categories are a few hundred rows at most: one read answers any question about the tree. */
function readCategories(tx: Tx): Promise<CategoryRow[]> {
  return tx.category.findMany({
    select: { id: true, parentId: true, slug: true, name: true, translations: true },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
  });
}

function findCategory(categories: CategoryRow[], slug: string): CategoryRow {
  const category = categories.find((row) => row.slug === slug);
  if (!category) throw new AppError("NOT_FOUND", `Category ${slug} not found`);
  return category;
}

const link = (row: CategoryRow, locale: string): CategoryLink => ({ slug: row.slug, name: localizedName(row, locale) });

/** A category, the way down to it from the top, and its children, named in `locale`. */
export async function getCategoryPage(tx: Tx, slug: string, locale: string): Promise<CategoryPage> {
  const categories = await readCategories(tx);
  const category = findCategory(categories, slug);
  const byId = new Map(categories.map((row) => [row.id, row]));
  const breadcrumb: CategoryLink[] = [];
  // The schema can't forbid a cycle; the visited set keeps a bad edit from hanging a page.
  const visited = new Set([category.id]);
  for (let parent = category.parentId ? byId.get(category.parentId) : undefined; parent && !visited.has(parent.id); ) {
    visited.add(parent.id);
    breadcrumb.unshift(link(parent, locale));
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return {
    category: link(category, locale),
    breadcrumb,
    children: categories.filter((row) => row.parentId === category.id).map((row) => link(row, locale)),
  };
}

export async function topCategories(tx: Tx, locale: string): Promise<CategoryLink[]> {
  return (await readCategories(tx)).filter((row) => row.parentId === null).map((row) => link(row, locale));
}

/** The category of `slug` and every category below it: a category page lists its descendants' products too. */
export async function categorySubtree(tx: Tx, slug: string): Promise<string[]> {
  const categories = await readCategories(tx);
  const ids = [findCategory(categories, slug).id];
  const subtree = new Set(ids);
  for (let index = 0; index < ids.length; index++) {
    for (const row of categories) {
      if (row.parentId === ids[index] && !subtree.has(row.id)) {
        subtree.add(row.id);
        ids.push(row.id);
      }
    }
  }
  return ids;
}
