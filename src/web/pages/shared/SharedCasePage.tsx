import { Alert, Anchor, Badge, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useSharedCase, type SharedCase } from '../../api/referrals.ts';
import { StageBadge } from '../../components/CaseBadges.tsx';
import { Detail } from '../../components/CaseSummaries.tsx';
import { useFormat } from '../../components/format.ts';
import { LoadingBlock } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan } from '../../components/session.ts';
import { CodeBadges } from '../case/shared.tsx';
import { DocumentsPanel } from './DocumentsPanel.tsx';
import { FinalReportPanel } from './FinalReportPanel.tsx';
import { MessagesPanel } from './MessagesPanel.tsx';
import { PlanPanel } from './PlanPanel.tsx';
import { SharedActions } from './SharedActions.tsx';
import { SharedOverview } from './SharedOverview.tsx';
import { SharedTimeline } from './SharedTimeline.tsx';

const TABS = ['overview', 'timeline', 'plan', 'report', 'documents', 'messages'] as const;
type SharedTab = (typeof TABS)[number];

function isTab(value: string | null): value is SharedTab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

function Header({ view }: { view: SharedCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  const none = t('common.notRecorded');
  return (
    <Stack gap="md">
      <Group gap="sm" data-testid="shared-badges">
        <StageBadge stage={view.stage} size="lg" />
        <Badge size="lg" variant="light" radius="sm" tt="none" data-relation={view.relation}>
          {t('sharedCase.yourPart', { part: t(`handover.relations.${view.relation}`) })}
        </Badge>
        {view.retroactive && (
          <Badge size="lg" variant="outline" radius="sm" tt="none">
            {t('sharedCase.retroactive')}
          </Badge>
        )}
      </Group>
      <Group gap="xs" align="center" data-testid="dataset">
        <Text fw={600} size="sm">
          {t('sharedCase.receive')}
        </Text>
        {view.dataset.length === 0 ? (
          <Text size="sm">{t('handover.datasetBase')}</Text>
        ) : (
          <CodeBadges labels={view.dataset.map((c) => t(`consentDataCategories.${c}`))} />
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
        <Detail term={t('sharedCase.details.owner')}>{view.owner.name}</Detail>
        <Detail term={t('sharedCase.details.funder')}>{view.funder.name}</Detail>
        <Detail term={t('sharedCase.details.partner')}>{view.partner?.name ?? none}</Detail>
        <Detail term={t('sharedCase.details.origin')}>{view.originAuthority?.name ?? none}</Detail>
        <Detail term={t('cases.household')}>{view.householdSize}</Detail>
        <Detail term={t('newCase.return')}>
          {t('case.route', {
            from: format.country(view.hostCountry),
            to: format.country(view.returnCountry),
          })}
        </Detail>
        <Detail term={t('legal.returnType')}>{t(`returnTypes.${view.returnType}`)}</Detail>
        {view.departedOn && (
          <Detail term={t('sharedCase.details.departedOn')}>{format.date(view.departedOn)}</Detail>
        )}
        {view.arrivedOn && (
          <Detail term={t('sharedCase.details.arrivedOn')}>{format.date(view.arrivedOn)}</Detail>
        )}
        {view.referral && (
          <Detail term={t('sharedCase.details.referral')}>
            <span data-testid="referral-status">
              {t(`handover.referralStatuses.${view.referral.status}`)}
              {view.referral.status === 'pending' &&
                ` · ${t('inbox.respondBy', { date: format.dateTime(view.referral.respondBy) })}`}
            </span>
            {view.referral.overdue && (
              <Badge ms="xs" color="red.9" variant="filled" radius="sm" tt="none">
                {t('handover.overdue')}
              </Badge>
            )}
          </Detail>
        )}
      </SimpleGrid>
    </Stack>
  );
}

/** A case as the reader's organisation shares it: funder, partner, origin authority, or the owner. */
export function SharedCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useSharedCase(id);
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  // A case just registered (after its return, or from a group booking) arrives with its notice.
  const [notice, setNotice] = useState<string | null>(() => {
    const state: unknown = location.state;
    return typeof state === 'object' &&
      state !== null &&
      'notice' in state &&
      typeof state.notice === 'string'
      ? state.notice
      : null;
  });
  const canReadWork = useCan('cases:read');
  const tabParam = params.get('tab');
  const tab: SharedTab = isTab(tabParam) ? tabParam : 'overview';
  const view = query.data;

  function openTab(value: string | null): void {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === 'overview' || !isTab(value)) next.delete('tab');
        else next.set('tab', value);
        return next;
      },
      { replace: true },
    );
  }

  return (
    <>
      <PageHeader
        title={view?.reference ?? t('sharedCase.title')}
        documentTitle={
          view ? t('sharedCase.documentTitle', { reference: view.reference }) : t('sharedCase.title')
        }
        actions={
          <Group gap="md">
            {view?.relation === 'owner' && (
              <Anchor component={Link} to={`/cases/${encodeURIComponent(view.id)}`}>
                {t('sharedCase.openFile')}
              </Anchor>
            )}
            {canReadWork && (
              <Anchor component={Link} to="/work">
                {t('sharedCase.backToWork')}
              </Anchor>
            )}
          </Group>
        }
      />
      {query.isPending ? (
        <LoadingBlock />
      ) : query.isError ? (
        isApiError(query.error) && (query.error.status === 404 || query.error.status === 400) ? (
          <Text data-testid="shared-not-found">{t('sharedCase.notFound')}</Text>
        ) : (
          <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : view ? (
        <Stack gap="lg" data-relation={view.relation} data-stage={view.stage}>
          <Header view={view} />
          <div aria-live="polite">
            {notice && (
              <Alert
                color="green"
                variant="light"
                withCloseButton
                onClose={() => setNotice(null)}
                closeButtonLabel={t('common.close')}
                data-testid="shared-notice"
              >
                {notice}
              </Alert>
            )}
          </div>
          <SharedActions
            view={view}
            onNotice={setNotice}
            onReload={() => void query.refetch()}
            onOpenTab={(next) => openTab(next)}
          />
          <Tabs value={tab} onChange={openTab} keepMounted={false}>
            <Tabs.List aria-label={t('sharedCase.tabsLabel')}>
              {TABS.map((name) => (
                <Tabs.Tab key={name} value={name}>
                  {t(`sharedCase.tabs.${name}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="overview" pt="md">
              <Stack gap="md">
                <Title order={2} size="h3">
                  {t('sharedCase.tabs.overview')}
                </Title>
                <SharedOverview view={view} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="timeline" pt="md">
              <SharedTimeline events={view.timeline} />
            </Tabs.Panel>
            <Tabs.Panel value="plan" pt="md">
              <PlanPanel caseId={view.id} view={view} />
            </Tabs.Panel>
            <Tabs.Panel value="report" pt="md">
              <FinalReportPanel caseId={view.id} view={view} />
            </Tabs.Panel>
            <Tabs.Panel value="documents" pt="md">
              <DocumentsPanel caseId={view.id} view={view} />
            </Tabs.Panel>
            <Tabs.Panel value="messages" pt="md">
              <MessagesPanel caseId={view.id} view={view} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      ) : null}
    </>
  );
}
