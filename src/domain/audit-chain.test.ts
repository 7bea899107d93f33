import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  entryHash,
  GENESIS_HASH,
  verifyChain,
  type ChainedFields,
  type StoredEntry,
} from './audit-chain.ts';

function chain(n: number): StoredEntry[] {
  const out: StoredEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields: ChainedFields = {
      seq: i,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      actorUserId: null,
      actorTokenId: null,
      actorLabel: `user${i}@test.example`,
      organisationId: null,
      action: 'user.update',
      targetType: 'user',
      targetId: String(i),
      outcome: 'success',
      ip: '127.0.0.1',
      details: { b: i, a: [1, { z: 1, y: 2 }] },
    };
    const hash = entryHash(prev, fields);
    out.push({ fields, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit hash chain', () => {
  it('canonical JSON ignores key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}',
    );
  });

  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(20))).toMatchObject({ ok: true, lastSeq: 20 });
    expect(verifyChain([])).toMatchObject({ ok: true, lastSeq: 0, lastHash: GENESIS_HASH });
  });

  it('names the changed row', () => {
    const c = chain(10);
    c[4] = { ...c[4]!, fields: { ...c[4]!.fields, outcome: 'failure' } };
    expect(verifyChain(c)).toEqual({ ok: false, problem: { seq: 5, problem: 'hash_mismatch' } });
  });

  it('names where a row was removed or inserted', () => {
    const removed = chain(10).filter((e) => e.fields.seq !== 6);
    expect(verifyChain(removed)).toEqual({
      ok: false,
      problem: { seq: 7, problem: 'sequence_gap', expected: 6 },
    });
    const c = chain(10);
    const forged = { ...c[3]!, hash: 'f'.repeat(64) };
    expect(
      verifyChain([...c.slice(0, 4), { ...forged, fields: { ...forged.fields, seq: 5 } }, ...c.slice(5)]).ok,
    ).toBe(false);
  });

  it('detects any single-field change anywhere (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 }), fc.string({ minLength: 1 }), (index, value) => {
        const c = chain(15);
        const e = c[index]!;
        if (e.fields.action === value) return;
        c[index] = { ...e, fields: { ...e.fields, action: value } };
        const res = verifyChain(c);
        expect(res.ok).toBe(false);
        if (!res.ok) expect(res.problem.seq).toBe(index + 1);
      }),
    );
  });
});
