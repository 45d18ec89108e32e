import taxonomyJson from './taxonomy.json';

/** How a call reached the control room, as the partnership's statistics count it. */
export const CALL_SOURCES = ['Controller', 'Police Airwaves', 'Police Control', 'Town Link', 'Alarm'] as const;
/** One of the partnership's call sources. */
export type CallSource = (typeof CALL_SOURCES)[number];

/** A category of the partnership's incident taxonomy with its subcategories. */
export interface TaxonomyCategory {
  name: string;
  subcategories: readonly string[];
}

/** The partnership's incident categories, from its statistics pack. */
export const TAXONOMY: readonly TaxonomyCategory[] = taxonomyJson.categories.map((c) => ({
  name: c.name,
  subcategories: c.subcategories,
}));

const byName = new Map(TAXONOMY.map((c) => [c.name, c]));

/** True when the category exists and the subcategory (if given) belongs to it. */
export function isKnownCategory(category: string, subcategory?: string | null): boolean {
  const found = byName.get(category);
  if (!found) return false;
  return subcategory == null || found.subcategories.includes(subcategory);
}
