import { describe, expect, test } from 'vitest';
import { COMPONENT_CATEGORIES, COMPONENT_STAGES, MODALITIES } from '../../../domain/programmes/definition.ts';
import { SITUATIONS } from '../../../domain/programmes/households.ts';
import {
  FINDER_LANGUAGE_NAMES,
  FINDER_LANGUAGES,
  FINDER_TEXT,
  finderDirection,
  finderLanguageOf,
  finderText,
  formatMoney,
  initialFinderLanguage,
  placeholdersOf,
  type FinderKey,
} from './finderText.ts';

const english = FINDER_TEXT.en;
const keys = Object.keys(english).sort();

/** Keys rightly the same in every language (the product name; "Total" in Spanish and so on below). */
const SAME_AS_ENGLISH: readonly string[] = ['brand'];
/** Per language, texts that are rightly identical to the English ones. */
const ALSO_SAME: Partial<Record<(typeof FINDER_LANGUAGES)[number], readonly string[]>> = {
  fr: ['answerSituation'],
  es: ['total', 'vulnerable.no'],
};

describe('the finder texts', () => {
  test('cover the six languages of the public finder', () => {
    expect([...FINDER_LANGUAGES].sort()).toEqual(['ar', 'en', 'es', 'fa', 'fr', 'ru']);
    for (const language of FINDER_LANGUAGES) expect(FINDER_LANGUAGE_NAMES[language]).toBeTruthy();
  });

  test.each(FINDER_LANGUAGES)('%s has every key, none empty, and no key of its own', (language) => {
    const dictionary = FINDER_TEXT[language];
    expect(Object.keys(dictionary).sort()).toEqual(keys);
    for (const key of keys) expect(dictionary[key as FinderKey].trim(), key).not.toBe('');
  });

  test.each(FINDER_LANGUAGES)('%s uses the same placeholders as English', (language) => {
    for (const key of keys) {
      const k = key as FinderKey;
      expect(placeholdersOf(FINDER_TEXT[language][k]), `${language}: ${key}`).toEqual(
        placeholdersOf(english[k]),
      );
    }
  });

  test.each(FINDER_LANGUAGES.filter((l) => l !== 'en'))('%s is really translated', (language) => {
    const allowed = new Set([...SAME_AS_ENGLISH, ...(ALSO_SAME[language] ?? [])]);
    const untranslated = keys.filter(
      (key) => !allowed.has(key) && FINDER_TEXT[language][key as FinderKey] === english[key as FinderKey],
    );
    expect(untranslated).toEqual([]);
  });

  test('label every situation, stage, modality and category the API sends', () => {
    const needed = [
      ...SITUATIONS.map((s) => `situation.${s}`),
      ...COMPONENT_STAGES.map((s) => `stage.${s}`),
      ...MODALITIES.map((m) => `modality.${m}`),
      ...COMPONENT_CATEGORIES.map((c) => `category.${c}`),
    ];
    for (const key of needed) expect(keys, key).toContain(key);
  });
});

describe('finderText', () => {
  test('fills in placeholders and leaves unknown ones', () => {
    expect(finderText('en', 'found', { count: 3 })).toBe('Programmes found: 3');
    expect(finderText('ru', 'found', { count: 3 })).toBe('Найдено программ: 3');
    expect(finderText('en', 'upTo')).toBe('up to {amount}');
  });
});

describe('the language to start in', () => {
  test('?lang= wins, then the browser, then English', () => {
    expect(initialFinderLanguage('fa', ['fr-FR'])).toBe('fa');
    expect(initialFinderLanguage('xx', ['de-DE', 'ru-RU', 'fr'])).toBe('ru');
    expect(initialFinderLanguage(null, ['es-419'])).toBe('es');
    expect(initialFinderLanguage(null, ['de'])).toBe('en');
    expect(initialFinderLanguage('', [])).toBe('en');
  });

  test('Dari and regional tags map to our languages', () => {
    expect(finderLanguageOf('prs-AF')).toBe('fa');
    expect(finderLanguageOf('fa_AF')).toBe('fa');
    expect(finderLanguageOf('AR-iq')).toBe('ar');
    expect(finderLanguageOf('ps')).toBeNull();
  });

  test('Arabic and Persian are right-to-left', () => {
    expect(FINDER_LANGUAGES.filter((l) => finderDirection(l) === 'rtl')).toEqual(['ar', 'fa']);
  });
});

describe('formatMoney', () => {
  test('formats with the currency and Latin digits in every language', () => {
    expect(formatMoney('en', 1500, 'EUR')).toBe('€1,500');
    expect(formatMoney('en', 12.5, 'CHF')).toContain('12.50');
    for (const language of FINDER_LANGUAGES) {
      const text = formatMoney(language, 2000, 'EUR');
      expect(text, language).toMatch(/2.?000/);
      expect(text, language).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
    }
  });
});
