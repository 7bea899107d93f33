import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useCaseEligibility,
  type CaseEligibility,
  type Enrolment,
  type HouseholdFacts,
  type ProgrammeResult,
} from '../../api/eligibility.ts';
import type { Case } from '../../api/types.ts';
import { Detail } from '../../components/CaseSummaries.tsx';
import { useFormat } from '../../components/format.ts';
import { LoadingBlock } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan } from '../../components/session.ts';
import { EligibilityPackage } from './EligibilityPackage.tsx';
import { byStatus, decisiveReasons } from './EligibilityFormat.ts';
import { ProgrammeExplanation, StatusBadge, useMoney, useUiLanguage } from './EligibilityParts.tsx';
import { EnrolDialog } from './EnrolDialog.tsx';
import { EnrolmentList } from './EnrolmentList.tsx';
import { focusHeading, TabHeading } from './shared.tsx';

/** The facts of the case the evaluation used, and what it could not see. */
function FactsUsed({ household, onDate }: { household: HouseholdFacts; onDate: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="xs" component="section" aria-labelledby="eligibility-facts">
      <Title order={3} size="h4" id="eligibility-facts">
        {t('eligibility.facts.title')}
      </Title>
      <Text size="sm">{t('eligibility.facts.intro', { date: format.date(onDate) })}</Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0} data-testid="eligibility-facts">
        <Detail term={t('eligibility.facts.adults')}>{household.adults}</Detail>
        <Detail term={t('eligibility.facts.minors')}>{household.minors}</Detail>
        <Detail term={t('eligibility.facts.proceduralStage')}>
          {household.proceduralStage
            ? t(`eligibility.proceduralStages.${household.proceduralStage}`)
            : t('common.notRecorded')}
        </Detail>
        <Detail term={t('eligibility.facts.daysBeforeDeparture')}>
          {household.daysBeforeDeparture === null
            ? t('eligibility.facts.noDeparture')
            : household.daysBeforeDeparture}
        </Detail>
      </SimpleGrid>
      {!household.vulnerabilitiesVisible && (
        <Alert color="blue" variant="light" data-testid="vulnerabilities-hidden">
          {t('eligibility.facts.vulnerabilitiesHidden')}
        </Alert>
      )}
    </Stack>
  );
}

