import {
  Anchor,
  Collapse,
  SimpleGrid,
  Stack,
  Tabs,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import type { TextMap } from '../programmeDraft.ts';
import { RTL_LANGUAGES, TEXT_LANGUAGES } from '../vocab.ts';
import { useEditor } from './context.tsx';
import { fieldId } from './placement.ts';

/** The languages to offer for a text: the finder's six, then any other the definition carries. */
export function languagesOf(...maps: TextMap[]): string[] {
  return [...new Set([...TEXT_LANGUAGES, ...maps.flatMap((m) => Object.keys(m))])];
}

function dirOf(lang: string): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
}

export type ProgrammeTextKey = 'name' | 'summary' | 'description' | 'contact';

export interface ProgrammeTexts {
  name: TextMap;
  summary: TextMap;
  description: TextMap;
  contact: TextMap;
}

/**
 * The programme's texts, one tab per language: name, summary, description and contact. English is
 * required (the fallback); a tab says when one of its fields has a problem.
 */
export function ProgrammeTextTabs({
  texts,
  onChange,
  language,
  onLanguage,
}: {
  texts: ProgrammeTexts;
  onChange: (key: ProgrammeTextKey, lang: string, value: string) => void;
  language: string;
  onLanguage: (lang: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { errorAt } = useEditor();
  const languages = languagesOf(texts.name, texts.summary, texts.description, texts.contact);
  const keys: ProgrammeTextKey[] = ['name', 'summary', 'description', 'contact'];
  return (
    <Tabs value={language} onChange={(value) => value && onLanguage(value)} keepMounted={false}>
      <Tabs.List aria-label={t('programmes.editor.textLanguages')}>
        {languages.map((lang) => {
          const problem = keys.some((k) => errorAt(`${k}.${lang}`));
          const written = keys.some((k) => (texts[k][lang] ?? '').trim() !== '');
          return (
            <Tabs.Tab key={lang} value={lang} lang={lang} c={problem ? 'red.9' : undefined}>
              {format.language(lang) ?? lang}
              {lang === 'en' ? ` (${t('programmes.editor.required')})` : ''}
              {written && lang !== 'en' ? ' ✓' : ''}
              {problem && <VisuallyHidden>{` (${t('programmes.editor.hasProblems')})`}</VisuallyHidden>}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      {languages.map((lang) => (
        <Tabs.Panel key={lang} value={lang} pt="sm">
          <Stack gap="sm">
            <TextInput
              id={fieldId(`name.${lang}`)}
              label={t('programmes.editor.name')}
              required={lang === 'en'}
              value={texts.name[lang] ?? ''}
              onChange={(e) => onChange('name', lang, e.currentTarget.value)}
              lang={lang}
              dir={dirOf(lang)}
              error={errorAt(`name.${lang}`)}
              maxLength={200}
            />
            <Textarea
              id={fieldId(`summary.${lang}`)}
              label={t('programmes.editor.summary')}
              description={t('programmes.editor.summaryHint')}
              required={lang === 'en'}
              autosize
              minRows={2}
              maxRows={6}
              value={texts.summary[lang] ?? ''}
              onChange={(e) => onChange('summary', lang, e.currentTarget.value)}
              lang={lang}
              dir={dirOf(lang)}
              error={errorAt(`summary.${lang}`)}
              maxLength={4000}
            />
            <Textarea
              id={fieldId(`description.${lang}`)}
              label={t('programmes.editor.description')}
              autosize
              minRows={2}
              maxRows={10}
              value={texts.description[lang] ?? ''}
              onChange={(e) => onChange('description', lang, e.currentTarget.value)}
              lang={lang}
              dir={dirOf(lang)}
              error={errorAt(`description.${lang}`)}
              maxLength={4000}
            />
            <Textarea
              id={fieldId(`contact.${lang}`)}
              label={t('programmes.editor.contact')}
              description={t('programmes.editor.contactHint')}
              autosize
              minRows={1}
              maxRows={4}
              value={texts.contact[lang] ?? ''}
              onChange={(e) => onChange('contact', lang, e.currentTarget.value)}
              lang={lang}
              dir={dirOf(lang)}
              error={errorAt(`contact.${lang}`)}
              maxLength={4000}
            />
          </Stack>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

/**
 * A short text in English (required or not) with its translations behind a "translations" button;
 * they open by themselves when one is written or has a problem.
 */
export function LocalizedInput({
  label,
  path,
  value,
  onChange,
  required = false,
  multiline = false,
}: {
  label: string;
  path: string;
  value: TextMap;
  onChange: (value: TextMap) => void;
  required?: boolean;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { errorAt } = useEditor();
  const id = useId();
  const others = languagesOf(value).filter((l) => l !== 'en');
  const written = others.filter((l) => (value[l] ?? '').trim() !== '').length;
  const problem = others.some((l) => errorAt(`${path}.${l}`));
  const [open, setOpen] = useState(written > 0);
  const shown = open || problem;
  const Input = multiline ? Textarea : TextInput;
  const set = (lang: string, text: string) => onChange({ ...value, [lang]: text });
  return (
    <Stack gap={4}>
      <Input
        id={fieldId(`${path}.en`)}
        label={required ? label : t('programmes.editor.optional', { label })}
        description={t('programmes.editor.inEnglish')}
        required={required}
        value={value.en ?? ''}
        onChange={(e) => set('en', e.currentTarget.value)}
        error={errorAt(`${path}.en`)}
        maxLength={multiline ? 4000 : 200}
        lang="en"
        dir="ltr"
        {...(multiline ? { autosize: true, minRows: 2, maxRows: 6 } : {})}
      />
      <div>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={shown}
          aria-controls={id}
          style={{ textAlign: 'start' }}
        >
          {shown
            ? t('programmes.editor.hideTranslations', { label })
            : t('programmes.editor.showTranslations', { label, n: written })}
        </Anchor>
      </div>
      <Collapse expanded={shown} id={id}>
        {shown && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {others.map((lang) => (
              <Input
                key={lang}
                id={fieldId(`${path}.${lang}`)}
                label={t('programmes.editor.inLanguage', { label, language: format.language(lang) ?? lang })}
                value={value[lang] ?? ''}
                onChange={(e) => set(lang, e.currentTarget.value)}
                error={errorAt(`${path}.${lang}`)}
                maxLength={multiline ? 4000 : 200}
                lang={lang}
                dir={dirOf(lang)}
                {...(multiline ? { autosize: true, minRows: 2, maxRows: 6 } : {})}
              />
            ))}
          </SimpleGrid>
        )}
      </Collapse>
    </Stack>
  );
}
