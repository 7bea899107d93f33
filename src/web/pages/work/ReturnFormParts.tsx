/**
 * Pieces of the forms for returns registered after the fact: the household (principal applicant and
 * family members), the type of return, the administrative status, a programme of a funder.
 */
import { Button, Group, NativeSelect, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProgrammes } from '../../api/programmes.ts';
import {
  ADMINISTRATIVE_STATUSES,
  RETURN_TYPES,
  type AdministrativeStatus,
  type ReturnType,
} from '../../api/types.ts';
import { emptyPerson, type PersonDraft } from '../../components/caseDraft.ts';
import type { FormErrors } from '../../components/caseFieldErrors.ts';
import { isOneOf } from '../../components/codes.ts';
import { PersonFields } from '../../components/PersonFields.tsx';
import { useUiLanguage } from '../case/EligibilityParts.tsx';
import type { FormProblem } from './returnForms.ts';

/** A field's problem in words, or undefined. */
export function useProblemText() {
  const { t } = useTranslation();
  return (problem: FormProblem | undefined) =>
    problem === undefined ? undefined : t(`work.forms.problems.${problem}`);
}

/** The principal applicant and the family members, added and removed. */
export function HouseholdFields({
  persons,
  onChange,
  errors,
  idPrefix,
}: {
  persons: PersonDraft[];
  onChange: (persons: PersonDraft[], path: string) => void;
  errors: FormErrors;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const change = (index: number, changes: Partial<PersonDraft>, field: keyof PersonDraft) =>
    onChange(
      persons.map((p, i) => (i === index ? { ...p, ...changes } : p)),
      `persons.${index}.${field}`,
    );
  const [principal, ...members] = persons;
  return (
    <Stack gap="md">
      {principal && (
        <PersonFields
          person={principal}
          path="persons.0"
          errors={errors}
          legend={t('newCase.principal')}
          member={false}
          onChange={(changes, field) => change(0, changes, field)}
        />
      )}
      <Stack gap="sm" component="section" aria-labelledby={`${idPrefix}-members`}>
        <Title order={3} size="h5" id={`${idPrefix}-members`}>
          {t('newCase.members')}
        </Title>
        {members.length === 0 && <Text size="sm">{t('newCase.noMembers')}</Text>}
        {members.map((member, i) => (
          <PersonFields
            key={member.key}
            person={member}
            path={`persons.${i + 1}`}
            errors={errors}
            legend={t('newCase.member', { number: i + 1 })}
            member
            onChange={(changes, field) => change(i + 1, changes, field)}
            onRemove={() =>
              onChange(
                persons.filter((_, j) => j !== i + 1),
                'persons',
              )
            }
            removeLabel={t('newCase.removeMemberLabel', { number: i + 1 })}
          />
        ))}
        <Group>
          <Button variant="default" onClick={() => onChange([...persons, emptyPerson('')], 'persons')}>
            {t('newCase.addMember')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}

export function ReturnTypeSelect({
  value,
  onChange,
}: {
  value: ReturnType;
  onChange: (value: ReturnType) => void;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('legal.returnType')}
      required
      value={value}
      onChange={(e) => {
        const next = e.currentTarget.value;
        if (isOneOf(RETURN_TYPES, next)) onChange(next);
      }}
      data={RETURN_TYPES.map((r) => ({ value: r, label: t(`returnTypes.${r}`) }))}
    />
  );
}

export function AdministrativeStatusSelect({
  value,
  onChange,
}: {
  value: AdministrativeStatus | '';
  onChange: (value: AdministrativeStatus | '') => void;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('legal.administrativeStatus')}
      value={value}
      onChange={(e) => {
        const next = e.currentTarget.value;
        onChange(isOneOf(ADMINISTRATIVE_STATUSES, next) ? next : '');
      }}
      data={[
        { value: '', label: t('common.notRecorded') },
        ...ADMINISTRATIVE_STATUSES.map((s) => ({ value: s, label: t(`administrativeStatuses.${s}`) })),
      ]}
    />
  );
}

/** A published programme of the funder covering the country of return (optional). */
export function FunderProgrammeSelect({
  funderId,
  returnCountry,
  value,
  onChange,
  description,
}: {
  funderId: string;
  returnCountry: string;
  value: string;
  onChange: (id: string) => void;
  description: string;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const programmes = useProgrammes({
    funderOrganisationId: funderId || undefined,
    countryOfReturn: returnCountry || undefined,
    status: 'published',
  });
  const options = funderId
    ? (programmes.data?.items ?? [])
        .filter((p) => p.funder.id === funderId)
        .map((p) => ({
          value: p.id,
          label: `${p.code} — ${p.name[language] ?? p.name.en ?? Object.values(p.name)[0] ?? ''}`,
        }))
    : [];
  return (
    <Select
      label={t('work.forms.programme')}
      description={description}
      clearable
      searchable
      disabled={!funderId}
      nothingFoundMessage={t('common.nothingFound')}
      placeholder={programmes.isPending ? t('common.loading') : t('common.typeToSearch')}
      data={options}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
