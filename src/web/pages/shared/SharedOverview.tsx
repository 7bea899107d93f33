import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COUNSELLING_DECISIONS,
  MOTIVES_AGAINST_RETURN,
  MOTIVES_FOR_RETURN,
} from '../../../domain/case-facts.ts';
import type { SharedCase, SharedPerson } from '../../api/referrals.ts';
import { Detail, LegalSummary } from '../../components/CaseSummaries.tsx';
import { isOneOf } from '../../components/codes.ts';
import { useFormat } from '../../components/format.ts';
import { useMoney } from '../case/EligibilityParts.tsx';
import { CodeBadges } from '../case/shared.tsx';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={id} gap="sm" data-section={id}>
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The person's name where identity is received; otherwise their relationship only. */
function usePersonLabel() {
  const { t } = useTranslation();
  return (p: SharedPerson) => {
    const name = [p.givenNames, p.familyName].filter(Boolean).join(' ').trim();
    return name || t(`relationships.${p.relationship}`);
  };
}

function PersonCard({ person, index }: { person: SharedPerson; index: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = usePersonLabel()(person);
  const birth =
    person.dateOfBirth === undefined
      ? undefined
      : person.dateOfBirth === null
        ? t('common.notRecorded')
        : person.dateOfBirthApproximate
          ? t('person.approximateDate', { date: format.date(person.dateOfBirth) })
          : format.date(person.dateOfBirth);
  return (
    <Paper withBorder p="sm" component="li" data-person={person.relationship}>
      <Stack gap="xs">
        <Group gap="xs" align="baseline" wrap="wrap">
          <Title order={4} size="h5" id={`shared-person-${index}`}>
            {label}
          </Title>
          {person.originalScriptName && (
            <Text span fw={600} dir="auto">
              {person.originalScriptName}
            </Text>
          )}
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
          {person.sex !== undefined && <Detail term={t('person.sex')}>{t(`sexes.${person.sex}`)}</Detail>}
          {birth !== undefined && <Detail term={t('person.dateOfBirth')}>{birth}</Detail>}
          {person.nationalities !== undefined && (
            <Detail term={t('person.nationalities')}>
              {person.nationalities.length > 0
                ? person.nationalities.map((c) => format.country(c)).join(', ')
                : t('common.notRecorded')}
            </Detail>
          )}
          {person.languages !== undefined && (
            <Detail term={t('person.languages')}>
              {person.languages.length > 0
                ? person.languages.map((l) => format.language(l)).join(', ')
                : t('common.notRecorded')}
            </Detail>
          )}
          {person.otherSpellings !== undefined && person.otherSpellings.length > 0 && (
            <Detail term={t('person.otherSpellings')}>{person.otherSpellings.join(', ')}</Detail>
          )}
          {person.documents !== undefined && person.documents.length > 0 && (
            <Detail term={t('person.documents')}>
              {person.documents
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
    </Paper>
  );
}

/** The case as the reader receives it: only the parts present in its dataset are shown. */
export function SharedOverview({ view }: { view: SharedCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const personLabel = usePersonLabel();
  const none = t('common.notRecorded');
  const motivesFor = (values: readonly string[]): string[] =>
    values.map((m) => (isOneOf(MOTIVES_FOR_RETURN, m) ? t(`motivesFor.${m}`) : m));
  const motivesAgainst = (values: readonly string[]): string[] =>
    values.map((m) => (isOneOf(MOTIVES_AGAINST_RETURN, m) ? t(`motivesAgainst.${m}`) : m));

  return (
    <Stack gap="xl" data-testid="shared-overview">
      <Section id="shared-persons" title={t('sharedCase.overview.persons', { count: view.persons.length })}>
        {view.dataset.includes('identity') ? null : (
          <Text size="sm" data-testid="no-identity">
            {t('sharedCase.overview.noIdentity')}
          </Text>
        )}
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {view.persons.map((p, i) => (
            <PersonCard key={p.id} person={p} index={i} />
          ))}
        </Stack>
        {!view.dataset.includes('family') && view.householdSize > view.persons.length && (
          <Text size="sm">{t('sharedCase.overview.familyNotShared', { count: view.householdSize })}</Text>
        )}
      </Section>

      {view.legalStatus && (
        <Section id="shared-legal" title={t('case.tabs.legal')}>
          <LegalSummary
            legal={{
              hostCountry: view.hostCountry,
              returnCountry: view.returnCountry,
              returnType: view.returnType,
              ...view.legalStatus,
            }}
          />
        </Section>
      )}

      {view.travel && (
        <Section id="shared-travel" title={t('consentDataCategories.travel')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
            <Detail term={t('sharedCase.overview.plannedDeparture')}>
              {format.date(view.travel.plannedDepartureDate) ?? none}
            </Detail>
            {view.departedOn && (
              <Detail term={t('sharedCase.details.departedOn')}>{format.date(view.departedOn)}</Detail>
            )}
          </SimpleGrid>
        </Section>
      )}

      {view.counselling && (
        <Section id="shared-counselling" title={t('case.tabs.counselling')}>
          {view.counselling.length === 0 ? (
            <Text size="sm">{t('timeline.empty')}</Text>
          ) : (
            <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
              {view.counselling.map((s) => (
                <Paper key={s.heldAt} withBorder p="sm" component="li">
                  <Text fw={600}>
                    <time dateTime={s.heldAt}>{format.dateTime(s.heldAt)}</time>
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" component="dl" m={0} mt="xs">
                    <Detail term={t('sharedCase.overview.motivesFor')}>
                      {s.motivesFor.length > 0 ? <CodeBadges labels={motivesFor(s.motivesFor)} /> : none}
                    </Detail>
                    <Detail term={t('sharedCase.overview.motivesAgainst')}>
                      {s.motivesAgainst.length > 0 ? (
                        <CodeBadges labels={motivesAgainst(s.motivesAgainst)} color="gray.8" />
                      ) : (
                        none
                      )}
                    </Detail>
                    <Detail term={t('sharedCase.overview.decision')}>
                      {s.decision && isOneOf(COUNSELLING_DECISIONS, s.decision)
                        ? t(`decisions.${s.decision}`)
                        : (s.decision ?? none)}
                    </Detail>
                  </SimpleGrid>
                </Paper>
              ))}
            </Stack>
          )}
        </Section>
      )}

      {view.vulnerabilities && (
        <Section id="shared-vulnerabilities" title={t('case.tabs.vulnerabilities')}>
          <Group gap="xs">
            <Badge size="sm" variant="outline" color="red.9" radius="sm" tt="none">
              {t('case.sensitive')}
            </Badge>
            <Text size="sm">{t('sharedCase.overview.sensitiveNote')}</Text>
          </Group>
          {view.vulnerabilities.length === 0 ? (
            <Text size="sm">{t('sharedCase.overview.noVulnerabilities')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
              {view.persons
                .filter((p) => view.vulnerabilities?.some((v) => v.personId === p.id))
                .map((p) => (
                  <Detail key={p.id} term={personLabel(p)}>
                    <CodeBadges
                      color="red.9"
                      labels={(view.vulnerabilities ?? [])
                        .filter((v) => v.personId === p.id)
                        .map((v) => t(`vulnerabilityCategories.${v.category}`))}
                    />
                  </Detail>
                ))}
            </SimpleGrid>
          )}
        </Section>
      )}

      <Section
        id="shared-enrolments"
        title={t('sharedCase.overview.enrolments', { count: view.enrolments.length })}
      >
        {view.enrolments.length === 0 ? (
          <Text size="sm">{t('eligibility.enrolments.empty')}</Text>
        ) : (
          view.enrolments.map((e) => (
            <Table.ScrollContainer key={e.programmeCode} minWidth={560}>
              <Table striped verticalSpacing="xs" data-programme={e.programmeCode}>
                <Table.Caption style={{ captionSide: 'top', textAlign: 'start', fontWeight: 600 }}>
                  {t('eligibility.enrolments.versionValue', {
                    code: e.programmeCode,
                    version: e.programmeVersion,
                  })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('eligibility.package.component')}</Table.Th>
                    <Table.Th scope="col">{t('eligibility.package.stage')}</Table.Th>
                    <Table.Th scope="col">{t('sharedCase.overview.modality')}</Table.Th>
                    <Table.Th scope="col">{t('sharedCase.overview.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {e.lines.map((l) => (
                    <Table.Tr key={l.componentCode}>
                      <Table.Th scope="row" fw={500} className="hw-break">
                        {l.name}
                      </Table.Th>
                      <Table.Td>
                        {l.stage === 'pre_departure' ||
                        l.stage === 'post_arrival' ||
                        l.stage === 'reintegration'
                          ? t(`eligibility.stages.${l.stage}`)
                          : l.stage}
                      </Table.Td>
                      <Table.Td>
                        {l.modality === 'cash' || l.modality === 'in_kind' || l.modality === 'service'
                          ? t(`eligibility.modalities.${l.modality}`)
                          : l.modality}
                      </Table.Td>
                      <Table.Td data-testid="line-amount">
                        {money.amount({ ...l, actualCost: l.amount === null })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ))
        )}
      </Section>
    </Stack>
  );
}
