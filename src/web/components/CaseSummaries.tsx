import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdministrativeStatus, NewPerson, Person, ReturnType } from '../api/types.ts';
import { useFormat } from './format.ts';

/** One term and its value in a description list. */
export function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" fw={600} size="sm">
        {term}
      </Text>
      <Text component="dd" m={0} className="hw-break">
        {children}
      </Text>
    </div>
  );
}

type PersonLike = NewPerson | Person;

/** "Mohammed Al-Hassan" */
export function fullName(p: { givenNames: string; familyName: string }): string {
  return `${p.givenNames} ${p.familyName}`.trim();
}

/** A person's identity as recorded: names in both scripts, relationship, birth, nationality, languages. */
export function PersonSummary({
  person,
  headingLevel = 3,
  headingId,
}: {
  person: PersonLike;
  headingLevel?: 3 | 4;
  headingId?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const none = t('common.notRecorded');
  const birth = person.dateOfBirth
    ? person.dateOfBirthApproximate
      ? t('person.approximateDate', { date: format.date(person.dateOfBirth) })
      : format.date(person.dateOfBirth)
    : none;
  const nationalities = person.nationalities ?? [];
  const languages = person.languages ?? [];
  const documents = 'documents' in person ? (person.documents ?? []) : [];
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap" align="baseline">
        <Title order={headingLevel} size="h4" id={headingId}>
          {fullName(person)}
        </Title>
        {person.originalScriptName && (
          <Text span fw={600} dir="auto" data-testid="original-script-name">
            {person.originalScriptName}
          </Text>
        )}
      </Group>
      <Group gap="xs">
        <Badge variant="light" radius="sm" tt="none">
          {t(`relationships.${person.relationship}`)}
        </Badge>
        {person.unaccompaniedMinor && (
          <Badge variant="filled" color="orange.5" autoContrast radius="sm" tt="none">
            {t('person.unaccompaniedMinor')}
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" component="dl" m={0}>
        <Detail term={t('person.sex')}>{t(`sexes.${person.sex}`)}</Detail>
        <Detail term={t('person.dateOfBirth')}>{birth}</Detail>
        <Detail term={t('person.nationalities')}>
          {nationalities.length > 0 ? nationalities.map((c) => format.country(c)).join(', ') : none}
        </Detail>
        <Detail term={t('person.languages')}>
          {languages.length > 0 ? languages.map((l) => format.language(l)).join(', ') : none}
        </Detail>
        {(person.otherSpellings ?? []).length > 0 && (
          <Detail term={t('person.otherSpellings')}>{(person.otherSpellings ?? []).join(', ')}</Detail>
        )}
        {documents.length > 0 && (
          <Detail term={t('person.documents')}>
            {documents
              .map((d) =>
                [
                  t(`documentTypes.${d.type}`),
                  d.number,
                  d.issuingCountry ? format.country(d.issuingCountry) : null,
                  t(`documentStatuses.${d.status}`),
                ]
                  .filter(Boolean)
                  .join(' · '),
              )
              .join('; ')}
          </Detail>
        )}
      </SimpleGrid>
    </Stack>
  );
}

export interface LegalView {
  hostCountry?: string | null;
  returnCountry: string | null;
  returnType: ReturnType | null;
  administrativeStatus: AdministrativeStatus | null;
  returnDecisionDate: string | null;
  departureDeadline: string | null;
  entryBan: boolean;
  entryBanUntil: string | null;
  inDetention: boolean;
}

/** The legal situation and the return, as a description list. */
export function LegalSummary({ legal }: { legal: LegalView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const none = t('common.notRecorded');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
      {legal.hostCountry !== undefined && (
        <Detail term={t('legal.hostCountry')}>{format.country(legal.hostCountry) ?? none}</Detail>
      )}
      <Detail term={t('legal.returnCountry')}>{format.country(legal.returnCountry) ?? none}</Detail>
      <Detail term={t('legal.returnType')}>
        {legal.returnType ? t(`returnTypes.${legal.returnType}`) : none}
      </Detail>
      <Detail term={t('legal.administrativeStatus')}>
        {legal.administrativeStatus ? t(`administrativeStatuses.${legal.administrativeStatus}`) : none}
      </Detail>
      <Detail term={t('legal.returnDecisionDate')}>{format.date(legal.returnDecisionDate) ?? none}</Detail>
      <Detail term={t('legal.departureDeadline')}>{format.date(legal.departureDeadline) ?? none}</Detail>
      <Detail term={t('legal.entryBan')}>
        {legal.entryBan
          ? legal.entryBanUntil
            ? t('legal.entryBanUntilDate', { date: format.date(legal.entryBanUntil) })
            : t('common.yes')
          : t('common.no')}
      </Detail>
      <Detail term={t('legal.inDetention')}>{legal.inDetention ? t('common.yes') : t('common.no')}</Detail>
    </SimpleGrid>
  );
}
