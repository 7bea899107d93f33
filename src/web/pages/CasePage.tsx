import { Alert, Anchor, Badge, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { useCase } from '../api/queries.ts';
import { DeadlineBadge, StageBadge } from '../components/CaseBadges.tsx';
import { Detail, fullName } from '../components/CaseSummaries.tsx';
import { useFormat } from '../components/format.ts';
import { LoadingBlock } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { useCan } from '../components/session.ts';
import { ConsentTab } from './case/ConsentTab.tsx';
import { CounsellingTab } from './case/CounsellingTab.tsx';
import { EligibilityTab } from './case/EligibilityTab.tsx';
import { LegalTab } from './case/LegalTab.tsx';
import { PersonsTab } from './case/PersonsTab.tsx';
import { ReferralTab } from './case/ReferralTab.tsx';
import { TimelineTab } from './case/TimelineTab.tsx';
import { Transitions } from './case/Transitions.tsx';
import { VulnerabilitiesTab } from './case/VulnerabilitiesTab.tsx';

const TABS = [
  'persons',
  'legal',
  'counselling',
  'consent',
  'vulnerabilities',
  'eligibility',
  'referral',
  'timeline',
] as const;
type CaseTab = (typeof TABS)[number];
/** Tabs of special-category data, shown only to roles that may read it. */
const SENSITIVE_TABS: readonly CaseTab[] = ['vulnerabilities'];

function isTab(value: string | null): value is CaseTab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

function createdReference(state: unknown): string | null {
  if (
    typeof state === 'object' &&
    state !== null &&
    'created' in state &&
    typeof state.created === 'string'
  ) {
    return state.created;
  }
  return null;
}

export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const format = useFormat();
  const query = useCase(id);
  const [params, setParams] = useSearchParams();
  const canReadSensitive = useCan('special_category:read');
  const tabs = TABS.filter((name) => canReadSensitive || !SENSITIVE_TABS.includes(name));
  const tabParam = params.get('tab');
  const tab: CaseTab = isTab(tabParam) && tabs.includes(tabParam) ? tabParam : 'persons';
  const [notice, setNotice] = useState<string | null>(() => {
    const created = createdReference(location.state);
    return created ? t('case.created', { reference: created }) : null;
  });

  const current = query.data;
  const reload = async () => (await query.refetch()).data;
  const principal = current?.persons.find((p) => p.relationship === 'principal');

  return (
    <>
      <PageHeader
        title={current?.reference ?? t('case.title')}
        documentTitle={current ? t('case.documentTitle', { reference: current.reference }) : t('case.title')}
        actions={
          <Group gap="md">
            {current && (
              <Anchor
                component={Link}
                to={`/shared/${encodeURIComponent(current.id)}`}
                data-testid="open-shared"
              >
                {t('case.openShared')}
              </Anchor>
            )}
            <Anchor component={Link} to="/cases">
              {t('case.backToList')}
            </Anchor>
          </Group>
        }
      />
      {query.isPending ? (
        <LoadingBlock />
      ) : query.isError ? (
        isApiError(query.error) && (query.error.status === 404 || query.error.status === 400) ? (
          <Text>{t('case.notFound')}</Text>
        ) : (
          <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : current ? (
        <Stack gap="lg">
          <Group gap="sm" data-testid="case-badges">
            <StageBadge stage={current.stage} size="lg" />
            <DeadlineBadge deadline={current.departureDeadline} stage={current.stage} size="lg" withLabel />
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
            <Detail term={t('cases.principal')}>
              {principal ? fullName(principal) : t('cases.noPrincipal')}
            </Detail>
            <Detail term={t('cases.household')}>{current.persons.length}</Detail>
            <Detail term={t('newCase.return')}>
              {t('case.route', {
                from: format.country(current.hostCountry),
                to: format.country(current.returnCountry),
              })}
            </Detail>
            <Detail term={t('legal.returnType')}>{t(`returnTypes.${current.returnType}`)}</Detail>
          </SimpleGrid>

          <div aria-live="polite">
            {notice && (
              <Alert
                color="green"
                variant="light"
                withCloseButton
                onClose={() => setNotice(null)}
                closeButtonLabel={t('common.close')}
              >
                {notice}
              </Alert>
            )}
          </div>

          <Transitions
            current={current}
            onReload={reload}
            onMoved={(saved) => setNotice(t('case.moved', { stage: t(`stages.${saved.stage}`) }))}
          />

          <Tabs
            value={tab}
            onChange={(value) =>
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  if (value === 'persons' || !isTab(value)) next.delete('tab');
                  else next.set('tab', value);
                  return next;
                },
                { replace: true },
              )
            }
            keepMounted={false}
          >
            <Tabs.List aria-label={t('case.tabsLabel')}>
              {tabs.map((name) => (
                <Tabs.Tab
                  key={name}
                  value={name}
                  rightSection={
                    SENSITIVE_TABS.includes(name) ? (
                      <Badge size="sm" variant="outline" color="red.9" radius="sm" tt="none">
                        {t('case.sensitive')}
                      </Badge>
                    ) : undefined
                  }
                >
                  {name === 'referral' ? t('handover.referralTab.tab') : t(`case.tabs.${name}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="persons" pt="md">
              <PersonsTab current={current} onNotice={setNotice} />
            </Tabs.Panel>
            <Tabs.Panel value="legal" pt="md">
              <LegalTab current={current} onReload={reload} />
            </Tabs.Panel>
            <Tabs.Panel value="counselling" pt="md">
              <CounsellingTab current={current} onNotice={setNotice} />
            </Tabs.Panel>
            <Tabs.Panel value="consent" pt="md">
              <ConsentTab current={current} onNotice={setNotice} />
            </Tabs.Panel>
            <Tabs.Panel value="eligibility" pt="md">
              {tab === 'eligibility' ? <EligibilityTab current={current} onNotice={setNotice} /> : null}
            </Tabs.Panel>
            {canReadSensitive && (
              <Tabs.Panel value="vulnerabilities" pt="md">
                <VulnerabilitiesTab current={current} onNotice={setNotice} />
              </Tabs.Panel>
            )}
            <Tabs.Panel value="referral" pt="md">
              {tab === 'referral' ? (
                <ReferralTab
                  current={current}
                  onNotice={setNotice}
                  onOpenTab={(next) =>
                    setParams((prev) => new URLSearchParams({ ...Object.fromEntries(prev), tab: next }), {
                      replace: true,
                    })
                  }
                />
              ) : null}
            </Tabs.Panel>
            <Tabs.Panel value="timeline" pt="md">
              <TimelineTab caseId={current.id} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      ) : null}
    </>
  );
}
