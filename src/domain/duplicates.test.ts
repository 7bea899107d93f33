import { describe, expect, it } from 'vitest';
import { duplicateScore, isPossibleDuplicate, type PersonFacts } from './duplicates.ts';
import { personSearchKeys } from './names/search-keys.ts';

const person = (
  givenNames: string,
  familyName: string,
  dateOfBirth: string | null = null,
  sex = 'male',
  originalScript?: string,
): PersonFacts => ({
  keys: personSearchKeys({ givenNames, familyName, ...(originalScript ? { originalScript } : {}) }),
  dateOfBirth,
  dateOfBirthApproximate: false,
  sex,
});

describe('possible duplicate persons', () => {
  it('flags the same person across spellings with the same date of birth, with reasons', () => {
    const v = duplicateScore(
      person('Muhammad', 'Al Hassan', '1988-03-01'),
      person('Mohammed', 'Al-Hassan', '1988-03-01', 'male', 'محمد الحسن'),
    );
    expect(isPossibleDuplicate(v)).toBe(true);
    expect(v.reasons).toEqual(expect.arrayContaining(['same_date_of_birth']));
    expect(v.reasons.some((r) => r === 'same_name' || r === 'similar_name')).toBe(true);
  });

  it('flags swapped given and family names', () => {
    expect(
      isPossibleDuplicate(duplicateScore(person('Hassan', 'Mohammed'), person('Mohammed', 'Hassan'))),
    ).toBe(true);
  });

  it('does not flag a namesake born fifteen years apart, nor different names', () => {
    const namesake = duplicateScore(
      person('Ali', 'Ahmadi', '1990-01-01'),
      person('Ali', 'Ahmadi', '1975-06-01'),
    );
    expect(namesake.reasons).toContain('different_date_of_birth');
    expect(isPossibleDuplicate(namesake)).toBe(false);
    expect(isPossibleDuplicate(duplicateScore(person('Olga', 'Petrova'), person('Olena', 'Petrenko')))).toBe(
      false,
    );
  });

  it('lowers the score for a different sex and never leaves [0, 1]', () => {
    const v = duplicateScore(
      person('Nour', 'Haddad', null, 'female'),
      person('Nour', 'Haddad', null, 'male'),
    );
    expect(v.reasons).toContain('different_sex');
    expect(v.score).toBeGreaterThanOrEqual(0);
    expect(v.score).toBeLessThanOrEqual(1);
  });
});
