import { createHash } from 'node:crypto';

/**
 * The audit log's hash chain, as pure functions: each entry's hash covers its own fields and the
 * previous entry's hash, so a changed, removed or inserted row breaks the chain at a nameable place.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: string; // ISO 8601 with milliseconds, UTC
  actorUserId: string | null;
  actorTokenId: string | null;
  actorLabel: string | null;
  organisationId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  ip: string | null;
  details: unknown;
}

/** JSON with object keys sorted at every level, so jsonb's reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

export type ChainProblem =
  | { seq: number; problem: 'hash_mismatch' }
  | { seq: number; problem: 'broken_link' }
  | { seq: number; problem: 'sequence_gap'; expected: number }
  | { seq: number; problem: 'head_mismatch' };

export interface StoredEntry {
  fields: ChainedFields;
  prevHash: string;
  hash: string;
}

/**
 * Walks entries in sequence order. `startPrev` and `startSeq` let a caller verify in pages.
 * Returns the first problem found, or the last hash and seq when the chain holds.
 */
export function verifyChain(
  entries: Iterable<StoredEntry>,
  startPrev: string = GENESIS_HASH,
  startSeq = 0,
): { ok: true; lastHash: string; lastSeq: number } | { ok: false; problem: ChainProblem } {
  let prev = startPrev;
  let expectedSeq = startSeq + 1;
  for (const e of entries) {
    const seq = e.fields.seq;
    if (seq !== expectedSeq)
      return { ok: false, problem: { seq, problem: 'sequence_gap', expected: expectedSeq } };
    if (e.prevHash !== prev) return { ok: false, problem: { seq, problem: 'broken_link' } };
    if (entryHash(e.prevHash, e.fields) !== e.hash)
      return { ok: false, problem: { seq, problem: 'hash_mismatch' } };
    prev = e.hash;
    expectedSeq = seq + 1;
  }
  return { ok: true, lastHash: prev, lastSeq: expectedSeq - 1 };
}
