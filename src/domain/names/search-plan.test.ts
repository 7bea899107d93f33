import { describe, expect, it } from 'vitest';
import { tokenSimilarity } from './match.ts';
import { queryKeys } from './search-keys.ts';
import {
  CLOSE_SPELLING_MIN,
  expansionGroups,
  expansionTier,
  MAX_EXPANSION,
  lookupForms,
  lookupTokens,
  MAX_QUERY_TOKENS,
  similarTokens,
  TOKEN_EXPANSION_MIN,
  tokenSkeleton,
} from './search-plan.ts';

describe('lookupForms', () => {
  it('holds the token, its one-letter deletions, its skeleton and the skeleton deletions', () => {
    expect(tokenSkeleton('dmitri')).toBe('dmtr');
    expect(new Set(lookupForms('dmitri'))).toEqual(
      new Set([
        'dmitri',
        'mitri',
        'ditri',
        'dmtri',
        'dmiri',
        'dmiti',
        'dmitr',
        'dmtr',
        'mtr',
        'dtr',
        'dmr',
        'dmt',
      ]),
    );
  });

  it('leaves out the skeleton when it is shorter than 3 letters', () => {
    expect(new Set(lookupForms('ali'))).toEqual(new Set(['ali', 'li', 'ai', 'al']));
  });

  it('gives two tokens one edit apart a shared form', () => {
    const shares = (a: string, b: string) => lookupForms(a).some((f) => lookupForms(b).includes(f));
    expect(shares('dmirti', 'dmitri')).toBe(true); // swap of neighbours
    expect(shares('gana', 'hana')).toBe(true); // substitution
    expect(shares('hasan', 'hassan')).toBe(true); // insertion
    expect(shares('trn', 'tehrani')).toBe(true); // same skeleton
    expect(shares('olga', 'hassan')).toBe(false);
  });
});

describe('similarTokens', () => {
  it('keeps the query token first, then the vocabulary tokens from the expansion floor up, most similar first', () => {
    const vocabulary = ['muhammad', 'mohammed', 'mahmud', 'olga', 'petrov'];
    const got = similarTokens('muhamad', vocabulary);
    expect(got[0]).toEqual({ token: 'muhamad', similarity: 1 });
    expect(got.map((e) => e.token)).toContain('muhammad');
    expect(got.map((e) => e.token)).not.toContain('olga');
    for (const e of got) {
      expect(e.similarity).toBeGreaterThanOrEqual(TOKEN_EXPANSION_MIN);
      if (e.token !== 'muhamad') expect(e.similarity).toBe(tokenSimilarity('muhamad', e.token));
    }
    for (let i = 1; i < got.length; i++)
      expect(got[i - 1]!.similarity).toBeGreaterThanOrEqual(got[i]!.similarity);
  });

  it('keeps at most MAX_EXPANSION tokens, the most similar', () => {
    const vocabulary = [...'bcdfgklmprstvz'].flatMap((c) => [`hasa${c}`, `${c}asan`]);
    const got = similarTokens('hasan', vocabulary);
    expect(got).toHaveLength(MAX_EXPANSION);
    const kept = new Set(got.map((e) => e.token));
    const dropped = vocabulary.filter((t) => !kept.has(t)).map((t) => tokenSimilarity('hasan', t));
    expect(Math.min(...got.map((e) => e.similarity))).toBeGreaterThanOrEqual(Math.max(...dropped));
  });

  it('splits into close spellings and the rest', () => {
    const expansions = [similarTokens('muhamad', ['muhammad', 'mahmud'])];
    const close = expansionTier(expansions, CLOSE_SPELLING_MIN)[0]!;
    const all = expansionTier(expansions, TOKEN_EXPANSION_MIN)[0]!;
    expect(close).toContain('muhamad');
    expect(all.length).toBeGreaterThanOrEqual(close.length);
    for (const t of close) expect(all).toContain(t);
  });
});

describe('lookupTokens and expansionGroups', () => {
  it('uses the distinct query tokens, at most MAX_QUERY_TOKENS', () => {
    expect(lookupTokens(queryKeys('Ali Ali Hassan'))).toHaveLength(2);
    expect(lookupTokens(queryKeys('a b c d e f g h i'))).toHaveLength(MAX_QUERY_TOKENS);
  });

  it('asks for every pair of query tokens, or the single token', () => {
    expect(expansionGroups(1)).toEqual([[0]]);
    expect(expansionGroups(2)).toEqual([[0, 1]]);
    expect(expansionGroups(3)).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(expansionGroups(6)).toHaveLength(15);
  });
});
