/**
 * A per-database memo of name-vocabulary look-ups (query token → the tokens in use near it), so
 * that a name search does not ask the database again for a token it has just expanded. The
 * vocabulary only grows: this process clears the memo whenever it registers a person, and an entry
 * lives {@link VOCABULARY_MEMO_TTL_MS} at most, which bounds how long a token registered by another
 * server process can be missed (the query token itself is always looked up).
 */
export const VOCABULARY_MEMO_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

export class VocabularyMemo {
  private readonly entries = new Map<string, { near: string[]; at: number }>();

  constructor(
    private readonly ttlMs = VOCABULARY_MEMO_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): string[] | undefined {
    const e = this.entries.get(token);
    if (!e) return undefined;
    if (this.now() - e.at > this.ttlMs) {
      this.entries.delete(token);
      return undefined;
    }
    return e.near;
  }

  set(token: string, near: string[]): void {
    this.entries.delete(token);
    this.entries.set(token, { near, at: this.now() });
    // Oldest first in a Map's order: drop the oldest beyond the bound.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_ENTRIES) break;
      this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

const memos = new WeakMap<object, VocabularyMemo>();

/** The memo of one database (tests open many databases in one process). */
export function vocabularyMemoOf(db: object): VocabularyMemo {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new VocabularyMemo()));
  return memo;
}
