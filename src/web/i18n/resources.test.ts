import { describe, expect, test } from 'vitest';
import {
  CONSENT_DATA_CATEGORIES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  COUNSELLING_DECISIONS,
  COUNSELLING_MODES,
  INFORMATION_SOURCES,
  MOTIVES_AGAINST_RETURN,
  MOTIVES_FOR_RETURN,
  VULNERABILITY_CATEGORIES,
} from '../../domain/case-facts.ts';
import { CASE_STAGES, REASON_CODES, TRANSITIONS } from '../../domain/case-workflow.ts';
import { ORGANISATION_TYPES, PERMISSIONS, ROLES } from '../../domain/permissions.ts';
import {
  ADMINISTRATIVE_STATUSES,
  CASE_QUEUES,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  DUPLICATE_REASONS,
  RELATIONSHIPS,
  RETURN_TYPES,
  SEXES,
} from '../api/types.ts';
import { transitionLabelKey } from '../components/caseDisplay.ts';
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
    'nav.programmes',
    'home.organisationType',
    'profile.organisation',
    'audit.action',
    'organisations.title',
    'organisations.type',
    'cases.page',
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

  test('every case stage, move, reason code and case vocabulary has a label', () => {
    const vocabularies: [string, readonly string[]][] = [
      ['stages', CASE_STAGES],
      ['reasonCodes', Object.keys(REASON_CODES)],
      ['relationships', RELATIONSHIPS],
      ['sexes', SEXES],
      ['returnTypes', RETURN_TYPES],
      ['administrativeStatuses', ADMINISTRATIVE_STATUSES],
      ['documentTypes', DOCUMENT_TYPES],
      ['documentStatuses', DOCUMENT_STATUSES],
      ['cases.queues', ['all', ...CASE_QUEUES]],
      ['counsellingModes', COUNSELLING_MODES],
      ['motivesFor', MOTIVES_FOR_RETURN],
      ['motivesAgainst', MOTIVES_AGAINST_RETURN],
      ['informationSources', INFORMATION_SOURCES],
      ['decisions', COUNSELLING_DECISIONS],
      ['consentPurposes', CONSENT_PURPOSES],
      ['consentDataCategories', CONSENT_DATA_CATEGORIES],
      ['consentMethods', CONSENT_METHODS],
      ['vulnerabilityCategories', VULNERABILITY_CATEGORIES],
      ['duplicateReasons', DUPLICATE_REASONS],
    ];
    for (const [prefix, values] of vocabularies) {
      for (const value of values) expect(english.has(`${prefix}.${value}`), `${prefix}.${value}`).toBe(true);
    }
    for (const rule of TRANSITIONS) {
      const key = transitionLabelKey(rule.from, rule.to);
      expect(key, `${rule.from} → ${rule.to}`).not.toBeNull();
      expect(english.has(`transitions.${key}`), `${rule.from} → ${rule.to}`).toBe(true);
    }
  });

  test('the moves offered from one stage have distinct labels', () => {
    for (const from of CASE_STAGES) {
      const labels = TRANSITIONS.filter((r) => r.from === from).map((r) =>
        english.get(`transitions.${transitionLabelKey(r.from, r.to)}`),
      );
      expect(new Set(labels).size, from).toBe(labels.length);
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
