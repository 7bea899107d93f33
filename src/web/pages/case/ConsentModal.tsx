import { Checkbox, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_DATA_CATEGORIES, CONSENT_METHODS, CONSENT_PURPOSES } from '../../../domain/case-facts.ts';
import { useAddConsent, useOrganisationDirectory } from '../../api/queries.ts';
import type { Case } from '../../api/types.ts';
import { errorText } from '../../components/caseFieldErrors.ts';
import { isOneOf } from '../../components/codes.ts';
import { focusFirstInvalid, invalidGroup } from '../../components/focusFirstInvalid.ts';
import { useFormat } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import {
  defaultPersonId,
  emptyConsent,
  LIMITS,
  localDateTime,
  toNewConsent,
  validateConsent,
  type ConsentDraft,
} from '../../components/recordDrafts.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { useSession } from '../../components/session.ts';
import { PersonSelect } from './shared.tsx';

const FIELDS = [
  'personId',
  'purpose',
  'recipientOrganisationId',
  'dataCategories',
  'method',
  'informationSheetVersion',
  'informationSheetLanguage',
  'witnessName',
  'givenAt',
] as const;
/** Records a consent: who, for what, which data, how it was given, when. */
export function ConsentModal({
  current,
  onClose,
  onSaved,
}: {
  current: Case;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const add = useAddConsent();
  const me = useSession();
  const directory = useOrganisationDirectory();
  // Another organisation receives the data: one's own is not a recipient.
  const recipients = (directory.data?.items ?? [])
    .filter((o) => o.id !== me.organisation.id)
    .map((o) => ({
      value: o.id,
      label: `${o.name} (${t(`organisationTypes.${o.type}`)}, ${format.country(o.country) ?? o.country})`,
    }));
  const [draft, setDraft] = useState<ConsentDraft>(() => emptyConsent(defaultPersonId(current.persons)));
  const form = useFormErrors(FIELDS);
  const error = (field: (typeof FIELDS)[number]) => errorText(t, form.errors[field]);
  const set = <K extends keyof ConsentDraft>(field: K, value: ConsentDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    form.clear(field);
  };

  function onSubmit(element: HTMLFormElement): void {
    const found = validateConsent(draft);
    form.setFound(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(element);
    add.mutate(
      { caseId: current.id, consent: toNewConsent(draft) },
      {
        onSuccess: onSaved,
        onError: (e) => {
          form.setFromServer(e);
          focusFirstInvalid(element);
        },
      },
    );
  }

  return (
    <FormModal
      title={t('consent.recordTitle')}
      submitLabel={t('consent.submit')}
      onSubmit={onSubmit}
      onClose={onClose}
      pending={add.isPending}
      error={add.error}
      errorTitle={t('consent.failed')}
      shownFields={form.placed}
    >
      <PersonSelect
        label={t('consent.person')}
        persons={current.persons}
        value={draft.personId}
        onChange={(id) => set('personId', id)}
        error={error('personId')}
      />
      <Radio.Group
        label={t('consent.purpose')}
        withAsterisk
        value={draft.purpose}
        onChange={(value) => set('purpose', isOneOf(CONSENT_PURPOSES, value) ? value : '')}
        error={error('purpose')}
        {...invalidGroup(error('purpose'))}
      >
        <Stack gap="xs" mt={4}>
          {CONSENT_PURPOSES.map((p) => (
            <Radio key={p} value={p} label={t(`consentPurposes.${p}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Select
        label={t('consent.recipient')}
        description={t('consent.recipientHint')}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        placeholder={directory.isPending ? t('common.loading') : t('common.typeToSearch')}
        data={recipients}
        value={draft.recipientOrganisationId || null}
        onChange={(value) => set('recipientOrganisationId', value ?? '')}
        error={
          error('recipientOrganisationId') ?? (directory.isError ? t('consent.directoryFailed') : undefined)
        }
        comboboxProps={{ withinPortal: true }}
      />
      <Checkbox.Group
        label={t('consent.dataCategories')}
        description={t('consent.dataCategoriesHint')}
        withAsterisk
        value={draft.dataCategories}
        onChange={(value) =>
          set(
            'dataCategories',
            value.filter((v) => isOneOf(CONSENT_DATA_CATEGORIES, v)),
          )
        }
        error={error('dataCategories')}
        {...invalidGroup(error('dataCategories'))}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={4}>
          {CONSENT_DATA_CATEGORIES.map((c) => (
            <Checkbox key={c} value={c} label={t(`consentDataCategories.${c}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Radio.Group
        label={t('consent.method')}
        withAsterisk
        value={draft.method}
        onChange={(value) => set('method', isOneOf(CONSENT_METHODS, value) ? value : '')}
        error={error('method')}
        {...invalidGroup(error('method'))}
      >
        <Stack gap="xs" mt={4}>
          {CONSENT_METHODS.map((m) => (
            <Radio key={m} value={m} label={t(`consentMethods.${m}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {draft.method === 'online' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('consent.sheetVersion')}
            description={t('consent.sheetVersionHint')}
            required
            autoComplete="off"
            maxLength={LIMITS.sheetVersion}
            value={draft.informationSheetVersion}
            onChange={(e) => set('informationSheetVersion', e.currentTarget.value)}
            error={error('informationSheetVersion')}
          />
          <Select
            label={t('consent.sheetLanguage')}
            description={t('consent.sheetLanguageHint')}
            required
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            placeholder={t('common.typeToSearch')}
            data={format.languageOptions()}
            value={draft.informationSheetLanguage || null}
            onChange={(value) => set('informationSheetLanguage', value ?? '')}
            allowDeselect={false}
            error={error('informationSheetLanguage')}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
      )}
      {draft.method === 'witnessed_verbal' && (
        <TextInput
          label={t('consent.witnessName')}
          description={t('consent.witnessHint')}
          required
          autoComplete="off"
          maxLength={LIMITS.witnessName}
          value={draft.witnessName}
          onChange={(e) => set('witnessName', e.currentTarget.value)}
          error={error('witnessName')}
        />
      )}
      <TextInput
        type="datetime-local"
        label={t('consent.givenAt')}
        required
        max={localDateTime()}
        value={draft.givenAt}
        onChange={(e) => set('givenAt', e.currentTarget.value)}
        error={error('givenAt')}
        maw={320}
      />
    </FormModal>
  );
}
