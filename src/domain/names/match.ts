import { consonants, ETHIOPIC_PREFIXES, foldWord, KNOWN_NAME_KEYS } from './normalize.ts';
import { personSearchKeys, queryKeys, type PersonName, type SearchKeys } from './search-keys.ts';
import { osaDistance, setSimilarity, trigrams } from './trigram.ts';

/**
 * Scoring a search string against a person's name keys, in [0, 1]. Pure, and built only from what
 * PostgreSQL has (pg_trgm `similarity`, fuzzystrmatch `levenshtein`, string and array functions), so
 * the database search can compute the same number:
 *
 * 1. Token similarity ({@link tokenSimilarity}) of two key tokens a, b:
 *    - 1 when equal;
 *    - when either has no vowel (consonants only, see normalize.ts): 0.9 × edit similarity of their
 *      consonants (`regexp_replace(t, '[aeiu]', '', 'g')`);
 *    - 0 when both are known distinct names, or a known name with a family-name ending
 *      (Hasan / Husain, Ahmad / Hamid, Karimi / Rahimi, Petrov / Petrova), or one is the other
 *      plus a feminine -a (Ali / Alia): these are different names, not misspellings;
 *    - two compounds with the same affix (abdul…, abu…, bin…, gebre…, …udin, …ula, …zadeh) compare
 *      by their other parts: Abdulkarim / Abdulrahim are Karim / Rahim, so different names;
 *    - otherwise the edit similarity ({@link editSimilarity}): max(similarity(a, b), 1 − d / max
 *      length) with d the optimal-string-alignment distance (a swap of two adjacent letters is one
 *      edit), counted only up to 1 edit (words up to 6 letters) or 2 edits (longer words).
 *      Trigrams alone punish short names too hard (one typo in a five-letter name leaves about a
 *      third of the trigrams); edit distance alone is too kind to unrelated words of equal length.
 * 2. Spelling score of the query tokens Q against one spelling S of the person (tokens of the sorted
 *    key): take the side with fewer tokens (both directions when equal, and the lower result); for
 *    each of its tokens the best token similarity on the other side; score = (mean + min) / 2 of those
 *    best values, times (1 − 0.1 × the difference in token count). The min makes one clearly wrong
 *    name sink the match (Ahmad Hasan ≠ Ahmad Husain); the mean keeps a typo from doing so; the
 *    shorter side lets a missing middle name cost only 0.1; sorting already made the order irrelevant.
 * 3. Person score = the best spelling score over the person's spellings.
 *
 * {@link MATCH_THRESHOLD} is chosen on the evaluation set (name-pairs.json); see name-matching.test.ts.
 */

export const MATCH_THRESHOLD = 0.6;
export const DEFAULT_TOP_K = 10;
const EXTRA_TOKEN_PENALTY = 0.1;
const CONSONANTS_ONLY_FACTOR = 0.9;
/** Family-name endings on a given name (Karimi, Ahmadzai, Hosseinzadeh, Petrov, Petrova …), as keys. */
const FAMILY_ENDINGS = ['i', 'a', 'zai', 'zadeh', 'uv', 'uva', 'ev', 'eva', 'in', 'ina', 'yan', 'ian'];

function isNameLike(token: string): boolean {
  if (KNOWN_NAME_KEYS.has(token)) return true;
  return FAMILY_ENDINGS.some(
    (ending) =>
      token.length > ending.length + 2 &&
      token.endsWith(ending) &&
      KNOWN_NAME_KEYS.has(token.slice(0, -ending.length)),
  );
}

/** Different names rather than misspellings of one name (see the module comment). */
export function differentNames(a: string, b: string): boolean {
  if (a === b) return false;
  if (a === `${b}a` || b === `${a}a`) return true;
  return isNameLike(a) && isNameLike(b);
}

/**
 * Typing-error similarity: max(pg_trgm similarity, 1 − d / max length) where d is the optimal string
 * alignment distance, counted only up to one edit for words of up to six letters and two edits for
 * longer ones. Beyond that two words are different names, however many letters they share
 * (Presious / Blessing are seven letters with four edits: 1 − 4/7 would still be 0.43).
 */
export function editSimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const longest = Math.max(a.length, b.length);
  const allowed = longest >= 7 ? 2 : 1;
  const distance = Math.abs(a.length - b.length) > allowed ? Infinity : osaDistance(a, b);
  const edit = distance <= allowed ? 1 - distance / longest : 0;
  return Math.max(setSimilarity(trigramsOf(a), trigramsOf(b)), edit);
}

