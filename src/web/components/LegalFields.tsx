import { Checkbox, NativeSelect, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { invalidGroup } from './focusFirstInvalid.ts';
import {
  ADMINISTRATIVE_STATUSES,
  RETURN_TYPES,
  type AdministrativeStatus,
  type ReturnType,
} from '../api/types.ts';
import type { LegalDraft } from './caseDraft.ts';
import { errorText, type FormErrors } from './caseFieldErrors.ts';
import { useFormat } from './format.ts';

function isAdministrativeStatus(value: string): value is AdministrativeStatus {
  return (ADMINISTRATIVE_STATUSES as readonly string[]).includes(value);
}

function isReturnType(value: string): value is ReturnType {
  return (RETURN_TYPES as readonly string[]).includes(value);
}

/** A searchable country picker (names in the interface language, codes sent). */
export function CountrySelect({
  label,
  value,
  onChange,
  error,
  required,
  description,
}: {
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  required?: boolean;
  description?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Select
      label={label}
      description={description}
      required={required}
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      placeholder={t('common.typeToSearch')}
      data={format.countryOptions()}
      value={value === '' ? null : value}
      onChange={(code) => onChange(code ?? '')}
      allowDeselect={false}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

interface LegalFieldsProps {
  draft: LegalDraft;
  onChange: (changes: Partial<LegalDraft>, field: keyof LegalDraft) => void;
  errors: FormErrors;
}

/** Administrative status, return decision, voluntary-departure deadline, entry ban, detention. */
export function LegalStatusFields({ draft, onChange, errors }: LegalFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof LegalDraft>(field: K, value: LegalDraft[K]) =>
    onChange({ [field]: value }, field);
  const error = (field: keyof LegalDraft) => errorText(t, errors[field]);
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('legal.administrativeStatus')}
        value={draft.administrativeStatus}
        onChange={(e) => {
          const value = e.currentTarget.value;
          set('administrativeStatus', isAdministrativeStatus(value) ? value : '');
        }}
        error={error('administrativeStatus')}
        data={[
          { value: '', label: t('legal.notRecorded') },
          ...ADMINISTRATIVE_STATUSES.map((s) => ({ value: s, label: t(`administrativeStatuses.${s}`) })),
        ]}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          type="date"
          label={t('legal.returnDecisionDate')}
          value={draft.returnDecisionDate}
          onChange={(e) => set('returnDecisionDate', e.currentTarget.value)}
          error={error('returnDecisionDate')}
        />
        <TextInput
          type="date"
          label={t('legal.departureDeadline')}
          description={t('legal.departureDeadlineHint')}
          value={draft.departureDeadline}
          onChange={(e) => set('departureDeadline', e.currentTarget.value)}
          error={error('departureDeadline')}
        />
      </SimpleGrid>
      <Checkbox
        label={t('legal.entryBan')}
        checked={draft.entryBan}
        onChange={(e) => set('entryBan', e.currentTarget.checked)}
      />
      {draft.entryBan && (
        <TextInput
          type="date"
          label={t('legal.entryBanUntil')}
          value={draft.entryBanUntil}
          onChange={(e) => set('entryBanUntil', e.currentTarget.value)}
          error={error('entryBanUntil')}
          maw={320}
        />
      )}
      <Checkbox
        label={t('legal.inDetention')}
        checked={draft.inDetention}
        onChange={(e) => set('inDetention', e.currentTarget.checked)}
      />
    </Stack>
  );
}

/** The country of return and the type of return. */
export function ReturnFields({ draft, onChange, errors }: LegalFieldsProps) {
  const { t } = useTranslation();
  const error = (field: keyof LegalDraft) => errorText(t, errors[field]);
  return (
    <Stack gap="sm">
      <CountrySelect
        label={t('legal.returnCountry')}
        required
        value={draft.returnCountry}
        onChange={(code) => onChange({ returnCountry: code }, 'returnCountry')}
        error={error('returnCountry')}
      />
      <Radio.Group
        label={t('legal.returnType')}
        withAsterisk
        value={draft.returnType}
        onChange={(value) => onChange({ returnType: isReturnType(value) ? value : '' }, 'returnType')}
        error={error('returnType')}
        {...invalidGroup(error('returnType'))}
      >
        <Stack gap="xs" mt={4}>
          {RETURN_TYPES.map((type) => (
            <Radio key={type} value={type} label={t(`returnTypes.${type}`)} />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
