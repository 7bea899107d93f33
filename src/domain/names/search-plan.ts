import { keysSimilarity, MATCH_THRESHOLD, tokenSimilarity } from './match.ts';
import { consonants } from './normalize.ts';
import type { SearchKeys } from './search-keys.ts';

/**
 * How the database finds the persons worth scoring for a name query (docs/decisions/0006-name-search.md):
 *
 * 1. each query token is expanded to the tokens in use that are similar to it: the vocabulary look-up
 *    finds tokens with similar trigrams, a similar consonant skeleton, or one edit away
 *    ({@link lookupForms}); {@link similarTokens} keeps those with a token similarity of at
 *    least {@link TOKEN_EXPANSION_MIN};
 * 2. a person is a candidate when their tokens meet the expansions of at least
 *    two query tokens (all of a one-token query; exact array look-ups through a GIN index);
 * 3. candidates are scored with {@link keysSimilarity}, the same function as the in-memory evaluation,
 *    and kept from {@link MATCH_THRESHOLD} up.
 *
 * Step 2 only drops persons who cannot reach the threshold: when both sides have two or more tokens,
 * the score is (mean + min) / 2 of the best token similarities of the shorter side, so two of its tokens
 * need a counterpart of at least 0.47 (both at 0.47 and the rest 1 gives 0.6), and a single-token side
 * needs its token matched at 0.6 / 0.9 (the extra-token penalty). The expansion floor of 0.4 leaves a
 * margin below both.
 */

export const TOKEN_EXPANSION_MIN = 0.4;
/** At most this many query tokens are used (a longer query adds cost and no precision). */
export const MAX_QUERY_TOKENS = 6;

/** The consonant skeleton of a token, as stored in `name_tokens.skeleton`. */
export function tokenSkeleton(token: string): string {
  return consonants(token);
}

/**
 * The look-up forms of a token: itself and each form with one letter deleted, and the same for its
 * consonant skeleton when that has 3 letters or more (as the database stores them in
 * `name_token_variants`). Two tokens one edit apart (insertion, deletion, substitution or swap of
 * neighbours), or whose skeletons are, share a form even when they share few trigrams
 * (dmirti / dmitri, gana / hana, trn / tehrani).
 */
export function lookupForms(token: string): string[] {
  const skeleton = tokenSkeleton(token);
  const bases = skeleton.length >= 3 ? [token, skeleton] : [token];
  const out = new Set<string>();
  for (const base of bases) {
    out.add(base);
    for (let i = 0; i < base.length; i++) out.add(base.slice(0, i) + base.slice(i + 1));
  }
  return [...out];
}

/** At most this many vocabulary tokens stand for one query token: the most similar ones. */
export const MAX_EXPANSION = 8;

/** A vocabulary token and how similar it is to the query token. */
export interface Expansion {
  token: string;
  similarity: number;
}

/**
 * The vocabulary tokens close enough to `queryToken` to be worth looking up, most similar first (the
 * query token itself, similarity 1, always first), at most {@link MAX_EXPANSION}.
 */
export function similarTokens(queryToken: string, vocabulary: readonly string[]): Expansion[] {
  const out = new Map<string, number>([[queryToken, 1]]);
  for (const t of vocabulary) {
    if (out.has(t)) continue;
    const similarity = tokenSimilarity(queryToken, t);
    if (similarity >= TOKEN_EXPANSION_MIN) out.set(t, similarity);
  }
  return [...out]
    .map(([token, similarity]) => ({ token, similarity }))
    .sort((a, b) => b.similarity - a.similarity || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0))
    .slice(0, MAX_EXPANSION);
}

/**
 * Candidates are looked up in two rounds: first through the close spellings only (similarity from
 * this value up), then through the rest. When a common name has more candidates than can be scored,
 * the close spellings are the ones kept.
 */
export const CLOSE_SPELLING_MIN = 0.75;

/** The tokens of each expansion from `min` up. */
export function expansionTier(expansions: readonly Expansion[][], min: number): string[][] {
  return expansions.map((e) => e.filter((x) => x.similarity >= min).map((x) => x.token));
}

/** The distinct query tokens used for the look-up (the key's own tokens, at most MAX_QUERY_TOKENS). */
export function lookupTokens(query: SearchKeys): string[] {
  return [...new Set(query.full.split(' ').filter(Boolean))].slice(0, MAX_QUERY_TOKENS);
}

/**
 * The groups of expansion indexes of which a candidate must meet one group entirely: every pair i < j,
 * or the single token of a one-token query.
 */
export function expansionGroups(expansionCount: number): number[][] {
  if (expansionCount === 1) return [[0]];
  const groups: number[][] = [];
  for (let i = 0; i < expansionCount; i++) for (let j = i + 1; j < expansionCount; j++) groups.push([i, j]);
  return groups;
}

export interface StoredPersonKeys {
  /** The sorted key of each spelling, the primary first (persons.search_spellings). */
  spellings: readonly string[];
}

/** The score of a stored person for the query, in [0, 1]. */
export function storedPersonScore(query: SearchKeys, person: StoredPersonKeys): number {
  const spellings = [...person.spellings];
  return keysSimilarity(query, { full: spellings[0] ?? '', tokens: [], spellings });
}

/** True when the score is a match. */
export function isNameMatch(score: number): boolean {
  return score >= MATCH_THRESHOLD;
}
