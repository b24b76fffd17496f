import type { SanitizedCollectionConfig } from 'payload'

/** The item's title, by the collection's `useAsTitle`. */
export function titleOf(collection: Pick<SanitizedCollectionConfig, 'admin'>, doc: Record<string, unknown> | null | undefined): string | undefined {
  const field = collection.admin?.useAsTitle
  const value = field ? doc?.[field] : undefined
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

/**
 * 'essay “Festivals of the Mekong”', for messages: the singular label and the title, in
 * typographic quotes so that a title with straight quotes or a colon still reads as one.
 */
export function itemName(collection: Pick<SanitizedCollectionConfig, 'admin' | 'labels' | 'slug'>, doc: Record<string, unknown> | null | undefined): string {
  const label = typeof collection.labels?.singular === 'string' ? collection.labels.singular.toLowerCase() : collection.slug
  const title = titleOf(collection, doc)
  const id = doc?.id
  return title ? `${label} “${title}”` : typeof id === 'string' || typeof id === 'number' ? `${label} #${id}` : `new ${label}`
}
