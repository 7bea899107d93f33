/**
 * i18next set-up: English, French and Arabic, bundled (no network). The chosen language is kept in
 * localStorage and mirrored on <html lang dir>; Arabic is right-to-left.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

export const LANGUAGES = ['en', 'fr', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in that language (never translated). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  fr: 'Français',
  ar: 'العربية',
};

export const LANGUAGE_STORAGE_KEY = 'homeward.lang';

export const resources = {
  en: { translation: en },
  fr: { translation: fr },
  ar: { translation: ar },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** The language currently shown (always one of LANGUAGES). */
export function currentLanguage(): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : 'en';
}

function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLanguage(): Language | null {
  const candidates = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  for (const tag of candidates) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return null;
}

/** Before anyone signs in: the language chosen on this device, else the browser's, else English. */
export function initialLanguage(): Language {
  return storedLanguage() ?? browserLanguage() ?? 'en';
}

function applyToDocument(language: Language): void {
  const html = document.documentElement;
  html.lang = language;
  html.dir = directionOf(language);
}

function remember(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

// A language picked on the login page, before anyone signed in: it wins over the profile's saved
// locale at the next sign-in (and is then saved to the profile).
let choiceWhileSignedOut: Language | null = null;

export function noteChoiceWhileSignedOut(language: Language): void {
  choiceWhileSignedOut = language;
}

/** The language picked while signed out, if any; reading it clears it. */
export function takeChoiceWhileSignedOut(): Language | null {
  const choice = choiceWhileSignedOut;
  choiceWhileSignedOut = null;
  return choice;
}

/** Switches the interface language, updates <html lang dir> and remembers the choice on this device. */
export async function changeLanguage(language: Language): Promise<void> {
  remember(language);
  await i18n.changeLanguage(language);
}

export async function initI18n(): Promise<typeof i18n> {
  const lng = initialLanguage();
  applyToDocument(lng);
  i18n.on('languageChanged', (next) => {
    if (isLanguage(next)) applyToDocument(next);
  });
  await i18n.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

export default i18n;
