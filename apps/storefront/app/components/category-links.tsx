import { Link } from "@remix-run/react";
import { useLocalePath } from "../lib/locale-path.ts";

/** Links to categories as a labelled navigation list (a store's departments, a category's subcategories); nothing when there are none. */
export function CategoryLinks({ label, categories }: { label: string; categories: readonly { slug: string; name: string }[] }) {
  const localePath = useLocalePath();
  if (!categories.length) return null;
  return (
    <nav aria-label={label} className="category-links">
      <ul>
        {categories.map((category) => (
          <li key={category.slug}>
            <Link to={localePath(`/categories/${category.slug}`)}>{category.name}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
