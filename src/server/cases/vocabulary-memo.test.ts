import { describe, expect, it } from 'vitest';
import { VocabularyMemo, vocabularyMemoOf } from './vocabulary-memo.ts';

describe('VocabularyMemo', () => {
  it('answers a stored token until its time is up or the memo is cleared', () => {
    let now = 1_000;
    const memo = new VocabularyMemo(30_000, () => now);
    expect(memo.get('hasan')).toBeUndefined();
    memo.set('hasan', ['hasan', 'hassan']);
    now += 29_000;
    expect(memo.get('hasan')).toEqual(['hasan', 'hassan']);
    now += 2_000;
    expect(memo.get('hasan')).toBeUndefined();
    memo.set('ali', ['ali']);
    memo.clear();
    expect(memo.get('ali')).toBeUndefined();
  });

  it('keeps one memo per database', () => {
    const a = {};
    const b = {};
    vocabularyMemoOf(a).set('x', ['x']);
    expect(vocabularyMemoOf(a).get('x')).toEqual(['x']);
    expect(vocabularyMemoOf(b).get('x')).toBeUndefined();
  });
});
