import { describe, expect, it } from 'vitest';
import { tokenSimilarity } from './match.ts';
import { queryKeys } from './search-keys.ts';
import {
  expansionGroups,
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
  it('keeps the query token and the vocabulary tokens from the expansion floor up', () => {
    const vocabulary = ['muhammad', 'mohammed', 'mahmud', 'olga', 'petrov'];
    const got = similarTokens('muhamad', vocabulary);
    expect(got).toContain('muhamad');
    expect(got).toContain('muhammad');
    expect(got).not.toContain('olga');
    for (const t of got)
      if (t !== 'muhamad') expect(tokenSimilarity('muhamad', t)).toBeGreaterThanOrEqual(TOKEN_EXPANSION_MIN);
    expect(got).toEqual([...got].sort());
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
