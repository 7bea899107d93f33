import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Programme } from '../../domain/programmes/definition.ts';

/**
 * The published catalogue, kept a few seconds per database: the public finder, the comparison and the
 * live eligibility answers read it on every request, and it changes rarely.
 * - A change made through this process clears it at once (the next request reloads it).
 * - A change made by another process shows within `TTL_MS`: an older copy is still served while one
 *   reload runs in the background, so a burst of requests never waits for, nor repeats, the load.
 */
export const TTL_MS = 5_000;
/** Past this age an old copy is not served any more: the request waits for the reload. */
export const STALE_MS = 60_000;

export interface PublishedCatalogue {
  onDate: string;
  loadedAt: number;
  programmes: Programme[];
  funderNames: Map<string, string>;
  organisationNames: Map<string, string>;
  /** The public finder's answers for this catalogue, as JSON, by query (see `rememberAnswer`). */
  answers: Map<string, string>;
}

/** At most this many finder answers are kept per catalogue (the oldest goes first). */
export const MAX_ANSWERS = 5_000;

export function rememberAnswer(catalogue: PublishedCatalogue, key: string, json: string): void {
  if (catalogue.answers.size >= MAX_ANSWERS) {
    const oldest = catalogue.answers.keys().next();
    if (!oldest.done) catalogue.answers.delete(oldest.value);
  }
  catalogue.answers.set(key, json);
}

interface Entry {
  value?: PublishedCatalogue;
  loading?: Promise<PublishedCatalogue>;
  /** Bumped by `clearPublishedMemo`: a load started before a change is not kept. */
  generation: number;
}

const memo = new WeakMap<Kysely<DB>, Entry>();

function entryOf(db: Kysely<DB>): Entry {
  let e = memo.get(db);
  if (!e) {
    e = { generation: 0 };
    memo.set(db, e);
  }
  return e;
}

function startLoad(e: Entry, load: () => Promise<PublishedCatalogue>): Promise<PublishedCatalogue> {
  const generation = e.generation;
  const loading = load().then(
    (value) => {
      if (e.generation === generation) e.value = value;
      if (e.loading === loading) delete e.loading;
      return value;
    },
    (err: unknown) => {
      if (e.loading === loading) delete e.loading;
      throw err;
    },
  );
  e.loading = loading;
  return loading;
}

/**
 * `ttlMs` is `TTL_MS` on PostgreSQL; on the embedded database only this process can write (it holds
 * the data directory's lock), so its own clearing is enough and the copy never expires.
 */
export function publishedCatalogue(
  db: Kysely<DB>,
  onDate: string,
  load: () => Promise<PublishedCatalogue>,
  now = Date.now(),
  ttlMs = TTL_MS,
): Promise<PublishedCatalogue> {
  const e = entryOf(db);
  const v = e.value;
  if (v && v.onDate === onDate) {
    const age = now - v.loadedAt;
    if (age < ttlMs) return Promise.resolve(v);
    if (age < STALE_MS) {
      if (!e.loading) void startLoad(e, load).catch(() => undefined);
      return Promise.resolve(v);
    }
  }
  return e.loading ?? startLoad(e, load);
}

export function clearPublishedMemo(db: Kysely<DB>): void {
  const e = entryOf(db);
  e.generation += 1;
  delete e.value;
  delete e.loading;
}
