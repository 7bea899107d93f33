import { describe, expect, test } from 'vitest';
import { COUNTRY_CODES, LANGUAGE_CODES } from './codes.ts';

describe('code lists', () => {
  test('countries: unique alpha-2 codes, each with its own name', () => {
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const named = COUNTRY_CODES.map((c) => names.of(c));
    expect(named.filter((n) => n === undefined)).toEqual([]);
    expect(new Set(named).size).toBe(COUNTRY_CODES.length);
  });

  test('languages: codes the server accepts, each with its own name', () => {
    expect(new Set(LANGUAGE_CODES).size).toBe(LANGUAGE_CODES.length);
    for (const code of LANGUAGE_CODES) expect(code).toMatch(/^[a-z]{2,3}$/);
    const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    const named = LANGUAGE_CODES.map((c) => names.of(c));
    expect(named.filter((n) => n === undefined)).toEqual([]);
    expect(new Set(named).size).toBe(LANGUAGE_CODES.length);
  });
});
