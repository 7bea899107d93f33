import { describe, expect, test } from 'vitest';
import { ORGANISATION_TYPES, PERMISSIONS, ROLES } from '../../domain/permissions.ts';
import ar from './ar.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const english = flatten(en);
const translations = { fr: flatten(fr), ar: flatten(ar) };

/** Strings that are rightly the same as in English (the product name, French homographs). */
const SAME_AS_ENGLISH: Record<keyof typeof translations, readonly string[]> = {
  fr: [
    'app.name',
    'app.pageTitle',
    'common.actions',
    'nav.organisations',
    'home.organisationType',
    'profile.organisation',
    'audit.action',
    'organisations.title',
    'organisations.type',
  ],
  ar: ['app.name', 'app.pageTitle'],
};

describe('translation resources', () => {
  test('English has no empty strings', () => {
    for (const [key, value] of english) expect(value.trim(), key).not.toBe('');
  });

  for (const [language, strings] of Object.entries(translations) as [
    keyof typeof translations,
    Map<string, string>,
  ][]) {
    test(`${language} has exactly the English keys`, () => {
      expect([...strings.keys()].sort()).toEqual([...english.keys()].sort());
    });

    test(`${language} keeps every interpolation placeholder`, () => {
      for (const [key, value] of english) {
        expect(placeholders(strings.get(key) ?? ''), key).toEqual(placeholders(value));
      }
    });

    test(`${language} is really translated`, () => {
      const same = [...english].filter(([key, value]) => strings.get(key) === value).map(([key]) => key);
      expect(same.sort()).toEqual([...SAME_AS_ENGLISH[language]].sort());
    });
  }

  test('every role, organisation type and permission of the catalogue has a label', () => {
    for (const role of ROLES) {
      expect(english.has(`roles.${role}.name`), role).toBe(true);
      expect(english.has(`roles.${role}.description`), role).toBe(true);
    }
    for (const type of ORGANISATION_TYPES) expect(english.has(`organisationTypes.${type}`), type).toBe(true);
    for (const permission of PERMISSIONS) {
      expect(english.has(`permissions.${permission}`), permission).toBe(true);
    }
  });

  test('Arabic strings are written in Arabic script', () => {
    const arabic = /[\u0600-\u06FF]/;
    for (const [key, value] of translations.ar) {
      if (SAME_AS_ENGLISH.ar.includes(key)) continue;
      expect(arabic.test(value), `${key}: ${value}`).toBe(true);
    }
  });
});
