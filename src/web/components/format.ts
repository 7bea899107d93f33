import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage } from '../i18n/index.ts';
import { COUNTRY_CODES, LANGUAGE_CODES } from './codes.ts';

export interface CodeOption {
  value: string;
  label: string;
}

function displayNames(language: string, type: 'region' | 'language'): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([language], { type });
  } catch {
    return null;
  }
}

function nameOf(names: Intl.DisplayNames | null, code: string | null | undefined): string | null {
  if (!code) return null;
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Date, time, country and language formatting in the interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : currentLanguage();

  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    // Calendar dates (YYYY-MM-DD) have no time zone: format them as the UTC day they name.
    const dateOnly = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    const regions = displayNames(language, 'region');
    const languages = displayNames(language, 'language');
    const collator = new Intl.Collator(language);
    const sorted = (options: CodeOption[]) => options.sort((a, b) => collator.compare(a.label, b.label));
    let countryOptions: CodeOption[] | null = null;
    let languageOptions: CodeOption[] | null = null;
    return {
      /** A timestamp in the user's time zone, or null when there is none. */
      dateTime(value: string | null | undefined): string | null {
        if (!value) return null;
        const d = new Date(value);
        return Number.isNaN(d.getTime()) ? value : dateTime.format(d);
      },
      /** A calendar date (YYYY-MM-DD), or null when there is none. */
      date(value: string | null | undefined): string | null {
        if (!value) return null;
        const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
        return Number.isNaN(d.getTime()) ? value : dateOnly.format(d);
      },
      /** An ISO 3166 alpha-2 country code as a country name. */
      country(code: string | null | undefined): string | null {
        return nameOf(regions, code?.toUpperCase());
      },
      /** An ISO 639 language code as a language name. */
      language(code: string | null | undefined): string | null {
        return nameOf(languages, code);
      },
      /** Every country, by name in the interface language (computed once per language). */
      countryOptions(): CodeOption[] {
        countryOptions ??= sorted(
          COUNTRY_CODES.map((code) => ({ value: code, label: nameOf(regions, code) ?? code })),
        );
        return countryOptions;
      },
      /** The languages a person may speak, by name in the interface language. */
      languageOptions(): CodeOption[] {
        languageOptions ??= sorted(
          LANGUAGE_CODES.map((code) => ({ value: code, label: nameOf(languages, code) ?? code })),
        );
        return languageOptions;
      },
    };
  }, [language]);
}
