import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema.ts';
import {
  clearPublishedMemo,
  MAX_ANSWERS,
  rememberAnswer,
  publishedCatalogue,
  type PublishedCatalogue,
  STALE_MS,
  TTL_MS,
} from './published-memo.ts';

function fakeDb(): Kysely<DB> {
  return {} as Kysely<DB>;
}

function loader(onDate = '2026-11-26') {
  let calls = 0;
  const pending: Array<(c: PublishedCatalogue) => void> = [];
  const load = () => {
    calls += 1;
    const loadedAt = calls * 1000;
    return new Promise<PublishedCatalogue>((resolve) =>
      pending.push(() =>
        resolve({
          onDate,
          loadedAt,
          programmes: [],
          funderNames: new Map(),
          organisationNames: new Map(),
          answers: new Map(),
        }),
      ),
    );
  };
  return {
    load,
    calls: () => calls,
    finish: () => pending.shift()?.({} as PublishedCatalogue),
  };
}

describe('the published catalogue memo', () => {
  it('loads once for a burst of requests, then serves the copy while it is fresh', async () => {
    const db = fakeDb();
    const l = loader();
    const a = publishedCatalogue(db, '2026-11-26', l.load, 0);
    const b = publishedCatalogue(db, '2026-11-26', l.load, 0);
    l.finish();
    const [ca, cb] = await Promise.all([a, b]);
    expect(ca).toBe(cb);
    expect(l.calls()).toBe(1);
    await publishedCatalogue(db, '2026-11-26', l.load, ca.loadedAt + TTL_MS - 1);
    expect(l.calls()).toBe(1);
  });

  it('serves an old copy while one reload runs, then the new one', async () => {
    const db = fakeDb();
    const l = loader();
    const first = publishedCatalogue(db, '2026-11-26', l.load, 0);
    l.finish();
    const c1 = await first;
    const later = c1.loadedAt + TTL_MS + 1;
    expect(await publishedCatalogue(db, '2026-11-26', l.load, later)).toBe(c1);
    expect(await publishedCatalogue(db, '2026-11-26', l.load, later)).toBe(c1);
    expect(l.calls()).toBe(2);
    l.finish();
    await new Promise((r) => setTimeout(r, 0));
    const c2 = await publishedCatalogue(db, '2026-11-26', l.load, later);
    expect(c2).not.toBe(c1);
    expect(c2.loadedAt).toBe(2000);
  });

  it('waits for the reload when the copy is too old or of another day', async () => {
    const db = fakeDb();
    const l = loader();
    const first = publishedCatalogue(db, '2026-11-26', l.load, 0);
    l.finish();
    const c1 = await first;
    const waiting = publishedCatalogue(db, '2026-11-26', l.load, c1.loadedAt + STALE_MS + 1);
    l.finish();
    expect(await waiting).not.toBe(c1);
  });

  it('an embedded database keeps its copy until this process changes the catalogue', async () => {
    const db = fakeDb();
    const l = loader();
    const first = publishedCatalogue(db, '2026-11-26', l.load, 0, Number.POSITIVE_INFINITY);
    l.finish();
    const c1 = await first;
    expect(
      await publishedCatalogue(
        db,
        '2026-11-26',
        l.load,
        c1.loadedAt + STALE_MS * 10,
        Number.POSITIVE_INFINITY,
      ),
    ).toBe(c1);
    expect(l.calls()).toBe(1);
  });

  it('keeps at most MAX_ANSWERS answers, dropping the oldest', () => {
    const cat = { answers: new Map<string, string>() } as PublishedCatalogue;
    for (let i = 0; i < MAX_ANSWERS + 2; i++) rememberAnswer(cat, `q${i}`, `{"n":${i}}`);
    expect(cat.answers.size).toBe(MAX_ANSWERS);
    expect(cat.answers.has('q0')).toBe(false);
    expect(cat.answers.get(`q${MAX_ANSWERS + 1}`)).toBe(`{"n":${MAX_ANSWERS + 1}}`);
  });

  it('a change clears it at once, and a load started before the change is not kept', async () => {
    const db = fakeDb();
    const l = loader();
    const before = publishedCatalogue(db, '2026-11-26', l.load, 0);
    clearPublishedMemo(db);
    l.finish();
    await before;
    const after = publishedCatalogue(db, '2026-11-26', l.load, 0);
    expect(l.calls()).toBe(2);
    l.finish();
    expect((await after).loadedAt).toBe(2000);
  });
});
