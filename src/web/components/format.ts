import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage } from '../i18n/index.ts';

/** Date, time and country formatting in the interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : currentLanguage();

  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    let regions: Intl.DisplayNames | null = null;
    try {
      regions = new Intl.DisplayNames([language], { type: 'region' });
    } catch {
      regions = null;
    }
    return {
      /** A timestamp in the user's time zone, or null when there is none. */
      dateTime(value: string | null | undefined): string | null {
        if (!value) return null;
        const d = new Date(value);
        return Number.isNaN(d.getTime()) ? value : dateTime.format(d);
      },
      /** An ISO 3166 alpha-2 country code as a country name. */
      country(code: string | null | undefined): string | null {
        if (!code) return null;
        try {
          return regions?.of(code.toUpperCase()) ?? code;
        } catch {
          return code;
        }
      },
    };
  }, [language]);
}
