import { NativeSelect } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys, useUpdateProfile } from '../api/queries.ts';
import type { Me } from '../api/types.ts';
import {
  changeLanguage,
  currentLanguage,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  noteChoiceWhileSignedOut,
  type Language,
} from '../i18n/index.ts';

/**
 * Switches the interface language at once and, when someone is signed in, saves it as their profile
 * locale (PATCH /me) so it follows them to other devices.
 */
export function useSetLanguage() {
  const queryClient = useQueryClient();
  const update = useUpdateProfile();
  const [failed, setFailed] = useState(false);

  async function setLanguage(language: Language): Promise<void> {
    setFailed(false);
    await changeLanguage(language);
    const me = queryClient.getQueryData<Me | null>(queryKeys.me);
    if (!me) noteChoiceWhileSignedOut(language);
    else if (me.user.locale !== language) {
      try {
        await update.mutateAsync({ locale: language });
      } catch {
        setFailed(true);
      }
    }
  }

  return { setLanguage, failed, saving: update.isPending };
}

interface LanguageSwitchProps {
  /** A visible label (forms); without it the select is labelled "Language" for assistive technology only. */
  label?: string;
  description?: string;
}

export function LanguageSwitch({ label, description }: LanguageSwitchProps) {
  const { t, i18n } = useTranslation();
  const { setLanguage, failed } = useSetLanguage();
  const value = isLanguage(i18n.language) ? i18n.language : currentLanguage();

  return (
    <NativeSelect
      label={label}
      description={description}
      aria-label={label ? undefined : t('language.label')}
      size="sm"
      value={value}
      error={failed ? t('language.saveFailed') : undefined}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isLanguage(next)) void setLanguage(next);
      }}
      data-testid="language-switch"
    >
      {LANGUAGES.map((lng) => (
        <option key={lng} value={lng} lang={lng}>
          {LANGUAGE_NAMES[lng]}
        </option>
      ))}
    </NativeSelect>
  );
}
