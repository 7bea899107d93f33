import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Programme } from '../../domain/programmes/definition.ts';

/**
 * The published catalogue, kept a few seconds per database: the public finder and the comparison
 * read it on every request, and it changes rarely. A change made through this process clears it at
 * once; a change made by another process shows within `TTL_MS`.
 */
export const TTL_MS = 5_000;

export interface PublishedCatalogue {
  onDate: string;
  loadedAt: number;
  programmes: Programme[];
  funderNames: Map<string, string>;
  organisationNames: Map<string, string>;
}

const memo = new WeakMap<Kysely<DB>, PublishedCatalogue>();

export function cachedCatalogue(
  db: Kysely<DB>,
  onDate: string,
  now = Date.now(),
): PublishedCatalogue | undefined {
  const hit = memo.get(db);
  return hit && hit.onDate === onDate && now - hit.loadedAt < TTL_MS ? hit : undefined;
}

export function storeCatalogue(db: Kysely<DB>, catalogue: PublishedCatalogue): void {
  memo.set(db, catalogue);
}

export function clearPublishedMemo(db: Kysely<DB>): void {
  memo.delete(db);
}