/** One programme: its status in the title, the explanation and the enrol button inside. */
function ProgrammeItem({
  result,
  enrolment,
  excludedReason,
  canEnrol,
  onEnrol,
}: {
  result: ProgrammeResult;
  enrolment: Enrolment | undefined;
  excludedReason: string | undefined;
  canEnrol: boolean;
  onEnrol: () => void;
}) {
  const { t } = useTranslation();
  const m = useMoney();
  const decisive = decisiveReasons(result.reasons, result.status);
  return (
    <Accordion.Item value={result.programmeId} data-programme={result.code}>
      <Accordion.Control>
        <span style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
          <Text span fw={700} dir="auto">
            {result.name}
          </Text>
          <StatusBadge status={result.status} size="sm" />
          {enrolment && (
            <Badge component="span" variant="outline" color="blue.9" radius="sm" tt="none" size="sm">
              {t('eligibility.enrolledBadge')}
            </Badge>
          )}
          {result.eligible && (
            <Text span size="sm">
              {m.totals(result.totals)}
            </Text>
          )}
        </span>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('eligibility.programmeMeta', { code: result.code, version: result.version })}
          </Text>
          {decisive.length > 0 && (
            <Alert
              color={result.status === 'to_check' ? 'orange' : 'gray'}
              variant="light"
              title={
                result.status === 'to_check'
                  ? t('eligibility.toCheckTitle')
                  : t('eligibility.notEligibleTitle')
              }
            >
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {decisive.map((text, i) => (
                  <li key={i} dir="auto">
                    {text}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          {excludedReason && (
            <Alert color="orange" variant="light" title={t('eligibility.excludedTitle')}>
              <span dir="auto">{excludedReason}</span>
            </Alert>
          )}
          <ProgrammeExplanation result={result} headingLevel={5} />
          {canEnrol && result.eligible && !enrolment && !excludedReason && (
            <Group>
              <Button onClick={onEnrol} aria-label={t('eligibility.enrolLabel', { name: result.name })}>
                {t('eligibility.enrol')}
              </Button>
            </Group>
          )}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

function ProgrammeList({
  data,
  canEnrol,
  onEnrol,
}: {
  data: CaseEligibility;
  canEnrol: boolean;
  onEnrol: (result: ProgrammeResult) => void;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const ordered = useMemo(
    () => byStatus(data.programmes, new Intl.Collator(language)),
    [data.programmes, language],
  );
  const eligible = ordered.filter((p) => p.status === 'eligible').length;
  return (
    <Stack gap="xs" component="section" aria-labelledby="eligibility-programmes">
      <Title order={3} size="h4" id="eligibility-programmes">
        {t('eligibility.programmes.title', { count: ordered.length })}
      </Title>
      {ordered.length === 0 ? (
        <Text>{t('eligibility.programmes.empty')}</Text>
      ) : (
        <>
          <Text size="sm">{t('eligibility.programmes.summary', { count: eligible })}</Text>
          <Accordion multiple variant="separated" order={4} data-testid="eligibility-programmes">
            {ordered.map((p) => (
              <ProgrammeItem
                key={p.programmeId}
                result={p}
                enrolment={data.enrolments.find(
                  (e) => e.status === 'active' && e.programmeId === p.programmeId,
                )}
                excludedReason={data.package.excluded.find((x) => x.programmeCode === p.code)?.reason}
                canEnrol={canEnrol}
                onEnrol={() => onEnrol(p)}
              />
            ))}
          </Accordion>
        </>
      )}
    </Stack>
  );
}

export function EligibilityTab({ current, onNotice }: { current: Case; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useUiLanguage();
  const canWrite = useCan('cases:write');
  const [showAll, setShowAll] = useState(false);
  const eligibility = useCaseEligibility(current.id, language, showAll ? 'all' : 'country');
  const [enrolling, setEnrolling] = useState<ProgrammeResult | null>(null);
  const data = eligibility.data;
  const country = format.country(current.returnCountry) ?? current.returnCountry;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <TabHeading id="eligibility-title" title={t('eligibility.title')} />
        <Text size="sm">{t('eligibility.intro')}</Text>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Switch
              label={t('eligibility.showAll')}
              checked={showAll}
              onChange={(e) => setShowAll(e.currentTarget.checked)}
            />
            {eligibility.isFetching && !eligibility.isPending && (
              <>
                <Loader size="xs" aria-hidden="true" />
                <VisuallyHidden role="status">{t('common.loading')}</VisuallyHidden>
              </>
            )}
          </Group>
          <Anchor
            component={Link}
            to={`/programmes/compare?countryOfReturn=${encodeURIComponent(current.returnCountry)}`}
          >
            {t('eligibility.compareLink', { country })}
          </Anchor>
        </Group>
      </Stack>
      {eligibility.isPending ? (
        <LoadingBlock label={t('eligibility.loading')} />
      ) : eligibility.isError ? (
        <ProblemAlert
          error={eligibility.error}
          title={t('eligibility.failed')}
          onRetry={() => void eligibility.refetch()}
        />
      ) : data ? (
        <Stack gap="xl" aria-busy={eligibility.isFetching} data-scope={showAll ? 'all' : 'country'}>
          <FactsUsed household={data.household} onDate={data.onDate} />
          <ProgrammeList data={data} canEnrol={canWrite} onEnrol={setEnrolling} />
          <EligibilityPackage data={data} />
          <EnrolmentList data={data} onNotice={onNotice} />
        </Stack>
      ) : null}
      {enrolling && data && (
        <EnrolDialog
          caseId={current.id}
          result={enrolling}
          data={data}
          onClose={() => setEnrolling(null)}
          onEnrolled={() => {
            setEnrolling(null);
            onNotice(t('eligibility.enrolledNotice', { name: enrolling.name }));
            focusHeading('enrolments-title');
          }}
        />
      )}
    </Stack>
  );
}