/** Trigram sets of key tokens, cached: a search compares the same few thousand tokens again and again. */
const trigramCache = new Map<string, ReadonlySet<string>>();
function trigramsOf(token: string): ReadonlySet<string> {
  let set = trigramCache.get(token);
  if (set === undefined) {
    if (trigramCache.size > 50_000) trigramCache.clear();
    set = trigrams(token);
    trigramCache.set(token, set);
  }
  return set;
}

/** Affixes of the compounds that normalize.ts joins into one key (Abdulkarim, Nurudin, Habibula …). */
const COMPOUND_PREFIXES = ['abdul', 'abu', 'bin', ...[...ETHIOPIC_PREFIXES].map(foldWord)];
const COMPOUND_SUFFIXES = ['udin', 'ula', 'zadeh'];

/** For two compounds with the same affix, the two other parts (Abdulkarim / Abdulrahim → karim, rahim). */
function compoundRests(a: string, b: string): [string, string] | undefined {
  for (const prefix of COMPOUND_PREFIXES) {
    if (
      a.startsWith(prefix) &&
      b.startsWith(prefix) &&
      a.length > prefix.length &&
      b.length > prefix.length
    ) {
      return [a.slice(prefix.length), b.slice(prefix.length)];
    }
  }
  for (const suffix of COMPOUND_SUFFIXES) {
    if (a.endsWith(suffix) && b.endsWith(suffix) && a.length > suffix.length && b.length > suffix.length) {
      return [a.slice(0, -suffix.length), b.slice(0, -suffix.length)];
    }
  }
  return undefined;
}

const hasVowel = (token: string): boolean => /[aeiu]/.test(token);

/** Similarity of two key tokens, in [0, 1]. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const cacheKey = a < b ? `${a} ${b}` : `${b} ${a}`;
  let value = similarityCache.get(cacheKey);
  if (value === undefined) {
    if (similarityCache.size > 200_000) similarityCache.clear();
    value = computeTokenSimilarity(a, b);
    similarityCache.set(cacheKey, value);
  }
  return value;
}

const similarityCache = new Map<string, number>();

function computeTokenSimilarity(a: string, b: string): number {
  if (!hasVowel(a) || !hasVowel(b))
    return CONSONANTS_ONLY_FACTOR * editSimilarity(consonants(a), consonants(b));
  const rests = compoundRests(a, b);
  if (rests !== undefined) return tokenSimilarity(rests[0], rests[1]);
  if (differentNames(a, b)) return 0;
  return editSimilarity(a, b);
}

function directional(from: readonly string[], to: readonly string[]): number {
  const best = from.map((x) => Math.max(...to.map((y) => tokenSimilarity(x, y))));
  const mean = best.reduce((sum, v) => sum + v, 0) / best.length;
  return (mean + Math.min(...best)) / 2;
}

/** Score of query key tokens against one spelling's key tokens. */
export function spellingScore(query: readonly string[], spelling: readonly string[]): number {
  if (query.length === 0 || spelling.length === 0) return 0;
  let core: number;
  if (query.length < spelling.length) core = directional(query, spelling);
  else if (query.length > spelling.length) core = directional(spelling, query);
  else core = Math.min(directional(query, spelling), directional(spelling, query));
  const penalty = EXTRA_TOKEN_PENALTY * Math.abs(query.length - spelling.length);
  return Math.max(0, core * (1 - penalty));
}

/** Score of query keys against person keys: the best over the person's spellings. */
export function keysSimilarity(query: SearchKeys, person: SearchKeys): number {
  const q = query.full.split(' ').filter(Boolean);
  let best = 0;
  for (const spelling of person.spellings) best = Math.max(best, spellingScore(q, spelling.split(' ')));
  return best;
}

/** How well `query` (any script) matches the person's name, in [0, 1]. */
export function nameSimilarity(query: string, person: PersonName): number {
  return keysSimilarity(queryKeys(query), personSearchKeys(person));
}

export interface Candidate extends PersonName {
  id: string;
  /** Precomputed keys (as stored); computed from the names when absent. */
  keys?: SearchKeys;
}

export interface RankedCandidate {
  id: string;
  score: number;
}

/**
 * The top `k` persons for `query` with a score of at least `threshold`, best first (ties by id).
 */
export function rankCandidates(
  query: string,
  persons: readonly Candidate[],
  k: number = DEFAULT_TOP_K,
  threshold: number = MATCH_THRESHOLD,
): RankedCandidate[] {
  const q = queryKeys(query);
  return persons
    .map((p) => ({ id: p.id, score: keysSimilarity(q, p.keys ?? personSearchKeys(p)) }))
    .filter((r) => r.score >= threshold)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, k);
}
