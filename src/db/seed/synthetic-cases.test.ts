import { describe, expect, it } from 'vitest';
import { rng, syntheticHousehold } from './synthetic-cases.ts';

describe('synthetic households', () => {
  const today = new Date('2026-11-25T00:00:00Z');
  const households = Array.from(
    { length: 2000 },
    (
      (r) => () =>
        syntheticHousehold(r, today)
    )(rng(7)),
  );

  it('are deterministic for a seed', () => {
    const again = syntheticHousehold(rng(7), today);
    expect(again).toEqual(households[0]);
  });

  it('each have exactly one principal, adults as principal and spouse, minors as children', () => {
    for (const h of households) {
      expect(h.persons.filter((p) => p.relationship === 'principal')).toHaveLength(1);
      for (const p of h.persons) {
        const age = (today.getTime() - Date.parse(p.dateOfBirth!)) / (365.25 * 86_400_000);
        if (p.relationship === 'child') expect(age).toBeLessThan(18);
        else expect(age).toBeGreaterThanOrEqual(18);
      }
    }
  });

  it('spread over corridors, household sizes and stages like a caseload', () => {
    const countries = new Set(households.map((h) => h.returnCountry));
    expect(countries.size).toBeGreaterThanOrEqual(5);
    const singles = households.filter((h) => h.persons.length === 1).length / households.length;
    expect(singles).toBeGreaterThan(0.45);
    expect(singles).toBeLessThan(0.65);
    expect(new Set(households.map((h) => h.stage)).size).toBeGreaterThanOrEqual(8);
    const withScript = households.filter((h) => h.persons[0]!.originalScriptName).length;
    expect(withScript / households.length).toBeGreaterThan(0.5);
  });
});
