import { nameKeyTokens } from './normalize.ts';

/**
 * The search keys stored with each person (and computed for each query). They are what the database
 * search indexes and compares; match.ts scores them the same way in memory.
 */

export interface PersonName {
  givenNames: string;
  familyName: string;
  /** Other known spellings of the whole name, in any script. */
  otherSpellings?: readonly string[];
  /** The whole name in its original script (Arabic, Cyrillic …). */
  originalScript?: string;
}

export interface SearchKeys {
  /**
   * The primary spelling's key tokens, distinct and sorted, joined by single spaces. Sorting makes
   * swapped given and family names meet: "Ali Hassan" and "Hassan Ali" both give "ali hasan".
   */
  full: string;
  /** The distinct key tokens of every spelling (for an array index and token look-ups). */
  tokens: string[];
  /**
   * One sorted key string per distinct spelling (the primary first, so `spellings[0] === full`),
   * then the original script, then the other spellings. A token without any of the vowels a e i u
   * holds consonants only (Arabic script outside the name list): compare it by consonants.
   */
  spellings: string[];
}

/** Distinct key tokens of `text`, sorted, joined by single spaces ('' for a text without letters). */
export function sortedKey(text: string): string {
  return [...new Set(nameKeyTokens(text).map((t) => t.key))].sort().join(' ');
}

function keysOf(texts: readonly string[]): SearchKeys {
  const spellings: string[] = [];
  for (const text of texts) {
    const key = sortedKey(text);
    if (key.length > 0 && !spellings.includes(key)) spellings.push(key);
  }
  const tokens = [...new Set(spellings.flatMap((s) => s.split(' ')))];
  return { full: spellings[0] ?? '', tokens, spellings };
}

/** The search keys of a person: given and family names, the original script, the other spellings. */
export function personSearchKeys(p: PersonName): SearchKeys {
  return keysOf([`${p.givenNames} ${p.familyName}`, p.originalScript ?? '', ...(p.otherSpellings ?? [])]);
}

/** The search keys of a search string, in any script. */
export function queryKeys(query: string): SearchKeys {
  return keysOf([query]);
}
