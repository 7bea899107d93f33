import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidGroup } from './focusFirstInvalid.ts';
import { RELATIONSHIPS, SEXES, type Relationship, type Sex } from '../api/types.ts';
import {
  localToday,
  MAX_LANGUAGES,
  MAX_NATIONALITIES,
  MAX_OTHER_SPELLINGS,
  NAME_MAX_LENGTH,
  type PersonDraft,
} from './caseDraft.ts';
import { errorText, type FormErrors } from './caseFieldErrors.ts';
import { useFormat } from './format.ts';

const MEMBER_RELATIONSHIPS = RELATIONSHIPS.filter((r) => r !== 'principal');

function isRelationship(value: string): value is Relationship {
  return (RELATIONSHIPS as readonly string[]).includes(value);
}

function isSex(value: string): value is Sex {
  return (SEXES as readonly string[]).includes(value);
}

interface PersonFieldsProps {
  person: PersonDraft;
  onChange: (changes: Partial<PersonDraft>, field: keyof PersonDraft) => void;
  /** The form's errors, keyed by path. */
  errors: FormErrors;
  /** This person's path in the errors (`persons.1`), '' when the form holds one person only. */
  path: string;
  legend: ReactNode;
  /** A family member (relationship chosen here) rather than the principal applicant. */
  member: boolean;
  onRemove?: () => void;
  removeLabel?: string;
}

/** One person's inputs: names in both scripts, sex, birth, nationality, languages, minor flag. */
export function PersonFields({
  person,
  onChange,
  errors,
  path,
  legend,
  member,
  onRemove,
  removeLabel,
}: PersonFieldsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const at = (field: keyof PersonDraft) => (path ? `${path}.${field}` : field);
  const error = (field: keyof PersonDraft) => errorText(t, errors[at(field)]);
  const set = <K extends keyof PersonDraft>(field: K, value: PersonDraft[K]) =>
    onChange({ [field]: value }, field);
  const idPrefix = `${person.key}`;

  return (
    <Fieldset legend={legend} data-person={person.key}>
      <Stack gap="sm">
        {member && (
          <NativeSelect
            label={t('person.relationship')}
            required
            value={person.relationship}
            onChange={(e) => {
              const value = e.currentTarget.value;
              set('relationship', isRelationship(value) ? value : '');
            }}
            error={error('relationship')}
            data={[
              { value: '', label: t('person.choose'), disabled: true },
              ...MEMBER_RELATIONSHIPS.map((r) => ({ value: r, label: t(`relationships.${r}`) })),
            ]}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('person.givenNames')}
            description={t('person.latinHint')}
            required
            autoComplete="off"
            maxLength={NAME_MAX_LENGTH}
            value={person.givenNames}
            onChange={(e) => set('givenNames', e.currentTarget.value)}
            error={error('givenNames')}
          />
          <TextInput
            label={t('person.familyName')}
            description={t('person.latinHint')}
            required
            autoComplete="off"
            maxLength={NAME_MAX_LENGTH}
            value={person.familyName}
            onChange={(e) => set('familyName', e.currentTarget.value)}
            error={error('familyName')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('person.originalScriptName')}
            description={t('person.originalScriptHint')}
            autoComplete="off"
            dir="auto"
            maxLength={NAME_MAX_LENGTH}
            value={person.originalScriptName}
            onChange={(e) => set('originalScriptName', e.currentTarget.value)}
            error={error('originalScriptName')}
          />
          <TagsInput
            label={t('person.otherSpellings')}
            description={t('person.otherSpellingsHint')}
            maxTags={MAX_OTHER_SPELLINGS}
            value={person.otherSpellings}
            onChange={(value) => set('otherSpellings', value)}
            error={error('otherSpellings')}
          />
        </SimpleGrid>
        <Radio.Group
          label={t('person.sex')}
          withAsterisk
          value={person.sex}
          onChange={(value) => set('sex', isSex(value) ? value : '')}
          error={error('sex')}
          {...invalidGroup(error('sex'))}
          name={`${idPrefix}-sex`}
        >
          <Group gap="md" mt={4}>
            {SEXES.map((s) => (
              <Radio key={s} value={s} label={t(`sexes.${s}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Stack gap={6}>
          <TextInput
            type="date"
            label={t('person.dateOfBirth')}
            max={localToday()}
            value={person.dateOfBirth}
            onChange={(e) => set('dateOfBirth', e.currentTarget.value)}
            error={error('dateOfBirth')}
            maw={240}
          />
          <Checkbox
            label={t('person.dateOfBirthApproximate')}
            checked={person.dateOfBirthApproximate}
            onChange={(e) => set('dateOfBirthApproximate', e.currentTarget.checked)}
          />
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <MultiSelect
            label={t('person.nationalities')}
            description={t('person.nationalitiesHint')}
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            maxValues={MAX_NATIONALITIES}
            data={format.countryOptions()}
            value={person.nationalities}
            onChange={(value) => set('nationalities', value)}
            error={error('nationalities')}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label={t('person.languages')}
            description={t('person.languagesHint')}
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            maxValues={MAX_LANGUAGES}
            data={format.languageOptions()}
            value={person.languages}
            onChange={(value) => set('languages', value)}
            error={error('languages')}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Checkbox
          label={t('person.unaccompaniedMinor')}
          description={t('person.unaccompaniedMinorHint')}
          checked={person.unaccompaniedMinor}
          onChange={(e) => set('unaccompaniedMinor', e.currentTarget.checked)}
        />
        {onRemove && (
          <Group justify="flex-end">
            <Button variant="default" color="red" size="xs" onClick={onRemove} aria-label={removeLabel}>
              {t('newCase.removeMember')}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
